# ruff: noqa: RUF001  (the printed sums use the true minus and times signs, U+2212 and U+00D7)
"""The wording the build writes into pages and PDFs: templates (`t(id)` / `tn(id, count)`) and Python.

Pipeline position: strings.py adds these ids to DEFAULTS, so the `strings:` of workbook.yml may
override them (check_strings.py checks ids and placeholders) and generator/locales/<language>.yml
translates them (tests/test_locales.py). They are not sent to the scripts (strings.js).

Id prefixes, by where the words appear:
- `nav.`    the navigation's own entries (the engine's nav, the footer's path).
- `theme.`  the theme's controls that mkdocs.yml configures (the colour toggle, the headings' permalinks).
- `page.`   the site's generated pages (templates/pages/*.j2); texts on Markdown pages are Markdown.
- `kind.`   an exercise's kind, as a reader sees it (`assessment`, `worksheet`, ...).
- `source.` a source's credit line.
- `number.` numbers with no digits (an unbounded band).
- `sheet.`  the worksheet form, its printed scoring grid and the scoring key (templates/worksheet/).
- `plan.`   session plans (generator/plans.py, templates/packs/plan*.html.j2).
- `pack.`   the PDF packs (templates/packs/, generator/pdf.py) and the facilitator notes they share with the guide.
- `list.`   joining a list in a sentence ("1, 2 and 3").
Placeholders are `{name}`; ids ending in `.one`, `.other` (and `.few`, `.many`... where a language
has them) are the forms of a counted phrase, chosen by the language's plural rule for `{count}`.
"""

from __future__ import annotations

BUILD: dict[str, str] = {
    # --- the navigation (engine.nav) and the footer's path (footer_path.py) ---
    "nav.home": "Home",
    "nav.my-workbook": "My workbook",
    # a chapter's first entry, its own page
    "nav.overview": "Overview",
    "nav.sources": "Sources",
    "nav.facilitator-guide": "Facilitator guide",
    # --- the theme's own controls, which mkdocs.yml would otherwise name in English (engine.py) ---
    # the header's colour toggle, named for the scheme it switches to (its tooltip and label)
    "theme.to-dark": "Switch to dark mode",
    "theme.to-light": "Switch to light mode",
    # the same toggle in a three-way palette, going back to the device's setting
    "theme.to-system": "Switch to system preference",
    # the title of the link (¶) beside each heading
    "theme.permalink": "Permanent link",
    # --- a chapter page (chapter.md.j2) ---
    "page.chapter-exercises": "Exercises in this chapter",
    # after each exercise's title; {kind}: its kind (kind.*), {minutes}: how long it takes
    "page.chapter-entry": "{kind}, about {minutes} minutes",
    # --- an exercise's kind ---
    "kind.assessment": "assessment",
    "kind.worksheet": "worksheet",
    "kind.checklist": "checklist",
    "kind.planner": "planner",
    # --- the home page's "continue where you left off" (continue.html.j2; continue.js fills the rest) ---
    "page.continue-title": "Welcome back.",
    "page.continue-my": "See all your answers and results in My workbook",
    # --- the home page's downloads (downloads.md.j2); {paper}: "A4" or "US Letter" ---
    "page.downloads-heading": "Print it for a workshop",
    "page.participant-pack-link": "Participant pack, {paper} (PDF)",
    "page.facilitator-pack-link": "Facilitator pack, {paper} (PDF)",
    "page.participant-pack-about": "a cover, the contents and every worksheet, blank.",
    "page.facilitator-pack-about": "the same, with timings, notes, discussion prompts, scoring keys and session plans.",
    # Markdown; {guide}: the facilitator guide's page
    "page.downloads-more": "Each exercise page also offers its own worksheet as a PDF, and prints cleanly from the browser,\n"
    "blank or with your answers. The [facilitator guide]({guide}) has the session plans online.",
    "paper.a4": "A4",
    "paper.letter": "US Letter",
    # --- an exercise page (exercise.md.j2) ---
    # the line under the title; {minutes}, {chapter}: a link to the chapter, {id}: the exercise's id
    "page.exercise-meta": "About {minutes} minutes · Chapter: {chapter} · Exercise {id}",
    "page.print-blank": "Print blank",
    "page.print-answers": "Print with my answers",
    "page.download-worksheet": "Download this worksheet (PDF)",
    "page.ideas": "Ideas this exercise practises",
    # an idea; {idea}: a link to it, {credit}: its source's credit
    "page.idea-from": "{idea}, from {credit}",
    "page.instructions": "Instructions",
    "page.history-heading": "Your results, last time and this time",
    "page.reflect": "Reflect",
    "page.where-next": "Where next",
    # a follow-up; {exercise}: a link to it
    "page.next-entry": "{exercise}: about {minutes} minutes",
    # --- a source page (source.md.j2) ---
    "page.read-article": "read the article",
    "page.own-words-title": "In our own words",
    "page.own-words": "The workbook paraphrases this article's ideas and builds exercises on them. The summaries below\n"
    "are ours; read the original for the author's own argument.",
    "page.ideas-heading": "The ideas",
    "page.practised-in": "Practised in:",
    # --- a source's credit: “Title” by Author (Publication, March 2011) ---
    "source.title": "“{title}”",
    "source.by": "{title} by {author}",
    "source.where": "{credit} ({where})",
    "source.where-no-author": "{credit}, {where}",
    # --- the facilitator guide (facilitator-guide.md.j2) ---
    "page.guide-title": "Facilitator guide",
    # Markdown; {workbook}: the workbook's title
    "page.guide-intro": "Running {workbook} with a group: session plans, then, exercise by exercise, how long\n"
    "it takes, how to run it and what to ask afterwards.",
    "page.guide-packs": "The facilitator pack has all of this page plus every worksheet and its scoring key; the\n"
    "participant pack has the blank worksheets only.",
    "page.guide-plans": "Session plans",
    # a plan's heading; {title}, {minutes}
    "page.guide-plan": "{title} ({minutes} minutes)",
    "page.guide-exercises": "Exercise by exercise",
    # --- the My workbook page (my-workbook.md.j2; my-workbook.js fills the rest) ---
    "page.my-title": "My workbook",
    "page.my-intro": "Your answers never leave this device: they are kept in this browser only. This page gathers them:\n"
    "how far you have got with each exercise, your latest profile, every result you have kept, and a\n"
    "backup that moves your answers to another device.",
    "page.my-noscript": "This page reads the answers saved in your browser, which needs JavaScript. "
    "The worksheets themselves work and print without it.",
    "page.my-progress": "Your progress",
    "page.my-profile": "Your profile",
    "page.my-history": "Your results over time",
    # {count}: how many months between check-ins
    "page.my-history-intro.one": "Every time you complete an assessment, its result is kept here, dated. Take it again on a later\n"
    "day and both results are kept, so you see how you have moved; changes on the same day update that\n"
    "day's result. Check in every {count} month.",
    "page.my-history-intro.other": "Every time you complete an assessment, its result is kept here, dated. Take it again on a later\n"
    "day and both results are kept, so you see how you have moved; changes on the same day update that\n"
    "day's result. Check in every {count} months.",
    "page.my-ics": "Download a check-in reminder (.ics)",
    "page.my-backup": "Back up or move your answers",
    "page.my-backup-intro": "A backup is a file with all your answers and results. Keep it somewhere safe. To move your\n"
    "workbook to another device, there are two ways, both without any server:",
    "page.my-backup-file": "**A backup file.** Download a backup, then restore it in a browser on the other device.",
    "page.my-backup-link": '**A link.** "Make a transfer link" puts all your answers into a link, and into a QR code when they\n'
    "  fit in one. Open the link on the other device. The link holds your answers themselves, so anyone\n"
    "  who has it can read them: send it only to yourself.",
    "page.my-backup-choose": "Either way, before anything is replaced you see what would change, and choose whether to go ahead.",
    "page.my-export": "Download a backup (.json)",
    "page.my-import": "Restore or import a backup:",
    "page.my-link-make": "Make a transfer link",
    "page.my-reset": "Start again",
    "page.my-reset-intro": "Clearing removes every answer and result this browser holds for the workbook. "
    "Download a backup first if you may want them back.",
    "page.my-clear": "Clear all my answers",
    # --- the worksheet form (templates/worksheet/form.html.j2) ---
    # the form's accessible name; {title}: the exercise's
    "sheet.form-label": "Worksheet: {title}",
    # paper only: what the participant notes at the top of the sheet (exercise `fill_in`)
    "sheet.fill-in.name": "Name",
    "sheet.fill-in.date": "Date",
    "sheet.fill-in.next-check-in": "Next check-in",
    # paper only, on an exercise with `history_of` (the quarterly check-in): a table to copy the
    # looked-back-on assessment's results into; {exercise}: its title
    "sheet.history-caption": "Your results in {exercise}, last time and this time",
    "sheet.history-area": "Area",
    "sheet.history-last": "Last time",
    "sheet.history-this": "This time",
    "sheet.history-date": "Date",
    "sheet.results": "Your results",
    # a band's heading; {dimension}: the score's name, {band}: the band's
    "sheet.band-label": "{dimension}: {band}",
    # under the results; {link}: a link to My workbook named by sheet.results-my-link
    "sheet.results-my": "All your results, your check-ins and how your scores have moved: {link}.",
    "sheet.results-my-link": "My workbook",
    # paper only, under a table: a scored column's options with their numbers / a word column's options
    "sheet.write-number": "write the number of your answer: {options}.",
    "sheet.write-one-of": "write one of {options}.",
    # --- the scoring grid, on paper (grid.html.j2); Q1 is question 1 ---
    "sheet.grid-title": "Score it yourself",
    "sheet.grid-intro": "Copy the number of each answer into its box (Q1 is question 1), work out each score as shown, "
    "then find it in the table under it.",
    # a box's caption: a question, a table column of it, its total, how many different answers
    "sheet.q": "Q{number}",
    "sheet.q-column": "Q{number} {column}",
    "sheet.q-each": "Q{number} {column}: total",
    "sheet.q-distinct": "Q{number} {column}: how many different",
    # a reversed question's box; {caption}: the box's caption, {point}: what the answer is taken from
    "sheet.q-reversed": "{caption} ({point} − answer)",
    "sheet.box-total": "total",
    "sheet.box-how-many": "how many",
    # between two scores when the lowest counts
    "sheet.op-or": "or",
    # when the most a score could be is worked out from the rows written
    "sheet.op-most-possible": "÷ the most possible × 100",
    "sheet.col-score": "Score",
    "sheet.col-result": "Result",
    "sheet.col-next": "Next step",
    # --- how a score is worked out, in words (scoring-words.html.j2; the grid and the key) ---
    # {numbers}: "1, 2 and 3"
    "sheet.questions.one": "question {numbers}",
    "sheet.questions.other": "questions {numbers}",
    "sheet.question": "question {number}",
    "sheet.words-distinct": "the number of different answers in column “{column}” of question {number}",
    "sheet.words-distinct-alone": "The number of different answers in column “{column}” of question {number}",
    "sheet.words-each": "the numbers in column “{column}” of question {number}",
    "sheet.words-ticks": "the ticks in question {number}",
    "sheet.words-ticked": "the values ticked in question {number}",
    # after a term counted more than once; {weight}: e.g. 2
    "sheet.words-weight": "{term} (counted ×{weight})",
    # {a}, {b}: the two scores' names
    "sheet.how-difference": "{a} minus {b}.",
    # {scores}: "A, B and C"; {count}: how many
    "sheet.how-average-of-scores": "The average of the scores for {scores}: add them and divide by {count}.",
    "sheet.how-total-of-scores": "The total of the scores for {scores}.",
    "sheet.how-lowest-of-scores": "The lowest of the scores for {scores}.",
    # a ratio; {a}, {b}: question numbers, {a_text}, {b_text}: their questions
    "sheet.how-ratio": "Question {a} (“{a_text}”) divided by question {b} (“{b_text}”).",
    # {terms}: what is added, in words
    "sheet.how-sum": "Add {terms}.",
    "sheet.how-average-varying": "The average of {terms}: add them and divide by how many numbers you added.",
    "sheet.how-average": "The average of {terms}: add them and divide by {divisor}.",
    "sheet.how-percentage-span": "Add {terms}, take away the least those rows could add up to, divide by the difference between "
    "the most and the least they could add up to and multiply by 100 (a percentage).",
    "sheet.how-percentage": "Add {terms}, divide by {max} and multiply by 100 (a percentage).",
    "sheet.how-percentage-from": "Add {terms}, take away {min}, divide by {span} and multiply by 100 (a percentage).",
    # reversed questions; {numbers}: "5 and 10", {point}: e.g. 6, {one}: what an answer of 1 counts
    "sheet.reversed.one": "Question {numbers} is reversed: each counts {point} minus your answer (an answer of 1 counts {one}).",
    "sheet.reversed.other": "Questions {numbers} are reversed: each counts {point} minus your answer (an answer of 1 counts {one}).",
    # a band's scores: "1 to under 2.5", "1 to 2.5" (the top band), "6 or more"
    "sheet.range-under": "{min} to under {max}",
    "sheet.range-to": "{min} to {max}",
    "sheet.range-more": "{min} or more",
    # "1, 2 and 3": between the items, and before the last
    "list.sep": ", ",
    "list.and": "{rest} and {last}",
    # --- the scoring key (key.html.j2) ---
    "sheet.key-summary": "How this is scored",
    "sheet.key-col-score": "Score",
    "sheet.key-col-band": "Band",
    "sheet.key-col-meaning": "What it means",
    # {min}, {max}: the scores' ends (or the two texts below)
    "sheet.key-range": "Scores run from {min} to {max}.",
    "sheet.key-range-lower": "Scores run from {min} to {max}; here a lower score is the better one.",
    "sheet.key-no-lower": "no lower limit",
    "sheet.key-no-upper": "no upper limit",
    "sheet.example-title": "A worked example",
    "sheet.example-intro": "Suppose a participant answered:",
    # an example answer; {number}: the question's, {answer}: the answer; {value}: what it counts
    "sheet.example-answer": "Question {number}: {answer}",
    "sheet.example-answer-counts": "Question {number}: {answer} (counts {value})",
    "sheet.example-ticked": "ticked {options}",
    "sheet.example-none": "none",
    # the worked sums: a score a part has none of; joining the parts; the steps after them
    "sheet.example-no-part-score": "(no score)",
    "sheet.example-minus": " minus ",
    "sheet.example-divided": ", divided by {count}",
    "sheet.example-lowest": ": the lowest",
    "sheet.example-nothing": "nothing counted",
    "sheet.example-minus-start": ", minus {min}",
    "sheet.example-percent": ", divided by {span}, times 100",
    # before the score: after a one-step sum / a longer one / anything else
    "sheet.example-gives": " gives",
    "sheet.example-no-score": "no score",
    # --- session plans (generator/plans.py; templates/packs/plan.html.j2, plans-intro.html.j2) ---
    # the automatic plans' names, when content/sessions.yml has no sessions
    "plan.format-session": "90-minute session",
    "plan.format-half-day": "Half-day workshop",
    # the automatic plan for the exercises no session names; {part}: its number when there are several
    "plan.other-exercises": "Other exercises",
    "plan.other-exercises-part": "Other exercises, part {part}",
    # an automatic plan's slots; {exercise}: an exercise's title
    "plan.welcome": "Welcome and introductions",
    "plan.discussion": "Discussion: {exercise}",
    "plan.break": "Break",
    "plan.close": "Close: what each person will do next",
    "plan.automatic": "Planned automatically from each exercise's timing: a welcome, each exercise followed by a short "
    "discussion where it has prompts, and a close.",
    "plan.automatic-break": "Planned automatically from each exercise's timing: a welcome, each exercise followed by a short "
    "discussion where it has prompts, a break, and a close.",
    "plan.col-time": "Time",
    "plan.col-minutes": "Minutes",
    "plan.col-activity": "Activity",
    # {exercises}: links to the exercises the session leaves out
    "plan.left-out": "Not in this session (for a follow-up session or to do at home): {exercises}.",
    # above the plans; {count}: sessions written in content/sessions.yml
    "plan.intro-authored.one": "{count} session written for this workbook, with the timings its facilitator notes give.",
    "plan.intro-authored.other": "{count} sessions written for this workbook, with the timings its facilitator notes give.",
    # after it: the exercises left to automatic plans ({count}: how many plans) / none left
    "plan.intro-rest.one": "The exercises no session names are in a plan assembled automatically from their timings, at the end.",
    "plan.intro-rest.other": "The exercises no session names are in plans assembled automatically from their timings, at the end.",
    "plan.intro-all": "Every exercise is in at least one of them.",
    "plan.intro-automatic": "Assembled automatically from each exercise's timing. Every plan opens with a welcome, follows each\n"
    "exercise that has discussion prompts with a short discussion, and closes with each person naming\n"
    "their next step.",
    # --- an exercise's facilitator notes (templates/packs/notes.html.j2, on the guide page and in the pack) ---
    # {minutes}; then the kind and the exercise, as on the page
    "pack.notes-minutes": "About {minutes} minutes",
    "pack.notes-prompts": "Discussion prompts",
    "pack.notes-none": "No facilitator notes for this exercise yet.",
    # --- the PDF packs (templates/packs/, generator/pdf.py) ---
    # a PDF's title; {workbook}: the workbook's, {title}: the exercise's
    "pack.title-participant": "{workbook}: participant pack",
    "pack.title-facilitator": "{workbook}: facilitator pack",
    "pack.title-exercise": "{workbook}: {title}",
    "pack.cover-participant": "Participant pack",
    "pack.cover-facilitator": "Facilitator pack",
    # the cover's line; {count}: worksheets
    "pack.cover-about-participant.one": "{count} worksheet, ready to fill in by hand.",
    "pack.cover-about-participant.other": "{count} worksheets, ready to fill in by hand.",
    "pack.cover-about-facilitator.one": "{count} worksheet, with timings, facilitator notes, discussion prompts, scoring keys "
    "and session plans.",
    "pack.cover-about-facilitator.other": "{count} worksheets, with timings, facilitator notes, discussion prompts, scoring keys "
    "and session plans.",
    "pack.contents": "Contents",
    "pack.session-plans": "Session plans",
    "pack.timings": "Exercises and timings",
    "pack.with-notes": "and its facilitator notes",
    "pack.col-exercise": "Exercise",
    "pack.col-kind": "Kind",
    "pack.col-minutes": "Minutes",
    "pack.all-exercises": "All exercises",
    # a plan's heading; {title}, {minutes}
    "pack.plan-heading": "{title} ({minutes} minutes)",
    # the facilitator's page after each worksheet; {title}: the exercise's
    "pack.for-facilitator": "For the facilitator: {title}",
    "pack.scoring-key": "Scoring key",
    # a worksheet's line under its title; {minutes}, {chapter}, {id}; then the page's address when there is one
    "pack.sheet-meta": "About {minutes} minutes · Chapter: {chapter} · Exercise {id}",
    "pack.sheet-meta-url": "About {minutes} minutes · Chapter: {chapter} · Exercise {id} · {url}",
    # every PDF page's footer; {page} comes before {pages} in every language's text
    "pack.page-of": "Page {page} of {pages}",
    "pack.instructions": "Instructions",
    "pack.reflect": "Reflect",
    # --- numbers without digits ---
    "number.no-limit": "no limit",
    "number.minus-infinity": "minus infinity",
    # notice at the top of a page shown in the original's language for want of a translation;
    # {language}: that language's name in the page's language (e.g. "English", "inglés")
    "page.untranslated": "This page is not yet translated: it is shown in {language}.",
    # the facilitator guide and pack, above an exercise's notes shown in the original's language; {language}: its name
    "page.untranslated-exercise": "This exercise is not yet translated: its notes are shown in {language}.",
    # the facilitator guide and pack, above authored session plans shown in the original's language
    "page.untranslated-sessions": "The session plans are not yet translated: they are shown in {language}.",
}

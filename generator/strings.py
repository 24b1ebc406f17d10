"""The wording of the scripts: every user-facing string widget.js, my-workbook.js and web-app.js produce.

Pipeline position: read by validate (the `strings:` of workbook.yml may only override ids listed
here, keeping their placeholders) and by render, which writes the effective table (these defaults
merged with the overrides) to assets/workbook/strings.js as `globalThis.WorkbookStrings`. The
scripts read text only from there, through `t(key, vars)` in widget.js.

Placeholders are `{name}`; they are filled in as text, never as HTML. Ids ending in `.one` and
`.other` are the two forms of a counted phrase (`{count}` is the number): `.one` is used where the
page's language says the number is singular (in English: 1), `.other` everywhere else.
print.js shows buttons written in the page template, so it has no strings of its own.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import yaml

from .strings_build import BUILD
from .strings_check import CHECK

DEFAULTS: dict[str, str] = {
    # --- exercise pages (widget.js) ---
    # button under every exercise form
    "widget.clear": "Clear my answers",
    # confirmation before clearing; {title}: the exercise's title
    "widget.confirm-clear": "Clear all your answers to “{title}”? This cannot be undone.",
    # the same, for a scored exercise, whose dated results clearing keeps
    "widget.confirm-clear-kept": "Clear all your answers to “{title}”? This cannot be undone. "
    "The results you completed stay in My workbook.",
    # note beside the clear button once the answers are cleared
    "widget.cleared": "Your answers to this exercise were cleared.",
    # note beside the clear button while answers are being saved
    "widget.saving": "Your answers are saved in this browser as you go, and never leave this device.",
    # note beside the clear button when localStorage is blocked or full
    "widget.not-saving": "This browser is not keeping your answers (storage is blocked or full): scoring still works, "
    "but your answers will be lost when you leave the page.",
    # note beside the clear button when the saved answers are corrupt
    "widget.unreadable": (
        "Answers saved earlier could not be read: they are kept aside (My workbook offers them as a file), and the form starts empty."
    ),
    # link at the foot of the screen after the last answer, when the result is out of sight
    "widget.see-result": "Your result is ready: see it",
    # note when another tab of this browser saved or cleared the same exercise
    "widget.other-tab": "Updated with the answers saved in another tab.",
    "widget.other-tab-cleared": "Cleared in another tab.",
    # note beside the clear button after the exercise changed; {count}: answers dropped
    "widget.dropped.one": "This exercise has changed since you saved it: {count} answer that no longer fits was dropped.",
    "widget.dropped.other": "This exercise has changed since you saved it: {count} answers that no longer fit were dropped.",
    # button under a table readers may extend
    "widget.add-row": "Add a row",
    # a table cell's accessible name (also written by the build): {column}: its column, {row}: its row's
    # label or widget.row-name; {number}: a row's number, for tables whose rows have no labels
    "widget.cell-label": "{column}, {row}",
    "widget.row-name": "row {number}",
    # caption and column headings of the score table in an exercise's results
    "widget.scores-caption": "Your scores",
    "widget.col-area": "Area",
    "widget.col-score": "Score",
    "widget.col-result": "Result",
    # tag on the weakest area's row: with exercises to follow up / without
    "widget.tag-start-here": "start here",
    "widget.tag-weakest": "weakest",
    # after the name of an area where a low score is the good one
    "widget.lower-better": "(lower is better)",
    # score cell of an area still missing answers (also on My workbook); {count}: answers missing
    "widget.to-go.one": "{count} answer to go",
    "widget.to-go.other": "{count} answers to go",
    # score cell of a ratio whose denominator is 0
    "widget.zero-denominator": "cannot be worked out (it divides by zero)",
    # score cell of an area with nothing to score
    "widget.no-answers": "no answers to score yet",
    # score cell when no score can be given for another reason
    "widget.not-available": "not available",
    # score cell; {score}: the score, {max}: the highest possible
    "widget.score-of": "{score} of {max}",
    # score cell of a scale that goes below zero; {min}, {max}: its ends
    "widget.score-from-to": "{score} (from {min} to {max})",
    # text beside a chart bar with no score / with answers missing
    "widget.chart-none": "n/a",
    "widget.chart-incomplete": "…",
    # above the follow-up links; {area}: the weakest area's name (in bold)
    "widget.weakest": "Your weakest area is {area}. Exercises that build it:",
    # results status (read out by screen readers) while answers are missing; {count}: answers missing
    "widget.remain.one": "{count} answer remains before your full result.",
    "widget.remain.other": "{count} answers remain before your full result.",
    # results status, one part per area (joined by "; ", ending "."); {label}, {score}, {band}
    "widget.status-score": "{label}: {score}",
    "widget.status-score-band": "{label}: {score}, {band}",
    # results status, appended when there are follow-ups; {area}: the weakest area's name
    "widget.status-weakest": "Weakest area: {area}.",
    # --- the home page's "continue where you left off" (continue.js) ---
    # the exercise saved last; {exercise}: a link to it, {date}: when it was saved
    "widget.continue-last-dated": "Continue where you left off: {exercise}, last saved {date}.",
    "widget.continue-last": "Continue where you left off: {exercise}.",
    # progress; {count}: exercises with answers saved in this browser, {total}: exercises in the workbook
    "widget.continue-started.one": "You have started {count} of {total} exercises.",
    "widget.continue-started.other": "You have started {count} of {total} exercises.",
    # --- every page, once the site is installed or kept offline (web-app.js) ---
    # notice when a new version of the workbook has been downloaded and waits for a reload
    "app.update-ready": "A new version of the workbook is ready. Your answers stay as they are.",
    # the notice's buttons: reload into the new version / keep reading this one
    "app.update-reload": "Reload",
    "app.update-later": "Not now",
    # --- the My workbook page (my-workbook.js) ---
    # status when localStorage is blocked or full
    "my.not-saving": "This browser is not letting the workbook keep anything (storage is blocked or full): "
    "nothing saved can be shown, and results and imports cannot be kept.",
    # progress table: caption and column headings
    "my.progress-caption": "Every exercise",
    "my.col-exercise": "Exercise",
    "my.col-progress": "Progress",
    "my.col-result": "Result",
    "my.col-saved": "Last saved",
    "my.col-print": "Print",
    # progress cell; {done}: items answered, {total}: items in the exercise
    "my.answered": "{done} of {total} answered",
    # result cell while answers are missing; {count}: answers missing
    "my.remain.one": "{count} answer remains",
    "my.remain.other": "{count} answers remain",
    # result cell, one part per area (joined by "; "); {label}, {score}, {band}
    "my.result": "{label} {score}",
    "my.result-band": "{label} {score} ({band})",
    # score of an area whose score cannot be worked out (a ratio dividing by zero)
    "my.cannot-work-out": "cannot be worked out",
    # last-saved cell: saved answers unreadable / saved without a date / nothing saved
    "my.unreadable": "could not be read",
    # whether the browser agreed to keep this site's storage (asked when answers are first saved)
    "my.protected": "This browser has agreed to keep your answers: it will not clear them to free space.",
    "my.not-protected": (
        "This browser may clear your answers to free space, or (Safari) after seven days without a visit: download a backup now and then."
    ),
    # under the progress table when saved answers could not be read; {exercise}: its title
    "my.aside": "Some saved answers could not be read. They are kept as they were, for you to download:",
    "my.aside-download": "Download what was saved for “{exercise}”",
    # after the backup status when something could not be included; {items}: titles
    "my.export-left-out": "Not included, because it could not be read: {items}.",
    "my.saved": "saved",
    "my.not-started": "not started",
    # print cell: link that opens the exercise and prints it with the saved answers
    "my.print-answers": "Print with my answers",
    # profile section; {exercise}: a link to the assessment, {date}: when it was last saved
    "my.no-profile": "The profile exercise named in workbook.yml is not in this workbook.",
    "my.profile-not-started": "You have not started {exercise} yet.",
    "my.profile-remain.one": "{count} answer remains in {exercise} before your profile can be shown.",
    "my.profile-remain.other": "{count} answers remain in {exercise} before your profile can be shown.",
    "my.profile-from": "From {exercise}.",
    "my.profile-from-saved": "From {exercise}, last saved {date}.",
    # profile table: caption, column headings, and the tag on the weakest level
    "my.profile-caption": "Your latest profile",
    "my.col-level": "Level",
    "my.col-score": "Score",
    "my.tag-weakest": "weakest",
    # results tables: first column heading, and the change since the result before
    "my.col-area": "Area",
    "my.col-change": "Change",
    # change cell when a score moved by less than 0.05
    "my.no-change": "no change",
    # change since the result before, for an area where that is good / bad news; {change}: e.g. "+0.5"
    "my.change-improved": "{change}, improved",
    "my.change-slipped": "{change}, slipped",
    # label of the overall score when the exercise gives none
    "my.overall": "Overall",
    # the calendar reminder (.ics): file name, event title ({workbook}: the site's name), description ({url}: this page)
    "my.ics-file": "career-check-in.ics",
    "my.ics-title": "Career check-in: {workbook}",
    "my.ics-description": "Redo the assessments, then see what moved on the My workbook page: {url}",
    # status after the reminder download; {file}: its file name, {date}: the check-in's
    "my.ics-done": "Reminder downloaded: open {file} to add your check-in on {date} to your calendar.",
    # export file name; {date}: today, YYYY-MM-DD
    "my.export-file": "my-workbook-{date}.json",
    # counts inside the export and import messages
    "my.n-exercises.one": "{count} exercise",
    "my.n-exercises.other": "{count} exercises",
    # import errors; {file}: the chosen file's name
    # what is wrong in a chosen file, after the place in it ("format: ..."); {expected}: the value wanted
    "my.import-error-not-json": "not JSON; choose a file exported from My workbook",
    "my.import-error-not-export": "not a workbook export (expected a JSON object)",
    "my.import-error-format": "expected {expected}",
    "my.import-error-version": "expected {expected}; a newer workbook may have written it",
    "my.import-error-exercises": "expected the exercises, each with its answers",
    "my.import-error-exercise-id": "not an exercise id",
    "my.import-error-answers": "expected the answers",
    "my.import-error-text": "expected text",
    "my.import-error-list": "expected a list",
    "my.import-error-date": "expected a date",
    "my.import-error-history": "expected the dated results of each exercise",
    "my.import-error-scores": "expected the scores",
    "my.import-invalid": "“{file}” cannot be imported, and nothing was changed:",
    "my.import-unreadable": "“{file}” could not be read; nothing was changed.",
    "my.import-nothing": "Nothing to import: “{file}” holds nothing you do not already have.",
    # import preview: heading, intro ({file}, {date}: when it was exported), list entries ({count}, {exercises}: titles)
    "my.import-heading": "Before you import",
    "my.import-intro": "“{file}” would make these changes:",
    "my.import-intro-dated": "“{file}”, exported {date}, would make these changes:",
    "my.import-added": "Added, new to this browser ({count}): {exercises}",
    "my.import-changed": "Replaced: what you saved here is overwritten ({count}): {exercises}",
    "my.import-unchanged": "Unchanged ({count}): {exercises}",
    "my.import-unknown": "Not in this workbook, skipped: {ids}",
    "my.import-rest": "Exercises not in the file keep what you saved.",
    # import preview buttons
    "my.import-go": "Import these answers",
    "my.import-cancel": "Cancel",
    # status after the preview: cancelled / storage failed
    "my.import-cancelled": "Import cancelled: nothing was changed.",
    "my.import-failed": "The import could not be saved completely: this browser is not keeping data (storage is blocked or full).",
    # --- My workbook: the transfer link (transfer.js) ---
    # status when the link cannot be made: opened from disk / browser too old / nothing saved / it failed
    "my.link-offline": "A link needs the workbook's web address, and this copy is opened from a file: use the backup file instead.",
    "my.link-unsupported": "This browser cannot make or read transfer links (it cannot compress data): use the backup file instead.",
    "my.link-nothing": "There is nothing to carry yet: this browser holds no answers and no results for the workbook.",
    "my.link-failed": "The link could not be made. Use the backup file instead.",
    # the warning above a new link, in two parts (the title is bold)
    "my.link-private-title": "This link holds your answers.",
    "my.link-private": "Anyone who has it can read them, so send it only to yourself (for example in a note or a message to "
    "yourself), and delete it once you have opened it on the other device.",
    # label of the field holding the link, and its copy button
    "my.link-label": "Your transfer link",
    "my.link-copy": "Copy the link",
    # status after copying / when the browser would not copy
    "my.link-copied": "The link is copied: paste it into a note or a message to yourself and open it on the other device.",
    "my.link-copy-yourself": "The link is selected: copy it with your keyboard or menu.",
    # the QR code's text alternative and its caption
    "my.link-qr-alt": "QR code of your transfer link",
    "my.link-qr-caption": "Or scan this code with the other device's camera: it opens the same link.",
    # instead of the QR code when the link is too long for one; {size}: the link's length, {max}: what a code holds
    "my.link-too-big": "Your answers make a link too long for a QR code ({size} characters; a code holds {max}): "
    "copy the link, or use the backup file.",
    # status once the link is made: with a QR code / without
    "my.link-ready-qr": "Your transfer link and its QR code are ready below.",
    "my.link-ready": "Your transfer link is ready below.",
    # the name the import preview gives a link ("“{file}” would make these changes")
    "my.link-name": "the transfer link",
    # a link that cannot be read: the heading, then why
    "my.link-invalid": "This page was opened with a transfer link that cannot be read, and nothing was changed.",
    "my.link-error-damaged": "The link is incomplete or was changed on the way: a link cut short by a message app is the usual cause. "
    "Copy the whole link again, or use the backup file.",
    "my.link-error-version": "The link was made by a newer version of the workbook. "
    "Use the backup file, or open the link where it was made.",
    "my.link-error-too-large": "The link holds more than a workbook's answers could: it was not opened. Use the backup file.",
    "my.link-error-not-json": "The link does not hold workbook answers. Copy the whole link again, or use the backup file.",
    "my.link-error-unsupported": "This browser cannot read transfer links (it cannot decompress data): use the backup file instead.",
    # "Clear all my answers": confirmation, then status
    # --- dated results and backups (history-view.js: My workbook and the check-in exercise) ---
    # {count}: results kept, {date}: a day; {first}/{last}: the chart's first and last days; {exercise}: a title or link
    # backup notices: {date} of the last backup; the counts after a backup or import; the import preview line
    "my.no-history": "No results kept yet. Complete an assessment and its result is kept here, dated; "
    "take it again on a later day and both are kept.",
    "my.results.one": "{count} result kept, from {date}.",
    "my.results.other": "{count} results kept, the latest from {date}.",
    "my.history-span": "From {first} to {last}",
    "my.history-caption": "Your result in “{exercise}”",
    "my.history-caption-change": "Your results in “{exercise}”, and the change since the one before the latest",
    "my.next-checkin": "Next check-in: {date}.",
    "my.ics-next": "Add the next check-in to my calendar (.ics)",
    "my.n-results.one": "{count} dated result",
    "my.n-results.other": "{count} dated results",
    "my.backup-done": "Backup downloaded: {exercises} and {results}.",
    "my.imported-results": "Imported {exercises} and {results}.",
    "my.import-results": "Dated results new to this browser: {count}",
    "my.backup-last": "Last backup downloaded from this browser: {date}.",
    "my.backup-none": "No backup downloaded from this browser yet.",
    "my.backup-due": "Your answers have changed since your last backup, on {date}. "
    "A new backup keeps them safe if this browser clears them.",
    "my.backup-never": "You have not downloaded a backup yet. A backup file keeps your answers safe if this browser clears them.",
    "my.backup-link": "Download a backup",
    "my.backup-dismiss": "Not now",
    "my.aside-checkins": "Download the check-ins that could not be carried over",
    "my.panel-none": "No result of {exercise} is kept in this browser yet. Take it, and your result appears here, dated.",
    "my.panel-today": "Your result of {exercise} from today is kept, beside the one before.",
    "my.panel-retake": "Your latest result of {exercise} is from {date}. "
    "Take it again today, and this time's result appears here beside it.",
    "my.panel-caption": "Your previous result beside your latest, and what moved",
    "my.panel-caption-first": "Your starting point",
    "my.col-last-time": "Before ({date})",
    "my.col-this-time": "Latest ({date})",
    "my.confirm-clear": "Clear every answer and dated result this browser holds for the workbook? This cannot be undone.",
    "my.cleared": "All your answers and dated results were cleared.",
}

# The words the build writes into pages and PDFs (templates and Python) are ids too, in their own
# file; they are overridden and translated like these, but never sent to the scripts.
DEFAULTS.update(BUILD)
# So are the messages to authors (`workbook check`, build errors): translated like these, but the
# language is the author's (generator/messages.py), and a workbook's `strings:` does not change them.
DEFAULTS.update(CHECK)

PLACEHOLDER = re.compile(r"\{(\w+)\}")
ASSET = "assets/workbook/strings.js"  # every page: the widget's wording
MY_ASSET = "assets/workbook/my-strings.js"  # the My workbook page only: its `my.` wording, added to the same table
MY_PREFIX = "my."


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


# Plural categories English does not have (Unicode CLDR): a language whose counted phrases need them
# adds `<id>.few`, `.many`... beside `.one` and `.other` (Intl.PluralRules and Babel pick the form).
EXTRA_PLURALS = ("zero", "two", "few", "many")


def plural_variant(key: str) -> str | None:
    """For `x.few` where DEFAULTS has `x.other`: that `x.other` (whose placeholders it keeps); else None."""
    base, _, category = key.rpartition(".")
    return f"{base}.other" if category in EXTRA_PLURALS and f"{base}.other" in DEFAULTS else None


def default_of(key: str) -> str | None:
    """The English text an id overrides or translates (a plural variant's is its `.other`); None for an unknown id."""
    return DEFAULTS.get(key) or (DEFAULTS[other] if (other := plural_variant(key)) else None)


def overridable(key: str) -> bool:
    """Whether a workbook's `strings:` may give `key`: the readers' words, not the messages to authors."""
    return default_of(key) is not None and key.split(".")[0] not in AUTHOR_PREFIXES


AUTHOR_PREFIXES = frozenset(key.split(".")[0] for key in CHECK)


def effective(overrides: dict[str, str], language: str = "en") -> dict[str, str]:
    """The defaults in `language` with a workbook's overrides applied (validate.py has checked their ids and placeholders)."""
    return {**defaults_for(language), **{k: v for k, v in overrides.items() if overridable(k)}}


def _table(overrides: dict[str, str], mine: bool, language: str) -> str:
    table = {
        k: v for k, v in effective(overrides, language).items() if k.startswith(MY_PREFIX) == mine and k not in BUILD and k not in CHECK
    }
    return json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True)


def strings_js(overrides: dict[str, str], language: str = "en") -> str:
    """assets/workbook/strings.js: the effective table of every page's scripts, as a classic script.

    The My workbook page's own wording is in my-strings.js (`my_strings_js`), so an exercise page
    does not download words it never shows. Either may run first (on a first visit to My workbook
    its script comes before the site's), so each adds its words to the one table."""
    return (
        "/* Generated from generator/strings.py and the `strings:` of content/workbook.yml: edit those. */\n"
        "globalThis.WorkbookStrings = Object.assign(globalThis.WorkbookStrings || {}, "
        f"{_table(overrides, mine=False, language=language)});\n"
    )


def my_strings_js(overrides: dict[str, str], language: str = "en") -> str:
    """assets/workbook/my-strings.js: the My workbook page's wording, added to the same table as strings.js's."""
    return (
        "/* Generated from generator/strings.py and the `strings:` of content/workbook.yml: edit those. */\n"
        "globalThis.WorkbookStrings = Object.assign(globalThis.WorkbookStrings || {}, "
        f"{_table(overrides, mine=True, language=language)});\n"
    )


# --- other languages ------------------------------------------------------------------------------
# The English texts above are the defaults; generator/locales/<language>.yml gives the same ids in
# another language, one `id: text` line each (tests/test_locales.py checks ids and placeholders).
LOCALES = Path(__file__).parent / "locales"
# libyaml's safe loader where PyYAML has it: ten times faster on a table of a thousand lines (40 ms a language).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def table_file(language: str, locales: Path = LOCALES) -> Path | None:
    """The table a language's wording comes from (`es-MX` falls back to `es.yml`), or None."""
    for name in dict.fromkeys((language, language.split("-")[0])):
        if (locales / f"{name}.yml").is_file():
            return locales / f"{name}.yml"
    return None


@functools.cache
def locale_table(language: str) -> dict[str, str]:
    """generator/locales/<language>.yml as read (`es-MX` falls back to `es`); {} when there is none."""
    path = table_file(language)
    if path is None:
        return {}
    table = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    return {str(k): str(v) for k, v in table.items()}


def languages_with_tables() -> list[str]:
    """The languages the interface is written in: English and every locales/*.yml."""
    return ["en", *sorted(p.stem for p in LOCALES.glob("*.yml"))]


def defaults_for(language: str) -> dict[str, str]:
    """The defaults in `language`: its table over the English texts, so an id added to DEFAULTS and
    not yet translated shows in English rather than not at all."""
    if language == "en" or language.startswith("en-"):
        return dict(DEFAULTS)
    table = locale_table(language)
    return {key: table.get(key, text) for key, text in DEFAULTS.items()} | {k: v for k, v in table.items() if plural_variant(k)}

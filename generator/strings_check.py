"""The messages the project writes to authors: `workbook check`, the build's errors and notes, the command's own lines.

Pipeline position: strings.py adds these ids to DEFAULTS, so generator/locales/<language>.yml
translates them (tests/test_locales.py checks ids and placeholders); generator/messages.py words
them (`say`, `say_n`) in the author's language, which the `workbook` command chooses from the
terminal's locale. A workbook's `strings:` does not override them (they are not the readers' words),
and they are not sent to the scripts.

Id prefixes, by where the words appear:
- `check.` a problem in the content (or a note), as `workbook check` and `workbook build` list it:
  `file:line:column: field: message`, then `hint: ...`; `check.model.` those the content model
  itself finds (generator/model.py's validators).
- `build.` why a build stopped other than the content: the output folder, a missing program, the
  engine, the PDF packs, a template.
- `cli.`   the `workbook` command's own lines (generator/cli.py, serve.py).
Field names, file names, YAML keys and values between backticks are code: a translation keeps them.
Placeholders are `{name}`; ids ending in `.one`, `.other` are the forms of a counted phrase (`{count}`).
"""

from __future__ import annotations

CHECK: dict[str, str] = {
    # --- how a problem is listed (generator/errors.py) ---
    # the line under a problem; {hint}: what to do
    "check.hint": "hint: {hint}",
    # the last line of the list; `workbook build`
    "check.report-build.one": "{count} problem found in the content; nothing was built.",
    "check.report-build.other": "{count} problems found in the content; nothing was built.",
    # the same, after `workbook check`
    "check.report-check.one": "{count} problem found in the content; fix it and run again.",
    "check.report-check.other": "{count} problems found in the content; fix them and run again.",
    # the same, in the live preview (`workbook serve`) after an edit
    "check.report-preview.one": "{count} problem found in the content; the preview keeps the last good version.",
    "check.report-preview.other": "{count} problems found in the content; the preview keeps the last good version.",
    # hints naming valid choices; {choice}: the closest, {choices}: all of them, each in backticks
    "check.did-you-mean": "did you mean `{choice}`?",
    "check.one-of": "expected one of: {choices}",
    # --- content/ as a whole (validate.py) ---
    "check.workbook-missing": "the file is missing",
    "check.workbook-missing-hint": "every workbook needs content/workbook.yml with its title and chapters",
    "check.sessions-yaml": "session plans are read from content/sessions.yml",
    "check.sessions-yaml-both-hint": "keep one of the two files: only sessions.yml is read",
    "check.sessions-yaml-rename-hint": "rename it to sessions.yml",
    # --- reading a file (load.py) ---
    "check.file-empty": "the file is empty",
    "check.file-empty-hint": "fill it in, or delete it if it is not needed",
    # {code}: the character's number, e.g. 0007
    "check.control-character": "the file holds a control character (U+{code}) that cannot be typed",
    "check.control-character-hint": "delete it: it usually comes with text pasted from another program",
    # {reason}: the system's own words
    "check.unreadable": "cannot read the file: {reason}",
    # {byte}: two hex digits
    "check.not-utf8": "the file is not UTF-8 text (byte 0x{byte} cannot be decoded)",
    "check.not-utf8-hint": 'save the file as UTF-8 in your editor ("Save with encoding" / "Reopen with encoding")',
    # {size}, {limit}: bytes
    "check.too-big": "the file is {size} bytes, more than a content file may be ({limit})",
    "check.too-big-hint": "split it into several files, or check that it is the file you meant",
    "check.two-documents": "the file holds more than one YAML document (a second `---`)",
    "check.two-documents-hint": "keep one document per file",
    # {tag}: as written, e.g. !!python/object
    "check.yaml-tag": "YAML tags such as `{tag}` are not allowed in content",
    "check.yaml-tag-hint": "remove the tag; write the value plainly",
    "check.too-many-aliases": "more than {limit} aliases (`*name`)",
    "check.too-many-aliases-hint": "write the values out instead of repeating aliases",
    "check.alias-loop": "the alias `*{anchor}` is inside its own anchor: a loop",
    "check.alias-loop-hint": "remove the alias",
    "check.too-deep": "lists and mappings are nested more than {limit} deep",
    "check.too-deep-hint": "flatten the structure",
    "check.too-many-values": "the file expands to more than {limit} values",
    "check.too-many-values-hint": "aliases repeat too much: write the values out",
    "check.tab": "a tab is used for indentation",
    "check.tab-hint": "YAML indents with spaces only: replace the tab with spaces",
    # {problem}: the YAML parser's own words
    "check.yaml-syntax": "YAML syntax error: {problem}",
    "check.yaml-invalid": "invalid YAML",
    "check.yaml-syntax-hint": "check the indentation and the punctuation (`:` after keys, `- ` before list entries)",
    "check.yaml-colon-hint": 'a value that contains `: ` must be quoted, e.g. title: "Results: what counts"',
    "check.yaml-indent-hint": "this line's indentation does not line up with the lines around it",
    "check.yaml-unclosed-hint": "a quote or bracket is opened and never closed",
    "check.key-not-plain": "a key must be a plain word",
    # {key}; {line}: where it was first given
    "check.key-twice": "`{key}` is given twice (first on line {line})",
    "check.key-twice-hint": "keep one of them: the second would silently replace the first",
    # {value}: as written, e.g. 1:30
    "check.base-60": "YAML reads `{value}` as a number in base 60, not as written",
    "check.base-60-hint": 'write the number plainly (90 for 1:30 minutes), or put text in quotes ("{value}")',
    "check.unreadable-value": "`{value}` cannot be read as a value",
    "check.unreadable-value-hint": "if it is text, put it in quotes; numbers have at most a few digits",
    # --- the files of content/ (content_files.py) ---
    # {found}: a value's description (check.value-*); {folder}: e.g. content/exercises
    "check.not-mapping": "expected a mapping of fields (`title: …`), found {found}",
    "check.not-mapping-hint": "see the other files in {folder}/ for the shape",
    # a note, not an error
    "check.hidden-file": "skipped: a hidden file (an editor's lock or swap file, or macOS metadata)",
    "check.delete-it-hint": "delete it",
    "check.link-nowhere": "a link that leads nowhere, or in a loop",
    "check.link-nowhere-hint": "put the file itself here",
    "check.link-outside": "a link to {target}, outside the project",
    "check.link-outside-hint": "copy the file into the project instead",
    "check.folder-as-file": "a folder named like a content file",
    "check.folder-as-file-hint": "rename the folder or move it out of content/",
    "check.not-regular": "not a regular file",
    "check.not-regular-hint": "put an ordinary text file here",
    # {other}: the other file's name, {stem}: the id both would have
    "check.same-stem": "`{other}` is here too: both would be `{stem}`",
    "check.keep-one-hint": "keep one of the two files",
    "check.id-file-mismatch": "the id `{id}` does not match the file name `{file}`",
    "check.id-file-mismatch-hint": "rename the file to `{id}{suffix}` or set `id: {stem}`",
    "check.front-matter-yaml": "the front matter (between the `---` lines) is not valid YAML: {problem}",
    "check.front-matter-yaml-hint": "fix it, or remove the front matter",
    "check.front-matter-shape": "the front matter must be `key: value` lines",
    "check.front-matter-shape-hint": "fix it, or remove it",
    # --- a value that does not fit the model (field_errors.py) ---
    "check.field-missing": "the required field `{name}` is missing",
    "check.field-missing-hint": "add `{name}:`",
    # {help}: the field's description from generator/model.py
    "check.field-missing-help-hint": "add `{name}:` ({help})",
    "check.field-unknown": "unknown field `{name}`",
    "check.remove-it-hint": "remove it",
    "check.item-type-unknown": "unknown item type `{type}`",
    "check.item-type-missing": "the item has no `type`",
    "check.item-type-missing-hint": "add `type:` with one of: {types}",
    # {expected}: the choices, each in quotes, joined by check.or-list; {found}: check.value-*
    "check.expected-one-of": "expected one of {expected}, found {found}",
    # the last two of a list of choices; {rest}: the others, joined by commas
    "check.or-list": "{rest} or {last}",
    "check.invalid-id": "`{value}` is not a valid id",
    # {example}: the value written as an id
    "check.invalid-id-hint": "ids are lower-case letters a-z and digits, in words joined by hyphens (no spaces or accents), "
    "e.g. `{example}`",
    "check.wrong-form": "{found} is not in the expected form",
    "check.field-empty": "`{name}` is empty",
    "check.give-at-least.one": "give at least {count} entry",
    "check.give-at-least.other": "give at least {count} entries",
    "check.text-empty-hint": "write something here or remove the field",
    # {actual}: how many the list has
    "check.list-too-short.one": "list should have at least {count} item after validation, not {actual}",
    "check.list-too-short.other": "list should have at least {count} items after validation, not {actual}",
    "check.list-too-long.one": "list should have at most {count} item after validation, not {actual}",
    "check.list-too-long.other": "list should have at most {count} items after validation, not {actual}",
    "check.text-too-short.one": "string should have at least {count} character",
    "check.text-too-short.other": "string should have at least {count} characters",
    "check.text-too-long.one": "string should have at most {count} character",
    "check.text-too-long.other": "string should have at most {count} characters",
    # a number out of range; {bound}: the limit, {found}: check.value-*
    "check.bound-ge": "expected at least {bound}, found {found}",
    "check.bound-gt": "expected more than {bound}, found {found}",
    "check.bound-le": "expected at most {bound}, found {found}",
    "check.bound-lt": "expected less than {bound}, found {found}",
    # a value of the wrong kind; {expected}: check.kind-*, {found}: check.value-*
    "check.expected": "expected {expected}, found {found}",
    "check.kind-text": "text",
    "check.kind-whole": "a whole number",
    "check.kind-number": "a number",
    "check.kind-finite": "a finite number",
    "check.kind-bool": "true or false",
    "check.kind-list": "a list (lines starting with `- `)",
    "check.kind-mapping": "a mapping of fields",
    "check.bool-text-hint": "YAML reads unquoted yes, no, on, off, true and false as true or false: put the text in quotes",
    "check.quote-it-hint": 'put it in quotes: "{value}"',
    "check.as-list-hint": "write it as a list: [{value}]",
    "check.infinite-hint": "YAML reads `.inf` and `.nan` as numbers; to leave a band or a number open-ended, leave its `max` out",
    # what was found, inside the messages above
    "check.value-nothing": "nothing",
    "check.value-bool": "`{value}` (true/false)",
    "check.value-number": "the number `{value}`",
    "check.value-text": "the text `{value}`",
    "check.value-list": "a list",
    "check.value-mapping": "a mapping",
    # --- what the content model itself checks (model.py) ---
    "check.model.address": "an address must start with https://, http:// or mailto:, or be a path within the site",
    "check.model.logo-path": "the logo must be a file under content/, given by its path from there, e.g. `logo.svg`",
    "check.model.colour": "expected a hex colour such as '#2f5d50'",
    "check.model.site-url": "`site_url` is the site's public address, e.g. https://example.org/workbook/ (or empty)",
    "check.model.credit": "give `author` or `publication` (or both) so the source can be credited",
    "check.model.date": "`{value}` is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "check.model.checklist-negative": "checklist options score 0 or more: give each ticked option a `value` of 0 or above",
    "check.model.min-max": "`min` ({min}) must be below `max` ({max})",
    "check.model.choice-options": "a `choice` column needs at least two `options`",
    # {type}: the column's type
    "check.model.options-choice-only": "`options` belong to `choice` columns, not `{type}` columns",
    "check.model.distinct-choice": "`score: distinct` needs a `choice` column",
    "check.model.text-scored": "a `text` column cannot be scored: remove `dimension`, or make it a `choice` or `number` column",
    "check.model.rows-max": "`rows` ({rows}) is more than `max_rows` ({max_rows}): answers past row {max_rows} could not be kept",
    "check.model.ratio-parts": "a `ratio` dimension needs `numerator` and `denominator` item ids",
    "check.model.ratio-only": "`numerator`/`denominator` belong to `aggregate: ratio` only",
    "check.model.of-aggregate": "a dimension built from other dimensions (`of`) takes `aggregate: mean`, `sum` or `min`",
    "check.model.min-of": "`aggregate: min` is the lowest of other dimensions: list them in `of`",
    "check.model.fill-in-once": "name each of `name`, `date` and `next-check-in` at most once",
    # a session's slot; {found}: the keys it has, joined as a list ("`exercise` and `activity`")
    "check.model.slot-kind": "a slot is one of `exercise`, `discussion` or `activity`, and this one has {found}: "
    "write each step as its own slot, e.g. `- {exercise: network-map, minutes: 30}`",
    "check.model.slot-kind-none": "a slot is one of `exercise`, `discussion` or `activity`, and this one has none of them: "
    "write each step as its own slot, e.g. `- {exercise: network-map, minutes: 30}`",
    # --- what spans files (check_references.py) ---
    # {file}: where the id was first used
    "check.idea-id-used": "the idea id `{id}` is already used in {file}",
    "check.idea-id-used-hint": "give each idea its own id",
    "check.chapter-id-twice": "the chapter id `{id}` is used twice",
    "check.chapter-id-twice-hint": "give each chapter its own id",
    "check.no-exercise-file": "no exercise `{id}` in content/exercises/",
    "check.create-exercise-hint": "create content/exercises/{id}.yml or remove this line",
    "check.exercise-in-chapter": "the exercise `{id}` is already in chapter `{chapter}`",
    "check.exercise-in-chapter-hint": "list each exercise in one chapter only",
    "check.exercise-no-chapter": "the exercise `{id}` is in no chapter, so readers could not find it",
    "check.exercise-no-chapter-hint": "add its id to a chapter's `exercises` in content/workbook.yml",
    "check.no-exercise": "no exercise `{id}`",
    "check.history-of-hint": "name a scored exercise, or remove the line",
    "check.history-unscored": "the exercise `{id}` has no `scoring`, so it has no results to show",
    "check.history-unscored-hint": "name an exercise with scored dimensions, or remove the line",
    "check.home-missing": "the home page is missing",
    "check.home-missing-hint": "write content/pages/index.md",
    "check.page-generated": "`{name}` is a page the workbook makes itself, so this page would replace it",
    "check.page-generated-hint": "rename the file (and its entry in `pages`)",
    "check.page-twice": "the page `{page}` is listed twice",
    "check.page-twice-hint": "list each page once",
    "check.page-index": "`index` is the home page and is always first",
    "check.page-index-hint": "remove it from `pages`",
    "check.no-page": "no page `{page}.md` in content/pages/",
    "check.no-page-hint": "create content/pages/{page}.md",
    "check.path-twice": "the exercise `{id}` is on the path twice",
    "check.path-twice-hint": "list each exercise once",
    "check.path-remove-hint": "remove it from `path`",
    "check.profile-hint": "name a scored exercise, or remove `profile`",
    "check.profile-unscored": "the exercise `{id}` has no `scoring`, so it cannot be a profile",
    "check.profile-unscored-hint": "name an exercise with scored dimensions, or remove `profile`",
    "check.logo-outside": "`{logo}` leads out of content/ (a link)",
    "check.logo-outside-hint": "copy the image itself into content/",
    "check.no-logo": "no file `{logo}` in content/",
    "check.no-logo-hint": "put the image under content/ and give its path relative to content/",
    # --- within an exercise (check_exercise.py) ---
    "check.no-idea": "no idea `{id}` in any source",
    "check.no-idea-hint": "add it to a file in content/sources/ or fix the id",
    "check.fix-or-remove-hint": "fix the id or remove the line",
    "check.follows-itself": "an exercise cannot follow up on itself",
    "check.remove-line-hint": "remove the line",
    # {index}: the first item's place in the list
    "check.item-id-used": "the item id `{id}` is already used by items[{index}]",
    "check.item-id-used-hint": "give each item its own id",
    "check.column-id-twice": "the column id `{id}` is used twice in this table",
    "check.column-id-twice-hint": "give each column its own id",
    "check.no-scoring": "the item counts towards `{dimension}`, but the exercise has no `scoring`",
    "check.no-scoring-hint": "add a `scoring:` section declaring the dimension, or remove this line",
    "check.no-dimension-declared": "no dimension `{dimension}` is declared in `scoring.dimensions`",
    "check.no-dimension-declared-hint": "declare it under scoring.dimensions",
    "check.composite-target": "`{dimension}` is built from other dimensions (`of`), so items cannot count towards it",
    # {parts}: the dimensions it is built from, each in backticks
    "check.composite-target-hint": "name one of the dimensions it is built from: {parts}",
    "check.choice-values": "a scored choice needs a `value` on every option",
    "check.choice-values-hint": "add `value:` (its score) to each option",
    "check.dimension-id-twice": "the dimension id `{id}` is used twice",
    "check.dimension-id-twice-hint": "give each dimension its own id",
    "check.ratio-not-number": "`{id}` is not a number item of this exercise",
    "check.ratio-not-number-hint": "a ratio divides two `type: number` items",
    "check.dimension-unused": "no item counts towards the dimension `{id}`",
    "check.dimension-unused-hint": "set `dimension: {id}` on its items, or remove the dimension",
    "check.percentage-table": "a percentage cannot include a table's number column (it has no upper limit)",
    "check.percentage-table-hint": "use `sum` or `mean`, or a `choice` column",
    "check.percentage-bounds": "a percentage needs every number item in it to have `min` and `max`",
    "check.percentage-bounds-hint": "add `min:` and `max:` to those items, or use `sum`",
    "check.no-dimension": "no dimension `{id}`",
    "check.difference-two": "`difference` needs exactly two dimensions in `of`",
    "check.difference-two-hint": "write `of: [first, second]`: the score is first minus second",
    "check.built-from-itself": "a dimension cannot be built from itself",
    # {part_better}, {better}: `higher` or `lower`, as written in the files
    "check.better-mismatch": "`{part}` is better {part_better} but `{id}` is better {better}: their scores would cancel out",
    "check.better-mismatch-hint": "give them the same `better`, and reverse the items that point the other way (`reverse: true`)",
    "check.composite-loop": "`{part}` is itself built from `{id}`: a loop",
    "check.composite-loop-hint": "a domain lists its facets; a facet lists no `of`",
    # --- a dimension's bands (bands.py); scores and limits are numbers of the language, "no limit" for none ---
    "check.band-ends-early": "band `{label}` ends ({max}) where it starts or before ({min})",
    "check.band-ends-early-hint": "make `max` larger than `min`",
    "check.band-open-not-last": "band `{label}` has no `max` but is not the last band",
    "check.band-open-not-last-hint": "only the top band may be open-ended; list bands from lowest to highest",
    # {previous}: the band listed before it
    "check.band-order": "band `{label}` starts below band `{previous}`",
    "check.band-order-hint": "list bands from the lowest score to the highest",
    "check.band-gap": "gap between bands: scores from {low} up to {high} fall in no band",
    "check.band-gap-hint": "set `min` of band `{label}` to {value} (bands are [min, max): each starts where the last ended)",
    "check.band-overlap": "bands overlap: `{previous}` runs to {max} but `{label}` starts at {min}",
    "check.band-min-hint": "set `min` of band `{label}` to {value}",
    "check.band-unreachable": "band `{label}` ({min} to {max}) can never be reached: scores run from {low} to {high}",
    "check.band-unreachable-hint": "remove it, or change its limits to lie within the reachable scores",
    "check.band-below": "scores from {low} up to {min} fall in no band (scores run from {low} to {high})",
    "check.band-above": "scores above {max} fall in no band (scores run from {low} to {high})",
    "check.band-above-open-hint": "raise `max` of band `{label}`: leave `max` empty (no upper limit)",
    "check.band-above-hint": "raise `max` of band `{label}`: set it to {high}",
    # --- sessions.yml (check_sessions.py); {number}: a session's or slot's place, from 1 ---
    "check.session-id-used": "the session id `{id}` is already used by session {number}",
    "check.session-id-used-hint": "give each session its own id",
    "check.create-exercise-slot-hint": "create content/exercises/{id}.yml or remove this slot",
    "check.slot-twice": "`{id}` is already slot {number} of this session",
    "check.slot-twice-hint": "list each exercise once per session and give that slot all its minutes; "
    "for a second part, add a `discussion` or `activity` slot",
    "check.slots-sum": "the slots add up to {total} minutes, but the session is {minutes} minutes long",
    # {count}: the minutes missing or too many; {total}: what the slots add up to
    "check.slots-add-hint.one": "add {count} minute to a slot, or set `minutes: {total}`",
    "check.slots-add-hint.other": "add {count} minutes to a slot, or set `minutes: {total}`",
    "check.slots-take-hint.one": "take {count} minute from the slots, or set `minutes: {total}`",
    "check.slots-take-hint.other": "take {count} minutes from the slots, or set `minutes: {total}`",
    # --- links in Markdown (check_links.py); {target}: as written, {resolved}: the page it names ---
    "check.link-no-page": "the link `{target}` leads to no page (`{resolved}`)",
    "check.link-no-page-hint": "link to a page the workbook has",
    "check.link-no-anchor": "the link `{target}` names no heading or idea `#{anchor}` on that page",
    # --- a language's interface table, generator/locales/<language>.yml (check_locales.py) ---
    # a note: a language of `languages` with no table; {language}: its code
    "check.locale-none": "no interface table for `{language}`: its site shows the interface's words in English",
    # {name}: the table's file name without .yml
    "check.locale-how-hint": "copy generator/locales/es.yml to generator/locales/{name}.yml and rewrite each line "
    '(CUSTOMISING.md, "Add a language")',
    # a note: ids the table does not give yet; {named}: the first few, in backticks
    "check.locale-missing.one": "{count} id has no text here and shows in English: {named}",
    "check.locale-missing.other": "{count} ids have no text here and show in English: {named}",
    # {named}: the ids named; {count}: how many more there are
    "check.locale-and-more": "{named} and {count} more",
    "check.locale-missing-hint": "add them: generator/strings.py, generator/strings_build.py and generator/strings_check.py "
    "give each id's English text and where it appears",
    "check.locale-not-mapping": "expected one `id: text` line per id",
    "check.locale-unknown-hint": "the ids are those of generator/strings.py, generator/strings_build.py and "
    "generator/strings_check.py, and `field.<Model>.<field>` for the descriptions of generator/model.py",
    "check.locale-not-text": "expected a text",
    "check.locale-quote-hint": "write the text in quotes",
    # --- `strings:` in workbook.yml (check_strings.py) ---
    "check.string-unknown": "unknown string id `{id}`",
    "check.string-unknown-hint": "the ids are listed, with their default text, in generator/strings.py (the scripts') "
    "and generator/strings_build.py (the pages' and PDFs')",
    # {missing}, {extra}: placeholders, each in backticks
    "check.string-leaves-out": "the text leaves out {missing}",
    "check.string-extra": "the text has {extra}, which this string does not fill",
    "check.string-both": "the text leaves out {missing} and has {extra}, which this string does not fill",
    # {default}: the default text
    "check.string-placeholders-hint": "keep the placeholders of the default text, `{default}`",
    # --- translations (translations.py, check_translation.py); {language}: a language code, e.g. es ---
    "check.tr-no-original": "a translation of a file that does not exist",
    "check.tr-name-workbook-hint": "name it `workbook.{language}.yml`",
    # a sessions.<language>.yml with no content/sessions.yml beside it
    "check.tr-sessions-first-hint": "write the session plans in content/sessions.yml first (a translation follows its original), "
    "or delete this file",
    "check.tr-name-hint": "a translation takes its original's name with the language before the suffix",
    # {close}: check.did-you-mean
    "check.tr-name-close-hint": "a translation takes its original's name with the language before the suffix: {close}",
    "check.tr-own-language": "`{language}` is the language of the original ({file})",
    "check.tr-own-language-hint": "delete this file, or set workbook.yml's `language` to the original's language",
    # a note; {listed}: the languages listed
    "check.tr-skipped": "skipped: `{language}` is not in `languages` ({listed})",
    "check.tr-skipped-hint": "add `{language}` to `languages` in workbook.yml",
    "check.tr-not-mapping": "expected a mapping of fields, like its original",
    "check.tr-not-mapping-hint": "copy the original and translate its text",
    "check.tr-language-differs": "`{given}` here, but the file name says `{language}`",
    "check.tr-language-differs-hint": "write `language: {language}`, or leave it out",
    "check.language-twice": "`{language}` is listed twice",
    "check.language-twice-hint": "list each language once",
    "check.language-not-listed": "the content's own language, `{language}` (`language`), is not listed",
    "check.language-not-listed-hint": "add `{language}` to `languages`: the original is the site in that language",
    # a note; {file}: the original
    "check.tr-missing": "no `{language}` translation: the `{language}` site shows {file} untranslated, with a notice",
    "check.tr-missing-hint": "copy {file} to this name and translate its text",
    # {field}: the field, {where}: the original's file and line
    "check.tr-leaves-out": "the translation leaves out `{field}`, which the original has ({where})",
    "check.tr-leaves-out-hint": "add `{name}:` with its text in `{language}`, in the same place as in the original",
    "check.tr-not-in-original": "`{key}` is not in the original ({file})",
    "check.tr-not-in-original-hint": "a translation changes only the text: remove it here, or add it to the original first",
    # {count}: entries in the translation's list, {original}: in the original's
    "check.tr-entries.one": "{count} entry here, {original} in the original ({where})",
    "check.tr-entries.other": "{count} entries here, {original} in the original ({where})",
    "check.tr-entries-hint": "a translation keeps every entry of a list, in the original's order: translate each one, add or remove none",
    # {given}, {original}: the values (check.value-* or the value in backticks)
    "check.tr-changed": "{given} here, {original} in the original ({where})",
    "check.tr-changed-hint": "a translation changes only the text and keeps ids, types, values, bounds and references: "
    "write it as the original has it, or change the original first",
    "check.value-list-of": "a list of {count}",
    # {default}: the English text the page would show
    "check.tr-default-shown": "the original leaves `{field}` out, so its English default would be shown ({default})",
    "check.tr-default-hint": "give `{field}:` with its text in `{language}`",
    "check.tr-default-labels-hint": "give `{field}:` with its text in `{language}`, {count} labels from the lowest",
    # --- `workbook new` (scaffold.py) ---
    "check.new-no-idea": "there is no idea to practise yet",
    "check.new-no-idea-hint": "create a source first: `workbook new source <id>`",
    "check.new-id-hint": "use lower-case words joined by hyphens, e.g. `{example}`",
    "check.new-exercise-exists": "the exercise `{id}` exists already",
    "check.new-source-exists": "the source `{id}` exists already",
    "check.new-exists-hint": "choose another id, or edit the existing file",
    "check.new-no-chapters": "no chapters to add the exercise to",
    "check.new-no-chapters-hint": "add a chapter first",
    "check.new-chapters-not-list": "`chapters` is not a list of chapters",
    "check.new-chapters-not-list-hint": "run `workbook check` and fix workbook.yml first",
    "check.new-no-chapter": "no chapter `{chapter}`",
    "check.new-one-line": "this list spans several lines",
    "check.new-one-line-hint": "add `{id}` to it by hand",
    # --- why a build stopped (build.py, engine.py, pdf_write.py); {site}: the output folder ---
    "build.refused-project": "refusing to build into {site}: it holds the project itself. Choose an empty folder or site/.",
    "build.refused-sources": "refusing to build into {site}: it is part of the project's sources. Choose an empty folder or site/.",
    "build.refused-not-empty": "refusing to build into {site}: it is not empty and holds no previous build. "
    "Choose an empty folder or site/.",
    # {error}: the kind of error and its own words
    "build.pdf-failed": "making the PDF packs failed: {error}",
    "build.site-url-hint": "give the site's public address, e.g. https://you.github.io/workbook/",
    "build.template-error": "template error: {error}",
    "build.template-error-hint": "fix the template (Jinja2 syntax); `git diff templates/` shows what changed",
    # {package}: the engine's package, pinned
    "build.installing": "installing {package} (asked for by --engine zensical)",
    # {output}: pip's own words
    "build.install-failed": "could not install {package}:\n{output}\n"
    "Install it yourself (`pip install {package}`) or build with the default engine.",
    "build.engine-exit": "{engine} exited with {code}",
    # {error}: why WeasyPrint could not load; {packages}: the Debian packages to install
    "build.no-weasyprint": "The PDF packs need WeasyPrint and its system libraries, which are missing here ({error}).\n"
    "Install them (Debian/Ubuntu: apt-get install -y {packages}; `make site` does this), "
    "or build the site without the PDF packs: `workbook build --no-pdf` (pages then do not link them).",
    # --- the `workbook` command's own lines (cli.py, serve.py) ---
    # before each note (a file skipped, a translation missing)
    "cli.note": "note: {note}",
    "cli.valid": "content is valid",
    "cli.wrote": "wrote {path}",
    "cli.wrote-exercise": "wrote {path} and added it to a chapter in content/workbook.yml",
    "cli.built": "built {site}",
    "cli.offline-engine": "--offline builds with the mkdocs engine (Zensical has no offline plugin yet)",
    # after a failed build's message, by the stage that failed
    "cli.failed-refused": "Nothing was built.",
    "cli.failed-kept": "Nothing was built; the previous site was left in place.",
    "cli.failed-engine": "The {engine} build failed; the previous site was left in place.",
    "cli.regenerated": "workbook: regenerated",
    # `workbook --help` and each command's `--help` (argparse's own words, "usage:", stay English)
    "cli.help": "Build the career workbook from content/.",
    "cli.help-root": "project folder (default: the current one)",
    "cli.help-build": "check the content and build the site",
    "cli.help-site": "output folder (default: site/)",
    "cli.help-work": "folder for the generated docs (default: build/)",
    "cli.help-offline": "build a copy that works opened from disk (file://), search included",
    "cli.help-no-offline-zip": "skip the zip of an offline copy in site/downloads/ (made by default with the mkdocs engine)",
    "cli.help-site-url": "the site's public address, overriding workbook.yml's site_url (a publishing workflow knows it; it enables "
    "instant navigation and the QR codes)",
    "cli.help-no-pdf": "skip the PDF packs (site/downloads/); pages then do not link them",
    "cli.help-serve": "live preview on 127.0.0.1 that rebuilds when content/ or templates/ change",
    "cli.help-check": "check the content without building",
    "cli.help-new": "write a valid, commented starting file for an exercise or a source",
    "cli.help-new-id": "lower-case words joined by hyphens, e.g. `my-values`",
    "cli.help-chapter": "chapter id to add a new exercise to (default: the last chapter)",
    "cli.help-schema": "write the JSON Schema of the content files into schemas/",
}

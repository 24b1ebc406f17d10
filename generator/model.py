"""The content model: what a forker may write in content/*.yml, declared once.

Pipeline position: load -> **model** -> validate -> render -> build.
Every class forbids unknown keys so a typo is reported, not ignored. Cross-file
checks (references, band coverage) live in validate.py; this file only says
what a single file may contain.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .errors import ContentError
from .strings import DEFAULTS, overridable

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, description="Lower-case words joined by hyphens, e.g. `job-skills`.")]
Markdown = Annotated[str, Field(description="Markdown text.")]


# A validator's problem carries its message's id (generator/strings_check.py) and the values to fill
# in, not English: field_errors.py words it in the author's language.
PROBLEM = "content"


def problem(key: str, **values: object) -> PydanticCustomError:
    return PydanticCustomError(PROBLEM, key, values)


class Strict(BaseModel):
    # allow_inf_nan=False: YAML reads `.inf` and `.nan` as numbers; no field of content means them.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


# Addresses a reader may follow: the web, e-mail, or a path within the site. `javascript:`, `data:`
# and every other scheme could run code or leave the site, so they are refused.
SAFE_URL = re.compile(r"^(?:https?://[^\s\"'<>`]+|mailto:[^\s\"'<>`]+|(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^\s\"'<>`]*)$")


def safe_url(value: str) -> str:
    if not SAFE_URL.match(value):
        raise problem("check.model.address")
    return value


# --- workbook.yml -----------------------------------------------------------------------------


class Theme(Strict):
    primary: str = Field("#2f5d50", description="Main colour (CSS colour) of the header and links.")
    accent: str = Field("#c8702a", description="Colour of highlights, buttons and the active item.")
    logo: str | None = Field(None, description="Path to a logo image, relative to content/. Default: a notebook icon.")

    @field_validator("logo")
    @classmethod
    def _inside(cls, value: str | None) -> str | None:
        if value and (value.startswith(("/", "\\")) or ".." in Path(value).parts or ":" in value):
            raise problem("check.model.logo-path")
        return value

    @field_validator("primary", "accent")
    @classmethod
    def _css_colour(cls, value: str) -> str:
        if not re.fullmatch(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?", value):
            raise problem("check.model.colour")
        return value


class Chapter(Strict):
    id: Id
    title: str = Field(min_length=1, description="Shown in the navigation and as the chapter page heading.")
    introduction: Markdown = Field("", description="Opens the chapter page, above its list of exercises.")
    exercises: list[Id] = Field(min_length=1, description="Exercise ids, in the order readers meet them.")


class Workbook(Strict):
    title: str = Field(min_length=1, description="The workbook's name: site title, printed on every worksheet.")
    subtitle: str = Field("", description="One line under the title on the home page.")
    short_name: str = Field(
        "",
        max_length=30,
        description="The name under the icon when a reader adds the workbook to a home screen; at most 12 characters "
        "show in full. Default: the title.",
    )
    language: str = Field("en", pattern=r"^[a-z]{2}(?:-[A-Z]{2})?$", description="Language code of the content, e.g. `en`.")
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2}(?:-[A-Z]{2})?$")]] = Field(
        default_factory=list,
        description="Languages the workbook is made in, `language` among them, e.g. `[en, es]`. Each other language's text "
        "comes from translations beside the originals (`exercises/<id>.es.yml`, `pages/<id>.es.md`, `workbook.es.yml`). "
        "Empty: `language` only.",
    )
    author: str = Field(min_length=1, description="Who wrote or maintains this workbook.")
    licence: str = Field(min_length=1, description="Licence of the workbook's text, e.g. `CC BY-SA 4.0`.")
    site_url: str = Field(
        "",
        max_length=200,
        description="Public address of the site, e.g. `https://example.org/workbook/`. Empty if unknown. "
        "It goes into the QR codes on printed worksheets.",
    )

    @field_validator("site_url")
    @classmethod
    def _site_url(cls, value: str) -> str:
        if value and not re.fullmatch(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/[^\s\"'<>`]*)?", value):
            raise problem("check.model.site-url")
        return value

    paper: Literal["a4", "letter"] = Field(
        "a4",
        description="Paper size of the single worksheet PDFs (`a4` or `letter`, US Letter). "
        "The participant and facilitator packs are made in both sizes.",
    )
    theme: Theme = Field(default_factory=Theme)  # type: ignore[arg-type]
    pages: list[Id] = Field(default_factory=list, description="Pages from content/pages/ listed after Home, by file name without `.md`.")
    chapters: list[Chapter] = Field(min_length=1, description="Chapters in reading order; each lists its exercises.")
    path: list[Id] = Field(
        default_factory=list,
        description="The order the home page recommends, as exercise ids: the footer's Previous and Next on Home, these "
        "exercises and My workbook follow it (other pages follow the navigation). Empty: every exercise in chapter order.",
    )
    profile: Id | None = Field(
        None,
        description="Id of the scored exercise whose latest result My workbook shows as the reader's profile; "
        "leave it out for no profile section.",
    )
    checkin_months: int = Field(
        3,
        ge=1,
        le=24,
        description="How often readers are asked to check in, in months: My workbook dates the next check-in this long "
        "after an assessment's latest result, and the calendar reminder repeats at this interval.",
    )
    strings: dict[str, str] = Field(
        default_factory=dict,
        description="Wording of the widget and the My workbook page to change: string id -> new text, keeping the "
        "default's `{placeholders}`. The ids and defaults are listed in generator/strings.py.",
        # For editors: complete the ids and show each default (validate.py reports unknown ids itself).
        json_schema_extra={
            "properties": {k: {"type": "string", "default": v} for k, v in sorted(DEFAULTS.items()) if overridable(k)},
            "additionalProperties": False,
        },
    )


# --- sources/<id>.yml ---------------------------------------------------------------------------


class Idea(Strict):
    id: Id
    title: str = Field(min_length=1, description="The idea in a few words.")
    summary: Markdown = Field(min_length=1, description="The idea in the workbook's own words (never copied).")


class Source(Strict):
    id: Id = Field(description="Must match the file name.")
    title: str = Field(min_length=1, description="The article's title, as published.")
    author: str = Field("", description="The author's name, where known.")
    publication: str = Field("", description="The blog or publication, where known.")
    date: str = Field("", pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$", description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
    url: str = Field("", description="Where the article can be read, if known: an https://, http:// or mailto: address.")
    summary: Markdown = Field(min_length=1, description="What the article argues, in the workbook's own words.")
    ideas: list[Idea] = Field(min_length=1)

    @field_validator("url")
    @classmethod
    def _safe_url(cls, value: str) -> str:
        return safe_url(value)

    @model_validator(mode="after")
    def _credit(self) -> Source:
        if not (self.author or self.publication):
            raise problem("check.model.credit")
        return self

    @field_validator("date")
    @classmethod
    def _real_date(cls, value: str) -> str:
        parts = value.split("-") if value else []
        padded = parts + ["01"] * (3 - len(parts))
        try:
            datetime.date(*(int(p) for p in padded)) if parts else None
        except ValueError:
            raise problem("check.model.date", value=value) from None
        return value


# --- exercises/<id>.yml -------------------------------------------------------------------------


class ItemBase(Strict):
    id: Id
    text: Markdown = Field(min_length=1, description="The question or prompt (its label).")
    help: Markdown = Field("", description="Optional hint shown under the prompt.")


class ScoredItem(ItemBase):
    dimension: Id | None = Field(None, description="The scoring dimension this item counts towards.")
    weight: float = Field(1.0, gt=0, description="How much this item counts within its dimension.")


class Likert(ScoredItem):
    type: Literal["likert"]
    scale: list[str] | None = Field(None, min_length=2, description="Labels from lowest to highest; default: the exercise's `scale`.")
    reverse: bool = Field(False, description="Score this item backwards (agreeing counts low).")


class Option(Strict):
    label: str = Field(min_length=1)
    value: float | None = Field(None, description="The option's score; needed when the item is scored.")


class Choice(ScoredItem):
    type: Literal["choice"]
    options: list[Option] = Field(min_length=2)


class Checklist(ScoredItem):
    type: Literal["checklist"]
    options: list[Option] = Field(min_length=1, description="Each ticked option scores its value (default 1).")

    @model_validator(mode="after")
    def _no_negative(self) -> Checklist:
        # A checklist's score runs from 0 (nothing ticked) to the sum of its values; the widget and
        # the band checks both rely on that.
        if any(o.value is not None and o.value < 0 for o in self.options):
            raise problem("check.model.checklist-negative")
        return self


class Text(ItemBase):
    type: Literal["text"]
    lines: int = Field(3, ge=1, le=40, description="Writing lines on a printed worksheet; 1 makes a short answer.")


class Number(ScoredItem):
    type: Literal["number"]
    unit: str = Field("", description="Shown after the box, e.g. `months`.")
    min: float | None = None
    max: float | None = None
    step: float = Field(1, gt=0)

    @model_validator(mode="after")
    def _range(self) -> Number:
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise problem("check.model.min-max", min=self.min, max=self.max)
        return self


class Column(Strict):
    id: Id
    label: str = Field(min_length=1)
    type: Literal["text", "number", "choice"] = "text"
    options: list[Option] = Field(default_factory=list, description="For `choice` columns.")
    dimension: Id | None = Field(None, description="Score this column towards a dimension.")
    score: Literal["each", "distinct"] = Field(
        "each", description="`each`: every filled row counts its value; `distinct`: count of different options chosen."
    )

    @model_validator(mode="after")
    def _options(self) -> Column:
        if self.type == "choice" and len(self.options) < 2:
            raise problem("check.model.choice-options")
        if self.type != "choice" and self.options:
            raise problem("check.model.options-choice-only", type=self.type)
        if self.score == "distinct" and self.type != "choice":
            raise problem("check.model.distinct-choice")
        if self.dimension and self.type == "text":
            raise problem("check.model.text-scored")
        return self


class Table(ItemBase):
    type: Literal["table"]
    columns: list[Column] = Field(min_length=1)
    rows: int = Field(5, ge=1, le=50, description="Blank rows on a printed worksheet and on screen at first.")
    row_labels: list[str] = Field(default_factory=list, description="Fixed row headings (then `rows` is their count).")
    max_rows: int = Field(30, ge=1, le=200, description="How many rows a reader may add on screen.")

    @model_validator(mode="after")
    def _row_counts(self) -> Table:
        if not self.row_labels and self.rows > self.max_rows:
            raise problem("check.model.rows-max", rows=self.rows, max_rows=self.max_rows)
        return self


Item = Annotated[Likert | Choice | Checklist | Text | Number | Table, Field(discriminator="type")]
ITEM_TYPES = ("likert", "choice", "checklist", "text", "number", "table")


class Band(Strict):
    min: float = Field(description="Lowest score in this band (inclusive).")
    max: float | None = Field(
        None, description="Score where the next band starts (exclusive; the top band includes it). Empty: no upper limit."
    )
    label: str = Field(min_length=1, description="A short name for the band, e.g. `Solid`.")
    text: Markdown = Field(min_length=1, description="What this result means and what to do next.")
    next: str = Field(
        "",
        max_length=120,
        description="One line for the scoring grid printed on the worksheet: the next step for this result "
        "(plain text). Without it the grid shows the band's label alone.",
    )


Better = Literal["higher", "lower"]
BETTER_HELP = (
    "Which way is good: `higher` (the default) or `lower`, when a high score is the bad one. "
    "The weakest area, the colours and 'improved'/'slipped' follow it."
)


class Dimension(Strict):
    id: Id
    label: str = Field(min_length=1)
    aggregate: Literal["sum", "mean", "percentage", "ratio", "min"] = Field(
        "mean",
        description="sum or mean of weighted values, percentage of the possible, or ratio of two number items; "
        "with `of`: the mean, sum or lowest (`min`) of those dimensions' scores.",
    )
    numerator: Id | None = Field(None, description="For `ratio`: the number item on top.")
    denominator: Id | None = Field(None, description="For `ratio`: the number item below.")
    of: list[Id] = Field(
        default_factory=list,
        description="Build this dimension from other dimensions of the exercise (facets that roll up into a domain) "
        "instead of from items: their ids.",
    )
    better: Better = Field("higher", description=BETTER_HELP)
    bands: list[Band] = Field(default_factory=list)
    follow_ups: list[Id] = Field(default_factory=list, description="Exercises that strengthen this dimension.")

    @model_validator(mode="after")
    def _parts(self) -> Dimension:
        if self.aggregate == "ratio" and not (self.numerator and self.denominator):
            raise problem("check.model.ratio-parts")
        if self.aggregate != "ratio" and (self.numerator or self.denominator):
            raise problem("check.model.ratio-only")
        if self.of and self.aggregate not in ("mean", "sum", "min"):
            raise problem("check.model.of-aggregate")
        if not self.of and self.aggregate == "min":
            raise problem("check.model.min-of")
        return self


class Overall(Strict):
    label: str = Field("Overall", min_length=1)
    aggregate: Literal["mean", "sum", "min", "difference"] = Field(
        "mean", description="Over the dimension scores: mean, sum, the lowest (`min`), or first minus second (`difference`)."
    )
    of: list[Id] = Field(default_factory=list, description="Dimension ids to combine; default all.")
    better: Better = Field("higher", description=BETTER_HELP)
    bands: list[Band] = Field(default_factory=list)


class Scoring(Strict):
    dimensions: list[Dimension] = Field(min_length=1)
    overall: Overall | None = None


class Exercise(Strict):
    id: Id = Field(description="Must match the file name.")
    title: str = Field(min_length=1)
    kind: Literal["assessment", "worksheet", "checklist", "planner"] = "worksheet"
    ideas: list[Id] = Field(min_length=1, description="Ids of the ideas (from content/sources/) this exercise practises.")
    minutes: int = Field(ge=1, le=480, description="Time a reader or workshop needs.")
    introduction: Markdown = Field(min_length=1, description="Why this exercise matters.")
    instructions: Markdown = Field(min_length=1, description="What to do.")
    scale: list[str] = Field(
        default_factory=lambda: ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"],
        min_length=2,
        description="Default labels of likert items, lowest first.",
    )
    items: list[Item] = Field(min_length=1)
    scoring: Scoring | None = None
    reflection: list[str] = Field(default_factory=list, description="Questions to think about afterwards.")
    follow_ups: list[Id] = Field(default_factory=list, description="Exercise ids to do next.")
    history_of: Id | None = Field(
        None,
        description="Id of a scored exercise whose dated results this page shows (its latest beside the one before, with "
        "what moved), with the next check-in date and a calendar reminder: for a check-in exercise.",
    )
    facilitator: Facilitator | None = None
    fill_in: list[Literal["name", "date", "next-check-in"]] = Field(
        default_factory=list,
        description="Lines printed at the top of the worksheet for the participant to fill in: `name`, `date`, "
        "`next-check-in` (the date of the next check-in), in that order.",
    )

    @field_validator("fill_in")
    @classmethod
    def _once_each(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise problem("check.model.fill-in-once")
        return value


class Facilitator(Strict):
    notes: Markdown = Field("", description="How to run this exercise with a group.")
    prompts: list[str] = Field(default_factory=list, description="Discussion prompts for the group.")


Exercise.model_rebuild()


# --- sessions.yml (optional) --------------------------------------------------------------------


class PlanSlot(Strict):
    """One step of a session: an exercise, a discussion, or another activity (welcome, break, close)."""

    exercise: Id | None = Field(None, description="An exercise the group does, by id (see content/exercises/).")
    discussion: str | None = Field(None, min_length=1, description="A discussion: its question or title, as shown in the plan.")
    activity: str | None = Field(
        None, min_length=1, description="Anything else, by its title: a welcome, a demonstration, a break, the close."
    )
    minutes: int = Field(ge=1, le=480, description="How long this step takes, in whole minutes.")
    note: str = Field("", description="One line on how to run it, e.g. `15 to complete and score; warn that some statements are reversed`.")

    @model_validator(mode="after")
    def _one_kind(self) -> PlanSlot:
        given = [k for k in ("exercise", "discussion", "activity") if getattr(self, k) is not None]
        if len(given) != 1:
            raise problem("check.model.slot-kind", found=[f"`{k}`" for k in given]) if given else problem("check.model.slot-kind-none")
        return self

    @property
    def kind(self) -> str:
        return "exercise" if self.exercise else "discussion" if self.discussion else "activity"


class Session(Strict):
    id: Id = Field(description="Names the session in error messages and links; unique in the file.")
    title: str = Field(min_length=1, description="The session's name, e.g. `90-minute introduction`.")
    minutes: int = Field(ge=1, le=1440, description="The session's length in minutes: its slots must add up to it.")
    purpose: str = Field("", description="One line on what the session is for and who it suits.")
    slots: list[PlanSlot] = Field(min_length=1, description="The steps of the session, in order.")


class Sessions(Strict):
    sessions: list[Session] = Field(
        min_length=1,
        description="Workshop sessions, in the order the facilitator guide and pack show them. "
        "Exercises no session names get a plan assembled from their timings.",
    )


# What each kind of content file holds: validation reads files with it, `workbook schema` writes it out.
KIND_OF_FILE: dict[str, type[Strict]] = {"workbook": Workbook, "source": Source, "exercise": Exercise, "sessions": Sessions}


@dataclass
class Translation:
    """One language's translated files, each merged over its original's structure (translations.py)."""

    language: str
    workbook: Workbook | None  # None: no workbook.<language>.yml
    sources: dict[str, Source]  # id -> translated source; only the files translated
    exercises: dict[str, Exercise]
    pages: dict[str, str]
    sessions: list[Session] | None = None  # None: no sessions.<language>.yml (or no sessions.yml to translate)


@dataclass
class Content:
    """The whole checked workbook: what validation returns and every later stage reads."""

    root: Path
    workbook: Workbook
    sources: list[Source]
    exercises: dict[str, Exercise]  # in reading order (chapter by chapter)
    pages: dict[str, str]  # page id (file stem) -> Markdown
    assets: list[Path] = field(default_factory=list)  # extra files under content/ (e.g. the logo)
    notes: list[ContentError] = field(default_factory=list)  # files skipped, said once per build or check
    sessions: list[Session] = field(default_factory=list)  # from content/sessions.yml; empty without it
    # The other languages of `workbook.languages`: translations.for_language(content, language) merges one.
    translations: dict[str, Translation] = field(default_factory=dict)
    # In a merged language: what shows the original's text for want of a translation, for a notice on its
    # page: "workbook" (chapters, titles), "pages/<id>", "exercises/<id>", "sources/<id>", "sessions" (the plans).
    untranslated: frozenset[str] = frozenset()
    original_language: str = ""  # in a merged language: the language of the originals ("" in the originals')

    def chapter_of(self, exercise_id: str) -> Chapter:
        return next(c for c in self.workbook.chapters if exercise_id in c.exercises)

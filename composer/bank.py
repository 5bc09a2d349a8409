"""The question bank: modules of ready-worded questions a campaigner builds a request from.

The bank lives in `resources/bank.toml`, written to be edited by hand. It is validated when it is
loaded; a mistake in it (bad TOML, a missing field, a duplicate id, an unknown `{field}`) is
reported as a `FileProblem` naming the file, the module and question, and the problem.

A *module* is a topic (what the system is, what it costs, impact assessments …) holding one or
more *questions*. A question may carry *follow-ups*: questions asked only if the answer to it is
yes. They are placed straight after their question with `condition="if_yes"` (at the top level
the letter then reads "If the answer to 5 is yes: …"; their text starts "If so," so that it also
reads right as a lettered sub-part). Two *umbrella* modules ask whether the force uses a kind of
system at all ("Has … used … ? If yes, …") and take other modules' questions as their lettered
"if yes" sub-parts: `build_request([("use_crime_mapping", ["identity", "cost"])])`.

Fields a question may use, filled in when the letter is written (see `composer.law.field_values`
for the force's, `build_request` for the request's own):

  {system_name}       the system asked about: "PredPol", or "the system" when none is named
  {force_name}        the force's full name, e.g. "West Midlands Police"
  {force_short_name}  its short name, e.g. "WMP"
  {act_name}          the Act it answers under, e.g. "Freedom of Information Act 2000"
  {act}               that Act's short name: "FOIA" or "FOISA"
  {period_start}      the first day of the period statistics are asked for
  {period_end}        the last day of that period

Pure: no Qt, no I/O except reading the bank file.
"""

from __future__ import annotations

import re
import textwrap
import tomllib
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator
from pydantic import model_validator

from composer import paths, storage
from composer.dates import in_words, looks_like_date, parse_date
from composer.errors import ComposerError, FileProblem
from composer.law import GB_DUTY, NI_DUTY
from composer.model import FIELD_PATTERN, AnswerFormat, Options, Part, Request

DEFAULT_PATH = paths.RESOURCES / "bank.toml"

KNOWN_FIELDS: dict[str, str] = {
    "system_name": "the system asked about (\"the system\" when none is named)",
    "force_name": "the force's full name",
    "force_short_name": "the force's short name",
    "act_name": "the Act the force answers under",
    "act": "that Act's short name (FOIA or FOISA)",
    "equality_duty": f"the equality duty that binds the force ({GB_DUTY.cited}; {NI_DUTY.cited})",
    "period_start": "first day of the period statistics are asked for",
    "period_end": "last day of that period",
}
"""Every `{field}` a bank question may use, with what it stands for."""

NEUTRAL_SYSTEM_NAME = "the system"
"""`{system_name}` when the request names no system, so that questions still read naturally."""

Kind = Literal["crime_mapping", "individual_risk", "named_system", "other"]
KINDS: tuple[str, ...] = ("crime_mapping", "individual_risk", "named_system", "other")
Burden = Literal["low", "medium", "high"]

Selection = Sequence["str | tuple[str, Sequence[str]]"]
"""What `build_request` takes: module or question ids, and (umbrella id, [ids]) pairs."""

_ID = r"[a-z][a-z0-9_]*"
_BRACE = re.compile(r"[{}]")
_FOLLOWUP_OPENING = re.compile(r"^If (so|yes),", re.IGNORECASE)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _BankModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Question(_BankModel):
    """One question as the bank words it, with `{field}` placeholders."""

    id: str = Field(pattern=rf"^{_ID}\.{_ID}$", description="<module>.<name>")
    text: str = Field(min_length=1)
    dataset: bool = Field(default=False, description="asks for statistics or records (s11(1A))")
    burden: Burden = Field(description="rough cost of answering, read by the cost-limit ordering")
    help: str | None = Field(default=None, description="one line for the app")
    extra: bool = Field(
        default=False, description="offered, but not included when the whole module is picked"
    )
    followups: list[Question] = Field(default_factory=list)
    _parent: str | None = PrivateAttr(default=None)

    @field_validator("text", "help")
    @classmethod
    def _fields_known(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = _one_line(value)
        names = FIELD_PATTERN.findall(value)
        unknown = [n for n in names if n not in KNOWN_FIELDS]
        if unknown:
            known = ", ".join(f"{{{n}}}" for n in KNOWN_FIELDS)
            raise ValueError(f"uses the field {{{unknown[0]}}}, which is not one of {known}")
        if _BRACE.search(FIELD_PATTERN.sub("", value)):
            raise ValueError(
                "has a stray { or }: a field is written in lower case with no spaces, "
                "like {system_name}"
            )
        return value

    @model_validator(mode="after")
    def _link_followups(self) -> Question:
        for f in self.followups:
            if f.followups:
                raise ValueError(
                    f"follow-up {f.id!r} has follow-ups of its own; only one level is allowed"
                )
            if not _FOLLOWUP_OPENING.match(f.text):
                raise ValueError(
                    f"follow-up {f.id!r} must start with 'If so,' or 'If yes,' so that it reads "
                    "right wherever it is placed"
                )
            f._parent = self.id
        return self

    @property
    def module_id(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def parent(self) -> str | None:
        """The id of the question this one follows up, if it is a follow-up."""
        return self._parent

    @property
    def fields(self) -> list[str]:
        return FIELD_PATTERN.findall(self.text)

    def to_part(self, **changes) -> Part:
        """A request part asking this question (follow-ups not included); `changes` set Part fields."""
        values: dict = {
            "text": self.text,
            "source": self.id,
            "dataset": self.dataset,
            "condition": "if_yes" if self._parent else None,
        }
        values.update(changes)
        return Part(**values)


class Module(_BankModel):
    """A topic a campaigner can pick, with the questions it asks."""

    id: str = Field(pattern=rf"^{_ID}$")
    title: str = Field(min_length=1)
    why: str = Field(min_length=1, description="one line shown in the app's wizard")
    kinds: list[Kind] = Field(min_length=1)
    umbrella: bool = Field(
        default=False, description="asks whether a kind of system is used; takes other modules"
    )
    answer_format: AnswerFormat | None = Field(
        default=None, description="picking the module asks for answers in this format"
    )
    questions: list[Question] = Field(default_factory=list)

    @field_validator("why", "title")
    @classmethod
    def _tidy(cls, value: str) -> str:
        return _one_line(value)

    @model_validator(mode="after")
    def _consistent(self) -> Module:
        for q in self.questions:
            for asked in (q, *q.followups):
                if asked.module_id != self.id:
                    raise ValueError(
                        f"question id {asked.id!r} must start with the module id: '{self.id}.…'"
                    )
        if not self.questions and self.answer_format is None:
            raise ValueError("has no questions (and sets no answer format)")
        if self.umbrella and (len(self.questions) != 1 or self.questions[0].followups):
            raise ValueError("is an umbrella module: it needs exactly one question, with no follow-ups")
        if self.questions and all(q.extra for q in self.questions):
            raise ValueError("every question is marked extra, so picking the module would ask nothing")
        return self

    @property
    def default_questions(self) -> list[Question]:
        """The questions asked when the whole module is picked."""
        return [q for q in self.questions if not q.extra]

    def all_questions(self) -> Iterable[Question]:
        for q in self.questions:
            yield q
            yield from q.followups


class _BankFile(_BankModel):
    modules: list[Module] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self) -> _BankFile:
        modules: dict[str, int] = {}
        questions: dict[str, str] = {}
        for module in self.modules:
            if module.id in modules:
                raise ValueError(f"two modules have the id {module.id!r}")
            modules[module.id] = 1
            for q in module.all_questions():
                if q.id in questions:
                    raise ValueError(f"two questions have the id {q.id!r} (in module {module.id!r})")
                questions[q.id] = module.id
        return self


class Bank:
    """The loaded bank: modules in the order the file gives them, and look-ups by id."""

    def __init__(self, modules: list[Module], path: Path | None = None) -> None:
        self.modules = modules
        self.path = path
        self._modules = {m.id: m for m in modules}
        self._questions = {q.id: q for m in modules for q in m.all_questions()}

    def module(self, module_id: str) -> Module:
        try:
            return self._modules[module_id]
        except KeyError:
            known = ", ".join(self._modules)
            raise ComposerError(f"unknown bank module {module_id!r}; known: {known}") from None

    def question(self, question_id: str) -> Question | None:
        return self._questions.get(question_id)

    def questions(self) -> list[Question]:
        """Every question and follow-up, in bank order."""
        return list(self._questions.values())

    def search(self, text: str) -> list[Question]:
        """Questions whose wording, help or module title contains `text` (any case)."""
        needle = _one_line(text).casefold()
        if not needle:
            return self.questions()
        found = []
        for module in self.modules:
            for q in module.all_questions():
                haystack = " ".join((q.text, q.help or "", module.title, q.id)).casefold()
                if needle in haystack:
                    found.append(q)
        return found

    def parts_for(self, item: str, *, nested: bool = False) -> list[Part]:
        """Parts asking a module's default questions, or one question, each followed by its
        follow-ups. `nested` words them as sub-parts of an umbrella question."""
        questions = self._resolve(item)
        parts: list[Part] = []
        for q in questions:
            parts.append(q.to_part(condition="if_yes") if nested else q.to_part())
            parts.extend(f.to_part() for f in q.followups)
        return parts

    def _resolve(self, item: str) -> list[Question]:
        item = item.strip()
        if "." in item:
            question = self.question(item)
            if question is None:
                module = self.module(item.split(".", 1)[0])
                have = ", ".join(q.id for q in module.all_questions())
                raise ComposerError(f"unknown bank question {item!r}; module {module.id!r} has: {have}")
            if question.parent:
                raise ComposerError(
                    f"bank question {item!r} is a follow-up of {question.parent!r}: pick that "
                    "question and the follow-up comes with it"
                )
            return [question]
        module = self.module(item)
        if module.umbrella:
            raise ComposerError(
                f"module {module.id!r} asks whether a kind of system is used and needs the modules "
                f"to ask about it in brackets, e.g. {module.id}(identity,cost)"
            )
        return module.default_questions


# -- loading -----------------------------------------------------------------------------------

def load_bank(path: Path | None = None) -> Bank:
    """The bank in `path` (default: the bundled one, read once and cached)."""
    return _default_bank() if path is None else _read(Path(path))


@lru_cache(maxsize=1)
def _default_bank() -> Bank:
    return _read(DEFAULT_PATH)


def _read(path: Path) -> Bank:
    text = storage.read_text(path, "question bank")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FileProblem(f"{path}: is not valid TOML: {exc}") from None
    try:
        parsed = _BankFile.model_validate(raw)
    except ValidationError as exc:
        raise FileProblem(f"{path}: {_describe(exc, raw)}") from None
    return Bank(parsed.modules, path)


_ITEM_NAMES = {"modules": "module", "questions": "question", "followups": "follow-up"}
_PLAIN_ERRORS = {
    "missing": "the field {field} is missing",
    "extra_forbidden": "{field} is not a field the bank knows (a typo?)",
}


def _describe(exc: ValidationError, raw: object, limit: int = 3) -> str:
    """Pydantic's errors in the bank's own words: which module, which question, what is wrong."""
    messages = []
    for err in exc.errors()[:limit]:
        place, field = _place(raw, err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] in _PLAIN_ERRORS and field:
            problem = _PLAIN_ERRORS[err["type"]].format(field=repr(field))
        elif field and msg.startswith("Input should"):
            problem = f"{field!r} should{msg.removeprefix('Input should')}"
        elif field and err["type"] == "value_error":
            problem = f"{field!r} {msg}"
        elif field:
            problem = f"{field!r}: {msg}"
        else:
            problem = msg
        messages.append(f"{place}: {problem}" if place else problem)
    more = len(exc.errors()) - limit
    if more > 0:
        messages.append(f"and {more} more problem{'s' if more > 1 else ''}")
    return "; ".join(messages)


def _place(raw: object, loc: tuple) -> tuple[str, str | None]:
    """('modules', 2, 'questions', 0, 'burden') -> ("module 'cost', question 'cost.spend'", 'burden')."""
    names: list[str] = []
    node = raw
    i = 0
    field: str | None = None
    while i < len(loc):
        key = loc[i]
        if key in _ITEM_NAMES and i + 1 < len(loc) and isinstance(loc[i + 1], int):
            index = loc[i + 1]
            items = node.get(key) if isinstance(node, dict) else None
            item = items[index] if isinstance(items, list) and index < len(items) else None
            ident = item.get("id") if isinstance(item, dict) else None
            label = _ITEM_NAMES[key]
            names.append(f"{label} {ident!r}" if isinstance(ident, str) else f"{label} no. {index + 1}")
            node = item
            i += 2
            continue
        if isinstance(key, str) and key not in ("modules",):
            field = key if field is None else f"{field}.{key}"
        elif isinstance(key, int) and field:
            field = f"{field}[{key}]"
        i += 1
    return ", ".join(names), field


# -- building requests -------------------------------------------------------------------------


def default_period(today: date | None = None) -> tuple[str, str]:
    """The five whole calendar years before this one: a period a force can search by."""
    year = (today or date.today()).year
    return f"1 January {year - 5}", f"31 December {year - 1}"


def parse_day(value: date | str) -> date | None:
    """A date given as a date or written as one (`YYYY-MM-DD`, `DD/MM/YYYY`); None for other
    text ("1 April 2021"), which a period keeps as written."""
    if isinstance(value, date):
        return value
    return parse_date(value, "period date") if looks_like_date(value) else None


def format_day(value: date | str) -> str:
    """`2021-04-01` or a date -> "1 April 2021"; other text that names a year in words ("1 April
    2021", "the end of March 2025") is kept as written."""
    day = parse_day(value)
    if day is None:
        text = str(value).strip()
        if not text:
            raise ComposerError("a period date is empty")
        if not (re.search(r"(?<!\d)\d{4}(?!\d)", text) and re.search(r"[^\W\d_]{3,}", text)):
            raise ComposerError(f"period date '{text}' names no year: give it as YYYY-MM-DD "
                                "(2021-04-01), or in words with its year (1 April 2021)")
        return text
    return in_words(day)


def _period(start: date | str | None, end: date | str | None) -> tuple[str, str]:
    default_start, default_end = default_period()
    first = parse_day(start) if start else None
    last = parse_day(end) if end else None
    if first and last and first > last:
        raise ComposerError(
            f"the period starts ({format_day(first)}) after it ends ({format_day(last)})"
        )
    return (format_day(start) if start else default_start, format_day(end) if end else default_end)


def build_request(
    modules: Selection,
    *,
    system_name: str | None = None,
    title: str | None = None,
    answer_format: str | None = None,
    period_start: date | str | None = None,
    period_end: date | str | None = None,
    bank: Bank | None = None,
) -> Request:
    """A new request asking the questions of `modules`, in the order given.

    Each item is a module id (its default questions), a question id (that question), or a pair
    (umbrella module id, [module or question ids]) whose questions become the umbrella question's
    lettered "if yes" sub-parts. A module that sets an answer format (`format`) adds no parts:
    it asks for the answers to the dataset parts in that format.
    """
    bank = bank or load_bank()
    if not modules:
        raise ComposerError("no bank modules chosen; `foi-composer bank` lists them")
    parts: list[Part] = []
    chosen_format: AnswerFormat | None = None
    seen_top: set[str] = set()

    def add(into: list[Part], item: str, nested: bool, seen: set[str]) -> None:
        nonlocal chosen_format
        module = bank.module(item.split(".", 1)[0].strip())
        if module.answer_format is not None and not module.questions:
            chosen_format = module.answer_format
            return
        for part in bank.parts_for(item, nested=nested):
            if part.source not in seen:  # the same question twice in one place asks it once
                seen.add(part.source or part.id)
                into.append(part)

    for item in modules:
        if isinstance(item, str):
            add(parts, item, False, seen_top)
            continue
        umbrella_id, nested_ids = item
        umbrella = bank.module(umbrella_id.strip())
        if not umbrella.umbrella:
            umbrellas = ", ".join(m.id for m in bank.modules if m.umbrella)
            raise ComposerError(
                f"module {umbrella.id!r} cannot take other modules in brackets; only {umbrellas} can"
            )
        subparts: list[Part] = []
        seen_sub: set[str] = set()
        for nested_id in nested_ids:
            if bank.module(nested_id.split(".", 1)[0].strip()).umbrella:
                raise ComposerError(f"module {nested_id!r} cannot go inside {umbrella.id!r}")
            add(subparts, nested_id, True, seen_sub)
        if not subparts:
            raise ComposerError(f"module {umbrella.id!r} needs at least one module in its brackets")
        parts.append(umbrella.questions[0].to_part(subparts=subparts))
    if not parts:
        raise ComposerError("the chosen modules ask no questions; add at least one question module")

    fmt = chosen_format
    if answer_format:
        try:
            fmt = AnswerFormat(answer_format.strip().lower())
        except ValueError:
            choices = ", ".join(f.value for f in AnswerFormat)
            raise ComposerError(f"unknown answer format {answer_format!r}; choose {choices}") from None

    every = [q for p in parts for q in (p, *p.subparts)]
    options = Options()
    if fmt is not None:
        options = Options(answer_format=fmt, format_parts=[p.id for p in every if p.dataset])

    name = (system_name or "").strip()
    fields = {"system_name": name or NEUTRAL_SYSTEM_NAME}
    used = {f for p in every for f in FIELD_PATTERN.findall(p.text)}
    period = _period(period_start, period_end)  # checked even where no question uses it
    if used & {"period_start", "period_end"}:
        fields["period_start"], fields["period_end"] = period
    title = (title or "").strip() or default_title(name)
    return Request(title=title, parts=parts, options=options, fields=fields)


def default_title(system_name: str | None) -> str:
    """The title a request built from the bank gets when none is given: from the system's name,
    if there is one other than the neutral "the system"."""
    name = (system_name or "").strip()
    if name and name != NEUTRAL_SYSTEM_NAME:
        return f"Information about {name}"
    return "Predictive policing and risk-scoring systems"


def parse_selection(text: str) -> list[str | tuple[str, list[str]]]:
    """The command line's module list: `a,b,umbrella(c,d),e` -> ['a', 'b', ('umbrella', ['c', 'd']), 'e']."""
    out: list[str | tuple[str, list[str]]] = []
    pattern = re.compile(r"\s*([^,()\s]+)\s*(?:\(([^()]*)\))?\s*(?:,|$)")
    pos = 0
    text = text.strip()
    while pos < len(text):
        match = pattern.match(text, pos)
        if not match or match.end() == pos:
            raise ComposerError(
                f"cannot read the module list {text!r} near {text[pos:pos + 20]!r}: write ids "
                "separated by commas, and an umbrella's modules in brackets, e.g. "
                "use_crime_mapping(identity,cost),consultation"
            )
        ident, inner = match.group(1), match.group(2)
        if inner is None:
            out.append(ident)
        else:
            nested = [x.strip() for x in inner.split(",") if x.strip()]
            out.append((ident, nested))
        pos = match.end()
    if not out:
        raise ComposerError("the module list is empty; `foi-composer bank` lists the modules")
    return out


def modules_for_kind(kind: str, bank: Bank | None = None) -> list[str]:
    """Ids of the modules suited to a kind of request, in bank order (the wizard pre-ticks them)."""
    if kind not in KINDS:
        raise ComposerError(f"unknown kind of request {kind!r}; choose {', '.join(KINDS)}")
    bank = bank or load_bank()
    return [m.id for m in bank.modules if kind in m.kinds]


def arrange(ids: Sequence[str], bank: Bank | None = None) -> list[str | tuple[str, list[str]]]:
    """A flat list of ticked ids as `build_request` wants it: each module or question goes
    inside every ticked umbrella whose kinds it shares; the rest stay at the top, after them."""
    bank = bank or load_bank()
    umbrellas = [i for i in ids if bank.module(i.split(".", 1)[0]).umbrella]
    if not umbrellas:
        return list(ids)
    inside: dict[str, list[str]] = {u: [] for u in umbrellas}
    rest: list[str] = []
    for item in ids:
        module = bank.module(item.split(".", 1)[0])
        if module.umbrella:
            continue
        homes = [u for u in umbrellas if set(module.kinds) & set(bank.module(u).kinds)]
        if module.questions and homes:
            for u in homes:
                inside[u].append(item)
        else:
            rest.append(item)
    return [(u, inside[u]) for u in umbrellas] + rest


def describe_bank(bank: Bank, width: int = 100) -> str:
    """The bank as a person reads it on a terminal: each module, then its questions."""
    lines: list[str] = []
    for module in bank.modules:
        kinds = ", ".join(module.kinds)
        lines.append(f"{module.id} — {module.title}  [{kinds}]")
        lines.append(textwrap.fill(module.why, width, initial_indent="  ", subsequent_indent="  "))
        if module.answer_format is not None:
            lines.append(f"  (asks for dataset answers as {module.answer_format.value})")
        if module.umbrella:
            lines.append("  (umbrella: put other modules in brackets after it)")
        for q in module.questions:
            lines.extend(_describe_question(q, width, "    ", ""))
            for f in q.followups:
                lines.extend(_describe_question(f, width, "      ", " (follow-up)"))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _describe_question(q: Question, width: int, indent: str, note: str) -> list[str]:
    tags = [t for t in ("extra" if q.extra else "", "dataset" if q.dataset else "") if t]
    label = f"{q.id}{note}" + (f" [{', '.join(tags)}]" if tags else "") + f" burden {q.burden}"
    return [indent + label, textwrap.fill(q.text, width, initial_indent=indent + "  ",
                                          subsequent_indent=indent + "  ")]

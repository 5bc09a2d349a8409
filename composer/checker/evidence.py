"""Severity from the evidence taken together: how likely a force is to refuse or to ask, per ground.

Each rule reads one sign. A force weighs them all: a long period, a breakdown by age, a field the
records do not hold and a small place are each a note alone, and together a refusal. This module
turns one part's reading and the findings the rules raised on it (notes too) into a few numbers
about the part's SHAPE (which rules fired and how loudly, what it asks for, over how long, how
finely split, how far over the cost limit, how small its counts) and weighs them with a logistic
model per ground (`resources/grounds.json`), fitted on real requests and what forces did with
them by `bench/fit_grounds.py`. No word of any text is a feature, so the model cannot learn a
request's wording, only its shape.

Where at least two rules noted something on a ground, the model gives it a probability at or above
its threshold (0.5 is "more likely than not") and the part has no warning of that ground yet, one
finding is added for the ground; the
engine's `combine` then folds the part's notes on it into that finding. At run time this is a dot
product and a sigmoid, remembered per part between keystrokes.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from typing import Any

from composer import paths
from composer.checker import knowledge, patterns, track
from composer.checker.calibration import Calibration
from composer.checker.engine import WEIGHERS, Context, PartView, rule_facts, run_rules
from composer.checker.estimate import estimate, expected_cell
from composer.checker.findings import Finding
from composer.checker.reading import Reading, read_part
from composer.checker.sections import LAW
from composer.errors import FileProblem
from composer.model import Force, Request, Requester

GROUNDS_PATH = paths.RESOURCES / "grounds.json"

# The grounds a model is fitted for, the outcome that is its label, and the law its finding cites.
GROUND_OUTCOMES = {"cost": "s12_cost", "clarity": "clarification", "personal_data": "s40_personal",
                   "exemption": "ncnd"}
# The outcomes a warning of each ground foresees (a personal-data warning may be one the force meets
# by neither confirming nor denying).
FORESEES = {"cost": ("s12_cost",), "clarity": ("clarification",), "personal_data": ("s40_personal", "ncnd"),
            "exemption": ("ncnd",)}
_LAW_TOPIC = {"cost": "cost", "clarity": "clarify", "personal_data": "personal", "exemption": "investigation"}
_REFUSAL_WORDS = {"cost": "a refusal on cost", "clarity": "a request to clarify",
                  "personal_data": "a refusal to release personal data",
                  "exemption": "a reply that neither confirms nor denies holding it"}
COMBINED = {ground: f"{ground}.combined" for ground in GROUND_OUTCOMES}  # the combined findings' rule ids

ACTIONS = ("count", "copy", "records", "list", "explain", "yes_no", "other")
SEVERITY_NAMES = ("warning", "info")  # an error counts as a warning

# Plain words for the features a message names (rule features are named by their rule's title).
_WORDS: dict[str, str] = {
    "action:count": "it asks for figures", "action:records": "it asks for details of each record",
    "action:copy": "it asks for copies of documents", "action:list": "it asks for a list or a fact",
    "action:explain": "it asks for an explanation", "action:yes_no": "it asks a yes-or-no question",
    "action:other": "what it asks for is not clear",
    "record:unknown": "the kind of record is not one the checker knows",
    "record:inherited": "the kind of record is borrowed from the text around it",
    "record:people": "the records are about people", "record:sensitive": "the records are of a sensitive kind",
    "breakdowns": "it is broken down several ways", "breakdowns:place": "it is broken down by place",
    "breakdowns:time": "it is broken down by time", "breakdowns:people": "it is broken down by who the people are",
    "place:fine": "it is broken down by a small area", "time:fine": "it is broken down by day or hour",
    "period:none": "it gives no period",
    "period:years": "it covers a long run of years", "period:borrowed": "its period comes from another part",
    "period:snapshot": "it asks about one point in time", "place:named": "it names a place",
    "one_case": "it points at one incident, address, day or operation", "identifies": "it points at one person",
    "conduct": "it is about allegations, investigations or discipline", "narrative": "it wants what records say",
    "open_scope": "it has no edge to the search", "free_text": "it counts by a detail only a reader finds",
    "linked": "each record must be checked against another register", "follows": "it asks a later stage of each record",
    "listed": "it lists categories one by one", "narrowed": "it narrows the people counted",
    "whose": "it names whose records", "as_at_past": "it asks what stood on a past date",
    "cost:over": "the estimate of hours is near or over the Act's limit", "cost:manual": "records must be read by hand",
    "cell:small": "its counts would be small",
    "parts": "the request has many parts", "sub_part": "it is a sub-part", "length": "it is long",
}
ONE_CASE_KINDS = ("address", "vehicle", "reference", "specified", "company", "day", "operation", "institution",
                  "street", "event")


def _capped_log2(value: float, cap: float) -> float:
    return min(cap, math.log2(1.0 + max(0.0, value)))


def part_features(reading: Reading | None, found: tuple[tuple[str, str, str, bool], ...], *, law, officers: float | None,
                  parts: int, sub_part: bool, words: int) -> dict[str, float]:
    """The shape of one part as numbers, every one zero when its sign is absent.

    `found`: (rule id, severity, category, ncnd) of each finding raised on the part or on the request
    as a whole, notes included, before they are combined (a sensitive subject is the exemption rules'
    finding, its class the finding's severity and whether it is neither-confirm-nor-deny). Nothing
    here reads the part's text again."""
    out: dict[str, float] = {}
    notes: dict[str, set[str]] = {}
    for rule, severity, category, ncnd in found:
        if category not in GROUND_OUTCOMES:
            continue  # format, tone, validity: not evidence of a refusal on these grounds
        sev = "info" if severity == "info" else "warning"
        out[f"rule:{rule}:{sev}"] = 1.0
        if sev == "info":
            notes.setdefault(category, set()).add(rule)
        else:
            out[f"warned:{category}"] = 1.0
            if ncnd:
                out["warned:ncnd"] = 1.0
    for category, rules in notes.items():
        out[f"notes:{category}"] = float(min(len(rules), 4))
    out["parts"] = _capped_log2(parts - 1, 6.0)
    if sub_part:
        out["sub_part"] = 1.0
    out["length"] = _capped_log2(words / 10, 4.0)
    if reading is None:
        return out
    out[f"action:{reading.action}"] = 1.0
    record = reading.record
    if record is None or record.id == "unknown_records":
        out["record:unknown"] = 1.0
    else:
        if reading.record_inherited:
            out["record:inherited"] = 1.0
        if record.people:
            out["record:people"] = 1.0
        if record.sensitivity != "ordinary":
            out["record:sensitive"] = 1.0
    if reading.breakdowns:
        out["breakdowns"] = float(min(len(reading.breakdowns), 4))
        kinds = {knowledge.DIMENSIONS[b].kind for b in reading.breakdowns if b in knowledge.DIMENSIONS}
        for kind in ("place", "time", "people"):
            if kind in kinds:
                out[f"breakdowns:{kind}"] = 1.0
        # how fine: the finest place (a ward, a street) and the finest time (a day, an hour)
        if "place_fine" in reading.breakdowns:
            out["place:fine"] = 1.0
        if "day" in reading.breakdowns or "time_of_day" in reading.breakdowns:
            out["time:fine"] = 1.0
    period = reading.period
    if period is None:
        out["period:none"] = 1.0
    elif period.snapshot:
        out["period:snapshot"] = 1.0
    else:
        out["period:years"] = _capped_log2(period.years - 1, 5.0)  # 0 for a year or less, 3.2 for ten
        if period.source != "part":
            out["period:borrowed"] = 1.0
    for name in ("named_place", "about_conduct", "narrative", "open_scope", "whose", "as_at_past"):
        if getattr(reading, name):
            out[{"named_place": "place:named", "about_conduct": "conduct"}.get(name, name)] = 1.0
    if reading.one_case is not None:
        out[f"one_case:{reading.one_case[0]}"] = 1.0
    if reading.identifies:
        out["identifies"] = 1.0
    for name in ("free_text", "linked", "follows"):
        if getattr(reading, name):
            out[name] = 1.0
    if reading.listed:
        out["listed"] = _capped_log2(reading.listed, 4.0)
    if reading.narrowed:
        out["narrowed"] = float(min(reading.narrowed, 3))
    est = estimate(reading, law, officers)
    limit = law.cost_limit_hours
    if est.hours > limit / 4 and limit > 0:
        # 0 up to a quarter of the limit, 2 at the limit, 6 at sixteen times it
        out["cost:over"] = min(6.0, math.log2(est.hours / limit) + 2.0)
    if est.manual:
        out["cost:manual"] = 1.0
    if record is not None and record.people and reading.action in ("count", "records") and (
            reading.breakdowns or reading.named_place or reading.narrowed):
        per_cell, _cells = expected_cell(reading)
        # 0 for fifty people a cell or more, 1.7 at one, 3 at a twentieth of one
        small = min(3.0, math.log10(50.0) - math.log10(max(per_cell, 1e-3)))
        if small > 0:
            out["cell:small"] = small
    return out


def feature_known(name: str, rule_ids: frozenset[str] | set[str]) -> bool:
    """Whether `part_features` can produce a feature called `name` (for checking a data file)."""
    kind, _, rest = name.partition(":")
    if kind == "rule":
        rule, _, severity = rest.rpartition(":")
        return rule in rule_ids and severity in SEVERITY_NAMES
    if kind in ("warned", "notes"):
        return rest in GROUND_OUTCOMES or name == "warned:ncnd"
    if kind == "action":
        return rest in ACTIONS
    if kind == "one_case":
        return rest in ONE_CASE_KINDS
    return name in _WORDS


def describe(name: str, titles: dict[str, str]) -> str:
    """A feature in plain words."""
    kind, _, rest = name.partition(":")
    if kind == "rule":
        rule, _, severity = rest.rpartition(":")
        return f"{titles.get(rule, rule)} ({'a note' if severity == 'info' else 'a warning'})"
    if kind == "notes":
        return f"several notes on {rest.replace('_', ' ')}"
    if name == "warned:ncnd":
        return "a warning that the force may neither confirm nor deny"
    if kind == "warned":
        return f"a warning on {rest.replace('_', ' ')}"
    if kind == "one_case":
        return f"it points at one {rest}"
    return _WORDS.get(name, name)


# -- the models --------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class GroundModel:
    """A logistic model for one ground: p = sigmoid(bias + sum of weight x feature). A part with no
    warning of the ground gets one at `threshold`; a lone warning (the only finding of its ground on
    the part) is lowered to a note below `lower_below` (0: never)."""

    ground: str
    bias: float
    threshold: float
    weights: dict[str, float] = field(default_factory=dict)
    lower_below: float = 0.0

    def score(self, features: dict[str, float]) -> float:
        z = self.bias
        weights = self.weights
        for name, value in features.items():
            w = weights.get(name)
            if w is not None:
                z += w * value
        return z

    def probability(self, features: dict[str, float]) -> float:
        z = self.score(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def strongest(self, features: dict[str, float], count: int = 4) -> list[tuple[str, float]]:
        """The features that raised the probability most, with what each added to the log-odds."""
        added = [(name, self.weights[name] * value) for name, value in features.items()
                 if name in self.weights and self.weights[name] * value > 0]
        return sorted(added, key=lambda a: -a[1])[:count]


@dataclass(frozen=True, eq=False)
class Grounds:
    """The models for every ground, and what they were fitted on."""

    models: tuple[GroundModel, ...] = ()
    fitted_on: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"fitted_on": self.fitted_on,
                "grounds": {m.ground: {"bias": round(m.bias, 4), "threshold": round(m.threshold, 4),
                                       "lower_below": round(m.lower_below, 4),
                                       "weights": {k: round(v, 4) for k, v in sorted(m.weights.items())
                                                   if abs(v) >= 1e-4}}
                            for m in self.models}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Grounds:
        models = []
        for ground, entry in data["grounds"].items():
            if ground not in GROUND_OUTCOMES:
                raise ValueError(f"unknown ground {ground!r}")
            models.append(GroundModel(ground, float(entry["bias"]), float(entry["threshold"]),
                                      {str(k): float(v) for k, v in entry["weights"].items()},
                                      float(entry.get("lower_below", 0.0))))
        return cls(tuple(models), dict(data.get("fitted_on", {})))


NO_GROUNDS = Grounds()  # the rules alone


_LOADED: list[Grounds] = []


def default_grounds() -> Grounds:
    """The fitted models the app uses (`resources/grounds.json`), read once."""
    if not _LOADED:
        try:
            data = json.loads(GROUNDS_PATH.read_text("utf-8"))
            _LOADED.append(Grounds.from_json(data))
        except FileNotFoundError:
            _LOADED.append(NO_GROUNDS)  # not fitted yet: the rules alone
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise FileProblem(f"{GROUNDS_PATH}: the checker's fitted weights cannot be read ({exc}); restore "
                              "the file from the project or refit it with bench/fit_grounds.py") from exc
    return _LOADED[0]


# -- applying them in a check ------------------------------------------------------------------

_WEIGHED: patterns.Memo = patterns.memo(16384)


def request_found(found: list[Finding]) -> tuple[dict[str | None, tuple], tuple]:
    """The findings on the grounds as (rule, severity, category, ncnd) per part id, and those on the
    request as a whole."""
    by_part: dict[str | None, list] = {}
    for f in found:
        if f.category in GROUND_OUTCOMES:  # format, tone, validity: no evidence for these grounds
            by_part.setdefault(f.part_id, []).append((f.rule, f.severity, f.category, f.ncnd))
    whole = tuple(by_part.pop(None, ()))
    return {k: tuple(v) for k, v in by_part.items()}, whole


def features_of(ctx: Context, item: PartView, own: tuple, whole: tuple) -> dict[str, float]:
    """The features of part `item` in `ctx`, from the findings `own` on it and `whole` on the request."""
    reading = ctx.readings.get(item.index) or read_part(ctx, item)
    return part_features(reading, own + whole, law=ctx.law, officers=ctx.officers, parts=len(ctx.items),
                         sub_part=item.parent is not None, words=len(item.low.split()))


# A combined warning weighs several signs: at least this many rules must have noted something on its
# ground. A single rule's note stays a note, as its rule decided with the same reading in hand.
MIN_SIGNS = 2


def _decide(grounds: Grounds, about_letter: frozenset[str], ctx, item, own: tuple, whole: tuple,
            gate_only: bool = False) -> tuple | bool:
    """What the models make of one part: (model, p, strongest evidence, the rule of a lone warning to
    lower, or None to add a combined warning) for each ground where they change something. With
    `gate_only`: whether any model is to be asked at all."""
    warned = set()
    noted: dict[str, set[str]] = {}
    ruled: dict[str, set[str]] = {}  # every rule with a finding on the ground, whatever its severity
    for rule, severity, category, ncnd in own + whole:
        if rule in about_letter:
            continue
        ruled.setdefault(category, set()).add(rule)
        if severity != "info":
            warned.add(category)
            if ncnd:
                warned.add("exemption")  # a warning that the force will neither confirm nor deny: that ground
        else:
            noted.setdefault(category, set()).add(rule)
    lone = {}  # ground -> the one rule that warns on it, when no other rule says anything on it
    for rule, severity, category, _ncnd in own:
        if severity == "warning" and len(ruled.get(category, ())) == 1 and rule not in about_letter:
            lone[category] = rule
    wanted = [m for m in grounds.models
              if (m.ground not in warned and len(noted.get(m.ground, ())) >= MIN_SIGNS)
              or (m.lower_below > 0 and m.ground in lone)]
    if gate_only or not wanted:
        return bool(wanted) if gate_only else ()
    features = features_of(ctx, item, own, whole)
    out = []
    for model in wanted:
        p = model.probability(features)
        if model.ground in lone and model.ground in warned:
            if p < model.lower_below:
                out.append((model, p, (), lone[model.ground]))
        elif p >= model.threshold:
            out.append((model, p, tuple(model.strongest(features)), None))
    return tuple(out)


def weigh(ctx: Context, found: list[Finding], grounds: Grounds | None = None) -> list[Finding]:
    """`found` with, per ground on each part, one finding added where the evidence together makes a
    refusal or a question more likely than the ground's threshold and no warning of that ground is
    there yet, and a lone warning the evidence makes very unlikely lowered to a note (`grounds`
    None: the fitted models)."""
    grounds = default_grounds() if grounds is None else grounds
    if not grounds.models or not ctx.items:
        return found
    titles, about_letter = rule_facts()
    by_part, whole = request_found(found)
    parts = len(ctx.items)
    added: list[Finding] = []
    lowered: dict[tuple[str, str], tuple[GroundModel, float]] = {}
    readings = ctx.readings
    # A part with no finding of its own on any ground can only be weighed for what the request as a
    # whole noted; most parts of a long request are such parts, and are passed over at once.
    whole_noted = {category for _rule, severity, category, _ncnd in whole if severity == "info"}
    empty_matters = bool(whole_noted) and _decide(grounds, about_letter, None, None, (), whole, gate_only=True)
    for item in ctx.items:
        own = by_part.get(item.id, ())
        if not own and not empty_matters:
            continue
        reading = readings.get(item.index) or read_part(ctx, item)
        key = (grounds, item.text, reading, own, whole, parts, ctx.act, ctx.officers, item.parent is not None)
        decided = _WEIGHED.recall(key, _decide, grounds, about_letter, ctx, item, own, whole)
        for model, p, strongest, lower in decided:
            if lower is None:
                added.append(_finding(ctx, item, model, p, strongest, titles))
            else:
                lowered[(item.id, lower)] = (model, p)
    if lowered:
        found = [_lowered(f, *lowered[(f.part_id, f.rule)]) if (f.part_id, f.rule) in lowered else f for f in found]
    return found + added if added else found


def _lowered(finding: Finding, model: GroundModel, p: float) -> Finding:
    return replace(finding, severity="info", message=finding.message + (
        f" (A note rather than a warning: no other sign on this part points the same way, and only about "
        f"{max(1, round(p * 100))} in 100 requests shaped like it met {_REFUSAL_WORDS[model.ground]}.)"),
        reasoning=finding.reasoning + (
            f"Lowered to a note by weighing this part's shape against real requests and what forces did "
            f"with them ({GROUNDS_PATH.name}): about {max(1, round(p * 100))} in 100 such requests met it, "
            f"and a lone warning stays a warning from {round(model.lower_below * 100)} in 100.",))


def _strength(weight: float) -> str:
    """How much one sign moved the estimate, in words rather than log-odds."""
    if weight >= 1.0:
        return "counts strongly towards it"
    if weight >= 0.4:
        return "counts towards it"
    return "counts a little towards it"


def _finding(ctx, item, model: GroundModel, p: float, strongest, titles: dict[str, str]) -> Finding:
    ground = model.ground
    signs = [describe(name, titles) for name, _ in strongest]
    listed = "; ".join(signs) if signs else "the shape of the part"
    chance = track.chance(COMBINED[ground], "the force", f"answer with {_REFUSAL_WORDS[ground]}", p=p)
    message = (f"{item.label}: no one sign here is enough alone, but taken together ({listed}) they mean "
               f"{chance}: about {round(p * 100)} in 100 requests shaped like this one met it.")
    reasoning = tuple(f"Evidence: {describe(name, titles)} ({_strength(weight)})." for name, weight in strongest)
    reasoning += (f"Weighed against real requests and what forces did with them ({GROUNDS_PATH.name}): "
                  f"a warning from {round(model.threshold * 100)} in 100.",)
    law = LAW[_LAW_TOPIC[ground]][ctx.act]
    return Finding(
        rule=COMBINED[ground], category=ground, severity="warning", part_id=item.id, message=message,
        law=law, suggestion=None, ncnd=ground == "exemption", reasoning=reasoning,
        also=tuple(dict.fromkeys(name.split(":")[1] for name, _ in strongest if name.startswith("rule:"))),
    )


WEIGHERS.append(weigh)


def part_evidence(request: Request, *, force: Force | None = None, requester: Requester | None = None,
                  calibration: Calibration | None = None) -> list[dict[str, float]]:
    """Each part's evidence as numbers (`part_features`), from the rules' findings before they are
    combined: what `bench/fit_grounds.py` fits the models on."""
    ctx, found = run_rules(request, force, requester, calibration)
    by_part, whole = request_found(found)
    return [features_of(ctx, item, by_part.get(item.id, ()), whole) for item in ctx.items]

"""Working days and due dates under each Act.

FOIA s10(6): a working day is any day other than a Saturday, a Sunday, Christmas Day, Good Friday
or a day that is a bank holiday under the Banking and Financial Dealings Act 1971 in *any* part of
the United Kingdom, so an English force's clock also stops on St Andrew's Day and St Patrick's Day.
FOISA s73: only Saturdays, Sundays, Christmas Day and Scottish bank holidays.

Bank holidays come from the `holidays` package, one calendar per nation (its UK calendar with no
subdivision holds only the days common to all nations, so the union is built here). Only its
United Kingdom calendar is loaded, and only when a day's answer is first needed. One-off days
proclaimed by the Crown are where the package can be wrong or late; the user adds or removes a day
in `holidays-overrides.json` in the data folder.

Counting: the day of receipt is day zero and the next working day is day one, so a request received
on a Saturday has the Monday as day one (ICO guidance).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from threading import Lock
from typing import Literal

from dateutil.easter import easter

from composer import paths, storage
from composer.acts import Act
from composer.dates import IN_REACH, LATEST, WEEKDAYS
from composer.errors import ComposerError
from composer.law import law_for, short


class Region(StrEnum):
    """The `holidays` package's subdivision codes for the United Kingdom (checked on 0.109)."""

    ENGLAND = "ENG"
    WALES = "WLS"
    SCOTLAND = "SCT"
    NORTHERN_IRELAND = "NIR"

    @property
    def label(self) -> str:
        return _REGION_LABELS[self]


_REGION_LABELS = {
    Region.ENGLAND: "England",
    Region.WALES: "Wales",
    Region.SCOTLAND: "Scotland",
    Region.NORTHERN_IRELAND: "Northern Ireland",
}

ACT_REGIONS: dict[Act, tuple[Region, ...]] = {
    Act.FOIA: (Region.ENGLAND, Region.WALES, Region.SCOTLAND, Region.NORTHERN_IRELAND),
    Act.FOISA: (Region.SCOTLAND,),
}
"""Whose bank holidays stop the clock under each Act."""

OVERRIDES_VERSION = 1
OVERRIDES_FILE = "holidays-overrides.json"


# -- the user's own corrections ---------------------------------------------------------------
@lru_cache(maxsize=1)
def _override_models() -> tuple[type, type]:
    """`DayOverride` and `Overrides`, the models of the user's corrections file, made when first
    asked for (`calendar.Overrides` as any other name): counting working days with no such file
    (`foi-composer due --act`, `holidays list`) loads no pydantic."""
    from pydantic import BaseModel, ConfigDict, Field

    class DayOverride(BaseModel):
        model_config = ConfigDict(extra="forbid")

        date: date
        name: str = ""
        regions: list[Region] = Field(default_factory=lambda: list(Region))

    class Overrides(BaseModel):
        """Days the user has added as bank holidays, or removed from the package's list."""

        model_config = ConfigDict(extra="forbid")

        schema_version: int = OVERRIDES_VERSION
        kind: Literal["holiday-overrides"] = "holiday-overrides"
        added: list[DayOverride] = Field(default_factory=list)
        removed: list[DayOverride] = Field(default_factory=list)

    return DayOverride, Overrides


def __getattr__(name: str):
    if name in ("DayOverride", "Overrides"):
        day_override, overrides = _override_models()
        return day_override if name == "DayOverride" else overrides
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def overrides_path() -> Path:
    return paths.data_dir() / OVERRIDES_FILE


def load_overrides(path: Path | None = None) -> tuple[Overrides, str | None]:
    """The saved overrides (none if no file) and a message if a broken file was set aside."""
    return storage.load_or_set_aside(Path(path) if path else overrides_path(), _override_models()[1],
                                     what="holiday overrides file",
                                     current_version=OVERRIDES_VERSION,
                                     instead="the package's holidays are used")


def save_overrides(overrides: Overrides, path: Path | None = None) -> Path:
    path = Path(path) if path else overrides_path()
    with storage.locked(path):
        storage.write_model(path, overrides)
    return path


def update_overrides(change: Callable[[Overrides], Overrides]) -> Overrides:
    """Change the saved overrides as a read-modify-write under their lock, so two corrections
    recorded at once are both kept."""
    updated, _ = storage.update_model(overrides_path(), _override_models()[1], change,
                                      what="holiday overrides file",
                                      current_version=OVERRIDES_VERSION)
    _loaded.cache_clear()
    return updated


def _regions(regions: list[Region] | None) -> list[Region]:
    return list(regions) if regions else list(Region)


def _without(days: list[DayOverride], when: date, regions: list[Region]) -> list[DayOverride]:
    """`days` with `regions` taken off any entry for `when`; entries left with no region dropped."""
    out = []
    for day in days:
        if day.date == when:
            left = [r for r in day.regions if r not in regions]
            if not left:
                continue
            day = day.model_copy(update={"regions": left})
        out.append(day)
    return out


def add_holiday(when: date, name: str, regions: list[Region] | None = None) -> Overrides:
    """Record a proclaimed bank holiday (in every nation unless `regions` says otherwise)."""
    if not name.strip():
        raise ComposerError("give the day a name, e.g. 'State funeral'")
    regions = _regions(regions)
    day = _override_models()[0](date=when, name=name.strip(), regions=regions)
    return update_overrides(lambda overrides: overrides.model_copy(update={
        "removed": _without(overrides.removed, when, regions),
        "added": sorted([*_without(overrides.added, when, regions), day], key=lambda d: d.date),
    }))


def remove_holiday(when: date, regions: list[Region] | None = None) -> Overrides:
    """Record that a day the package lists is not in fact a bank holiday (in `regions`)."""
    fixed = _statutory_day(when)
    if fixed:
        cited = ", ".join(short("working_day", act) for act in Act)
        raise ComposerError(f"{when.isoformat()} is {fixed}, never a working day ({cited})")
    regions = _regions(regions)
    day = _override_models()[0](date=when, regions=regions)
    return update_overrides(lambda overrides: overrides.model_copy(update={
        "added": _without(overrides.added, when, regions),
        "removed": sorted([*_without(overrides.removed, when, regions), day], key=lambda d: d.date),
    }))


def reset_holiday(when: date) -> bool:
    """Forget the user's corrections for one day; True if there were any."""
    found: list[DayOverride] = []

    def forget(overrides: Overrides) -> Overrides:
        found.extend(d for d in [*overrides.added, *overrides.removed] if d.date == when)
        return overrides.model_copy(update={
            "added": [d for d in overrides.added if d.date != when],
            "removed": [d for d in overrides.removed if d.date != when],
        })

    update_overrides(forget)
    return bool(found)


# -- the calendar -----------------------------------------------------------------------------
_LOADING = Lock()


@lru_cache(maxsize=1)
def _united_kingdom() -> type:
    """The `holidays` package's United Kingdom calendar, loaded on its own.

    `holidays.country_holidays("GB")` imports the package's `holidays.countries`, whose
    `__init__` imports the module of every country it knows (some 250 of them, about half of
    what `foi-composer due` took). The United Kingdom's module needs none of them: it is
    imported here with an unexecuted stand-in for its package in `sys.modules`, found by the
    package's own finder (so a bundled app finds it too), and the stand-in is taken away at
    once. A later `import holidays.countries`, which nothing in FOI Composer does, would get
    the real package and this same United Kingdom module.
    """
    import importlib
    import importlib.util
    import sys

    import holidays  # noqa: F401  (the package: its base classes, calendars and constants)

    with _LOADING:
        package = "holidays.countries"
        if package in sys.modules:
            return importlib.import_module(f"{package}.united_kingdom").UnitedKingdom
        sys.modules[package] = importlib.util.module_from_spec(importlib.util.find_spec(package))
        try:
            return importlib.import_module(f"{package}.united_kingdom").UnitedKingdom
        finally:
            del sys.modules[package]


@lru_cache(maxsize=256)
def _package_holidays(region: Region, year: int) -> dict[date, str]:
    return dict(_united_kingdom()(subdiv=region.value, years=year))


def _statutory_day(d: date) -> str | None:
    """Days the Acts name themselves, whatever the bank-holiday lists say."""
    if d.month == 12 and d.day == 25:
        return "Christmas Day"
    if d == easter(d.year) - timedelta(days=2):  # dateutil's Gregorian Easter
        return "Good Friday"
    return None


def _places(regions: list[Region]) -> str:
    if set(regions) == set(Region):
        return "every part of the UK"
    names = [r.label for r in Region if r in regions]  # as model.joined writes a list, without its pydantic
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True)
class DueExplanation:
    received: date
    act: Act
    days: int
    day_one: date
    due: date
    skipped: list[tuple[date, str]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "received": self.received.isoformat(),
            "act": self.act.value,
            "working_days": self.days,
            "day_one": self.day_one.isoformat(),
            "due": self.due.isoformat(),
            "skipped": [{"date": d.isoformat(), "why": why} for d, why in self.skipped],
        }


class Calendar:
    """Working days under FOIA and FOISA, with the user's corrections laid over the package."""

    def __init__(self, overrides: Overrides | None = None, problem: str | None = None) -> None:
        self.overrides = overrides  # None: no corrections saved
        self.problem = problem  # a message if a broken overrides file was set aside
        self._added: dict[tuple[date, Region], str] = {}
        self._removed: set[tuple[date, Region]] = set()
        for day in overrides.added if overrides else ():
            for region in day.regions:
                self._added[(day.date, region)] = day.name
        for day in overrides.removed if overrides else ():
            for region in day.regions:
                self._removed.add((day.date, region))
        # Each day's answer, once worked out: a campaign's deadlines ask about the same few
        # months again and again (49 forces, each a due date, a review window, days late).
        self._reasons: dict[tuple[date, Act], str | None] = {}

    def bank_holiday(self, d: date, region: Region) -> str | None:
        """The name of the bank holiday on `d` in `region`, or None."""
        if (d, region) in self._added:
            return self._added[(d, region)]
        if (d, region) in self._removed:
            return None
        return _package_holidays(region, d.year).get(d)

    def non_working_reason(self, d: date, act: Act) -> str | None:
        """Why `d` is not a working day under `act`, or None if it is one."""
        try:
            return self._reasons[(d, act)]
        except KeyError:
            why = self._reasons[(d, act)] = self._non_working_reason(d, act)
            return why

    def _non_working_reason(self, d: date, act: Act) -> str | None:
        if d.weekday() >= 5:
            return WEEKDAYS[d.weekday()]
        fixed = _statutory_day(d)
        if fixed == "Christmas Day" or (fixed == "Good Friday" and act is Act.FOIA):
            return fixed
        found: dict[str, list[Region]] = {}
        for region in ACT_REGIONS[act]:
            name = self.bank_holiday(d, region)
            if name:
                found.setdefault(name, []).append(region)
        if not found:
            return None
        return "; ".join(f"{name} (bank holiday in {_places(regions)})" for name, regions in found.items())

    def is_working_day(self, d: date, act: Act) -> bool:
        return self.non_working_reason(d, act) is None

    def add_working_days(self, start: date, n: int, act: Act) -> date:
        """The `n`th working day after `start` (which is day zero, working or not)."""
        return self.explain(start, act, n).due

    def due_date(self, received: date, act: Act, days: int | None = None) -> date:
        return self.explain(received, act, days).due

    def explain(self, received: date, act: Act, days: int | None = None) -> DueExplanation:
        """The `days`th working day after `received` (default: the Act's time for an answer)."""
        days = law_for(act).working_days if days is None else days
        if days < 0:
            raise ComposerError(f"cannot count {days} working days; give 0 or more")
        current, counted = received, 0
        skipped: list[tuple[date, str]] = []
        day_one = received
        while counted < days:
            if current >= LATEST:  # no deadline a person needs lies beyond it
                raise ComposerError(f"{days} working days from {received.isoformat()} run past "
                                    f"{LATEST.isoformat()}; {IN_REACH}")
            current += timedelta(days=1)
            why = self.non_working_reason(current, act)
            if why:
                skipped.append((current, why))
                continue
            counted += 1
            if counted == 1:
                day_one = current
        return DueExplanation(received, act, days, day_one, current, skipped)

    def working_days_between(self, start: date, end: date, act: Act) -> int:
        """Working days after `start` up to and including `end` (negative if `end` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start, act)
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current, act):
                count += 1
        return count

    def holidays_in(self, year: int, act: Act) -> list[tuple[date, str]]:
        """Every weekday that is not a working day under `act` in `year`, with why."""
        out = []
        d = date(year, 1, 1)
        while d.year == year:
            if d.weekday() < 5:
                why = self.non_working_reason(d, act)
                if why:
                    out.append((d, why))
            d += timedelta(days=1)
        return out


@lru_cache(maxsize=4)
def _loaded(path: str, stamp: tuple[int, int] | None) -> Calendar:
    if stamp is None:  # no corrections saved: nothing to read
        return Calendar()
    overrides, problem = load_overrides(Path(path))
    return Calendar(overrides, problem)


def default_calendar() -> Calendar:
    """The calendar with the user's saved corrections; re-read when the file changes."""
    path = overrides_path()
    try:
        info = path.stat()
        stamp: tuple[int, int] | None = (info.st_mtime_ns, info.st_size)
    except FileNotFoundError:
        stamp = None
    return _loaded(str(path), stamp)


def _act(act: Act | str) -> Act:
    try:
        return act if isinstance(act, Act) else Act(str(act).upper())
    except ValueError:
        raise ComposerError(f"unknown Act {act!r}; use FOIA or FOISA") from None


def is_working_day(d: date, act: Act | str) -> bool:
    return default_calendar().is_working_day(d, _act(act))


def working_days(n: int) -> str:
    """`1 working day`, `8 working days`: a count in letters and messages."""
    return f"{n} working day{'s' if n != 1 else ''}"


def add_working_days(start: date, n: int, act: Act | str) -> date:
    return default_calendar().add_working_days(start, n, _act(act))


def due_date(received: date, act: Act | str, days: int | None = None) -> date:
    """The last day for an answer: the `days`th working day after the day of receipt."""
    return default_calendar().due_date(received, _act(act), days)


def explain_due(received: date, act: Act | str, days: int | None = None) -> DueExplanation:
    return default_calendar().explain(received, _act(act), days)

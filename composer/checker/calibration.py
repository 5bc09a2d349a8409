"""The few thresholds of the checker that are fitted to real outcomes rather than read from law.

Everything else the checker knows comes from the Acts, the regulators' guidance and the shape of
a request. These numbers turn combined evidence into a severity: how far over the cost limit an
estimate must be before a force is more likely than not to refuse, and how small an expected
count must be before it will withhold it. `bench/corpus_eval.py` fits them by leave-one-force-out
cross-validation from `GRID`; `DEFAULT` is what the app uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product


@dataclass(frozen=True, slots=True)
class Calibration:
    # A part (or the request as a whole) warns on cost when its estimated hours exceed this
    # share of the Act's limit: estimates are rough, and forces refuse on a reasonable estimate.
    cost_share: float = 1.0
    # A breakdown warns on personal data when its typical cell is expected to hold fewer than
    # this many people (the ICO's guidance treats counts of five or fewer as a risk).
    small_cell: float = 5.0


DEFAULT = Calibration()

GRID: tuple[Calibration, ...] = (DEFAULT,) + tuple(
    Calibration(cost_share=share, small_cell=cell)
    for share, cell in product((0.6, 0.8, 1.0, 1.5), (3.0, 5.0, 10.0))
    if (share, cell) != (DEFAULT.cost_share, DEFAULT.small_cell)
)

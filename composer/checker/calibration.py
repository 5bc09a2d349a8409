"""The few thresholds of the checker that are fitted to real outcomes rather than read from law.

Everything else the checker knows comes from the Acts, the regulators' guidance and the shape of
a request. These numbers turn combined evidence into a severity: how far over the cost limit an
estimate must be before a force is more likely than not to refuse, and how small an expected
count must be before it will withhold it. `bench/corpus_eval.py` fits them by leave-one-force-out
cross-validation from `GRID`. `DEFAULT` is what the app uses: the setting `bench/fit_grounds.py`
chose on every development case and wrote to `resources/calibration.json`, so the app runs with the
setting the figures were measured with. `LAW` is the reading of the law and guidance alone (warn
beyond the limit; cells under five), used where no fitted setting is shipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import product

from composer import paths
from composer.errors import FileProblem


@dataclass(frozen=True, slots=True)
class Calibration:
    # A part (or the request as a whole) warns on cost when its estimated hours exceed this
    # share of the Act's limit: estimates are rough, and forces refuse on a reasonable estimate.
    cost_share: float = 1.0
    # A breakdown warns on personal data when its typical cell is expected to hold fewer than
    # this many people (the ICO's guidance treats counts of five or fewer as a risk).
    small_cell: float = 5.0


LAW = Calibration()
CALIBRATION_PATH = paths.RESOURCES / "calibration.json"


def read(path=CALIBRATION_PATH) -> Calibration:
    """The fitted setting in `path`; `LAW` when none has been fitted."""
    try:
        data = json.loads(path.read_text("utf-8"))
        return Calibration(cost_share=float(data["cost_share"]), small_cell=float(data["small_cell"]))
    except FileNotFoundError:
        return LAW
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FileProblem(f"{path}: the checker's fitted setting cannot be read ({exc}); restore the file "
                          "from the project or refit it with bench/fit_grounds.py") from exc


def as_json(calibration: Calibration, **about: object) -> dict:
    return {"cost_share": calibration.cost_share, "small_cell": calibration.small_cell, **about}


DEFAULT = read()

GRID: tuple[Calibration, ...] = (DEFAULT,) + tuple(
    Calibration(cost_share=share, small_cell=cell)
    for share, cell in product((0.6, 0.8, 1.0, 1.5), (3.0, 5.0, 10.0))
    if (share, cell) != (DEFAULT.cost_share, DEFAULT.small_cell)
)

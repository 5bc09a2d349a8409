"""The app checks with the setting fitted to outcomes (resources/calibration.json), the one the
figures in bench/corpus_eval.py were measured with, and a damaged file says what to do."""

from __future__ import annotations

import json

import pytest

from composer.checker import check
from composer.checker import calibration
from composer.checker.reading import request_from_text
from composer.errors import FileProblem


def test_the_default_setting_is_the_one_the_fitting_wrote():
    data = json.loads(calibration.CALIBRATION_PATH.read_text("utf-8"))
    assert calibration.DEFAULT == calibration.Calibration(cost_share=data["cost_share"], small_cell=data["small_cell"])
    assert calibration.GRID[0] == calibration.DEFAULT and calibration.DEFAULT in calibration.GRID[:1]
    assert len(set(calibration.GRID)) == len(calibration.GRID)


def test_no_fitted_file_means_the_law_alone(tmp_path):
    assert calibration.read(tmp_path / "absent.json") == calibration.LAW


@pytest.mark.parametrize("text", ["{not json", '{"cost_share": 0.6}', '{"cost_share": "x", "small_cell": 3}'])
def test_a_damaged_file_names_itself_and_the_way_back(tmp_path, text):
    path = tmp_path / "calibration.json"
    path.write_text(text, "utf-8")
    with pytest.raises(FileProblem) as caught:
        calibration.read(path)
    assert str(path) in str(caught.value) and "bench/fit_grounds.py" in str(caught.value)


def test_a_lower_cost_share_warns_on_an_estimate_near_the_limit_and_says_why():
    # about 15 hours read by hand against 18: a note at the law's threshold, a warning at 0.6 of it
    request, _ = request_from_text("How many officers employed on 31 March 2024 had a criminal conviction?")
    at_law = [f for f in check(request, calibration=calibration.LAW) if f.rule == "cost.estimate"]
    fitted = [f for f in check(request, calibration=calibration.Calibration(cost_share=0.6, small_cell=5.0))
              if f.rule == "cost.estimate"]
    assert [f.severity for f in at_law] == ["info"]
    assert [f.severity for f in fitted] == ["warning"]
    assert "within the limit" in fitted[0].message and "within the limit" not in at_law[0].message

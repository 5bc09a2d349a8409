"""The coverage view and picture, and the main window at laptop sizes."""

from __future__ import annotations

from datetime import date

import pytest

from composer.campaign.store import CampaignStore
from composer.cli import main
from composer.coverage import State, coverage
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import new_campaign, record
from composer.replies import read_reply
from composer.ui.qt import QAbstractScrollArea, QImage, Qt
from composer.ui.qt_coverage import CoverageTableModel, QtCoverageView, paint_coverage, short_label

SENT = date(2026, 11, 20)


def _campaign():
    request = Request(title="Risk", parts=[Part(text="Does {force_name} use {system_name}?",
                                                subparts=[Part(text="What did it cost?")])],
                      fields={"system_name": "the system"})
    forces = load_directory().resolve("the_met,kent_police,wmp")
    c = new_campaign(name="Risk 2026", request=request, forces=forces, sent=SENT).value
    return record(c, force_id="kent_police", status="refused", on=date(2026, 12, 1),
                  sections=["s12"]).value


def _coverage():
    return coverage(_campaign(), {"the_met": read_reply("1. Yes.\n1a. Not held.\n")},
                    today=date(2026, 12, 2))


def test_the_table_model(qtmodeltester):
    model = CoverageTableModel(_coverage())
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.columnCount() == 3  # forces + counts, parts + counts
    assert model.headerData(0, Qt.Orientation.Horizontal) == "1"
    assert model.headerData(3, Qt.Orientation.Vertical) == "forces answering"
    assert model.data(model.index(0, 1)) == "none"
    assert model.data(model.index(1, 0)) == "s12"
    assert model.data(model.index(3, 0)) == "1/3"  # one of three forces answered part 1
    assert model.data(model.index(0, 2)) == "1/2"  # the Met answered one of two parts
    assert "Does the force use the system?" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "{" not in model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_the_view_picks_a_campaign_and_explains_a_part(qtbot):
    cov = _coverage()
    view = QtCoverageView(lambda name: cov, lambda: ["risk-2026"])
    qtbot.addWidget(view)
    assert view.picker.currentText() == "risk-2026"
    assert "1 of 3 forces answered part 1;" in view.summary.text()
    view.table.setCurrentIndex(view.model.index(0, 1))
    assert "part 1a" in view.summary.text() and "1 not held" in view.summary.text()
    empty = QtCoverageView(lambda name: cov, lambda: [])
    qtbot.addWidget(empty)
    assert "No campaign yet" in empty.summary.text()


def test_the_picture_has_a_row_per_force(qapp):
    cov = _coverage()
    image = paint_coverage(cov)
    assert image.width() > 200 and image.height() > 5 * 15
    assert short_label(cov.cell("kent_police", "1")) == "s12"
    assert cov.cell("wmp", "1").state is State.WAITING


def test_coverage_command_writes_csv_and_png(tmp_path, capsys, qapp):
    CampaignStore().save(_campaign())
    assert main(["campaign", "coverage", "Risk 2026", "--csv", str(tmp_path / "c.csv"),
                 "--png", str(tmp_path / "c.png"), "--today", "2026-12-22"]) == 0
    lines = (tmp_path / "c.csv").read_text("utf-8-sig").splitlines()
    assert lines[0] == "force,force_id,1,1a" and len(lines) == 4
    assert "Kent Police,kent_police,refused s12,refused s12" in lines
    assert sum(line.endswith(",overdue,overdue") for line in lines) == 2  # due 21 December
    assert not QImage(str(tmp_path / "c.png")).isNull()
    capsys.readouterr()
    assert main(["campaign", "coverage", "Risk 2026", "--today", "2026-12-22"]) == 0
    assert "0 of 3 forces answered part 1a; 1 refused it (s12 1); 2 overdue" in capsys.readouterr().out
    assert main(["campaign", "coverage", "Nope"]) == 2
    assert "no campaign called 'Nope'" in capsys.readouterr().err


def test_coverage_files_go_into_a_folder_and_never_over_a_file(tmp_path, capsys, qapp):
    # `--png cov.png` wrote over a file already there (the CSV took "name (2)"), and
    # `--csv out/` wrote a file called "out".
    CampaignStore().save(_campaign())
    mine = tmp_path / "c.png"
    mine.write_text("my notes", "utf-8")
    assert main(["campaign", "coverage", "Risk 2026", "--png", str(mine)]) == 0
    assert mine.read_text("utf-8") == "my notes"
    assert capsys.readouterr().out.strip() == str(tmp_path / "c (2).png")
    assert not QImage(str(tmp_path / "c (2).png")).isNull()
    folder = tmp_path / "report"
    assert main(["campaign", "coverage", "Risk 2026", "--csv", f"{folder}/", "--png", f"{folder}/"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["Risk 2026 coverage.csv", "Risk 2026 coverage.png"]


def test_the_coverage_tab_shows_the_campaign_the_follow_up_tab_shows(window, qtbot):
    # With campaigns "A first" and "Risk 2026", following "Risk 2026" and opening Coverage showed
    # "A first" (the first by name) every time the tab was opened.
    store = CampaignStore()
    other = _campaign().model_copy(update={"name": "A first"})
    store.save(other)
    store.save(_campaign())
    window.show()
    window.tabs.setCurrentIndex(1)
    window.campaign_panel.show_campaign("Risk 2026")
    window.tabs.setCurrentIndex(2)
    assert window.coverage_view.picker.currentText() == "Risk 2026"
    window.tabs.setCurrentIndex(1)
    window.campaign_panel.show_campaign("A first")
    window.tabs.setCurrentIndex(2)
    assert window.coverage_view.picker.currentText() == "A first"
    window.coverage_view.picker.setCurrentText("Risk 2026")  # chosen here, kept while here
    assert window.coverage_view.model.rowCount() == 4


# -- the main window on a laptop screen ------------------------------------------------------------
@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_the_window_fits_a_laptop_screen_with_nothing_cut_off(window, qtbot, size):
    window.document.load(Request(title="Risk", parts=[
        Part(text=f"Question {i}: how many people were scored by the system, by age and sex?")
        for i in range(6)]), None)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 650
    window.resize(*size)
    with qtbot.waitExposed(window):
        window.show()
    assert (window.width(), window.height()) == size
    assert window.narrow is (size[0] < 1200)
    central = window.centralWidget().rect()
    for panel in (window.left, window.middle, window.findings_box):
        assert panel.isVisible()
        box = panel.rect().translated(panel.mapTo(window.centralWidget(), panel.rect().topLeft()))
        assert central.contains(box), f"{panel.accessibleName() or type(panel).__name__} is cut off"
        assert panel.height() >= min(panel.minimumSizeHint().height(), panel.sizeHint().height())
    # The findings list shows several rows, and the outline shows whole part titles.
    rows = window.findings.findChild(QAbstractScrollArea)
    assert rows.viewport().height() >= 4 * window.fontMetrics().lineSpacing()
    assert window.outline.width() >= 380
    if window.narrow:  # the preview is a tab beside the outline, one click away
        window.left.setCurrentWidget(window.preview_box)
        assert window.preview_box.isVisible()
    window.resize(1400, 900)
    assert not window.narrow and window.top_split.indexOf(window.preview_box) == 2



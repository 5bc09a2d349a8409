"""Nothing lost, nothing overwritten: the one way user files are written, bounded reading of
damaged files, names that stay in their folder, and locks that keep every concurrent change."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap

import pytest

from composer import storage
from composer.cli import main
from composer.errors import ComposerError, FileProblem
from composer.library import Library
from composer.model import Part, Request


def req(title: str, text: str = "Q1") -> Request:
    return Request(title=title, parts=[Part(text=text)])


# -- names ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("title, expected", [
    ("CON", "CON_"), ("nul.txt", "nul_.txt"), ("Com1", "Com1_"), ("LPT9 ", "LPT9_"),
    ("..", "Untitled"), (".", "Untitled"), ("   ", "Untitled"),
    ("a\u202eexe.txt", "a exe.txt"), ("tab\there\x07", "tab here"), ("a/b\\c", "a b c"),
])
def test_safe_name_is_safe_on_every_os(title, expected):
    assert storage.safe_name(title) == expected


def test_long_names_fit_255_bytes_with_their_extension_and_a_counter(tmp_path):
    name = storage.safe_name("😀" * 100, suffix=".foi.json")
    assert len((name + ".foi.json").encode()) <= 255 and name.startswith("😀")
    first = storage.write_new(tmp_path / f"{name}.foi.json", b"1")
    second = storage.write_new(tmp_path / f"{name}.foi.json", b"2")
    assert second.name.endswith(" (2).foi.json") and len(second.name.encode()) <= 255
    assert first.read_bytes() == b"1" and second.read_bytes() == b"2"


# -- writing --------------------------------------------------------------------------------------
def test_write_new_never_overwrites_unless_told(tmp_path):
    target = tmp_path / "letter.txt"
    paths = [storage.write_new(target, f"{n}".encode()) for n in range(3)]
    assert [p.name for p in paths] == ["letter.txt", "letter (2).txt", "letter (3).txt"]
    assert [p.read_text() for p in paths] == ["0", "1", "2"]
    assert storage.write_new(target, b"new", replace=True) == target and target.read_text() == "new"
    assert not list(tmp_path.glob(".~foi-*"))


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_personal_files_are_private_and_letters_readable(tmp_path):
    private = storage.write_new(tmp_path / "profile.json", b"{}", private=True)
    letter = storage.write_new(tmp_path / "letter.txt", b"Dear", private=False)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(letter.stat().st_mode) & 0o044 == 0o044 & ~storage._UMASK


def test_stale_temp_files_of_ours_are_removed_at_start(data_home):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = data_home / "library" / f"{storage.TEMP_PREFIX}{dead}-abc{storage.TEMP_SUFFIX}"
    live = data_home / "library" / f"{storage.TEMP_PREFIX}{os.getpid()}-abc{storage.TEMP_SUFFIX}"
    someone_elses = data_home / "library" / ".notes.tmp"
    stale.parent.mkdir(parents=True)
    for path in (stale, live, someone_elses):
        path.write_bytes(b"x" * 100)
    old_form = data_home / "campaigns" / ".C.campaign.json.k3j_x9q2.tmp"  # before the new names
    old_form.parent.mkdir()
    old_form.write_bytes(b"x")
    os.utime(old_form, (0, 0))
    assert main(["library", "list"]) == 0
    assert not stale.exists() and live.exists() and someone_elses.exists()
    assert not old_form.exists()


# -- the library ----------------------------------------------------------------------------------
def test_saving_under_a_taken_name_loses_nothing(tmp_path, capsys):
    for n in range(5):
        source = tmp_path / f"r{n}.foi.json"
        source.write_text(req("Same title", f"Question {n}?").model_dump_json())
        assert main(["library", "save", str(source), "--name", "Same"]) == 0
    library = Library()
    texts = sorted(e.request.parts[0].text for e in library.list().entries)
    assert texts == [f"Question {n}?" for n in range(5)]
    # replacing on purpose keeps the earlier one in the bin
    assert main(["library", "save", str(tmp_path / "r0.foi.json"), "--name", "Same",
                 "--replace"]) == 0
    assert len(library.binned()) == 1


def test_titles_that_clean_to_one_name_do_not_collide():
    library = Library()
    paths = [library.save(req(title)) for title in ("..", ".", "  ", "?")]
    assert len(set(paths)) == 4 and len(library.list().entries) == 4


def test_an_unreadable_library_file_is_never_written_over():
    library = Library()
    bad = library.root / "Mine.foi.json"
    bad.write_text("{ half written")
    path = library.save(req("Mine"))
    assert path != bad and bad.read_text() == "{ half written"


def test_library_export_to_a_file_or_folder_never_overwrites(tmp_path, capsys):
    Library().save(req("VHA"))
    out = tmp_path / "shared.foi.json"
    out.write_text("my own file")
    assert main(["library", "export", "VHA", "-o", str(out)]) == 0
    assert out.read_text() == "my own file"
    assert (tmp_path / "shared (2).foi.json").exists()
    folder = tmp_path / "folder"
    folder.mkdir()
    for _ in range(2):
        assert main(["library", "export", "VHA", "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["VHA (2).foi.json", "VHA.foi.json"]


@pytest.mark.parametrize("name", ["../../x", "../outside", "/etc/passwd", "a/b", "..", "x\x00"])
def test_names_cannot_leave_the_library(tmp_path, data_home, name, capsys):
    outside = data_home / "x.foi.json"
    outside.write_text(req("x").model_dump_json())
    (data_home / "outside.foi.json").write_text(req("o").model_dump_json())
    assert main(["library", "delete", name]) == 2
    assert "not a name in the library" in capsys.readouterr().err
    assert outside.exists() and (data_home / "outside.foi.json").exists()
    with pytest.raises(ComposerError):
        Library().load(name)


# -- damaged files --------------------------------------------------------------------------------
DAMAGE = {
    "deep array": b"[" * 100_000 + b"]" * 100_000,
    "deep object": b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
    "huge number": b'{"schema_version": ' + b"9" * 5_000 + b"}",
    "lone surrogate": b'{"schema_version": 2, "title": "\\ud800"}',
    "not finite": b'{"schema_version": 2, "title": "t", "x": 1e999}',
    "NaN": b'{"schema_version": NaN}',
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_request_is_a_one_line_problem(tmp_path, damage):
    path = tmp_path / "r.foi.json"
    path.write_bytes(DAMAGE[damage])
    with pytest.raises(FileProblem) as info:
        storage.read_model(path, Request, what="request", current_version=2)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_a_file_larger_than_any_of_ours_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_bytes(b'{"a": "' + b"x" * 2000 + b'"}')
    with pytest.raises(FileProblem, match="larger than"):
        storage.read_json(path)


@pytest.mark.parametrize("damage", DAMAGE)
def test_one_damaged_library_file_hides_nothing_else(damage, capsys):
    library = Library()
    library.save(req("Good"))
    (library.root / "Bad.foi.json").write_bytes(DAMAGE[damage])
    assert main(["library", "list"]) == 0
    out, err = capsys.readouterr()
    assert "Good" in out and "Traceback" not in err
    assert err.count("\n") == 1 and ".set-aside" in err


@pytest.mark.parametrize("damage", DAMAGE)
def test_start_up_never_fails_on_a_damaged_file(data_home, damage):
    files = ["settings.json", "profile.json", "forces.json", "holidays-overrides.json"]
    for name in files:
        (data_home / name).write_bytes(DAMAGE[damage])
    script = textwrap.dedent("""
        from composer.ui.app import application, build_window
        app = application()
        window, notes = build_window(None)
        window.findings.run_check()  # reads the forces
        from composer.calendar import default_calendar
        default_calendar()  # the holidays
        print(len(notes))
        window.autosaver.finish()
    """)
    env = dict(os.environ, FOI_COMPOSER_HOME=str(data_home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert result.stdout.split() == ["2"]  # settings and profile: said so at start
    for name in files:
        assert not (data_home / name).exists(), name
    assert len(list((data_home / ".set-aside").iterdir())) == 4


@pytest.mark.parametrize("where", ["home", "library"])
def test_a_file_where_the_data_folder_should_be_is_one_line(data_home, tmp_path, monkeypatch,
                                                            capsys, where):
    if where == "home":
        blocker = tmp_path / "not-a-folder"
        monkeypatch.setenv("FOI_COMPOSER_HOME", str(blocker))
    else:
        blocker = data_home / "library"
    blocker.write_text("x")
    assert main(["library", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(blocker) in err and "FOI_COMPOSER_HOME" in err


def test_a_read_only_data_folder_is_one_line(data_home, monkeypatch, capsys):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(data_home / "profile.json"))

    monkeypatch.setattr(storage, "_temp_file", refuse)
    assert main(["profile", "--name", "Jo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "profile.json" in err and "may write" in err


# -- locks ----------------------------------------------------------------------------------------
def run_at_once(code: str, n: int, data_home) -> list[subprocess.CompletedProcess]:
    """`code` in `n` real processes started together (each gets its number as argv[1])."""
    env = dict(os.environ, FOI_COMPOSER_HOME=str(data_home))
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), str(i)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(n)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    return results


# -- campaigns and follow-up letters --------------------------------------------------------------
@pytest.fixture
def campaign(tmp_path, capsys):
    request = tmp_path / "r.foi.json"
    request.write_text(req("VHA").model_dump_json())
    assert main(["campaign", "new", "VHA 2026", "--request", str(request), "--sent", "2026-11-02",
                 "--forces", "wmp,kent_police"]) == 0
    capsys.readouterr()
    return "VHA 2026"


def test_twenty_processes_changing_every_store_at_once_keep_all_twenty(campaign, data_home):
    """One campaign, the holidays, the profile and the settings, each changed by 20 real
    processes at the same moment: every change is kept."""
    run_at_once(f"""
        import sys
        from datetime import date, timedelta
        from composer.calendar import add_holiday
        from composer.cli import main
        from composer.profile import update_profile
        from composer.ui.settings import update_settings
        n = sys.argv[1]
        assert main(["campaign", "update", {campaign!r}, "wmp", "--note", "note " + n]) == 0
        add_holiday(date(2031, 1, 6) + timedelta(days=int(n)), "Day " + n)
        update_profile(lambda r: r.model_copy(update={{"postal_address": [*r.postal_address, n]}}))
        update_settings(lambda s: s.model_copy(update={{"forces": [*s.forces, f"force_{{n}}"]}}))
    """, 20, data_home)
    data = json.loads(next((data_home / "campaigns").glob("*.campaign.json")).read_text())
    wmp = next(f for f in data["forces"] if f["force_id"] == "wmp")
    assert sorted(wmp["notes"].splitlines()) == sorted(f"note {n}" for n in range(20))
    assert len(json.loads((data_home / "holidays-overrides.json").read_text())["added"]) == 20
    assert len(json.loads((data_home / "profile.json").read_text())["postal_address"]) == 20
    assert len(json.loads((data_home / "settings.json").read_text())["forces"]) == 20


def test_campaign_export_and_follow_ups_never_overwrite(campaign, tmp_path, capsys):
    out = tmp_path / "report.csv"
    out.write_text("my own notes")
    assert main(["campaign", "export", campaign, "-o", str(out)]) == 0
    assert out.read_text() == "my own notes" and (tmp_path / "report (2).csv").exists()
    letters = tmp_path / "letters"
    letters.mkdir()
    for _ in range(2):
        assert main(["followup", campaign, "wmp", "--kind", "chaser", "-o", str(letters),
                     "--today", "2026-12-20", "--format", "txt"]) == 0
    first, second = sorted(letters.iterdir())
    first.write_text("edited by hand")
    assert main(["followup", campaign, "wmp", "--kind", "chaser", "-o", str(first),
                 "--today", "2026-12-20"]) == 0
    assert first.read_text() == "edited by hand"
    assert len(list(letters.iterdir())) == 3


def test_campaign_names_stay_in_the_campaigns_folder(campaign, data_home, capsys):
    assert main(["campaign", "show", "../../etc/passwd"]) == 2
    assert main(["campaign", "show", "../VHA 2026"]) in (0, 2)
    assert sorted(p.name for p in data_home.iterdir() if p.suffix == ".json") == []


# -- text people give the app ---------------------------------------------------------------------
LETTER = "Dear Sir or Madam,\n\n1. How many times has Zoë's team used the system?\n2. What did it cost in £?\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "utf-32", "utf-32-le", "utf-32-be", "cp1252"])
def test_text_is_read_in_every_common_encoding(tmp_path, encoding):
    path = tmp_path / "letter.txt"
    path.write_bytes(LETTER.encode(encoding))
    text, notes = storage.read_text_with_notes(path, "request text")
    assert text.lstrip("\ufeff") == LETTER and notes == []


def test_a_file_mixing_encodings_is_read_line_by_line_with_a_note(tmp_path, capsys):
    path = tmp_path / "pasted.txt"
    lines = LETTER.splitlines(keepends=True)
    path.write_bytes(b"".join(line.encode("cp1252" if n == 2 else "utf-8")
                              for n, line in enumerate(lines)))
    text, notes = storage.read_text_with_notes(path, "request text")
    assert text == LETTER
    assert len(notes) == 1 and "line 3 " in notes[0] and "Windows-1252" in notes[0]
    assert main(["import", str(path), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert "Zoë" in out and "mixes encodings" in err


def test_binary_is_still_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(FileProblem, match="binary"):
        storage.read_text(path, "request text")

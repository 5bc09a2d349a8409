from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from composer.cli import main
from composer.library import Library, load_request, save_request
from composer.model import Part, Request


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_forces_json_and_groups(capsys):
    code, out, _ = run(capsys, "forces", "--group", "wales", "--json")
    assert code == 0
    assert [f["id"] for f in json.loads(out)] == [
        "dyfed_powys_police", "gwent_police", "north_wales_police", "south_wales_police"]
    code, out, _ = run(capsys, "forces")
    assert len(out.splitlines()) == 50


@pytest.mark.parametrize("spec, message", [("nca", "not subject to the Freedom of Information"),
                                            ("wmpp", "unknown force id 'wmpp'")])
def test_forces_errors_are_one_line_exit_2(capsys, spec, message):
    code, out, err = run(capsys, "forces", "--group", spec)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and err.startswith("foi-composer: error:")


def test_show_reads_as_the_force_will(capsys, tmp_path):
    path = tmp_path / "r.foi.json"
    save_request(path, Request(parts=[Part(text="Does {force_name} use PredPol?",
                                            subparts=[Part(text="Since when?")])]))
    code, out, _ = run(capsys, "show", str(path), "--force", "police_scotland")
    assert code == 0
    assert out.splitlines()[0] == "1. Does Police Scotland use PredPol?"
    assert "    1a. Since when?" in out
    assert "Freedom of Information (Scotland) Act 2002" in out


def test_show_without_a_force_says_its_fields_in_words(capsys, tmp_path):
    path = tmp_path / "r.foi.json"
    save_request(path, Request(introduction="I ask under the {act_name}.",
                               parts=[Part(text="Does {force_name} use PredPol?")]))
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert "{" not in out and "}" not in out, out
    assert "under the Act." in out


@pytest.mark.parametrize("content", [b"", b"\x00\x00\x00binary", b'{"schema_version": 99}',
                                      b'{"schema_version": 1, "parts": [{"txt": 1}]}'])
def test_show_bad_files_exit_2(capsys, tmp_path, content):
    path = tmp_path / "bad.foi.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "show", str(path))
    assert code == 2 and out == "" and str(path) in err


def test_library_commands_round_trip(capsys, tmp_path):
    src = tmp_path / "r.foi.json"
    save_request(src, Request(title="My request", parts=[Part(text="Q")], notes="private"))
    assert run(capsys, "library", "save", str(src))[0] == 0
    code, out, _ = run(capsys, "library", "list", "--json")
    assert [e["name"] for e in json.loads(out)] == ["My request"]
    code, out, _ = run(capsys, "library", "list")
    assert out == "My request\t1 part\tMy request\n"  # not "1 parts"
    shared = tmp_path / "shared.foi.json"
    code, out, err = run(capsys, "library", "export", "My request", "-o", str(shared))
    assert code == 0 and "private notes" in err
    assert "private" not in shared.read_text()
    assert run(capsys, "library", "delete", "My request")[0] == 0
    assert run(capsys, "library", "import", str(shared))[0] == 0
    assert [e.name for e in Library().list().entries] == ["My request"]
    code, _, err = run(capsys, "library", "export", "Nope", "-o", str(tmp_path / "x"))
    assert code == 2 and "no request called 'Nope'" in err


def test_library_list_counts_sub_parts_and_says_when_the_library_is_empty(capsys, tmp_path):
    """QA-S8: `library list` printed nothing at all on an empty library, and "2 parts" for the
    bank's request of 2 parts and 21 sub-parts."""
    code, out, err = run(capsys, "library", "list")
    assert code == 0 and out == ""
    assert "The library is empty" in err and "library save" in err
    src = tmp_path / "r.foi.json"
    save_request(src, Request(title="Big", parts=[Part(text="Q", subparts=[Part(text="a"), Part(text="b")]),
                                                  Part(text="R", subparts=[Part(text="c")])]))
    assert run(capsys, "library", "save", str(src))[0] == 0
    assert run(capsys, "library", "list")[1] == "Big\t2 parts, 3 sub-parts\tBig\n"


def test_profile_is_stored_locally(capsys, data_home):
    code, out, _ = run(capsys, "profile", "--name", "Jo Bloggs", "--email", "jo@example.org",
                       "--address", "1 High St; Leeds")
    assert code == 0 and "Jo Bloggs" in out
    stored = json.loads((data_home / "profile.json").read_text())
    assert stored["postal_address"] == ["1 High St", "Leeds"]
    code, _, err = run(capsys, "profile", "--email", "not-an-email")
    assert code == 2 and "not an email address" in err
    assert json.loads((data_home / "profile.json").read_text())["email"] == "jo@example.org"


def test_corrupt_profile_is_set_aside(capsys, data_home):
    (data_home / "profile.json").write_text("{broken")
    code, out, err = run(capsys, "profile")
    assert code == 0 and "moved to" in err
    assert list((data_home / ".set-aside").iterdir())


def test_a_profile_from_a_newer_app_is_refused_and_left_as_it_is(capsys, data_home):
    """LEFT-S10: a profile carried no version, so one written by a newer app (a field this one
    does not know) was taken for a broken one and set aside; now every command that uses it
    refuses in one line (update the app) and the file stays exactly as it was."""
    path = data_home / "profile.json"
    content = json.dumps({"schema_version": 2, "name": "Jo Bloggs", "email": "jo@example.org",
                          "postal_address": [], "organisation": "", "pronouns": "she/her"}).encode()
    path.write_bytes(content)
    request = data_home.parent / "r.foi.json"
    save_request(request, Request(parts=[Part(text="How many?")], forces=["kent_police"]))
    for argv in (["profile"], ["profile", "--name", "Someone Else"],
                 ["export", str(request), "--to", str(data_home.parent / "out")],
                 ["library", "import", str(request)]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "", argv
        assert err.count("\n") == 1 and "newer FOI Composer" in err and "update the app" in err, err
    assert path.read_bytes() == content
    assert not (data_home / ".set-aside").exists()
    assert not (data_home.parent / "out").exists()


def test_a_profile_is_written_with_its_version_and_one_without_reads_as_before(capsys, data_home):
    path = data_home / "profile.json"
    path.write_text(json.dumps({"name": "Jo Bloggs", "email": "jo@example.org",
                                "postal_address": ["1 High St"], "organisation": ""}))
    code, out, err = run(capsys, "profile", "--organisation", "Watchers")
    assert code == 0 and err == "" and "Jo Bloggs" in out
    stored = json.loads(path.read_text())
    assert stored["schema_version"] == 1 and stored["organisation"] == "Watchers"
    assert stored["postal_address"] == ["1 High St"]
    code, out, _ = run(capsys, "profile", "--json")
    assert json.loads(out) == {"name": "Jo Bloggs", "email": "jo@example.org",
                               "postal_address": ["1 High St"], "organisation": "Watchers"}


def _read_only(monkeypatch, folder: Path) -> None:
    """Make `folder` (made or not) behave as on a read-only disk: making, creating, replacing or
    removing anything in it fails with EROFS, as a read-only mount does (root ignores chmod)."""
    import builtins
    import errno
    import os

    def within(path) -> bool:
        try:
            place = Path(os.fsdecode(path)).absolute()
        except TypeError:  # a file descriptor
            return False
        return place == folder or folder in place.parents

    def refuse(path):
        raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(path))

    def guarded(real, *, writes=lambda *a, **k: True, paths=1):
        def call(*args, **kwargs):
            for path in args[:paths]:
                if within(path) and writes(*args, **kwargs):
                    refuse(path)
            return real(*args, **kwargs)
        return call

    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    monkeypatch.setattr(os, "mkdir", guarded(os.mkdir))
    monkeypatch.setattr(os, "open", guarded(os.open, writes=lambda p, flags, *a, **k: flags & write_flags))
    monkeypatch.setattr(builtins, "open", guarded(
        builtins.open, writes=lambda p, mode="r", *a, **k: any(c in mode for c in "wax+")))
    for name in ("replace", "rename", "link"):
        monkeypatch.setattr(os, name, guarded(getattr(os, name), paths=2))
    for name in ("unlink", "remove", "rmdir"):
        monkeypatch.setattr(os, name, guarded(getattr(os, name)))


@pytest.mark.parametrize("made", [True, False], ids=["folder there", "folder not made yet"])
def test_a_data_folder_that_cannot_be_written_still_serves_every_command_that_only_reads(
        capsys, data_home, tmp_path, monkeypatch, made):
    """LEFT-S10: with the data folder on a read-only disk, `bank`, `forces`, `due` … stopped with
    "the disk is read-only" when the folder was not made yet, and `library list` and `campaign
    list` even when it was (each made its own folder first). Reading needs no writing; a command
    that writes says so in one line, and nothing is written."""
    request = tmp_path / "r.foi.json"
    save_request(request, Request(title="Scores", parts=[Part(text="How many people were scored?")],
                                  forces=["kent_police"]))
    home = data_home if made else tmp_path / "elsewhere" / "home"
    if made:
        assert run(capsys, "profile", "--name", "Jo Bloggs", "--email", "jo@example.org")[0] == 0
        assert run(capsys, "library", "save", str(request))[0] == 0
        assert run(capsys, "campaign", "new", "Scores", "--request", str(request),
                   "--sent", "2026-11-20")[0] == 0
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(home))
    before = sorted(p.relative_to(home) for p in home.rglob("*")) if made else None
    _read_only(monkeypatch, home)
    for argv in (["bank"], ["forces"], ["profile"], ["due", "2026-11-20", "--force", "kent_police"],
                 ["holidays", "list", "--year", "2026"], ["library", "list"], ["campaign", "list"],
                 ["show", str(request)], ["check", str(request)], ["templates"],
                 ["order", str(request)]):
        code, out, err = run(capsys, *argv)
        # (`check` exits 1 for the missing name when there is no profile: a finding, not a refusal)
        assert code in (0, 1) and (out or err) and "error:" not in err and "read-only" not in err, (argv, err)
    assert ("Jo Bloggs" in run(capsys, "profile")[1]) is made
    assert ("Scores" in run(capsys, "library", "list")[1]) is made
    assert ("Scores" in run(capsys, "campaign", "list")[1]) is made
    code, out, err = run(capsys, "export", str(request), "--to", str(tmp_path / "letters"),
                         "--format", "txt", "--name", "Jo Bloggs", "--email", "jo@example.org")
    assert code == 0 and len(list((tmp_path / "letters").iterdir())) == 1, err  # letters go elsewhere
    for argv in (["profile", "--name", "Someone"], ["library", "save", str(request)],
                 ["holidays", "add", "2026-12-29", "Extra day"],
                 ["forces", "--set-email", "kent_police", "foi@example.org"],
                 ["campaign", "new", "Other", "--request", str(request), "--sent", "2026-11-21"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and err.count("\n") == 1, (argv, err)
        assert f"{home}: the disk is read-only" in err, (argv, err)
    if made:
        assert sorted(p.relative_to(home) for p in home.rglob("*")) == before
    else:
        assert not home.exists()


def test_module_entry_point_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "composer", "forces", "--group", "scotland"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "police_scotland" in result.stdout
    result = subprocess.run([sys.executable, "-m", "composer", "frobnicate"],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_a_file_named_alone_opens_the_app(tmp_path, monkeypatch, capsys):
    from composer.commands import gui

    opened = []
    monkeypatch.setattr(gui, "_run", lambda *args, **kwargs: opened.append((args, kwargs)) or 0)
    path = tmp_path / "letter.txt"
    path.write_text("1. How many?\n", "utf-8")
    assert main([str(path)]) == 0
    assert opened[0][0] == (path,)
    assert main([str(tmp_path / "new.foi.json"), "--size", "1024x700"]) == 0
    assert opened[1][1]["size"] == (1024, 700)
    with pytest.raises(SystemExit) as stopped:  # neither a command nor a file: the usual error
        main(["no-such-command"])
    assert stopped.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_an_output_named_with_a_trailing_slash_is_a_folder_made_for_it(capsys, tmp_path, monkeypatch):
    # `library export NAME -o shared/` (and import, new, campaign export) wrote a file called
    # 'shared' where the user asked for a folder; `followup -o letters/` already made one.
    from datetime import date

    from composer.campaign.store import CampaignStore
    from composer.forces import load_directory
    from composer.operations.campaign import new_campaign

    monkeypatch.chdir(tmp_path)
    letter = tmp_path / "letter.txt"
    letter.write_text("Predictive policing\n\n1. Does Kent Police use PredPol?\n2. Since when?\n", "utf-8")
    code, out, err = run(capsys, "import", str(letter), "-o", "requests/")
    assert code == 0, err
    saved = Path(out.strip())
    assert saved.parent == Path("requests") and saved.name.endswith(".foi.json")
    Library().save(load_request(saved), "Predictive policing")
    code, out, err = run(capsys, "library", "export", "Predictive policing", "-o", "shared/")
    assert code == 0, err
    assert Path(out.strip()).parent == Path("shared") and Path(out.strip()).is_file()
    code, out, err = run(capsys, "new", "--modules", "use_crime_mapping(identity)", "-o", "built/")
    assert code == 0, err
    assert Path(out.strip()).parent == Path("built") and Path(out.strip()).is_file()
    CampaignStore().create(new_campaign(name="PP", request=load_request(saved), sent=date(2026, 12, 2),
                                        forces=load_directory().resolve("kent_police")).value)
    code, out, err = run(capsys, "campaign", "export", "PP", "-o", "reports/")
    assert code == 0, err
    assert Path(out.strip()) == Path("reports") / "PP.csv" and Path(out.strip()).is_file()
    Path("taken").write_text("a file", "utf-8")
    with pytest.raises(SystemExit) as stopped:  # argparse's way: usage, then the one line
        main(["campaign", "export", "PP", "-o", "taken/"])
    err = capsys.readouterr().err.splitlines()
    assert stopped.value.code == 2 and err[-1].startswith("foi-composer: error: ")
    assert err[-1].endswith("taken/: a file of that name is there, not a folder; name another folder")


def test_every_option_and_argument_of_every_command_says_what_it_is():
    """QA-S9: 38 options and arguments showed in `--help` with nothing after them: `profile
    --name`, every campaign command's `name` and `force`, `campaign export --today`,
    `check-response --force` …, where the rest of the help says what each one is."""
    import argparse

    from composer.cli import build_parser

    silent = []

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, [*path, name])
            elif not isinstance(action, argparse._HelpAction | argparse._VersionAction) and not action.help:
                silent.append(" ".join([*path, action.option_strings[-1] if action.option_strings else action.dest]))

    walk(build_parser(), ["foi-composer"])
    assert silent == []


def test_library_list_names_what_is_in_the_bin(tmp_path, capsys):
    """QA-S9: after `library delete` nothing named the request in the bin, so `library restore
    NAME` had no NAME to go on: `library list` said only that the library was empty."""
    from composer.model import Part, Request

    request = tmp_path / "r.foi.json"
    save_request(request, Request(title="Risk scores", parts=[Part(text="Do you use a risk score?")]))
    assert main(["library", "save", str(request)]) == 0
    assert main(["library", "delete", "Risk scores"]) == 0
    capsys.readouterr()
    assert main(["library", "list"]) == 0
    err = capsys.readouterr().err
    assert "In the bin: Risk scores (bring one back with `foi-composer library restore NAME`)" in err
    assert main(["library", "restore", "Risk scores"]) == 0


def test_a_library_of_files_it_cannot_read_is_not_called_empty(capsys):
    """QA-S9: with its one request written by a newer FOI Composer, `library list` warned so and
    then said "The library is empty", which it was not."""
    folder = Library().root
    folder.mkdir(parents=True, exist_ok=True)
    data = {"schema_version": 99, "kind": "foi-request", "title": "From the future", "parts": []}
    (folder / "From the future.foi.json").write_text(json.dumps(data), "utf-8")
    assert main(["library", "list"]) == 0
    err = capsys.readouterr().err
    assert "newer FOI Composer" in err and "empty" not in err, err


def test_an_empty_output_name_is_refused_not_taken_as_the_current_folder(tmp_path, capsys, monkeypatch):
    """QA-S9: `export FILE --to ""` wrote 49 letters into whatever folder the command ran in."""
    request = tmp_path / "r.foi.json"
    save_request(request, Request(title="Risk", parts=[Part(text="Do you use a risk score?")], forces=["wmp"]))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for command in (["export", str(request), "--to", "", "--name", "Ann Example"],
                    ["library", "export", "Risk", "-o", " "]):
        with pytest.raises(SystemExit) as stop:
            main(command)
        assert stop.value.code == 2
        assert "no name given" in capsys.readouterr().err
    assert list(work.iterdir()) == []


def test_the_first_help_shows_where_to_start_and_each_example_runs(tmp_path, capsys, monkeypatch):
    """QA-S9: `foi-composer --help` listed the commands and nothing on where to begin (your
    details first: no letter is valid without a name, s8). Its examples are run here, in order,
    as a newcomer would type them."""
    import shlex

    from composer.cli import build_parser

    text = build_parser().format_help()
    examples = [line.strip() for line in text.splitlines() if line.strip().startswith("foi-composer ")]
    assert [e.split()[1] for e in examples][:1] == ["profile"] and len(examples) >= 4, text
    monkeypatch.chdir(tmp_path)
    for example in examples:
        code = main(shlex.split(example)[1:])
        assert code == 0, (example, capsys.readouterr().err)
    assert any(p.suffix == ".docx" for p in (tmp_path / "letters").iterdir())


def test_check_names_a_request_with_no_title(tmp_path, capsys):
    """QA-S9: a request saved with an empty title was headed ": 0 parts checked"."""
    path = tmp_path / "empty.foi.json"
    save_request(path, Request(title="", parts=[Part(text="Do you use a risk score?")]))
    main(["check", str(path)])
    assert capsys.readouterr().out.startswith("Untitled request: 1 part checked")

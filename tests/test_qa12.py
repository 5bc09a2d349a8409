"""What a campaigner's first day with the README found (session 12), each fixed and kept fixed."""

from __future__ import annotations

from test_letters import sample_request

from composer.library import save_request


def test_forces_named_one_option_at_a_time_are_all_written_to(tmp_path, capsys):
    """`export FILE --to out --force the_met --force wmp --force police_scotland --force psni`
    (spelled as `check --force` is) wrote PSNI's letter alone and said nothing of the other three:
    argparse takes `--force` as short for `--forces`, and each one replaced the one before."""
    from composer.cli import main

    request = save_request(tmp_path / "r.foi.json", sample_request())
    out = tmp_path / "out"
    assert main(["export", str(request), "--to", str(out), "--format", "txt", "--force", "the_met",
                 "--force", "wmp", "--forces", "police_scotland,psni", "--anyway"]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 4, written
    assert [n for n in written if "West Midlands" in n] and [n for n in written if "Metropolitan" in n]
    assert [n for n in written if "Police Scotland" in n] and [n for n in written if "Northern Ireland" in n]
    capsys.readouterr()
    out2 = tmp_path / "out2"
    assert main(["export", str(request), "--to", str(out2), "--format", "txt", "--forces", "wmp",
                 "--anyway"]) == 0
    assert len(list(out2.iterdir())) == 1


def test_a_dry_run_of_a_shared_template_needs_no_place_to_write_it(tmp_path, capsys):
    """`library export NAME --dry-run` (the README: "prints it and writes nothing") stopped with
    argparse's usage and "the following arguments are required: -o/--output"."""
    from composer.cli import main

    assert main(["library", "save", str(save_request(tmp_path / "r.foi.json", sample_request())),
                 "--name", "R"]) == 0
    capsys.readouterr()
    assert main(["library", "export", "R", "--dry-run"]) == 0
    assert "nothing written (--dry-run)" in capsys.readouterr().out
    assert main(["library", "export", "R"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "say where to write the template with -o FILE or -o FOLDER" in err

"""Reuse end to end (TEMPL-S11): a request made from the question bank, saved and sent by one
campaigner, shared as a template, opened by another (another data folder, another profile) and
exported to Police Scotland, the Met and PSNI: each letter is right for its force's Act, and none
carries anything of the first campaigner's."""

from __future__ import annotations

import json

from composer.cli import main

FIRST = ["Priya Ramanathan", "priya.r@example.org", "14 Larch Avenue", "LS6 2QT", "Leeds Data Justice",
         "0113 496 0123", "HART 2026", "kent_police", "Kent", "essex_police", "Essex"]


def test_a_template_shared_by_one_campaigner_makes_right_letters_for_another(tmp_path, monkeypatch, capsys):
    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(first))
    assert main(["profile", "--name", FIRST[0], "--email", FIRST[1], "--address", f"{FIRST[2]}; Leeds {FIRST[3]}",
                 "--organisation", FIRST[4]]) == 0
    request = tmp_path / "req.foi.json"
    assert main(["new", "--modules", "use_individual_risk(identity,cost,usage_data,bias_testing),format",
                 "--system", "the Harm Assessment Risk Tool", "--forces", "kent_police,essex_police",
                 "-o", str(request)]) == 0
    data = json.loads(request.read_text())  # the kind of thing people type into a request
    data["introduction"] = f"I am {FIRST[0]} of {FIRST[4]} (call me on {FIRST[5]})."
    request.write_text(json.dumps(data))
    assert main(["library", "save", str(request), "--name", "HART"]) == 0
    assert main(["campaign", "new", FIRST[6], "--request", str(request), "--forces",
                 "kent_police,essex_police,wmp", "--sent", "2026-09-01"]) == 0
    assert main(["campaign", "update", FIRST[6], "kent_police", "--status", "refused", "--sections", "s12",
                 "--date", "2026-09-25"]) == 0
    assert main(["campaign", "update", FIRST[6], "essex_police", "--status", "partly-answered",
                 "--date", "2026-09-26"]) == 0
    shared = tmp_path / "shared.foi.json"
    assert main(["library", "export", "HART", "-o", str(shared)]) == 0
    written = shared.read_text()
    for detail in FIRST:
        assert detail.lower() not in written.lower(), detail
    assert {(p["replied"], p["partly"], json.dumps(p["whole"])) for p in json.loads(written)["past"]} == {
        (2, 1, '{"cost": 1}')}
    # The second campaigner.
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(second))
    assert main(["profile", "--name", "Tom Okafor", "--email", "tom.okafor@example.net",
                 "--address", "3 Quay Street; Belfast BT1 3AB"]) == 0
    assert main(["library", "import", str(shared)]) == 0
    [received] = (second / "library").glob("*.foi.json")
    data = json.loads(received.read_text())
    assert data["forces"] == [] and data["introduction"].startswith("I am [your name]")
    letters = tmp_path / "letters"
    capsys.readouterr()
    # The placeholder left where a detail was taken out stops the letters, in one line a force.
    assert main(["export", str(received), "--forces", "police_scotland,the_met,psni", "--to", str(letters),
                 "--format", "txt"]) != 0
    assert "placeholder ('[your name]')" in capsys.readouterr().err
    data["introduction"] = None  # the second campaigner writes their own (here: none)
    received.write_text(json.dumps(data))
    assert main(["export", str(received), "--forces", "police_scotland,the_met,psni", "--to", str(letters),
                 "--format", "txt"]) == 0
    texts = {path.name.split(" - ")[0][11:]: path.read_text() for path in letters.iterdir()}
    assert set(texts) == {"Police Scotland", "Metropolitan Police Service", "Police Service of Northern Ireland"}
    for force, text in texts.items():
        for detail in FIRST:
            assert detail.lower() not in text.lower(), (force, detail)
        assert text.rstrip().endswith("Tom Okafor")
    scotland, met, psni = (texts[f] for f in ("Police Scotland", "Metropolitan Police Service",
                                               "Police Service of Northern Ireland"))
    assert "Freedom of Information (Scotland) Act 2002" in scotland and "Act 2000" not in scotland
    assert "£600, or 40 hours of staff time at £15 an hour" in scotland and "Under section 15," in scotland
    assert "11(1A)" not in scotland and "section 149 of the Equality Act 2010" in scotland
    for text in (met, psni):
        assert "Freedom of Information Act 2000" in text and "(Scotland)" not in text
        assert "£450, or 18 hours of staff time at £25 an hour" in text and "Under section 16," in text
        assert "section 11(1A)" in text
    assert "section 149 of the Equality Act 2010" in met and "section 149" not in psni
    assert "section 75 of the Northern Ireland Act 1998" in psni
    assert "Has the Metropolitan Police Service used" in met and "Has Police Scotland used" in scotland

"""Nothing leaves the machine: a whole session, on the command line and in the app, makes no
socket, looks no name up and never loads Qt's network module."""

from __future__ import annotations

import socket
import sys
from datetime import date

import pytest

from composer.cli import main


@pytest.fixture
def no_sockets(monkeypatch):
    """Making a socket of any kind or looking a name up fails the test: nothing can leave the
    machine by Python's sockets (ssl, http, smtp and urllib all make theirs this way)."""
    made: list[str] = []

    def refuse(what):
        def refused(*args, **kwargs):
            made.append(what)
            raise AssertionError(f"network use: {what}{args[1:]!r}")
        return refused

    monkeypatch.setattr(socket.socket, "__init__", refuse("socket.socket"))
    for name in ("socketpair", "create_connection", "create_server", "getaddrinfo", "gethostbyname",
                 "gethostbyname_ex", "gethostbyaddr", "getnameinfo", "fromfd"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    return made


def test_the_guard_catches_a_connection(no_sockets):
    """The control: a library that would send something is stopped and seen."""
    import urllib.request

    with pytest.raises(Exception):
        urllib.request.urlopen("http://example.org/", timeout=1)
    with pytest.raises(AssertionError):
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    assert no_sockets


LETTER = ("Dear Sir/Madam,\n\nMy name is Ann Example and I write for my client Mr A. Khan.\n\n"
          "1. Does Kent Police use a risk score?\n   a. What is it called?\n2. What did it cost?\n\n"
          "Yours faithfully,\n\nAnn Example\n")
REPLY = ("From: foi@kent.police.uk\nTo: ann@example.org\nSubject: FOI K-2026-9\n\n"
         "Our ref: K-2026-9\n\nDear Ms Example,\n\n1a. Patrolwise.\n1b. Withheld under section 43(2).\n"
         "2. The information is not held.\n\nYours sincerely,\nFOI Unit\n")


def test_a_whole_session_opens_no_socket(tmp_path, no_sockets, capsys, window, monkeypatch):
    """PRIVACY-S11: compose, import, check, export, share a template, take one in, start a
    campaign, read a reply, follow up, and the same in the app: no socket is made, no name is
    looked up, and Qt's network module is never loaded."""
    from composer.library import load_request
    from composer.ui.qt_prompts import QtShareReview, ShareAnswer

    letter, reply = tmp_path / "letter.txt", tmp_path / "reply.eml"
    letter.write_text(LETTER, "utf-8")
    reply.write_text(REPLY, "utf-8")
    request, shared = tmp_path / "vha.foi.json", tmp_path / "shared.foi.json"
    steps = [
        ["profile", "--name", "Ann Example", "--email", "ann@example.org", "--address", "1 High Street; Leeds LS6 2AB"],
        ["import", str(letter), "--forces", "kent_police,the_met", "-o", str(request)],
        ["check", str(request), "--force", "kent_police"],
        ["order", str(request), "--suggest"],
        ["export", str(request), "--to", str(tmp_path / "docx")],
        ["export", str(request), "--format", "eml", "--to", str(tmp_path / "eml")],
        ["library", "save", str(request), "--name", "VHA"],
        ["library", "export", "VHA", "-o", str(shared)],
        ["library", "import", str(shared)],
        ["campaign", "new", "VHA", "--request", str(request), "--sent", "2026-11-20"],
        ["campaign", "attach", "VHA", "kent_police", str(reply), "--apply"],
        ["campaign", "show", "VHA"],
        ["campaign", "coverage", "VHA", "--csv", str(tmp_path / "coverage.csv")],
        ["followup", "VHA", "kent_police", "--kind", "review", "-o", str(tmp_path / "followups")],
        ["due", "2026-11-23", "--force", "police_scotland"],
    ]
    for args in steps:  # `check` says 1 when it finds an error; every other step does its work
        assert main(args) in ((0, 1) if args[0] == "check" else (0,)), (args, capsys.readouterr())
    assert "Ann" not in shared.read_text("utf-8") and "Khan" not in shared.read_text("utf-8")

    monkeypatch.setattr(QtShareReview, "ask", classmethod(lambda *a, **k: ShareAnswer(True)))
    window.document.load(load_request(request), request)
    window.findings.run_check()
    assert window.files.share_template(tmp_path / "from the app.foi.json") is not None
    from composer.forces import load_directory
    from composer.ui.qt_reply_dialog import QtReplyDialog

    dialog = QtReplyDialog(None, force_name="Kent Police", request=load_request(request),
                           act=load_directory().get("kent_police").act, today=date(2026, 12, 10),
                           text=REPLY, file_name="reply.eml", sent=date(2026, 11, 20))
    dialog.deleteLater()
    assert no_sockets == []
    assert "PySide6.QtNetwork" not in sys.modules

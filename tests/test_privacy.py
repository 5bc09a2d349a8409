"""Names and addresses stay on this machine: the product opens no network connection, and code
that happens to be installed beside it (a pydantic plugin) never sees a request."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap

import pytest

from composer.cli import main
from composer.forces import load_directory
from composer.model import Requester
from composer.profile import save_profile

PLUGIN = textwrap.dedent("""
    import os, pathlib
    pathlib.Path(os.environ["PLUGIN_MARKER"]).write_text("loaded")

    class Plugin:
        def new_schema_validator(self, *args, **kwargs):
            return None, None, None

    plugin = Plugin()
""")


@pytest.fixture
def installed_plugin(tmp_path):
    """A pydantic plugin installed the way a package would install one (an entry point), which
    writes a marker file when it is loaded."""
    site = tmp_path / "site"
    (site / "spy_plugin-1.0.dist-info").mkdir(parents=True)
    (site / "spy_plugin.py").write_text(PLUGIN)
    (site / "spy_plugin-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (site / "spy_plugin-1.0.dist-info" / "entry_points.txt").write_text(
        "[pydantic]\nspy = spy_plugin:plugin\n")
    marker = tmp_path / "loaded"
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env.update(PYTHONPATH=os.pathsep.join([str(site), *sys.path]), PLUGIN_MARKER=str(marker))
    return env, marker


def _validate_in_child(code: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, timeout=60)


def test_a_pydantic_plugin_installed_beside_the_app_is_loaded_by_plain_pydantic(installed_plugin):
    # The control: without FOI Composer the plugin is found and loaded, so the next test means something.
    env, marker = installed_plugin
    _validate_in_child("import pydantic\nclass M(pydantic.BaseModel):\n    x: int = 1\nM()", env)
    assert marker.read_text() == "loaded"


def test_foi_composer_never_loads_a_pydantic_plugin(installed_plugin):
    env, marker = installed_plugin
    _validate_in_child(
        "from composer.model import Request, Requester\n"
        "Request.model_validate({'title': 'VHA', 'parts': [{'text': 'Do you use it?'}]})\n"
        "Requester(name='Ann Example', postal_address=['1 High Street'])", env)
    assert not marker.exists()


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to resolve a name or open a connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network use: {args!r}")

    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


def test_compose_check_export_and_follow_up_open_no_connection(tmp_path, no_network, capsys):
    save_profile(Requester(name="Ann Example", email="ann@example.org", postal_address=["1 High Street"]))
    request = tmp_path / "vha.foi.json"
    steps = [
        ["new", "--modules", "use_individual_risk(identity,cost,assessments),format",
         "--system", "the Violence Harm Assessment", "--forces", "all", "-o", str(request)],
        ["check", str(request), "--force", "the_met"],
        ["export", str(request), "--to", str(tmp_path / "docx")],
        ["export", str(request), "--forces", "territorial", "--format", "eml", "--to", str(tmp_path / "eml")],
        ["export", str(request), "--forces", "the_met", "--format", "txt", "--to", str(tmp_path / "txt")],
        ["due", "2026-11-23", "--force", "police_scotland"],
    ]
    for args in steps:
        assert main(args) in (0, 1), (args, capsys.readouterr())
    assert len(list((tmp_path / "docx").iterdir())) == len(load_directory().forces)

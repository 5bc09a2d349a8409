"""Take the README's screenshots: `python docs/screenshots.py` (run it under `xvfb-run -a` where
there is no screen).

The pictures show the example request (docs/example.foi.json) and a made-up campaign for it, in a
data folder of their own, so nobody's own requests, profile or campaigns appear in them. The
campaign's replies are invented for the picture: no force said these things.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

DOCS = Path(__file__).resolve().parent
EXAMPLE = DOCS / "example.foi.json"
SIZE = "1366x768"  # a common laptop screen


def demo_campaign(home: Path) -> None:
    """A campaign sent five weeks ago, with a spread of replies recorded."""
    os.environ["FOI_COMPOSER_HOME"] = str(home)
    from composer.campaign.store import CampaignStore
    from composer.forces import load_directory
    from composer.library import load_request
    from composer.operations.campaign import new_campaign, record, record_reply
    from composer.replies import PartReading, ReplyKind, ReplyReading

    request = load_request(EXAMPLE)
    directory = load_directory()
    sent = date.today() - timedelta(days=36)  # past the 20 working days: the silent are overdue
    campaign = new_campaign(name="Predictive policing 2026", request=request, sent=sent,
                            forces=[directory.get(f) for f in request.forces]).value

    def parts(**said: str) -> dict[str, PartReading]:
        return {label[1:]: PartReading.parse(what) for label, what in said.items()}  # p1a -> 1a

    no_systems = parts(p1="answered", p2="answered")
    withheld = parts(p1="answered", p1a="answered", p1b="refused s43(2)", p1e="refused s31(1)",
                     p1g="refused s12", p2="neither confirm nor deny s24(2) s31(3)")
    replies = {
        "wmp": (ReplyKind.PARTLY, withheld, ["s12", "s31(1)", "s43(2)"]),
        "kent_police": (ReplyKind.ANSWERED, no_systems, []),
        "essex_police": (ReplyKind.ANSWERED, no_systems, []),
        "gmp": (ReplyKind.PARTLY, parts(p1="answered", p1f="not held", p1h="not held",
                                        p3="refused s12"), ["s12"]),
        "the_met": (ReplyKind.CLARIFICATION, {}, []),
        "durham_police": (ReplyKind.REFUSED, {}, ["s12"]),
        "police_scotland": (ReplyKind.NOT_HELD, {}, []),
        "avon_and_somerset_police": (ReplyKind.PARTLY, parts(p2="answered", p2f="refused s40(2)",
                                                            p2g="refused s40(2)"), ["s40(2)"]),
        "sussex_police": (ReplyKind.ANSWERED, {}, []),
        "dorset_police": (ReplyKind.ACKNOWLEDGEMENT, {}, []),
    }
    # Most of the others have answered by now, some holding nothing, a few refusing on cost.
    patterns = [(ReplyKind.ANSWERED, no_systems, []), (ReplyKind.ANSWERED, no_systems, []),
                (ReplyKind.PARTLY, parts(p1="answered", p1e="refused s31(1)", p2="answered"),
                 ["s31(1)"]),
                (ReplyKind.NOT_HELD, {}, []), (ReplyKind.REFUSED, {}, ["s12"])]
    rest = [f for f in request.forces if f not in replies and f != "lancashire_police"]
    for n, force_id in enumerate(rest[: len(rest) - 9]):
        replies[force_id] = patterns[n % len(patterns)]
    for n, (force_id, (kind, said, sections)) in enumerate(replies.items()):
        reading = ReplyReading(kind=kind, sections=sections, parts=said,
                               reference=f"FOI-{2026}-{1400 + n * 37}")
        campaign = record_reply(campaign, force_id=force_id, file=f"{force_id}/reply.txt",
                                reading=reading, on=sent + timedelta(days=12 + n)).value
    campaign = record(campaign, force_id="lancashire_police", status="extended",
                      on=sent + timedelta(days=20), until=sent + timedelta(days=45)).value
    CampaignStore().create(campaign)


def shoot(home: Path, target: str, screen: str, size: str = SIZE) -> None:
    env = {**os.environ, "FOI_COMPOSER_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "composer", "gui", str(EXAMPLE), "--screenshot",
                    str(DOCS / target), "--screen", screen, "--size", size], check=True, env=env)
    print(DOCS / target)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        demo_campaign(home)
        shoot(home, "main-window.png", "main", "1280x800")
        shoot(home, "main-window-1024.png", "main", "1024x700")
        shoot(home, "wizard.png", "wizard", "1280x800")
        shoot(home, "campaign.png", "campaign")
        shoot(home, "coverage.png", "coverage")
        shoot(home, "order.png", "order")
    return 0


if __name__ == "__main__":
    sys.exit(main())

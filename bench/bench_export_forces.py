"""How long exporting one long request to every body in the force directory takes, as text and as
Word: the campaigner's case of one request sent to every force.

Prints figures; asserts nothing. The request: 99 parts, the question bank's questions in turn (most
name the force: {force_name}), so each force's letter differs in nearly every part. Each export is
timed three ways: each force's parts read with its own name and every rule run for it; the parts read
once for every force whose names read as the words for them (`checker.engine.SHARE_READINGS`); and
also the findings of the part rules that ask nothing of the force but its Act made once per Act
(`checker.engine.SHARE_FINDINGS`), as the app exports. Every remembered reading is dropped before each
run. Target: a few seconds.

With `--seed FILE` the request is a request as sent, read from a text file (the project's
../shared/seeds/002_*.txt is a 43-part one that names no force by field, so every force's letter says
the same and only the force itself differs).

    python bench/bench_export_forces.py [--parts N] [--formats txt,docx] [--seed FILE]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def long_request(count: int):
    """`count` parts worded as the bank words its questions, each a little different."""
    from composer.bank import load_bank
    from composer.model import Part, Request

    questions = load_bank().questions()
    parts = [Part(text=questions[i % len(questions)].text
                  + ("" if i < len(questions) else f" This is question {i + 1} of the set."))
             for i in range(count)]
    return Request(title="Risk scoring systems", parts=parts, fields={"system_name": "the Foresight tool"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", type=int, default=99)
    parser.add_argument("--formats", default="txt,docx")
    parser.add_argument("--seed", type=Path, help="a request as sent, in a text file, instead of the bank's")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-export-forces-") as tmp:
        os.environ["FOI_COMPOSER_HOME"] = str(Path(tmp) / "home")
        from composer.checker import engine
        from composer.checker.patterns import forget
        from composer.forces import load_directory
        from composer.letters import export_batch
        from composer.model import Requester

        if args.seed is not None:
            from composer.checker.reading import request_from_text

            request = request_from_text(args.seed.read_text("utf-8"))[0]
            if request is None:
                raise SystemExit(f"{args.seed}: no request could be read from it")
        else:
            request = long_request(args.parts)
        forces = load_directory().resolve("all")
        requester = Requester(name="Ann Example", email="ann@example.org",
                              postal_address=["12 Chapel Street", "Llanfair PG", "LL61 5UJ"])
        named = sum("{force" in p.text for p in request.parts)
        print(f"export a {len(request.parts)}-part request ({named} parts name the force) to {len(forces)} bodies")
        ways = {"alone": (False, False), "readings shared": (True, False), "and findings": (True, True)}
        for fmt in args.formats.split(","):
            times = {}
            for way, (readings, findings) in ways.items():
                engine.SHARE_READINGS, engine.SHARE_FINDINGS = readings, findings
                forget()
                start = time.perf_counter()
                summary = export_batch(request, forces, Path(tmp) / f"{fmt}-{readings}-{findings}", fmt=fmt,
                                       requester=requester, date=date(2026, 11, 21), anyway=False)
                times[way] = time.perf_counter() - start
                assert not summary.failed, summary.failed
            print(f"  as {fmt:4}: each force alone {times['alone']:6.2f} s; parts read once for the forces "
                  f"they read alike {times['readings shared']:6.2f} s; and the findings of rules that read only "
                  f"the Act made once per Act {times['and findings']:6.2f} s "
                  f"({times['alone'] / times['and findings']:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

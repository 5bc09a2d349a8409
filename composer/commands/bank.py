"""Commands for the question bank: `bank` lists it, `new` builds a request from it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer.commands import A_DATE, add_forces_option, forces_for, output_path
from composer.errors import ComposerError

NEW_EPILOG = """\
MODULES is a comma-separated list of bank module ids (all of a module's usual questions) or
question ids such as identity.name (that question alone), asked in the order given. An
umbrella module (use_crime_mapping, use_individual_risk) asks whether the force uses that kind
of system at all and takes the modules to ask about each such system in brackets; they become
its lettered "if yes" sub-parts. Quote the list so the shell leaves the brackets alone:

  foi-composer new --modules "use_crime_mapping(identity,workings,cost,policies,usage_data,assessments,bias_testing),format" -o mapping.foi.json
  foi-composer new --modules identity,data_categories,assessments --system "the Violence Harm Assessment" --forces the_met -o vha.foi.json

`foi-composer bank` lists the modules and their questions.
"""


def register(sub) -> None:
    p = sub.add_parser("bank", help="list the question bank's modules and questions")
    p.add_argument("--json", action="store_true", help="print JSON: a list of modules with questions")
    p.set_defaults(func=_bank)

    p = sub.add_parser(
        "new",
        help="build a request from question-bank modules",
        description="Build a new request from question-bank modules and save it as a .foi.json file.",
        epilog=NEW_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--modules", required=True, metavar="MODULES",
                   help="module or question ids, e.g. identity,cost or use_crime_mapping(identity,cost)")
    p.add_argument("--system", metavar="NAME",
                   help='the system asked about, e.g. "PredPol" (default: "the system")')
    p.add_argument("--title", help="the request's title (default: from the system's name)")
    p.add_argument("--format", dest="answer_format", choices=["csv", "spreadsheet", "pdf"],
                   help="the file format asked for answers that are figures or tables (the format module asks for "
                   "csv)")
    p.add_argument("--from", dest="period_start", metavar="DATE",
                   help=f"the first day of the period figures are asked for ({A_DATE}, e.g. 2021-04-01; "
                   "default: 1 January five years ago)")
    p.add_argument("--to", dest="period_end", metavar="DATE",
                   help=f"the last day of that period ({A_DATE}; default: 31 December last year)")
    p.add_argument("-o", "--output", type=output_path, required=True, metavar="FILE",
                   help="where to write the request (.foi.json)")
    p.add_argument("--replace", action="store_true", help="overwrite FILE if it exists")
    add_forces_option(p, default="none yet; `export --forces` can name them later")
    p.set_defaults(func=_new)


def _bank(args: argparse.Namespace) -> int:
    from composer.bank import describe_bank, load_bank

    bank = load_bank()
    if args.json:
        data = [m.model_dump(mode="json", exclude_none=True) for m in bank.modules]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(describe_bank(bank), end="")
    return 0


def _new(args: argparse.Namespace) -> int:
    from composer.bank import build_request, parse_selection
    from composer.library import SUFFIX, save_request, slug

    output: Path = args.output
    request = build_request(
        parse_selection(args.modules),
        system_name=args.system,
        title=args.title,
        answer_format=args.answer_format,
        period_start=args.period_start,
        period_end=args.period_end,
    )
    if (args.period_start or args.period_end) and "period_start" not in request.fields:
        print("note: no question asks for a period, so --from and --to are not used",
              file=sys.stderr)
    if args.forces:
        from composer.operations.request import set_forces

        forces = [force.id for force in forces_for(args.forces, request)]
        request = set_forces(request, force_ids=forces).value
    if output.is_dir():
        output = output / f"{slug(request.title)}{SUFFIX}"
    if output.exists() and not args.replace:
        raise ComposerError(f"{output} already exists; use --replace to overwrite it")
    print(save_request(output, request, replace=args.replace))
    return 0

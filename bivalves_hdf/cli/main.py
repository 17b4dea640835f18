"""`python -m bivalves_hdf COMMAND`: each `cli/*_cmd.py` module adds one sub-command."""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from bivalves_hdf import cli as commands_package
from bivalves_hdf.__about__ import __version__
from bivalves_hdf.core.errors import BivalvesError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bivalves_hdf",
        description="Bivalves Hauts-de-France: the headless jobs of the plugin.",
    )
    parser.add_argument("--version", action="version", version=f"bivalves_hdf {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in sorted(pkgutil.iter_modules(commands_package.__path__), key=lambda m: m.name):
        if module.name.endswith("_cmd"):
            importlib.import_module(f"{commands_package.__name__}.{module.name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except BivalvesError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130

"""`python -m bivalves_hdf taxref`: refresh data/taxa.csv and data/statuses.csv from TAXREF."""

from __future__ import annotations

from pathlib import Path

from bivalves_hdf.core.errors import BivalvesError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "taxref",
        help="refresh the taxa and statuses (data/taxa.csv, data/statuses.csv) from the TAXREF API or a BDC file",
        description="Check the reference taxa against the TAXREF API, add the species TAXREF lists under their "
        "genera in mainland France, and replace their statuses for Hauts-de-France (INSEER32), the former "
        "regions (INSEER31, INSEER22) and the departments 02, 59, 60, 62, 80. With --bdc, statuses come "
        "from an offline BDC_STATUTS CSV instead and nothing is downloaded.",
    )
    parser.add_argument("--taxref-url", default=None, metavar="URL", help="base URL of the TAXREF API")
    parser.add_argument("--bdc", type=Path, default=None, metavar="FILE",
                        help="BDC_STATUTS CSV (ISO-8859-1 or UTF-8, comma or semicolon): offline statuses")
    parser.add_argument("--out-dir", type=Path, default=None, metavar="DIR",
                        help="where to write taxa.csv and statuses.csv (default: the plugin's data folder)")
    parser.add_argument("--rate", type=float, default=3.0, help="requests per second (default 3)")
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds (default 30)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from bivalves_hdf.core.http import HttpClient, HttpPolicy
    from bivalves_hdf.core.reference import clear_cache, load_reference
    from bivalves_hdf.core.sources.taxref import TaxrefSource, refresh_reference
    from bivalves_hdf.paths import DATA_DIR

    if args.rate <= 0 or args.timeout <= 0:
        raise BivalvesError("--rate and --timeout must be positive")
    out_dir = args.out_dir or DATA_DIR
    if not Path(out_dir).is_dir():
        raise BivalvesError(f"--out-dir {out_dir} is not a folder")
    reference = load_reference()
    source = None
    if args.bdc is None or args.taxref_url:
        client = HttpClient(policy=HttpPolicy(rate=args.rate, timeout=args.timeout))
        source = TaxrefSource(client, args.taxref_url)
    report = refresh_reference(source, reference, Path(out_dir), args.bdc)
    clear_cache()
    for line in report.lines():
        print(line)
    return 0

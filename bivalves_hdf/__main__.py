"""`python -m bivalves_hdf`: the headless jobs."""

import sys

from bivalves_hdf.cli.main import main

sys.exit(main())

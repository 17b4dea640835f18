"""Command-line entry points (`python -m bivalves_hdf`)."""

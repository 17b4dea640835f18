"""A process killed (SIGKILL) while it writes the GeoPackage leaves the previous file byte-identical."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from bivalves_hdf.core import store

ROOT = Path(__file__).resolve().parents[2]
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import pandas as pd
    from bivalves_hdf.core import store

    def pause(path):  # the new file is complete but not yet swapped in
        Path(sys.argv[2]).write_text("ready")
        time.sleep(120)

    store._update_extents = pause
    frame = pd.DataFrame({"idSINPOccTax": [f"id-{n}" for n in range(5000)], "source": "openobs",
                          "x": 650000.0, "y": 6980000.0})
    with store.GeoPackageUpdate(sys.argv[1]) as gpkg:
        gpkg.add_occurrences(frame, None, gpkg.next_import_id())
        gpkg.commit()
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_sigkill_mid_write_keeps_previous_file(tmp_path):
    path = tmp_path / "out.gpkg"
    with store.GeoPackageUpdate(path) as gpkg:
        gpkg.add_occurrences(pd.DataFrame({"idSINPOccTax": ["a"], "x": [1.0], "y": [2.0]}), None, 1)
        gpkg.commit()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    marker = tmp_path / "ready"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(marker)], env=env)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert marker.exists(), "the writer did not reach the swap step"
        leftovers = [p for p in tmp_path.iterdir() if store.TEMP_MARKER in p.name]
        assert leftovers, "the new file is built beside the old one"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert len(store.read_occurrences(path)) == 1
    # What the killed run left is recognised as stale and removed by the next run.
    assert store.stale_temp_files(path) == leftovers
    with store.GeoPackageUpdate(path) as gpkg:
        gpkg.commit()
    assert [p for p in tmp_path.iterdir() if store.TEMP_MARKER in p.name] == []

"""The refresh end to end against the loopback server: all four sources, faults, cancel, resume."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fixtures_http import Fault, status

from bivalves_hdf.core.http import CancelToken, HttpPolicy
from bivalves_hdf.core.refresh import RefreshOptions, estimate_counts, last_refresh, run_refresh, source_names
from bivalves_hdf.core.store import read_layer, read_occurrences

ROOT = Path(__file__).resolve().parents[2]
POLICY = HttpPolicy(rate=1000.0, concurrency=4, retries=3, backoff=0.01, max_backoff=0.05, timeout=1.0)


def options(api, out: Path, **changes) -> RefreshOptions:
    values = {"out": out, "urls": api.urls, "policy": POLICY}
    values.update(changes)
    return RefreshOptions(**values)


@pytest.fixture
def populated(fake_api):
    fake_api.populate(openobs=40, gbif=30, hubeau=24, sinp=16)
    return fake_api


def test_all_four_sources_recover_from_faults_with_every_record(populated, tmp_path) -> None:
    api = populated
    api.fail("/openobs/occurrences/search", status(500), Fault("reset"), status(429, "0"))
    api.fail("/gbif/occurrence/search", Fault("html200"), Fault("truncate"))
    api.fail("/hubeau/taxons", status(503), Fault("timeout", delay=1.5))
    api.fail("/sinp/wfs", status(502))
    out = tmp_path / "bivalves.gpkg"
    summary = run_refresh(options(api, out))
    assert summary.ok and summary.written, summary.lines()
    occurrences = read_occurrences(out)
    assert occurrences.groupby("source").size().to_dict() == {"openobs": 40, "gbif": 30, "hubeau": 24, "sinp_hdf": 16}
    assert len(read_layer(out, "stations_hubeau")) == 7
    log = read_layer(out, "refresh_log")
    assert sorted(log["source"]) == ["gbif", "hubeau", "openobs", "sinp_hdf"]
    assert all(r.read == r.kept + r.merged + r.rejected for r in summary.reports)
    assert not any(out.parent.glob(".bivalves.gpkg.http-cache/*")), "cache kept after a complete refresh"


def test_a_failing_source_is_named_and_the_others_are_imported(populated, tmp_path) -> None:
    populated.fail("/gbif/occurrence/search", *[status(503)] * 20)
    out = tmp_path / "b.gpkg"
    summary = run_refresh(options(populated, out))
    assert not summary.ok and summary.written
    (failed,) = summary.failed
    assert failed.name == "gbif" and "503" in failed.error
    assert "gbif: FAILED: HTTP 503" in "\n".join(summary.lines())
    assert "gbif" not in set(read_occurrences(out)["source"])


def test_when_every_source_fails_the_previous_geopackage_is_untouched(populated, tmp_path) -> None:
    out = tmp_path / "b.gpkg"
    assert run_refresh(options(populated, out, sources="openobs")).ok
    before = out.read_bytes()
    populated.fail("/openobs/occurrences/search", *[Fault("html200")] * 20)
    summary = run_refresh(options(populated, out, sources="openobs"))
    assert not summary.ok and not summary.written
    assert "HTML" in summary.failed[0].error
    assert out.read_bytes() == before


def test_cancel_mid_run_stops_within_a_second_and_leaves_the_file_identical(populated, tmp_path) -> None:
    out = tmp_path / "b.gpkg"
    assert run_refresh(options(populated, out, sources="sinp-hdf")).ok
    before = out.read_bytes()
    populated.populate(openobs=3000)
    populated.latency = 0.3
    token = CancelToken()
    threading.Timer(0.6, token.cancel).start()
    started = time.monotonic()
    summary = run_refresh(options(populated, out, sources="openobs,gbif"), cancel=token)
    assert time.monotonic() - started < 0.6 + 1.0
    assert summary.cancelled and not summary.written and not summary.ok
    assert out.read_bytes() == before


def test_a_rerun_after_a_failure_resumes_from_the_page_cache(fake_api, tmp_path) -> None:
    fake_api.populate(gbif=50)
    out = tmp_path / "b.gpkg"
    policy = HttpPolicy(rate=1000, concurrency=1, retries=0, backoff=0.01, timeout=1.0)
    opts = options(fake_api, out, sources="gbif", policy=policy, page_size=10)
    fake_api.fail("/gbif/occurrence/search", None, None, None, status(500))  # count + 2 pages ok, 3rd fails
    first = run_refresh(opts)
    assert not first.ok and not out.exists()
    pages_before = [p["offset"][0] for path, p in fake_api.hits if path == "/gbif/occurrence/search"]
    assert run_refresh(opts).ok
    pages_after = [p["offset"][0] for path, p in fake_api.hits if path == "/gbif/occurrence/search"]
    refetched = pages_after[len(pages_before):]
    assert "0" not in refetched[1:] and "10" not in refetched[1:]  # offsets 0 and 10 came from the cache
    assert len(read_occurrences(out)) == 50


def test_incremental_mode_asks_only_for_changes_since_the_last_refresh(populated, tmp_path) -> None:
    out = tmp_path / "b.gpkg"
    assert run_refresh(options(populated, out, sources="openobs,gbif")).ok
    assert last_refresh(out, "openobs") is not None and last_refresh(out, "hubeau") is None
    populated.hits.clear()
    assert run_refresh(options(populated, out, sources="openobs,gbif", incremental=True)).ok
    fq = [v for path, p in populated.hits if path == "/openobs/occurrences/search" for v in p.get("fq", [])]
    assert any(v.startswith("last_load_date:[") for v in fq)
    assert all("lastInterpreted" in p for path, p in populated.hits if path == "/gbif/occurrence/search")
    assert len(read_occurrences(out)) == 70  # the same records again merge, nothing is doubled


def test_estimate_counts_per_source(populated, tmp_path) -> None:
    populated.fail("/sinp/wfs", *[status(503)] * 10)
    counts = estimate_counts(options(populated, tmp_path / "b.gpkg"))
    assert counts["openobs"] == 40 and counts["gbif"] == 30 and counts["hubeau"] == 24
    assert isinstance(counts["sinp-hdf"], str) and "503" in counts["sinp-hdf"]


def test_source_names() -> None:
    assert source_names("openobs, sinp_hdf,gbif") == ("openobs", "sinp-hdf", "gbif")
    assert RefreshOptions(out=Path("x.gpkg"), urls={"sinp_hdf": "http://mirror"}).urls == {"sinp-hdf": "http://mirror"}
    with pytest.raises(Exception, match="unknown source"):
        source_names("inaturalist")


def cli(api, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "bivalves_hdf", "refresh", *args,
               "--rate", "1000", "--backoff", "0.01", "--timeout", "2", "--retries", "2"]
    for name, url in api.urls.items():
        command += [f"--{name}-url", url]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_cli_refresh_end_to_end(populated, tmp_path) -> None:
    out = tmp_path / "cli.gpkg"
    populated.fail("/openobs/occurrences/search", status(503))
    done = cli(populated, "--out", str(out), "--area", "region", "--since", "1990-01-01")
    assert done.returncode == 0, done.stderr
    for name in ("openobs:", "sinp-hdf:", "gbif:", "hubeau:", f"written: {out}"):
        assert name in done.stdout
    assert len(read_occurrences(out)) == 110
    counted = cli(populated, "--out", str(out), "--count-only", "--sources", "gbif")
    assert counted.returncode == 0 and "gbif: 30" in counted.stdout


def test_cli_refresh_exit_status_names_the_failure(populated, tmp_path) -> None:
    populated.fail("/hubeau/taxons", *[status(500)] * 20)
    done = cli(populated, "--out", str(tmp_path / "x.gpkg"), "--sources", "hubeau,sinp-hdf", "--area", "dept:80")
    assert done.returncode == 1
    assert "hubeau" in done.stderr and "HTTP 500" in done.stderr
    bad = cli(populated, "--out", str(tmp_path / "x.gpkg"), "--since", "2020-13-01")
    assert bad.returncode == 1 and "bad date" in bad.stderr
    nowhere = cli(populated, "--out", str(tmp_path / "missing" / "x.gpkg"))
    assert nowhere.returncode == 1 and "does not exist" in nowhere.stderr
    assert not (tmp_path / "missing").exists()


def test_an_answer_of_an_unexpected_shape_fails_the_source_not_the_refresh(populated, tmp_path, monkeypatch) -> None:
    from bivalves_hdf.core.sources.gbif import GbifSource

    def broken(self, query, progress=None):
        raise ValueError("invalid literal for int() with base 10: 'n/a'")

    monkeypatch.setattr(GbifSource, "fetch", broken)
    summary = run_refresh(options(populated, tmp_path / "b.gpkg", sources="gbif,sinp-hdf"))
    assert [r.status for r in summary.reports] == ["failed", "ok"]
    assert "unexpected answer" in summary.reports[0].error and summary.written

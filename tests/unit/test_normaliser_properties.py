"""Property-based tests: whatever the rows hold, the readers and the normaliser never crash
and never lose a row (read = kept + merged + rejected)."""

from __future__ import annotations

import csv
import io

import numpy as np
from fixtures_readers import make_stub_reference
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bivalves_hdf.core import schema
from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.normaliser import normalise
from bivalves_hdf.core.readers.base import ERROR, build_table, frame_from_records, read_file

REFERENCE = make_stub_reference()
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.floats(-10, 60).map(lambda v: f"{v:.5f}".replace(".", ",")),
    st.integers(-(10**20), 10**20).map(str),
)
dates = st.one_of(
    st.dates().map(str),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.integers(-(10**13), 10**13).map(str),
    st.sampled_from(["2019", "2019-02", "2019-05-01/2019-05-03", "31/02/2020", "2999-01-01", "1500-01-01"]),
)
taxa = st.one_of(
    st.sampled_from(["64443", "531162", "64656", "196312", "999", "Unio crassus", "Pisidium casertanum", "Gammarus"]),
    st.text(max_size=12),
)
labels = ["Présent", "No", "ABSENT", "Trouvé mort", "3", "Probable", "NON_EVALUE"]
codes = st.one_of(st.sampled_from(labels), st.text(max_size=8))
geometries = st.one_of(
    st.sampled_from([
        "POINT(2.3 50.1)", "POINT(649360 6977491)", "POLYGON((1.8 50.3,1.9 50.3,1.9 50.4,1.8 50.3))",
        '{"type": "Point", "coordinates": [2.3, 50.1]}', "POINT EMPTY", "LINESTRING(2 50, 3 51)", "garbage",
    ]),
    st.text(max_size=20),
)  # fmt: skip
VALUES = {
    "cdNom": taxa, "cdRef": taxa, "nomCite": taxa, "nomValide": taxa, "dateDebut": dates, "dateFin": dates,
    "latitude": numbers, "longitude": numbers, "x": numbers, "y": numbers,
    "crs_epsg": st.sampled_from(["2154", "4326", "9"]), "wkt": geometries, "geojson": geometries,
    "codeMaille": st.sampled_from(["E064N697", "10kmL93E070N705|E069N705", "x"]),
    "statutObservation": codes, "occEtatBiologique": codes, "nivValidation": codes, "precisionGeometrie": numbers,
    "denombrementMin": numbers, "codeCommune": st.sampled_from(["80021", "59350|59017", "2A004", "x"]),
    "idSINPOccTax": st.sampled_from(["a", "A", "b", "7c1f2a3b-0d4e-4f5a-8b6c-9d0e1f2a3b4c"]),
    "occurrenceID": st.sampled_from(["a", "7C1F2A3B-0D4E-4F5A-8B6C-9D0E1F2A3B4C"]),
    "classe": st.sampled_from(["Bivalvia", "Insecta"]), "commentaire": st.sampled_from(["coquilles vides", "RAS"]),
    "year": numbers, "month": numbers,
}  # fmt: skip
records = st.lists(
    st.fixed_dictionaries({}, optional={key: st.one_of(st.none(), value) for key, value in VALUES.items()}),
    max_size=12,
)


@SETTINGS
@given(st.lists(st.tuples(records, st.sampled_from(["openobs", "gbif", "sinp_dee"])), min_size=1, max_size=3))
def test_normaliser_never_crashes_nor_loses_a_row(batches):
    tables = [
        build_table(frame_from_records(rows), source, f"t{number}", "test")
        for number, (rows, source) in enumerate(batches)
    ]
    batch = normalise(tables, REFERENCE)
    for counts, table in zip(batch.counts, tables):
        assert counts.read == len(table) == counts.kept + counts.merged + counts.rejected
    assert sum(c.kept for c in batch.counts) == len(batch.occurrences)
    assert sum(c.rejected for c in batch.counts) == len(batch.rejects)
    assert set(batch.rejects["motif"]) <= set(schema.REJECT_REASONS)
    assert batch.rejects["donneeBrute"].notna().all()
    occurrences = batch.occurrences
    assert occurrences["cdRef"].notna().all()
    assert np.isfinite(occurrences["x"].astype(float)).all() and np.isfinite(occurrences["y"].astype(float)).all()
    assert occurrences["nivValidation"].between(0, 6).all()
    assert occurrences["statutObservation"].isin(list(schema.STATUT_OBSERVATION)).all()
    assert occurrences["classePrecision"].isin(list(schema.CLASSE_PRECISION)).all()
    assert set(batch.zones["zoneId"]) == set(occurrences["zoneId"].dropna())


HEADER = ["idSINPOccTax", "cdNom", "cdRef", "nomScientifiqueRef", "codeInseeCommune", "codeMaille10Km",
          "precisionLocalisation", "latitude", "longitude", "dateObservation"]  # fmt: skip
cells = st.one_of(st.text(max_size=10), numbers, dates, taxa)
rows = st.lists(st.lists(cells, min_size=1, max_size=len(HEADER) + 3), max_size=10)


@SETTINGS
@given(
    rows=rows,
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_csv_reader_reads_every_record(tmp_path_factory, rows, delimiter, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(row)
    path = tmp_path_factory.mktemp("prop") / "export.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    try:
        tables = read_file(path)
    except BivalvesError:
        return  # a clear refusal is allowed; a crash or a silent loss is not
    (table,) = tables
    assert len(table) == len(rows)
    overlong = [any(cell != "" for cell in row[len(HEADER):]) for row in rows]  # empty trailing fields are fine
    assert table.frame[ERROR].notna().tolist() == overlong
    batch = normalise(tables, REFERENCE)
    (counts,) = batch.counts
    assert counts.read == counts.kept + counts.merged + counts.rejected == len(rows)

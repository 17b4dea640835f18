"""OpenObs (MNHN) occurrence records through its biocache-service search (data-sources.md §1.4).

`GET {base}/occurrences/search?q=…&fq=…&startIndex=K&pageSize=300` answers `totalRecords` and
`occurrences[]`. The service is known to miss or repeat records between pages ("obligé de faire
tourner plusieurs fois"), so records are de-duplicated on `uuid` and the whole query is paged
again (bypassing the page cache) until the distinct count reaches `totalRecords`, at most
`passes` times; a shortfall after that fails the source rather than import a silent gap.

Query fields are partly verified: `taxonConceptID` (TAXREF code), `wkt` (ALA standard, not
confirmed on OpenObs), `occurrence_date` and `last_load_date` ranges (ALA names, unverified).
"""

from __future__ import annotations

from ..http import HttpError, Request
from ..readers.openobs_json import table_from_records
from .base import Progress, Query, RecordSpool, Source, SourceResult, batched

PAGE_SIZE = 300
TAXA_PER_QUERY = 40


class OpenObsSource(Source):
    name = "openobs"
    raw_source = "openobs"
    default_url = "https://openobs.mnhn.fr/biocache-service"

    def __init__(self, client, base_url=None, page_size: int = PAGE_SIZE, passes: int = 3) -> None:
        super().__init__(client, base_url)
        self.page_size = page_size
        self.passes = passes

    @property
    def search_url(self) -> str:
        return f"{self.base_url}/occurrences/search"

    def queries(self, query: Query) -> list[dict]:
        """One parameter set per batch of taxa (the `q` of biocache is a Solr query)."""
        filters = []
        if query.since or query.until:
            start = f"{query.since:%Y-%m-%d}T00:00:00Z" if query.since else "*"
            end = f"{query.until:%Y-%m-%d}T23:59:59Z" if query.until else "*"
            filters.append(f"occurrence_date:[{start} TO {end}]")
        if query.modified_since:
            filters.append(f"last_load_date:[{query.modified_since:%Y-%m-%dT%H:%M:%SZ} TO *]")
        batches = list(batched(sorted(query.cd_refs), TAXA_PER_QUERY)) or [[]]
        out = []
        for batch in batches:
            q = "taxonConceptID:(" + " OR ".join(str(c) for c in batch) + ")" if batch else "*:*"
            out.append({"q": q, "fq": list(filters), "wkt": query.area.wkt_wgs84()})
        return out

    def _page(self, params: dict, start: int, size: int, cache: bool) -> Request:
        return Request(self.search_url, {**params, "startIndex": start, "pageSize": size}, cache=cache)

    def count(self, query: Query) -> int:
        total = 0
        for params in self.queries(query):
            page = self.client.get_json(self.search_url, {**params, "startIndex": 0, "pageSize": 0}, cache=False)
            total += _total(page.data, page.url)
        return total

    def fetch(self, query: Query, progress: Progress | None = None) -> SourceResult:
        spool = RecordSpool(_uuid)
        result = SourceResult(origin=f"{self.search_url} ({query.describe()})", spool=spool,
                              to_table=table_from_records)
        try:
            for params in self.queries(query):
                before = spool.count
                expected = 0
                for attempt in range(self.passes):
                    expected = self._pass(params, result, progress, cache=attempt == 0)
                    if spool.count - before >= expected:
                        break
                    result.warnings.append(
                        f"OpenObs gave {spool.count - before} distinct records of {expected} announced "
                        f"(pass {attempt + 1}): paging again"
                    )
                if spool.count - before < expected:
                    raise HttpError(
                        f"OpenObs kept giving {spool.count - before} distinct records of {expected} announced "
                        f"after {self.passes} passes; nothing was imported from OpenObs"
                    )
                result.expected += expected
        except BaseException:
            result.close()
            raise
        return result

    def _pass(self, params: dict, result: SourceResult, progress: Progress | None, cache: bool) -> int:
        spool = result.spool
        first = self.client.get_json(**_kw(self._page(params, 0, self.page_size, cache)))
        expected = _total(first.data, first.url)
        spool.add(_records(first.data, first.url))
        starts = range(self.page_size, expected, self.page_size)
        requests = [self._page(params, start, self.page_size, cache) for start in starts]
        if progress:
            progress(spool.count, result.expected + expected)
        for page in self.client.map_json(requests):
            spool.add(_records(page.data, page.url))
            if progress:
                progress(spool.count, result.expected + expected)
        return expected


def _kw(request: Request) -> dict:
    return {"url": request.url, "params": request.params, "cache": request.cache}


def _uuid(record: dict) -> str:
    return str(record.get("uuid") or "")


def _total(data, url: str) -> int:
    if not isinstance(data, dict) or not isinstance(data.get("totalRecords"), int):
        raise HttpError(f"{url}: no totalRecords in the OpenObs answer")
    return data["totalRecords"]


def _records(data, url: str) -> list[dict]:
    records = data.get("occurrences") if isinstance(data, dict) else None
    if not isinstance(records, list):
        raise HttpError(f"{url}: no occurrences list in the OpenObs answer")
    return [r for r in records if isinstance(r, dict)]

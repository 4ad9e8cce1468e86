"""Report files -> records, with every input accounted for (extracted, empty or rejected)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

import polars as pl

from research.documents import Document, Rejection, read_documents
from research.extract import extract
from research.records import Record, records_to_frame

INVENTORY_SCHEMA = {
    "doc": pl.String,
    "source": pl.String,
    "line": pl.Int64,
    "status": pl.String,  # with_figures | without_figures | rejected
    "records": pl.Int64,
    "reason": pl.String,
}


def extract_documents(
    paths: Iterable[Path], jobs: int = 1
) -> Iterator[tuple[Document | Rejection, list[Record]]]:
    """Yield each input document (or its rejection) with the records extracted from it, in
    input order.

    Streaming: a large JSONL corpus is read and extracted one document at a time, or with
    `jobs` > 1 one batch at a time over that many worker processes (extraction is pure
    Python: threads would share one core). A document the extractor fails on (a bug, never
    expected) is rejected with the error, so one bad text cannot stop a corpus and every
    document is still accounted for.
    """
    items = read_documents(paths)
    if jobs <= 1:
        yield from map(_extract_one, items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # Batches bound memory: Executor.map would submit the whole corpus at once.
        while batch := list(islice(items, _BATCH_PER_JOB * jobs)):
            yield from pool.map(_extract_one, batch, chunksize=_CHUNK)


_BATCH_PER_JOB = 512  # documents in flight per worker
_CHUNK = 64  # documents sent to a worker at a time: fewer, larger messages


def _extract_one(item: Document | Rejection) -> tuple[Document | Rejection, list[Record]]:
    """One document's records (its rejection passes through)."""
    if isinstance(item, Rejection):
        return item, []
    try:
        records = extract(item.text, item.published, doc=item.id)
    except Exception as err:  # any failure is reported, never raised
        reason = f"extraction failed ({type(err).__name__}: {err}); please report this text"
        return Rejection(item.source, item.line, item.id, reason), []
    for record in records:
        record["url"] = item.url
        record["outlet"] = item.outlet
        record["published"] = item.published.isoformat() if item.published else None
    return item, records


def extract_to_frames(paths: Iterable[Path]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (records, inventory) frames for report files; for notebooks and small corpora."""
    records: list[Record] = []
    inventory: list[dict] = []
    for item, found in extract_documents(paths):
        if isinstance(item, Rejection):
            inventory.append(
                {
                    "doc": item.doc_id,
                    "source": item.source,
                    "line": item.line,
                    "status": "rejected",
                    "records": 0,
                    "reason": item.reason,
                }
            )
            continue
        records.extend(found)
        inventory.append(
            {
                "doc": item.id,
                "source": item.source,
                "line": item.line,
                "status": "with_figures" if found else "without_figures",
                "records": len(found),
                "reason": None,
            }
        )
    frame = records_to_frame(records)
    if records:
        frame = frame.with_columns(
            pl.Series("url", [r["url"] for r in records], pl.String),
            pl.Series("outlet", [r["outlet"] for r in records], pl.String),
            pl.Series("published", [r["published"] for r in records], pl.String),
        )
    return frame, pl.DataFrame(inventory, schema=INVENTORY_SCHEMA)

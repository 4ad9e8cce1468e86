"""Report files -> records, with every input accounted for (extracted, empty or rejected)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    paths: Iterable[Path],
) -> Iterator[tuple[Document | Rejection, list[Record]]]:
    """Yield each input document (or its rejection) with the records extracted from it.

    Streaming: a large JSONL corpus is read and extracted one document at a time. A
    document the extractor fails on (a bug, never expected) is rejected with the error, so
    one bad text cannot stop a corpus and every document is still accounted for.
    """
    for item in read_documents(paths):
        if isinstance(item, Rejection):
            yield item, []
            continue
        try:
            records = extract(item.text, item.published, doc=item.id)
        except Exception as err:  # any failure is reported, never raised
            reason = f"extraction failed ({type(err).__name__}: {err}); please report this text"
            yield Rejection(item.source, item.line, item.id, reason), []
            continue
        for record in records:
            record["url"] = item.url
            record["outlet"] = item.outlet
            record["published"] = item.published.isoformat() if item.published else None
        yield item, records


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

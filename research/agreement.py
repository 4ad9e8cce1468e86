"""How far `research extract` agrees with the curated statements, report by report.

The statements in data/raw/ were read by hand from public reports, each tied to the reports
that state it. Given the texts of those reports (article text is not committed: a user
fetches the pages at the URLs of reports.csv), this compares what the extractor reads from
each text with what the curators took from it: a measure of the extractor on real
reporting, where the tests can only hold texts written for them.

A curated statement may merge several reports of one figure set, so a field one report
leaves out shows as missed there: read `missed` as an upper bound of the extractor's misses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from research.corpus import extract_documents
from research.dataset import load_raw
from research.documents import Rejection
from research.paths import RAW
from research.records import CASUALTY_COUNTS, Record

__all__ = [
    "FIELDS",
    "ROW_SCHEMA",
    "Agreement",
    "compare_documents",
    "compare_report",
    "normalise_url",
    "statements_by_report",
    "summarise_agreement",
]

# Record key -> curated column, for each kind of record; the period keys come first.
FIELDS: dict[str, dict[str, str]] = {
    "clearance": {
        "period_start": "period_start",
        "period_end": "period_end",
        "anti_personnel": "anti_personnel",
        "anti_tank": "anti_tank",
        "uxo": "uxo",
        "mines_total": "mines_total_stated",
        "items_total": "items_total_stated",
        "area_ha": "area_ha",
    },
    "casualties": {key: key for key in ("period_start", "period_end", *CASUALTY_COUNTS)},
    "maps": {
        "date": "date",
        "maps": "maps",
        "mines_covered": "mines_covered",
        "accuracy_pct": "accuracy_pct",
    },
}
_PERIOD_KEYS = ("period_start", "period_end", "date")
AREA_TOLERANCE_HA = 0.05  # curated areas converted from m² or km² may round differently

ROW_SCHEMA = {
    "report_id": pl.String,
    "statement_id": pl.String,
    "version": pl.String,
    "kind": pl.String,
    "field": pl.String,
    "curated": pl.String,
    "extracted": pl.String,
    "outcome": pl.String,  # agree | differ | missed
}


def normalise_url(url: str) -> str:
    """The address without scheme, "www." or trailing slash: outlets serve both forms."""
    url = url.strip().lower().split("#", 1)[0]
    url = url.split("://", 1)[-1]
    url = url.removeprefix("www.")
    return url.rstrip("/")


def statements_by_report(tables: Mapping[str, pl.DataFrame]) -> dict[str, list[dict[str, Any]]]:
    """Curated statements (as dicts with their `kind`) keyed by each report id they cite."""
    out: dict[str, list[dict[str, Any]]] = {}
    for kind in FIELDS:
        for row in tables[kind].iter_rows(named=True):
            for report_id in (row["report_ids"] or "").split(";"):
                if report_id:
                    out.setdefault(report_id, []).append({**row, "kind": kind})
    return out


def _same(key: str, curated: Any, extracted: Any) -> bool:
    if isinstance(curated, date):
        curated = curated.isoformat()
    if key == "area_ha" and curated is not None and extracted is not None:
        return abs(float(curated) - float(extracted)) <= AREA_TOLERANCE_HA
    if isinstance(curated, float) and isinstance(extracted, (int, float)):
        return abs(curated - extracted) < 1e-9
    return curated == extracted


def _shared_figures(statement: dict[str, Any], record: Record) -> tuple[int, int]:
    """(figures the two state alike, period keys alike): how well they pair."""
    figures = periods = 0
    for key, column in FIELDS[statement["kind"]].items():
        value = statement[column]
        if value is not None and _same(key, value, record.get(key)):
            if key in _PERIOD_KEYS:
                periods += 1
            else:
                figures += 1
    return figures, periods


def compare_report(
    report_id: str, records: Iterable[Record], statements: Iterable[dict[str, Any]]
) -> tuple[list[dict[str, Any]], int]:
    """Field-by-field outcome of each curated statement of one report against the record
    read from its text that states most of the same figures (then the same period).

    Returns (rows of ROW_SCHEMA, records paired with no statement). A statement with no
    record sharing a figure or its whole period has every field `missed`.
    """
    records = list(records)
    paired: set[int] = set()
    rows: list[dict[str, Any]] = []
    for statement in sorted(statements, key=lambda s: (s["kind"], s["statement_id"], s["version"])):
        kind = statement["kind"]
        best, best_score = None, (0, 0)
        # without a figure in common, a record pairs by stating the same period
        dated = (
            sum(statement[FIELDS[kind][k]] is not None for k in _PERIOD_KEYS if k in FIELDS[kind])
            or -1
        )
        for index, record in enumerate(records):
            if record["kind"] != kind:
                continue
            score = _shared_figures(statement, record)
            if (score[0] or score[1] == dated) and score > best_score:
                best, best_score = index, score
        if best is not None:
            paired.add(best)
        record = records[best] if best is not None else {}
        for key, column in FIELDS[kind].items():
            curated = statement[column]
            if curated is None:
                continue
            extracted = record.get(key)
            outcome = (
                "missed"
                if extracted is None
                else "agree"
                if _same(key, curated, extracted)
                else "differ"
            )
            rows.append(
                {
                    "report_id": report_id,
                    "statement_id": statement["statement_id"],
                    "version": statement["version"],
                    "kind": kind,
                    "field": key,
                    "curated": _text(curated),
                    "extracted": _text(extracted),
                    "outcome": outcome,
                }
            )
    return rows, len(records) - len(paired)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def summarise_agreement(rows: pl.DataFrame) -> pl.DataFrame:
    """Per kind and field: curated values compared, how many agree, differ or were missed,
    and the share that agree (of all, and of those the extractor gave)."""
    counts = (
        rows.group_by("kind", "field")
        .agg(
            pl.len().alias("curated"),
            (pl.col("outcome") == "agree").sum().alias("agree"),
            (pl.col("outcome") == "differ").sum().alias("differ"),
            (pl.col("outcome") == "missed").sum().alias("missed"),
        )
        .with_columns(
            (100 * pl.col("agree") / pl.col("curated")).round(1).alias("agree_pct"),
            pl.when(pl.col("agree") + pl.col("differ") > 0)
            .then(100 * pl.col("agree") / (pl.col("agree") + pl.col("differ")))
            .round(1)
            .alias("agree_when_given_pct"),
        )
    )
    names = [f"{kind}:{key}" for kind, keys in FIELDS.items() for key in keys]
    order = {name: i for i, name in enumerate(names)}
    return counts.sort(
        pl.concat_str("kind", pl.lit(":"), "field").replace_strict(order, return_dtype=pl.Int64)
    )


@dataclass
class Agreement:
    """What `compare_documents` found: one row per curated field, and every document
    accounted for."""

    rows: pl.DataFrame
    paired: list[str] = field(default_factory=list)  # report ids compared
    not_curated: list[str] = field(default_factory=list)  # documents of no curated report
    rejected: list[str] = field(default_factory=list)  # "source: reason"
    undated: list[str] = field(default_factory=list)  # compared without a publication date
    unpaired_records: int = 0  # records read from paired reports that no statement matches


def compare_documents(paths: Iterable[Path], raw: Path = RAW) -> Agreement:
    """Extract every report file under `paths` and compare it with the curated statements
    of its report: the document id is a report id of reports.csv, or its `url` is that
    report's."""
    tables = {name: load_raw(name, raw) for name in (*FIELDS, "reports")}
    statements = statements_by_report(tables)
    by_url = {
        normalise_url(url): report_id
        for report_id, url in tables["reports"].select("report_id", "url").iter_rows()
        if url
    }
    result = Agreement(rows=pl.DataFrame(schema=ROW_SCHEMA))
    rows: list[dict[str, Any]] = []
    for item, records in extract_documents(paths):
        if isinstance(item, Rejection):
            result.rejected.append(f"{item.source}: {item.reason}")
            continue
        report_id = item.id if item.id in statements else by_url.get(normalise_url(item.url or ""))
        if report_id is None or report_id not in statements:
            result.not_curated.append(item.id)
            continue
        if item.published is None:
            result.undated.append(report_id)
        found, unpaired = compare_report(report_id, records, statements[report_id])
        rows += found
        result.paired.append(report_id)
        result.unpaired_records += unpaired
    if rows:
        result.rows = pl.DataFrame(rows, schema=ROW_SCHEMA).sort(
            "report_id", "kind", "statement_id", "version", maintain_order=True
        )
    return result

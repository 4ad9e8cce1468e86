"""The record contract: what `extract` returns and `research extract` writes.

The JSON Lines keys are a contract other tools rely on; the CSV form flattens the same
records into one fixed column order shared by every kind.
"""

from __future__ import annotations

from typing import Any

import polars as pl

Record = dict[str, Any]

KINDS = ("clearance", "casualties", "maps")

COMMON_FIELDS = ("doc", "kind", "evidence", "flags", "qualifiers")

# The counts of a casualty record, also the columns of the victims series.
CASUALTY_COUNTS = (
    "killed",
    "injured",
    "civilian_killed",
    "civilian_injured",
    "military_killed",
    "military_injured",
    "total_victims",
)

KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "clearance": (
        "period_start",
        "period_end",
        "period_precision",
        "cumulative_since",
        "anti_personnel",
        "anti_tank",
        "uxo",
        "mines_total",
        "items_total",
        "area_ha",
        "area_as_stated",
        "area_unit",
        "districts",
        "district_codes",
        "districts_as_written",
        "operators",
    ),
    "casualties": (
        "period_start",
        "period_end",
        "period_precision",
        "cumulative_since",
        *CASUALTY_COUNTS,
    ),
    "maps": (
        "date",
        "date_precision",
        "maps",
        "mines_covered",
        "districts",
        "district_codes",
        "districts_as_written",
        "accuracy_pct",
        "blasts_outside_maps_pct",
    ),
}

# One column order for CSV output of mixed kinds: common fields first, then every kind's
# fields in first-seen order, evidence split into text and offsets.
CSV_COLUMNS: tuple[str, ...] = (
    "doc",
    "kind",
    *dict.fromkeys(f for kind in KINDS for f in KIND_FIELDS[kind]),
    "flags",
    "qualifiers",
    "evidence_text",
    "evidence_start",
    "evidence_end",
)


def new_record(kind: str, doc: str | None = None) -> Record:
    """Return an empty record of `kind` with every contract key present (values null)."""
    if kind not in KIND_FIELDS:
        raise ValueError(f"unknown record kind {kind!r}; expected one of {KINDS}")
    record: Record = {"doc": doc, "kind": kind}
    record.update(dict.fromkeys(KIND_FIELDS[kind]))
    record.update(evidence={"text": "", "start": 0, "end": 0}, flags=[], qualifiers={})
    return record


def flatten_record(record: Record) -> dict[str, Any]:
    """Flatten a record to CSV_COLUMNS: lists joined with ';', qualifiers as 'field=q;...'."""
    row: dict[str, Any] = dict.fromkeys(CSV_COLUMNS)
    for key, value in record.items():
        if key == "evidence":
            row["evidence_text"] = value["text"]
            row["evidence_start"] = value["start"]
            row["evidence_end"] = value["end"]
        elif key == "qualifiers":
            row[key] = ";".join(f"{k}={v}" for k, v in sorted(value.items()))
        elif isinstance(value, list | tuple):
            row[key] = ";".join(str(v) for v in value)
        elif key in row:
            row[key] = value
    return row


def records_to_frame(records: list[Record]) -> pl.DataFrame:
    """Return records as a polars frame in CSV_COLUMNS order (all kinds in one table)."""
    rows = [flatten_record(r) for r in records]
    schema = {c: pl.String for c in CSV_COLUMNS}
    schema.update(dict.fromkeys(_INT_COLUMNS, pl.Int64))
    schema.update(dict.fromkeys(_FLOAT_COLUMNS, pl.Float64))
    schema.update(evidence_start=pl.Int64, evidence_end=pl.Int64)
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


_INT_COLUMNS = (
    "anti_personnel",
    "anti_tank",
    "uxo",
    "mines_total",
    "items_total",
    *CASUALTY_COUNTS,
    "maps",
    "mines_covered",
)
_FLOAT_COLUMNS = ("area_ha", "accuracy_pct", "blasts_outside_maps_pct")

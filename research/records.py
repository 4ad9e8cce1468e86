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
        "district_level",
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

# Every flag a record can carry, with its meaning. "<field>" stands for a figure's field
# name (anti_personnel, area_ha, killed, ...). Flags never fail a record: the figure a flag
# concerns is null where the text does not settle it, and the flag says why.
FLAGS: dict[str, str] = {
    "<field>_repeated": "the sentence names this item type twice for one period (a garbled "
    "list); the field is null",
    "<field>_conflict": "two figures for this field in one statement disagree; the field is null",
    "<field>_stated_inconsistently": 'a bound ("more than 18") far below the exact figure '
    "(18,302: under half of it); the exact figure is kept",
    "<field>_range": 'a range ("20-25 mines") where one figure is expected; the field is null',
    "<field>_parts_exceed_total": "civilian and military counts add up to more than the total",
    "malformed_number": 'a number that cannot be read ("5,264,14"); the field is null',
    "ambiguous_number": 'a number readable two ways ("8.086"); the reading the unit '
    "implies is kept",
    "fractional_count": "a count with decimals; the field is null",
    "mines_total_mismatch": "anti-personnel + anti-tank differ from the mines total or its bound",
    "items_total_mismatch": "mines + UXO differ from the stated items total or its bound",
    "items_total_called_mines": 'a total the text calls "mines" is the sum of the mines and '
    "the UXO, so it is the items total",
    "total_victims_mismatch": "killed + injured differ from the stated victims total",
    "area_implausible_for_week": "a week's area above 10,000 ha (domain.md section 6)",
    "breakdown_not_extracted": 'part of a figure for one district or group ("including '
    '450.2 ha in Aghdam") was left out of the statement',
    "comparison_not_extracted": 'a figure given for comparison ("compared with 24,600 ha in '
    'the same period last year") was left out of the statement',
    "respectively_not_extracted": 'a list of figures said to be "respectively" that '
    "pairs with no list of item types, roles or periods of its length was left out",
    "table_total_mismatch": 'a table\'s "Total" row is not the sum of the rows it totals',
    "area_unit_missing": "a table's area column names no unit (ha, km², m²); the area is left out",
    "corrected": 'a correction notice in the text replaced a figure ("the correct figure is '
    '1,189 hectares")',
    "died_of_wounds": "some of the injured later died; the victims total is the injured",
    "conflicting_tallies": "two running victim totals in one text cover the same days but differ",
    "period_missing": "no period was found for the figures",
    "date_missing": "no date was found for the map handover or claim",
    "period_inferred": 'the period comes from a relative phrase ("past week") and the '
    "publication date",
    "year_inferred": "a date written without a year took the year from the publication date",
    "year_inferred_from_text": "with no publication date, the year came from a date in the text",
    "year_unknown": "a date without a year, and nothing to infer it from",
    "period_unknown": 'a period named but not dated: "the same period last year" compared '
    "with a day, a running total over years, or no period at all",
    "year_to_date": 'a running total from 1 January ("this year")',
    "period_start_unstated": 'a running total "to date" or "so far" whose start the text does '
    "not give: period_start is null, and the build leaves it out of the series",
    "as_of": 'a cut-off date ("as of 31 July")',
    "date_impossible": 'a date that does not exist ("30 February")',
    "period_reversed": "a period that ends before it starts",
    "week_length_unusual": "a period called a week that is not six or seven days long",
}


def flag_is_documented(flag: str) -> bool:
    """True when `flag` is one of FLAGS, or matches a "<field>_..." pattern of it."""
    if flag in FLAGS:
        return True
    return any(
        code.startswith("<field>") and flag.endswith(code.removeprefix("<field>")) for code in FLAGS
    )


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

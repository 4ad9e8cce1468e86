"""data/raw -> data/processed: the tables researchers analyse, described and pinned.

`build()` reads the curated tables and the report files a user added under
data/raw/reports, turns them into statements, series, reconciliation, coverage and anomaly
tables (`research.reconcile`, lazily, one collect), and writes each as Parquet and CSV with
a Frictionless descriptor, HXL hashtags and a checksum manifest. Two builds from the same
inputs give byte-identical files. Bad or contradictory input never stops the build: it
lands in `anomalies` with its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from research import reconcile as rc
from research.datapackage import manifest, write_json
from research.dataset import fill_text, load_raw, validate_raw
from research.gazetteer import load_districts
from research.paths import PROCESSED, RAW
from research.schema import TABLES

TABLE_NAMES = (
    "statements", "weekly", "monthly", "quarterly", "annual", "reconciliation", "coverage",
    "anomalies", "victims", "districts",
)  # fmt: skip

KEYS: dict[str, tuple[str, ...]] = {
    "statements": ("statement_id", "version"),
    "weekly": ("week_start",),
    "monthly": ("month_start",),
    "quarterly": ("quarter_start",),
    "annual": ("year",),
    "reconciliation": ("level", "period_start", "statement_id", "version", "field"),
    "coverage": ("year",),
    "anomalies": ("source", "table", "statement_id", "version", "check", "field", "value"),
    "victims": ("publisher", "scope", "region", "as_of", "statement_id", "version"),
    "districts": ("district_code", "period_start", "statement_id", "version"),
}

DESCRIPTIONS = {
    "statements": "Clearance statements, one row per version, curated and extracted.",
    "weekly": "Monday-anchored weeks: stated figures, labelled month remainders, gaps.",
    "monthly": "Calendar months: stated, sum of the weeks, partial, or gap.",
    "quarterly": "Quarters: stated, sum of three complete months, partial, or gap.",
    "annual": "Years: stated totals (final preferred), sums of months, partial, or gap.",
    "reconciliation": "Stated months, years and snapshots against the finer figures inside.",
    "coverage": "Per year: weeks with figures, filled by a month remainder, missing.",
    "anomalies": "Every flag raised anywhere, with its evidence.",
    "victims": "Cumulative victim tallies per publisher and scope; falls marked.",
    "districts": "Per-district clearance statements keyed by ISO 3166-2:AZ code.",
}

# Humanitarian Exchange Language hashtags, for tools that read HXL (hxlstandard.org).
HXL = {
    "week_start": "#date+start", "week_end": "#date+end", "month_start": "#date+start",
    "month_end": "#date+end", "quarter_start": "#date+start", "quarter_end": "#date+end",
    "period_start": "#date+start", "period_end": "#date+end", "as_of": "#date+reported",
    "year": "#date+year", "anti_personnel": "#indicator+num+mines+ap",
    "anti_tank": "#indicator+num+mines+at", "uxo": "#indicator+num+uxo",
    "area_ha": "#indicator+num+area+cleared+ha", "district_code": "#adm2+code",
    "district": "#adm2+name", "district_codes": "#adm2+code+list", "killed": "#affected+killed",
    "injured": "#affected+injured", "civilian_killed": "#affected+killed+civilians",
    "civilian_injured": "#affected+injured+civilians",
    "military_killed": "#affected+killed+military",
    "military_injured": "#affected+injured+military", "total_victims": "#affected+total",
    "publisher": "#org+publisher", "scope": "#meta+scope", "source": "#meta+source",
    "statement_id": "#meta+id", "report_ids": "#meta+source+id", "flags": "#meta+flags",
    "verdict": "#meta+verdict", "coverage_pct": "#indicator+pct+coverage",
}  # fmt: skip


@dataclass
class BuildResult:
    """What a build wrote and what it counted."""

    files: list[Path]
    rows: dict[str, int]


def _typed_raw(raw: Path) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """The curated tables with rows that break the schema set aside as anomalies."""
    validation = validate_raw(raw)
    whole_file = [p for p in validation.errors if p.line in (None, 1)]
    if whole_file:
        raise ValueError("cannot build: " + "; ".join(str(p) for p in whole_file))
    bad_lines: dict[str, set[int]] = {}
    for problem in validation.errors:
        bad_lines.setdefault(problem.table, set()).add(problem.line or 0)
    tables = {}
    for name in TABLES:
        frame = load_raw(name, raw).with_row_index("line", offset=2)
        tables[name] = frame.filter(~pl.col("line").is_in(sorted(bad_lines.get(name, ())))).drop(
            "line"
        )
    errors = pl.DataFrame(
        [
            {
                "source": "validation",
                "table": p.table,
                "statement_id": None,
                "version": None,
                "check": "structure_error",
                "field": p.field,
                "value": str(p.line),
                "message": f"row left out of the build: {p}",
            }
            for p in validation.errors
        ],
        schema={c: pl.String for c in rc.ANOMALY_COLUMNS},
    )
    flags = (
        validation.anomalies.select(
            pl.lit("validation").alias("source"), *[c for c in rc.ANOMALY_COLUMNS if c != "source"]
        )
        if validation.ok
        else pl.DataFrame(schema={c: pl.String for c in rc.ANOMALY_COLUMNS})
    )
    return tables, pl.concat([errors, flags])


def curated_statements(clearance: pl.DataFrame) -> pl.LazyFrame:
    """The curated clearance table in the statements layout."""
    return clearance.lazy().select(
        "statement_id",
        "version",
        pl.lit("curated").alias("origin"),
        "report_ids",
        "period_start",
        "period_end",
        "period_precision",
        "cumulative_since",
        "scope",
        "anti_personnel",
        "anti_tank",
        "uxo",
        "items_total_stated",
        "area_ha",
        "district_codes",
        "district_level",
        "status",
        "flags",
    )


def _close(a: float | None, b: float | None, relative: float = rc.RELATIVE_TOLERANCE) -> bool:
    if a is None or b is None:
        return True
    return abs(a - b) <= max(rc.AREA_TOLERANCE_HA if relative else 0, abs(a) * relative)


def cluster_extracted(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Machine-extracted clearance records -> statements: one per period and figures.

    Records for the same period whose figures agree (areas within rounding) are one
    statement carried by several documents; differing figures become versions.
    """
    by_period: dict[tuple, list[dict[str, Any]]] = {}
    for r in records:
        if r["kind"] != "clearance" or not r.get("period_start"):
            continue
        # a district's own figures (a table's row) are a statement of that district
        level = r.get("district_level") or "whole_territory"
        code = ";".join(r["district_codes"]) if level == "per_district" else ""
        by_period.setdefault((r["period_start"], r["period_end"], level, code), []).append(r)
    statements = []
    for (start, end, level, code), group in sorted(by_period.items()):
        versions: list[dict[str, Any]] = []
        for r in sorted(group, key=lambda r: r["doc"] or ""):
            for v in versions:
                if all(
                    v[f] == r[f] or None in (v[f], r[f])
                    for f in ("anti_personnel", "anti_tank", "uxo")
                ) and _close(v["area_ha"], r["area_ha"]):
                    v["docs"].append(r["doc"])
                    break
            else:
                versions.append({**r, "docs": [r["doc"]]})
        for i, v in enumerate(versions):
            flags = sorted(
                set(v["flags"]) | ({"outlet_disagreement"} if len(versions) > 1 else set())
            )
            statements.append(
                {
                    "statement_id": f"ext-{start}-{end}" + (f"-{code}" if code else ""),
                    "version": "abcdefghijklmnopqrstuvwxyz"[i],
                    "origin": "extracted",
                    "report_ids": ";".join(sorted(f"doc:{d}" for d in set(v["docs"]))),
                    "period_start": start,
                    "period_end": end,
                    "period_precision": v["period_precision"],
                    "cumulative_since": v["cumulative_since"],
                    "scope": "unspecified",
                    "anti_personnel": v["anti_personnel"],
                    "anti_tank": v["anti_tank"],
                    "uxo": v["uxo"],
                    "items_total_stated": v["items_total"],
                    "area_ha": v["area_ha"],
                    "district_codes": ";".join(v["district_codes"]) or None,
                    "district_level": level,
                    "status": "final",
                    "flags": ";".join(flags) or None,
                }
            )
    return statements


def _extract_reports(reports_dir: Path) -> tuple[pl.LazyFrame, pl.DataFrame]:
    """Statements and anomalies from the report files a user keeps in data/raw/reports."""
    from research.corpus import extract_documents
    from research.documents import Rejection

    records: list[dict[str, Any]] = []
    anomalies: list[dict[str, Any]] = []
    if reports_dir.is_dir():
        for item, found in extract_documents([reports_dir]):
            if isinstance(item, Rejection):
                anomalies.append(
                    {
                        "source": "extraction",
                        "table": "reports",
                        "statement_id": item.doc_id,
                        "version": None,
                        "check": "rejected_document",
                        "field": None,
                        "value": item.source,
                        "message": str(item),
                    }
                )
                continue
            records.extend(found)
    statements = cluster_extracted(records)
    for s in statements:
        for flag in (s["flags"] or "").split(";"):
            if flag:
                anomalies.append(
                    {
                        "source": "extraction",
                        "table": "statements",
                        "statement_id": s["statement_id"],
                        "version": s["version"],
                        "check": flag,
                        "field": None,
                        "value": s["report_ids"],
                        "message": f"flag raised while extracting {s['report_ids']}",
                    }
                )
    schema = {
        "statement_id": pl.String,
        "version": pl.String,
        "origin": pl.String,
        "report_ids": pl.String,
        "period_start": pl.Date,
        "period_end": pl.Date,
        "period_precision": pl.String,
        "cumulative_since": pl.Date,
        "scope": pl.String,
        "anti_personnel": pl.Int64,
        "anti_tank": pl.Int64,
        "uxo": pl.Int64,
        "items_total_stated": pl.Int64,
        "area_ha": pl.Float64,
        "district_codes": pl.String,
        "district_level": pl.String,
        "status": pl.String,
        "flags": pl.String,
    }
    rows = [
        {
            **s,
            "period_start": _iso(s["period_start"]),
            "period_end": _iso(s["period_end"]),
            "cumulative_since": _iso(s["cumulative_since"]),
        }
        for s in statements
    ]
    frame = pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
    return frame.lazy(), pl.DataFrame(anomalies, schema={c: pl.String for c in rc.ANOMALY_COLUMNS})


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def curated_flag_anomalies(tables: dict[str, pl.DataFrame]) -> pl.LazyFrame:
    """One anomaly row per flag a curator set in a raw table."""
    parts = []
    for name in ("clearance", "casualties", "maps"):
        frame = tables[name].lazy().filter(pl.col("flags").is_not_null())
        parts.append(
            frame.with_columns(check=pl.col("flags").str.split(";"))
            .explode("check")
            .select(
                pl.lit("curated").alias("source"),
                pl.lit(name).alias("table"),
                "statement_id",
                "version",
                "check",
                pl.lit(None, pl.String).alias("field"),
                pl.col("report_ids").alias("value"),
                pl.coalesce(pl.col("note"), pl.lit("flag set by the curator")).alias("message"),
            )
        )
    return pl.concat(parts)


def unaccounted(statements: pl.LazyFrame, chosen: pl.LazyFrame, used: pl.LazyFrame) -> pl.LazyFrame:
    """Statements in no series: other versions, and chosen ones no series takes, with why."""
    other_versions = statements.join(
        chosen.select("statement_id", pl.col("version").alias("chosen")), on="statement_id"
    ).filter(pl.col("version") != pl.col("chosen"))
    not_used = chosen.join(used, on="statement_id", how="anti")
    why = (
        pl.when(pl.col("district_level") == "per_district")
        .then(pl.lit("a per-district figure naming several or no districts"))
        .when(~pl.col("scope").is_in(list(rc.SERIES_SCOPES)))
        .then(
            fill_text(
                "figures for one operator ({}) are not added to whole-territory series", "scope"
            )
        )
        .otherwise(
            fill_text(
                "a {} period ({} to {}) that no series or check takes",
                "period_precision",
                "period_start",
                "period_end",
            )
        )
    )
    return pl.concat(
        [
            rc._anomaly(
                other_versions,
                "reconciliation",
                "statements",
                "other_version",
                fill_text(
                    "version {} is kept in statements; version {} entered the series",
                    "version",
                    "chosen",
                ),
            ),
            rc._anomaly(not_used, "reconciliation", "statements", "not_in_series", why),
        ]
    )


def _sorted(name: str, frame: pl.LazyFrame) -> pl.LazyFrame:
    """Sort by the key, then by every other column, so that row order never varies."""
    columns = frame.collect_schema().names()
    order = [*KEYS[name], *(c for c in columns if c not in KEYS[name])]
    return frame.sort(order, nulls_last=True, maintain_order=True)


def build_tables(raw: Path = RAW, reports_dir: Path | None = None) -> dict[str, pl.DataFrame]:
    """Compute every processed table from the raw folder (nothing written)."""
    tables, validation_anomalies = _typed_raw(raw)
    extracted, extraction_anomalies = _extract_reports(reports_dir or raw / "reports")
    statements = pl.concat(
        [curated_statements(tables["clearance"]), extracted], how="vertical_relaxed"
    )
    chosen = rc.choose_versions(statements)
    weekly_raw, week_anomalies = rc.weekly_series(chosen)
    remainders = rc.month_remainders(weekly_raw, chosen)
    weekly = rc.weekly_with_remainders(weekly_raw, remainders)
    monthly = rc.monthly_series(weekly_raw, chosen)
    quarterly = rc.quarterly_series(monthly, chosen)
    annual = rc.annual_series(monthly, chosen).cache()
    reconciliation = rc.reconcile(weekly_raw, monthly, chosen).cache()
    names = pl.LazyFrame(
        [{"district_code": d.code, "district": d.name} for d in load_districts()],
        schema={"district_code": pl.String, "district": pl.String},
    )
    districts = rc.district_rows(chosen, names).cache()
    victims = rc.victims_series(tables["casualties"].lazy())
    coverage = rc.coverage_table(weekly_raw, remainders, monthly, annual)
    used = (
        pl.concat(
            [
                weekly.select("statement_id"),
                monthly.select("statement_id"),
                annual.select("statement_id"),
                reconciliation.select("statement_id"),
                districts.select("statement_id"),
            ]
        )
        .drop_nulls()
        .unique()
    )
    reconciliation_flags = rc._anomaly(
        reconciliation.filter(pl.col("verdict") == "conflicts"),
        "reconciliation",
        "reconciliation",
        "reconciliation_conflict",
        fill_text(
            "{} {}: stated {} but the finer figures inside sum to {} ({}% coverage)",
            "level",
            "period_start",
            "stated",
            "sum_of_finer",
            "coverage_pct",
        ),
        pl.col("field"),
        pl.col("difference"),
    )
    remainder_flags = remainders.filter(pl.col("flags") != "").select(
        pl.lit("reconciliation").alias("source"),
        pl.lit("weekly").alias("table"),
        "statement_id",
        "version",
        pl.lit("month_remainder").alias("check"),
        pl.lit(None, pl.String).alias("field"),
        pl.col("flags").alias("value"),
        fill_text(
            "the remainder of the month from {} to {} is flagged: {}",
            "week_start",
            "week_end",
            "flags",
        ).alias("message"),
    )
    falls = rc._anomaly(
        victims.filter(pl.col("falls")),
        "reconciliation",
        "victims",
        "victims_fall",
        fill_text(
            "{} tally of {} on {} is below an earlier tally of the same series",
            "publisher",
            "total_victims",
            "as_of",
        ),
        "total_victims",
        pl.col("total_victims"),
    )
    anomalies = pl.concat(
        [
            curated_flag_anomalies(tables),
            validation_anomalies.lazy(),
            extraction_anomalies.lazy(),
            week_anomalies,
            remainder_flags,
            reconciliation_flags,
            falls,
            unaccounted(statements, chosen, used),
        ],
        how="vertical_relaxed",
    ).unique()
    frames = {
        "statements": statements,
        "weekly": weekly.select(
            "week_start",
            "week_end",
            "days",
            *rc.FIELDS,
            "source",
            "statement_id",
            "version",
            "scope",
            "is_six_day_week",
            "flags",
        ),
        "monthly": monthly,
        "quarterly": quarterly,
        "annual": annual,
        "reconciliation": reconciliation,
        "coverage": coverage,
        "anomalies": anomalies,
        "victims": victims,
        "districts": districts,
    }
    collected = pl.collect_all(
        [_sorted(name, frame) for name, frame in frames.items()], engine="in-memory"
    )
    return dict(zip(frames, collected, strict=True))


def _field_type(dtype: pl.DataType) -> str:
    if dtype == pl.Date:
        return "date"
    if dtype == pl.Boolean:
        return "boolean"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float():
        return "number"
    return "string"


def processed_datapackage(frames: dict[str, pl.DataFrame]) -> dict[str, Any]:
    """Frictionless descriptor of the CSV files of data/processed."""
    return {
        "name": "azerbaijan-mine-action-processed",
        "title": "Reconciled series of mine clearance in Azerbaijan's regained territories",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "description": DESCRIPTIONS[name],
                "schema": {
                    "fields": [
                        {"name": c, "type": _field_type(t)}
                        | ({"format": "%Y-%m-%d"} if t == pl.Date else {})
                        | (
                            {"trueValues": ["true"], "falseValues": ["false"]}
                            if t == pl.Boolean
                            else {}
                        )
                        for c, t in frame.schema.items()
                    ],
                    "missingValues": [""],
                },
            }
            for name, frame in frames.items()
        ],
    }


def write_tables(
    frames: dict[str, pl.DataFrame],
    processed: Path = PROCESSED,
    on_table: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write Parquet + CSV per table, the descriptor, HXL hashtags and the manifest."""
    processed.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        csv_path = processed / f"{name}.csv"
        frame.write_csv(csv_path, date_format="%Y-%m-%d", float_precision=None)
        # Statistics and compression settings fixed so that files are byte-identical.
        frame.write_parquet(processed / f"{name}.parquet", compression="zstd", statistics=False)
        written += [csv_path, processed / f"{name}.parquet"]
        if on_table:
            on_table(name)
    write_json(processed / "datapackage.json", processed_datapackage(frames))
    write_json(
        processed / "hxl.json",
        {name: {c: HXL[c] for c in frame.columns if c in HXL} for name, frame in frames.items()},
    )
    write_json(processed / "manifest.json", manifest(processed))
    return [
        *written,
        processed / "datapackage.json",
        processed / "hxl.json",
        processed / "manifest.json",
    ]


def build(
    raw: Path = RAW,
    processed: Path = PROCESSED,
    reports_dir: Path | None = None,
    on_table: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build every processed table from data/raw and write them to data/processed."""
    frames = build_tables(raw, reports_dir)
    files = write_tables(frames, processed, on_table)
    return BuildResult(files, {name: frame.height for name, frame in frames.items()})


def load(name: str, processed: Path = PROCESSED, raw: Path = RAW) -> pl.DataFrame:
    """Return one processed table (see docs/processed-tables.md), building them if absent."""
    if name not in KEYS:
        raise ValueError(f"unknown table {name!r}; expected one of {', '.join(TABLE_NAMES)}")
    path = processed / f"{name}.parquet"
    if not path.is_file():
        build(raw, processed)
    return pl.read_parquet(path)

"""The curated tables of data/raw: read them typed, check their structure, raise
plausibility flags.

Structure (a missing column, a value of the wrong type, a duplicate key, a row without a
source) is an error: validation fails and names the table, CSV line and field. Plausibility
(totals that do not add up, an odd week length, a spike, a falling cumulative series) is a
flag: the row stays in the data, and the flag is reported with its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from research.paths import RAW
from research.schema import TABLES, Table

WEEK_AREA_LIMIT_HA = 10_000.0
SPIKE_FACTOR = 10.0
SPIKE_WINDOW = 8  # weeks of history for the "recent median"
SPIKE_MIN_HISTORY = 4
# One cumulative series: the same operators, start and place (a district's running total is
# not compared with the whole territory's).
_CUMULATIVE_SERIES = ["scope", "cumulative_since", "district_codes"]

ANOMALY_SCHEMA = {
    "table": pl.String,
    "statement_id": pl.String,
    "version": pl.String,
    "check": pl.String,
    "field": pl.String,
    "value": pl.String,
    "message": pl.String,
}


@dataclass(frozen=True)
class Problem:
    """A structural error: where it is and what is wrong."""

    table: str
    line: int | None  # CSV line number (header = 1), None for whole-file problems
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"data/raw/{self.table}.csv"
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f" [{self.field}]"
        return f"{where}: {self.message}"


@dataclass
class Validation:
    """What `validate_raw` found: errors fail the data, anomalies only annotate it."""

    errors: list[Problem] = field(default_factory=list)
    anomalies: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=ANOMALY_SCHEMA))

    @property
    def ok(self) -> bool:
        return not self.errors


def read_raw_text(table: Table, folder: Path = RAW) -> pl.DataFrame:
    """Read one table as strings, exactly as written (empty cells are null)."""
    return pl.read_csv(folder / f"{table.name}.csv", infer_schema=False)


def _cast(table: Table, raw: pl.DataFrame) -> pl.DataFrame:
    exprs = []
    for f in table.fields:
        col = pl.col(f.name).str.strip_chars()
        if f.type == "date":
            exprs.append(col.str.to_date("%Y-%m-%d", strict=False).alias(f.name))
        elif f.type == "string":
            exprs.append(col.alias(f.name))
        else:
            exprs.append(col.cast(f.dtype, strict=False).alias(f.name))
    return raw.select(exprs)


def load_raw(name: str, folder: Path = RAW) -> pl.DataFrame:
    """Return a curated table with the types its schema declares (for analysis)."""
    table = TABLES[name]
    return _cast(table, read_raw_text(table, folder))


def check_structure(table: Table, raw: pl.DataFrame) -> list[Problem]:
    """Return the structural errors of one table read as text."""
    problems: list[Problem] = []
    if raw.columns != table.columns:
        missing = [c for c in table.columns if c not in raw.columns]
        extra = [c for c in raw.columns if c not in table.columns]
        detail = []
        if missing:
            detail.append(f"missing columns {missing}")
        if extra:
            detail.append(f"unexpected columns {extra}")
        if not detail:
            detail.append(f"columns out of order; expected {table.columns}")
        return [Problem(table.name, 1, None, "; ".join(detail))]
    typed = _cast(table, raw)
    lines = pl.int_range(2, raw.height + 2, eager=True).alias("line")
    for f in table.fields:
        text = raw[f.name].str.strip_chars()
        value = typed[f.name]
        checks: list[tuple[pl.Series, str]] = []
        if f.required:
            checks.append((text.is_null() | (text == ""), "is empty but required"))
        if f.type != "string":
            checks.append((text.is_not_null() & value.is_null(), f"is not a valid {f.type}"))
        if f.enum:
            checks.append(
                (text.is_not_null() & ~text.is_in(list(f.enum)), f"is not one of {list(f.enum)}")
            )
        if f.pattern:
            checks.append(
                (
                    text.is_not_null() & ~text.str.contains(f"^(?:{f.pattern})$"),
                    f"does not match {f.pattern}",
                )
            )
        if f.minimum is not None and f.type in ("integer", "number"):
            checks.append((value.is_not_null() & (value < f.minimum), f"is below {f.minimum}"))
        for mask, message in checks:
            bad = pl.DataFrame({"line": lines, "text": text}).filter(mask.fill_null(False))
            for line, shown in bad.iter_rows():
                problems.append(Problem(table.name, line, f.name, f"{shown!r} {message}"))
    key = list(table.primary_key)
    dupes = raw.with_columns(lines).filter(pl.struct(key).is_duplicated()).sort("line")
    for row in dupes.iter_rows(named=True):
        shown = ", ".join(f"{k}={row[k]!r}" for k in key)
        problems.append(Problem(table.name, row["line"], key[0], f"duplicate key ({shown})"))
    return problems


def check_sources(tables: dict[str, pl.DataFrame]) -> list[Problem]:
    """Every row names at least one report, and every report it names exists."""
    known = tables["reports"].select("report_id") if "reports" in tables else None
    problems = []
    for name, frame in tables.items():
        if name == "reports" or "report_ids" not in frame.columns:
            continue
        cited = (
            frame.select(
                pl.int_range(2, pl.len() + 2).alias("line"),
                pl.col("report_ids").fill_null("").str.split(";").alias("report_id"),
            )
            .explode("report_id")
            .filter(pl.col("report_id") != "")
        )
        empty = frame.with_row_index("line", offset=2).filter(
            pl.col("report_ids").fill_null("").str.strip_chars() == ""
        )
        for line in empty["line"].to_list():
            problems.append(Problem(name, line, "report_ids", "row has no source report"))
        unknown = cited if known is None else cited.join(known, on="report_id", how="anti")
        for line, rid in unknown.sort("line").iter_rows():
            problems.append(
                Problem(name, line, "report_ids", f"report {rid!r} is not in reports.csv")
            )
    return sorted(problems, key=lambda p: (p.table, p.line or 0))


def fill_text(template: str, *columns: str | pl.Expr) -> pl.Expr:
    """Fill each {} of `template` with a column as text.

    Built on concat_str: pl.format panics in polars 2.1's streaming engine.
    """
    pieces = template.split("{}")
    exprs: list[pl.Expr] = [pl.lit(pieces[0])]
    for column, piece in zip(columns, pieces[1:], strict=True):
        col = pl.col(column) if isinstance(column, str) else column
        exprs += [col.cast(pl.String).fill_null("?"), pl.lit(piece)]
    return pl.concat_str(exprs)


def _anomalies(
    frame: pl.LazyFrame, table: str, check: str, field: str, value: pl.Expr, message: pl.Expr
) -> pl.LazyFrame:
    return frame.select(
        pl.lit(table).alias("table"),
        pl.col("statement_id"),
        pl.col("version"),
        pl.lit(check).alias("check"),
        pl.lit(field).alias("field"),
        value.cast(pl.String).alias("value"),
        message.alias("message"),
    )


def check_clearance(clearance: pl.DataFrame) -> pl.LazyFrame:
    """Plausibility flags for clearance statements (domain.md section 6)."""
    lf = clearance.lazy().with_columns(
        days=(pl.col("period_end") - pl.col("period_start")).dt.total_days() + 1,
        parts=pl.col("anti_personnel") + pl.col("anti_tank") + pl.col("uxo"),
    )
    out = [
        _anomalies(
            lf.filter(
                pl.col("items_total_stated").is_not_null()
                & pl.col("parts").is_not_null()
                & (pl.col("parts") != pl.col("items_total_stated"))
            ),
            "clearance",
            "total_mismatch",
            "items_total_stated",
            pl.col("items_total_stated"),
            fill_text(
                "AP + AT + UXO = {} but the stated total is {}", "parts", "items_total_stated"
            ),
        ),
        _anomalies(
            lf.filter(
                (pl.col("anti_personnel") + pl.col("anti_tank")) != pl.col("mines_total_stated")
            ),
            "clearance",
            "total_mismatch",
            "mines_total_stated",
            pl.col("mines_total_stated"),
            fill_text(
                "AP + AT = {} but the stated mine total is {}",
                pl.col("anti_personnel") + pl.col("anti_tank"),
                "mines_total_stated",
            ),
        ),
        _anomalies(
            lf.filter(pl.col("days") < 1),
            "clearance",
            "period_reversed",
            "period_end",
            pl.col("period_end"),
            fill_text("period ends ({}) before it starts ({})", "period_end", "period_start"),
        ),
        _anomalies(
            lf.filter((pl.col("period_precision") == "week") & ~pl.col("days").is_in([6, 7])),
            "clearance",
            "week_length",
            "period_end",
            pl.col("days"),
            fill_text("a week of {} days ({} to {})", "days", "period_start", "period_end"),
        ),
        _anomalies(
            lf.filter(
                (pl.col("period_precision") == "week") & (pl.col("area_ha") > WEEK_AREA_LIMIT_HA)
            ),
            "clearance",
            "area_implausible",
            "area_ha",
            pl.col("area_ha"),
            fill_text(
                f"a week's area of {{}} ha is above {WEEK_AREA_LIMIT_HA:,.0f} ha: a likely typo",
                "area_ha",
            ),
        ),
    ]
    weekly = lf.filter(pl.col("period_precision") == "week").sort("period_end", "statement_id")
    for col in ("anti_personnel", "anti_tank", "uxo", "area_ha"):
        recent = pl.col(col).shift(1).rolling_median(SPIKE_WINDOW, min_samples=SPIKE_MIN_HISTORY)
        spikes = (
            weekly.filter(pl.col(col).is_not_null())
            .with_columns(recent=recent)
            .filter(pl.col(col) > SPIKE_FACTOR * pl.col("recent"))
        )
        out.append(
            _anomalies(
                spikes,
                "clearance",
                "spike",
                col,
                pl.col(col),
                fill_text(
                    "{} is more than ten times the recent weekly median ({})",
                    pl.col(col),
                    pl.col("recent"),
                ),
            )
        )
    for col in ("area_ha", "anti_personnel", "anti_tank", "uxo"):
        cumulative = (
            lf.filter(
                (pl.col("period_precision") == "cumulative")
                & pl.col(col).is_not_null()
                & pl.col("period_end").is_not_null()
            )
            .sort("period_end", "statement_id")
            .with_columns(before=pl.col(col).cum_max().shift(1).over(_CUMULATIVE_SERIES))
            .filter(pl.col(col) < pl.col("before"))
        )
        out.append(
            _anomalies(
                cumulative,
                "clearance",
                "cumulative_fall",
                col,
                pl.col(col),
                fill_text(
                    f"cumulative {col} falls to {{}} from an earlier {{}} (same scope)",
                    pl.col(col),
                    pl.col("before"),
                ),
            )
        )
    figures = ["anti_personnel", "anti_tank", "uxo", "area_ha"]
    stale = (
        lf.filter(
            (pl.col("period_precision") == "week")
            & pl.all_horizontal(pl.col(figures).is_not_null())
        )
        .filter(pl.struct(figures).is_duplicated())
        .filter(pl.struct("period_start", *figures).is_unique())
    )
    out.append(
        _anomalies(
            stale,
            "clearance",
            "stale_repeat",
            "anti_personnel",
            pl.col("anti_personnel"),
            fill_text(
                "the same figures are stated for another week ({} to {})",
                "period_start",
                "period_end",
            ),
        )
    )
    return pl.concat(out)


def check_casualties(casualties: pl.DataFrame) -> pl.LazyFrame:
    """Plausibility flags for victim tallies."""
    lf = casualties.lazy()
    series = ["publisher", "scope", "region", "cumulative_since"]
    falls = (
        lf.filter(
            (pl.col("period_precision") == "cumulative")
            & pl.col("total_victims").is_not_null()
            & pl.col("period_end").is_not_null()
        )
        .sort("period_end", "statement_id")
        .with_columns(before=pl.col("total_victims").cum_max().shift(1).over(series))
        .filter(pl.col("total_victims") < pl.col("before"))
    )
    return pl.concat(
        [
            _anomalies(
                lf.filter((pl.col("killed") + pl.col("injured")) != pl.col("total_victims")),
                "casualties",
                "total_mismatch",
                "total_victims",
                pl.col("total_victims"),
                fill_text(
                    "killed + injured = {} but the stated total is {}",
                    pl.col("killed") + pl.col("injured"),
                    "total_victims",
                ),
            ),
            _anomalies(
                lf.filter(
                    (
                        pl.col("civilian_killed").fill_null(0)
                        + pl.col("military_killed").fill_null(0)
                    )
                    > pl.col("killed")
                ),
                "casualties",
                "parts_exceed_total",
                "killed",
                pl.col("killed"),
                fill_text("civilian + military killed exceed the {} killed", "killed"),
            ),
            _anomalies(
                falls,
                "casualties",
                "cumulative_fall",
                "total_victims",
                pl.col("total_victims"),
                fill_text(
                    "cumulative tally falls to {} from an earlier {} ({}, same scope)",
                    "total_victims",
                    "before",
                    "publisher",
                ),
            ),
        ]
    )


def validate_raw(folder: Path = RAW) -> Validation:
    """Check every curated table: structure errors, then plausibility flags."""
    result = Validation()
    raw: dict[str, pl.DataFrame] = {}
    for name, table in TABLES.items():
        path = folder / f"{name}.csv"
        if not path.is_file():
            result.errors.append(Problem(name, None, None, "file is missing"))
            continue
        try:
            raw[name] = read_raw_text(table, folder)
        except pl.exceptions.PolarsError as exc:
            result.errors.append(Problem(name, None, None, f"cannot be read as CSV: {exc}"))
            continue
        result.errors.extend(check_structure(table, raw[name]))
    result.errors.extend(check_sources(raw))
    if result.errors:
        return result
    typed = {name: _cast(TABLES[name], frame) for name, frame in raw.items()}
    result.anomalies = (
        pl.concat([check_clearance(typed["clearance"]), check_casualties(typed["casualties"])])
        .unique()
        .sort("table", "statement_id", "version", "check", "field")
        .collect()
    )
    return result


def weekly_coverage(clearance: pl.DataFrame) -> pl.DataFrame:
    """Distinct periods with figures per year: weeks and months by their first day,
    cumulative snapshots by their as-of date.

    A statement counts once, by its first version's period: outlets that print another
    period for the same statement (a typo, "16-21" against "16-23") add no week.
    """
    per = (
        clearance.lazy()
        .sort("statement_id", "version")
        .unique("statement_id", keep="first", maintain_order=True)
        .with_columns(
            year=pl.when(pl.col("period_precision") == "cumulative")
            .then(pl.col("period_end"))
            .otherwise(pl.col("period_start"))
            .dt.year()
        )
        .filter(pl.col("year").is_not_null())
        .unique(["period_precision", "period_start", "period_end"])
        .group_by("year")
        .agg(
            weeks=(pl.col("period_precision") == "week").sum(),
            months=(pl.col("period_precision") == "month").sum(),
            year_totals=(pl.col("period_precision") == "year").sum(),
            cumulative_snapshots=(pl.col("period_precision") == "cumulative").sum(),
        )
        .sort("year")
    )
    return per.collect()

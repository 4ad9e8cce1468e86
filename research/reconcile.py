"""Statements -> one timeline: series at each frequency, reconciliation, coverage, anomalies.

Everything here takes and returns polars LazyFrames; `research.build` collects once. The
rules, from domain.md sections 2 and 6:

- one version of each statement enters a series (final before provisional, sound before
  flagged broken, then the most complete, then the one the most reports carry); the others
  stay in `statements` and their disagreement is in `anomalies`;
- only whole-territory figures of all (or unstated) operators enter the series; figures for
  one district go to `districts`, figures for one operator are listed in `anomalies` as
  kept out of the series;
- weeks are Monday-anchored; a week with no figure is a gap, never interpolated; a month
  with a stated total but missing weeks gets one labelled `month_remainder` row;
- every statement ends up in a series, in `districts`, or in `anomalies`.
"""

from __future__ import annotations

import polars as pl

from research.dataset import fill_text
from research.records import CASUALTY_COUNTS

FIELDS = ("anti_personnel", "anti_tank", "uxo", "area_ha")
SERIES_SCOPES = ("all_operators", "unspecified", "anama_only")
AREA_TOLERANCE_HA = 1.0
RELATIVE_TOLERANCE = 0.005  # rounding in republished figures
# Finer figures that cover at least this share of a period, scaled up to all of it, and still
# reach less than this fraction of the stated total do not differ by coverage: they likely
# count fewer operators (ANAMA's weeklies in late 2022 against its monthlies).
SHORTFALL_MIN_COVERAGE_PCT = 50.0
SHORTFALL_FRACTION = 0.5

STATEMENT_COLUMNS = (
    "statement_id", "version", "origin", "report_ids", "period_start", "period_end",
    "period_precision", "cumulative_since", "scope", "anti_personnel", "anti_tank", "uxo",
    "items_total_stated", "area_ha", "district_codes", "district_level", "status", "flags",
)  # fmt: skip

ANOMALY_COLUMNS = ("source", "table", "statement_id", "version", "check", "field", "value",
                   "message")  # fmt: skip


def _anomaly(
    frame: pl.LazyFrame,
    source: str,
    table: str,
    check: str,
    message: pl.Expr,
    field: str | pl.Expr = "",
    value: pl.Expr | None = None,
) -> pl.LazyFrame:
    return frame.select(
        pl.lit(source).alias("source"),
        pl.lit(table).alias("table"),
        pl.col("statement_id").cast(pl.String),
        pl.col("version").cast(pl.String),
        pl.lit(check).alias("check"),
        (field if isinstance(field, pl.Expr) else pl.lit(field)).cast(pl.String).alias("field"),
        (value if value is not None else pl.lit(None)).cast(pl.String).alias("value"),
        message.cast(pl.String).alias("message"),
    )


# --- choosing what enters the series ------------------------------------------------------


# Curators' flags that say a version itself is broken (see data/raw/README.md).
SUSPECT_FLAGS = r"\b(?:garbled_items|malformed_number|stale_repeat|date_garbled|area_factor_1000)\b"


def choose_versions(statements: pl.LazyFrame) -> pl.LazyFrame:
    """One row per statement: a final version before a provisional one (a figure given
    before its period closed is superseded), then one the curator found sound before one
    flagged garbled, malformed or a stale repeat, then the one stating the most figures (a
    copy that drops a count or a total is no better for being repeated), then the one the
    most reports carry, then 'a'."""
    stated = ("anti_personnel", "anti_tank", "uxo", "items_total_stated", "area_ha")
    return (
        statements.with_columns(
            n_reports=pl.col("report_ids").str.count_matches(";") + 1,
            n_versions=pl.len().over("statement_id"),
            is_provisional=pl.col("status").eq("provisional").fill_null(False),
            is_suspect=pl.col("flags").fill_null("").str.contains(SUSPECT_FLAGS),
            n_figures=pl.sum_horizontal([pl.col(c).is_not_null() for c in stated]),
        )
        .sort(
            "statement_id",
            "is_provisional",
            "is_suspect",
            "n_figures",
            "n_reports",
            "version",
            descending=[False, False, False, True, True, False],
        )
        .unique("statement_id", keep="first", maintain_order=True)
    )


def in_series(chosen: pl.LazyFrame) -> pl.Expr:
    """Whole-territory figures of all (or unstated) operators."""
    return (pl.col("district_level").fill_null("whole_territory") != "per_district") & pl.col(
        "scope"
    ).is_in(list(SERIES_SCOPES))


# --- weekly ------------------------------------------------------------------------------


def weekly_candidates(chosen: pl.LazyFrame) -> pl.LazyFrame:
    """Week statements with their Monday anchor and length."""
    return chosen.filter(in_series(chosen) & (pl.col("period_precision") == "week")).with_columns(
        week_start=pl.col("period_start").dt.truncate("1w"),
        days=(pl.col("period_end") - pl.col("period_start")).dt.total_days().cast(pl.Int64) + 1,
    )


def _usable_week() -> pl.Expr:
    return pl.col("days").is_between(6, 7) & pl.col("period_start").is_not_null()


def weekly_series(chosen: pl.LazyFrame) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """Return (weekly, anomalies): a Monday-anchored calendar of weeks, gaps left empty."""
    candidates = weekly_candidates(chosen)
    usable = candidates.filter(_usable_week()).sort(
        "week_start", "days", "statement_id", descending=[False, True, False]
    )
    first = usable.unique("week_start", keep="first", maintain_order=True)
    duplicate = usable.join(first.select("statement_id"), on="statement_id", how="anti")
    stated = first.select(
        "week_start",
        (pl.col("week_start") + pl.duration(days=6)).alias("week_end"),
        "days",
        *FIELDS,
        pl.lit("stated").alias("source"),
        "statement_id",
        "version",
        "scope",
        (pl.col("days") == 6).alias("is_six_day_week"),
        pl.col("flags").fill_null(""),
    )
    bounds = stated.select(
        pl.col("week_start").min().alias("lo"), pl.col("week_start").max().alias("hi")
    )
    calendar = bounds.select(pl.date_ranges("lo", "hi", "1w").explode().alias("week_start")).filter(
        pl.col("week_start").is_not_null()
    )
    weekly = calendar.join(stated, on="week_start", how="left").with_columns(
        week_end=pl.col("week_start") + pl.duration(days=6),
        days=pl.col("days").fill_null(7),
        source=pl.col("source").fill_null("gap"),
        is_six_day_week=pl.col("is_six_day_week").fill_null(False),
        flags=pl.col("flags").fill_null(""),
    )
    anomalies = pl.concat(
        [
            _anomaly(
                candidates.filter(~_usable_week()),
                "reconciliation",
                "clearance",
                "week_not_in_series",
                fill_text(
                    "a week statement of {} days ({} to {}) is kept out of the weekly series",
                    "days",
                    "period_start",
                    "period_end",
                ),
                "period_end",
                pl.col("days"),
            ),
            _anomaly(
                duplicate,
                "reconciliation",
                "clearance",
                "duplicate_week",
                fill_text(
                    "a second statement for the week of {}; the first one is in the series",
                    "week_start",
                ),
                "week_start",
                pl.col("week_start"),
            ),
            _anomaly(
                candidates.filter(pl.col("period_start") != pl.col("week_start")),
                "reconciliation",
                "clearance",
                "week_not_monday",
                fill_text(
                    "the week starts on {}, anchored to Monday {}", "period_start", "week_start"
                ),
                "period_start",
                pl.col("period_start"),
            ),
        ]
    )
    return weekly, anomalies


def _week_month() -> pl.Expr:
    """The month a week belongs to: the one holding most of its days, i.e. its Thursday's
    (the ISO 8601 rule), so a week straddling a month end is never counted in the month
    that has only two or three of its days. A month then has as many weeks as Thursdays."""
    return (pl.col("week_start") + pl.duration(days=3)).dt.month_start()


def _month_statements(chosen: pl.LazyFrame) -> pl.LazyFrame:
    """Stated calendar-month figures (some "monthly" figures end on the 30th)."""
    return chosen.filter(
        in_series(chosen)
        & (pl.col("period_precision") == "month")
        & (pl.col("period_start").dt.day() == 1)
        & (
            (pl.col("period_end") == pl.col("period_start").dt.month_end())
            | (pl.col("period_end") == pl.col("period_start").dt.month_end() - pl.duration(days=1))
        )
    ).with_columns(month_start=pl.col("period_start"))


def month_remainders(weekly: pl.LazyFrame, chosen: pl.LazyFrame) -> pl.LazyFrame:
    """For a stated month with missing weeks: one labelled row, the month less its weeks.

    Weeks belong to the month of their Thursday. The remainder is never spread over
    the missing weeks (that would be interpolation); it is one row spanning them.
    """
    months = (
        _month_statements(chosen)
        .unique("month_start", keep="first")
        .select(
            "month_start",
            *[pl.col(f).alias(f"month_{f}") for f in FIELDS],
            pl.col("statement_id").alias("month_statement"),
            pl.col("scope").alias("month_scope"),
        )
    )
    in_month = weekly.with_columns(month_start=_week_month())
    per_month = in_month.group_by("month_start").agg(
        gap_first=pl.col("week_start").filter(pl.col("source") == "gap").min(),
        gap_last=pl.col("week_start").filter(pl.col("source") == "gap").max(),
        gaps=(pl.col("source") == "gap").sum(),
        stated_inside=(
            (pl.col("source") == "stated")
            & (pl.col("week_start") > pl.col("week_start").filter(pl.col("source") == "gap").min())
            & (pl.col("week_start") < pl.col("week_start").filter(pl.col("source") == "gap").max())
        ).sum(),
        scopes=pl.col("scope").drop_nulls().unique().sort().str.join(";"),
        **{
            f"weeks_{f}": _sum(f, pl.col(f).filter(pl.col("source") == "stated")).fill_null(0)
            for f in FIELDS
        },
    )
    joined = months.join(per_month, on="month_start", how="inner").filter(pl.col("gaps") > 0)
    remainder = {
        f: (pl.col(f"month_{f}") - pl.col(f"weeks_{f}")).round(4)
        if f == "area_ha"
        else pl.col(f"month_{f}") - pl.col(f"weeks_{f}")
        for f in FIELDS
    }
    flags = pl.concat_str(
        [
            pl.when(pl.any_horizontal([remainder[f] < 0 for f in FIELDS])).then(
                pl.lit("negative_remainder;")
            ),
            pl.when(pl.col("stated_inside") > 0).then(pl.lit("remainder_spans_stated_weeks;")),
            pl.when(pl.col("scopes").fill_null("") != pl.col("month_scope")).then(
                pl.lit("scope_differs;")
            ),
        ],
        ignore_nulls=True,
    ).str.strip_chars_end(";")
    return joined.select(
        pl.col("gap_first").alias("week_start"),
        pl.min_horizontal(
            pl.col("gap_last") + pl.duration(days=6), pl.col("month_start").dt.month_end()
        ).alias("week_end"),
        (
            (
                pl.min_horizontal(
                    pl.col("gap_last") + pl.duration(days=6), pl.col("month_start").dt.month_end()
                )
                - pl.col("gap_first")
            )
            .dt.total_days()
            .cast(pl.Int64)
            + 1
        ).alias("days"),
        *[pl.when(remainder[f] >= 0).then(remainder[f]).otherwise(None).alias(f) for f in FIELDS],
        pl.lit("month_remainder").alias("source"),
        pl.col("month_statement").alias("statement_id"),
        pl.lit(None, pl.String).alias("version"),
        pl.col("month_scope").alias("scope"),
        pl.lit(False).alias("is_six_day_week"),
        flags.alias("flags"),
    )


def remainder_weeks(weekly: pl.LazyFrame, remainders: pl.LazyFrame) -> pl.LazyFrame:
    """The gap weeks that a month remainder spans."""
    spans = remainders.select(
        pl.col("week_start").alias("r_start"), pl.col("week_end").alias("r_end")
    )
    return (
        weekly.filter(pl.col("source") == "gap")
        .join(spans, how="cross")
        .filter(pl.col("week_start").is_between(pl.col("r_start"), pl.col("r_end")))
        .select("week_start")
        .unique()
    )


def weekly_with_remainders(weekly: pl.LazyFrame, remainders: pl.LazyFrame) -> pl.LazyFrame:
    """Replace the gap weeks a remainder spans by the remainder row."""
    kept = weekly.join(remainder_weeks(weekly, remainders), on="week_start", how="anti")
    return pl.concat(
        [kept, remainders.select(kept.collect_schema().names())], how="vertical_relaxed"
    ).sort("week_start")


# --- coarser series ------------------------------------------------------------------------


def monthly_series(weekly: pl.LazyFrame, chosen: pl.LazyFrame) -> pl.LazyFrame:
    """Stated months where a statement exists, else the sum of the weeks that start in it."""
    weeks = (
        weekly.filter(pl.col("source") == "stated")
        .with_columns(month_start=_week_month())
        .group_by("month_start")
        .agg(
            *[_sum(f).alias(f"w_{f}") for f in FIELDS],
            weeks_covered=pl.len(),
            nulls=pl.any_horizontal([pl.col(f).is_null() for f in FIELDS]).sum(),
        )
    )
    stated = (
        _month_statements(chosen)
        .unique("month_start", keep="first")
        .select("month_start", *FIELDS, "statement_id")
    )
    calendar = (
        weekly.select(
            pl.col("week_start").min().dt.month_start().alias("lo"),
            pl.col("week_start").max().dt.month_start().alias("hi"),
        )
        .select(pl.date_ranges("lo", "hi", "1mo").explode().alias("month_start"))
        .filter(pl.col("month_start").is_not_null())
    )
    thursdays = calendar.with_columns(
        thursdays=pl.date_ranges(pl.col("month_start"), pl.col("month_start").dt.month_end(), "1d")
        .list.eval(pl.element().filter(pl.element().dt.weekday() == 4))
        .list.len()
    )
    m = thursdays.join(stated, on="month_start", how="left").join(
        weeks, on="month_start", how="left"
    )
    has_stated = pl.col("statement_id").is_not_null()
    coverage = (pl.col("weeks_covered").fill_null(0) / pl.col("thursdays") * 100).round(1)
    return (
        m.select(
            "month_start",
            pl.col("month_start").dt.month_end().alias("month_end"),
            *[
                pl.when(has_stated).then(pl.col(f)).otherwise(pl.col(f"w_{f}")).alias(f)
                for f in FIELDS
            ],
            pl.when(has_stated)
            .then(pl.lit("stated"))
            .when(pl.col("weeks_covered").is_null())
            .then(pl.lit("gap"))
            .when(pl.col("weeks_covered") >= pl.col("thursdays"))
            .then(pl.lit("sum_of_weeks"))
            .otherwise(pl.lit("partial"))
            .alias("source"),
            pl.col("weeks_covered").fill_null(0).cast(pl.Int64),
            coverage.alias("coverage_pct"),
            "statement_id",
        )
        .with_columns(
            # A gap month has no figures, not zeros.
            *[
                pl.when(pl.col("source") == "gap").then(None).otherwise(pl.col(f)).alias(f)
                for f in FIELDS
            ]
        )
        .sort("month_start")
    )


def _sum(field: str, values: pl.Expr | None = None) -> pl.Expr:
    """Sum that stays null when every value is null (a gap is not a zero).

    Rounded to a square metre, 4 decimals of a hectare: parallel float sums differ in the
    last bits from run to run, and builds must be byte-identical.
    """
    col = pl.col(field) if values is None else values
    total = pl.when(col.is_not_null().any()).then(col.sum())
    return total.round(4) if field == "area_ha" else total


def _complete() -> pl.Expr:
    return pl.col("source").is_in(["stated", "sum_of_weeks", "sum_of_months"])


def _stated_or_summed(has_stated: pl.Expr, months: int) -> list[pl.Expr]:
    """The figures, source and coverage of a period made of `months` months: the stated
    figure (`s_<field>`) where there is one, else the sum of its months."""
    return [
        *[
            pl.when(has_stated)
            .then(pl.col(f"s_{f}"))
            .when(pl.col("any_figures") > 0)
            .then(pl.col(f))
            .alias(f)
            for f in FIELDS
        ],
        pl.when(has_stated)
        .then(pl.lit("stated"))
        .when(pl.col("complete") == months)
        .then(pl.lit("sum_of_months"))
        .when(pl.col("any_figures") > 0)
        .then(pl.lit("partial"))
        .otherwise(pl.lit("gap"))
        .alias("source"),
        (pl.col("complete").fill_null(0) / months * 100).round(1).alias("coverage_pct"),
    ]


def quarterly_series(monthly: pl.LazyFrame, chosen: pl.LazyFrame) -> pl.LazyFrame:
    """Stated quarters, else the sum of three complete months, else partial sums."""
    q = (
        monthly.with_columns(quarter_start=pl.col("month_start").dt.truncate("1q"))
        .group_by("quarter_start")
        .agg(
            *[_sum(f) for f in FIELDS],
            complete=_complete().sum(),
            any_figures=(pl.col("source") != "gap").sum(),
        )
    )
    stated = (
        chosen.filter(in_series(chosen) & (pl.col("period_precision") == "quarter"))
        .select(
            pl.col("period_start").alias("quarter_start"),
            *[pl.col(f).alias(f"s_{f}") for f in FIELDS],
        )
        .unique("quarter_start", keep="first")
    )
    out = q.join(stated, on="quarter_start", how="left")
    has_stated = pl.col("s_anti_personnel").is_not_null() | pl.col("s_area_ha").is_not_null()
    return out.select(
        "quarter_start",
        (pl.col("quarter_start").dt.offset_by("3mo") - pl.duration(days=1)).alias("quarter_end"),
        *_stated_or_summed(has_stated, 3),
    ).sort("quarter_start")


def annual_statements(chosen: pl.LazyFrame) -> pl.LazyFrame:
    """Stated calendar-year totals for the whole territory: the one stating the most
    figures, then final before provisional, then the one most reports carry."""
    return (
        chosen.filter(
            in_series(chosen)
            & (pl.col("period_precision") == "year")
            & (pl.col("period_start").dt.ordinal_day() == 1)
        )
        .with_columns(
            year=pl.col("period_start").dt.year(),
            stated_fields=pl.sum_horizontal([pl.col(f).is_not_null() for f in FIELDS]),
        )
        .sort(
            "year",
            "stated_fields",
            "status",
            "n_reports",
            "statement_id",
            descending=[False, True, False, True, False],
        )
        .unique("year", keep="first", maintain_order=True)
    )


def annual_series(monthly: pl.LazyFrame, chosen: pl.LazyFrame) -> pl.LazyFrame:
    """Stated year totals, else the sum of twelve complete months, else partial sums."""
    y = (
        monthly.with_columns(year=pl.col("month_start").dt.year())
        .group_by("year")
        .agg(
            *[_sum(f) for f in FIELDS],
            complete=_complete().sum(),
            any_figures=(pl.col("source") != "gap").sum(),
        )
    )
    stated = annual_statements(chosen).select(
        "year",
        *[pl.col(f).alias(f"s_{f}") for f in FIELDS],
        "status",
        "statement_id",
        pl.col("period_start").alias("s_start"),
        pl.col("period_end").alias("s_end"),
    )
    out = y.join(stated, on="year", how="full", coalesce=True)
    has_stated = pl.col("statement_id").is_not_null()
    return out.select(
        pl.col("year").cast(pl.Int32),
        pl.coalesce("s_start", pl.date(pl.col("year"), 1, 1)).alias("period_start"),
        pl.coalesce("s_end", pl.date(pl.col("year"), 12, 31)).alias("period_end"),
        *_stated_or_summed(has_stated, 12)[:-1],
        pl.col("status").fill_null("final"),
        (pl.col("complete").fill_null(0) / 12 * 100).round(1).alias("coverage_pct"),
        "statement_id",
    ).sort("year")


# --- reconciliation ----------------------------------------------------------------------


def _verdict(stated: pl.Expr, finer: pl.Expr, coverage: pl.Expr) -> pl.Expr:
    tolerance = pl.max_horizontal(pl.lit(AREA_TOLERANCE_HA), stated.abs() * RELATIVE_TOLERANCE)
    close = (stated - finer).abs() <= tolerance
    return (
        pl.when(finer.is_null() | (coverage == 0))
        .then(pl.lit("no_finer_figures"))
        .when((coverage >= 100) & close)
        .then(pl.lit("agrees"))
        .when(
            (coverage >= SHORTFALL_MIN_COVERAGE_PCT)
            & (coverage < 100)
            & (finer * 100 / coverage < stated * SHORTFALL_FRACTION)
        )
        .then(pl.lit("short_beyond_coverage"))
        .when((coverage < 100) & (finer <= stated + tolerance))
        .then(pl.lit("explained_by_coverage"))
        .otherwise(pl.lit("conflicts"))
    )


def _long(frame: pl.LazyFrame, level: str, finer_prefix: str) -> pl.LazyFrame:
    parts = [
        frame.select(
            pl.lit(level).alias("level"),
            "period_start",
            "period_end",
            "statement_id",
            "version",
            pl.lit(f).alias("field"),
            pl.col(f).cast(pl.Float64).alias("stated"),
            pl.col(f"{finer_prefix}{f}").cast(pl.Float64).alias("sum_of_finer"),
            "coverage_pct",
        )
        for f in FIELDS
    ]
    out = pl.concat(parts).filter(pl.col("stated").is_not_null())
    return out.with_columns(
        difference=(pl.col("stated") - pl.col("sum_of_finer")).round(4),
        verdict=_verdict(pl.col("stated"), pl.col("sum_of_finer"), pl.col("coverage_pct")),
    )


def reconcile(weekly: pl.LazyFrame, monthly: pl.LazyFrame, chosen: pl.LazyFrame) -> pl.LazyFrame:
    """Every stated month, year and cumulative snapshot against the finer figures inside."""
    # A month is compared with the weeks that lie wholly inside it, and its coverage is the
    # share of its days those weeks cover: a week across a month end cannot be split.
    stated_weeks = weekly.filter(pl.col("source") == "stated").with_columns(
        month_start=pl.col("week_start").dt.month_start(),
        last_day=pl.col("week_start") + pl.duration(days=1) * (pl.col("days") - 1),
    )
    months = _month_statements(chosen).unique("month_start", keep="first")
    week_sums = (
        stated_weeks.filter(pl.col("last_day") <= pl.col("month_start").dt.month_end())
        .group_by("month_start")
        .agg(*[_sum(f).alias(f"f_{f}") for f in FIELDS], covered_days=pl.col("days").sum())
    )
    month_days = pl.col("month_start").dt.month_end().dt.day()
    month_rows = months.join(week_sums, on="month_start", how="left").with_columns(
        coverage_pct=(pl.col("covered_days").fill_null(0) / month_days * 100).round(1)
    )
    finer_months = (
        monthly.filter(pl.col("source").is_in(["stated", "sum_of_weeks"]))
        .with_columns(year=pl.col("month_start").dt.year())
        .group_by("year")
        .agg(*[_sum(f).alias(f"f_{f}") for f in FIELDS], n=pl.len())
    )
    year_rows = (
        annual_statements(chosen)
        .join(finer_months, on="year", how="left")
        .with_columns(coverage_pct=(pl.col("n").fill_null(0) / 12 * 100).round(1))
    )
    snapshots = chosen.filter(
        in_series(chosen)
        & (pl.col("period_precision") == "cumulative")
        & pl.col("period_end").is_not_null()
        & pl.col("period_start").is_not_null()
    )
    complete_months = monthly.filter(pl.col("source").is_in(["stated", "sum_of_weeks"]))
    snap_sums = (
        snapshots.select("statement_id", "version", "period_start", "period_end")
        .join(complete_months, how="cross")
        .filter(
            (pl.col("month_start") >= pl.col("period_start").dt.month_start())
            & (pl.col("month_end") <= pl.col("period_end"))
        )
        .group_by("statement_id", "version")
        .agg(*[_sum(f).alias(f"f_{f}") for f in FIELDS], n=pl.len())
    )
    months_in = (
        (pl.col("period_end").dt.year() - pl.col("period_start").dt.year()) * 12
        + pl.col("period_end").dt.month()
        - pl.col("period_start").dt.month()
        + 1
    )
    snap_rows = snapshots.join(snap_sums, on=["statement_id", "version"], how="left").with_columns(
        coverage_pct=(pl.col("n").fill_null(0) / months_in * 100).round(1)
    )
    return pl.concat(
        [
            _long(month_rows, "month", "f_"),
            _long(year_rows, "year", "f_"),
            _long(snap_rows, "cumulative", "f_"),
        ]
    ).sort("level", "period_start", "statement_id", "version", "field")


# --- victims, districts, coverage ----------------------------------------------------------


def victims_series(casualties: pl.LazyFrame) -> pl.LazyFrame:
    """Cumulative tallies per publisher and scope, with falls marked (never smoothed)."""
    series = ["publisher", "scope", "region", "cumulative_since"]
    return (
        casualties.filter(pl.col("period_precision") == "cumulative")
        .with_columns(as_of=pl.col("period_end"))
        .sort("as_of", "statement_id", "version", nulls_last=True)
        .with_columns(
            earlier_max=pl.col("total_victims").cum_max().shift(1).over(series),
        )
        .with_columns(
            falls=(pl.col("total_victims") < pl.col("earlier_max")).fill_null(False),
        )
        .select(
            *series[:3],
            "cumulative_since",
            "as_of",
            *CASUALTY_COUNTS,
            "falls",
            "statement_id",
            "version",
            "report_ids",
            pl.col("flags").fill_null(""),
        )
        .sort("publisher", "scope", "region", "as_of", "statement_id", "version", nulls_last=True)
    )


def district_rows(chosen: pl.LazyFrame, names: pl.LazyFrame) -> pl.LazyFrame:
    """Per-district statements, keyed by ISO 3166-2:AZ code."""
    return (
        chosen.filter(
            (pl.col("district_level") == "per_district")
            & pl.col("district_codes").is_not_null()
            & ~pl.col("district_codes").str.contains(";")
        )
        .rename({"district_codes": "district_code"})
        .join(names, on="district_code", how="left")
        .select(
            "district_code",
            "district",
            "period_start",
            "period_end",
            "period_precision",
            "scope",
            *FIELDS,
            "statement_id",
            "version",
        )
        .sort("district_code", "period_start", "statement_id", "version")
    )


def coverage_table(
    weekly: pl.LazyFrame, remainders: pl.LazyFrame, monthly: pl.LazyFrame, annual: pl.LazyFrame
) -> pl.LazyFrame:
    """Per year: weeks with figures, filled by a month remainder, missing; months; year total.

    `weekly` is the calendar before remainders replace gap weeks.
    """
    filled = remainder_weeks(weekly, remainders).with_columns(filled=pl.lit(True))
    weeks = (
        weekly.join(filled, on="week_start", how="left")
        .with_columns(year=pl.col("week_start").dt.year(), filled=pl.col("filled").fill_null(False))
        .group_by("year")
        .agg(
            weeks_in_year=pl.len(),
            weeks_with_figures=(pl.col("source") == "stated").sum(),
            weeks_filled_by_month_remainder=pl.col("filled").sum(),
            weeks_missing=((pl.col("source") == "gap") & ~pl.col("filled")).sum(),
        )
    )
    months = (
        monthly.with_columns(year=pl.col("month_start").dt.year())
        .group_by("year")
        .agg(months_with_figures=(pl.col("source") != "gap").sum())
    )
    years = annual.select("year", has_year_total=pl.col("source") == "stated")
    return (
        weeks.join(months, on="year", how="full", coalesce=True)
        .join(
            years.with_columns(pl.col("year").cast(pl.Int32)), on="year", how="full", coalesce=True
        )
        .with_columns(pl.col("has_year_total").fill_null(False))
        .sort("year")
    )

"""Analyses the notebooks show: parameter checks, period selection, rates and projections.

Each function takes polars frames of `data/processed` (see docs/processed-tables.md) and
returns a frame or a number, so the notebooks stay thin and every computation is tested.
"""

from __future__ import annotations

from datetime import date

import polars as pl

FREQUENCIES = {
    "week": ("weekly", "week_start"),
    "month": ("monthly", "month_start"),
    "quarter": ("quarterly", "quarter_start"),
    "year": ("annual", "period_start"),
}
ITEMS = ("anti_personnel", "anti_tank", "uxo")
FIELDS = (*ITEMS, "area_ha")
HAZARDOUS_AREA_HA = 1_167_000.0  # ANAMA, preliminary (domain.md section 5)
OFFICIAL_CLAIMS = (
    ("within 10 years (2020)", 10.0),
    ("about 30 years (2024)", 30.0),
)


def check_choice(name: str, value: str, allowed: tuple[str, ...] | list[str]) -> str:
    """Return `value` if allowed, else raise a ValueError naming the parameter."""
    if value not in allowed:
        raise ValueError(f"parameter {name}={value!r} is not one of {', '.join(allowed)}")
    return value


def check_dates(start: str, end: str) -> tuple[date, date]:
    """Parse ISO `start` and `end` parameters; end must not precede start."""
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError as exc:
        raise ValueError(f"start/end must be ISO dates YYYY-MM-DD: {exc}") from None
    if last < first:
        raise ValueError(f"end {end} is before start {start}")
    return first, last


def parse_list(name: str, value: str, allowed: tuple[str, ...] | None = None) -> list[str]:
    """Split a comma-separated parameter, checking each entry against `allowed`."""
    entries = [v.strip() for v in value.split(",") if v.strip()]
    if not entries:
        raise ValueError(f"parameter {name} is empty")
    if allowed is not None:
        for entry in entries:
            check_choice(name, entry, allowed)
    return entries


def parse_numbers(name: str, value: str) -> list[float]:
    """Split a comma-separated parameter of positive numbers."""
    try:
        numbers = [float(v) for v in parse_list(name, value)]
    except ValueError as exc:
        raise ValueError(f"parameter {name}={value!r}: {exc}") from None
    if any(n <= 0 for n in numbers):
        raise ValueError(f"parameter {name}={value!r}: every value must be positive")
    return numbers


def select_period(frame: pl.DataFrame, column: str, start: date, end: date) -> pl.DataFrame:
    """Rows whose period starts within [start, end]."""
    return frame.filter(pl.col(column).is_between(start, end)).sort(column)


def with_rolling_mean(weekly: pl.DataFrame, field: str, weeks: int) -> pl.DataFrame:
    """Add `<field>_rolling`: the mean of the last `weeks` stated weeks, null across gaps.

    A window that contains a gap has no mean: nothing is interpolated.
    """
    stated = pl.when(pl.col("source") == "stated").then(pl.col(field))
    return weekly.sort("week_start").with_columns(
        stated.rolling_mean(weeks, min_samples=weeks).alias(f"{field}_rolling")
    )


def cumulative_totals(frame: pl.DataFrame, column: str, fields: list[str]) -> pl.DataFrame:
    """Running totals of the stated and summed figures of a series, gaps adding nothing.

    `<field>_cumulative` is null until the first figure; `covered_periods` counts the
    periods that contributed, so a reader sees how much of the curve rests on data.
    """
    return frame.sort(column).with_columns(
        *[pl.col(f).cum_sum().alias(f"{f}_cumulative") for f in fields],
        covered_periods=(pl.col("source") != "gap").cum_sum(),
    )


def items_per_hectare(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """Items found per hectare cleared, per period, where both are stated and area > 0."""
    area = pl.when(pl.col("area_ha") > 0).then(pl.col("area_ha"))
    return frame.select(
        column,
        *[(pl.col(i) / area).alias(f"{i}_per_ha") for i in ITEMS],
        (pl.sum_horizontal([pl.col(i) for i in ITEMS]) / area).alias("items_per_ha"),
    )


def annual_clearance_rate(annual: pl.DataFrame, years: list[int]) -> dict[str, float]:
    """Mean, lowest and highest stated annual area for the chosen years."""
    rows = annual.filter(
        pl.col("year").is_in(years)
        & (pl.col("source") == "stated")
        & pl.col("area_ha").is_not_null()
    )
    missing = sorted(set(years) - set(rows["year"].to_list()))
    if missing:
        raise ValueError(f"no stated annual area for {missing}; choose among years with one")
    return {
        "mean_ha": float(rows["area_ha"].mean()),
        "low_ha": float(rows["area_ha"].min()),
        "high_ha": float(rows["area_ha"].max()),
    }


def project_clearance(
    hazardous_area_ha: float, rate: dict[str, float], capacity: list[float]
) -> pl.DataFrame:
    """Years to clear `hazardous_area_ha` at the stated rate times each capacity multiplier.

    The spread comes from the lowest and highest annual rate; the claims are figures to
    compare with, not inputs.
    """
    if hazardous_area_ha <= 0:
        raise ValueError("hazardous_area_ha must be positive")
    rows = []
    for factor in capacity:
        mean, low, high = (rate[k] * factor for k in ("mean_ha", "low_ha", "high_ha"))
        rows.append(
            {
                "scenario": f"{factor:g}x the observed rate",
                "capacity": factor,
                "rate_ha_per_year": mean,
                "rate_low": low,
                "rate_high": high,
                "years": hazardous_area_ha / mean,
                "years_low": hazardous_area_ha / high,
                "years_high": hazardous_area_ha / low,
            }
        )
    return pl.DataFrame(rows)


def latest_tallies(victims: pl.DataFrame) -> pl.DataFrame:
    """The most recent tally of each publisher, scope and region."""
    return (
        victims.filter(pl.col("as_of").is_not_null() & pl.col("total_victims").is_not_null())
        .sort("as_of", "statement_id")
        .group_by("publisher", "scope", "region", maintain_order=True)
        .last()
        .sort("publisher", "scope", "region")
    )


def district_totals(districts: pl.DataFrame, year: int, field: str) -> pl.DataFrame:
    """Per-district figures stated for one calendar year, ranked, one row per district."""
    rows = districts.filter(
        (pl.col("period_precision") == "year")
        & (pl.col("period_start").dt.year() == year)
        & pl.col(field).is_not_null()
    )
    return (
        rows.sort("district_code", "scope", "statement_id")
        .group_by("district_code", "district", maintain_order=True)
        .agg(pl.col(field).first(), pl.col("scope").first(), pl.col("statement_id").first())
        .sort(field, "district_code", descending=[True, False])
    )


def split_implausible_weeks(
    weekly: pl.DataFrame, field: str = "area_ha", limit: float = 10_000.0
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (weekly for charting, weeks left out): a week's area above `limit` ha is a
    likely typo (domain.md section 6) that would flatten every other week on a chart.

    The figure is not changed in the data; the notebook lists the weeks it leaves out.
    """
    if field != "area_ha":
        return weekly, weekly.clear()
    odd = (pl.col("source") == "stated") & (pl.col(field) > limit) & (pl.col("days") <= 7)
    return weekly.filter(~odd.fill_null(False)), weekly.filter(odd.fill_null(False))


def _check_positive(name: str, value: float) -> None:
    if value <= 0:
        raise ValueError(f"parameter {name}={value!r} must be positive")


# One check per notebook: `research run` calls it before starting a kernel, and the notebook
# calls it in its first code cell, so a bad value fails the same way in both.
def check_notebook_parameters(notebook: str, p: dict) -> None:
    """Raise ValueError naming the parameter when a notebook's parameter value is invalid."""
    if notebook.startswith("01"):
        _check_positive("max_rows", p["max_rows"])
    elif notebook.startswith("02"):
        check_dates(p["start"], p["end"])
        check_choice("freq", p["freq"], tuple(FREQUENCIES))
        parse_list("items", p["items"], ITEMS)
        _check_positive("rolling_weeks", p["rolling_weeks"])
    elif notebook.startswith("03"):
        check_choice("field", p["field"], FIELDS)
        if not 2020 <= p["year"] <= 2100:
            raise ValueError(f"parameter year={p['year']!r} is not a year of the dataset")
    elif notebook.startswith("04"):
        check_choice(
            "region", p["region"], ("liberated_territories", "all_azerbaijan", "unspecified", "all")
        )
    elif notebook.startswith("05"):
        parse_list("levels", p["levels"], ("month", "year", "cumulative"))
        check_choice("field", p["field"], FIELDS)
    elif notebook.startswith("06"):
        _check_positive("hazardous_area_ha", p["hazardous_area_ha"])
        parse_numbers("base_years", p["base_years"])
        parse_numbers("capacity", p["capacity"])

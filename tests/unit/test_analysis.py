"""research.analysis: the computations the notebooks show."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from research import analysis


def test_parameter_checks_name_the_parameter():
    with pytest.raises(ValueError, match="freq='daily' is not one of"):
        analysis.check_choice("freq", "daily", tuple(analysis.FREQUENCIES))
    with pytest.raises(ValueError, match="end 2020-01-01 is before start 2021-01-01"):
        analysis.check_dates("2021-01-01", "2020-01-01")
    with pytest.raises(ValueError, match="ISO dates"):
        analysis.check_dates("01/02/2021", "2021-03-01")
    assert analysis.parse_list("items", "uxo, anti_tank", analysis.ITEMS) == ["uxo", "anti_tank"]
    with pytest.raises(ValueError, match="items='mines' is not one of"):
        analysis.parse_list("items", "mines", analysis.ITEMS)
    assert analysis.parse_numbers("capacity", "1,1.5") == [1.0, 1.5]
    with pytest.raises(ValueError, match="positive"):
        analysis.parse_numbers("capacity", "0")


def weekly(values, sources):
    start = date(2024, 1, 1)
    return pl.DataFrame({
        "week_start": [start + timedelta(weeks=i) for i in range(len(values))],
        "area_ha": values, "source": sources, "days": [7] * len(values),
    })  # fmt: skip


def test_rolling_mean_breaks_at_gaps():
    frame = weekly([1.0, 3.0, None, 5.0, 7.0], ["stated", "stated", "gap", "stated", "stated"])
    rolled = analysis.with_rolling_mean(frame, "area_ha", 2)["area_ha_rolling"].to_list()
    assert rolled == [None, 2.0, None, None, 6.0]


def test_implausible_weeks_are_listed_not_changed():
    frame = weekly([400.0, 453_900.0], ["stated", "stated"])
    kept, left = analysis.split_implausible_weeks(frame)
    assert kept["area_ha"].to_list() == [400.0]
    assert left["area_ha"].to_list() == [453_900.0]


def test_cumulative_totals_and_items_per_hectare():
    frame = pl.DataFrame({
        "year": [2022, 2023, 2024], "source": ["stated", "gap", "stated"],
        "anti_personnel": [10, None, 30], "anti_tank": [1, None, 3], "uxo": [100, None, 0],
        "area_ha": [50.0, None, 0.0],
    })  # fmt: skip
    cum = analysis.cumulative_totals(frame, "year", ["anti_personnel"])
    assert cum["anti_personnel_cumulative"].to_list() == [10, None, 40]
    assert cum["covered_periods"].to_list() == [1, 1, 2]
    per = analysis.items_per_hectare(frame, "year")
    assert per["items_per_ha"].to_list() == [111 / 50, None, None]  # no ratio on 0 ha


def test_projection_from_the_stated_annual_rate():
    annual = pl.DataFrame({
        "year": [2023, 2024, 2025], "source": ["stated"] * 3,
        "area_ha": [50_000.0, 60_000.0, 70_000.0],
    })  # fmt: skip
    rate = analysis.annual_clearance_rate(annual, [2023, 2024, 2025])
    assert rate == {"mean_ha": 60_000.0, "low_ha": 50_000.0, "high_ha": 70_000.0}
    projection = analysis.project_clearance(1_200_000.0, rate, [1.0, 2.0])
    assert projection["years"].to_list() == [20.0, 10.0]
    assert projection["years_low"][0] == pytest.approx(1_200_000 / 70_000)
    assert projection["years_high"][0] == pytest.approx(24.0)
    with pytest.raises(ValueError, match=r"no stated annual area for \[2021\]"):
        analysis.annual_clearance_rate(annual, [2021])


def test_latest_tallies_and_district_totals():
    victims = pl.DataFrame({
        "publisher": ["MFA", "MFA", "PG"], "scope": ["all_victims"] * 3,
        "region": ["liberated_territories"] * 3,
        "as_of": [date(2023, 12, 6), date(2023, 12, 26), date(2024, 12, 31)],
        "total_victims": [341, 322, 382], "statement_id": ["a", "b", "c"],
    })  # fmt: skip
    latest = analysis.latest_tallies(victims)
    assert latest.select("publisher", "total_victims").rows() == [("MFA", 322), ("PG", 382)]
    districts = pl.DataFrame({
        "district_code": ["AZ-AGM", "AZ-CAB", "AZ-AGM"],
        "district": ["Aghdam", "Jabrayil", "Aghdam"],
        "period_start": [date(2023, 1, 1), date(2023, 1, 1), date(2024, 1, 1)],
        "period_precision": ["year"] * 3, "area_ha": [7956.1, 14016.7, 1.0],
        "scope": ["all_operators"] * 3, "statement_id": ["x", "y", "z"],
    })  # fmt: skip
    ranked = analysis.district_totals(districts, 2023, "area_ha")
    assert_frame_equal(
        ranked.select("district", "area_ha"),
        pl.DataFrame({"district": ["Jabrayil", "Aghdam"], "area_ha": [14016.7, 7956.1]}),
    )

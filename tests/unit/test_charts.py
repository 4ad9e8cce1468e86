"""Chart builders: marks, encodings and titles of the spec; gaps stay gaps; saving is stable."""

from __future__ import annotations

import datetime as dt
import json

import altair as alt
import polars as pl
import pytest

from research import charts

D = dt.date


# -- small frames with the columns of docs/processed-tables.md ------------------------------------


def weekly_frame() -> pl.DataFrame:
    starts = [D(2024, 1, 1) + dt.timedelta(weeks=i) for i in range(10)]
    source = ["stated"] * 3 + ["gap", "stated", "month_remainder"] + ["stated"] * 4
    area = [10.0, 12.0, 8.0, None, 11.0, 9.0, 13.0, 14.0, 12.0, 15.0]
    keep = [i for i in range(10) if i != 8]  # week 8 has no row at all: it must become a gap
    n = len(keep)
    return pl.DataFrame(
        {
            "week_start": [starts[i] for i in keep],
            "week_end": [starts[i] + dt.timedelta(days=6) for i in keep],
            "days": [7] * n,
            "anti_personnel": [1] * n,
            "anti_tank": [0] * n,
            "uxo": [5] * n,
            "area_ha": [area[i] for i in keep],
            "source": [source[i] for i in keep],
            "statement_id": [f"w{i}" for i in keep],
            "version": ["a"] * n,
            "is_six_day_week": [False] * n,
            "flags": [None] * n,
        },
        schema_overrides={"flags": pl.String},
    )


def monthly_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "month_start": [D(2024, m, 1) for m in (1, 2, 3, 4)],
            "month_end": [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30)],
            "anti_personnel": [10, 12, None, 9],
            "anti_tank": [2, 1, None, 3],
            "uxo": [100, 80, None, 120],
            "area_ha": [400.0, 350.0, None, 500.0],
            "source": ["stated", "sum_of_weeks", "gap", "stated"],
            "weeks_covered": [4, 4, 0, 4],
            "coverage_pct": [100.0, 100.0, 0.0, 100.0],
            "statement_id": ["m1", None, None, "m4"],
        }
    )


def annual_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "year": [2022, 2023, 2024],
            "period_start": [D(2022, 1, 1), D(2023, 1, 1), D(2024, 1, 1)],
            "period_end": [D(2022, 12, 31), D(2023, 12, 31), D(2024, 12, 31)],
            "anti_personnel": [1000, 1200, 800],
            "anti_tank": [300, 250, 200],
            "uxo": [9000, 8000, 7000],
            "area_ha": [5000.0, 6000.0, 4000.0],
            "source": ["stated", "sum_of_months", "partial"],
            "status": ["final", "final", "provisional"],
            "coverage_pct": [100.0, 100.0, 60.0],
            "statement_id": ["y22", None, None],
        }
    )


def cumulative_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "statement_id": ["c1", "c2", "c3", "c4", "x1"],
            "version": ["a"] * 5,
            "period_start": [D(2020, 11, 10)] * 4 + [D(2024, 1, 1)],
            "period_end": [
                D(2023, 1, 1),
                D(2023, 6, 1),
                D(2023, 9, 1),
                D(2024, 1, 1),
                D(2024, 1, 31),
            ],
            "period_precision": ["cumulative"] * 4 + ["month"],
            "cumulative_since": [D(2020, 11, 10)] * 4 + [None],
            "scope": ["all_operators"] * 5,
            "anti_personnel": [20000, 25000, 24000, 30000, 5],
            "anti_tank": [8000, 9000, 9500, 10000, 1],
            "uxo": [80000, 90000, 95000, 100000, 50],
            "area_ha": [70000.0, 80000.0, 90000.0, 85000.0, 300.0],
        }
    )


def districts_frame(precision: str = "month") -> pl.DataFrame:
    return pl.DataFrame(
        {
            "district_code": ["AGD", "FZL", "TRT", None, "AGD"],
            "district": ["Aghdam", "Fuzuli", "Tartar", None, "Aghdam"],
            "period_start": [D(2024, 1, 1)] * 4 + [D(2024, 2, 1)],
            "period_end": [D(2024, 1, 31)] * 4 + [D(2024, 2, 29)],
            "period_precision": [precision] * 5,
            "scope": ["all_operators"] * 5,
            "anti_personnel": [5, 3, 1, 9, 2],
            "anti_tank": [1, 0, 0, 1, 0],
            "uxo": [50, 30, 10, 90, 20],
            "area_ha": [120.0, 300.0, 40.0, 460.0, 100.0],
            "statement_id": ["d1"] * 4 + ["d2"],
            "version": ["a"] * 5,
        }
    )


def victims_frame() -> pl.DataFrame:
    ints = {c: pl.Int64 for c in ("civilian_killed", "civilian_injured")}
    return pl.DataFrame(
        {
            "publisher": ["ANAMA", "ANAMA", "ANAMA", "Ombudsman", "Ombudsman"],
            "scope": ["all"] * 3 + ["civilian"] * 2,
            "region": [None] * 5,
            "cumulative_since": [D(2020, 11, 10)] * 5,
            "as_of": [D(2023, 1, 1), D(2023, 6, 1), D(2024, 1, 1), D(2023, 3, 1), D(2024, 3, 1)],
            "killed": [50, 60, 58, 40, 45],
            "injured": [200, 230, 225, 150, 170],
            "civilian_killed": [None] * 5,
            "civilian_injured": [None] * 5,
            "total_victims": [250, 290, 283, None, 215],
            "falls": [False, False, True, False, False],
            "statement_id": ["v1", "v2", "v3", "v4", "v5"],
            "version": ["a"] * 5,
        },
        schema_overrides={**ints, "region": pl.String},
    )


def reconciliation_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "level": ["month", "month", "year", "year"],
            "period_start": [D(2024, 1, 1), D(2024, 2, 1), D(2023, 1, 1), D(2023, 1, 1)],
            "period_end": [D(2024, 1, 31), D(2024, 2, 29), D(2023, 12, 31), D(2023, 12, 31)],
            "statement_id": ["m1", "m2", "y23", "y23"],
            "version": ["a"] * 4,
            "field": ["area_ha", "area_ha", "area_ha", "uxo"],
            "stated": [400.0, 350.0, 6000.0, 8000.0],
            "sum_of_finer": [400.0, 300.0, 5500.0, None],
            "difference": [0.0, 50.0, 500.0, None],
            "coverage_pct": [100.0, 100.0, 90.0, None],
            "verdict": ["agrees", "conflicts", "explained_by_coverage", "no_finer_figures"],
        }
    )


def coverage_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "year": [2022, 2023],
            "weeks_in_year": [52, 52],
            "weeks_with_figures": [44, 50],
            "weeks_filled_by_month_remainder": [4, 2],
            "weeks_missing": [8, 2],
            "months_with_figures": [10, 12],
            "has_year_total": [True, True],
        }
    )


def projection_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "scenario": ["2023 rate", "best year", "zero rate"],
            "rate_ha_per_year": [8000.0, 12000.0, 0.0],
            "rate_low": [7000.0, 11000.0, 0.0],
            "rate_high": [9000.0, 13000.0, 0.0],
            "years": [25.0, 16.7, float("inf")],
            "years_low": [22.2, 15.4, float("inf")],
            "years_high": [28.6, 18.2, float("inf")],
        }
    )


# -- helpers --------------------------------------------------------------------------------------


def spec_of(chart) -> dict:
    return charts.chart_spec(chart)


def rows_of(spec: dict) -> list[dict]:
    """The rows of the chart's single inline dataset."""
    (rows,) = spec["datasets"].values()
    return rows


def layers_of(spec: dict) -> list[dict]:
    inner = spec.get("spec", spec)
    return inner["layer"]


def marks_of(spec: dict) -> list[str]:
    return [layer["mark"]["type"] for layer in layers_of(spec)]


def title_of(spec: dict) -> str:
    title = spec["title"]
    return title["text"] if isinstance(title, dict) else title


# -- builders -------------------------------------------------------------------------------------


def test_weekly_series_marks_encodings_and_title():
    spec = spec_of(charts.weekly_series_chart(weekly_frame(), "area_ha", rolling_weeks=2))
    assert marks_of(spec) == ["point", "rect", "line"]
    points, _gaps, line = layers_of(spec)
    assert points["encoding"]["x"]["field"] == "week_start"
    assert points["encoding"]["x"]["type"] == "temporal"
    assert points["encoding"]["y"]["type"] == "quantitative"
    assert line["encoding"]["y"]["field"] == "rolling"
    assert line["mark"]["invalid"] == charts.BREAK_AT_GAPS
    assert "Area cleared (ha)" in title_of(spec)
    assert "2-week rolling mean" in spec["title"]["subtitle"]
    assert "month remainder (derived)" in points["encoding"]["color"]["scale"]["domain"]


def test_weekly_series_keeps_gaps_as_gaps():
    rows = rows_of(spec_of(charts.weekly_series_chart(weekly_frame(), rolling_weeks=2)))
    by_week = {r["week_start"][:10]: r for r in rows}
    assert len(rows) == 10  # the absent week was added, not skipped
    for week in ("2024-01-22", "2024-02-26"):  # a stated gap and a missing row
        assert by_week[week]["value"] is None
        assert by_week[week]["source_label"] == "no figure (gap)"
        assert by_week[week]["rolling"] is None
    # a window touching a gap has no mean: the line breaks instead of bridging it
    assert by_week["2024-01-29"]["rolling"] is None
    assert by_week["2024-03-04"]["rolling"] is None
    assert by_week["2024-01-08"]["rolling"] == pytest.approx(11.0)
    assert by_week["2024-02-05"]["source_label"] == "month remainder (derived)"


def test_weekly_series_rejects_a_bad_window():
    with pytest.raises(ValueError, match="rolling_weeks"):
        charts.weekly_series_chart(weekly_frame(), rolling_weeks=0)


def test_period_totals_monthly_facets_items_and_shows_source():
    spec = spec_of(charts.period_totals_chart(monthly_frame(), "month_start"))
    assert spec["facet"]["row"]["field"] == "item"
    assert spec["resolve"]["scale"]["y"] == "independent"
    assert marks_of(spec) == ["bar", "rect"]
    bars = layers_of(spec)[0]
    assert bars["encoding"]["x"]["timeUnit"] == "yearmonth"
    assert bars["encoding"]["x"]["type"] == "temporal"
    assert bars["encoding"]["color"]["scale"]["domain"] == [
        "stated",
        "sum of weeks",
        "no figure (gap)",
    ]
    assert title_of(spec) == "Clearance by month"
    gap_rows = [r for r in rows_of(spec) if r["source_label"] == "no figure (gap)"]
    assert len(gap_rows) == 3 and all(r["value"] is None for r in gap_rows)


def test_period_totals_annual_uses_ordinal_years():
    spec = spec_of(charts.period_totals_chart(annual_frame(), "year", ["area_ha"]))
    bars = layers_of(spec)[0]
    assert bars["encoding"]["x"] == {"field": "year", "title": "Year", "type": "ordinal"}
    assert {r["item"] for r in rows_of(spec)} == {"Area cleared (ha)"}
    assert "partial (incomplete coverage)" in bars["encoding"]["color"]["scale"]["domain"]


def test_period_totals_rejects_an_unknown_period_column():
    frame = monthly_frame().rename({"month_start": "start"})
    with pytest.raises(ValueError, match="unknown period column"):
        charts.period_totals_chart(frame, "start")


def test_cumulative_chart_marks_falls():
    spec = spec_of(charts.cumulative_chart(cumulative_frame()))
    assert spec["facet"]["row"]["field"] == "item"
    assert marks_of(spec) == ["line", "point", "point"]
    falls = layers_of(spec)[2]
    assert falls["transform"] == [{"filter": "datum.falls"}]
    assert falls["encoding"]["shape"]["scale"]["range"] == ["triangle-down"]
    rows = rows_of(spec)
    fell = sorted((r["item"], r["value"]) for r in rows if r["falls"])
    assert fell == [("Anti-personnel mines", 24000), ("Area cleared (ha)", 85000.0)]
    assert all(r["series"] == "all_operators since 2020-11-10" for r in rows)  # month row dropped


def test_items_per_hectare_divides_and_breaks_at_gaps():
    spec = spec_of(charts.items_per_hectare_chart(monthly_frame(), "month_start"))
    assert marks_of(spec) == ["line", "point"]
    assert layers_of(spec)[0]["mark"]["invalid"] == charts.BREAK_AT_GAPS
    assert layers_of(spec)[0]["encoding"]["y"]["field"] == "items_per_ha"
    rows = {(r["month_start"][:7], r["item"]): r["items_per_ha"] for r in rows_of(spec)}
    assert rows[("2024-01", "All items")] == pytest.approx(112 / 400)
    assert rows[("2024-01", "Anti-tank mines")] == pytest.approx(2 / 400)
    assert rows[("2024-03", "All items")] is None


def test_district_ranking_never_uses_whole_territory_rows():
    spec = spec_of(charts.district_ranking_chart(districts_frame()))
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["y"] == {
        "field": "district",
        "sort": "-x",
        "title": None,
        "type": "nominal",
    }
    assert spec["encoding"]["x"]["field"] == "area_ha"
    assert [(r["district"], r["area_ha"]) for r in rows_of(spec)] == [
        ("Fuzuli", 300.0),
        ("Aghdam", 220.0),
        ("Tartar", 40.0),
    ]


def test_district_ranking_keeps_latest_cumulative_and_refuses_mixed_periods():
    spec = spec_of(charts.district_ranking_chart(districts_frame("cumulative")))
    assert {r["district"]: r["area_ha"] for r in rows_of(spec)}["Aghdam"] == 100.0
    mixed = districts_frame().with_columns(
        period_precision=pl.Series(["month", "month", "month", "month", "cumulative"])
    )
    with pytest.raises(ValueError, match="mixes period precisions"):
        charts.district_ranking_chart(mixed)


def test_victims_chart_series_and_falls():
    spec = spec_of(charts.victims_chart(victims_frame()))
    assert marks_of(spec) == ["line", "point"]
    lines, falls = layers_of(spec)
    assert lines["encoding"]["color"]["field"] == "publisher"
    assert lines["encoding"]["strokeDash"]["field"] == "scope"
    assert lines["encoding"]["x"]["type"] == "temporal"
    assert falls["transform"] == [{"filter": "datum.falls"}]
    rows = rows_of(spec)
    assert [r["victims"] for r in rows if r["falls"]] == [283]
    assert {r["as_of"][:10]: r["victims"] for r in rows}["2023-03-01"] == 190  # killed + injured


def test_killed_injured_uses_latest_tally_per_series():
    spec = spec_of(charts.killed_injured_chart(victims_frame()))
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["color"]["scale"]["domain"] == ["killed", "injured"]
    rows = {(r["series"], r["outcome"]): r["value"] for r in rows_of(spec)}
    assert rows == {
        ("ANAMA · all (2024-01-01)", "killed"): 58,
        ("ANAMA · all (2024-01-01)", "injured"): 225,
        ("Ombudsman · civilian (2024-03-01)", "killed"): 45,
        ("Ombudsman · civilian (2024-03-01)", "injured"): 170,
    }


def test_reconciliation_chart_colours_by_verdict():
    spec = spec_of(charts.reconciliation_chart(reconciliation_frame()))
    assert marks_of(spec) == ["line", "point"]
    dots = layers_of(spec)[1]
    assert dots["encoding"]["x"]["field"] == "stated"
    assert dots["encoding"]["y"]["field"] == "sum_of_finer"
    assert dots["encoding"]["color"]["field"] == "verdict_label"
    assert dots["encoding"]["color"]["scale"]["domain"][:4] == [
        "agrees",
        "explained by coverage",
        "short beyond coverage",
        "conflicts",
    ]
    assert "1 statement(s) without finer figures" in spec["title"]["subtitle"]
    diagonal = [r for r in rows_of(spec) if r["kind"] == "diagonal"]
    assert [(r["stated"], r["sum_of_finer"]) for r in diagonal] == [(0.0, 0.0), (6000.0, 6000.0)]


def test_coverage_chart_stacks_stated_remainder_missing():
    spec = spec_of(charts.coverage_chart(coverage_frame()))
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"] == {"field": "year", "title": "Year", "type": "ordinal"}
    rows = {(r["year"], r["status"]): r["weeks"] for r in rows_of(spec)}
    assert rows[(2022, "weeks with a stated figure")] == 40
    assert rows[(2022, "weeks filled by month remainder")] == 4
    assert rows[(2022, "weeks missing")] == 8


def test_projection_chart_has_official_claims_and_drops_infinite_years():
    spec = spec_of(charts.projection_chart(projection_frame()))
    assert marks_of(spec) == ["rule", "text", "rule", "point", "text"]
    datasets = list(spec["datasets"].values())
    claims = next(rows for rows in datasets if "claim" in rows[0])
    assert [r["years"] for r in claims] == [10.0, 30.0]
    scenarios = next(rows for rows in datasets if "scenario" in rows[0])
    zero = next(r for r in scenarios if r["scenario"] == "zero rate")
    assert zero["years"] is None and zero["note"] == "no finite estimate"
    assert layers_of(spec)[3]["encoding"]["x"]["field"] == "years"


BUILDERS = [
    (charts.weekly_series_chart, weekly_frame, ()),
    (charts.period_totals_chart, monthly_frame, ("month_start",)),
    (charts.cumulative_chart, cumulative_frame, ()),
    (charts.items_per_hectare_chart, monthly_frame, ("month_start",)),
    (charts.district_ranking_chart, districts_frame, ()),
    (charts.victims_chart, victims_frame, ()),
    (charts.killed_injured_chart, victims_frame, ()),
    (charts.reconciliation_chart, reconciliation_frame, ()),
    (charts.coverage_chart, coverage_frame, ()),
    (charts.projection_chart, projection_frame, ()),
]


@pytest.mark.parametrize(
    ("builder", "make", "args"), BUILDERS, ids=lambda b: getattr(b, "__name__", "")
)
def test_builders_reject_a_lazyframe(builder, make, args):
    with pytest.raises(TypeError, match="collect"):
        builder(make().lazy(), *args)


@pytest.mark.parametrize(
    ("builder", "make", "args"), BUILDERS, ids=lambda b: getattr(b, "__name__", "")
)
def test_builders_give_the_same_spec_twice(builder, make, args):
    first = json.dumps(spec_of(builder(make(), *args)), sort_keys=True)
    assert first == json.dumps(spec_of(builder(make(), *args)), sort_keys=True)


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match=r"missing columns \['weeks_missing'\]"):
        charts.coverage_chart(coverage_frame().drop("weeks_missing"))


# -- theme, rendering, saving ---------------------------------------------------------------------


def test_theme_is_registered_and_applied_to_saved_specs():
    assert charts.THEME in alt.theme.names()
    spec = spec_of(charts.coverage_chart(coverage_frame()))
    assert spec["config"]["font"] == charts.FONT
    assert spec["config"]["view"]["continuousWidth"] == charts.WIDTH
    assert spec["config"]["range"]["category"] == list(charts.PALETTE)


@pytest.fixture
def restore_altair():
    renderer, theme = alt.renderers.active, alt.theme.active
    yield
    alt.renderers.enable(renderer)
    alt.theme.enable(theme)


def test_notebook_rendering_is_headless(restore_altair):
    charts.enable_notebook_rendering()
    assert alt.renderers.active == "svg"
    assert alt.theme.active == charts.THEME
    charts.enable_notebook_rendering("html")
    assert alt.renderers.active == "html_stable"
    with pytest.raises(ValueError, match="svg"):
        charts.enable_notebook_rendering("mimetype")


def test_save_chart_writes_three_identical_files(tmp_path, restore_altair):
    chart = charts.coverage_chart(coverage_frame())
    first = charts.save_chart(chart, "coverage", tmp_path / "a")
    alt.theme.enable("dark")  # the active theme must not leak into saved figures
    second = charts.save_chart(charts.coverage_chart(coverage_frame()), "coverage", tmp_path / "b")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        "coverage.png",
        "coverage.svg",
        "coverage.vl.json",
    ]
    for kind in ("svg", "png", "vl.json"):
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind
    assert first["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert first["svg"].read_text().lstrip().startswith("<svg")
    text = first["vl.json"].read_text()
    spec = json.loads(text)
    assert text == json.dumps(spec, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert all(name.startswith("data-") for name in spec["datasets"])


def test_save_chart_rejects_a_path_as_name(tmp_path):
    with pytest.raises(ValueError, match="plain file stem"):
        charts.save_chart(charts.coverage_chart(coverage_frame()), "../x", tmp_path)

"""One builder per figure, one shared theme, and deterministic saving.

Builders take the collected polars tables of docs/processed-tables.md, aggregate them to what the
figure shows (altair embeds the data in the chart) and return an altair chart. Missing figures stay
missing: lines break at gaps and gap periods are drawn as gaps, never as zeros or interpolations.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import altair as alt
import polars as pl

from research.paths import REPORTS

THEME = "research"
FIGURES = REPORTS / "figures"
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
WIDTH = 640
HEIGHT = 300
PANEL_HEIGHT = 160  # each row of a faceted chart

# Okabe & Ito (2008): distinguishable under the common colour-vision deficiencies.
BLUE, ORANGE, GREEN, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"
PURPLE, SKY, YELLOW, BLACK, GREY = "#CC79A7", "#56B4E9", "#F0E442", "#000000", "#BBBBBB"
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, BLACK)

ITEM_FIELDS = ("anti_personnel", "anti_tank", "uxo")
FIELD_LABELS = {
    "area_ha": "Area cleared (ha)",
    "anti_personnel": "Anti-personnel mines",
    "anti_tank": "Anti-tank mines",
    "uxo": "Unexploded ordnance",
    "items_total_stated": "Items (stated total)",
}
SOURCE_LABELS = {
    "stated": "stated",
    "sum_of_weeks": "sum of weeks",
    "sum_of_months": "sum of months",
    "month_remainder": "month remainder (derived)",
    "partial": "partial (incomplete coverage)",
    "gap": "no figure (gap)",
}
SOURCE_COLOURS = {
    "stated": BLUE,
    "sum_of_weeks": SKY,
    "sum_of_months": SKY,
    "month_remainder": ORANGE,
    "partial": PURPLE,
    "gap": GREY,
}
VERDICT_LABELS = {
    "agrees": "agrees",
    "explained_by_coverage": "explained by coverage",
    "short_beyond_coverage": "short beyond coverage",
    "conflicts": "conflicts",
    "no_finer_figures": "no finer figures",
}
VERDICT_COLOURS = {
    "agrees": BLUE,
    "explained_by_coverage": ORANGE,
    "short_beyond_coverage": PURPLE,
    "conflicts": VERMILLION,
    "no_finer_figures": GREY,
}
# period column -> (Vega-Lite time unit, axis label format, axis title)
PERIOD_AXES = {
    "week_start": ("yearmonthdate", "%d %b %Y", "Week"),
    "month_start": ("yearmonth", "%b %Y", "Month"),
    "quarter_start": ("yearquarter", "Q%q %Y", "Quarter"),
    "period_start": ("year", "%Y", "Year"),
}
OFFICIAL_CLAIMS_YEARS = (10, 30)
# Lines break at missing values and missing values stay out of the scale domains.
BREAK_AT_GAPS = "break-paths-filter-domains"


@alt.theme.register(THEME, enable=False)
def _theme() -> alt.theme.ThemeConfig:
    return alt.theme.ThemeConfig(
        {
            "config": {
                "font": FONT,
                "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
                "title": {
                    "fontSize": 15,
                    "anchor": "start",
                    "subtitleFontSize": 11,
                    "subtitleColor": "#555555",
                },
                "axis": {
                    "labelFontSize": 11,
                    "labelLimit": 320,
                    "titleFontSize": 12,
                    "gridColor": "#E6E6E6",
                    "domainColor": "#888888",
                    "tickColor": "#888888",
                },
                "header": {"labelFontSize": 12, "titleFontSize": 12},
                "axisX": {"labelAngle": 0},
                "legend": {
                    "labelFontSize": 11,
                    "titleFontSize": 12,
                    "orient": "bottom",
                    "labelLimit": 0,
                },
                "range": {"category": list(PALETTE)},
                "numberFormat": ",~r",
                "timeFormat": "%b %Y",
            }
        }
    )


def use_theme() -> None:
    """Enable the project theme for every chart rendered afterwards."""
    alt.theme.enable(THEME)


def enable_notebook_rendering(kind: str = "svg") -> None:
    """Render charts in notebooks headless, offline and byte-identically across runs.

    `svg` (default) is drawn by vl-convert in the kernel: no JavaScript or CDN, nbval compares it
    and reruns give the same bytes. `html` keeps interactivity (tooltips) with a fixed div id
    instead of altair's random one, but needs the vega CDN to display. The `mimetype` and
    `jupyterlab` renderers write an invalid notebook under altair 6 and are never used.
    """
    use_theme()
    if kind == "svg":
        alt.renderers.enable("svg")
    elif kind == "html":
        from altair.utils.display import HTMLRenderer
        from altair.vegalite.v6 import display

        alt.renderers.register(
            "html_stable",
            HTMLRenderer(
                output_div="altair-viz",
                mode="vega-lite",
                template="universal",
                vega_version=display.VEGA_VERSION,
                vegaembed_version=display.VEGAEMBED_VERSION,
                vegalite_version=display.VEGALITE_VERSION,
            ),
        )
        alt.renderers.enable("html_stable")
    else:
        raise ValueError(f"kind must be 'svg' or 'html', not {kind!r}")


# -- helpers --------------------------------------------------------------------------------------


def _check_frame(frame: Any, name: str, columns: Sequence[str]) -> pl.DataFrame:
    if isinstance(frame, pl.LazyFrame):
        raise TypeError(
            f"{name}: got a polars LazyFrame; call .collect() first "
            "(a chart embeds its data, so the query must run before charting)"
        )
    if not isinstance(frame, pl.DataFrame):
        raise TypeError(f"{name}: expected a polars DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name}: missing columns {missing}; it has {frame.columns}")
    return frame


def _label(field: str) -> str:
    return FIELD_LABELS.get(field, field.replace("_", " "))


def _fmt(field: str) -> str:
    return ",.1f" if field == "area_ha" else ",.0f"


def _scale(labels: dict[str, str], colours: dict[str, str], keys: Sequence[str]) -> alt.Scale:
    return alt.Scale(domain=[labels[k] for k in keys], range=[colours[k] for k in keys])


def _period_title(frame: pl.DataFrame, period_col: str) -> str:
    if frame.schema[period_col].is_integer():
        return period_col.replace("_", " ").capitalize()
    if period_col not in PERIOD_AXES:
        raise ValueError(f"unknown period column {period_col!r}; use one of {list(PERIOD_AXES)}")
    return PERIOD_AXES[period_col][2]


def _period_x(frame: pl.DataFrame, period_col: str) -> alt.X:
    """Integer periods (years) as ordinal; dates binned to their period's time unit."""
    title = _period_title(frame, period_col)
    if frame.schema[period_col].is_integer():
        return alt.X(f"{period_col}:O", title=title)
    unit, fmt, _ = PERIOD_AXES[period_col]
    return alt.X(f"{period_col}:T", timeUnit=unit, title=title, axis=alt.Axis(format=fmt))


def _period_tooltip(frame: pl.DataFrame, period_col: str) -> alt.Tooltip:
    title = _period_title(frame, period_col)
    if frame.schema[period_col].is_integer():
        return alt.Tooltip(f"{period_col}:O", title=title)
    unit, fmt, _ = PERIOD_AXES[period_col]
    return alt.Tooltip(f"{period_col}:T", timeUnit=unit, title=title, format=fmt)


def _source_labels(frame: pl.DataFrame) -> pl.DataFrame:
    unknown = set(frame["source"].drop_nulls().unique()) - SOURCE_LABELS.keys()
    if unknown:
        raise ValueError(f"unknown source values {sorted(unknown)}")
    return frame.with_columns(
        source_label=pl.col("source").fill_null("gap").replace_strict(SOURCE_LABELS)
    )


def _falls(value: str, over: Sequence[str], order: str) -> pl.Expr:
    """True where `value` is lower than an earlier value of the same series."""
    earlier_max = pl.col(value).cum_max().shift(1).over(list(over), order_by=order)
    return (pl.col(value) < earlier_max).fill_null(False)


# -- builders -------------------------------------------------------------------------------------


def _falls_layer(
    frame: pl.DataFrame, x: alt.X, y: alt.Y, tooltip: list[alt.Tooltip], size: int
) -> list[alt.Chart]:
    """Red downward triangles on the rows whose `falls` is true, as a list of 0 or 1 layer.

    An empty mark layer makes vl-convert size the chart infinitely, so none is added when
    nothing falls.
    """
    if not frame["falls"].any():
        return []
    return [
        alt.Chart()
        .mark_point(
            filled=True, size=size, color=VERMILLION, stroke=BLACK, strokeWidth=0.8, opacity=1
        )
        .encode(
            x=x,
            y=y,
            shape=alt.Shape("mark:N", title=None, scale=alt.Scale(range=["triangle-down"])),
            tooltip=tooltip,
        )
        .transform_filter(alt.datum.falls)
    ]


def weekly_series_chart(
    weekly: pl.DataFrame, field: str = "area_ha", rolling_weeks: int = 4
) -> alt.LayerChart:
    """Weekly figures as points with a rolling mean; gap weeks shaded and the line broken there.

    Weeks absent from the table are added as gaps. The rolling mean needs every week of its
    window, so it breaks around any gap instead of bridging it. Month-remainder weeks (derived
    as a month's total minus its stated weeks) are drawn in their own colour.
    """
    _check_frame(weekly, "weekly", ["week_start", "source", field])
    if rolling_weeks < 1:
        raise ValueError(f"rolling_weeks must be at least 1, got {rolling_weeks}")
    extra = [c for c in ("statement_id", "is_six_day_week") if c in weekly.columns]
    frame = weekly.select("week_start", "source", field, *extra).sort("week_start")
    if frame.height:
        weeks = pl.date_range(
            frame["week_start"].min(), frame["week_start"].max(), "1w", eager=True
        ).alias("week_start")
        frame = weeks.to_frame().join(frame, on="week_start", how="left")
    frame = (
        frame.with_columns(
            source=pl.col("source").fill_null("gap"),
            value=pl.when(pl.col("source") != "gap").then(pl.col(field)),
        )
        .with_columns(
            rolling=pl.col("value").rolling_mean(rolling_weeks, min_samples=rolling_weeks),
            week_next=pl.col("week_start") + pl.duration(days=7),
        )
        .pipe(_source_labels)
        .select("week_start", "week_next", "source_label", "value", "rolling", *extra)
    )
    label = _label(field)
    colour = alt.Color(
        "source_label:N",
        title="Weekly figure",
        legend=alt.Legend(symbolOpacity=1),
        scale=_scale(SOURCE_LABELS, SOURCE_COLOURS, ["stated", "month_remainder", "gap"]),
    )
    x = alt.X(
        "week_start:T",
        title="Week starting",
        axis=alt.Axis(format="%b %Y", tickCount="month", labelOverlap=True),
    )
    tooltip = [
        alt.Tooltip("week_start:T", title="Week starting", format="%d %b %Y"),
        alt.Tooltip("value:Q", title=label, format=_fmt(field)),
        alt.Tooltip("source_label:N", title="Source"),
        *[alt.Tooltip(f"{c}:N") for c in extra],
    ]
    gaps = (
        alt.Chart()
        .mark_rect(opacity=0.35)
        .encode(x=x, x2="week_next:T", color=colour)
        .transform_filter(alt.datum.source_label == SOURCE_LABELS["gap"])
    )
    points = (
        alt.Chart()
        .mark_point(filled=True, size=30)
        .encode(x=x, y=alt.Y("value:Q", title=f"{label} per week"), color=colour, tooltip=tooltip)
        .transform_filter(alt.datum.value != None)  # noqa: E711 (a Vega expression)
    )
    line = (
        alt.Chart()
        .mark_line(
            color=BLACK,
            strokeWidth=1.5,
            invalid=BREAK_AT_GAPS,
            point=alt.OverlayMarkDef(color=BLACK, size=8),  # a lone full window still shows
        )
        .encode(
            x=x,
            y=alt.Y("rolling:Q", title=f"{label} per week"),
            tooltip=[
                alt.Tooltip("week_start:T", title="Week starting", format="%d %b %Y"),
                alt.Tooltip("rolling:Q", title=f"{rolling_weeks}-week mean", format=_fmt(field)),
            ],
        )
    )
    return alt.layer(points, gaps, line, data=frame).properties(
        title=alt.Title(
            f"{label}: weekly figures",
            subtitle=(
                f"Line: {rolling_weeks}-week rolling mean, broken wherever a week in its "
                "window has no figure. Shaded: weeks without a figure."
            ),
        )
    )


def period_totals_chart(
    frame: pl.DataFrame, period_col: str, fields: Sequence[str] = ITEM_FIELDS
) -> alt.FacetChart:
    """Monthly, quarterly or annual totals, one panel per item type, coloured by their source.

    Periods without a figure are shaded grey so a gap never reads as a zero bar.
    """
    fields = list(fields)
    _check_frame(frame, "frame", [period_col, "source", *fields])
    extra = [c for c in ("coverage_pct",) if c in frame.columns]
    long = (
        frame.select(period_col, "source", *extra, *fields)
        .sort(period_col)
        .unpivot(on=fields, index=[period_col, "source", *extra], variable_name="field")
        .pipe(_source_labels)
        .with_columns(item=pl.col("field").replace_strict({f: _label(f) for f in fields}))
        .drop("field", "source")
    )
    x = _period_x(frame, period_col)
    present = [s for s in SOURCE_LABELS if s in set(frame["source"].fill_null("gap"))]
    colour = alt.Color(
        "source_label:N",
        title="Source",
        legend=alt.Legend(symbolOpacity=1),
        scale=_scale(SOURCE_LABELS, SOURCE_COLOURS, present),
    )
    bars = (
        alt.Chart()
        .mark_bar(width=alt.RelativeBandSize(0.9))
        .encode(
            x=x,
            y=alt.Y("value:Q", title=None, axis=alt.Axis(format=",.0f", tickMinStep=1)),
            color=colour,
            tooltip=[
                _period_tooltip(frame, period_col),
                alt.Tooltip("item:N", title="Item"),
                alt.Tooltip("value:Q", title="Figure", format=",.1f"),
                alt.Tooltip("source_label:N", title="Source"),
                *[alt.Tooltip(f"{c}:Q", format=".1f") for c in extra],
            ],
        )
        .transform_filter(alt.datum.value != None)  # noqa: E711
    )
    gaps = (
        alt.Chart()
        .mark_rect(opacity=0.35)
        .encode(x=x, color=colour)
        .transform_filter(alt.datum.value == None)  # noqa: E711
    )
    return (
        alt.layer(bars, gaps, data=long)
        .properties(width=WIDTH, height=PANEL_HEIGHT)
        .facet(row=alt.Row("item:N", title=None, sort=[_label(f) for f in fields]))
        .resolve_scale(y="independent")
        .properties(
            title=alt.Title(
                f"Clearance by {_period_title(frame, period_col).lower()}",
                subtitle="Colour: where each total comes from. Shaded grey: no figure.",
            )
        )
    )


def cumulative_chart(
    cumulative_rows: pl.DataFrame,
    fields: Sequence[str] = ("area_ha", *ITEM_FIELDS),
    date_col: str = "period_end",
) -> alt.FacetChart:
    """Cumulative snapshots over time, one panel per field, with falls marked.

    Takes rows of `statements` (those with period_precision 'cumulative' are kept when the column
    is there). A series is one scope and start date; a fall is a snapshot lower than an earlier
    one of the same series, which a cumulative total should never show.
    """
    _check_frame(cumulative_rows, "cumulative_rows", [date_col, "scope"])
    fields = [f for f in fields if f in cumulative_rows.columns]
    if not fields:
        raise ValueError("cumulative_rows: none of the requested fields are columns")
    frame = cumulative_rows
    if "period_precision" in frame.columns:
        frame = frame.filter(pl.col("period_precision") == "cumulative")
    since = (
        pl.lit(" since ") + pl.col("cumulative_since").cast(pl.String)
        if "cumulative_since" in frame.columns
        else pl.lit("")
    )
    ids = ["statement_id"] if "statement_id" in frame.columns else []
    long = (
        frame.with_columns(series=pl.col("scope") + since.fill_null(""))
        .select(date_col, "series", *ids, *fields)
        .unpivot(on=fields, index=[date_col, "series", *ids], variable_name="field")
        .drop_nulls("value")
        .sort("series", "field", date_col)
        .with_columns(falls=_falls("value", ["series", "field"], date_col))
        .with_columns(
            item=pl.col("field").replace_strict({f: _label(f) for f in fields}),
            mark=pl.when("falls").then(pl.lit("lower than an earlier snapshot")),
        )
        .drop("field")
    )
    x = alt.X(f"{date_col}:T", title="As of")
    tooltip = [
        alt.Tooltip(f"{date_col}:T", title="As of", format="%d %b %Y"),
        alt.Tooltip("series:N", title="Series"),
        alt.Tooltip("value:Q", title="Cumulative figure", format=",.1f"),
        *[alt.Tooltip(f"{c}:N") for c in ids],
    ]
    y = alt.Y("value:Q", title=None, axis=alt.Axis(format=",.0f"))
    colour = alt.Color("series:N", title="Series")
    line = alt.Chart().mark_line(point=True, invalid=BREAK_AT_GAPS).encode(x=x, y=y, color=colour)
    points = alt.Chart().mark_point(filled=True, size=40).encode(x, y, colour, tooltip=tooltip)
    return (
        alt.layer(line, points, *_falls_layer(long, x, y, tooltip, size=140), data=long)
        .properties(height=PANEL_HEIGHT)
        .facet(row=alt.Row("item:N", title=None, sort=[_label(f) for f in fields]))
        .resolve_scale(y="independent")
        .properties(
            title=alt.Title(
                "Cumulative figures over time",
                subtitle="Red triangles: a snapshot lower than an earlier one of the same series.",
            )
        )
    )


def items_per_hectare_chart(frame: pl.DataFrame, period_col: str) -> alt.LayerChart:
    """Items found per hectare cleared, by item type and in all, per period.

    Periods without both figures (or with no area) have no ratio; the lines break there.
    """
    _check_frame(frame, "frame", [period_col, "area_ha", *ITEM_FIELDS])
    area = pl.when(pl.col("area_ha") > 0).then(pl.col("area_ha"))
    if "source" in frame.columns:
        area = pl.when(pl.col("source") != "gap").then(area)
    labels = {**{f: _label(f) for f in ITEM_FIELDS}, "all_items": "All items"}
    long = (
        frame.sort(period_col)
        .select(
            period_col,
            *[(pl.col(f) / area).alias(f) for f in ITEM_FIELDS],
            all_items=pl.sum_horizontal(ITEM_FIELDS, ignore_nulls=False) / area,
        )
        .unpivot(index=period_col, variable_name="field", value_name="items_per_ha")
        .with_columns(item=pl.col("field").replace_strict(labels))
        .drop("field")
    )
    x = _period_x(frame, period_col)
    y = alt.Y("items_per_ha:Q", title="Items per hectare cleared", axis=alt.Axis(format=",.2~f"))
    colour = alt.Color(
        "item:N",
        title="Item",
        scale=alt.Scale(domain=list(labels.values()), range=[BLUE, ORANGE, GREEN, BLACK]),
    )
    line = alt.Chart().mark_line(invalid=BREAK_AT_GAPS).encode(x=x, y=y, color=colour)
    points = (
        alt.Chart()
        .mark_point(filled=True, size=25)
        .encode(
            x=x,
            y=y,
            color=colour,
            tooltip=[
                alt.Tooltip("item:N", title="Item"),
                alt.Tooltip("items_per_ha:Q", title="Per hectare", format=",.3f"),
            ],
        )
        .transform_filter(alt.datum.items_per_ha != None)  # noqa: E711
    )
    return alt.layer(line, points, data=long).properties(
        title=alt.Title(
            "Items found per hectare cleared",
            subtitle="Only periods with both figures; lines break where one is missing.",
        )
    )


def district_ranking_chart(districts: pl.DataFrame, field: str = "area_ha") -> alt.Chart:
    """Districts ranked by a figure published for each district.

    Only rows with a district code are used: a whole-territory figure is never split across
    districts. Rows must share one period precision; cumulative rows keep each district's latest
    snapshot, other rows are summed per district.
    """
    _check_frame(districts, "districts", ["district_code", "district", field])
    frame = districts.filter(pl.col("district_code").is_not_null() & pl.col(field).is_not_null())
    if "period_precision" in frame.columns:
        precisions = sorted(frame["period_precision"].unique().drop_nulls())
        if len(precisions) > 1:
            raise ValueError(
                f"districts mixes period precisions {precisions}; filter to one so that "
                "overlapping periods are not added together"
            )
        if precisions == ["cumulative"]:
            frame = (
                frame.sort("district_code", "period_end")
                .group_by("district_code", maintain_order=True)
                .last()
            )
    keys = [c for c in ("period_start", "period_end") if c in frame.columns]
    if keys:  # one figure per district and period, whichever statement or version carries it
        order = [c for c in ("statement_id", "version") if c in frame.columns]
        frame = frame.sort("district_code", *keys, *order).unique(
            ["district_code", *keys], keep="first", maintain_order=True
        )
    ranked = (
        frame.group_by("district_code", "district")
        .agg(pl.col(field).sum())
        .sort([field, "district"], descending=[True, False])
    )
    label = _label(field)
    return (
        alt.Chart(ranked)
        .mark_bar(color=BLUE)
        .encode(
            x=alt.X(f"{field}:Q", title=label, axis=alt.Axis(format=",.0f")),
            y=alt.Y("district:N", title=None, sort="-x"),
            tooltip=[
                alt.Tooltip("district:N", title="District"),
                alt.Tooltip("district_code:N", title="Code"),
                alt.Tooltip(f"{field}:Q", title=label, format=_fmt(field)),
            ],
        )
        .properties(
            title=alt.Title(
                f"{label} by district",
                subtitle="Figures published per district; territory-wide totals are not split.",
            )
        )
    )


def _victim_series(victims: pl.DataFrame) -> pl.DataFrame:
    region = pl.col("region").fill_null("") if "region" in victims.columns else pl.lit("")
    return victims.with_columns(
        series=pl.concat_str(
            pl.col("publisher"),
            pl.col("scope").fill_null("unspecified"),
            separator=" · ",
        )
        + pl.when(region != "").then(pl.lit(" · ") + region).otherwise(pl.lit(""))
    )


def victims_chart(victims: pl.DataFrame) -> alt.LayerChart:
    """Victim tallies over time, one line per publisher and scope, falls marked.

    The tally is `total_victims`, or killed plus injured where no total is given. A fall is a
    tally lower than an earlier one of the same series (column `falls`).
    """
    _check_frame(victims, "victims", ["publisher", "scope", "as_of", "killed", "injured", "falls"])
    ids = ["statement_id"] if "statement_id" in victims.columns else []
    total = pl.col("killed") + pl.col("injured")
    if "total_victims" in victims.columns:
        total = pl.coalesce(pl.col("total_victims"), total)
    frame = (
        _victim_series(victims)
        .with_columns(
            victims=total,
            mark=pl.when("falls").then(pl.lit("lower than an earlier tally")),
        )
        .select("as_of", "publisher", "scope", "series", "victims", "falls", "mark", *ids)
        .drop_nulls("victims")
        .sort("series", "as_of")
    )
    x = alt.X("as_of:T", title="As of")
    y = alt.Y("victims:Q", title="Victims (killed and injured)", axis=alt.Axis(format=",d"))
    tooltip = [
        alt.Tooltip("as_of:T", title="As of", format="%d %b %Y"),
        alt.Tooltip("series:N", title="Series"),
        alt.Tooltip("victims:Q", title="Victims", format=",d"),
        *[alt.Tooltip(f"{c}:N") for c in ids],
    ]
    lines = (
        alt.Chart()
        .mark_line(point=True, invalid=BREAK_AT_GAPS)
        .encode(
            x=x,
            y=y,
            color=alt.Color("publisher:N", title="Publisher"),
            strokeDash=alt.StrokeDash(
                "scope:N", title="Scope", legend=alt.Legend(symbolType="stroke")
            ),
            detail="series:N",
            tooltip=tooltip,
        )
    )
    return alt.layer(lines, *_falls_layer(frame, x, y, tooltip, size=150), data=frame).properties(
        title=alt.Title(
            "Mine and UXO victims: published tallies",
            subtitle="Red triangles: a tally lower than an earlier one of the same series.",
        )
    )


def killed_injured_chart(victims: pl.DataFrame) -> alt.Chart:
    """Killed and injured in the latest tally of each publisher and scope, stacked."""
    _check_frame(victims, "victims", ["publisher", "scope", "as_of", "killed", "injured"])
    latest = (
        _victim_series(victims)
        .sort("series", "as_of")
        .group_by("series", maintain_order=True)
        .last()
        .with_columns(
            series=pl.col("series")
            + pl.lit(" (")
            + pl.col("as_of").dt.strftime("%Y-%m-%d")
            + pl.lit(")")
        )
        .select("series", "as_of", "killed", "injured")
        .unpivot(on=["killed", "injured"], index=["series", "as_of"], variable_name="outcome")
        .drop_nulls("value")
    )
    return (
        alt.Chart(latest)
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title="People", axis=alt.Axis(format=",d"), stack="zero"),
            y=alt.Y("series:N", title=None),
            color=alt.Color(
                "outcome:N",
                title=None,
                scale=alt.Scale(domain=["killed", "injured"], range=[VERMILLION, SKY]),
            ),
            order=alt.Order("outcome:N", sort="descending"),
            tooltip=[
                alt.Tooltip("series:N", title="Tally"),
                alt.Tooltip("outcome:N", title="Outcome"),
                alt.Tooltip("value:Q", title="People", format=",d"),
            ],
        )
        .properties(
            title=alt.Title(
                "Killed and injured: latest tally of each publisher",
                subtitle="Each bar is one publisher's series, as of the date in brackets.",
            )
        )
    )


def reconciliation_chart(reconciliation: pl.DataFrame) -> alt.FacetChart:
    """Each stated total against the sum of its finer figures, coloured by verdict.

    Points on the diagonal agree; statements without finer figures cannot be placed and are
    counted in the subtitle.
    """
    columns = ["level", "period_start", "field", "stated", "sum_of_finer", "verdict"]
    _check_frame(reconciliation, "reconciliation", columns)
    extra = [
        c for c in ("statement_id", "difference", "coverage_pct") if c in reconciliation.columns
    ]
    placed = reconciliation.filter(
        pl.col("stated").is_not_null() & pl.col("sum_of_finer").is_not_null()
    )
    unplaced = reconciliation.height - placed.height
    fields = [f for f in (*ITEM_FIELDS, "area_ha") if f in set(placed["field"])]
    points = placed.select(*columns, *extra).with_columns(
        kind=pl.lit("point"),
        item=pl.col("field").replace_strict({f: _label(f) for f in fields}, default=None),
        verdict_label=pl.col("verdict").replace_strict(VERDICT_LABELS),
    )
    diagonal = (
        points.group_by("item", maintain_order=True)
        .agg(top=pl.max_horizontal("stated", "sum_of_finer").max())
        .with_columns(bounds=pl.concat_list(pl.lit(0.0), pl.col("top")), kind=pl.lit("diagonal"))
        .explode("bounds")
        .with_columns(stated=pl.col("bounds"), sum_of_finer=pl.col("bounds"))
        .drop("top", "bounds")
    )
    data = pl.concat([points.drop("field", "verdict"), diagonal], how="diagonal_relaxed")
    x = alt.X("stated:Q", title="Stated total", axis=alt.Axis(format=",.0f"))
    y = alt.Y("sum_of_finer:Q", title="Sum of finer figures", axis=alt.Axis(format=",.0f"))
    dots = (
        alt.Chart()
        .mark_point(filled=True, size=60, opacity=0.85)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "verdict_label:N",
                title="Verdict",
                scale=_scale(VERDICT_LABELS, VERDICT_COLOURS, list(VERDICT_LABELS)),
            ),
            shape=alt.Shape("level:N", title="Level"),
            tooltip=[
                alt.Tooltip("level:N", title="Level"),
                alt.Tooltip("period_start:T", title="Period start", format="%d %b %Y"),
                alt.Tooltip("stated:Q", title="Stated", format=",.1f"),
                alt.Tooltip("sum_of_finer:Q", title="Sum of finer", format=",.1f"),
                alt.Tooltip("verdict_label:N", title="Verdict"),
                *[alt.Tooltip(c) for c in extra],
            ],
        )
        .transform_filter(alt.datum.kind == "point")
    )
    line = (
        alt.Chart()
        .mark_line(color=GREY, strokeDash=[4, 4])
        .encode(x=x, y=y)
        .transform_filter(alt.datum.kind == "diagonal")
    )
    return (
        alt.layer(line, dots, data=data)
        .properties(width=300, height=300)
        .facet(facet=alt.Facet("item:N", title=None, sort=[_label(f) for f in fields]), columns=2)
        .resolve_scale(x="independent", y="independent")
        .properties(
            title=alt.Title(
                "Stated totals against the sum of finer figures",
                subtitle=(
                    "Dashed: equality. "
                    f"{unplaced} statement(s) without finer figures are not shown."
                ),
            )
        )
    )


def coverage_chart(coverage: pl.DataFrame) -> alt.Chart:
    """Weeks per year with a stated figure, filled from a month's remainder, or missing."""
    columns = ["year", "weeks_in_year", "weeks_filled_by_month_remainder", "weeks_missing"]
    _check_frame(coverage, "coverage", columns)
    labels = {
        "stated": "weeks with a stated figure",
        "remainder": "weeks filled by month remainder",
        "missing": "weeks missing",
    }
    extra = [c for c in ("months_with_figures", "has_year_total") if c in coverage.columns]
    long = (
        coverage.sort("year")
        .select(
            "year",
            *extra,
            stated=(
                pl.col("weeks_in_year")
                - pl.col("weeks_missing")
                - pl.col("weeks_filled_by_month_remainder")
            ).clip(lower_bound=0),
            remainder=pl.col("weeks_filled_by_month_remainder"),
            missing=pl.col("weeks_missing"),
        )
        .unpivot(on=list(labels), index=["year", *extra], variable_name="kind", value_name="weeks")
        .with_columns(
            status=pl.col("kind").replace_strict(labels),
            stack_order=pl.col("kind").replace_strict({k: i for i, k in enumerate(labels)}),
        )
        .drop("kind")
    )
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("weeks:Q", title="Weeks", stack="zero", axis=alt.Axis(format="d")),
            color=alt.Color(
                "status:N",
                title=None,
                scale=alt.Scale(domain=list(labels.values()), range=[BLUE, ORANGE, GREY]),
            ),
            order=alt.Order("stack_order:Q"),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("status:N", title="Weeks"),
                alt.Tooltip("weeks:Q", title="Count", format="d"),
                *[alt.Tooltip(c) for c in extra],
            ],
        )
        .properties(
            width=alt.Step(40),
            title=alt.Title(
                "Weekly coverage of clearance figures",
                subtitle="Weeks of each year with a stated figure, a derived one, or none.",
            ),
        )
    )


def projection_chart(projection: pl.DataFrame) -> alt.LayerChart:
    """Years to clear the remaining area under each scenario, against the official claims.

    A dot is the central estimate, its whisker the range from the rate's bounds; dashed rules
    mark the officially quoted horizons (10 and 30 years). A scenario without a finite estimate
    (a zero rate) is labelled instead of drawn.
    """
    columns = ["scenario", "rate_ha_per_year", "rate_low", "rate_high"]
    _check_frame(projection, "projection", [*columns, "years", "years_low", "years_high"])
    finite = {
        c: pl.when(pl.col(c).cast(pl.Float64).is_finite()).then(pl.col(c).cast(pl.Float64))
        for c in ("years", "years_low", "years_high")
    }
    frame = projection.select(*columns, **finite).with_columns(
        low=pl.min_horizontal("years_low", "years_high"),
        high=pl.max_horizontal("years_low", "years_high"),
        note=pl.when(pl.col("years").is_null()).then(pl.lit("no finite estimate")),
    )
    y = alt.Y("scenario:N", title=None, sort=frame["scenario"].to_list())
    tooltip = [
        alt.Tooltip("scenario:N", title="Scenario"),
        alt.Tooltip("rate_ha_per_year:Q", title="Rate (ha/year)", format=",.0f"),
        alt.Tooltip("rate_low:Q", title="Rate, low", format=",.0f"),
        alt.Tooltip("rate_high:Q", title="Rate, high", format=",.0f"),
        alt.Tooltip("years:Q", title="Years", format=",.1f"),
        alt.Tooltip("low:Q", title="Years, low", format=",.1f"),
        alt.Tooltip("high:Q", title="Years, high", format=",.1f"),
    ]
    x = alt.X("years:Q", title="Years to clear the remaining area", axis=alt.Axis(format=",d"))
    base = alt.Chart(frame)
    whiskers = base.mark_rule(color=BLACK, strokeWidth=1.5).encode(
        x=alt.X("low:Q", title=x.to_dict()["title"]), x2="high:Q", y=y, tooltip=tooltip
    )
    dots = base.mark_point(filled=True, size=90, color=BLUE).encode(x=x, y=y, tooltip=tooltip)
    notes = (
        base.mark_text(align="left", dx=4, color="#555555")
        .encode(x=alt.datum(0), y=y, text="note:N")
        .transform_filter(alt.datum.note != None)  # noqa: E711
    )
    claims = pl.DataFrame(
        {
            "years": [float(v) for v in OFFICIAL_CLAIMS_YEARS],
            "claim": [f"official claim: {v} years" for v in OFFICIAL_CLAIMS_YEARS],
        }
    )
    rules = alt.Chart(claims).mark_rule(color=VERMILLION, strokeDash=[6, 4]).encode(x="years:Q")
    labels = (
        alt.Chart(claims)
        .mark_text(align="left", baseline="bottom", dx=3, y=-3, color=VERMILLION)
        .encode(x="years:Q", text="claim:N")
    )
    return (
        alt.layer(
            rules, labels, whiskers, dots, *([notes] if frame["note"].is_not_null().any() else [])
        )
        .properties(height=alt.Step(32))
        .properties(
            title=alt.Title(
                "Years to clear under each scenario",
                subtitle="Whiskers: range from the rate's bounds. Dashed: official claims.",
                offset=16,
            )
        )
    )


# -- saving ---------------------------------------------------------------------------------------


def chart_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite spec under the project theme, whatever theme is active."""
    with alt.theme.enable(THEME):
        return chart.to_dict()


def save_chart(
    chart: alt.TopLevelMixin, name: str, folder: str | Path | None = None, scale: float = 2.0
) -> dict[str, Path]:
    """Write `<name>.svg`, `<name>.png` and `<name>.vl.json` under `folder` (reports/figures).

    All three are pure functions of the chart: altair names datasets by a hash of their content,
    the JSON has sorted keys, and vl-convert renders byte-identically run after run.
    """
    import vl_convert as vlc

    if not name or Path(name).name != name or name.startswith("."):
        raise ValueError(f"name must be a plain file stem, not {name!r}")
    out = Path(folder) if folder is not None else FIGURES
    out.mkdir(parents=True, exist_ok=True)
    spec = chart_spec(chart)
    vl_version = "_".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    paths = {
        "svg": out / f"{name}.svg",
        "png": out / f"{name}.png",
        "vl.json": out / f"{name}.vl.json",
    }
    svg = vlc.vegalite_to_svg(spec, vl_version=vl_version)
    paths["svg"].write_text(svg, encoding="utf-8")
    # Rasterising the SVG just drawn costs half of drawing the chart again for the PNG.
    paths["png"].write_bytes(vlc.svg_to_png(svg, scale=scale))
    text = json.dumps(spec, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    paths["vl.json"].write_text(text + "\n", encoding="utf-8")
    return paths


def show_chart(chart: alt.TopLevelMixin, name: str, folder: str | Path | None = None) -> Any:
    """Save the chart (see `save_chart`) and return its SVG for the notebook to display.

    Displaying the saved SVG avoids drawing the chart a second time, and the notebook shows
    exactly the figure a paper would cite.
    """
    from IPython.display import SVG

    return SVG(filename=str(save_chart(chart, name, folder)["svg"]))

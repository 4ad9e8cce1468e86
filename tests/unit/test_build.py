"""research.build and research.reconcile on small raw folders we write ourselves."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta

import polars as pl
import pytest

from research.build import KEYS, build, build_tables, cluster_extracted, load
from research.paths import RAW
from research.schema import TABLES

MONDAY = date(2024, 1, 1)


def week(i: int, ap=None, at=None, uxo=None, area=None, days=7, **extra) -> dict:
    start = MONDAY + timedelta(weeks=i)
    return {
        "statement_id": f"clr-w{i:02d}", "period_start": start,
        "period_end": start + timedelta(days=days - 1), "period_precision": "week",
        "anti_personnel": ap, "anti_tank": at, "uxo": uxo, "area_ha": area, **extra,
    }  # fmt: skip


def write_raw(folder, clearance=(), casualties=()) -> None:
    """A raw folder with the given rows; every row cites report r-1."""
    folder.mkdir(parents=True, exist_ok=True)
    pl.DataFrame(
        [
            {
                "report_id": "r-1",
                "url": "https://example.org/r1",
                "outlet": "Example",
                "published": date(2024, 6, 1),
                "language": "en",
                "title": None,
                "publisher": "ANAMA",
                "retrieved": date(2026, 11, 22),
            }
        ],
        schema={f.name: f.dtype for f in TABLES["reports"].fields},
    ).write_csv(folder / "reports.csv")
    defaults = {
        "clearance": {"version": "a", "report_ids": "r-1", "scope": "all_operators",
                      "status": "final", "district_level": "whole_territory"},
        "casualties": {"version": "a", "report_ids": "r-1", "publisher": "MFA",
                       "scope": "all_victims", "region": "liberated_territories",
                       "period_precision": "cumulative", "cumulative_since": date(2020, 11, 10),
                       "period_start": date(2020, 11, 10)},
    }  # fmt: skip
    for name, rows in (
        ("clearance", clearance),
        ("casualties", casualties),
        ("maps", ()),
        ("claims", ()),
    ):
        table = TABLES[name]
        full = [{**dict.fromkeys(table.columns), **defaults.get(name, {}), **r} for r in rows]
        frame = pl.DataFrame(full, schema={f.name: f.dtype for f in table.fields}, orient="row")
        frame.write_csv(folder / f"{name}.csv", date_format="%Y-%m-%d")
    if not casualties:
        pass


@pytest.fixture
def small(tmp_path):
    raw = tmp_path / "raw"
    write_raw(
        raw,
        clearance=[
            week(0, 10, 5, 100, 400.0),
            week(1, 20, 5, 100, 410.0, days=6),
            # weeks 2, 3 missing; January stated: remainder = month - weeks 0..1. Week 4
            # starts on Monday 29 January but has most of its days (its Thursday) in February.
            week(4, 15, 5, 100, 390.5),
            {
                "statement_id": "clr-2024-01",
                "period_start": date(2024, 1, 1),
                "period_end": date(2024, 1, 31),
                "period_precision": "month",
                "anti_personnel": 100,
                "anti_tank": 30,
                "uxo": 500,
                "area_ha": 2000.0,
            },
            # February: two weeks stated, nothing else -> partial sum, never interpolated
            week(5, 1, 1, 1, 1.0),
            week(6, 2, 2, 2, 2.0),
            # a garbled 37-day "week" and an operator-only figure stay out of the series
            week(8, 9, 9, 9, 9.0, days=37),
            {**week(9, 3, 3, 3, 3.0), "statement_id": "clr-mod-w09", "scope": "mod"},
            # a per-district figure
            {
                "statement_id": "clr-2024-AGM",
                "period_start": date(2024, 1, 1),
                "period_end": date(2024, 12, 31),
                "period_precision": "year",
                "area_ha": 700.0,
                "district_codes": "AZ-AGM",
                "district_level": "per_district",
            },
            # two outlets disagree on week 10
            week(10, 7, 7, 7, 70.0, report_ids="r-1", version="a"),
            {**week(10, 7, 7, 7, 700.0), "version": "b"},
        ],
        casualties=[
            {
                "statement_id": "cas-1",
                "period_end": date(2023, 12, 6),
                "total_victims": 341,
                "killed": 65,
                "injured": 276,
            },
            {"statement_id": "cas-2", "period_end": date(2023, 12, 26), "total_victims": 322},
        ],
    )
    return raw


def test_weekly_calendar_keeps_gaps_and_marks_six_day_weeks(small):
    weekly = build_tables(small)["weekly"]
    assert weekly["week_start"].dt.weekday().unique().to_list() == [1]  # Mondays
    feb = weekly.filter(pl.col("week_start") >= date(2024, 2, 5))
    gaps = feb.filter(pl.col("source") == "gap")
    assert gaps.height >= 1
    assert gaps.select(pl.col("anti_personnel", "area_ha").null_count()).row(0) == (
        gaps.height,
        gaps.height,
    )
    six = weekly.filter(pl.col("week_start") == date(2024, 1, 8)).row(0, named=True)
    assert six["is_six_day_week"] and six["days"] == 6


def test_month_remainder_is_one_labelled_row_not_spread(small):
    weekly = build_tables(small)["weekly"]
    rem = weekly.filter(pl.col("source") == "month_remainder")
    assert rem.height == 1
    row = rem.row(0, named=True)
    assert (row["week_start"], row["week_end"]) == (date(2024, 1, 15), date(2024, 1, 28))
    assert (row["anti_personnel"], row["anti_tank"], row["uxo"]) == (70, 20, 300)
    assert row["area_ha"] == pytest.approx(2000 - 400 - 410)
    assert row["statement_id"] == "clr-2024-01"
    # the remainder replaces the gap weeks it spans: no week row overlaps it
    inside = weekly.filter(pl.col("week_start").is_between(date(2024, 1, 16), date(2024, 1, 28)))
    assert inside.height == 0


def test_monthly_quarterly_annual_sources(small):
    t = build_tables(small)
    monthly = {r["month_start"]: r for r in t["monthly"].iter_rows(named=True)}
    assert monthly[date(2024, 1, 1)]["source"] == "stated"
    feb = monthly[date(2024, 2, 1)]  # weeks 4, 5, 6 of the five whose Thursday is in February
    assert feb["source"] == "partial" and feb["anti_personnel"] == 18
    assert feb["coverage_pct"] == 60.0
    q1 = t["quarterly"].row(0, named=True)
    assert q1["source"] == "partial"
    (y2024,) = t["annual"].filter(pl.col("year") == 2024).iter_rows(named=True)
    assert y2024["source"] == "partial"


def test_reconciliation_verdicts(small):
    rec = build_tables(small)["reconciliation"]
    jan = rec.filter((pl.col("level") == "month") & (pl.col("field") == "anti_personnel")).row(
        0, named=True
    )
    assert jan["stated"] == 100 and jan["sum_of_finer"] == 30
    assert jan["coverage_pct"] == 41.9  # weeks 0 and 1 cover 13 of January's 31 days
    assert jan["verdict"] == "explained_by_coverage"


def test_every_statement_is_in_a_series_or_in_the_anomalies(small):
    t = build_tables(small)
    used = set()
    for name in ("weekly", "monthly", "annual", "reconciliation", "districts"):
        used |= set(t[name]["statement_id"].drop_nulls().to_list())
    flagged = set(zip(t["anomalies"]["statement_id"], t["anomalies"]["version"], strict=True))
    for sid, version in t["statements"].select("statement_id", "version").iter_rows():
        assert sid in used or (sid, version) in flagged, sid
    checks = set(zip(t["anomalies"]["statement_id"], t["anomalies"]["check"], strict=True))
    assert ("clr-w08", "week_not_in_series") in checks
    assert ("clr-mod-w09", "not_in_series") in checks
    assert t["districts"]["district_code"].to_list() == ["AZ-AGM"]
    assert t["districts"]["district"].to_list() == ["Aghdam"]


def test_disagreeing_versions_one_in_series_the_other_listed(small):
    t = build_tables(small)
    w10 = t["weekly"].filter(pl.col("statement_id") == "clr-w10").row(0, named=True)
    assert w10["version"] == "a"
    other = t["anomalies"].filter(
        (pl.col("statement_id") == "clr-w10") & (pl.col("check") == "other_version")
    )
    assert other["version"].to_list() == ["b"]


def test_victim_falls_are_marked_not_smoothed(small):
    victims = build_tables(small)["victims"]
    assert victims["total_victims"].to_list() == [341, 322]
    assert victims["falls"].to_list() == [False, True]


def test_bad_rows_never_stop_the_build(small):
    lines = (small / "clearance.csv").read_text().splitlines()
    lines.append(lines[1].replace("clr-w00", "clr-bad").replace(",10,", ",ten,", 1))
    (small / "clearance.csv").write_text("\n".join(lines) + "\n")
    t = build_tables(small)
    errors = t["anomalies"].filter(pl.col("check") == "structure_error")
    assert errors.height == 1 and "clearance.csv" in errors["message"][0]
    assert "clr-bad" not in t["statements"]["statement_id"].to_list()


def test_tables_are_sorted_by_key_and_builds_are_byte_identical(small, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build(small, a)
    build(small, b)
    for path in sorted(a.iterdir()):
        assert path.read_bytes() == (b / path.name).read_bytes(), path.name
    for name, key in KEYS.items():
        frame = pl.read_parquet(a / f"{name}.parquet")
        assert frame.select(key).equals(frame.select(key).sort(key, nulls_last=True)), name
    manifest = json.loads((a / "manifest.json").read_text())
    assert "weekly.parquet" in manifest["files"]
    assert set(json.loads((a / "hxl.json").read_text())["weekly"]) >= {"week_start", "uxo"}


def test_processed_package_validates_with_frictionless(small, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    build(small, tmp_path / "p")
    report = frictionless.validate(tmp_path / "p" / "datapackage.json")
    assert report.valid, [e.message for t in report.tasks for e in t.errors][:5]


def test_load_builds_when_missing_and_rejects_unknown_names(small, tmp_path):
    weekly = load("weekly", processed=tmp_path / "p", raw=small)
    assert weekly.height > 0
    with pytest.raises(ValueError, match="unknown table 'weeks'"):
        load("weeks", processed=tmp_path / "p", raw=small)


def test_extracted_records_cluster_across_outlets_with_rounding():
    base = {"kind": "clearance", "period_start": "2024-10-07", "period_end": "2024-10-13",
            "period_precision": "week", "cumulative_since": None, "anti_personnel": 141,
            "anti_tank": 64, "uxo": 625, "items_total": None, "district_codes": ["AZ-AGM"],
            "flags": []}  # fmt: skip
    records = [
        {**base, "doc": "trend", "area_ha": 1198.7},
        {**base, "doc": "azernews", "area_ha": 1198.0},  # rounded by the outlet
        {**base, "doc": "swapped", "anti_personnel": 64, "anti_tank": 141, "area_ha": 1198.7},
    ]
    statements = cluster_extracted(records)
    assert [(s["version"], s["report_ids"]) for s in statements] == [
        ("a", "doc:azernews;doc:trend"),
        ("b", "doc:swapped"),
    ]
    assert all("outlet_disagreement" in s["flags"] for s in statements)


def test_extracted_figures_of_one_district_are_that_districts_statement():
    base = {"kind": "clearance", "period_start": "2024-10-07", "period_end": "2024-10-13",
            "period_precision": "week", "cumulative_since": None, "anti_tank": None,
            "uxo": None, "items_total": None, "area_ha": None, "flags": []}  # fmt: skip
    records = [
        {**base, "doc": "t", "anti_personnel": 141, "district_codes": ["AZ-AGM", "AZ-FUZ"],
         "district_level": "whole_territory"},
        {**base, "doc": "t", "anti_personnel": 40, "district_codes": ["AZ-AGM"],
         "district_level": "per_district"},
        {**base, "doc": "t", "anti_personnel": 101, "district_codes": ["AZ-FUZ"],
         "district_level": "per_district"},
    ]  # fmt: skip
    statements = cluster_extracted(records)
    assert [(s["statement_id"], s["district_level"], s["anti_personnel"]) for s in statements] == [
        ("ext-2024-10-07-2024-10-13-AZ-AGM", "per_district", 40),
        ("ext-2024-10-07-2024-10-13-AZ-FUZ", "per_district", 101),
        ("ext-2024-10-07-2024-10-13", "whole_territory", 141),
    ]
    assert all(s["flags"] is None for s in statements)  # no outlet disagreement among them


def test_user_report_files_enter_the_build(small, tmp_path):
    reports = small / "reports"
    reports.mkdir()
    (reports / "w20.md").write_text(
        "---\nurl: https://example.org/w20\npublished: 2024-05-20\n---\n"
        "From May 13 to May 19, 2024, 12 anti-tank mines and 30 anti-personnel mines were "
        "found, and 250.5 hectares were cleared.\n",
        encoding="utf-8",
    )
    (reports / "broken.md").write_text("---\npublished: 2024-02-30\n---\ntext\n", encoding="utf-8")
    t = build_tables(small)
    ext = t["statements"].filter(pl.col("origin") == "extracted").row(0, named=True)
    assert (ext["anti_personnel"], ext["anti_tank"], ext["area_ha"]) == (30, 12, 250.5)
    assert ext["report_ids"] == "doc:w20"
    assert t["weekly"].filter(pl.col("statement_id") == ext["statement_id"]).height == 1
    rejected = t["anomalies"].filter(pl.col("check") == "rejected_document")
    assert "broken.md" in rejected["message"][0]


def test_the_real_build_accounts_for_every_curated_statement(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw, ignore=shutil.ignore_patterns("reports"))
    t = build_tables(raw)
    assert t["statements"].height == pl.read_csv(RAW / "clearance.csv").height
    annual = {r["year"]: r for r in t["annual"].iter_rows(named=True)}
    assert (annual[2023]["anti_personnel"], annual[2023]["area_ha"]) == (3495, 53081.8)
    assert annual[2024]["status"] == "provisional"


def test_docs_list_every_processed_column(small):
    import re

    from research.paths import ROOT

    doc = (ROOT / "docs" / "processed-tables.md").read_text(encoding="utf-8")
    rows = {
        m.group(1): re.sub(r"\([^)]*\)", "", m.group(2))
        for m in re.finditer(r"^\| (\w+) \| [^|]+ \| (.+) \|$", doc, re.M)
    }
    for name, frame in build_tables(small).items():
        listed = [c.strip() for c in rows[name].split(",")]
        assert listed == frame.columns, name


def test_version_choice_final_then_most_complete_then_most_reports():
    from research.reconcile import choose_versions

    def versions(*rows):
        keys = ("statement_id", "version", "report_ids", "status", "uxo", "items_total_stated")
        blank = {"anti_personnel": None, "anti_tank": None, "area_ha": None, "flags": None}
        return pl.LazyFrame(
            [{**blank, **(r if isinstance(r, dict) else dict(zip(keys, r, strict=True)))}
             for r in rows]
        )  # fmt: skip

    chosen = choose_versions(
        versions(
            # final beats provisional, however many reports carry the provisional one
            ("y2024", "a", "r-1", "final", 10, None),
            ("y2024", "b", "r-2;r-3", "provisional", 11, None),
            # a copy that drops the stated total loses to the complete version
            ("y2025", "a", "r-1", "final", 10, 20),
            ("y2025", "b", "r-2;r-3", "final", 10, None),
            # a version the curator flagged broken loses to a sound one, however complete
            ("c2023", "a", "r-1", "final", None, 20),
            {
                "statement_id": "c2023",
                "version": "b",
                "report_ids": "r-2",
                "status": "final",
                "uxo": 10,
                "items_total_stated": 20,
                "flags": "outlet_disagreement;stale_repeat",
            },
            # otherwise the version most reports carry wins
            ("w1", "a", "r-1", "final", 10, None),
            ("w1", "b", "r-2;r-3", "final", 11, None),
        )
    ).collect()
    assert sorted(chosen.select("statement_id", "version").rows()) == [
        ("c2023", "a"),
        ("w1", "b"),
        ("y2024", "a"),
        ("y2025", "a"),
    ]


def test_a_shortfall_coverage_cannot_explain_is_its_own_verdict():
    from research.reconcile import _verdict

    frame = pl.DataFrame(
        {
            "stated": [1695.0, 1695.0, 100.0, 100.0],
            "finer": [153.0, 900.0, 30.0, 99.8],
            "coverage": [60.0, 60.0, 41.9, 100.0],
        }
    )
    verdicts = frame.select(
        _verdict(pl.col("stated"), pl.col("finer"), pl.col("coverage"))
    ).to_series()
    assert verdicts.to_list() == [
        "short_beyond_coverage",  # 153 scaled to the month is 255, far below 1,695
        "explained_by_coverage",
        "explained_by_coverage",  # too little coverage to judge
        "agrees",
    ]

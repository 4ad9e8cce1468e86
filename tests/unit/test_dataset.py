"""research.dataset: structural errors name table, line and field; plausibility checks flag
rows without dropping them."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import polars as pl
import pytest

from research.dataset import check_casualties, check_clearance, validate_raw, weekly_coverage
from research.paths import RAW
from research.schema import CASUALTIES, CLEARANCE


@pytest.fixture
def raw(tmp_path):
    for name in ("reports", "clearance", "casualties", "maps", "claims"):
        shutil.copy(RAW / f"{name}.csv", tmp_path / f"{name}.csv")
    return tmp_path


def edit_line(path, line_no: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line_no - 1], lines[line_no - 1]
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def first_value(path, column: str, line_no: int = 2) -> str:
    return pl.read_csv(path, infer_schema=False)[column][line_no - 2]


def messages(folder) -> list[str]:
    return [str(p) for p in validate_raw(folder).errors]


def test_a_copy_of_the_committed_data_is_valid(raw):
    assert messages(raw) == []


def test_missing_file_is_named(raw):
    (raw / "maps.csv").unlink()
    assert messages(raw) == ["data/raw/maps.csv: file is missing"]


def test_missing_column_is_named(raw):
    path = raw / "claims.csv"
    pl.read_csv(path, infer_schema=False).drop("claimant").write_csv(path)
    errors = messages(raw)
    assert any("claims.csv:1" in e and "missing columns ['claimant']" in e for e in errors)


def test_bad_integer_names_table_line_and_field(raw):
    path = raw / "clearance.csv"
    frame = pl.read_csv(path, infer_schema=False)
    line = 2 + frame["anti_tank"].is_not_null().arg_true()[0]
    value = frame["anti_tank"][line - 2]
    edit_line(path, line, f",{value},", ",12x,")
    assert f"data/raw/clearance.csv:{line} [anti_tank]: '12x' is not a valid integer" in messages(
        raw
    )


def test_impossible_date_and_bad_enum(raw):
    path = raw / "reports.csv"
    published = first_value(path, "published")
    edit_line(path, 2, published, "2024-02-30")
    path = raw / "casualties.csv"
    scope = first_value(path, "scope")
    edit_line(path, 2, f",{scope},", ",everyone,")
    errors = messages(raw)
    assert "data/raw/reports.csv:2 [published]: '2024-02-30' is not a valid date" in errors
    assert any(
        e.startswith("data/raw/casualties.csv:2 [scope]: 'everyone' is not one of") for e in errors
    )


def test_duplicate_key_and_unknown_or_missing_source(raw):
    path = raw / "clearance.csv"
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    report_ids = first_value(raw / "maps.csv", "report_ids")
    edit_line(raw / "maps.csv", 2, report_ids, "nope-001")
    errors = messages(raw)
    assert any(f"clearance.csv:{len(lines) + 1} [statement_id]: duplicate key" in e for e in errors)
    assert "data/raw/maps.csv:2 [report_ids]: report 'nope-001' is not in reports.csv" in errors


def test_row_without_source(raw):
    report_ids = first_value(raw / "claims.csv", "report_ids")
    edit_line(raw / "claims.csv", 2, f",{report_ids},", ",,")
    errors = messages(raw)
    assert "data/raw/claims.csv:2 [report_ids]: '' is empty but required" in errors or any(
        "claims.csv:2 [report_ids]" in e for e in errors
    )


# --- plausibility checks on small frames we build ------------------------------------------


def clearance_rows(*rows: dict) -> pl.DataFrame:
    base = dict.fromkeys(CLEARANCE.columns)
    base.update(
        version="a",
        report_ids="r-1",
        scope="all_operators",
        status="final",
        period_precision="week",
    )
    frame = pl.DataFrame(
        [{**base, **r} for r in rows], schema={f.name: f.dtype for f in CLEARANCE.fields}
    )
    return frame


def week(i: int, **figures) -> dict:
    start = date(2024, 1, 1) + timedelta(weeks=i)
    return {
        "statement_id": f"w{i:02d}",
        "period_start": start,
        "period_end": start + timedelta(days=6),
        **figures,
    }


def checks(frame: pl.DataFrame) -> set[tuple[str, str, str]]:
    out = check_clearance(frame).collect()
    return set(zip(out["statement_id"], out["check"], out["field"], strict=True))


def test_totals_that_do_not_add_up_are_flagged():
    frame = clearance_rows(
        week(0, anti_personnel=10, anti_tank=5, uxo=100, items_total_stated=116),
        week(
            1,
            anti_personnel=10,
            anti_tank=5,
            mines_total_stated=15,
            items_total_stated=115,
            uxo=100,
        ),
    )
    assert checks(frame) == {("w00", "total_mismatch", "items_total_stated")}


def test_week_length_and_reversed_period():
    frame = clearance_rows(
        week(0),
        {"statement_id": "odd", "period_start": date(2024, 6, 15), "period_end": date(2024, 7, 21)},
        {
            "statement_id": "rev",
            "period_start": date(2024, 7, 21),
            "period_end": date(2024, 7, 15),
            "period_precision": "other",
        },
        {"statement_id": "six", "period_start": date(2022, 5, 2), "period_end": date(2022, 5, 7)},
    )
    found = checks(frame)
    assert ("odd", "week_length", "period_end") in found
    assert ("rev", "period_reversed", "period_end") in found
    assert not any(s in ("w00", "six") for s, _c, _f in found)


def test_area_over_ten_thousand_and_spikes():
    rows = [week(i, anti_personnel=20 + i, area_ha=400.0 + i) for i in range(8)]
    rows.append(week(8, anti_personnel=400, area_ha=453_900.0))
    found = checks(clearance_rows(*rows))
    assert ("w08", "area_implausible", "area_ha") in found
    assert ("w08", "spike", "anti_personnel") in found
    assert ("w08", "spike", "area_ha") in found
    assert not any(s != "w08" for s, _c, _f in found)


def test_falling_cumulative_series_and_stale_repeat():
    frame = clearance_rows(
        {
            "statement_id": "c1",
            "period_precision": "cumulative",
            "cumulative_since": date(2020, 11, 10),
            "period_start": date(2020, 11, 10),
            "period_end": date(2023, 11, 28),
            "anti_personnel": 30753,
        },
        {
            "statement_id": "c2",
            "period_precision": "cumulative",
            "cumulative_since": date(2020, 11, 10),
            "period_start": date(2020, 11, 10),
            "period_end": date(2024, 10, 1),
            "anti_personnel": 25000,
        },
        week(0, anti_personnel=5, anti_tank=6, uxo=7, area_ha=8.0),
        week(3, anti_personnel=5, anti_tank=6, uxo=7, area_ha=8.0),
    )
    found = checks(frame)
    assert ("c2", "cumulative_fall", "anti_personnel") in found
    assert ("c1", "cumulative_fall", "anti_personnel") not in found
    assert {
        ("w00", "stale_repeat", "anti_personnel"),
        ("w03", "stale_repeat", "anti_personnel"),
    } <= found


def test_casualty_checks():
    base = dict.fromkeys(CASUALTIES.columns)
    base.update(
        version="a",
        report_ids="r-1",
        publisher="MFA",
        scope="all_victims",
        region="liberated_territories",
        period_precision="cumulative",
        cumulative_since=date(2020, 11, 10),
        period_start=date(2020, 11, 10),
    )
    rows = [
        {
            **base,
            "statement_id": "t1",
            "period_end": date(2023, 12, 6),
            "total_victims": 341,
            "killed": 65,
            "injured": 276,
        },
        {
            **base,
            "statement_id": "t2",
            "period_end": date(2023, 12, 26),
            "total_victims": 322,
            "killed": 65,
            "injured": 250,
            "civilian_killed": 50,
            "military_killed": 20,
        },
    ]
    frame = pl.DataFrame(rows, schema={f.name: f.dtype for f in CASUALTIES.fields})
    out = check_casualties(frame).collect()
    found = set(zip(out["statement_id"], out["check"], strict=True))
    assert found == {
        ("t2", "cumulative_fall"),
        ("t2", "total_mismatch"),
        ("t2", "parts_exceed_total"),
    }


def test_coverage_counts_a_statement_once_and_distinct_periods_once():
    frame = clearance_rows(
        week(0, uxo=1),
        # another outlet's version of week 0 printing a shorter period: still one week
        {**week(0, uxo=1), "version": "b", "period_end": date(2024, 1, 6)},
        # the same week under another statement (another publisher): one period
        {**week(0, uxo=2), "statement_id": "w00-mod"},
        week(1, uxo=3),
        {
            "statement_id": "m01",
            "period_precision": "month",
            "period_start": date(2024, 1, 1),
            "period_end": date(2024, 1, 31),
        },
    )
    coverage = weekly_coverage(frame)
    assert coverage.select("year", "weeks", "months").rows() == [(2024, 2, 1)]

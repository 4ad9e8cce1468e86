"""`research.agreement` and `research agreement`: extraction compared with curated statements.

The report texts here are written for these tests; the curated rows are made up in a
temporary raw folder with the real tables' columns.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from research.agreement import (
    compare_documents,
    compare_report,
    normalise_url,
    statements_by_report,
    summarise_agreement,
)
from research.cli import app
from research.paths import RAW


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.az/news/1/",
        "http://example.az/news/1",
        "HTTPS://example.az/news/1#top",
    ],
)
def test_urls_normalise_to_one_form(url):
    assert normalise_url(url) == "example.az/news/1"


def clearance_statement(**values):
    row = {
        "kind": "clearance",
        "statement_id": "clr-1",
        "version": "a",
        "period_start": date(2022, 3, 3),
        "period_end": date(2022, 3, 9),
        "anti_personnel": 20,
        "anti_tank": 10,
        "uxo": 200,
        "mines_total_stated": None,
        "items_total_stated": None,
        "area_ha": 90.0,
    }
    return {**row, **values}


def clearance_record(**values):
    record = {
        "kind": "clearance",
        "period_start": "2022-03-03",
        "period_end": "2022-03-09",
        "anti_personnel": 20,
        "anti_tank": 10,
        "uxo": 200,
        "mines_total": None,
        "items_total": None,
        "area_ha": 90.0,
    }
    return {**record, **values}


def outcomes(rows):
    return {row["field"]: row["outcome"] for row in rows}


def test_a_statement_pairs_with_the_record_sharing_most_figures():
    cumulative = clearance_record(period_start="2020-11-10", anti_personnel=9000, uxo=1)
    weekly = clearance_record(anti_tank=11, area_ha=None)
    rows, unpaired = compare_report("r1", [cumulative, weekly], [clearance_statement()])
    assert outcomes(rows) == {
        "period_start": "agree",
        "period_end": "agree",
        "anti_personnel": "agree",
        "anti_tank": "differ",
        "uxo": "agree",
        "area_ha": "missed",
    }
    assert unpaired == 1
    assert {row["curated"] for row in rows if row["field"] == "area_ha"} == {"90"}


def test_a_statement_no_record_shares_a_figure_or_period_with_is_missed_whole():
    rows, unpaired = compare_report(
        "r1",
        [clearance_record(period_end="2022-03-10", anti_personnel=1, anti_tank=2, uxo=3,
                          area_ha=4.0)],
        [clearance_statement()],
    )  # fmt: skip
    assert set(outcomes(rows).values()) == {"missed"}
    assert unpaired == 1


def test_areas_agree_within_the_rounding_of_a_converted_unit():
    rows, _ = compare_report("r1", [clearance_record(area_ha=90.04)], [clearance_statement()])
    assert outcomes(rows)["area_ha"] == "agree"
    rows, _ = compare_report("r1", [clearance_record(area_ha=90.4)], [clearance_statement()])
    assert outcomes(rows)["area_ha"] == "differ"


def test_a_field_the_curators_left_empty_is_not_compared():
    rows, _ = compare_report(
        "r1", [clearance_record(items_total=230)], [clearance_statement(anti_tank=None)]
    )
    assert "anti_tank" not in outcomes(rows) and "items_total" not in outcomes(rows)


def test_the_summary_counts_outcomes_per_field_in_a_fixed_order():
    rows, _ = compare_report(
        "r1", [clearance_record(anti_tank=11, area_ha=None)], [clearance_statement()]
    )
    summary = summarise_agreement(pl.DataFrame(rows))
    assert summary["field"].to_list() == [
        "period_start", "period_end", "anti_personnel", "anti_tank", "uxo", "area_ha",
    ]  # fmt: skip
    area = summary.row(by_predicate=pl.col("field") == "area_ha", named=True)
    assert (area["agree"], area["differ"], area["missed"]) == (0, 0, 1)
    assert area["agree_pct"] == 0.0 and area["agree_when_given_pct"] is None
    tank = summary.row(by_predicate=pl.col("field") == "anti_tank", named=True)
    assert tank["agree_when_given_pct"] == 0.0


def write_table(folder: Path, name: str, rows: list[dict]) -> None:
    with (RAW / f"{name}.csv").open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, header)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    write_table(
        folder,
        "reports",
        [
            {"report_id": "r-1", "url": "https://www.example.az/a/1", "published": "2022-03-11"},
            {"report_id": "r-2", "url": "https://example.az/a/2", "published": "2022-03-18"},
            {"report_id": "r-3", "url": "https://example.az/a/3"},
        ],
    )
    common = {"version": "a", "period_precision": "week", "scope": "unspecified",
              "district_level": "whole_territory", "status": "final"}  # fmt: skip
    write_table(
        folder,
        "clearance",
        [
            {**common, "statement_id": "clr-1", "report_ids": "r-1;r-3",
             "period_start": "2022-03-03", "period_end": "2022-03-09",
             "anti_personnel": "20", "anti_tank": "10", "uxo": "200", "area_ha": "90"},
            {**common, "statement_id": "clr-2", "report_ids": "r-2",
             "period_start": "2022-03-10", "period_end": "2022-03-16", "uxo": "75"},
        ],
    )  # fmt: skip
    write_table(folder, "casualties", [])
    write_table(folder, "maps", [])
    return folder


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "r-1.txt").write_text(
        "---\npublished: 2022-03-11\n---\nFrom 3 to 9 March, deminers found 20 anti-personnel "
        "mines, 10 anti-tank mines and 200 UXO, and cleared 90 hectares.\n",
        encoding="utf-8",
    )
    (folder / "by-url.txt").write_text(
        "---\nurl: http://example.az/a/2/\npublished: 2022-03-18\n---\nFrom 10 to 16 March, "
        "76 UXO were found.\n",
        encoding="utf-8",
    )
    (folder / "r-3.txt").write_text(
        "From 3 to 9 March, deminers found 20 anti-personnel mines.\n", encoding="utf-8"
    )
    (folder / "other.txt").write_text("From 3 to 9 March, 5 UXO were found.\n", encoding="utf-8")
    return folder


def test_documents_pair_with_their_reports_by_id_or_url(raw, texts):
    result = compare_documents([texts], raw)
    assert sorted(result.paired) == ["r-1", "r-2", "r-3"]
    assert result.not_curated == ["other"]
    assert result.undated == ["r-3"]
    rows = result.rows
    assert rows.filter(pl.col("report_id") == "r-1")["outcome"].unique().to_list() == ["agree"]
    uxo = rows.filter(pl.col("report_id") == "r-2", pl.col("field") == "uxo").row(0, named=True)
    assert (uxo["curated"], uxo["extracted"], uxo["outcome"]) == ("75", "76", "differ")


def test_statements_are_listed_under_every_report_they_cite(raw):
    tables = {name: pl.read_csv(raw / f"{name}.csv", infer_schema_length=0)
              for name in ("clearance", "casualties", "maps")}  # fmt: skip
    by_report = statements_by_report(tables)
    assert [s["statement_id"] for s in by_report["r-3"]] == ["clr-1"]
    assert {s["kind"] for s in by_report["r-1"]} == {"clearance"}


def test_the_command_prints_the_table_and_accounts_for_every_document(raw, texts):
    (texts / "broken.txt").write_bytes(b"\xff\xfe\x00garbled")
    result = CliRunner().invoke(app, ["agreement", str(texts), "--raw", str(raw)])
    assert result.exit_code == 1, result.output
    assert "Extraction against the curated statements" in result.stdout
    assert "anti_personnel" in result.stdout
    assert "3 reports compared, 1 documents of no curated report, 1 rejected" in result.stderr
    assert "broken.txt" in result.stderr


def test_the_command_writes_every_outcome_when_asked(raw, texts, tmp_path):
    out = tmp_path / "out" / "rows.csv"
    result = CliRunner().invoke(
        app, ["agreement", str(texts / "r-1.txt"), "--raw", str(raw), "--rows", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = pl.read_csv(out)
    assert rows.columns[:3] == ["report_id", "statement_id", "version"]
    assert rows.height == 6 and set(rows["outcome"]) == {"agree"}


def test_a_record_of_the_same_period_pairs_without_a_figure_in_common():
    rows, unpaired = compare_report(
        "r1", [clearance_record(anti_personnel=2, anti_tank=1, uxo=3, area_ha=None)],
        [clearance_statement()],
    )  # fmt: skip
    assert outcomes(rows)["uxo"] == "differ" and outcomes(rows)["area_ha"] == "missed"
    assert unpaired == 0

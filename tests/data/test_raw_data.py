"""The committed data/raw tables: valid structure, pinned files, described tables, and the
reference figures of the domain briefing present with their sources."""

from __future__ import annotations

import json
import re

import polars as pl
import pytest

from research.datapackage import data_dictionary, manifest, raw_datapackage
from research.dataset import load_raw, validate_raw, weekly_coverage
from research.paths import RAW


@pytest.fixture(scope="module")
def validation():
    return validate_raw()


def test_raw_tables_have_no_structural_errors(validation):
    assert validation.ok, "\n".join(str(e) for e in validation.errors)


def test_manifest_pins_every_raw_file():
    committed = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    assert committed == manifest(RAW), (
        "data/raw changed without its manifest: if deliberate, run `research validate --write`"
    )


def test_datapackage_and_dictionary_are_generated_from_the_schema():
    committed = json.loads((RAW / "datapackage.json").read_text(encoding="utf-8"))
    assert committed == raw_datapackage()
    assert (RAW / "dictionary.md").read_text(encoding="utf-8") == data_dictionary()


def test_frictionless_validates_the_raw_package():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(RAW / "datapackage.json")
    errors = [e.message for task in report.tasks for e in task.errors][:5]
    assert report.valid, errors


def test_tables_are_sorted_by_key():
    for name, key in [("clearance", ["statement_id", "version"]), ("reports", ["report_id"])]:
        frame = pl.read_csv(RAW / f"{name}.csv", infer_schema=False)
        assert frame.select(key).equals(frame.select(key).sort(key)), name


def test_every_report_is_cited_and_every_url_is_unique():
    reports = load_raw("reports")
    assert reports["url"].n_unique() == reports.height
    cited = set()
    for name in ("clearance", "casualties", "maps", "claims"):
        for ids in load_raw(name)["report_ids"].to_list():
            cited.update(ids.split(";"))
    assert set(reports["report_id"].to_list()) == cited


def test_readme_coverage_table_matches_the_data():
    readme = (RAW / "README.md").read_text(encoding="utf-8")
    for row in weekly_coverage(load_raw("clearance")).iter_rows(named=True):
        line = (
            f"| {row['year']} | {row['weeks']} | {row['months']} | {row['year_totals']} | "
            f"{row['cumulative_snapshots']} |"
        )
        assert line in readme, f"data/raw/README.md coverage row out of date: {line}"
    weeks = int(weekly_coverage(load_raw("clearance"))["weeks"].sum())
    assert re.search(rf"\b{weeks} distinct weeks\b", readme)


def statement(statement_id: str, version: str = "a") -> dict:
    rows = load_raw("clearance").filter(
        (pl.col("statement_id") == statement_id) & (pl.col("version") == version)
    )
    assert rows.height == 1, statement_id
    return rows.row(0, named=True)


@pytest.mark.parametrize(
    ("statement_id", "version", "figures"),
    [
        ("clr-2023-01-01-2023-12-31", "a", (3495, 5034, 23049, 53081.8)),
        ("clr-2024-01-01-2024-12-31", "a", (4286, 2372, 59163, 62023.9)),
        ("clr-2022-01-01-2022-12-31", "b", (8780, 4133, 14950, 41915.77)),
        ("clr-2020-11-10-2023-05-25", "a", (28259, 15303, 44698, 81386.0)),
        ("clr-2020-11-10-2023-11-28", "a", (30753, 18531, 60268, 111207.0)),
        ("clr-2024-10-07-2024-10-13", "a", (141, 64, 625, 1198.7)),
        ("clr-2023-12-11-2023-12-17", "a", (22, 17, 234, 325.6)),
        ("clr-2024-04-29-2024-05-05", "a", (26, 53, 378, 2046.3)),
    ],
)
def test_reference_figures_of_the_briefing(statement_id, version, figures):
    row = statement(statement_id, version)
    assert (row["anti_personnel"], row["anti_tank"], row["uxo"], row["area_ha"]) == figures


def test_provisional_year_totals_and_disagreements_are_kept():
    assert statement("clr-2024-01-01-2024-12-31")["status"] == "provisional"
    a, b = statement("clr-2022-01-01-2022-12-31", "a"), statement("clr-2022-01-01-2022-12-31", "b")
    assert a["qualifier"] == "about" and b["qualifier"] is None
    assert "outlet_disagreement" in a["flags"] and "outlet_disagreement" in b["flags"]


def test_garbled_weekly_report_is_kept_with_its_flag():
    rows = load_raw("clearance").filter(pl.col("statement_id") == "clr-2023-10-23-2023-10-29")
    assert rows.filter(pl.col("flags").str.contains("garbled_items")).height >= 1


def test_victim_tallies_of_the_briefing():
    casualties = load_raw("casualties")
    for end, total, killed, injured in [
        ("2021-12-14", 197, 36, 161),
        ("2023-09-19", 314, 61, 253),
        ("2024-12-31", 382, 70, 312),
    ]:
        hits = casualties.filter(
            (pl.col("period_end") == pl.lit(end).str.to_date()) & (pl.col("total_victims") == total)
        )
        assert hits.height >= 1, (end, total)
        assert (killed, injured) in set(zip(hits["killed"], hits["injured"], strict=True))


def test_falling_cumulative_series_are_flagged_not_smoothed(validation):
    falls = validation.anomalies.filter(pl.col("check") == "cumulative_fall")
    assert falls.height > 0
    # The rows stay in the data.
    ids = set(falls["statement_id"].to_list())
    present = set(load_raw("clearance")["statement_id"].to_list()) | set(
        load_raw("casualties")["statement_id"].to_list()
    )
    assert ids <= present


def test_readme_table_counts_match_the_data():
    from research.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    counts = {name: load_raw(name).height for name in ("reports", "clearance", "casualties")}
    expected = (
        f"{counts['reports']} reports, {counts['clearance']} clearance statements, "
        f"{counts['casualties']} victim tallies, {load_raw('maps').height} map records, "
        f"{load_raw('claims').height} claims"
    )
    assert expected in readme, f"README.md counts out of date; expected: {expected}"

"""The `research` command end to end, with the real extractor (no patching)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from research.cli import app
from research.paths import RAW, ROOT

GOOD = ROOT / "tests" / "fixtures" / "reports" / "good"
BAD = ROOT / "tests" / "fixtures" / "reports" / "bad"
runner = CliRunner()


def test_extract_jsonl_carries_figures_and_sources(tmp_path):
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(GOOD / "weekly-front-matter.md"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["kind"] == "clearance"
    assert (record["anti_personnel"], record["anti_tank"], record["uxo"]) == (12, 7, 140)
    assert record["area_ha"] == 310.5
    assert record["district_codes"] == ["AZ-AGM", "AZ-FUZ", "AZ-TAR"]
    assert (record["period_start"], record["period_end"]) == ("2024-03-04", "2024-03-10")
    assert record["url"] == "https://news.example.org/demining/weekly-1"
    assert record["doc"] == "weekly-front-matter"


def test_extract_over_good_and_bad_folders_accounts_for_every_input(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "research.cli", "extract", str(GOOD), str(BAD), "-f", "csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 1
    summary = proc.stderr.strip().splitlines()[-1]
    _read, rest = summary.split(" documents read: ")
    with_figures = int(rest.split(" with figures")[0])
    rejected = int(rest.split(", ")[-1].split()[0])
    assert with_figures >= 1 and rejected >= 7
    header = proc.stdout.splitlines()[0].split(",")
    assert header[:2] == ["doc", "kind"]


def test_validate_passes_on_the_committed_data():
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "weeks" in result.output


def test_validate_fails_naming_table_line_and_field(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("reports", "clearance", "casualties", "maps", "claims"):
        shutil.copy(RAW / f"{name}.csv", raw / f"{name}.csv")
    lines = (raw / "maps.csv").read_text(encoding="utf-8").split("\n")
    cells = lines[1].split(",")
    cells[1] = "A"  # version must be one lower-case letter
    lines[1] = ",".join(cells)
    (raw / "maps.csv").write_text("\n".join(lines), encoding="utf-8")
    anomalies = tmp_path / "anomalies.csv"
    result = runner.invoke(app, ["validate", "--raw", str(raw), "--anomalies", str(anomalies)])
    assert result.exit_code == 1
    assert "data/raw/maps.csv:2 [version]: 'A' does not match [a-z]" in result.output
    assert not anomalies.exists()


def test_validate_writes_the_anomaly_table(tmp_path):
    anomalies = tmp_path / "anomalies.csv"
    result = runner.invoke(app, ["validate", "--anomalies", str(anomalies)])
    assert result.exit_code == 0
    header = anomalies.read_text(encoding="utf-8").splitlines()[0]
    assert header == "table,statement_id,version,check,field,value,message"


@pytest.mark.skipif(not (ROOT.parent / "shared" / "seeds").is_dir(), reason="../shared absent")
def test_extract_seeds_folder_every_document_read():
    seeds = ROOT.parent / "shared" / "seeds"
    result = runner.invoke(app, ["extract", str(seeds), "-f", "table"])
    assert result.exit_code == 0, result.output
    assert "5 documents read: 5 with figures, 0 without figures, 0 rejected" in result.output
    assert Path(seeds).is_dir()

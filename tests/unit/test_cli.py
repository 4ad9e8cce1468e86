"""The `research` command: formats, output file, rejections, summary and exit status.

`extract` is replaced by a fake here (records for texts that mention mines), so these tests
check the command, not extraction; end-to-end tests live with the extraction tests.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import research.corpus as corpus
from research.cli import app
from research.documents import Document
from research.records import CSV_COLUMNS, new_record

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reports"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
ROOT = Path(__file__).parents[2]

# Documents in GOOD: weekly-front-matter, plain-dated, plain-undated, page, and the three
# lines of corpus.jsonl; the fake finds figures in those that say "mines" (4 of 7).
GOOD_WITH_FIGURES = 4
GOOD_DOCS = 7


def fake_extract(text: str, published: date | None = None, doc: str | None = None) -> list:
    if "mines" not in text:
        return []
    record = new_record("clearance", doc)
    record.update(anti_personnel=12, period_end=published, districts=["Aghdam", "Fuzuli"])
    record["evidence"] = {"text": text[:40], "start": 0, "end": 40}
    return [record]


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(corpus, "extract", fake_extract)
    return CliRunner()


def run(runner: CliRunner, *args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_help_lists_the_commands(runner: CliRunner) -> None:
    result = run(runner, "--help")
    assert result.exit_code == 0
    assert "extract" in result.stdout and "reproduce" in result.stdout


def test_jsonl_records_carry_their_source(runner: CliRunner) -> None:
    result = run(runner, "extract", GOOD)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == GOOD_WITH_FIGURES
    weekly = next(r for r in records if r["doc"] == "weekly-front-matter")
    assert weekly["url"] == "https://news.example.org/demining/weekly-1"
    assert weekly["outlet"] == "Example News"
    assert weekly["published"] == "2024-03-11"
    assert weekly["period_end"] == "2024-03-11", "dates are written as ISO strings"
    assert list(weekly)[:2] == ["doc", "kind"], "record keys keep their contract order"
    assert list(weekly)[-3:] == ["url", "outlet", "published"]
    assert result.stderr.strip().splitlines() == [
        f"{GOOD_DOCS} documents read: {GOOD_WITH_FIGURES} with figures, "
        f"{GOOD_DOCS - GOOD_WITH_FIGURES} without figures, 0 rejected"
    ]


def test_non_ascii_is_written_as_is(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "az.md"
    path.write_text("---\noutlet: Xəbər\n---\nInvented: mines in Tərtər.\n", "utf-8")
    result = run(runner, "extract", path)
    assert '"outlet": "Xəbər"' in result.stdout


def test_bad_inputs_are_reported_one_line_each_and_exit_1(runner: CliRunner) -> None:
    missing = FIXTURES / "nowhere.md"
    result = run(
        runner,
        "extract",
        GOOD / "weekly-front-matter.md",
        BAD / "impossible-date.md",
        BAD / "lines.jsonl",
        missing,
        BAD / "table.csv",
    )
    assert result.exit_code == 1
    # Good files still produce output: the weekly report and ok-1, ok-3 (no "mines" in ok-3).
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert docs == ["weekly-front-matter", "ok-1"]
    lines = result.stderr.strip().splitlines()
    assert lines[0] == (
        f"{BAD / 'impossible-date.md'}: published '2024-02-30' is not a valid date (YYYY-MM-DD)"
    )
    assert f"{BAD / 'lines.jsonl'}:6: duplicate id 'ok-1' (first on line 1)" in lines
    assert f"{missing}: no such file or folder" in lines
    assert any(line.startswith(f"{BAD / 'table.csv'}: unsupported file type") for line in lines)
    assert len(lines) == 1 + 7 + 1 + 1 + 1, "one line per rejection, then the summary"
    assert lines[-1] == "13 documents read: 2 with figures, 1 without figures, 10 rejected"


def test_verbose_lists_the_ids(runner: CliRunner) -> None:
    result = run(runner, "extract", GOOD / "corpus.jsonl", BAD / "unclosed.md", "--verbose")
    tail = result.stderr.strip().splitlines()[-4:]
    assert tail == [
        "4 documents read: 1 with figures, 2 without figures, 1 rejected",
        "  with figures: wire-001",
        "  without figures: wire-002, 3",
        f"  rejected: {BAD / 'unclosed.md'}:1 (unclosed)",
    ]


def test_csv_format(runner: CliRunner) -> None:
    result = run(runner, "extract", GOOD, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = result.stdout.splitlines()[0].split(",")
    assert header == [*CSV_COLUMNS, "url", "outlet", "published"]
    assert len(rows) == GOOD_WITH_FIGURES
    weekly = next(r for r in rows if r["doc"] == "weekly-front-matter")
    assert weekly["anti_personnel"] == "12"
    assert weekly["districts"] == "Aghdam;Fuzuli"
    assert weekly["outlet"] == "Example News" and weekly["published"] == "2024-03-11"


def test_csv_without_records_still_has_a_header(runner: CliRunner) -> None:
    result = run(runner, "extract", GOOD / "plain-undated.txt", "-f", "csv")
    assert result.stdout.splitlines() == [",".join([*CSV_COLUMNS, "url", "outlet", "published"])]


def test_table_format(runner: CliRunner) -> None:
    result = run(runner, "extract", GOOD, "--format", "table")
    assert result.exit_code == 0
    assert "weekly-front-matter" in result.stdout and "wire-001" in result.stdout
    assert f"{GOOD_WITH_FIGURES} records" in result.stdout


def test_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(GOOD), "--format", "xml"])
    assert result.exit_code == 2


def test_output_file_creates_parent_folders(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "records.jsonl"
    result = run(runner, "extract", GOOD, "--output", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(target.read_text(encoding="utf-8").splitlines()) == GOOD_WITH_FIGURES


def test_records_stream_as_documents_are_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    events: list[str] = []

    def fake_read(paths: Any) -> Any:
        for i in range(3):
            events.append(f"read {i}")
            yield Document(f"d{i}", "mines", None, None, None, None, None, "s", None)

    def counting_extract(text: str, published: Any = None, doc: str | None = None) -> list:
        events.append(f"extract {doc}")
        return fake_extract(text, published, doc)

    monkeypatch.setattr(corpus, "read_documents", fake_read)
    monkeypatch.setattr(corpus, "extract", counting_extract)
    result = run(CliRunner(), "extract", tmp_path)
    assert result.exit_code == 0
    assert events == ["read 0", "extract d0", "read 1", "extract d1", "read 2", "extract d2"]


def test_python_m_research_cli_in_a_subprocess(tmp_path: Path) -> None:
    """The real command, real extract: rejections, summary, exit 1, output still written."""
    out = tmp_path / "out" / "records.jsonl"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    args = [
        sys.executable,
        "-m",
        "research.cli",
        "extract",
        str(GOOD),
        str(BAD / "lines.jsonl"),
        str(FIXTURES / "nowhere.txt"),
        "--output",
        str(out),
    ]
    proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert f"{FIXTURES / 'nowhere.txt'}: no such file or folder" in lines
    assert f"{BAD / 'lines.jsonl'}:3: not valid JSON: Expecting value (column 1)" in lines
    assert lines[-1].startswith(f"{GOOD_DOCS + 2 + 8} documents read: ")
    assert lines[-1].endswith(" 8 rejected")
    assert out.is_file()
    for line in out.read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["doc"]


def test_a_text_the_extractor_fails_on_is_rejected_and_the_rest_go_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def failing_extract(text: str, published: Any = None, doc: str | None = None) -> list:
        if doc == "d1":
            raise TypeError("cannot unpack")
        return fake_extract(text, published, doc)

    corpus_file = tmp_path / "c.jsonl"
    corpus_file.write_text(
        "".join(f'{{"id": "d{i}", "text": "12 mines found"}}\n' for i in range(3)),
        encoding="utf-8",
    )
    monkeypatch.setattr(corpus, "extract", failing_extract)
    result = run(CliRunner(), "extract", corpus_file)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert f"{corpus_file}:2: extraction failed (TypeError: cannot unpack)" in result.stderr
    assert "2 with figures" in result.stderr and "1 rejected" in result.stderr


def test_jobs_give_the_same_output_and_summary_as_one_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The real extractor (worker processes do not see a fake), over good and bad inputs
    # and a corpus longer than several batches, whose order must survive.
    monkeypatch.setattr(corpus, "_BATCH_PER_JOB", 3)
    monkeypatch.setattr(corpus, "_CHUNK", 2)
    many = tmp_path / "many.jsonl"
    many.write_text(
        "".join(
            json.dumps({"id": f"bulk-{i}", "published": "2024-10-14", "text": text}) + "\n"
            for i in range(40)
            for text in [f"Over the past week, {i + 10} anti-tank mines were found in Aghdam."]
        ),
        encoding="utf-8",
    )
    inputs = [GOOD, BAD / "impossible-date.md", BAD / "lines.jsonl", many]
    one = run(CliRunner(), "extract", *inputs)
    two = run(CliRunner(), "extract", *inputs, "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and one.stderr == two.stderr
    docs = [json.loads(line)["doc"] for line in two.stdout.splitlines()]
    assert [d for d in docs if d.startswith("bulk-")] == [f"bulk-{i}" for i in range(40)]
    assert two.stderr.strip().splitlines()[-1].endswith(" 8 rejected")  # every input counted

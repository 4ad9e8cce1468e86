"""The `research` command: report files -> records, and the project's build steps.

Run as `research ...` (console script) or `python -m research.cli ...`.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from research.corpus import extract_documents
from research.documents import Rejection
from research.paths import PROCESSED, RAW, find_project_root
from research.records import CSV_COLUMNS, Record, flatten_record

app = typer.Typer(
    help="Turn public mine-action reports into structured, source-linked records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

SOURCE_COLUMNS = ("url", "outlet", "published")


class OutputFormat(StrEnum):
    """How `research extract` writes records."""

    jsonl = "jsonl"
    csv = "csv"
    table = "table"


@app.callback()
def main() -> None:
    """Turn public mine-action reports into structured, source-linked records."""


# -- extract ----------------------------------------------------------------------------


@dataclass
class _Tally:
    """Counts of what happened to each input; the ids only when they are to be listed."""

    keep_ids: bool = False
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_OUTCOMES, 0))
    ids: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in _OUTCOMES})

    def add(self, outcome: str, name: str) -> None:
        self.counts[outcome] += 1
        if self.keep_ids:
            self.ids[outcome].append(name)

    def summary(self) -> list[str]:
        counts = self.counts
        lines = [
            f"{sum(counts.values())} documents read: {counts['with figures']} with figures, "
            f"{counts['without figures']} without figures, {counts['rejected']} rejected"
        ]
        if self.keep_ids:
            lines += [f"  {k}: {', '.join(v) if v else '-'}" for k, v in self.ids.items()]
        return lines


_OUTCOMES = ("with figures", "without figures", "rejected")


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


class _Writer:
    """Writes records as they come (jsonl, csv) or at the end (table)."""

    def __init__(self, out: TextIO, fmt: OutputFormat) -> None:
        self.out = out
        self.fmt = fmt
        self.rows: list[Record] = []
        self.csv: csv.DictWriter[str] | None = None
        if fmt is OutputFormat.csv:
            self.csv = csv.DictWriter(
                out,
                fieldnames=[*CSV_COLUMNS, *SOURCE_COLUMNS],
                extrasaction="ignore",
                lineterminator="\n",
            )
            self.csv.writeheader()

    def write(self, record: Record) -> None:
        if self.fmt is OutputFormat.jsonl:
            line = json.dumps(record, ensure_ascii=False, sort_keys=False, default=_json_default)
            self.out.write(line + "\n")
        elif self.csv is not None:
            row = flatten_record(record)
            row.update((k, record.get(k)) for k in SOURCE_COLUMNS)
            self.csv.writerow(row)
        else:
            self.rows.append(record)

    def close(self) -> None:
        if self.fmt is OutputFormat.table:
            _print_table(self.rows, self.out)
        self.out.flush()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    return str(value)


def _print_table(records: list[Record], out: TextIO) -> None:
    """A human-readable table of the main fields of each record."""
    table = Table(show_lines=False)
    columns = (
        "doc",
        "kind",
        "period",
        "AP",
        "AT",
        "UXO",
        "area_ha",
        "killed",
        "injured",
        "maps",
        "districts",
        "evidence",
    )
    for name in columns:
        table.add_column(name, overflow="fold", max_width=60 if name == "evidence" else None)
    for r in records:
        start, end = r.get("period_start") or r.get("date"), r.get("period_end")
        period = f"{_cell(start)}..{_cell(end)}" if end and end != start else _cell(start)
        evidence = " ".join(((r.get("evidence") or {}).get("text") or "").split())
        table.add_row(
            _cell(r.get("doc")),
            _cell(r.get("kind")),
            period,
            *(
                _cell(r.get(k))
                for k in (
                    "anti_personnel",
                    "anti_tank",
                    "uxo",
                    "area_ha",
                    "killed",
                    "injured",
                    "maps",
                )
            ),
            _cell(r.get("district_codes") or r.get("districts")),
            evidence if len(evidence) <= 120 else evidence[:117] + "...",
        )
    is_terminal = out.isatty() if hasattr(out, "isatty") else False
    console = Console(file=out, width=None if is_terminal else 200, soft_wrap=False)
    console.print(table)
    console.print(f"{len(records)} records")


@contextmanager
def _open_output(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="") as handle:
        yield handle


@contextmanager
def _reporter(progress_wanted: bool) -> Iterator[tuple[Any, Any]]:
    """(say, advance): say prints a line on stderr, above a live progress if wanted."""
    if not progress_wanted:
        yield (lambda line: print(line, file=sys.stderr, flush=True)), (lambda: None)
        return
    console = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("extract", total=None)
        yield (
            lambda line: progress.console.print(line, markup=False, highlight=False),
            lambda: progress.advance(task),
        )


@app.command("extract")
def extract_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Report files (.txt, .md, .html, .jsonl) or folders of them."),
    ],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.jsonl,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write here (parent folders are created); default stdout."
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List document ids in the summary.")
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Worker processes for large corpora (0: one per core). Output order and "
            "content are the same as with one.",
        ),
    ] = 1,
) -> None:
    """Extract clearance, casualty and map figures from report files.

    Records stream out as they are found; each rejected input is reported on stderr
    as one line, and the exit status is 1 if any input was rejected.
    """
    jobs = jobs or os.cpu_count() or 1
    tally = _Tally(keep_ids=verbose)
    # Progress only on a terminal, and not over records printed to that same terminal.
    progress_wanted = sys.stderr.isatty() and (output is not None or not sys.stdout.isatty())
    with _open_output(output) as out, _reporter(progress_wanted) as (say, advance):
        writer = _Writer(out, fmt)
        for item, records in extract_documents(paths, jobs=jobs):
            advance()
            if isinstance(item, Rejection):
                where = item.source if item.line is None else f"{item.source}:{item.line}"
                tally.add("rejected", f"{where} ({item.doc_id})" if item.doc_id else where)
                say(str(item))
                continue
            for record in records:
                writer.write(record)
            tally.add("with figures" if records else "without figures", item.id)
        writer.close()
    for line in tally.summary():
        print(line, file=sys.stderr)
    if tally.counts["rejected"]:
        raise typer.Exit(code=1)


# -- validate ---------------------------------------------------------------------------


@app.command()
def validate(
    raw: Annotated[Path, typer.Option(help="Folder of the curated tables.")] = RAW,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help="First regenerate datapackage.json, dictionary.md and manifest.json "
            "(after a deliberate edit of the tables).",
        ),
    ] = False,
    anomalies: Annotated[
        Path | None, typer.Option(help="Also write every plausibility flag to this CSV.")
    ] = None,
) -> None:
    """Check the curated tables of data/raw.

    Broken structure (a missing column, a bad value, a duplicate key, a row without a
    source) is an error: each is printed naming table, line and field, and the exit status
    is 1. Plausibility flags never fail: they are counted, and listed with --anomalies.
    """
    from research.datapackage import write_raw_descriptors
    from research.dataset import load_raw, validate_raw, weekly_coverage

    if write:
        write_raw_descriptors(raw)
    result = validate_raw(raw)
    for problem in result.errors:
        print(problem, file=sys.stderr)
    if not result.ok:
        print(f"{len(result.errors)} structural errors in {raw}", file=sys.stderr)
        raise typer.Exit(code=1)
    console = Console(file=sys.stdout, width=120)
    coverage = weekly_coverage(load_raw("clearance", raw))
    table = Table(title="Clearance periods with figures, by year")
    for column in coverage.columns:
        table.add_column(column.replace("_", " "), justify="right")
    for row in coverage.iter_rows():
        table.add_row(*map(str, row))
    console.print(table)
    counts = result.anomalies.group_by("table", "check").len().sort("table", "check")
    flags = Table(title="Plausibility flags (rows kept, not changed)")
    for column in ("table", "check", "rows"):
        flags.add_column(column)
    for table_name, check, n in counts.iter_rows():
        flags.add_row(table_name, check, str(n))
    console.print(flags)
    if anomalies is not None:
        anomalies.parent.mkdir(parents=True, exist_ok=True)
        result.anomalies.write_csv(anomalies)
    print(f"{raw}: structure valid; {result.anomalies.height} plausibility flags", file=sys.stderr)


@app.command()
def agreement(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Texts of curated reports: files or folders (.txt, .md, .html, .jsonl)."
        ),
    ],
    raw: Annotated[Path, typer.Option(help="Folder of the curated tables.")] = RAW,
    rows: Annotated[
        Path | None, typer.Option(help="Also write the outcome of every curated field to this CSV.")
    ] = None,
) -> None:
    """Compare what extraction reads from real reports with the curated statements.

    Each document is paired with its report in reports.csv by id (the file stem) or url.
    Prints, per field, how many curated values the extractor agrees with, differs from or
    misses. Article texts are not part of the project: fetch them from the reports' URLs.
    """
    from research.agreement import compare_documents, summarise_agreement

    result = compare_documents(paths, raw)
    for rejection in result.rejected:
        print(rejection, file=sys.stderr)
    console = Console(file=sys.stdout, width=120)
    if result.rows.height:
        summary = summarise_agreement(result.rows)
        table = Table(title="Extraction against the curated statements, field by field")
        for column in summary.columns:
            table.add_column(
                column.replace("_", " "), justify="left" if column in ("kind", "field") else "right"
            )
        for row in summary.iter_rows():
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)
    if rows is not None:
        rows.parent.mkdir(parents=True, exist_ok=True)
        result.rows.write_csv(rows)
    print(
        f"{len(result.paired)} reports compared, {len(result.not_curated)} documents of no "
        f"curated report, {len(result.rejected)} rejected; {result.unpaired_records} records "
        "read from compared reports match no curated statement; "
        f"{len(result.undated)} compared reports have no publication date (dates without a "
        "year stay unresolved)",
        file=sys.stderr,
    )
    if result.rejected:
        raise typer.Exit(code=1)


# -- build ------------------------------------------------------------------------------


@app.command()
def build(
    raw: Annotated[Path, typer.Option(help="Folder of the curated tables.")] = RAW,
    out: Annotated[Path, typer.Option(help="Folder to write the processed tables to.")] = PROCESSED,
) -> None:
    """Build data/processed from data/raw (and report files under data/raw/reports).

    Writes statements, weekly/monthly/quarterly/annual series, reconciliation, coverage,
    anomalies, victims and districts as Parquet and CSV, with a Frictionless descriptor,
    HXL hashtags and a checksum manifest.
    """
    from research.build import TABLE_NAMES, build_tables, write_tables

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
        disable=not sys.stderr.isatty(),
    ) as progress:
        task = progress.add_task("reading and reconciling", total=len(TABLE_NAMES) + 1)
        try:
            frames = build_tables(raw)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            raise typer.Exit(code=1) from exc
        progress.update(task, advance=1, description="writing tables")
        write_tables(
            frames,
            out,
            on_table=lambda name: progress.update(task, advance=1, description=f"wrote {name}"),
        )
    for name, frame in frames.items():
        print(f"{name:15} {frame.height:>8} rows", file=sys.stderr)
    anomalies = frames["anomalies"].height
    print(f"wrote {len(frames)} tables to {out} ({anomalies} anomalies listed)", file=sys.stderr)


# -- run, reproduce --------------------------------------------------------------------


def _notebook_path(name: str) -> Path:
    """A notebook by path, file name or stem ("02-clearance-trends")."""
    root = find_project_root()
    for candidate in (Path(name), root / "notebooks" / name, root / "notebooks" / f"{name}.ipynb"):
        if candidate.is_file():
            return candidate
    known = ", ".join(p.stem for p in sorted((root / "notebooks").glob("*.ipynb")))
    raise typer.BadParameter(f"no notebook {name!r}; known: {known}")


@app.command()
def run(
    notebook: Annotated[str, typer.Argument(help="Notebook path, file name or stem.")],
    parameter: Annotated[
        list[str] | None,
        typer.Option("--parameter", "-p", help="NAME=VALUE (repeatable)."),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="YAML file of parameters.")
    ] = None,
    kernel: Annotated[str, typer.Option(help="Jupyter kernel.")] = "research",
) -> None:
    """Run one notebook with papermill, its parameters checked before it starts.

    The executed notebook and an HTML copy are written to reports/notebooks/.
    """
    from research.analysis import check_notebook_parameters
    from research.run import (
        notebook_parameters,
        parse_cli_parameters,
        run_notebook,
        validate_parameters,
    )

    path = _notebook_path(notebook)
    try:
        given = parse_cli_parameters(parameter or [], file)
        values = {k: p.default for k, p in notebook_parameters(path).items()}
        values.update(validate_parameters(path, given))
        check_notebook_parameters(path.stem, values)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(code=2) from exc
    output = run_notebook(path, given, kernel=kernel, progress=sys.stderr.isatty())
    print(f"wrote {output} and {output.with_suffix('.html')}", file=sys.stderr)


@app.command()
def reproduce(
    kernel: Annotated[str, typer.Option(help="Jupyter kernel to run notebooks on.")] = "research",
) -> None:
    """Run every notebook with its committed parameters and write reports/manifest.json.

    Parameters come from notebooks/params/<name>.yaml. The first notebook, 01-build-dataset,
    validates data/raw and builds data/processed; the others then run side by side.
    """
    import shutil
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from research.run import parse_cli_parameters, run_notebook, write_run_manifest

    root = find_project_root()
    for folder in ("figures", "values", "notebooks"):  # no stale output of an earlier run
        shutil.rmtree(root / "reports" / folder, ignore_errors=True)
    runs = []
    for notebook in sorted((root / "notebooks").glob("*.ipynb")):
        params_file = root / "notebooks" / "params" / f"{notebook.stem}.yaml"
        parameters = parse_cli_parameters([], params_file if params_file.is_file() else None)
        runs.append({"notebook": notebook, "parameters": parameters})
    # The first notebook builds the dataset the others read; those are independent of each
    # other and run side by side, one per core.
    first, rest = runs[0], runs[1:]
    print(f"running {first['notebook'].name}", file=sys.stderr)
    run_notebook(first["notebook"], first["parameters"], kernel=kernel, progress=False)
    workers = max(1, min(len(rest), os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {
            pool.submit(run_notebook, r["notebook"], r["parameters"], None, kernel, False): r
            for r in rest
        }
        for future in as_completed(futures):
            future.result()
            print(f"ran {futures[future]['notebook'].name}", file=sys.stderr)
    manifest = write_run_manifest(runs)
    print(f"wrote {manifest}", file=sys.stderr)


if __name__ == "__main__":
    app()

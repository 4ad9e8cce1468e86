"""Describe data folders as Frictionless data packages and pin their files by checksum.

The table descriptions come from `research.schema`, so the descriptor cannot drift from the
checks; the manifest records a SHA-256 per file, so a changed file shows up in the tests.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from research.paths import RAW
from research.schema import TABLES, Table

_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}


def table_schema(table: Table) -> dict[str, Any]:
    """Return the Frictionless Table Schema of one table."""
    fields = []
    for f in table.fields:
        spec: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.description}
        if f.type == "date":
            spec["format"] = "%Y-%m-%d"
        constraints: dict[str, Any] = {}
        if f.required:
            constraints["required"] = True
        if f.enum:
            constraints["enum"] = list(f.enum)
        if f.minimum is not None:
            constraints["minimum"] = int(f.minimum) if f.type == "integer" else f.minimum
        if f.pattern:
            constraints["pattern"] = f.pattern
        if constraints:
            spec["constraints"] = constraints
        fields.append(spec)
    return {"fields": fields, "primaryKey": list(table.primary_key), "missingValues": [""]}


def raw_datapackage() -> dict[str, Any]:
    """Return the descriptor of data/raw: every curated table with its schema."""
    return {
        "name": "azerbaijan-mine-action-raw",
        "title": "Public statements on mine clearance in Azerbaijan's regained territories",
        "description": (
            "Figures stated in public reports (ANAMA weekly, monthly and annual statements, "
            "victim tallies, minefield-map handovers, contamination claims), each tied to the "
            "reports that carry it. Facts only: no article text."
        ),
        "licenses": [_LICENSE],
        "resources": [
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": t.description,
                "schema": table_schema(t),
            }
            for t in TABLES.values()
        ],
    }


def write_json(path: Path, data: Any) -> None:
    """Write JSON with sorted keys and a final newline, so reruns are byte-identical."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest(folder: Path, exclude: tuple[str, ...] = ("manifest.json",)) -> dict[str, Any]:
    """Return {relative path: {sha256, bytes}} for every file under `folder`, sorted."""
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel in exclude or rel.startswith(("reports/", "_staging/")):
            continue
        files[rel] = {"sha256": sha256(path), "bytes": path.stat().st_size}
    return {"files": files}


def write_raw_descriptors(folder: Path = RAW) -> None:
    """Regenerate data/raw/datapackage.json, dictionary.md and manifest.json."""
    write_json(folder / "datapackage.json", raw_datapackage())
    (folder / "dictionary.md").write_text(data_dictionary(), encoding="utf-8")
    write_json(folder / "manifest.json", manifest(folder))


def data_dictionary(tables: dict[str, Table] = TABLES) -> str:
    """Return the data dictionary of the curated tables as Markdown."""
    lines = [
        "# Data dictionary: data/raw",
        "",
        "Generated from `research/schema.py` by `research validate --write`; do not edit by hand.",
        "",
    ]
    for t in tables.values():
        lines += [
            f"## {t.name}.csv",
            "",
            t.description,
            "",
            f"Key: {', '.join(t.primary_key)}",
            "",
            "| column | type | required | allowed | meaning |",
            "| --- | --- | --- | --- | --- |",
        ]
        for f in t.fields:
            allowed = ", ".join(f.enum) if f.enum else (f"`{f.pattern}`" if f.pattern else "")
            if f.minimum is not None:
                allowed = (allowed + " " if allowed else "") + f">= {f.minimum:g}"
            lines.append(
                f"| {f.name} | {f.type} | {'yes' if f.required else ''} | {allowed} | "
                f"{f.description} |"
            )
        lines.append("")
    return "\n".join(lines)

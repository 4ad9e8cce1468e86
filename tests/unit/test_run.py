"""papermill runs: parameters checked before execution, stable outputs, a deterministic manifest."""

from __future__ import annotations

import hashlib
import json

import nbformat
import papermill
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from research import run

PARAMETERS = (
    'start: str = "2024-01-01"  # first day, ISO date\n'
    "n: int = 3  # rows to show, >= 1\n"
    "scale: float = 1.5  # factor # with a hash\n"
    "verbose: bool = False  # print more\n"
    "label = 'a # not a comment'\n"
    "limit: int | None = None  # optional cap"
)


@pytest.fixture
def notebook(tmp_path):
    nb = new_notebook(
        metadata={
            "kernelspec": {
                "name": "research",
                "display_name": "Python (research)",
                "language": "python",
            }
        }
    )
    nb.cells = [
        new_markdown_cell("# Tiny notebook for tests"),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell("print(repr(start), n * scale, verbose)"),
    ]
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def no_papermill(monkeypatch):
    calls = []
    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: calls.append((a, k)))
    return calls


def test_notebook_parameters_reads_types_defaults_and_comments(notebook):
    assert run.notebook_parameters(notebook) == {
        "start": ("str", "2024-01-01", "first day, ISO date"),
        "n": ("int", 3, "rows to show, >= 1"),
        "scale": ("float", 1.5, "factor # with a hash"),
        "verbose": ("bool", False, "print more"),
        "label": ("str", "a # not a comment", ""),
        "limit": ("int | None", None, "optional cap"),
    }


def test_a_notebook_without_parameters_cell_is_an_error(tmp_path):
    path = tmp_path / "bare.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("x = 1")]), path)
    with pytest.raises(ValueError, match=r"bare\.ipynb: no cell is tagged 'parameters'"):
        run.notebook_parameters(path)


def test_cli_strings_are_converted_by_declared_type(notebook):
    given = {"start": "2024", "n": "7", "scale": "1e3", "verbose": "TRUE", "limit": "None"}
    assert run.validate_parameters(notebook, given) == {
        "start": "2024",  # a str parameter keeps the raw string (papermill -p would give 2024)
        "n": 7,
        "scale": 1000.0,
        "verbose": True,
        "limit": None,
    }
    assert run.validate_parameters(notebook, {"n": 2, "scale": 2}) == {"n": 2, "scale": 2.0}


def test_unknown_parameter_fails_before_papermill(notebook, no_papermill, tmp_path):
    with pytest.raises(ValueError) as info:
        run.run_notebook(notebook, {"strat": "2024-01-01"}, out_dir=tmp_path / "out")
    message = str(info.value)
    assert "tiny.ipynb" in message and "'strat'" in message
    assert "known parameters: start, n, scale, verbose, label, limit" in message
    assert no_papermill == []
    assert not (tmp_path / "out" / "tiny.ipynb").exists()


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("n", "three", "int"),
        ("n", "1.5", "int"),
        ("verbose", "yes", "bool"),
        ("scale", "x", "float"),
    ],
)
def test_wrong_type_fails_before_papermill(notebook, no_papermill, name, value, expected):
    with pytest.raises(ValueError) as info:
        run.run_notebook(notebook, {name: value})
    assert f"parameter {name!r} expects {expected}, got {value!r}" in str(info.value)
    assert no_papermill == []


@pytest.mark.parametrize(("name", "value"), [("n", True), ("n", 1.5), ("start", 2024)])
def test_typed_values_of_the_wrong_type_are_refused(notebook, name, value):
    with pytest.raises(ValueError, match=f"parameter '{name}' expects"):
        run.validate_parameters(notebook, {name: value})


def test_parse_cli_parameters_merges_cli_over_yaml(tmp_path):
    params = tmp_path / "params.yaml"
    params.write_text("start: 2024-01-01\nn: 5\nverbose: true\n", encoding="utf-8")
    parsed = run.parse_cli_parameters([("n", "9")], params)
    assert parsed == {"start": "2024-01-01", "n": "9", "verbose": "true"}
    assert run.parse_cli_parameters(["n=4", "start=a=b"], None) == {"n": "4", "start": "a=b"}
    with pytest.raises(ValueError, match="given twice"):
        run.parse_cli_parameters([("n", "1"), ("n", "2")], None)
    with pytest.raises(ValueError, match="NAME=VALUE"):
        run.parse_cli_parameters(["n"], None)


def test_yaml_values_are_converted_like_cli_strings(notebook, tmp_path):
    params = tmp_path / "params.yaml"
    params.write_text("start: 2024-01-01\nn: 5\nverbose: True\n", encoding="utf-8")
    converted = run.validate_parameters(notebook, run.parse_cli_parameters([], params))
    assert converted == {"start": "2024-01-01", "n": 5, "verbose": True}


def test_run_notebook_writes_stable_ipynb_and_html(notebook, tmp_path):
    out = run.run_notebook(
        notebook, {"start": "2024", "n": "4"}, out_dir=tmp_path / "out", progress=False
    )
    assert out == tmp_path / "out" / "tiny.ipynb"
    assert out.with_suffix(".html").read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE")
    nb = json.loads(out.read_text(encoding="utf-8"))
    assert nb["metadata"]["papermill"] == {"parameters": {"n": 4, "start": "2024"}}
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert [c["id"] for c in injected] == [run.INJECTED_CELL_ID]
    assert all("execution" not in c["metadata"] for c in nb["cells"])
    assert all("papermill" not in c["metadata"] for c in nb["cells"])
    source_ids = [c["id"] for c in nbformat.read(notebook, as_version=4).cells]
    assert [c["id"] for c in nb["cells"] if c not in injected] == source_ids
    printed = "".join(nb["cells"][-1]["outputs"][0]["text"])
    assert printed == "'2024' 6.0 False\n"
    # stripping is idempotent, so an unchanged rerun writes the same bytes
    before = out.read_bytes()
    again = run.strip_volatile_metadata(nbformat.read(out, as_version=4), source_ids)
    nbformat.write(again, out)
    assert out.read_bytes() == before


def test_manifest_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "git_commit", lambda root: "abc123")
    processed, figures = tmp_path / "data" / "processed", tmp_path / "reports" / "figures"
    (processed / "sub").mkdir(parents=True)
    figures.mkdir(parents=True)
    (processed / "weekly.csv").write_text("week_start,area_ha\n2024-01-01,1.5\n")
    (processed / "sub" / "b.parquet").write_bytes(b"\x00\x01")
    (figures / "fig.svg").write_text("<svg/>")
    (figures / ".gitkeep").write_text("")
    runs = [{"notebook": tmp_path / "notebooks" / "02-x.ipynb", "parameters": {"n": 3, "a": "b"}}]

    def write(folder):
        return run.write_run_manifest(
            runs, folder=tmp_path / folder, tracked=(processed, figures), root=tmp_path
        )

    first, second = write("one"), write("two")
    assert first.read_bytes() == second.read_bytes()
    manifest = json.loads(first.read_text())
    assert manifest["commit"] == "abc123"
    assert manifest["runs"] == [
        {"notebook": "notebooks/02-x.ipynb", "parameters": {"a": "b", "n": 3}}
    ]
    assert list(manifest["files"]) == [
        "data/processed/sub/b.parquet",
        "data/processed/weekly.csv",
        "reports/figures/fig.svg",
    ]
    assert manifest["files"]["reports/figures/fig.svg"] == hashlib.sha256(b"<svg/>").hexdigest()
    assert "time" not in first.read_text()


def test_git_commit_is_unknown_without_git(monkeypatch, tmp_path):
    def no_git(*args, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(run.subprocess, "run", no_git)
    assert run.git_commit(tmp_path) == "unknown"

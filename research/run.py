"""Run notebooks with papermill: checked parameters, stable executed copies, a run manifest.

Parameters are read from the cell tagged `parameters` (typed literals with a trailing comment)
and checked before any kernel starts, so a typo fails in a second instead of after a run. The
executed notebook loses papermill's timings and random ids, and the manifest records the commit,
the parameters and the checksum of every output, so two runs can be compared byte for byte.
"""

from __future__ import annotations

import ast
import io
import json
import subprocess
import tokenize
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from research.datapackage import sha256
from research.paths import PROCESSED, REPORTS, ROOT

NOTEBOOK_OUTPUTS = REPORTS / "notebooks"
TRACKED_FOLDERS = (PROCESSED, REPORTS / "figures", REPORTS / "values")
INJECTED_CELL_ID = "injected-parameters"
_NONE_WORDS = {"none", "null", "~"}


class Parameter(NamedTuple):
    """One line of a parameters cell: `name: type_name = default  # comment`."""

    type_name: str
    default: Any
    comment: str


# -- reading and checking parameters --------------------------------------------------------------


def _read_notebook_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"notebook {path} does not exist") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not a notebook (invalid JSON: {error})") from None


def _parameters_source(path: Path) -> str:
    nb = _read_notebook_json(path)
    for cell in nb.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else source
    raise ValueError(f"{Path(path).name}: no cell is tagged 'parameters'")


def _comments(source: str) -> dict[int, str]:
    """Line number -> the comment on that line (tokenize, so '#' inside strings is ignored)."""
    found: dict[int, str] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            found[token.start[0]] = token.string.lstrip("#").strip()
    return found


def notebook_parameters(path: str | Path) -> dict[str, Parameter]:
    """The parameters of a notebook: name -> (type name, default, comment), in cell order."""
    path = Path(path)
    source = _parameters_source(path)
    try:
        tree = ast.parse(source)
        comments = _comments(source)
    except (SyntaxError, tokenize.TokenError) as error:
        raise ValueError(f"{path.name}: the parameters cell is not plain Python: {error}") from None
    parameters: dict[str, Parameter] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name, annotation, value = node.target.id, ast.unparse(node.annotation), node.value
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            name, annotation, value = node.targets[0].id, None, node.value
        else:
            continue
        try:
            default = ast.literal_eval(value) if value is not None else None
        except ValueError:
            raise ValueError(
                f"{path.name}: parameter {name!r} must default to a literal, "
                f"not {ast.unparse(value)!r}"
            ) from None
        type_name = annotation or type(default).__name__
        lines = range(node.lineno, (node.end_lineno or node.lineno) + 1)
        comment = next((comments[line] for line in lines if line in comments), "")
        parameters[name] = Parameter(type_name, default, comment)
    return parameters


def _split_optional(type_name: str) -> tuple[str, bool]:
    """'int | None' or 'Optional[int]' -> ('int', True)."""
    compact = type_name.replace(" ", "")
    if compact.startswith("Optional[") and compact.endswith("]"):
        return compact[len("Optional[") : -1], True
    parts = compact.split("|")
    if "None" in parts and len(parts) > 1:
        return "|".join(p for p in parts if p != "None"), True
    return compact, False


_CONTAINERS = {"list": list, "dict": dict, "tuple": tuple, "set": set}


def convert_parameter(name: str, type_name: str, value: Any) -> Any:
    """Convert a CLI string to `type_name`, or check a typed value; ValueError if it does not fit.

    Strings become int, float or bool ('true'/'false') as declared; str parameters keep the raw
    string (papermill's own -p would turn '2024' into an int). 'None'/'null' fit optional types.
    Unknown annotations pass the value through unchecked.
    """
    base, optional = _split_optional(type_name)
    container = _CONTAINERS.get(base.split("[", 1)[0])

    def wrong() -> ValueError:
        return ValueError(f"parameter {name!r} expects {type_name}, got {value!r}")

    if value is None or (
        optional and base != "str" and isinstance(value, str) and value.lower() in _NONE_WORDS
    ):
        if optional:
            return None
        raise wrong()
    if isinstance(value, str):
        text = value.strip()
        if base == "str":
            return value
        if base == "int":
            try:
                return int(text, 10)
            except ValueError:
                raise wrong() from None
        if base == "float":
            try:
                return float(text)
            except ValueError:
                raise wrong() from None
        if base == "bool":
            if text.lower() in ("true", "false"):
                return text.lower() == "true"
            raise wrong()
        if container is not None:
            try:
                parsed = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                raise wrong() from None
            if not isinstance(parsed, container):
                raise wrong()
            return parsed
        return value
    if base == "bool":
        if isinstance(value, bool):
            return value
        raise wrong()
    if base == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise wrong()
    if base == "float":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise wrong()
    if base == "str":
        raise wrong()
    if container is not None and not isinstance(value, container):
        raise wrong()
    return value


def validate_parameters(path: str | Path, given: Mapping[str, Any]) -> dict[str, Any]:
    """Check `given` against the notebook's parameters cell and convert it to the declared types.

    Raises ValueError for an unknown name (naming the notebook, the name and the known names) or
    a value that does not fit its declared type (naming the parameter, the type and the value).
    """
    path = Path(path)
    declared = notebook_parameters(path)
    converted: dict[str, Any] = {}
    for name, value in given.items():
        if name not in declared:
            known = ", ".join(declared) or "none"
            raise ValueError(f"{path.name}: unknown parameter {name!r}; known parameters: {known}")
        converted[name] = convert_parameter(name, declared[name].type_name, value)
    return converted


def parse_cli_parameters(
    pairs: Sequence[tuple[str, str]] | Sequence[str] | None, yaml_file: str | Path | None = None
) -> dict[str, Any]:
    """`-p NAME VALUE` pairs (or 'NAME=VALUE' strings) over the values of a `-f params.yaml`.

    YAML is read with every scalar as a string, so YAML and the command line are converted the
    same way, by the notebook's declared types (`validate_parameters`), and `2024-01-01` stays
    the string it was written as.
    """
    merged: dict[str, Any] = {}
    if yaml_file is not None:
        import yaml

        loaded = yaml.load(Path(yaml_file).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ValueError(f"{yaml_file}: expected a mapping of parameter names to values")
        merged.update(loaded)
    seen: set[str] = set()
    for pair in pairs or ():
        if isinstance(pair, str):
            name, sep, value = pair.partition("=")
            if not sep:
                raise ValueError(f"expected NAME=VALUE, got {pair!r}")
        else:
            name, value = pair
        name = name.strip()
        if not name.isidentifier():
            raise ValueError(f"{name!r} is not a parameter name")
        if name in seen:
            raise ValueError(f"parameter {name!r} is given twice")
        seen.add(name)
        merged[name] = value
    return merged


# -- running --------------------------------------------------------------------------------------


def _relative(path: Path, root: Path) -> str:
    resolved = path.resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return resolved.name


def strip_volatile_metadata(nb: Any, source_ids: Iterable[str] = ()) -> Any:
    """Drop what changes between identical runs: timings, timestamps, random cell ids.

    `metadata.papermill` keeps only the parameters; ids papermill or nbformat made up (cells
    whose id is not in `source_ids`) become their position, the injected cell's a fixed name.
    """
    parameters = nb.metadata.get("papermill", {}).get("parameters", {})
    nb.metadata["papermill"] = {"parameters": parameters}
    known = set(source_ids)
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = INJECTED_CELL_ID
        elif "id" in cell and cell["id"] not in known:
            cell["id"] = f"cell-{index}"
    return nb


def write_html(nb: Any, path: Path) -> Path:
    """An HTML copy of an executed notebook (nbconvert, offline)."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
    path.write_text(body, encoding="utf-8")
    return path


def run_notebook(
    path: str | Path,
    parameters: Mapping[str, Any] | None = None,
    out_dir: str | Path | None = None,
    kernel: str = "research",
    progress: bool = True,
    cwd: str | Path | None = None,
) -> Path:
    """Execute a notebook with papermill into `<out_dir>/<stem>.ipynb` plus an HTML copy.

    Parameters are checked before any kernel starts. The kernel runs in the project root (or
    `cwd`) whatever the caller's directory. Volatile metadata is stripped even when a cell
    fails, so the failed notebook can be read; the error is then raised again.
    """
    import nbformat

    path = Path(path)
    values = validate_parameters(path, parameters or {})
    folder = Path(out_dir) if out_dir is not None else NOTEBOOK_OUTPUTS
    folder.mkdir(parents=True, exist_ok=True)
    output = folder / f"{path.stem}.ipynb"
    html = output.with_suffix(".html")
    for stale in (output, html):  # never leave an earlier run's copy beside a failed one
        stale.unlink(missing_ok=True)
    source_ids = [c.get("id") for c in _read_notebook_json(path).get("cells", []) if "id" in c]

    import papermill

    try:
        papermill.execute_notebook(
            str(path),
            str(output),
            parameters=values,
            kernel_name=kernel,
            cwd=str(cwd if cwd is not None else ROOT),
            progress_bar=progress,
        )
    finally:
        if output.exists():
            nb = strip_volatile_metadata(nbformat.read(output, as_version=4), source_ids)
            nbformat.write(nb, output)
            write_html(nb, html)
    return output


# -- manifest -------------------------------------------------------------------------------------


sha256_file = sha256  # one checksum for data, figures and values alike


def file_checksums(folders: Iterable[Path] = TRACKED_FOLDERS, root: Path = ROOT) -> dict[str, str]:
    """sha256 of every file under `folders` (hidden files skipped), keyed by path from root."""
    sums: dict[str, str] = {}
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).rglob("*")):
            relative = path.relative_to(folder).parts
            if path.is_file() and not any(part.startswith(".") for part in relative):
                sums[_relative(path, root)] = sha256_file(path)
    return dict(sorted(sums.items()))


def git_commit(root: Path = ROOT) -> str:
    """The checked-out commit, or 'unknown' outside a git checkout (or without git)."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip() or "unknown"


def write_run_manifest(
    runs: Sequence[Mapping[str, Any]],
    folder: str | Path | None = None,
    tracked: Iterable[Path] = TRACKED_FOLDERS,
    root: Path = ROOT,
) -> Path:
    """Write `manifest.json`: the commit, each run's notebook and parameters, output checksums.

    No timestamps: two runs that produce the same files write the same manifest.
    """
    entries = []
    for run in runs:
        if "notebook" not in run:
            raise ValueError(f"each run needs a 'notebook' entry, got {dict(run)!r}")
        entries.append(
            {
                "notebook": _relative(Path(run["notebook"]), root),
                "parameters": dict(sorted(dict(run.get("parameters") or {}).items())),
            }
        )
    manifest = {
        "commit": git_commit(root),
        "runs": entries,
        "files": file_checksums(tracked, root),
    }
    out = Path(folder) if folder is not None else REPORTS
    out.mkdir(parents=True, exist_ok=True)
    path = out / "manifest.json"
    text = json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False, default=str)
    path.write_text(text + "\n", encoding="utf-8")
    return path

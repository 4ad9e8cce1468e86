"""The numbers the prose quotes, written by the notebooks that compute them.

Each notebook records its cited values in `reports/values/<notebook>.json`, so no number in the
text is retyped, and asserts the claims its prose makes with `assert_value`.
"""

from __future__ import annotations

import json
import math
import re
from numbers import Integral, Real
from pathlib import Path

from research.paths import REPORTS

VALUES = REPORTS / "values"
SIGNIFICANT_DIGITS = 10
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")

Value = float | int | str | bool

# Values recorded by this process (one notebook run = one kernel), keyed by file. The first
# record of a run replaces what an earlier run left in the file; later ones merge into it.
_RECORDED: dict[Path, dict[str, Value]] = {}


def value_name(*parts: object) -> str:
    """A value name from free-text parts ("Prosecutor-General", "all_victims"): every run of
    characters a name may not hold becomes one underscore."""
    name = "_".join(str(p) for p in parts)
    return re.sub(r"[^A-Za-z0-9.-]+", "_", name).strip("_.-") or "value"


def values_path(notebook: str, folder: str | Path | None = None) -> Path:
    """Where the values of `notebook` (a name or path, with or without .ipynb) are written."""
    stem = Path(notebook).name.removesuffix(".ipynb")
    if not _NAME.fullmatch(stem):
        raise ValueError(f"notebook name {notebook!r} is not a plain file name")
    return Path(folder if folder is not None else VALUES) / f"{stem}.json"


def _clean(name: str, value: object) -> Value:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(f"value name {name!r}: use letters, digits, '_', '.', '-'")
    if isinstance(value, bool | str):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{name}: {number} cannot be recorded (not a finite number)")
        # Ten significant digits hide float noise (0.1 + 0.2) without losing a quoted digit.
        return float(f"{number:.{SIGNIFICANT_DIGITS}g}")
    raise TypeError(f"{name}: expected a number or a string, got {type(value).__name__}")


def record_values(
    notebook: str, values: dict[str, Value], folder: str | Path | None = None
) -> Path:
    """Write `values` to `<folder>/<notebook>.json`, merged with those recorded earlier this run.

    The file has sorted keys, a 2-space indent and a trailing newline, and no timestamp, so the
    same numbers always give the same bytes.
    """
    path = values_path(notebook, folder)
    cleaned = {name: _clean(name, value) for name, value in values.items()}
    key = path.resolve()
    merged = {**_RECORDED.get(key, {}), **cleaned}
    _RECORDED[key] = merged
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(merged, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def load_values(notebook: str, folder: str | Path | None = None) -> dict[str, Value]:
    """The values a notebook recorded; FileNotFoundError says which notebook to run."""
    path = values_path(notebook, folder)
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist: run the notebook {notebook!r} first")
    return json.loads(path.read_text(encoding="utf-8"))


def assert_value(name: str, actual: Value, expected: Value, rel: float = 1e-9) -> None:
    """Check a number the prose states against the one computed; say both when they differ."""
    if isinstance(expected, str) or isinstance(actual, str) or isinstance(expected, bool):
        if actual != expected:
            raise AssertionError(f"{name}: computed {actual!r}, but the text says {expected!r}")
        return
    if not isinstance(actual, Real) or not isinstance(expected, Real):
        raise AssertionError(f"{name}: cannot compare {actual!r} with {expected!r}")
    if math.isclose(float(actual), float(expected), rel_tol=rel, abs_tol=0.0):
        return
    scale = max(abs(float(expected)), abs(float(actual)))
    difference = abs(float(actual) - float(expected)) / scale
    raise AssertionError(
        f"{name}: computed {actual!r}, but the text says {expected!r} "
        f"(relative difference {difference:.3g} > tolerance {rel:g})"
    )

"""Where things live: the project root and its data folders, whatever the working directory.

papermill runs a kernel in its own working directory and nbval in the notebook's folder, so
notebooks resolve every path through here rather than relative to where they run.
"""

from __future__ import annotations

from pathlib import Path


def find_project_root(start: Path | None = None) -> Path:
    """Return the nearest folder at or above `start` (default: cwd) holding pyproject.toml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "research").is_dir():
            return folder
    # Installed without a checkout: fall back to the package's parent folder.
    return Path(__file__).resolve().parent.parent


def resolve_path(path: str | Path, root: Path | None = None) -> Path:
    """Resolve `path` against the project root unless it is absolute."""
    p = Path(path)
    return p if p.is_absolute() else (root or find_project_root()) / p


ROOT = find_project_root(Path(__file__).resolve().parent)
RAW = ROOT / "data" / "raw"
PROCESSED = ROOT / "data" / "processed"
REPORTS = ROOT / "reports"
SEEDS = ROOT.parent / "shared" / "seeds"

"""mine-action-research: public mine-action reports -> source-linked records and analyses.

`research.extract(text, published)` reads one report; `research.load(name)` returns a
built table for notebooks.
"""

from __future__ import annotations

from typing import Any

from research.extract import extract

__all__ = ["extract", "load"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # `load` pulls in the build step; imported on first use so the CLI starts fast.
    if name == "load":
        from research.build import load

        return load
    raise AttributeError(f"module 'research' has no attribute {name!r}")

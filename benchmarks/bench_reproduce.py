"""`research reproduce` against its floor: papermill running as many notebooks that only
import polars and altair.

Run by `make bench` (not by the tests). Both run in child processes from the project root
with the project's kernel; the floor notebooks are written to a temporary folder. Target:
the whole chain (build, six notebooks, figures, values, manifest) within twice the floor.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 2.0

FLOOR = """
import sys, nbformat, papermill
from nbformat.v4 import new_code_cell, new_notebook
from pathlib import Path
folder = Path(sys.argv[1])
for i in range(int(sys.argv[2])):
    nb = new_notebook(cells=[new_code_cell("import polars as pl\\nimport altair as alt")])
    nb.metadata["kernelspec"] = {"name": "research", "display_name": "r", "language": "python"}
    src = folder / f"floor-{i}.ipynb"
    nbformat.write(nb, src)
    papermill.execute_notebook(str(src), str(folder / f"out-{i}.ipynb"), kernel_name="research",
                               progress_bar=False)
"""


def timed(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> int:
    notebooks = len(list((ROOT / "notebooks").glob("*.ipynb")))
    with tempfile.TemporaryDirectory() as tmp:
        floor = timed([sys.executable, "-c", FLOOR, tmp, str(notebooks)])
    chain = timed([sys.executable, "-m", "research.cli", "reproduce"])
    ratio = chain / floor
    print(f"{'run':<40} {'seconds':>8}")
    print(f"{'floor: ' + str(notebooks) + ' notebooks importing polars, altair':<40} {floor:>8.1f}")
    print(f"{'research reproduce (build + notebooks)':<40} {chain:>8.1f}")
    verdict = "met" if ratio <= TARGET_RATIO else "NOT MET"
    print(f"ratio {ratio:.2f} (target <= {TARGET_RATIO:.0f}: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

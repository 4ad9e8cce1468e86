"""`research build` on synthetic raw tables: seconds and peak memory at 100k and 1M statements.

Run by `make bench` (not by the tests). It writes a seeded, deterministic raw folder of N
clearance statements in a temporary directory (weekly whole-territory statements carried
by several outlets in differing versions, per-district weekly figures, operator-only
figures, monthly and annual totals, cumulative snapshots), then runs `research build` on it
in a subprocess and reads that child's peak RSS. Targets: under 30 s and 4 GiB at 1M on
this 2-core machine, and time growing no faster than linearly from 100k to 1M.

Usage: bench_build.py [--sizes 100000 1000000] [--quick]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from research.schema import TABLES  # noqa: E402

TARGET_SECONDS = 30.0
TARGET_GIB = 4.0
DISTRICTS = ["AZ-AGM", "AZ-FUZ", "AZ-CAB", "AZ-KAL", "AZ-LAC", "AZ-QBI", "AZ-ZAN", "AZ-TAR",
             "AZ-XCI", "AZ-XVD", "AZ-SUS", "AZ-XA", "AZ-X-AGD"]  # fmt: skip
SCOPES = ["all_operators", "unspecified", "mod", "sbs", "companies"]
ROWS_PER_WEEK = 30  # whole territory: 4 versions; districts: 13 x 2 versions


def _rand(n: int, seed: int, high: int) -> pl.Series:
    """Deterministic pseudo-random integers in [0, high) without numpy."""
    return (pl.int_range(n, eager=True).hash(seed) % high).cast(pl.Int64)


def synthetic_raw(folder: Path, statements: int, seed: int = 20201110) -> None:
    """Write reports/clearance/casualties/maps/claims CSVs with about `statements` rows."""
    folder.mkdir(parents=True, exist_ok=True)
    weeks = max(1, statements // ROWS_PER_WEEK)
    week_starts = pl.date_range(
        date(2020, 11, 9), date(2020, 11, 9) + timedelta(weeks=weeks - 1), "1w", eager=True
    )
    # Whole territory: 4 outlet versions a week (two disagree); 1 week in 12 is a gap.
    kept = week_starts.filter(_rand(weeks, seed, 12) != 0)
    n = kept.len()
    per = pl.DataFrame(
        {
            "period_start": kept,
            "ap": _rand(n, seed + 1, 300),
            "at": _rand(n, seed + 2, 200),
            "ux": _rand(n, seed + 3, 3000),
            "ar": _rand(n, seed + 4, 30000) / 10 + 50,
        }
    )
    whole = per.join(
        pl.DataFrame({"version": ["a", "b", "c", "d"], "bump": [0, 0, 1, 2]}), how="cross"
    ).select(
        "period_start",
        "version",
        pl.col("ap").alias("anti_personnel"),
        pl.col("at").alias("anti_tank"),
        (pl.col("ux") + pl.col("bump")).alias("uxo"),
        pl.col("ar").alias("area_ha"),
        pl.lit("whole_territory").alias("district_level"),
        pl.lit("all_operators").alias("scope"),
        pl.concat_str(pl.lit("clr-w-"), pl.col("period_start")).alias("statement_id"),
    )
    grid = pl.DataFrame({"period_start": week_starts}).join(
        pl.DataFrame({"district_codes": DISTRICTS}), how="cross"
    )
    dn = grid.height
    grid = grid.with_columns(
        anti_personnel=_rand(dn, seed + 5, 30),
        anti_tank=_rand(dn, seed + 6, 20),
        uxo=_rand(dn, seed + 7, 300),
        area_ha=_rand(dn, seed + 8, 3000) / 10 + 1,
        scope=pl.Series(SCOPES).gather(_rand(dn, seed + 9, len(SCOPES))),
    )
    district = grid.join(pl.DataFrame({"version": ["a", "b"]}), how="cross").with_columns(
        district_level=pl.lit("per_district"),
        statement_id=pl.concat_str(
            pl.lit("clr-d-"), pl.col("period_start"), pl.lit("-"), pl.col("district_codes")
        ),
    )
    weekly = pl.concat([whole, district], how="diagonal_relaxed").with_columns(
        period_end=pl.col("period_start") + pl.duration(days=6),
        period_precision=pl.lit("week"),
    )
    months = pl.DataFrame(
        {
            "period_start": pl.date_range(
                date(2020, 11, 1), weekly["period_start"].max(), "1mo", eager=True
            ),
        }
    ).with_columns(
        period_end=pl.col("period_start").dt.month_end(),
        period_precision=pl.lit("month"),
        statement_id=pl.concat_str(pl.lit("clr-m-"), pl.col("period_start")),
        version=pl.lit("a"),
        anti_personnel=pl.lit(900),
        anti_tank=pl.lit(500),
        uxo=pl.lit(9000),
        area_ha=pl.lit(6000.0),
        district_level=pl.lit("whole_territory"),
        scope=pl.lit("all_operators"),
    )
    snapshots = months.gather_every(6).with_columns(
        period_precision=pl.lit("cumulative"),
        statement_id=pl.concat_str(pl.lit("clr-c-"), pl.col("period_end")),
        period_start=pl.lit(date(2020, 11, 10)),
        cumulative_since=pl.lit(date(2020, 11, 10)),
    )
    clearance = pl.concat([weekly, months, snapshots], how="diagonal_relaxed")
    reports = 5_000
    clearance = clearance.with_columns(
        report_ids=pl.concat_str(pl.lit("r-"), pl.int_range(pl.len()) % reports),
        status=pl.lit("final"),
    )
    table = TABLES["clearance"]
    full = clearance.select(
        [
            pl.col(f.name).cast(f.dtype)
            if f.name in clearance.columns
            else pl.lit(None, f.dtype).alias(f.name)
            for f in table.fields
        ]
    ).sort("statement_id", "version")
    full.write_csv(folder / "clearance.csv", date_format="%Y-%m-%d")
    pl.DataFrame(
        {
            "report_id": [f"r-{i}" for i in range(reports)],
            "url": [f"https://news.example.org/{i}" for i in range(reports)],
            "outlet": "Example",
            "published": date(2024, 1, 1),
            "language": "en",
            "title": None,
            "publisher": "ANAMA",
            "retrieved": date(2026, 11, 22),
        }
    ).sort("report_id").write_csv(folder / "reports.csv", date_format="%Y-%m-%d")
    for name in ("casualties", "maps", "claims"):
        pl.DataFrame(schema={f.name: f.dtype for f in TABLES[name].fields}).write_csv(
            folder / f"{name}.csv"
        )


def run_build(raw: Path, out: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of `research build` in a child process."""
    code = (
        "import sys; from pathlib import Path; from research.build import build; "
        "build(Path(sys.argv[1]), Path(sys.argv[2]), reports_dir=Path(sys.argv[1]) / 'none')"
    )
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, str(raw), str(out)], cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"build failed with status {status}")
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--quick", action="store_true", help="10k and 100k statements")
    args = parser.parse_args()
    sizes = [10_000, 100_000] if args.quick else args.sizes
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            raw = Path(tmp) / f"raw-{size}"
            t0 = time.perf_counter()
            synthetic_raw(raw, size)
            made = pl.read_csv(raw / "clearance.csv", columns=["statement_id"]).height
            gen = time.perf_counter() - t0
            seconds, rss = run_build(raw, Path(tmp) / f"out-{size}")
            rows.append((size, made, seconds, rss))
            print(f"generated {made:,} statements in {gen:.1f} s", file=sys.stderr)
    print(f"{'target size':>12} {'statements':>11} {'seconds':>8} {'peak RSS MiB':>13}")
    for size, made, seconds, rss in rows:
        print(f"{size:>12,} {made:>11,} {seconds:>8.1f} {rss:>13.0f}")
    big = rows[-1]
    ok_time = big[2] < TARGET_SECONDS
    ok_mem = big[3] / 1024 < TARGET_GIB
    print(
        f"largest run: {big[2]:.1f} s (target < {TARGET_SECONDS:.0f} s: "
        f"{'met' if ok_time else 'NOT MET'}), {big[3] / 1024:.2f} GiB "
        f"(target < {TARGET_GIB:.0f} GiB: {'met' if ok_mem else 'NOT MET'})"
    )
    if len(rows) > 1:
        (_, m0, t0_, _), (_, m1, t1, _) = rows[0], rows[-1]
        growth = (t1 / t0_) / (m1 / m0)
        print(
            f"time grew {t1 / t0_:.1f}x for {m1 / m0:.1f}x the statements "
            f"({'no faster than linear' if growth <= 1.1 else 'FASTER than linear'})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

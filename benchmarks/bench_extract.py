"""Extraction speed and memory: `research extract` against quantulum3 on a synthetic corpus.

Run by `make bench` (not by the tests). It writes a seeded, deterministic corpus of ~1 KB
report texts as JSONL in a temporary folder, then:

* runs `python -m research.cli extract corpus.jsonl --format jsonl --output /dev/null` as a
  subprocess pinned to one core, for N and 10 x N reports, and reads each run's peak RSS
  from `os.wait4` (that child's own rusage);
* times quantulum3's `parser.parse` on a sample of the same texts (it is ~100x slower, so
  the full corpus would take hours) in a subprocess pinned to the same core, and
  extrapolates its rate to N reports;
* prints a table and whether the targets hold: >= 3,000 docs/s on one core, >= 100 x
  quantulum3, and peak memory flat (within 20%) from N to 10 x N reports.

Usage: bench_extract.py [--docs N] [--quick] [--quantulum-sample K] [--strict]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 20201110  # the ceasefire date: any fixed seed would do

TARGET_DOCS_PER_S = 3_000
TARGET_RATIO = 100
TARGET_MEMORY_GROWTH = 0.20

# -- the synthetic corpus ---------------------------------------------------------------

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
DISTRICTS = [  # spellings of one district per entry
    ("Aghdam", "Agdam", "Ağdam"), ("Fuzuli", "Fizuli", "Füzuli"),
    ("Jabrayil", "Jabrail", "Cəbrayıl"), ("Kalbajar", "Kelbajar"), ("Lachin", "Laçın"),
    ("Gubadli", "Qubadli"), ("Zangilan", "Zengilan"), ("Tartar", "Terter"),
    ("Khojaly", "Khojali"), ("Khojavand", "Khojavend"), ("Shusha", "Şuşa"),
    ("Khankendi",), ("Aghdara", "Agdere"),
]  # fmt: skip
OUTLETS = ["Azernews", "Trend", "APA", "Report.az", "AZERTAC", "MENAFN", "News.az"]
OPERATORS = [
    "ANAMA", "the Ministry of Defence", "the Ministry of Emergency Situations",
    "the State Border Service", "private demining companies",
]  # fmt: skip
NOISE = [
    "The agency plans to clear {area} hectares of land by the end of next year, its "
    "chairman told journalists at a briefing in Baku.",
    "According to preliminary estimates, about {big} million mines remain in the region, "
    "and experts say full clearance may take decades.",
    "Around {staff} deminers, {dogs} mine detection dogs and {vehicles} machines are "
    "involved in the operations, the statement said.",
    "The government has allocated {money} million manats for humanitarian demining this "
    "year, part of a wider reconstruction programme.",
    "Recall that the former line of contact remains one of the most contaminated areas, "
    "and residents are urged not to enter marked zones.",
    "International partners, including several UN agencies, continue to support training "
    "programmes for national deminers.",
    "Mine risk education sessions were held in {schools} schools, reaching children and "
    "teachers in newly resettled villages.",
    "Officials noted that inaccurate minefield maps had slowed down work along the former "
    "front line, where surveys are still under way.",
]


def number(rng: random.Random, value: float, decimals: int = 0) -> str:
    """A number written the way outlets write them: 1,198.7 / 1198.7 / 1 198,7 / 1.198,7."""
    text = f"{value:,.{decimals}f}"
    style = rng.random()
    if style < 0.55:
        return text
    if style < 0.75:
        return text.replace(",", "")
    if style < 0.9:
        return text.replace(",", " ").replace(".", ",")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def district(rng: random.Random) -> str:
    return rng.choice(rng.choice(DISTRICTS))


def period(rng: random.Random, end: date) -> str:
    start = end - timedelta(days=6)
    shape = rng.randrange(6)
    sm, em = MONTHS[start.month - 1], MONTHS[end.month - 1]
    if shape == 0:
        return f"from {sm} {start.day} to {em} {end.day}, {end.year}"
    if shape == 1:
        return (
            f"from {start.day} to {end.day} {em}"
            if sm == em
            else (f"from {start.day} {sm} to {end.day} {em}")
        )
    if shape == 2:
        span = f"{start.day}–{end.day}" if sm == em else f"{start.day}–{em} {end.day}"
        return f"during {sm} {span}"
    if shape == 3:
        return f"between {sm} {start.day} and {em} {end.day}"
    if shape == 4:
        return f"on {start.day:02d}.{start.month:02d}.{start.year}-{end.day:02d}.{end.month:02d}"
    return "over the past week"


def fill(rng: random.Random, template: str) -> str:
    return template.format(
        area=number(rng, rng.randrange(5_000, 20_000)),
        big=rng.choice(["1.5", "1.2", "one"]),
        staff=rng.randrange(800, 3_000),
        dogs=rng.randrange(20, 120),
        vehicles=rng.randrange(10, 90),
        money=rng.randrange(50, 400),
        schools=rng.randrange(5, 60),
    )


def clearance_report(rng: random.Random, published: date) -> str:
    ap, at, uxo = rng.randrange(0, 300), rng.randrange(0, 150), rng.randrange(50, 1_500)
    area = rng.uniform(100, 3_000)
    items = [
        f"{ap} anti-personnel mines",
        f"{at} anti-tank mines",
        f"{number(rng, uxo)} unexploded ordnance (UXO)",
    ]
    rng.shuffle(items)
    districts = [rng.choice(d) for d in rng.sample(DISTRICTS, rng.randrange(1, 7))]
    place = (
        f"in the {', '.join(districts[:-1])} and {districts[-1]} districts"
        if len(districts) > 1
        else f"in {districts[0]} district"
    )
    when = period(rng, published - timedelta(days=rng.randrange(1, 3)))
    area_text = number(rng, area, 1)
    sentences = [
        f"The Mine Action Agency of the Republic of Azerbaijan (ANAMA) released weekly "
        f"information on demining operations in the liberated territories, "
        f"{rng.choice(OUTLETS)} reports.",
        rng.choice([
            f"According to the information, {', '.join(items[:2])} and {items[2]} were "
            f"detected and neutralised {place} {when}.",
            f"In total, {number(rng, ap + at + uxo)} explosive items ({', '.join(items)}) "
            f"were found {place} {when}, the agency said.",
        ]),
        rng.choice([
            f"In addition, {area_text} hectares of land were cleared of mines and UXO.",
            f"A total of {area_text} ha of territory was cleared during this period.",
            f"Deminers also cleared an area of {area_text} hectares.",
        ]),
        "The operations were carried out by {}, {} and {}.".format(*rng.sample(OPERATORS, 3)),
    ]  # fmt: skip
    return paragraphs(rng, sentences)


def casualty_report(rng: random.Random, published: date) -> str:
    killed, injured = rng.randrange(30, 80), rng.randrange(150, 330)
    sentences = [
        f"Since the end of the war on November 10, 2020, {killed + injured} people have "
        f"become victims of landmines in Azerbaijan, {rng.choice(OUTLETS)} reports.",
        f"Of them, {killed} were killed and {injured} were injured, the agency said on "
        f"{MONTHS[published.month - 1]} {published.day}.",
        f"The latest incident took place in {district(rng)} district, where a "
        f"civilian was wounded by an anti-personnel mine.",
    ]
    return paragraphs(rng, sentences)


def maps_report(rng: random.Random, published: date) -> str:
    maps = rng.randrange(2, 12)
    sentences = [
        f"Armenia has handed over {maps} minefield maps covering parts of the "
        f"{district(rng)} and {district(rng)} districts, "
        f"{rng.choice(OUTLETS)} reports.",
        f"The maps cover about {number(rng, rng.randrange(5_000, 100_000))} mines, "
        "officials said, adding that earlier maps proved only 25 percent accurate.",
    ]
    return paragraphs(rng, sentences)


def paragraphs(rng: random.Random, sentences: list[str]) -> str:
    """Sentences plus noise, grouped into paragraphs and padded to about 1 KB.

    Noise goes after the first two sentences, which carry the figures and their context.
    """
    body = list(sentences)
    fillers = rng.sample(NOISE, len(NOISE))
    while sum(map(len, body)) < 900 and fillers:
        body.insert(rng.randrange(2, len(body) + 1), fill(rng, fillers.pop()))
    groups, current = [], []
    for sentence in body:
        current.append(sentence)
        if rng.random() < 0.5:
            groups.append(" ".join(current))
            current = []
    if current:
        groups.append(" ".join(current))
    return "\n\n".join(groups)


def write_corpus(path: Path, count: int) -> int:
    """Write `count` reports as JSONL; returns the file's size in bytes."""
    rng = random.Random(SEED)
    start = date(2021, 1, 4)
    kinds = [clearance_report] * 7 + [casualty_report] * 2 + [maps_report]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            published = start + timedelta(days=rng.randrange(0, 1_400))
            text = rng.choice(kinds)(rng, published)
            record = {
                "id": f"synthetic-{i:06d}",
                "url": f"https://news.example.org/{i}",
                "outlet": rng.choice(OUTLETS),
                "published": published.isoformat(),
                "text": text,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


# -- measuring --------------------------------------------------------------------------


@dataclass
class Run:
    tool: str
    docs: int
    seconds: float
    peak_rss_mb: float
    note: str = ""

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else float("inf")


def pinned_cpu() -> int:
    return min(os.sched_getaffinity(0))


def run_pinned(args: list[str], cpu: int | set[int]) -> tuple[float, float, str, str]:
    """Run a command on one core (or a set of them); (wall seconds, its own peak RSS in MB,
    stdout, stderr)."""
    cpus = cpu if isinstance(cpu, set) else {cpu}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            args,
            cwd=ROOT,
            stdout=out,
            stderr=err,
            preexec_fn=lambda: os.sched_setaffinity(0, cpus),
        )
        # Not proc.wait(): it would reap the child and lose the rusage of this one process.
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return seconds, usage.ru_maxrss / 1024, out.read(), err.read()


def bench_research(corpus: Path, docs: int, cpu: int | set[int], jobs: int = 1) -> Run:
    args = [
        sys.executable, "-m", "research.cli", "extract", str(corpus), "--format", "jsonl",
        "--output", os.devnull, "--jobs", str(jobs),
    ]  # fmt: skip
    seconds, rss, _, stderr = run_pinned(args, cpu)
    summary = next((line for line in stderr.splitlines() if "documents read" in line), "")
    if not summary:
        raise SystemExit(f"research extract failed:\n{stderr}")
    match = re.search(r"(\d+) with figures", summary)
    note = f"{int(match.group(1)) / docs:.0%} with figures" if match else summary
    return Run("research", docs, seconds, rss, note)


QUANTULUM_SCRIPT = textwrap.dedent(
    """
    import json, sys, time, warnings
    warnings.simplefilter("ignore")
    from quantulum3 import parser
    texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
    parser.parse(texts[0])  # warm-up: quantulum3 loads its units and models on first use
    start = time.perf_counter()
    for text in texts:
        parser.parse(text)
    print(time.perf_counter() - start)
    """
)


def bench_quantulum(corpus: Path, sample: int, docs: int, cpu: int, workdir: Path) -> Run:
    sample_path = workdir / "quantulum-sample.jsonl"
    with corpus.open(encoding="utf-8") as src, sample_path.open("w", encoding="utf-8") as dst:
        for _, line in zip(range(sample), src, strict=False):
            dst.write(line)
    _, rss, stdout, stderr = run_pinned(
        [sys.executable, "-c", QUANTULUM_SCRIPT, str(sample_path)], cpu
    )
    try:
        measured = float(stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit(f"quantulum3 run failed:\n{stderr}") from None
    projected = measured / sample * docs
    note = f"timed on {sample} texts ({measured:.1f} s), extrapolated to {docs:,}"
    return Run("quantulum3", docs, projected, rss, note)


def startup_seconds(workdir: Path, cpu: int) -> float:
    """Wall time of the command on a one-report corpus: interpreter and imports."""
    tiny = workdir / "one.jsonl"
    write_corpus(tiny, 1)
    return min(bench_research(tiny, 1, cpu).seconds for _ in range(3))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="reports in the small run")
    parser.add_argument("--quick", action="store_true", help="1,000 reports: a smoke run")
    parser.add_argument("--quantulum-sample", type=int, default=300, help="texts to time")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target fails")
    options = parser.parse_args()
    small = 1_000 if options.quick else options.docs
    large = small * 10
    cpu = pinned_cpu()

    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        workdir = Path(tmp)
        runs: list[Run] = []
        print(f"Pinned to CPU {cpu}. Writing synthetic corpora of {small:,} and {large:,} reports")
        corpora = {}
        for count in (small, large):
            corpora[count] = workdir / f"corpus-{count}.jsonl"
            size = write_corpus(corpora[count], count)
            print(
                f"  {corpora[count].name}: {size / 1e6:.1f} MB, {size / count:.0f} bytes a report"
            )
        startup = startup_seconds(workdir, cpu)
        print(f"Start-up of `research extract` (interpreter + imports): {startup:.2f} s")
        for count in (small, large):
            runs.append(bench_research(corpora[count], count, cpu))
            print(f"  research on {count:,}: {runs[-1].seconds:.1f} s")
        print(f"Timing quantulum3 on {options.quantulum_sample} texts ...")
        runs.append(bench_quantulum(corpora[small], options.quantulum_sample, small, cpu, workdir))
        cores = os.sched_getaffinity(0)
        # For users with a large corpus, not a target: `--jobs` over every core allowed.
        parallel = bench_research(corpora[large], large, cores, jobs=len(cores))

    report(runs, startup)
    print(
        f"  (with --jobs {len(cores)} on {len(cores)} cores, not a target: "
        f"{net_rate(parallel, startup):,.0f} docs/s net on {large:,} reports)"
    )
    return 0 if (targets_met(runs, startup) or not options.strict) else 1


def net_rate(run: Run, startup: float) -> float:
    """Documents per second after taking the start-up off (research runs only)."""
    busy = run.seconds - startup if run.tool == "research" else run.seconds
    return run.docs / busy if busy > 0 else float("inf")


def report(runs: list[Run], startup: float) -> None:
    header = f"{'tool':<11} {'docs':>9} {'seconds':>9} {'docs/s':>9} {'net docs/s':>11} "
    header += f"{'peak RSS MB':>12}  note"
    print()
    print(header)
    print("-" * len(header))
    for run in runs:
        print(
            f"{run.tool:<11} {run.docs:>9,} {run.seconds:>9.1f} {run.docs_per_s:>9,.0f} "
            f"{net_rate(run, startup):>11,.0f} {run.peak_rss_mb:>12.1f}  {run.note}"
        )
    print("net docs/s: research with its start-up taken off; quantulum3 excludes its warm-up.")
    small, large, quantulum = runs
    ratio = net_rate(large, startup) / quantulum.docs_per_s
    growth = large.peak_rss_mb / small.peak_rss_mb - 1
    print()
    print(f"research / quantulum3 speed ratio: {ratio:,.0f} x")
    print(f"peak RSS from {small.docs:,} to {large.docs:,} reports: {growth:+.1%}")
    print()
    for label, ok in checks(runs, startup):
        print(f"  [{'met' if ok else 'NOT MET'}] {label}")


def checks(runs: list[Run], startup: float) -> list[tuple[str, bool]]:
    small, large, quantulum = runs
    rate = net_rate(large, startup)
    ratio = rate / quantulum.docs_per_s
    growth = large.peak_rss_mb / small.peak_rss_mb - 1
    return [
        (f">= {TARGET_DOCS_PER_S:,} docs/s on one core (net, {rate:,.0f})",
         rate >= TARGET_DOCS_PER_S),
        (f">= {TARGET_RATIO} x quantulum3 ({ratio:,.0f} x)", ratio >= TARGET_RATIO),
        (f"memory flat within {TARGET_MEMORY_GROWTH:.0%} ({growth:+.1%})",
         growth <= TARGET_MEMORY_GROWTH),
    ]  # fmt: skip


def targets_met(runs: list[Run], startup: float) -> bool:
    return all(ok for _, ok in checks(runs, startup))


if __name__ == "__main__":
    sys.exit(main())

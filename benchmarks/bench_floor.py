"""The floor under extraction speed: what the readers alone cost, with no rule at all.

Run by `make bench` (not by the tests), after bench_extract.py. The target of 3,000 reports
a second on one core leaves 333 µs a report. This script times, in one process pinned to one
core, on the same synthetic corpus as bench_extract.py, what any extractor built on this
package's readers must do for each report, stage by stage:

1. read the JSON Lines record and write one JSON record out;
2. split the text into sentences;
3. read every number of every sentence;
4. for sentences where a number is followed by an item or area noun (the only ones a
   keyword-first design would look at further), read their periods and districts.

Stage 4 is a keyword-and-number pass with none of the rules that tell a result from a plan,
an estimate, staff or money, none for casualties or maps. The full `research.extract` is
timed last, in the same process, for comparison. If stage 4 alone takes most of the budget,
the target is out of reach for any design that keeps these readers.

Usage: bench_floor.py [--docs N] [--repeats K]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import TARGET_DOCS_PER_S, pinned_cpu, write_corpus

from research import extract
from research.dates import find_periods
from research.extraction.vocabulary import _AREA_RE, _ITEM_RE
from research.gazetteer import find_districts
from research.numbers import find_numbers
from research.sentences import split_sentences


def _record(doc: str, text: str, start: int, end: int) -> str:
    """A record of the contract's shape, serialized as `research extract` does."""
    record = {
        "doc": doc, "kind": "clearance",
        "evidence": {"text": text[start:end], "start": start, "end": end}, "flags": [],
        "period_start": None, "period_end": None, "anti_personnel": None, "anti_tank": None,
        "uxo": None, "mines_total": None, "area_ha": None, "districts": [],
    }  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


def stage_io(line: str) -> None:
    d = json.loads(line)
    date.fromisoformat(d["published"])
    _record(d["id"], d["text"], 0, 0)


def stage_sentences(line: str) -> None:
    d = json.loads(line)
    date.fromisoformat(d["published"])
    split_sentences(d["text"])
    _record(d["id"], d["text"], 0, 0)


def stage_numbers(line: str) -> None:
    d = json.loads(line)
    text = d["text"]
    date.fromisoformat(d["published"])
    for start, end in split_sentences(text):
        find_numbers(text[start:end], offset=start)
    _record(d["id"], text, 0, 0)


def stage_keyword_pass(line: str) -> None:
    d = json.loads(line)
    text = d["text"]
    published = date.fromisoformat(d["published"])
    for start, end in split_sentences(text):
        numbers = find_numbers(text[start:end], offset=start)
        if any(_ITEM_RE.match(text, n.end) or _AREA_RE.match(text, n.end) for n in numbers):
            find_periods(text[start:end], published)
            find_districts(text[start:end])
            _record(d["id"], text, start, end)


def stage_full(line: str) -> None:
    d = json.loads(line)
    for record in extract(d["text"], d["published"], doc=d["id"]):
        json.dumps(record, ensure_ascii=False, default=str)


STAGES: list[tuple[str, Callable[[str], None]]] = [
    ("1 JSON in and out", stage_io),
    ("2 + sentences", stage_sentences),
    ("3 + every number", stage_numbers),
    ("4 + periods, districts of typed sentences", stage_keyword_pass),
    ("full research.extract", stage_full),
]


def time_stage(run: Callable[[str], None], lines: list[str], repeats: int) -> float:
    """Best time of `repeats` passes, in µs a report (the best: the machine is noisy)."""
    for line in lines[:200]:
        run(line)  # warm the caches of compiled patterns and the gazetteer
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for line in lines:
            run(line)
        best = min(best, time.perf_counter() - started)
    return best / len(lines) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5_000, help="reports to time")
    parser.add_argument("--repeats", type=int, default=3, help="passes; the best is kept")
    options = parser.parse_args()
    cpu = pinned_cpu()
    os.sched_setaffinity(0, {cpu})
    budget = 1e6 / TARGET_DOCS_PER_S
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, options.docs)
        lines = corpus.read_text(encoding="utf-8").splitlines()
    print(f"Pinned to CPU {cpu}; {len(lines):,} synthetic reports, best of {options.repeats}.")
    print(f"The target ({TARGET_DOCS_PER_S:,} docs/s) leaves {budget:.0f} µs a report.\n")
    header = f"{'stage':<44} {'µs/report':>10} {'docs/s':>8} {'of budget':>10}"
    print(header)
    print("-" * len(header))
    for label, run in STAGES:
        micros = time_stage(run, lines, options.repeats)
        print(f"{label:<44} {micros:>10.0f} {1e6 / micros:>8,.0f} {micros / budget:>10.0%}")
    print(
        "\nIn one process, so without start-up; `research extract` adds reading files and "
        "the stderr summary."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

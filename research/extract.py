"""Figures from report text: clearance results, mine casualties and minefield-map handovers.

`extract(text, published)` reads one report and returns records (see `research.records`).
It works sentence by sentence: numbers, periods and districts are found once over the whole
text, then each number is typed by the words that follow it ("26 anti-personnel", "2,046.3
hectares") and kept only where the nearest verb says it is a result ("found", "cleared"), not
a plan, an estimate or a survey. Figures that share a period form one statement.

Hand-written rather than a general quantity extractor (quantulum3, spaCy): those do not know
that "53 anti-tank, 26 anti-personnel mines" shares a noun, that a week's area is a result
only when "cleared", or that an item type named twice is a garbled report; and they are two
to three orders of magnitude too slow for bulk corpora.
"""

from __future__ import annotations

from datetime import date

from research.extraction.casualties import _extract_casualties
from research.extraction.clearance import _extract_clearance
from research.extraction.context import _Context, _rounds_to
from research.extraction.maps import _extract_maps
from research.extraction.table_records import _FIGURE_KEYS, _extract_tables, _with_table_records
from research.records import Record

__all__ = ["extract"]


def extract(text: str, published: date | str | None = None, doc: str | None = None) -> list[Record]:
    """Return the clearance, casualty and map records stated in one report's text.

    `published` (a date or ISO string) anchors dates written without a year and relative
    periods ("over the past week"). Without it, the latest fully written date in the text
    stands in for it, and records that needed it carry the flag `year_inferred_from_text`.
    """
    if isinstance(published, str):
        published = date.fromisoformat(published)
    ctx = _Context(text, published)
    records: list[Record] = []
    records += _extract_clearance(ctx, doc)
    records += _extract_casualties(ctx, doc)
    records += _extract_maps(ctx, doc)
    if ctx.tables:
        records = _with_table_records(records, _extract_tables(ctx, doc), text)
    return _drop_restatements(_drop_undated_restatements(records, text))


def _drop_undated_restatements(records: list[Record], text: str) -> list[Record]:
    """Drop a headline's record whose figures a record of the body states too, for its
    period (or one the headline leaves out) and in the same places: "1,015 hectares cleared
    in a week" over "During 9-15 December, 1,015.6 hectares ..."; "41 mine victims in 2024"
    over the year's tally with its breakdown. Only the first line is a headline: further
    down, such a figure may well be another incident's."""
    headline_end = text.find("\n")
    if headline_end < 0 or len(records) < 2:
        return records
    body = [r for r in records if r["evidence"]["end"] > headline_end]
    kept = []
    for record in records:
        figures = {k: record[k] for k in _FIGURE_KEYS if record.get(k) is not None}
        said = record["qualifiers"]
        restated = (
            record["evidence"]["end"] <= headline_end
            and figures
            and next(
                (
                    other
                    for other in body
                    if other["kind"] == record["kind"]
                    and _same_places(record, other)
                    and (
                        (
                            "period_missing" in record["flags"]
                            and "period_missing" not in other["flags"]
                        )
                        or _same_days(record, other)
                    )
                    and all(
                        other.get(k) is not None and _same_figure(other[k], v, said.get(k))
                        for k, v in figures.items()
                    )
                ),
                None,
            )
        )
        if restated:
            # the headline's agency is the body's: "ANAMA: over 591 hectares cleared"
            for name in record.get("operators") or ():
                if name not in restated["operators"]:
                    restated["operators"].append(name)
            continue
        kept.append(record)
    return kept


def _same_days(a: Record, b: Record) -> bool:
    """Both records state the same period (or the same day, for maps)."""
    keys = ("period_start", "period_end", "date")
    return all(a.get(k) == b.get(k) for k in keys) and any(a.get(k) for k in keys)


def _same_places(headline: Record, other: Record) -> bool:
    """The headline names no district the other record does not."""
    return set(headline.get("districts") or ()) <= set(other.get("districts") or ())


def _same_figure(exact: float, stated: float, qualifier: str | None) -> bool:
    """A figure a headline restates: the same, rounded, cut to a whole ("1,015 hectares"
    for 1,015.6), or a bound the body's figure meets ("Over 1,466 hectares" for 2,492.6)."""
    return (
        exact == stated
        or _rounds_to(exact, stated, qualifier)
        or (qualifier == "more_than" and exact > stated)
        or (stated == int(stated) and (0 <= exact - stated < 1 or stated == round(exact)))
    )


def _drop_restatements(records: list[Record]) -> list[Record]:
    """Keep the first of records stating the same figures for the same period twice."""
    if len(records) < 2:
        return records  # nothing to compare: spare the repr
    seen: set[str] = set()
    kept = []
    for record in records:
        key = repr({k: v for k, v in record.items() if k not in ("evidence", "flags")})
        if key not in seen:
            seen.add(key)
            kept.append(record)
    return kept

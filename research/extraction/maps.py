"""Minefield maps: handovers (how many maps, how many mines they cover) and claims about
their accuracy."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from research.dates import Period
from research.extraction.context import (
    _attach_places,
    _choose_period,
    _Context,
    _evidence,
    _number_lists,
    _Statement,
)
from research.extraction.vocabulary import (
    _A_MAP_RE,
    _ACCURACY_RE,
    _CLAUSE_CUT_RE,
    _HANDOVER_VERBS,
    _ITEM_RE,
    _MAP_ACTION_RE,
    _MAP_RE,
    _MAPS_COUNT_RE,
    _MAPS_OF_RE,
    _MINEFIELDS_RE,
    _OUTSIDE_RE,
    _PERCENT_RE,
    _RANGE_BEFORE_RE,
    _RESPECTIVELY,
    _qualifier,
)
from research.records import Record, new_record

# A handover to come, owed, demanded or not made: "will hand over", "must hand over", "has
# not handed over", "demands that Armenia hand over", "will, in the coming weeks, hand over"
_FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|must|should|is\s+to|are\s+to|to)\s+(?:be\s+)?(?:\w+\s+)?$"
    r"|\bwill,[^,;.]{0,40},\s*$"
    r"|\bplans?\s+to\s+$"
    r"|\b(?:not|never|n't)\s+(?:yet\s+)?(?:been\s+)?$|n't\s+(?:yet\s+)?(?:been\s+)?$"
    r"|\b(?:demand\w*|urg\w*|call\w*\s+on|ask\w*|insist\w*)\b[^.;,]{0,40}$",
    re.I,
)


_CLAUSE_BREAK_RE = re.compile(r";|,?\s+(?:but|while|whereas|since|although)\b", re.I)


def _handed_over(
    sentence: str, at: int, actions: list[re.Match[str]], made: list[re.Match[str]]
) -> bool:
    """Whether the count at offset `at` is of maps handed over: the handover verb nearest to
    it in its clause was not of maps to come ("Armenia will hand over 5 more maps; the maps
    already provided were only 25% accurate"). With no such verb, it is kept as it was."""
    if not actions:
        return True
    breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(sentence)]
    clause = bisect_right(breaks, at)
    near = [a for a in actions if bisect_right(breaks, a.start()) == clause] or actions
    nearest = min(near, key=lambda a: abs(a.start() - at))
    return nearest in made


def _handover_to_come(sentence: str, action: re.Match[str]) -> bool:
    """The handover verb tells of maps to come, owed, demanded or not handed over."""
    return _FUTURE_RE.search(sentence, max(0, action.start() - 60), action.start()) is not None


def _extract_maps(ctx: _Context, doc: str | None):
    records: list[Record] = []
    if not ctx.names_maps:
        return records
    text = ctx.text
    for start, end in ctx.relevant:
        sentence = text[start:end]
        if not _MAP_RE.search(ctx.lower, start, end):
            continue
        stmt = _Statement("maps")
        values = stmt.values
        numbers = ctx.numbers_in(start, end)
        listed = (
            {n.start for run in _number_lists(text, numbers) for n in run}
            if ctx.names_respectively and _RESPECTIVELY in ctx.lower[start:end]
            else set()
        )
        counts: dict[str, list[tuple[int, int]]] = {}  # maps and mines covered, by offset
        for n in numbers:
            if n.value is None:
                continue
            if n.start in listed:
                # "maps covering 97,000 and 92,000 mines, respectively": not one handover's
                stmt.flag("respectively_not_extracted")
                continue
            tail = text[n.end : end]
            if _MAPS_COUNT_RE.match(tail) or (
                _MAPS_OF_RE.search(ctx.lower, max(start, n.start - 16), n.start)
                and _MINEFIELDS_RE.match(tail)
            ):  # "3 minefield maps"; "maps of 3 minefields"
                counts.setdefault("maps", []).append((n.start - start, int(n.value)))
            elif _PERCENT_RE.match(tail):
                clause = _CLAUSE_CUT_RE.split(tail[:80], maxsplit=1)[0]
                key = (
                    "blasts_outside_maps_pct"
                    if _OUTSIDE_RE.search(clause)
                    else "accuracy_pct"
                    if _ACCURACY_RE.search(sentence)
                    else None
                )
                if key is None or key in values:
                    continue
                if _RANGE_BEFORE_RE.search(text, max(start, n.start - 30), n.start):
                    values[key] = None  # "20-25% accurate": a range is no single figure
                    stmt.flag(f"{key}_range")
                    continue
                values[key] = n.value
                if q := _qualifier(text, n.start):
                    stmt.qualifiers[key] = q
            elif (item := _ITEM_RE.match(text, n.end)) and item.lastgroup in (
                "ap",
                "at",
                "mines",
                "items",
            ):
                counts.setdefault("mines_covered", []).append((n.start - start, int(n.value)))
        actions = list(_MAP_ACTION_RE.finditer(sentence))
        made = [a for a in actions if not _handover_to_come(sentence, a)]
        for key, found in counts.items():
            for at, value in found:
                if _handed_over(sentence, at, actions, made):
                    values[key] = value
                    if q := _qualifier(text, start + at):
                        stmt.qualifiers[key] = q
                    break
        if "maps" not in values and _A_MAP_RE.search(sentence) and made:
            values["maps"] = 1
        # "8 more maps will be presented after final clarifications": none handed over
        handover = ("maps" in values or "mines_covered" in values) and bool(made)
        if not (handover or "accuracy_pct" in values or "blasts_outside_maps_pct" in values):
            continue
        stmt.spans.append((start, end))
        _attach_places(ctx, stmt, start, end)
        # a claim about maps is dated by when it was made: "said on August 14"; a claim on
        # their accuracy alone by that, not by the year the maps were handed over
        said = ctx.said_in(start, end)
        periods = ctx.periods_in(start, end)
        if not handover:
            # "55% of blasts since 2020 occurred outside the maps": a claim as of the running
            # total's end, not of its start; "the maps provided in 2021 were 25% accurate":
            # the year of the handover is not the claim's
            periods = [
                _as_of(p) if p.precision == "cumulative" else p
                for p in periods
                if not _told_of_handover(ctx, start, p)
            ]
            said = [p for p in said if not _told_of_handover(ctx, start, p)]
            if not said and not periods and ctx.published is not None:
                # a claim with no day of its own is the report's
                day = ctx.published
                said = [Period(day, day, "day", None, "", start, start, ("period_inferred",))]
        period = _choose_period(said if said and not handover else periods or said)
        records.append(_maps_record(ctx, stmt, period, doc))
    return records


# A day or year told of the handover, in a claim about the maps: "provided by Armenia in
# 2021", "handed over after the Trilateral Statement of 10 November 2020"
_HANDED_BEFORE_RE = re.compile(
    rf"\b(?:{_HANDOVER_VERBS})\b[^.;:%]*$"
    r"|\b(?:trilateral|tripartite)\s+(?:statement|announcement|declaration)\s+(?:of|on)\s+$",
    re.I,
)


def _told_of_handover(ctx: _Context, start: int, period: Period) -> bool:
    """The period tells when the maps were handed over, not when a claim about them was
    made."""
    return bool(
        _HANDED_BEFORE_RE.search(
            ctx.lower, max(start, period.start_offset - 50), period.start_offset
        )
    )


def _as_of(period: Period) -> Period:
    """The last day of a running total, as the day a claim about it holds."""
    return replace(period, start=period.end, precision="day", cumulative_since=None)


def _maps_record(ctx: _Context, stmt: _Statement, period: Period | None, doc: str | None) -> Record:
    record = new_record("maps", doc)
    values = stmt.values
    if period is not None and period.start is not None:
        record["date"] = period.start.isoformat()
        record["date_precision"] = period.precision
        for code in period.flags:
            stmt.flag(code)
    else:
        stmt.flag("date_missing")
    record["maps"] = values.get("maps")
    record["mines_covered"] = values.get("mines_covered")
    record["accuracy_pct"] = values.get("accuracy_pct")
    if "blasts_outside_maps_pct" in values:
        record["blasts_outside_maps_pct"] = values["blasts_outside_maps_pct"]
    record["districts"] = [d[0] for d in stmt.districts] + stmt.places
    record["district_codes"] = [d[1] for d in stmt.districts if d[1]]
    record["districts_as_written"] = [d[2] for d in stmt.districts] + stmt.places
    record["qualifiers"] = dict(stmt.qualifiers)
    record["flags"] = sorted(stmt.flags)
    record["evidence"] = _evidence(ctx, stmt.spans)
    return record

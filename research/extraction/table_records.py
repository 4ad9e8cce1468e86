"""Records from the tables of a report (see `research.tables`): a statement per row or
column, with the period, places and totals of the table."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from research.dates import Period, find_periods, label_period
from research.extraction.casualties import _casualty_record
from research.extraction.clearance import _clearance_record, _figure
from research.extraction.context import _choose_period, _Context, _period_stated_before, _Statement
from research.extraction.maps import _maps_record
from research.extraction.vocabulary import (
    _CAS_CONTEXT_RE,
    _OPERATOR_RE,
    _OTHER_HARM_RE,
    _VICTIM_HELP_RE,
    _qualifier,
)
from research.records import CASUALTY_COUNTS, Record
from research.tables import Entry, Table, caption_of

_CAPTION_YEAR_RE = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-])")


def _extract_tables(ctx: _Context, doc: str | None) -> list[Record]:
    records: list[Record] = []
    for table, entries in ctx.tables:
        period = _table_period(ctx, table)
        reference = _label_reference(ctx.reference, period)
        caption = caption_of(ctx.text, table).lower()
        heads = " ".join(c.text for c in table.header + tuple(r[0] for r in table.rows)).lower()
        for kind in ("clearance", "casualties", "maps"):
            group = [e for e in entries if e.kind == kind]
            if not group:
                continue
            if kind == "casualties" and not _of_mine_victims(ctx.lower, caption, heads):
                continue  # deaths and injuries of anything but mines
            found = _table_records(ctx, group, period, reference, doc)
            # the operator a caption names is the table's: "ANAMA results, 3-9 February"
            named = [m.lastgroup for m in _OPERATOR_RE.finditer(caption)]
            for record in found:
                if kind == "clearance" and named and not record["operators"]:
                    record["operators"] = list(dict.fromkeys(named))
            records += found
    return records


def _of_mine_victims(lower: str, caption: str, heads: str) -> bool:
    """Whether a table of people killed and injured counts mine victims: its caption or
    headers say so, or the report's headline does and the caption names no other harm
    ("road accidents ... killed far more people than mines did")."""
    if _OTHER_HARM_RE.search(caption) or _VICTIM_HELP_RE.search(caption):
        return False  # "Prostheses provided to mine victims": help, not harm
    headline = lower[: lower.find("\n")] if "\n" in lower else lower
    return any(_CAS_CONTEXT_RE.search(t) for t in (caption, heads, headline))


def _label_reference(published: date | None, period: Period | None) -> date | None:
    """The day that labels without a year are read against: the end of the table's period
    ("July" under "third quarter of 2023"), unless publication follows it closely (a row
    "28.10-03.11" of October's weeks, published on 5 November, ends in November)."""
    if period is None or period.end is None:
        return published
    short = period.precision in ("week", "month", "day", "other")  # not a year's table
    if short and published is not None and 0 <= (published - period.end).days <= _CLOSE_DAYS:
        return published
    return period.end


_CLOSE_DAYS = 62


def _table_period(ctx: _Context, table: Table) -> Period | None:
    """The period of a table's figures that no row or column states: its caption's, else
    one stated just before, else a year in its caption ("by province, 2022") or headers."""
    caption = [span for span in ctx.sentences if span[1] <= table.start][-1:]
    period = _choose_period(ctx.periods_in(*caption[0])) if caption else None
    if period is not None:
        return period
    # "| AP mines since 2020 | ...": a running total the headers state
    stated = [p for c in table.header for p in find_periods(c.text, ctx.reference)]
    if stated and len({(p.start, p.end) for p in stated}) == 1 and stated[0].start:
        return stated[0]
    # "2023 results", "by province, 2022": a year the caption or headers give alone, before
    # a period stated further up ("... began work in the province in 1994")
    line = caption_of(ctx.text, table)
    years = set(_CAPTION_YEAR_RE.findall(line))
    # not a year in a column's own period ("| 21-27 October 2024 | Since 1 January 2024 |")
    years |= {
        y
        for c in table.header
        if not stated or not find_periods(c.text, ctx.reference)
        for y in _CAPTION_YEAR_RE.findall(c.text)
    }
    if len(years) == 1:
        return label_period(years.pop())
    return _period_stated_before(ctx, table.start)


def _table_records(
    ctx: _Context,
    entries: list[Entry],
    period: Period | None,
    reference: date | None,
    doc: str | None,
) -> list[Record]:
    """One record per row (or column) of one kind. Rows of places (or operators) with a
    "Total" row make one record from it, with their places; rows of periods make one each,
    and a "Total" over them none. A "Total" is checked against the rows it totals."""
    rows = [(e, *_table_statement(ctx, e, period, reference)) for e in entries]
    if entries[0].kind == "casualties":
        rows = _fold_groups(rows, period)
    by_period = any(own for e, _, own in rows if not e.total)
    chosen: list[_Statement] = []
    if by_period:
        overall = [s for e, s, own in rows if e.total and not own]
        parts = [s for e, s, _ in rows if not e.total]
        for total in overall:
            if _table_sum_disagrees(total, parts):
                for s in parts:
                    s.flag("table_total_mismatch")
    groups: dict[tuple, list[tuple[Entry, _Statement]]] = {}
    for e, s, own in rows:
        if by_period and e.total and not own:
            continue
        key = (s.period.start, s.period.end) if s.period is not None else None
        groups.setdefault(key, []).append((e, s))
    for group in groups.values():
        totals = [s for e, s in group if e.total]
        parts = [s for e, s in group if not e.total]
        if not totals:
            for part in parts:  # rows of districts without their total: each its district's
                part.per_district = len(part.districts) + len(part.places) == 1
            chosen += parts
            continue
        for total in totals:
            if _table_sum_disagrees(total, parts):
                total.flag("table_total_mismatch")
            for part in parts:  # the places of the whole: "in Aghdam, Fuzuli and Jabrayil"
                for place in part.districts:
                    if all(place[0] != d[0] for d in total.districts):
                        total.districts.append(place)
                total.places += [p for p in part.places if p not in total.places]
                total.operators += [o for o in part.operators if o not in total.operators]
            chosen.append(total)
    build = {"clearance": _clearance_record, "casualties": _casualty_record}
    return [
        build[s.kind](ctx, s, doc) if s.kind in build else _maps_record(ctx, s, s.period, doc)
        for s in sorted(chosen, key=lambda s: s.spans[0])
    ]


_GROUP_LABEL_RE = re.compile(
    r"(?P<civilian>civilians?|civil\s+population)|(?P<military>servicem[ae]n|soldiers"
    r"|military(?:\s+personnel)?|service\s*members|army)",
    re.I,
)


def _fold_groups(
    rows: list[tuple[Entry, _Statement, bool]], period: Period | None
) -> list[tuple[Entry, _Statement, bool]]:
    """Rows of civilians and servicemen ("| Civilians | 5 | 14 |") are parts of one
    statement, the "Total" row's if there is one, not statements of their own."""
    groups = [
        (e, s, m.lastgroup)
        for e, s, own in rows
        if not own
        and not e.total
        and len(e.labels) == 1
        and (m := _GROUP_LABEL_RE.fullmatch(e.labels[0][1].text)) is not None
    ]
    if not groups:
        return rows
    totals = [s for e, s, own in rows if e.total and not own]
    target = totals[0] if totals else _Statement("casualties", period=period)
    if totals and _table_sum_disagrees(target, [s for _, s, _ in groups]):
        target.flag("table_total_mismatch")
    for _e, s, group in groups:
        for role in ("killed", "injured"):
            if role in s.values:
                target.values[f"{group}_{role}"] = s.values[role]
        target.spans += s.spans
    folded = {id(s) for _, s, _ in groups}
    kept = [(e, s, own) for e, s, own in rows if id(s) not in folded]
    if not totals:
        for role in ("killed", "injured"):
            parts = [s.values.get(role) for _, s, _ in groups]
            if all(v is not None for v in parts):
                target.values[role] = sum(parts)  # as "four soldiers and two civilians"
                target.qualifiers[role] = "sum_of_parts"
        whole = Entry("casualties", {}, target.spans[0])
        kept.append((whole, target, False))
    return kept


def _table_statement(
    ctx: _Context, entry: Entry, period: Period | None, reference: date | None
) -> tuple[_Statement, bool]:
    """A statement of one table entry, and whether the entry stated its own period."""
    stmt = _Statement(entry.kind, period=period)
    stmt.spans.append(entry.span)
    own = False
    for role, cell in entry.labels:
        found = None
        if role == "week" and cell.text.isdigit():
            found = label_period(f"week {cell.text}", reference)  # "| Week | ..." over "41"
            found = replace(found, start_offset=0, end_offset=len(cell.text)) if found else None
        elif role in ("period", "other", "week"):
            found = label_period(cell.text, reference)
        if role == "week":
            role = "period"
        if found is not None and found.precision == "cumulative" and period and period.end:
            found = replace(found, end=period.end)  # "| Since January |" up to the caption's end
        if found is not None and "period_inferred" in found.flags and period is not None:
            # "| This week |" under "Results for 14-20 October 2024": that week; "| Previous
            # week |": the week before it
            stmt.period = _week_before(period) if _BEFORE_RE.search(cell.text) else period
            own = True
            continue
        if found is not None and not own:
            stmt.period = replace(
                found,
                start_offset=found.start_offset + cell.start,
                end_offset=found.end_offset + cell.start,
            )
            own = True
        elif role == "period" and found is None and not own:
            stmt.period = None  # a period the date reader cannot read: flagged, not guessed
        elif found is None:
            _put_place(ctx, stmt, cell.start, cell.end, operator=role == "operator")
    for code in entry.flags:
        stmt.flag(code)
    _put_values(ctx, stmt, entry)
    return stmt, own


_BEFORE_RE = re.compile(r"\b(?:previous|last|past|preceding|prior)\b", re.I)


def _week_before(period: Period) -> Period | None:
    """The week before a week's period (None for a period of another length)."""
    if period.precision != "week" or period.start is None or period.end is None:
        return None
    return replace(period, start=period.start - timedelta(7), end=period.end - timedelta(7))


def _put_place(
    ctx: _Context, stmt: _Statement, start: int, end: int, *, operator: bool = False
) -> None:
    """A row's label that is no period: an operator (canonical when known, else as written
    under an "Operator" header: "MAG", "NPA"), a district (canonical when the gazetteer knows
    it), else a place as written; not a remainder ("Other districts")."""
    operators = [m.lastgroup for m in _OPERATOR_RE.finditer(ctx.lower, start, end)]
    if _REMAINDER_RE.match(ctx.text, start, end):
        return  # "Other districts", "Other operators": in the sums, no place of their own
    if operators or operator:
        named = operators or [ctx.text[start:end]]
        stmt.operators += [o for o in named if o and o not in stmt.operators]
        return
    found = ctx.districts_in(start, end)
    for district, a, b in found:
        if all(district.name != d[0] for d in stmt.districts):
            stmt.districts.append((district.name, district.code, ctx.text[a:b]))
    if not found:
        stmt.places.append(ctx.text[start:end])


_REMAINDER_RE = re.compile(r"\W*(?:other|others|rest\s+of|remaining)\b", re.I)


def _put_values(ctx: _Context, stmt: _Statement, entry: Entry) -> None:
    flags: list[str] = []
    for key, n in entry.values.items():
        if n is None:
            stmt.values["area_ha" if key == "area" else key] = None
            continue
        if n.ambiguous:
            stmt.flag("ambiguous_number")
        if key == "area":
            _key, value, _q, _n = _figure("area", entry.area_unit, n, None, flags)
            stmt.values["area_ha"] = value[0]
            stmt.values["area"] = value
            continue
        if key == "accuracy_pct":
            stmt.values[key] = n.value
            continue
        value = _figure(key, None, n, None, flags)[1]
        stmt.values[key] = value
        mark = ctx.text[: n.start].rstrip()[-1:]
        if q := _SIGN_QUALIFIERS.get(mark) or _qualifier(ctx.text, n.start):
            stmt.qualifiers[key] = q  # "| >100 |", "| about 50 |"
    for code in flags:
        stmt.flag(code)


_SIGN_QUALIFIERS = {">": "more_than", "≥": "at_least", "<": "at_most", "≤": "at_most"}


def _table_sum_disagrees(total: _Statement, parts: list[_Statement]) -> bool:
    """True when a "Total" row is not the sum of the rows it totals, field by field."""
    if not parts:
        return False
    for key, value in total.values.items():
        if key in ("area", "accuracy_pct") or value is None:
            continue
        cells = [p.values.get(key) for p in parts]
        if any(c is None for c in cells):
            continue
        if abs(sum(cells) - value) > (0.05 if key == "area_ha" else 0):
            return True
    return False


_FIGURE_KEYS = (
    "anti_personnel", "anti_tank", "uxo", "mines_total", "items_total", "area_ha",
    *CASUALTY_COUNTS, "maps", "mines_covered",
)  # fmt: skip


def _with_table_records(records: list[Record], tables: list[Record], text: str) -> list[Record]:
    """Table records among the others: kinds in their usual order, each in text order.

    A table record of clearance for the period of a sentence's record (or of an earlier
    table's) whose figures agree with it is the same statement, told twice: "a total of 612
    explosive items were found" over a table of 62 AP, 15 AT and 535 UXO; a table by
    district and one by operator of the same week. The two become one record, its evidence
    running from the one to the other. Records of other places, or with a figure that
    differs, stay apart.
    """
    kept: list[Record] = []
    for t in tables:
        same = next(
            (r for r in [*records, *kept] if _tells_again(r, t, sentence=r not in kept)), None
        )
        if same is None:
            kept.append(t)
        else:
            _merge_told_again(same, t, text)
    order = {"clearance": 0, "casualties": 1, "maps": 2}
    return sorted(records + kept, key=lambda r: (order[r["kind"]], r["evidence"]["start"]))


def _figures(record: Record) -> dict[str, float]:
    return {k: record[k] for k in _FIGURE_KEYS if record.get(k) is not None}


def _tells_again(r: Record, t: Record, *, sentence: bool = True) -> bool:
    """Whether table record `t` states (part of) what record `r` states: same kind, period
    and places, and every figure both give the same, with one at least shared or a total
    of `r` that `t`'s parts make up, and no total of the two that its parts contradict.

    A sentence without a period may take a table's, if it says nothing of one ("In total,
    286 explosive objects were neutralised"); places and operators a sentence names must be
    the table's (`sentence`: `r` is a sentence's record, not another table's); an undated
    casualty sentence merges only when all its figures are the same."""
    if r is t or r["kind"] != t["kind"]:
        return False
    undated = (
        "period_missing" in r["flags"]
        and "period_missing" not in t["flags"]
        and not _PERIODISH_RE.search(r["evidence"]["text"])
        and not r.get("operators")  # "Separately, the MES destroyed 612 items ..."
    )
    if not undated and (r.get("period_start"), r.get("period_end"), r.get("date")) != (
        t.get("period_start"),
        t.get("period_end"),
        t.get("date"),
    ):
        return False
    for key in ("districts", "operators"):
        if r.get(key) and t.get(key) and set(r[key]) != set(t[key]):
            return False
    if sentence and r["kind"] == "clearance" and r.get("districts") and not t.get("districts"):
        return False  # "In Aghdam, ... 62 AP" is no part of a table of the whole country
    a, b = _figures(r), _figures(t)
    if not a or not b or any(a[k] != b[k] for k in a.keys() & b.keys()):
        return False
    if a == b:
        return True
    if r["kind"] != "clearance":
        # "6 maps" and the table's maps and mines of that day; "7 victims" in November and
        # the table's killed and injured of November, not an undated incident's "2 killed"
        return a.keys() <= b.keys() and (r["kind"] == "maps" or not undated)
    merged = {**b, **a}
    totals = {k for k in ("items_total", "mines_total") if k in merged}
    if totals and not _parts_make_totals(merged, totals, partial=True):
        return False  # "700 items, including 62 AP" over parts that make 612
    return bool(a.keys() & b.keys()) or _parts_make_totals(merged, a.keys() - b.keys())


# Words of a period the date reader may not have read: such a sentence is not undated.
_PERIODISH_RE = re.compile(
    r"\b(?:since|same|last|previous|ago|week|month|year|day|quarter)\b|\b(?:19|20)\d\d\b", re.I
)


def _parts_make_totals(figures: dict[str, float], totals: set[str], partial: bool = False) -> bool:
    """Whether the totals named (only totals) equal the sum of the parts in `figures`;
    `partial`: a total whose parts are not all given is not contradicted."""
    if not totals or not totals <= {"items_total", "mines_total"}:
        return False
    mines = figures.get("anti_personnel", 0) + figures.get("anti_tank", 0)
    made = {"mines_total": mines, "items_total": figures.get("mines_total", mines)}
    made["items_total"] += figures.get("uxo", 0)
    given = {
        "mines_total": {"anti_personnel", "anti_tank"} <= figures.keys(),
        "items_total": "uxo" in figures
        and ("mines_total" in figures or {"anti_personnel", "anti_tank"} <= figures.keys()),
    }
    return all(figures[k] == made[k] or (partial and not given[k]) for k in totals)


def _merge_told_again(same: Record, t: Record, text: str) -> None:
    """Put table record `t` into the record `same` that states it too."""
    for key in _FIGURE_KEYS:
        if same.get(key) is None and t.get(key) is not None:
            same[key] = t[key]
    if t.get("area_ha") is not None and same.get("area_as_stated") is None:
        same["area_as_stated"], same["area_unit"] = t.get("area_as_stated"), t.get("area_unit")
    if not same.get("districts") and t.get("districts"):
        for key in ("districts", "district_codes", "districts_as_written"):
            same[key] = t[key]
    if not same.get("operators") and t.get("operators"):
        same["operators"] = t["operators"]
    if "period_missing" in same["flags"] and "period_missing" not in t["flags"]:
        # "In total, 286 explosive objects were neutralised" dated by the table's "past day"
        for key in ("period_start", "period_end", "period_precision", "cumulative_since"):
            same[key] = t.get(key)
        same["flags"] = [f for f in same["flags"] if f != "period_missing"]
    same["flags"] = sorted({*same["flags"], *t["flags"]})
    start = min(same["evidence"]["start"], t["evidence"]["start"])
    end = max(same["evidence"]["end"], t["evidence"]["end"])
    same["evidence"] = {"text": text[start:end], "start": start, "end": end}

"""Clearance figures: items found and area cleared, typed by their nouns, kept where their
verb says they are results, grouped by period into statements and records."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from itertools import pairwise
from typing import Any

from research.dates import Period, _month_end, find_periods
from research.extraction.context import (
    _BARE_END_RE,
    _LIST_END_RE,
    _PERIOD_GAP_RE,
    _adjacent_period,
    _apply_period,
    _attach_places,
    _choose_period,
    _Context,
    _disjoint,
    _evidence,
    _holds_any,
    _in_brackets,
    _is_result,
    _item_list,
    _leads_on,
    _merge_value,
    _number_lists,
    _period_list,
    _period_stated_before,
    _rounds_to,
    _same_period,
    _same_week,
    _Statement,
)
from research.extraction.vocabulary import (
    _AREA_RE,
    _ITEM_KEYS,
    _ITEM_RE,
    _LABEL_ENDS,
    _LABEL_MARK,
    _LABEL_NAMES,
    _LABEL_RE,
    _LINE_AREA_RE,
    _LINE_LABEL_RE,
    _MAP_ACTION_RE,
    _MAP_RE,
    _MAPS_COUNT_RE,
    _MODIFIER_RE,
    _OPERATOR_RE,
    _OPERATOR_WORDS,
    _PART_WORDS_RE,
    _PERCENT_RE,
    _POLICE_RE,
    _RANGE_BEFORE_RE,
    _RESPECTIVELY,
    _TO_HA,
    _VICTIM_HELP_RE,
    _WRAPPED_LINE,
    _YEAR_RE,
    _ends_line,
    _qualifier,
)
from research.numbers import Number, parse_number
from research.records import Record, new_record

_WEEK_AREA_LIMIT_HA = 10_000.0  # domain.md section 6: a week above this is a likely typo


# "the correct figure is 1,189 hectares", "should read 64": a correction notice's figure
_CORRECTION_RE = re.compile(
    r"\b(?:correct(?:ed)?\s+(?:figure|number|area|count|total)\s+(?:is|was|should\s+be)"
    r"|should\s+(?:read|have\s+read|be)|corrected\s+to)\s+(?:some\s+|about\s+)?$"
)


def _is_correction(ctx: _Context, start: int, pos: int) -> bool:
    """True when a correction notice's words run up to `pos`: "the correct figure is"."""
    begin = max(start, pos - 40)
    return _holds_any(ctx.lower, ("correct", "should"), begin, pos) and bool(
        _CORRECTION_RE.search(ctx.lower, begin, pos)
    )


_RATE_AFTER_RE = re.compile(
    # "171 hectares per day", "1,200 hectares are cleared each month"
    r"\s*(?:of\s+(?:\w+\s+)?(?:land|territor\w*|areas?)\s+)?(?:(?:are|is)\s+(?:being\s+)?(?:\w+\s+){1,2}?)?"
    r"(?:(?:per|a|an|each|every)\s+(?:day|week|month|year)\b|daily\b|weekly\b)"
)


# "... with a total number of 105,488 units were neutralized", "a total of 1,000 pieces,":
# the units end the clause or take its verb; not "a total of 15 units took part"
_UNITS_RE = re.compile(
    r"\s+(?:units|pieces)\b(?=\s*(?:[,.;)]|(?:in\s+total|overall|altogether"
    r"|in\s+(?:the\s+)?(?:liberated|territor))\b"
    r"|(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:identified|found|detected"
    r"|neutrali[sz]ed|destroyed|defused|removed|discovered|cleared|disposed)\b))"
)
_COUNT_KEYS = ("anti_personnel", "anti_tank", "uxo")
_TOTAL_OF_RE = re.compile(r"\b(?:total\s+(?:number\s+)?of|totall?ing)\s+$", re.I)
_RATE_BEFORE_RE = re.compile(r"\b(?:average(?:\s+of)?|on\s+average)\s+(?:of\s+)?(?:about\s+)?$")


def _clearance_figures(
    ctx: _Context, start: int, end: int, stmt_flags: list[str], continues: bool = False
) -> list[tuple[str, Any, str | None, Number]]:
    """Typed result figures in one sentence: (field, value, qualifier, number). `continues`
    says the sentence before had figures, which a verbless list item may go on with."""
    text = ctx.text
    if ctx.names_stockpiles and "stockpil" in ctx.lower[start:end]:
        return []  # stockpiles destroyed are no land cleared (a treaty's other duty)
    if ctx.names_police and _POLICE_RE.search(ctx.lower, start, end):
        return []  # weapons and ammunition the police or customs find are no clearance
    figures: list[tuple[str, Any, str | None, Number]] = []
    # A sentence with no verb at all ("ANAMA, 7-13 October: 141 AP mines, 64 AT mines, 625
    # UXO"): its figures are results only if they make a list, or add to the one before.
    verbless: list[tuple[str, Any, str | None, Number]] = []
    verbless_flags: list[str] = []
    # Dates are read only for sentences with a typed figure: most sentences have none.
    masked: list[tuple[int, int]] | None = None
    # _is_correction looks only within the sentence: without its words, no number needs it.
    may_correct = ctx.names_corrections and _holds_any(ctx.lower, ("correct", "should"), start, end)
    may_average = ctx.names_averages and ctx.lower.find("average", start, end) >= 0  # likewise
    by_model: set[int] = set()  # figures typed by a mine's model ("31 POMZ", "25 TM-57")
    for n in ctx.all_numbers_in(start, end):
        if n.start > 1 and text[n.start - 1] in "-‐" and text[n.start - 2].isalpha():
            continue  # a model, not a count: "PMN-2", "TM-62"
        item = _ITEM_RE.match(text, n.end)
        if item is None and (model := _MODEL_RE.match(text, n.end)):
            # "370 PMN-E anti-personnel mines"; "23 PMN-2 and 25 TM-57 mines"
            item = _ITEM_RE.match(text, model.end())
            if item is None or item.lastgroup == "mines":
                item = _MODEL_TYPE_RE.match(text, n.end) or item
            by_model.add(n.start)
        elif item is None and text[n.end + 1 : n.end + 2].isupper():
            # a model before a comma: "8 PMN, 5 POMZ and 2 TM mines"
            item = _MODEL_TYPE_RE.match(text, n.end)
            if item is not None:
                by_model.add(n.start)
        if item is not None and _MODIFIER_RE.match(text, item.end()):
            item = None  # "40 anti-tank mine rollers", "500 UXO warning signs"
        labelled = False
        area = None
        if item is not None and "\n" in text[n.end : item.end()]:
            # "Anti-personnel mines: 141\nAnti-tank mines: 64": the label, not the next line;
            # only a line of prose wrapped at a fixed width runs on ("141 anti-personnel
            # mines, 64\nanti-tank mines").
            label = _LABEL_RE.search(text, max(start, n.start - 50), n.start)
            line = text.rfind("\n", 0, n.start) + 1
            if label is not None:
                item, labelled = label, True
            elif (
                n.end - line < _WRAPPED_LINE
                and not text[item.start() : item.end()].lstrip()[:1].islower()
            ):
                item = None
        if item is None:
            area = _AREA_RE.match(text, n.end)
        if item is None and area is None and _ends_line(text, n.end):
            # a table row or list line with the label first: "Anti-tank mines 64",
            # "UXO → 625", "Area cleared, ha<TAB>1,198.7"
            line = text.rfind("\n", 0, n.start) + 1
            if _YEAR_RE.fullmatch(n.text):
                continue  # "Anti-personnel mines 2024": a heading's year
            item = _LINE_LABEL_RE.match(text, max(line, start), n.start)
            area = None if item else _LINE_AREA_RE.match(text, max(line, start), n.start)
            labelled = item is not None or area is not None
        if (
            item is None
            and area is None
            and figures
            and may_correct
            and _is_correction(ctx, start, n.start)
        ):
            # "...said 164 anti-tank mines were found; the correct number is 64."
            key = figures[-1][0]
            if key != "area" and n.value is not None and n.value == int(n.value):
                figures.append((key, int(n.value), "corrected", n))
            continue
        if (
            item is None
            and area is None
            and figures
            and (units := _UNITS_RE.match(text, n.end)) is not None
            and _TOTAL_OF_RE.search(text, max(start, n.start - 24), n.start)
            and n.value is not None
            # the total of the counts before it, not "a total of 40 units" of the army
            and n.value >= sum(f[1] or 0 for f in figures if f[0] in _COUNT_KEYS) > 0
        ):
            # "... and 56,646 UXO with a total number of 105,488 units were neutralized"
            item = units
        if item is None and area is None and figures:
            elliptic = _elliptic_figure(ctx, start, end, n, figures[-1])
            if elliptic is not None:
                figures.append(elliptic)
                continue
        if item is None and area is None:
            # A label before the number: "anti-tank mines found: 64", "UXO - 625".
            if not text[max(start, n.start - 4) : n.start].rstrip().endswith(_LABEL_ENDS):
                continue
            item = _LABEL_RE.search(text, max(start, n.start - 50), n.start)
            if item is None:
                continue
            labelled = True
        correction = may_correct and _is_correction(ctx, start, n.start)
        sink, sink_flags = figures, stmt_flags
        if (
            not correction
            and not _is_result(ctx, start, end, n.start, (item or area).end())
            and not (labelled and not ctx.verbs_in(start, end))
        ):
            if ctx.verbs_in(start, end):
                continue  # a bare label line ("UXO: 625") has no verb to say otherwise
            sink, sink_flags = verbless, verbless_flags
        unit_end = (item or area).end()
        if _RATE_AFTER_RE.match(ctx.lower, unit_end) or (
            may_average
            and _holds_any(ctx.lower, ("average",), max(start, n.start - 24), n.start)
            and _RATE_BEFORE_RE.search(ctx.lower, max(start, n.start - 24), n.start)
        ):
            continue  # a rate ("about 171 hectares per day"), not a figure for the period
        if masked is None:
            masked = [(p.start_offset, p.end_offset) for p in ctx.periods_in(start, end)]
        if any(s <= n.start < e for s, e in masked):
            continue
        qualifier = "corrected" if correction else _qualifier(text, n.start)
        before = text[max(start, n.start - 30) : n.start]
        if (before.rstrip()[-1:] in ("-", "–") or " and " in before or " to " in before) and (
            _RANGE_BEFORE_RE.search(text, max(start, n.start - 30), n.start)
        ):
            # "20-25 anti-tank mines", "between 20 and 25": a range is no single figure.
            field_name = "area_ha" if area is not None else _ITEM_KEYS[item.lastgroup or "items"]
            sink_flags.append(f"{field_name}_range")
            n = replace(n, value=None)
        if area is not None:
            sink.append(_figure("area", area.lastgroup, n, qualifier, sink_flags))
        else:
            assert item is not None
            key = _ITEM_KEYS[item.lastgroup or "items"]
            sink.append(_figure(key, None, n, qualifier, sink_flags))
    if verbless and (
        len({f[0] for f in verbless}) > 1
        or _CONTINUATION_RE.match(ctx.lower, start, end)
        or (continues and _is_period_item(ctx, start, end, verbless[0][3]))
        or _opens_period_list(ctx, start, end, verbless[0][3])
    ):
        figures = sorted(figures + verbless, key=lambda f: f[3].start)
        stmt_flags += verbless_flags
    if ctx.names_none and _MAY_STATE_ZERO_RE.search(ctx.lower, start, end):
        figures += _zero_figures(ctx, start, end)
        figures.sort(key=lambda f: f[3].start)
    total_at = next((i for i, f in enumerate(figures) if f[0] == "items_total"), None)
    if total_at is not None and len(figures) > total_at + 1:
        # the figures from the total on ("cleared 3.1 km² and removed 2,400 explosive items,
        # including 600 mortar rounds")
        figures = figures[:total_at] + _without_kinds_in_a_total(
            text, figures[total_at:], stmt_flags
        )
    if len(figures) > 1 and sum(f[0] == "uxo" for f in figures) > 1:
        figures = _without_kinds_of_uxo(text, figures)
    if by_model and len(figures) > 1:
        figures = _models_added_up(text, figures, by_model, stmt_flags)
    return figures


def _restated_bound(
    text: str, key: str, figures: list[tuple[str, Any, str | None, Number]]
) -> bool:
    """The same bound said again after a lost sentence break ("Over 95,000 hectares of land
    cleared of mines Since November 2020, more than 95,000 hectares"): a restatement, not a
    garbled field. Not "over 300 hectares in Aghdam and over 300 hectares in Fuzuli", nor an
    exact figure said twice ("12 in Aghdam and 12 in Fuzuli"): two places' figures."""
    same = [f for f in figures if f[0] == key]
    said = {(_value_of(key, v), q) for _k, v, q, _n in same}
    return (
        len(said) == 1
        and next(iter(said))[1] is not None
        and all(_LOST_BREAK_RE.search(text, a[3].end, b[3].start) for a, b in pairwise(same))
    )


# a sentence's opening word after a lower-case word, with no full stop between, or a new line
_LOST_BREAK_RE = re.compile(
    r"[a-z]\s+(?:Since|The|In|During|According|As|Over|More|From|On|Between|So)\b|\n"
)


def _without_kinds_in_a_total(
    text: str, figures: list[tuple[str, Any, str | None, Number]], stmt_flags: list[str]
) -> list[tuple[str, Any, str | None, Number]]:
    """Leave out a kind of ordnance "including" in a total of items: "412 explosive objects,
    including 12 bombs" are 412 items, of which the bombs are a part, not the UXO count.
    A breakdown that adds up to the total keeps its kinds as the UXO."""
    out = []
    total = figures[0]  # the caller's: an items total opens the sentence's figures
    listed = [f[1] for f in figures[1:] if f[0] != "area"]
    if None not in listed and sum(listed) == total[1]:
        return figures  # "60 items, including 20 AP mines, 30 shells and 10 grenades": all
    for f in figures:
        m = _ITEM_RE.match(text, f[3].end) if f[0] == "uxo" else None
        if (
            m is not None
            and not _UXO_IN_A_TOTAL_RE.search(m[0])
            and _PART_BEFORE_RE.search(text, total[3].end, f[3].start)
            and ";" not in text[total[3].end : f[3].start]
        ):
            if "breakdown_not_extracted" not in stmt_flags:
                stmt_flags.append("breakdown_not_extracted")
            continue
        out.append(f)
    return out


def _models_added_up(
    text: str,
    figures: list[tuple[str, Any, str | None, Number]],
    by_model: set[int],
    stmt_flags: list[str],
) -> list[tuple[str, Any, str | None, Number]]:
    """Counts of models of one type, added up: "31 POMZ and 2 OZM mines" are 33
    anti-personnel mines, and "5 OZM-72 bounding mines and 12 anti-personnel mines" 17, not
    one type named twice; not a part ("12 anti-personnel mines, including 5 OZM-72")."""
    out = list(figures)
    for key in ("anti_personnel", "anti_tank"):
        same = [f for f in out if f[0] == key]
        plain = [f for f in same if f[3].start not in by_model]
        models = [f for f in same if f[3].start in by_model]
        if (
            len(plain) == 1
            and models
            and None not in [f[1] for f in same]
            and sum(f[1] for f in models) == plain[0][1]
            and _breaks_down(text, plain[0], models)
        ):
            # "20 anti-personnel mines: 8 PMN-2 and 12 OZM-72", "8 PMN-2 and 12 OZM-72, a
            # total of 20 anti-personnel mines": the models break the count down
            out = [f for f in out if f not in models]
            if "breakdown_not_extracted" not in stmt_flags:
                stmt_flags.append("breakdown_not_extracted")
            continue
        if (
            len(same) == 2
            and same[0][3].start not in by_model
            and same[1][3].start in by_model
            and _PART_OF_ONE_RE.search(text, same[0][3].end, same[1][3].start)
        ):
            # "12 anti-personnel mines, among which 5 OZM-72": a part of the count
            out.remove(same[1])
            if "breakdown_not_extracted" not in stmt_flags:
                stmt_flags.append("breakdown_not_extracted")
            continue
        if (
            len(same) > 1
            and any(f[3].start in by_model for f in same)
            and all(f[1] is not None and f[2] is None for f in same)
            and not any(
                _NOT_A_LIST_RE.search(text, a[3].end, b[3].start) for a, b in pairwise(same)
            )
            and not _A_TOTAL_AFTER_RE.match(text, same[-1][3].end)
        ):
            first = same[0]
            out = [f for f in out if f not in same]
            out.append((key, sum(f[1] for f in same), "sum_of_parts", first[3]))
    return sorted(out, key=lambda f: f[3].start)


def _breaks_down(
    text: str,
    plain: tuple[str, Any, str | None, Number],
    models: list[tuple[str, Any, str | None, Number]],
) -> bool:
    """Models that break a plain count down say so: "20 AP mines: 8 PMN-2 and 12 OZM-72",
    "..., such as", "namely", "8 PMN-2 and 12 OZM-72, a total of 20 AP mines", "..., 20 AP
    mines in total"; not "2 TM-62 and 2 anti-tank mines of unknown type"."""
    if plain[3].start < models[0][3].start:
        return _NOT_A_LIST_RE.search(text, plain[3].end, models[0][3].start) is not None
    return bool(
        _NOT_A_LIST_RE.search(text, models[-1][3].end, plain[3].start)
        or _A_TOTAL_AFTER_RE.match(text, plain[3].end)
    )


_UXO_NAMES = r"unexploded|UXO|ERW|explosive\s+remnants|PHS"
_UXO_NAME_RE = re.compile(_UXO_NAMES, re.I)
# in a total of items, ammunition is its UXO: "119,000 landmines and other ERW, including
# 67,000 pieces of ammunition"
_UXO_IN_A_TOTAL_RE = re.compile(_UXO_NAMES + r"|ammunition|(?<!sub)(?<!cluster\s)munitions", re.I)
_PART_BEFORE_RE = re.compile(r"\b(?:includ\w*|incl\.|of\s+(?:which|them)|among\s+them)\b", re.I)
# between counts of one type that are no list of separate items: a breakdown ("12 AP mines,
# among which 5 OZM-72", "20 AP mines (8 PMN-2 and 12 OZM-72)", "20 AP mines: 8 PMN-2, ...")
_NOT_A_LIST_RE = re.compile(
    r"[(:]|\b(?:includ\w*|incl\.|among|such\s+as|of\s+(?:which|them|whom)|namely|total)\b", re.I
)
# before a model's count that is a part of the plain count before it
_PART_OF_ONE_RE = re.compile(r"\(|\b(?:includ\w*|incl\.|among|of\s+(?:which|them))\b", re.I)
# "8 PMN-2 and 12 OZM-72 mines, 20 anti-personnel mines in total": the last is their total
_A_TOTAL_AFTER_RE = re.compile(r"[^.;]{0,40}?\b(?:in\s+total|in\s+all|altogether|overall)\b", re.I)
_AMONG_THEM_RE = re.compile(r"[^.;,()]{0,20}?\bamong\s+them\b", re.I)


def _without_kinds_of_uxo(
    text: str, figures: list[tuple[str, Any, str | None, Number]]
) -> list[tuple[str, Any, str | None, Number]]:
    """Leave out kinds of ordnance listed beside the UXO count: "123 pieces of unexploded
    ordnance, 3 pieces of bomblets, 30 anti-tank mines" counts 123 UXO and other items, not
    a UXO count given twice. Alone, "3 bomblets were found" still counts UXO, and a part of
    the count ("including over 32,000 cluster munitions", "(40 bomblets among them)") is
    left to the breakdown rules."""
    kinds = []
    for i, f in enumerate(figures):
        n = f[3]
        m = _ITEM_RE.match(text, n.end) if f[0] == "uxo" else None
        since = figures[i - 1][3].end if i else max(0, n.start - 60)
        kinds.append(
            (
                f,
                m is not None
                and not _UXO_NAME_RE.search(m[0])
                and not _PART_BEFORE_RE.search(text, since, n.start)
                and text.count("(", since, n.start) <= text.count(")", since, n.start)
                and not _AMONG_THEM_RE.match(text, m.end()),
            )
        )
    if not any(f[0] == "uxo" and not kind for f, kind in kinds):
        # kinds alone, no UXO count beside them: "31 shells and 2 bombs" are 33 UXO
        listed = [f for f, kind in kinds if kind]
        if len(listed) < 2 or any(f[1] is None or f[2] is not None for f in listed):
            return figures
        whole = ("uxo", sum(f[1] for f in listed), "sum_of_parts", listed[0][3])
        return sorted([f for f, kind in kinds if not kind] + [whole], key=lambda f: f[3].start)
    return [f for f, kind in kinds if not kind]


def _opening_period(ctx: _Context, start: int, end: int, first: Number) -> Period | None:
    """The period a sentence opens with, right before its first figure: "October 2024 –
    5,402.3 ha", "January: 1,204.5 ha"."""
    periods = ctx.periods_in(start, end)
    if (
        periods
        and not ctx.text[start : periods[0].start_offset].strip()
        and _PERIOD_GAP_RE.fullmatch(ctx.text, periods[0].end_offset, first.start)
    ):
        return periods[0]
    return None


def _is_period_item(ctx: _Context, start: int, end: int, first: Number) -> bool:
    """True for an item of a list of periods after a ";": "...: October 2024 – 5,402.3 ha;
    November 2024 – 4,980.0 ha" (the sentence opens with its period, then the figure)."""
    return ctx.text[:start].rstrip()[-1:] == ";" and bool(_opening_period(ctx, start, end, first))


def _opens_period_list(ctx: _Context, start: int, end: int, first: Number) -> bool:
    """True for the first item of a list of periods after a sentence that names results:
    "Clearance results by month. January: 1,204.5 ha; February: 1,350 ha; ..." (the items
    after it go on with it, see `_is_period_item`)."""
    if ctx.text[start:end].rstrip()[-1:] != ";":
        return False
    opening = _opening_period(ctx, start, end, first)
    if opening is None:
        return False
    if ctx.published is not None and (opening.start or ctx.published) > ctx.published:
        return False  # "January 2025: 5,000 ha; ..." in December 2024: a plan
    index = bisect_left(ctx.sentences, (start, end))
    if index < 1:
        return False
    heading = ctx.sentences[index - 1]
    verbs = ctx.verbs_in(*heading)
    if not verbs or not all(is_result for _, _, is_result in verbs):
        return False
    stated = ctx.periods_in(*heading)
    if any(p.precision == "cumulative" for p in stated):
        return False  # "Since 2020, ... a total of ...; January: 170,100.2 ha; ...": totals
    spans = _list_items(ctx, index)
    items = []
    for s, e in spans:
        periods = ctx.periods_in(s, e)
        if not periods or ctx.text[s : periods[0].start_offset].strip():
            break
        items.append(periods[0])
    whole = _choose_period([p for p in stated if p.precision != "day" and p.start and p.end])
    if whole is not None:
        # "Results for the first quarter of 2024 by month. January: ...": each item within
        if not all(_within_whole(p, whole) for p in items):
            return False
    elif len({p.start.year for p in items if p.start}) != 1 or any(
        p.end is None or ctx.published is None or p.end > ctx.published for p in items
    ):
        return False  # "October: ...; November: ...; December: ..." read in two years
    # No item may say the list is no results ("...; June: 4,500 ha are planned").
    return all(is_result for span in spans for _, _, is_result in ctx.verbs_in(*span))


def _list_items(ctx: _Context, index: int) -> list[tuple[int, int]]:
    """The items of the list starting at sentence `index`: each ends with ";", the last one
    without."""
    items = []
    for s, e in ctx.sentences[index:]:
        items.append((s, e))
        if ctx.text[s:e].rstrip()[-1:] != ";":
            break
    return items


def _elliptic_figure(
    ctx: _Context, start: int, end: int, n: Number, previous: tuple[str, Any, str | None, Number]
) -> tuple[str, Any, str | None, Number] | None:
    """A bare number with a period of its own, after a typed figure, is a figure of that
    type: "In 2023, 53,081.8 hectares were cleared, in 2024 – 62,023.9"."""
    if n.value is None or _in_brackets(ctx.text, previous[3].end, n.start):
        return None
    periods = ctx.periods_in(start, end)
    if any(p.start_offset <= n.start < p.end_offset for p in periods):
        return None  # a day or year of a date
    verb = _ELLIPTIC_VERB_RE.match(ctx.lower, n.end, end)
    if verb is not None:
        # "141 AP mines were found in the past week, and 512 were found in September": the
        # same verb again, with a period of its own (not "20 were destroyed on Friday")
        if (
            ctx.lower.find(verb["verb"], start, previous[3].start) < 0
            and ctx.lower.find(verb["verb"], previous[3].end, n.start) < 0
        ):
            return None
        if _ITEM_RE.search(ctx.text, start, previous[3].start) and previous[0] != "area":
            return None  # "141 AP mines and 64 AT mines were found ..., and 512 were found"
        period = _period_after(ctx, start, end, verb.end())
        if period is not None and (
            period.precision == "day"
            # "in the previous week", "the week before": before which? "the same period
            # last year": a comparison
            or _BEFORE_WHICH_RE.search(ctx.lower, verb.end(), min(end, period.end_offset + 12))
        ):
            return None
    elif _BARE_END_RE.match(ctx.text, n.end):
        period = _adjacent_period(ctx, start, end, n.start, n.end)
    else:
        return None  # "in 2024, 1,200 deminers", "in 2024, 45% more", "70,000 planned"
    if period is None or period.start_offset < previous[3].end:
        return None
    if any(
        previous[3].end <= v_start < n.start and not is_result
        for v_start, _, is_result in ctx.verbs_in(start, end)
    ):
        return None  # "...: 2,372; expected this year: 3,000"
    unit = previous[1][2] if previous[0] == "area" else None
    return _figure(previous[0], unit, n, _qualifier(ctx.text, n.start), [])


_BEFORE_WHICH_RE = re.compile(r"\b(?:previous|preceding|prior|before|earlier|same)\b")


_ELLIPTIC_VERB_RE = re.compile(
    r"\s+(?:were|was|have\s+been|had\s+been)\s+(?P<verb>found|detected|neutrali[sz]ed"
    r"|destroyed|defused|discovered|removed|cleared)\b"
)


def _period_after(ctx: _Context, start: int, end: int, at: int) -> Period | None:
    """The period that follows `at` in its clause: "... were found in September"."""
    lo, hi = at, end
    cut = _CLAUSE_SPLIT_RE.search(ctx.lower, at, end)
    if cut is not None:
        hi = cut.start()
    own = [p for p in ctx.periods_in(start, end) if lo <= p.start_offset < hi and p.start]
    return own[0] if own else None


_CONTINUATION_RE = re.compile(r"\W*(?:also|in\s+addition|besides|plus|as\s+well\s+as)\b")


def _figure(
    key: str, unit: str | None, n: Number, qualifier: str | None, stmt_flags: list[str]
) -> tuple[str, Any, str | None, Number]:
    """One typed figure: an area converted to hectares (key "area"), or a whole count."""
    if key == "area":
        unit = unit or "ha"
        area = None if n.value is None else round(n.value * _TO_HA[unit], 6)
        return ("area", (area, n.text, unit), qualifier, n)
    value = n.value
    if n.ambiguous and value is not None:
        # "8.086 unexploded ordnance": a count, so the dot groups thousands.
        value = parse_number(n.text, integer=True)
    if value is not None and value != int(value):
        stmt_flags.append("fractional_count")
        value = None
    return (key, None if value is None else int(value), qualifier, n)


_MAY_STATE_ZERO_RE = re.compile(r"\bno\b|\bnone\b|\bnil\b|not\s+(?:a\s+single|one)\b")


_ZERO_RE = re.compile(r"\b(?:[Nn]o|[Nn]ot\s+(?:a\s+single|one))\s+(?=[Aa]nti|[Uu]nexploded|UXO)")


_LABEL_ZERO_RE = re.compile(rf"{_LABEL_NAMES}\s*{_LABEL_MARK}\s*(?:none|nil|no)\b", re.I)


def _zero_figures(ctx: _Context, start: int, end: int) -> list[tuple[str, Any, str | None, Number]]:
    """Item types stated as none: "no anti-tank mines were found", "UXO found: none".

    Only the three item types: "not a single mine was found in Shusha" may speak of one
    district, not of the statement's whole territory.
    """
    text = ctx.text
    found = []
    for m in _ZERO_RE.finditer(text, start, end):
        item = _ITEM_RE.match(text, m.end())
        if item and item.lastgroup in ("ap", "at", "uxo"):
            found.append((item.lastgroup, m.start(), item.end()))
    for m in _LABEL_ZERO_RE.finditer(text, start, end):
        found.append((m.lastgroup or "", m.start(), m.end()))
    figures = []
    for group, a, b in found:
        if group in ("ap", "at", "uxo") and _is_result(ctx, start, end, a):
            zero = Number(0.0, text[a:b], a, b, False, False)
            figures.append((_ITEM_KEYS[group], 0, None, zero))
    return figures


def _respective_figures(
    ctx: _Context,
    start: int,
    end: int,
    figures: list[tuple[str, Any, str | None, Number]],
    stmt_flags: list[str],
) -> tuple[list[tuple[str, Any, str | None, Number]], dict[int, Period]]:
    """Pair a list of figures with the list of item types or periods that "respectively"
    refers to: "141 and 64 anti-personnel and anti-tank mines", "the numbers of AP mines,
    AT mines and UXO were 141, 64 and 625", "3,120.5 and 4,870.2 ha in September and
    October". Returns the sentence's figures with the list's replaced, and the period of
    each figure paired with one (by the number's offset).

    A list that pairs with nothing, or with lists of another length, is dropped and flagged
    `respectively_not_extracted`: read in order, it would give wrong figures.
    """
    text = ctx.text
    periods = _period_list(ctx, start, end)
    in_periods = [(p.start_offset, p.end_offset) for p in periods]
    numbers = [
        n for n in ctx.numbers_in(start, end) if not any(a <= n.start < b for a, b in in_periods)
    ]
    pinned: dict[int, Period] = {}
    for run in _number_lists(text, numbers):
        listed = {n.start for n in run}
        keys, label_end = _item_list(text, run[-1].end, end)
        area = None if keys else _AREA_RE.match(text, run[-1].end, end)
        label_start = run[0].start
        if not keys and area is None:
            # The labels come first: "the numbers of AP mines, AT mines and UXO were 141, 64
            # and 625"; the list that ends nearest the figures. Figures with a unit of their
            # own are something else: "at depths of 10 and 30 cm, respectively".
            if not _LIST_END_RE.match(ctx.lower, run[-1].end):
                continue
            found = [
                (m.start(), _item_list(text, m.start(), run[0].start)[0])
                for m in _ITEM_RE.finditer(text, start, run[0].start)
            ]
            found = [(a, k) for a, k in found if len(k) == len(run)]
            if not found:
                continue  # no item type at all: people, maps, money
            label_start, keys = found[0]
            label_end = run[-1].end
        figures = [f for f in figures if f[3].start not in listed]
        if area is not None:
            keys, label_end = ["area"] * len(run), area.end()
        elif len(keys) == 1:
            keys = keys * len(run)  # "141 and 212 anti-tank mines in September and October"
            label_end = max(label_end, run[-1].end)
        by_period = len(set(keys)) == 1
        if len(keys) != len(run) or (by_period and len(periods) != len(run)):
            stmt_flags.append("respectively_not_extracted")
            continue
        if not _is_result(ctx, start, end, min(label_start, run[0].start), label_end):
            continue
        unit = area.lastgroup if area is not None else None
        for n, key, period in zip(
            run, keys, periods if by_period else [None] * len(run), strict=True
        ):
            figures.append(_figure(key, unit, n, _qualifier(text, n.start), stmt_flags))
            if period is not None:
                pinned[n.start] = period
    if (
        not pinned
        and len(periods) > 1
        and len(periods) == len(figures)
        # not "..., respectively 12% and 15% more than a year earlier"
        and not _RESPECTIVE_PERCENT_RE.search(ctx.lower, start, end)
    ):
        # "141 AP mines and 64 AT mines were found in September and October, respectively"
        pinned = {f[3].start: p for f, p in zip(figures, periods, strict=True)}
    figures.sort(key=lambda f: f[3].start)
    return figures, pinned


_RESPECTIVE_PERCENT_RE = re.compile(r"respectivel\w*,?\s+[\d.,]+\s*(?:%|per\s*cent)")


def _extract_clearance(ctx: _Context, doc: str | None):
    statements: list[_Statement] = []
    current: _Statement | None = None
    last_had_figures = False
    relevant = set(ctx.relevant)
    previous: tuple[int, int] | None = None
    for index, (start, end) in enumerate(ctx.sentences):
        before, previous = previous, (start, end)
        pending_flags: list[str] = []
        pinned: dict[int, Period] = {}
        if (start, end) in relevant and not (ctx.names_maps and _is_map_news(ctx, start, end)):
            figures = _clearance_figures(ctx, start, end, pending_flags, last_had_figures)
            if ctx.names_respectively and _RESPECTIVELY in ctx.lower[start:end]:
                figures, pinned = _respective_figures(ctx, start, end, figures, pending_flags)
            if (
                figures
                and not ctx.verbs_in(start, end)
                and _under_a_heading_of_no_results(ctx, index)
            ):
                figures = []
        else:
            figures = []
        if not figures:
            # A sentence naming districts or operators right after the figures belongs to
            # them; not a table's caption ("ANAMA results, 14-20 October"), which is the table's.
            if (
                current is not None
                and last_had_figures
                and not _titles_a_table(ctx, end)
                and not (before is not None and _table_between(ctx, before[1], start))
                and (other_news := _tells_other_news(ctx, start, end)) != "all"
            ):
                _attach_places(ctx, current, start, end, operators=other_news is None)
            last_had_figures = False
            continue
        groups = (
            _pinned_groups(ctx, start, end, figures, pinned)
            if pinned
            else _group_by_period(ctx, start, end, figures)
        )
        made: list[_Statement] = []
        for period, group, notes in groups:
            if period is None and before is not None and _leads_on(ctx, before):
                # "In the past week, 120 ha were inspected; 14 mines were found there."
                # "Weekly results (07.10.2024 - 13.10.2024)\nAnti-personnel mines: 141"
                period = _choose_period(ctx.periods_in(*before))
            if (
                period is None
                and before is not None
                and not _table_between(ctx, before[1], start)
                and (intro := _intro_period(ctx, before))
            ):
                # "ANAMA has released its report on the past week (November 8-13).
                # According to the agency, 63.6 hectares were cleared ..."
                period = intro
            if period is None and current is None:
                # "..., a weekly report of ANAMA said": the week before publication
                period = _weekly_report_period(ctx, start, end)
            if period is None and _THAT_PERIOD_RE.search(ctx.lower, start, end):
                # "... its work for 7-13 October. During the reporting period, 141 mines ...":
                # the period of the statement under way, else the one stated last.
                period = (
                    current.period
                    if current is not None and current.period is not None
                    else _period_stated_before(ctx, start)
                )
            current = _add_figures(ctx, statements, current, start, end, period, group)
            made.append(current)
            for code in pending_flags:
                current.flag(code)
            for code in notes:
                current.flag(code)
        if len(made) > 1 and all(_within_whole(s.period, made[0].period) for s in made[1:]):
            # after "13,441.3 ha in Q3 (July – ..., September – ...)", "During the quarter,
            # ..." goes on with the quarter, not with September
            current = made[0]
        last_had_figures = True
    return [_clearance_record(ctx, s, doc) for s in statements]


# Models whose type is known: PMN, POMZ, OZM, MON, PFM, PMD are anti-personnel; TM, TMN,
# TMK, PTM anti-tank
_MODEL_TYPE_RE = re.compile(
    r"\s+(?:(?P<ap>(?:PMN|POMZ|OZM|MON|PFM|PMD)(?:-?[A-Z0-9][\w-]*)?)|(?P<at>(?:TM|TMN|TMK|PTM)"
    r"(?:-?[A-Z0-9][\w-]*)?))(?:[\s-]+(?:type\s+|[a-z]+\s+)?(?:land)?mines?\b"
    r"(?![\s-]*(?:fuz|fus|detonator|part))"
    r"|(?=\s*(?:[,;.)]|\band\b|$)"
    # a verb or a place after the model: "12 OZM-72 were found", "4 TM-62M in Fuzuli"
    r"|\s+(?:were|was|have|has|had|found|detected|discovered|neutrali[sz]ed|destroyed|removed"
    r"|left|in|on|near|at|from|during)\b))"
)
# A mine's model between a count and its type: "PMN-E", "TM-62", "E-001 M type"
_MODEL_RE = re.compile(
    r"\s+(?:[A-Z]{1,4}-[A-Z0-9][A-Za-z0-9-]*(?:\s+[A-Z]\b)?"
    r"|(?:PMN|POMZ|OZM|MON|PFM|PMD|TMN?|TMK|PTM)(?:\d[\w-]*)?\b)"
    r"(?:[\s-]+type)?(?=[\s,;.)]|$)"
)


def _intro_period(ctx: _Context, sentence: tuple[int, int]) -> Period | None:
    """The period of a sentence announcing results without giving any ("ANAMA released its
    weekly report for 8-13 November"), for the figures of the sentence after it. Not a day:
    that is when the report came out."""
    start, end = sentence
    lower = ctx.lower
    if not _RELEASED_RE.search(lower, start, end) or not (
        _RESULTS_WORD_RE.search(lower, start, end)
        or (_INTRO_RE.search(lower, start, end) and _WORK_RE.search(lower, start, end))
    ):
        return None  # not "ANAMA shared information on mine risks with pupils in July"
    if any(not is_result for _, _, is_result in ctx.verbs_in(start, end)):
        return None  # "The agency's report for June will be published next week."
    if any(not _YEAR_RE.fullmatch(n.text) for n in ctx.numbers_in(start, end)):
        return None
    periods = [p for p in ctx.periods_in(start, end) if p.precision != "day"]
    if not periods:
        return _weekly_report_period(ctx, start, end)
    return _choose_period(periods)


_RESULTS_WORD_RE = re.compile(r"\b(?:results|figures|statistics|report)\b")
_RELEASED_RE = re.compile(
    r"\b(?:releas|publish|shar|reveal|issu|disseminat|report(?:ed|s)\b|present|announc|provid"
    r"|made\s+public"
    r"|summ(?:ed|ing|s)?\s+up|summari[sz])"
)
_WEEKLY_REPORT_RE = re.compile(
    r"\bweekly\s+(?:report|statement|information|bulletin|update|review|results)\b"
)


_RUNNING_TOTAL_WORDS_RE = re.compile(
    r"\b(?:in\s+total|overall|altogether|in\s+all|all\s+told|cumulative\w*|so\s+far|to\s+date)\b"
)


def _weekly_report_period(ctx: _Context, start: int, end: int) -> Period | None:
    """The week before publication for figures a weekly report gives without their days
    ("..., a weekly report of ANAMA said"), flagged `period_inferred`."""
    if ctx.published is None or not _WEEKLY_REPORT_RE.search(ctx.lower, start, end):
        return None
    if _RUNNING_TOTAL_WORDS_RE.search(ctx.lower, start, end):
        return None  # "In total, 41,741 mines have been found ..., the weekly bulletin said"
    if ctx.periods_in(start, end) or any(
        # a week the text states is the report's
        p.precision == "week" and "period_inferred" not in p.flags
        for s, e in ctx.sentences
        for p in ctx.periods_in(s, e)
    ):
        return None
    (week,) = find_periods("the past week", ctx.published)
    return replace(week, text="", start_offset=start, end_offset=start)


# weaker words of an announcement, that need a word of the work beside them ("results",
# "figures", "statistics" and "report" need none: _RESULTS_WORD_RE)
_INTRO_RE = re.compile(r"\b(?:reported|reports|information|data|update|summary)\b")


def _tells_other_news(ctx: _Context, start: int, end: int) -> str | None:
    """What a figure-less sentence after the figures keeps from them: "all" for news other
    than the work (people harmed, "In the blasts in Tartar and Lachin, three people were
    hurt"; help for victims; minefield maps "handed over through the mediation of the
    Defence Ministry"; a plan, "next week the agency will present its dogs in Aghdam"), so
    none of its places or agencies join them; "operators" for a plan about the work
    ("Engineering troops are expected to join the work next month"), whose places may be
    the work's but whose agencies are not yet; None for a sentence about the work."""
    lower = ctx.lower
    future = _FUTURE_RE.search(lower, start, end) is not None
    if _WORK_RE.search(lower, start, end):
        # "The work was carried out in Aghdam to protect civilians from being injured"
        if future and _BEGIN_RE.search(lower, start, end):
            return "all"  # "In April, the agency plans to begin clearance in Lachin"
        return "operators" if future else None
    if _HARM_WORD_RE.search(lower, start, end) and _HARM_TOLD_RE.search(lower, start, end):
        return "all"
    if (
        ctx.names_victims
        and "victim" in lower[start:end]
        and _VICTIM_HELP_RE.search(lower, start, end)
    ):
        return "all"  # "In 2024, ANAMA opened a rehabilitation centre for mine victims."
    if (ctx.names_maps and _MAP_RE.search(lower, start, end)) or future:
        return "all"
    return None


_HARM_WORD_RE = re.compile(r"kill|injur|wound|hurt|maim|died|death")  # a cheap test first
# harm told as news, not as the aim of the work ("to protect civilians from becoming victims")
_HARM_TOLD_RE = re.compile(
    r"\b(?:were|was|have\s+been|has\s+been|got)\s+(?:\w+\s+){0,2}(?:killed|injured|wounded|hurt|"
    r"maimed)\b|\b(?:killed|injured|wounded|hurt|maimed|killing|injuring|wounding)\s+(?:\w+\s+)?"
    r"(?:\d|one|two|three|four|five|a|an|his|her|their|the|people|civilians|servicemen|soldiers)\b"
    r"|\b(?:killed|injured|wounded|hurt|maimed)\s+(?:by|in|when|after|while)\b"
    r"|\b(?:died|deaths?)\b"
)
_BEGIN_RE = re.compile(r"\b(?:begin|start|launch|join|resume)\b")
_FUTURE_RE = re.compile(
    r"\b(?:will|(?:is|are)\s+expected\s+to|plans?\s+to|intends?\s+to|next\s+(?:week|month|year))\b"
)
_WORK_RE = re.compile(
    r"\b(?:work(?:ed|s)?|operations?|demining|clearance|cleared|carried\s+out|teams?|deminers?|"
    r"sappers?)\b"
)


def _within_whole(part: Period | None, whole: Period | None) -> bool:
    """True when `part` is a period strictly inside `whole`."""
    return (
        part is not None
        and whole is not None
        and None not in (part.start, part.end, whole.start, whole.end)
        and whole.start <= part.start  # type: ignore[operator]
        and part.end <= whole.end  # type: ignore[operator]
        and (part.start, part.end) != (whole.start, whole.end)
    )


def _titles_a_table(ctx: _Context, end: int) -> bool:
    """True when a table of the report starts right after a sentence ending at `end`."""
    return any(not ctx.text[end : t.start].strip() for t, _ in ctx.tables if t.start >= end)


def _table_between(ctx: _Context, a: int, b: int) -> bool:
    """True when a table of the report lies between offsets a and b: a sentence after it
    does not go on with the figures before it."""
    return any(a <= t.start < b for t, _ in ctx.tables)


def _under_a_heading_of_no_results(ctx: _Context, index: int) -> bool:
    """True for a line of a verbless list under a heading that says it lists no results:
    "Targets for 2025:", "Estimate by ANAMA", "Stockpile destroyed in 2023"."""
    for s, e in reversed(ctx.sentences[max(0, index - 12) : index]):
        verbs = ctx.verbs_in(s, e)
        if verbs:
            heading = ctx.text[s:e].rstrip()[-1:] not in (".", "!", "?")
            return heading and not all(is_result for _, _, is_result in verbs)
    return False


def _pinned_groups(
    ctx: _Context,
    start: int,
    end: int,
    figures: list[tuple[str, Any, str | None, Number]],
    pinned: dict[int, Period],
) -> list[tuple[Period | None, list[tuple[str, Any, str | None, Number]], list[str]]]:
    """One group per period that "respectively" gave figures; the sentence's other figures
    are grouped as usual."""
    groups: dict[tuple[int, int], tuple[Period, list]] = {}
    for figure in figures:
        if (period := pinned.get(figure[3].start)) is not None:
            key = (period.start_offset, period.end_offset)
            groups.setdefault(key, (period, []))[1].append(figure)
    rest = [f for f in figures if f[3].start not in pinned]
    paired = [(p, fs, []) for p, fs in groups.values()]
    return paired + (_group_by_period(ctx, start, end, rest) if rest else [])


def _is_map_news(ctx: _Context, start: int, end: int) -> bool:
    """A sentence about minefield maps handed over or their accuracy, not about clearance
    ("working without accurate maps, deminers found 141 mines" is about clearance)."""
    if not _MAP_RE.search(ctx.lower, start, end):
        return False
    sentence = ctx.text[start:end]
    if _MAP_ACTION_RE.search(sentence) or _PERCENT_RE.search(sentence):
        return True
    return any(_MAPS_COUNT_RE.match(ctx.text, n.end) for n in ctx.all_numbers_in(start, end))


_THAT_PERIOD_RE = re.compile(
    r"\b(?:the\s+(?:reporting|reported|specified|said|mentioned|given|indicated)\s+period"
    r"|(?:this|that|the\s+same)\s+period|during\s+the\s+period)\b"
)


# A sentence that opens by restating part of the figures before it: "Of this, 450.2 ha ..."
_PART_SENTENCE_RE = re.compile(r"\W*(?:of\s+(?:this|these|them|which)|including)\b")


def _group_by_period(
    ctx: _Context, start: int, end: int, figures: list[tuple[str, Any, str | None, Number]]
) -> list[tuple[Period | None, list[tuple[str, Any, str | None, Number]], list[str]]]:
    """Split one sentence's figures into (period, figures, flags) groups.

    An item type named twice is told apart first by a breakdown word ("1,198.7 ha were
    cleared, including 450.2 ha in Aghdam": the part is dropped, and flagged). Then, where
    the sentence states several periods, each figure goes with the period in its own clause,
    else the nearest ("141 mines over the past week, bringing the total since the end of
    the war to 34,000"; "1,198.7 ha from 7 to 13 October, and 4,870.2 ha in September").
    Different types fall apart only between periods that do not overlap ("In 2024, from 7
    to 13 October ..." stays one statement). What none of this settles stays one group.
    """
    periods = ctx.periods_in(start, end)
    chosen = _choose_period(periods)
    if len(periods) < 2 and len({f[0] for f in figures}) == len(figures):
        return [(chosen, figures, [])]
    n = figures[0][3]
    own = _adjacent_period(ctx, start, end, n.start, n.end) if len(figures) == 1 else None
    if own is not None and own.end_offset <= n.start and ":" in ctx.text[own.end_offset : n.start]:
        # "Anti-personnel mines found in the past week: 141; expected this year: 3,000"
        return [(own, figures, [])]
    by_operator: list[tuple[str, Any, str | None, Number]] = []
    if (
        _holds_any(ctx.lower, _OPERATOR_WORDS, start, end)
        and len({(p.start, p.end) for p in periods if p.precision != "day"}) < 2
        and not _COMPARED_RE.search(ctx.lower, start, end)
    ):
        # shares of one period: not "ANAMA cleared 650.3 ha, bringing the total since
        # 2020 to ...", nor "... while all operators cleared 5,010.4 ha in September"
        figures, by_operator = _without_operators_shares(ctx, start, end, figures)
    kept: list[tuple[str, Any, str | None, Number]] = []
    parts = []
    compared = []
    by_part_period: dict[int, tuple[Period, list[tuple[str, Any, str | None, Number]]]] = {}
    for figure in figures:
        earlier = [f for f in kept if f[0] == figure[0]]
        if not earlier and kept and _in_brackets(ctx.text, kept[0][3].end, figure[3].start):
            # "412 AP mines (January: 120 mines; ...)": a part by period of another wording
            part_period = _period_of_part(ctx, start, end, figure[3], periods)
            if part_period is not None:
                key = part_period.start_offset
                by_part_period.setdefault(key, (part_period, []))[1].append(figure)
                continue
        if not earlier:
            kept.append(figure)
            continue
        prev = earlier[-1]
        if _value_of(*prev[:2]) == _value_of(*figure[:2]) and (
            _in_brackets(ctx.text, prev[3].end, figure[3].start)
            or _RESTATED_RE.search(ctx.lower, prev[3].end, figure[3].start)
        ):
            continue  # the same figure in two units: "11.987 km² (1,198.7 hectares)"
        if _PART_WORDS_RE.search(ctx.lower, prev[3].end, figure[3].start) or _in_brackets(
            ctx.text, prev[3].end, figure[3].start
        ):
            part_period = _period_of_part(ctx, start, end, figure[3], periods)
            if part_period is None:
                parts.append(figure)
            else:  # "13,441.3 hectares in the third quarter (July – 4,120.3 ha, August – ...)"
                key = part_period.start_offset
                by_part_period.setdefault(key, (part_period, []))[1].append(figure)
        elif _COMPARED_RE.search(ctx.lower, prev[3].end, figure[3].start) and not _own_period(
            ctx, start, end, figure[3]
        ):
            compared.append(figure)  # "compared with 24,600 ha in the same period last year"
        else:
            kept.append(figure)
    notes = ["breakdown_not_extracted"] * bool(parts or by_operator)
    notes += ["comparison_not_extracted"] * bool(compared)
    if by_part_period:
        # The parts by period are statements of their own; the whole goes with the period
        # that holds them, not with one of them.
        whole = _choose_period([p for p in periods if p.start_offset not in by_part_period])
        return [(whole, kept, notes), *((p, fs, []) for p, fs in by_part_period.values())]
    keys = [f[0] for f in kept if f[2] != "corrected"]
    repeated = len(set(keys)) < len(keys)
    candidates = list(
        {
            (p.start, p.end): p for p in periods if p.precision != "day" and p.start is not None
        }.values()
    )
    if len(candidates) < 2 or not (repeated or _disjoint(candidates)):
        return [(chosen, kept, notes)]
    groups: dict[tuple, tuple[Period, list]] = {}
    for figure in kept:
        period = _period_of(ctx, start, end, figure[3], candidates)
        groups.setdefault((period.start, period.end), (period, []))[1].append(figure)
    split = [(p, fs, []) for p, fs in groups.values()]
    if len(split) == 1 and _disjoint(candidates):
        # "141 mines were found in the past week, and 512 were found in September": the
        # one figure goes with its own clause's period.
        return [(split[0][0], kept, notes)]
    if len(split) < 2 or any(len({f[0] for f in fs}) < len(fs) for _, fs, _ in split):
        return [(chosen, kept, notes)]
    split[0][2].extend(notes)
    return split


_RESTATED_RE = re.compile(r"\b(?:or|i\.e\.|that\s+is)\b")


_COMPARED_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|as\s+against|against|up\s+from|down\s+from|versus|vs\b)"
)


def _without_operators_shares(
    ctx: _Context, start: int, end: int, figures: list[tuple[str, Any, str | None, Number]]
) -> tuple[list[tuple[str, Any, str | None, Number]], list[tuple[str, Any, str | None, Number]]]:
    """Split off the figures of one type that the sentence gives operator by operator: "ANAMA
    cleared 650.3 ha, the Ministry of Defence 300.2 ha, ..."; "1,198.7 ha were cleared: ANAMA
    - 900.2 ha, ...". The one figure of that type no operator is named for (all operators'),
    if there is one, stays. Returns (figures kept, operators' shares)."""
    named = {
        f[3].start: None
        if _of_all_operators(ctx, start, end, f)  # "... cleared 1,198.7 ha in total: ANAMA ..."
        else _named_operator(ctx, start, end, f[3])
        for f in figures
    }
    kept = []
    for key in dict.fromkeys(f[0] for f in figures):
        of_key = [f for f in figures if f[0] == key]
        if any(_PART_WORDS_RE.search(ctx.lower, a[3].end, b[3].start) for a, b in pairwise(of_key)):
            kept += of_key  # "ANAMA cleared 1,198.7 ha, of which the MoD 300.5 ha": a part
            continue
        shares = [f for f in of_key if named[f[3].start]]
        wholes = [f for f in of_key if not named[f[3].start]]
        if len({named[f[3].start] for f in shares}) > 1 and len(wholes) < 2:
            kept += wholes  # "ANAMA cleared 650.3 ha, the Ministry of Defence 300.2 ha"
        elif (
            len(shares) == 1 and len(wholes) == 1 and _of_all_operators(ctx, start, end, wholes[0])
        ):
            kept += wholes  # "ANAMA alone cleared 32,823.9 ha, while all institutions ..."
        else:
            kept += of_key
    kept.sort(key=lambda f: f[3].start)
    return kept, [f for f in figures if f not in kept]


def _named_operator(ctx: _Context, start: int, end: int, number: Number) -> str | None:
    """The operator the number's own clause names before it ("ANAMA alone cleared 32,823.9
    ha", "the Ministry of Defence 300.2 ha", "ANAMA - 900.2 ha"), if any."""
    lo, _ = _clause_of(ctx, start, end, number)
    m = _OPERATOR_RE.search(ctx.lower, lo, number.start)
    if m is None or _SAYS_RE.match(ctx.lower, m.end(), number.start):
        return None  # "ANAMA said 1,198.7 ha were cleared": a source, not the doer
    return m.lastgroup


_SAYS_RE = re.compile(r"\s+(?:said|says|reported|reports|told|stated|announced)\b")


_ALL_OPERATORS_RE = re.compile(r"\b(?:all|total|overall|together|combined|altogether)\b")


def _of_all_operators(
    ctx: _Context, start: int, end: int, figure: tuple[str, Any, str | None, Number]
) -> bool:
    """True when the figure's own clause says it is everyone's: "all institutions", "in
    total"."""
    lo, hi = _clause_of(ctx, start, end, figure[3])
    return _ALL_OPERATORS_RE.search(ctx.lower, lo, hi) is not None


def _period_of_part(
    ctx: _Context, start: int, end: int, number: Number, periods: list[Period]
) -> Period | None:
    """The period that labels a part of a figure, when it lies within another period of
    the sentence: "(July – 4,120.3 ha, ...)" under "in the third quarter of 2024"."""
    own = _adjacent_period(ctx, start, end, number.start, number.end)
    unit = _AREA_RE.match(ctx.text, number.end) or _ITEM_RE.match(ctx.text, number.end)
    if own is None and unit is not None:  # "1,010.1 ha during 6-12 November"
        own = _adjacent_period(ctx, start, end, number.start, unit.end())
    if (
        own is None
        or own.start is None
        or own.end is None
        or own.precision not in ("week", "month", "quarter", "other")
        or _CUT_OFF_BEFORE_RE.search(ctx.lower, max(start, own.start_offset - 20), own.start_offset)
    ):
        return None  # not "as of 13 October – 180,412.5 ha", "by the end of June – ..."
    for other in periods:
        if other is own or other.start is None or other.end is None:
            continue
        candidates = [own]
        if "year_inferred" in own.flags and not {"year_inferred", "year_unknown"} & set(
            other.flags
        ):
            # a month or quarter without a year takes a year of the period it is part of: its
            # own if that fits, else the latest ("since 2020, ..., including 4,870.2 ha in
            # September" is last September's)
            years = range(other.end.year, other.start.year - 1, -1)
            first = own if other.precision == "cumulative" else _in_year(own, own.start.year)
            candidates = [first, *(_in_year(own, y) for y in years if y != own.start.year)]
        for part in candidates:
            if _within_whole(part, other):
                return part
    return None


_CUT_OFF_BEFORE_RE = re.compile(
    r"\b(?:as\s+(?:of|at)|by|until|till|up\s+to|through)\s+(?:the\s+end\s+of\s+)?$"
)


def _in_year(period: Period, year: int) -> Period:
    """A period read with an inferred year, moved to the year stated for it (a span across
    New Year keeps its length: "28 December-3 January")."""
    if period.start is None or period.end is None:
        return period
    flags = tuple(f for f in period.flags if f != "year_inferred")
    shift = year - period.start.year
    if period.precision in ("month", "quarter"):
        end = _month_end(period.end.year + shift, period.end.month)
    else:
        try:
            end = period.end.replace(year=period.end.year + shift)
        except ValueError:  # 29 February
            return period
    try:
        start = period.start.replace(year=year)
    except ValueError:
        return period
    return replace(period, start=start, end=end, flags=flags)


def _own_period(ctx: _Context, start: int, end: int, number: Number) -> bool:
    """True when the number's own clause states a period of its own (not "same period", nor
    one told relative to another: "compared with 640 ha in the previous week")."""
    lo, hi = _clause_of(ctx, start, end, number)
    if "same period" in ctx.lower[lo:hi]:
        return False
    return any(
        lo <= p.start_offset < hi and not _RELATIVE_PERIOD_RE.search(p.text)
        for p in ctx.periods_in(start, end)
    )


_RELATIVE_PERIOD_RE = re.compile(r"(?i)\b(?:previous|preceding|prior|last|past)\b")


_CLAUSE_SPLIT_RE = re.compile(r"[,;:(\n]|\b(?:and|while|whereas|after|but|compared)\b")


def _period_of(
    ctx: _Context, start: int, end: int, number: Number, candidates: list[Period]
) -> Period:
    """The period stated in the number's own clause, else the one that opens its line (a
    list label: "- July: 412 AP mines, 230 AT mines"), else the nearest one."""
    lo, hi = _clause_of(ctx, start, end, number)
    own = [p for p in candidates if lo <= p.start_offset < hi]
    if not own:
        line = max(start, ctx.text.rfind("\n", start, number.start) + 1)
        own = [p for p in candidates if line <= p.start_offset and p.end_offset <= number.start]
        own = own[-1:]
    return min(own or candidates, key=lambda p: _distance(p, number))


def _clause_of(ctx: _Context, start: int, end: int, number: Number) -> tuple[int, int]:
    """Offsets of the clause of the sentence (start, end) that holds the number."""
    lo = start
    for m in _CLAUSE_SPLIT_RE.finditer(ctx.lower, start, number.start):
        lo = m.end()
    hi = _CLAUSE_SPLIT_RE.search(ctx.lower, number.end, end)
    return lo, hi.start() if hi else end


def _distance(period: Period, number: Number) -> tuple[int, int]:
    """Characters between a period phrase and a number; ties go to the phrase before."""
    if period.end_offset <= number.start:
        return (number.start - period.end_offset, 0)
    if period.start_offset >= number.end:
        return (period.start_offset - number.end, 1)
    return (0, 0)


def _is_breakdown(
    ctx: _Context,
    current: _Statement,
    figures: list[tuple[str, Any, str | None, Number]],
    start: int,
    end: int,
) -> bool:
    """True when a sentence without a period of its own splits the figures before it by
    operator or district: each figure is no larger than the statement's, one is smaller."""
    if current.period is None:
        return False
    smaller = False
    for key, value, _q, _n in figures:
        new, old = _value_of(key, value), current.values.get(_field(key))
        if old is None:
            continue  # a type the statement lacks may be split too ("40 AP mines in Aghdam")
        if new is None or new > old:
            return False
        smaller = smaller or new < old
    return smaller and bool(
        _OPERATOR_RE.search(ctx.lower, start, end) or ctx.districts_in(start, end)
    )


def _other_operator(ctx: _Context, current: _Statement, start: int, end: int) -> bool:
    """True when a sentence, dated itself, opens with an operator other than the
    statement's as the one doing the work: "ANAMA cleared 1,198.7 ha. ... Separately, the
    Ministry of Emergency Situations neutralized 37 UXO from 7 to 13 October". Not a speaker
    after the figures ("..., the Ministry of Defence said"), a partner ("in cooperation with
    the MoD") or a recipient ("handed them to the MES"), nor work said to go on ("also")."""
    if not current.operators or not _holds_any(ctx.lower, _OPERATOR_WORDS, start, end):
        return False
    numbers = ctx.all_numbers_in(start, end)
    first = numbers[0].start if numbers else end
    named = {
        m.lastgroup
        for m in _OPERATOR_RE.finditer(ctx.lower, start, first)
        if not _PARTNER_RE.search(ctx.lower, max(start, m.start() - 24), m.start())
    }
    return (
        bool(named)
        and not named & set(current.operators)
        and not _ALSO_RE.search(ctx.lower, start, end)
        and bool(ctx.periods_in(start, end))
    )


_PARTNER_RE = re.compile(r"\b(?:with|to|from|and|by)\s+(?:the\s+)?$")
_ALSO_RE = re.compile(r"\balso\b|\bas\s+well\b|\bin\s+addition\b")


def _more_explicit(new: Period, old: Period) -> bool:
    """True when `new` states the same days as `old` with less inferred."""
    inferred = ("period_inferred", "year_inferred", "year_inferred_from_text")
    if _same_week(old, new):
        return True
    return (new.start, new.end) == (old.start, old.end) and sum(
        f in new.flags for f in inferred
    ) < sum(f in old.flags for f in inferred)


def _add_figures(
    ctx: _Context,
    statements: list[_Statement],
    current: _Statement | None,
    start: int,
    end: int,
    period: Period | None,
    figures: list[tuple[str, Any, str | None, Number]],
) -> _Statement:
    """Put one sentence's figures for one period into the current or a new statement."""
    keys = [f[0] for f in figures if f[2] != "corrected"]
    repeated = {k for k in keys if keys.count(k) > 1 and not _restated_bound(ctx.text, k, figures)}
    if (
        current is not None
        # no period of its own, or the statement's own taken over ("over the same period")
        and (period is None or period is current.period)
        and (
            (
                _PART_SENTENCE_RE.match(ctx.lower, start, end)
                and any(_field(k) in current.values for k in keys)
            )
            or _is_breakdown(ctx, current, figures, start, end)
        )
    ):
        # "Of this, 450.2 hectares were cleared in Aghdam"; "ANAMA cleared 650.3 hectares;
        # the Ministry of Defence 300.2 hectares": a breakdown of the figures before.
        current.flag("breakdown_not_extracted")
        _attach_places(ctx, current, start, end)
        return current
    fresh = (
        current is None
        or not _same_period(current.period, period)
        or _other_operator(ctx, current, start, end)
    )
    if not fresh and current is not None:
        clashing = [
            (k, _value_of(k, v), q)
            for k, v, q, _n in figures
            if k not in repeated
            and q != "corrected"
            and _field(k) in current.values
            and current.values[_field(k)] != _value_of(k, v)
        ]
        loose = all(_loose_restatement(current, k, v, q) for k, v, q in clashing)
        # Figures that clash with no period to tell them apart start a new statement;
        # within one stated period they are a conflict, flagged below.
        fresh = bool(clashing) and not loose and (period is None or current.period is None)
    if fresh:
        current = _Statement("clearance", period=period)
        statements.append(current)
    elif (
        current is not None
        and period is not None
        and (current.period is None or _more_explicit(period, current.period))
    ):
        # "ANAMA: 142 mines found over the week" and then "During 21-27 October 2024, ...":
        # the period as the body states it, not as inferred from the headline
        current.period = period
    assert current is not None
    for key in sorted(repeated):
        # "25 anti-personnel, 56 anti-tank, and 56 anti-personnel mines": garbled.
        if key == "area":
            current.values["area_ha"] = None
            current.values["area"] = (None, None, None)
            current.flag("area_ha_repeated")
        else:
            current.values[key] = None
            current.flag(f"{key}_repeated")
    for key, value, qualifier, number in figures:
        if qualifier == "corrected":
            # "Correction: ... the correct figure is 1,189 hectares": it replaces the other.
            current.values[_field(key)] = _value_of(key, value)
            if key == "area":
                current.values["area"] = value
            current.qualifiers.pop(_field(key), None)
            current.flag("corrected")
            continue
        if key in repeated:
            continue
        if number.malformed or value is None or (key == "area" and value[0] is None):
            current.values[key] = (None, number.text, value[2]) if key == "area" else None
            if key == "area":
                current.values["area_ha"] = None
            if number.malformed:
                current.flag("malformed_number")
            continue
        if number.ambiguous:
            current.flag("ambiguous_number")
        if key == "area":
            if not _merge_value(current, "area_ha", value[0], qualifier):
                current.values["area_ha"] = None
                current.flag("area_ha_conflict")
            if current.values.get("area_ha") == value[0]:
                current.values["area"] = value
            continue
        if not _merge_value(current, key, value, qualifier):
            current.values[key] = None
            current.flag(f"{key}_conflict")
    current.spans.append((start, end))
    _attach_places(ctx, current, start, end)
    return current


def _field(key: str) -> str:
    return "area_ha" if key == "area" else key


def _value_of(key: str, value: Any) -> Any:
    return value[0] if key == "area" else value


def _loose_restatement(stmt: _Statement, key: str, value: Any, qualifier: str | None) -> bool:
    field_name = "area_ha" if key == "area" else key
    old = stmt.values.get(field_name)
    old_q = stmt.qualifiers.get(field_name)
    if old is None or value is None:
        return False
    return (
        # "over 1,000 hectares" then "1,198.7 hectares"; not "over 955" then "14,448"
        (old_q == "more_than" and qualifier is None and old < value < 1.5 * old)
        or (qualifier == "more_than" and old_q is None and value < old < 1.5 * value)
        or (qualifier is None and _rounds_to(value, old, old_q))
        or (old_q is None and _rounds_to(old, value, qualifier))
        # "1,198 Hectares Cleared" in a headline, "1,198.7 hectares" in the body
        or (
            qualifier is None
            and old_q is None
            and old == int(old) != value
            and old in (int(value), round(value))
        )
    )


def _clearance_record(ctx: _Context, stmt: _Statement, doc: str | None) -> Record:
    record = new_record("clearance", doc)
    _apply_period(record, stmt.period, stmt)
    v = stmt.values
    for key in ("anti_personnel", "anti_tank", "uxo", "mines_total", "items_total", "area_ha"):
        record[key] = v.get(key)
    if "area" in v:
        _value, as_stated, unit = v["area"]
        record["area_as_stated"] = as_stated
        record["area_unit"] = unit
    record["districts"] = [d[0] for d in stmt.districts] + stmt.places
    record["district_codes"] = [d[1] for d in stmt.districts if d[1]]
    record["districts_as_written"] = [d[2] for d in stmt.districts] + stmt.places
    record["district_level"] = "per_district" if stmt.per_district else "whole_territory"
    record["operators"] = stmt.operators
    _check_clearance_totals(record, stmt)
    area = record["area_ha"]
    if area is not None and record["period_precision"] == "week" and area > _WEEK_AREA_LIMIT_HA:
        stmt.flag("area_implausible_for_week")
    record["qualifiers"] = {
        ("area_ha" if k == "area" else k): q for k, q in stmt.qualifiers.items()
    }
    record["flags"] = sorted(stmt.flags)
    record["evidence"] = _evidence(ctx, stmt.spans)
    return record


def _check_clearance_totals(record: Record, stmt: _Statement) -> None:
    ap, at, uxo = record["anti_personnel"], record["anti_tank"], record["uxo"]
    mines, items = record["mines_total"], record["items_total"]
    said = stmt.qualifiers
    if (
        mines is not None
        and items is None
        and None not in (ap, at, uxo)
        and mines == ap + at + uxo
        and uxo > 0
    ):
        # "88,260 mines were defused, including 28,259 anti-personnel mines, 15,303 anti-tank
        # mines and 44,698 unexploded ordnance": the "mines" are all the items
        record["items_total"], record["mines_total"] = mines, None
        if "mines_total" in said:
            said["items_total"] = said.pop("mines_total")
        stmt.flag("items_total_called_mines")
        return
    if (
        mines is not None
        and ap is not None
        and at is not None
        and not _agrees(ap + at, mines, said.get("mines_total"))
    ):
        stmt.flag("mines_total_mismatch")
    if items is not None and uxo is not None:
        parts = (
            mines if mines is not None else (ap + at if ap is not None and at is not None else None)
        )
        if parts is not None and not _agrees(parts + uxo, items, said.get("items_total")):
            stmt.flag("items_total_mismatch")


def _agrees(parts: int, total: int, qualifier: str | None) -> bool:
    """Whether a sum of parts agrees with a total as stated: exactly, or within its bound
    ("over 800 explosive items" and 141 + 64 + 625 = 830 agree)."""
    if qualifier in ("more_than", "at_least"):
        return parts >= total
    if qualifier == "at_most":
        return parts <= total
    if qualifier in ("about", "nearly"):
        return abs(parts - total) <= 0.1 * total
    return parts == total

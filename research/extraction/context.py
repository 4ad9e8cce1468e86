"""One report read sentence by sentence: its sentences, periods, numbers, verbs and
districts (each found once, on demand), and what the readers of clearance, casualties and
maps share: statements, periods of clauses, lists read "respectively", places.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from research.dates import WAR_END, Period, _month_end, find_periods
from research.extraction.vocabulary import (
    _CAS_STEMS,
    _CAS_WORD_RE,
    _DIGIT_RE,
    _GROUP_RE,
    _ITEM_KEYS,
    _ITEM_RE,
    _NAME_SPLIT_RE,
    _NUMERAL_RE,
    _OBJECT_GAP_RE,
    _OPERATOR_RE,
    _OPERATOR_WORDS,
    _OTHER_HARM_RE,
    _PART_WORDS_RE,
    _PLACE_HINT_RE,
    _PLACE_RE,
    _POLICE_WORDS,
    _REPORTED_RE,
    _RESPECTIVELY,
    _TO_HAVE_RE,
    _TOPIC_RE,
    _VERB_RE,
    _VICTIM_HELP_RE,
    _ZERO_WORDS_RE,
    _by_initial,
    _clause_end,
)
from research.gazetteer import find_districts
from research.numbers import Number, find_numbers
from research.records import Record
from research.sentences import join_list_markers, split_sentences, without_furniture
from research.tables import Entry, Table, tables_of_results


def _is_result(ctx: _Context, start: int, end: int, pos: int, pos_end: int | None = None) -> bool:
    """True when the verb governing the figure at `pos` is a result.

    The first verb after the figure within its clause decides ("540.2 hectares were
    cleared"); failing that, the nearest verb before it ("deminers found 53 mines").
    """
    verbs = ctx.verbs_in(start, end)
    before = [v for v in verbs if v[1] <= pos]
    if (
        before
        and _OBJECT_GAP_RE.fullmatch(ctx.lower, before[-1][1], pos)
        and not _is_result_noun(ctx, before[-1])
    ):
        # Active voice: the verb right before the figure governs it ("teams surveyed 3,450
        # hectares and found 141 mines": the hectares were surveyed, not cleared).
        return before[-1][2] and not _planned(ctx, before[-1])
    # The clause runs on after the figure's own text ("12 thous. ha were cleared").
    clause_end = _clause_end(ctx.text, pos if pos_end is None else pos_end, end)
    limit = clause_end[0] if clause_end is not None else end
    for v_start, _v_end, is_result in verbs:
        if pos <= v_start < limit:
            return is_result
    if clause_end is not None and ctx.text.startswith(",", clause_end[0]):
        # An aside between the figure and its verb: "141 mines, which had been laid in the
        # 1990s, were found"; "141 AP mines, but only 3 AT mines, were found".
        closing = ctx.text.find(",", clause_end[1], end)
        if closing > 0:
            after = _clause_end(ctx.text, closing + 1, end)
            resume = after[0] if after is not None else end
            for v_start, _v_end, is_result in verbs:
                if closing < v_start < resume:
                    return is_result
    if not before or not before[-1][2]:
        return False
    if _planned(ctx, before[-1]):
        return False
    if len(before) > 1 and not before[-2][2] and _is_result_noun(ctx, before[-1]):
        # "funds were allocated for the clearance of 5,000 hectares": the noun names the
        # work; the verb before it, in the same clause, says it has not been done.
        between = _clause_end(ctx.text, before[-2][1], before[-1][0] + 1)
        return between is not None and between[0] < before[-1][0]
    return True


def _planned(ctx: _Context, verb: tuple[int, int, bool]) -> bool:
    """A result verb in a plan: "ANAMA intends to have cleared 250,000 hectares by 2026"."""
    return bool(_TO_HAVE_RE.search(ctx.lower, max(0, verb[0] - 12), verb[0]))


def _is_result_noun(ctx: _Context, verb: tuple[int, int, bool]) -> bool:
    word = ctx.lower[verb[0] : verb[1]]
    return word.startswith("clearance") or word.endswith("ation")


@dataclass
class _Statement:
    """Figures being gathered into one record."""

    kind: str
    period: Period | None = None
    values: dict[str, Any] = field(default_factory=dict)
    qualifiers: dict[str, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    districts: list[tuple[str, str, str]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    operators: list[str] = field(default_factory=list)
    per_district: bool = False  # the figures of one district only (a table's row)

    def flag(self, code: str) -> None:
        if code not in self.flags:
            self.flags.append(code)


# before a result verb of what is to be done: "should be cleared", "shall have been found"
_OBLIGED_RE = re.compile(r"\b(?:should|shall)\s+(?:\w+\s+)?(?:be|have\s+been)\s+$")


class _Context:
    """One report's text, read sentence by sentence on demand.

    Numbers, periods and districts are looked for only in the sentences that need them,
    each once (cached by span): most sentences of a report carry no figure.
    """

    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.lower = text.lower()
        self.published = published
        self.sentences = without_furniture(text, join_list_markers(text, split_sentences(text)))
        # Tables of figures are read by position (see _extract_tables), not as sentences.
        self.tables: list[tuple[Table, list[Entry]]] = []
        if "|" in text or "\t" in text:
            self.tables = tables_of_results(text)
            if self.tables:
                self.sentences = _without_blocks(self.sentences, [t for t, _ in self.tables])
        self._numbers: dict[tuple[int, int], list[Number]] = {}
        self._periods: dict[tuple[int, int], list[Period]] = {}
        self._districts: dict[tuple[int, int], list[tuple[Any, int, int]]] = {}
        self._verbs: dict[tuple[int, int], list[tuple[int, int, bool]]] = {}
        self.said: dict[tuple[int, int], list[Period]] = {}  # "the agency said on ..."
        lower = self.lower
        # Digits first: the cheapest test, and it settles most sentences.
        self.relevant = [
            (s, e)
            for s, e in self.sentences
            if (_DIGIT_RE.search(text, s, e) or _NUMERAL_RE.search(lower, s, e))
            and _TOPIC_RE.search(lower, s, e)
        ]
        # Substring tests over the whole text are far cheaper than a regex per sentence,
        # and settle most reports: few name maps, and most name no victim.
        self.names_maps = (
            "map" in lower or "forms of minefield" in lower or "minefield form" in lower
        )
        self.names_victims = any(stem in lower for stem in _CAS_STEMS)
        self.names_none = _ZERO_WORDS_RE.search(lower) is not None
        # Words few reports hold: one test here spares one per sentence.
        self.names_stockpiles = "stockpil" in lower
        self.names_police = any(word in lower for word in _POLICE_WORDS)
        self.names_respectively = _RESPECTIVELY in lower
        self.names_corrections = "correct" in lower or "should" in lower
        self.names_averages = "average" in lower
        self.reference = published
        if published is None:
            stated = [p for s, e in self.relevant for p in self.periods_in(s, e)]
            written = [
                p.end or p.start
                for p in stated + [p for said in self.said.values() for p in said]
                if re.search(r"\d{4}", p.text) and (p.end or p.start)
            ]
            if written:
                # Dates without a year are read against the latest fully written date; the
                # report came out on or after it, so a date a few weeks later is still read
                # in the same year.
                self.reference = max(written) + timedelta(days=90)
                guessed = {
                    span: self._read_periods(*span, self.reference) for span in self._periods
                }
                for span, found in self._periods.items():
                    by_offset = {p.start_offset: p for p in guessed[span]}
                    self._periods[span] = [
                        _with_flag(by_offset[p.start_offset], "year_inferred_from_text")
                        if "year_unknown" in p.flags and p.start_offset in by_offset
                        else p
                        for p in found
                    ]

    def _read_periods(self, start: int, end: int, published: date | None) -> list[Period]:
        found = find_periods(self.text[start:end], published)
        years = {
            p.start.year
            for p in found
            if p.precision == "year"
            and not p.flags
            and p.start
            and _IN_YEAR_RE.fullmatch(p.text)
            and not _BORN_RE.search(
                self.text, max(0, start + p.start_offset - 12), start + p.start_offset
            )
            and not _MADE_RE.search(
                self.text, max(0, start + p.start_offset - 90), start + p.start_offset
            )
        }
        if (
            not years
            and published is not None
            and all(
                "year_inferred" in p.flags and p.precision in ("quarter", "month") for p in found
            )
            and any(p.end is not None and p.end > published for p in found)
            # not "So far in January, another 412.3 ha have been cleared"
            and not _SO_FAR_RE.search(self.lower, start, end)
        ):
            # "In 2023, all operators cleared 53,081.8 ha. In the first quarter, 9,120.4 ha
            # were cleared, ...", published in January 2024: a quarter or month still under
            # way is the year's the sentence before opens with. A period already over keeps
            # the year of publication, and a relative one ("last month") its own.
            years = {y for y in self._year_opening_sentence_before(start) if y < published.year}
        if len(years) == 1 and any("year_inferred" in p.flags for p in found):
            # "In 2023, 9,120.4 hectares were cleared in the first quarter": the quarter is
            # 2023's, whatever the publication date says.
            (year,) = years
            sentence_periods = find_periods(self.text[start:end], date(year, 12, 31))
            again = {p.start_offset: p for p in sentence_periods}
            found = [
                again.get(p.start_offset, p) if "year_inferred" in p.flags else p for p in found
            ]
        if start:
            found = [
                Period(
                    p.start,
                    p.end,
                    p.precision,
                    p.cumulative_since,
                    p.text,
                    p.start_offset + start,
                    p.end_offset + start,
                    p.flags,
                )
                for p in found
            ]
        if _MONTH_LABEL_RE.search(self.text, start, end):
            # "In 2023, ... January – 412 ha, February – 380 ha": the sentence's year
            anchor = date(next(iter(years)), 12, 31) if len(years) == 1 else published
            found = _with_month_labels(self.text, start, end, found, anchor)
        if any(p.precision == "quarter" for p in found):
            found = _with_elliptic_quarters(self.text, start, end, found)
            if _RESPECTIVELY not in self.lower[start:end]:
                found = [self._quarters_together(start, p) for p in found]
        if not found:
            return found
        found = _join_ranges(self.text, found)
        sentence = self.lower[start:end]
        if (
            "born" in sentence
            or "founded" in sentence
            or "establish" in sentence
            or ("set up" in sentence or "created" in sentence)
            or ("manufactur" in sentence or "produced" in sentence or "made " in sentence)
        ):
            found = [
                p
                for p in found
                if not _BORN_RE.search(self.text, max(0, p.start_offset - 12), p.start_offset)
                and not _MADE_RE.search(self.text, max(0, p.start_offset - 90), p.start_offset)
            ]
        if "liberat" in sentence or "occup" in sentence or "freed" in sentence:
            found = [
                p
                for p in found
                if p.precision not in ("day", "month", "year")
                or p.start is None
                or p.start.year > WAR_END.year  # the liberation and the war were in 2020
                or not _WHEN_LIBERATED_RE.search(
                    self.lower, max(start, p.start_offset - 60), p.start_offset
                )
            ]
        if len(found) > 1 and any(p.precision == "cumulative" for p in found):
            found = self._year_after_a_start(found)
        if "by" in sentence:
            # "By 1 March 2024, 123,000 ha had been cleared": a running total's cut-off day
            found = [
                replace(p, flags=(*p.flags, "as_of"))
                if p.precision == "day"
                and "as_of" not in p.flags
                and _BY_RE.search(self.lower[max(start, p.start_offset - 12) : p.start_offset])
                and not _PLAN_BEFORE_RE.search(self.lower, start, p.start_offset)
                else p
                for p in found
            ]
        if "so far" in sentence and published is not None:
            found = [_year_so_far(self.lower, p, published) for p in found]
        if len(found) > 1 and any("period_start_unstated" in p.flags for p in found):
            # "This December, 3,900.2 ha have been cleared so far": the month's, to date
            stated = [p for p in found if "period_start_unstated" not in p.flags]
            found = stated or found
        if ":" in sentence:
            # a page's time stamp ("10 May 2022 10:55 - 22 Jan 2026 03:37") dates no figure
            found = [
                p
                for p in found
                if p.precision != "day" or not _STAMP_AFTER_RE.match(self.text, p.end_offset)
            ]
        if any(p.precision == "cumulative" for p in found):
            found = _close_running_totals(self.text, found, published)
        if "week" in sentence:
            found = _weeks_ending(self.text, found)
        if any(p.precision == "day" for p in found):
            found = self._without_statement_dates(start, end, found)
        if "preceding" in sentence or "prior" in sentence:
            found = self._the_one_before(start, end, found)
        if "same period" in sentence or "corresponding period" in sentence:
            found = self._same_period_a_year_before(start, end, found)
        return found

    def _the_one_before(self, start: int, end: int, found: list[Period]) -> list[Period]:
        """ "The preceding week" (month, year; also "prior") in a sentence right after a stated
        week is the week before it, not the week before publication: "From 3 to 9 June, 812
        ha were cleared. In the preceding week, 640 ha ..." (27 May to 2 June); "In 2023,
        ... In the preceding year, ..." (2022). Only when it opens its sentence: beside
        another period of its sentence ("In April, after a slow preceding month, ...") or
        inside a clause ("land surveyed in the prior month") it dates nothing; after no
        stated period of its unit, it is the one before publication. Not "the previous week": after
        "From 30 September to 6 October, ..." ANAMA's "during the previous week" is the same
        week, the one before publication."""
        out = []
        for p in found:
            m = _THE_ONE_BEFORE_RE.fullmatch(" ".join(p.text.lower().split()))
            if m is None or _is_same_period_last_year(self.lower, start, end, p):
                out.append(p)
                continue
            unit = m["unit"]
            if len(found) > 1:
                # beside another period it dates nothing ("In April, after a slow preceding
                # month, ..."), but a figure compared with it ("against 70 in the preceding
                # week"), which is left out as such
                if _COMPARED_BEFORE_RE.search(
                    self.lower, max(start, p.start_offset - 40), p.start_offset
                ):
                    out.append(p)
                continue
            opens = not self.text[start : p.start_offset].strip(" \t\n\"'‘’“”")
            compared = _THAN_BEFORE_RE.search(
                self.lower, max(start, p.start_offset - 30), p.start_offset
            )
            if not opens and not compared:
                # inside a clause it may date a survey or a mine's laying: "land surveyed
                # in the prior month"
                continue
            base = _period_stated_before(self, start)
            if compared and (base is None or base.precision != unit):
                continue  # "Unlike in the prior year, ...": before what, the text does not say
            if base is None or base.precision != unit or base.start is None or base.end is None:
                out.append(p)  # "In the preceding year, ...": the one before publication
                continue
            first, last = _one_before(base, unit)
            flags = tuple(f for f in base.flags if f == "year_inferred")
            out.append(replace(p, start=first, end=last, precision=unit, flags=flags))
        return out

    def _same_period_a_year_before(self, start: int, end: int, found: list[Period]) -> list[Period]:
        """ "The same period last year" is the period it is compared with, a year earlier,
        not the whole of last year: "From 7 to 13 October, 1,198.7 ha were cleared, while
        1,010.2 ha were cleared in the same period last year" (7-13 October of the year
        before). That period is the sentence's other one, else the one stated shortly
        before; a year to date ("so far this year") compares with the same days of the year
        before. Compared with a day, a running total over years, or nothing, the period
        stays undated (`period_unknown`): a figure of its own, not the year's."""
        same = {  # id of each such period: which year its same period is
            id(p): year
            for p in found
            if (year := _same_periods_year(self.lower, start, end, p)) is not None
        }
        if not same:
            return found
        others = [p for p in found if id(p) not in same and _can_compare(p)]
        out = []
        restated: dict[int, Period] = {}  # a period set off after it, with the year it lacked
        for p in found:
            if id(p) not in same:
                out.append(restated.get(id(p), p))
                continue
            before = [o for o in others if o.start_offset < p.start_offset]
            after = [o for o in others if o.start_offset > p.start_offset]
            near = before or after
            # not a year that holds another: "this year between 1 and 31 May"
            near = [
                o
                for o in near
                if o.precision not in ("year", "cumulative")
                or not any(q is not o and _within(q, o) for q in near)
            ]
            base = (near[-1] if before else near[0]) if near else None
            if base is None and not any(o is not p and id(o) not in same for o in found):
                stated = _period_stated_before(self, start)
                base = stated if stated is not None and _can_compare(stated) else None
            if base is None or base.start is None or base.end is None:
                out.append(
                    replace(p, start=None, end=None, precision="other", flags=("period_unknown",))
                )
                continue
            how, n = same[id(p)]
            years = n if how == "back" else base.start.year - n  # "of 2022": back to 2022
            if (
                not before
                and near
                and base is near[0]
                and not _COMPARED_TO_SAME_RE.search(self.lower, start, p.start_offset)
                and (base.start.year == p.start.year or "year_inferred" in base.flags)
                and (
                    _APPOSITION_RE.fullmatch(self.lower, p.end_offset, base.start_offset)
                    # "... 1,870 ha were cleared (in May 2023)"
                    or (
                        base.precision != "year"
                        and _BRACKETED_RE.search(self.lower, start, base.start_offset)
                    )
                )
            ):
                # "In the same period last year – January to May 2023 – ...": said; "of 2023
                # – January through May –": that year's January to May
                years = base.start.year - p.start.year
                if years:
                    restated[id(base)] = replace(
                        base,
                        start=_years_before(base.start, years),
                        end=_years_before(base.end, years),
                        flags=tuple(f for f in base.flags if f != "year_inferred"),
                    )
            out.append(
                replace(
                    p,
                    start=_years_before(base.start, years),
                    end=_years_before(base.end, years),
                    precision=base.precision,
                    cumulative_since=base.cumulative_since and _years_before(base.start, years),
                    flags=tuple(f for f in base.flags if f in ("year_inferred", "year_to_date")),
                )
            )
        return out

    def _year_after_a_start(self, found: list[Period]) -> list[Period]:
        """ "In 2020, after the signing of the tripartite statement, 268 people ...": the
        rest of the year from that start, read literally (not the whole year, nor a running
        total up to publication)."""
        out: list[Period] = []
        skip = False
        for i, p in enumerate(found):
            if skip:
                skip = False
                continue
            after = found[i + 1] if i + 1 < len(found) else None
            if (
                after is not None
                and p.precision == "year"
                and after.precision == "cumulative"
                and after.start is not None
                and p.start is not None
                and p.end is not None
                and after.start.year == p.start.year
                and not self.text[p.end_offset : after.start_offset].strip(" ,")
            ):
                out.append(
                    replace(
                        p,
                        start=after.start,
                        precision="other",
                        text=self.text[p.start_offset : after.end_offset],
                        end_offset=after.end_offset,
                    )
                )
                skip = True
                continue
            out.append(p)
        return out

    def _quarters_together(self, start: int, last: Period) -> Period:
        """ "The first and second quarters of 2024" with one figure: January to June."""
        if last.precision != "quarter" or not (quarters := _quarters_before(self, start, last)):
            return last
        first = quarters[0]
        text = self.text[first.start_offset : last.end_offset]
        return replace(
            last, start=first.start, precision="other", text=text, start_offset=first.start_offset
        )

    def _year_opening_sentence_before(self, start: int) -> set[int]:
        """The year ("In 2023, ...") that opens the sentence right before the one at `start`,
        when it names no other year and states results or victims ("In 2021, ANAMA began
        work in Aghdam" is no year of figures); else none."""
        index = bisect_left(self.sentences, (start, start))
        if index < 1 or self.text[self.sentences[index - 1][1] : start].count("\n") > 1:
            return set()
        s, e = self.sentences[index - 1]
        m = _YEAR_OPENING_RE.match(self.text, s, e)
        if m is None or len(_YEARS_RE.findall(self.text, s, e)) > 1:
            return set()
        lower = self.lower
        states_figures = (
            # a figure besides the year, of mine action: not "In 2023, police found 12 weapons
            # caches", "we cleared more land than ever"
            any(not _YEARS_RE.fullmatch(n.text) for n in self.all_numbers_in(s, e))
            and _TOPIC_RE.search(lower, s, e)
            and (
                any(is_result for _, _, is_result in self.verbs_in(s, e))
                or _CAS_WORD_RE.search(lower, s, e)
            )
            # not of other harm or of help: "3 people were killed in road accidents", "8 mine
            # victims received prostheses"
            and not _OTHER_HARM_RE.search(lower, s, e)
            and not _VICTIM_HELP_RE.search(lower, s, e)
        )
        return {int(m["year"])} if states_figures else set()

    def _without_statement_dates(self, start: int, end: int, found: list[Period]) -> list[Period]:
        """Drop the days on which words were said ("..., the agency said on December 11";
        "On 14 October, ANAMA said ..."): not when the figures were counted. They still
        date the report and claims about maps (`said_in`), end a running total given that
        day, and anchor "the previous week" in their sentence."""
        said = [
            p
            for p in found
            if p.precision == "day"
            and (
                # a dateline: the day of publication beside "the past week"
                (
                    p.start == self.published
                    and any("period_inferred" in q.flags for q in found if q is not p)
                )
                or (
                    _SAID_BEFORE_RE.search(
                        self.lower, max(start, p.start_offset - 30), p.start_offset
                    )
                    and "as_of" not in p.flags  # "said that by March 1, ... had been cleared"
                )
                or _STATEMENT_AFTER_RE.match(self.lower, p.end_offset, end)
                or (
                    _SAID_AFTER_RE.match(self.lower, p.end_offset, end)
                    and _OPENING_RE.fullmatch(self.lower, start, p.start_offset)
                )
            )
        ]
        if not said:
            return found
        self.said[(start, end)] = said
        if all(p in said for p in found) and not _A_TOTAL_RE.search(self.lower, start, end):
            # "Azernews reports that on 5 June two civilians were injured": with nothing else
            # to date the figures, a day told after "that" is the news's own (not a running
            # total's: "said that on 5 June a total of 150,000 ha had been cleared")
            said = [
                p
                for p in said
                if not _THAT_BEFORE_RE.search(
                    self.lower, max(start, p.start_offset - 12), p.start_offset
                )
            ]
            if not said:
                return found
        anchor = said[-1].start
        found = [
            # "On 10 October, the chairman said 33,081 mines had been found since 2020"
            replace(p, end=anchor)
            if p.precision == "cumulative"
            and p.end == self.published
            and anchor is not None
            and p.start is not None
            and p.start <= anchor < p.end
            else p
            for p in found
            if p not in said
        ]
        if anchor is not None and any("period_inferred" in p.flags for p in found):
            # "Earlier, on October 7, ANAMA reported ... in the previous week"
            again = {p.start_offset + start: p for p in find_periods(self.text[start:end], anchor)}
            found = [
                replace(again[p.start_offset], start_offset=p.start_offset, end_offset=p.end_offset)
                if "period_inferred" in p.flags and p.start_offset in again
                else p
                for p in found
            ]
        return found

    def said_in(self, start: int, end: int) -> list[Period]:
        """The days of statements in one sentence (see `_without_statement_dates`)."""
        self.periods_in(start, end)
        return self.said.get((start, end), [])

    def periods_in(self, start: int, end: int) -> list[Period]:
        key = (start, end)
        if key not in self._periods:
            self._periods[key] = self._read_periods(start, end, self.reference)
        return self._periods[key]

    def all_numbers_in(self, start: int, end: int) -> list[Number]:
        """Every number of one sentence, dates' numbers included."""
        key = (start, end)
        if key not in self._numbers:
            found = find_numbers(self.text[start:end], offset=start)
            lower = self.lower
            if found and (
                lower.find(" an anti", start, end) >= 0 or lower.find(" a single", start, end) >= 0
            ):
                found = self._with_single_items(start, end, found)
            self._numbers[key] = found
        return self._numbers[key]

    def _with_single_items(self, start: int, end: int, found: list[Number]) -> list[Number]:
        """Add a 1 for "an anti-tank mine" in a list of counted items ("14 anti-personnel
        mines, an anti-tank mine and 112 UXO"): the article is the count there. Alone
        ("an anti-tank mine was found on the road") it stays a news item, not a count."""
        ones = []
        for m in _SINGLE_ITEM_RE.finditer(self.lower, start, end):
            listed_after = _LIST_BEFORE_RE.search(self.lower, max(start, m.start() - 6), m.start())
            listed_before = _NUMBER_NEXT_RE.match(self.lower, m.end())
            item = _ITEM_RE.match(self.text, m.end())
            counted = item is not None and any(
                (other := _ITEM_RE.match(self.text, n.end)) is not None
                and other.lastgroup == item.lastgroup
                for n in found
            )
            if counted or _GOES_OFF_RE.match(
                self.lower, m.end() + len(item[0]) if item else m.end()
            ):
                continue
            if (listed_after and any(n.end <= m.start() for n in found)) or listed_before:
                ones.append(
                    Number(
                        1.0,
                        self.text[m.start() : m.start("article")],
                        m.start(),
                        m.start("article"),
                        False,
                        False,
                    )
                )
        return sorted([*found, *ones], key=lambda n: n.start) if ones else found

    def numbers_in(self, start: int, end: int) -> list[Number]:
        """Numbers of one sentence, less those that are part of a date."""
        masked = [(p.start_offset, p.end_offset) for p in self.periods_in(start, end)]
        return [
            n
            for n in self.all_numbers_in(start, end)
            if not any(s <= n.start < e for s, e in masked)
        ]

    def verbs_in(self, start: int, end: int) -> list[tuple[int, int, bool]]:
        """Result and non-result verbs of one sentence: (start, end, is_result)."""
        key = (start, end)
        if key not in self._verbs:
            verbs: list[tuple[int, int, bool]] = []
            for m in _VERB_RE.finditer(self.lower, start, end):
                if m[0] == "may" and self.text[m.start()] == "M":
                    continue
                is_result = m.lastgroup == "result"
                if is_result and _OBLIGED_RE.search(
                    self.lower, max(start, m.start() - 24), m.start()
                ):
                    is_result = False  # "60,000 ha should be cleared": a plan
                if is_result and m[0].endswith("ing"):
                    # "reported finding 625 UXO"; "cleared 12.4 km², destroying 1,120
                    # mines"; not "plan on finding", "denied finding"
                    is_result = bool(
                        _REPORTED_RE.search(self.lower, max(start, m.start() - 24), m.start())
                        or (
                            verbs
                            and verbs[-1][2]
                            and (
                                self.lower[max(start, m.start() - 2) : m.start()] == ", "
                                # "..., detecting and neutralizing 6,092 mines"
                                or (
                                    self.lower.endswith("ing", verbs[-1][0], verbs[-1][1])
                                    and self.lower[verbs[-1][1] : m.start()] == " and "
                                )
                            )
                        )
                    )
                verbs.append((m.start(), m.end(), is_result))
            self._verbs[key] = verbs
        return self._verbs[key]

    def districts_in(self, start: int, end: int) -> list[tuple[Any, int, int]]:
        key = (start, end)
        if key not in self._districts:
            self._districts[key] = [
                (d, a + start, b + start) for d, a, b in find_districts(self.text[start:end])
            ]
        return self._districts[key]


# "From November 10, 2020, when the war ended, to October 15, 2021": two dates, one range.
# A weekday may stand before either date: "From Monday, October 7, to Sunday, October 13".
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"


_RANGE_OPEN_RE = re.compile(rf"\b(?:from|between)\s*{_WEEKDAY}$", re.I)


_RANGE_WORD_RE = re.compile(r"(?:from|between)\b", re.I)


_RANGE_GAP_RE = re.compile(
    rf"^,?\s*(?:[^.;\d]{{0,60}}?,\s*)?(?:to|until|till|through|and)\s+{_WEEKDAY}$", re.I
)


def _join_ranges(text: str, periods: list[Period]) -> list[Period]:
    """Join "from <date>, <aside>, to <date>" that the date reader returns as two days."""
    out: list[Period] = []
    i = 0
    while i < len(periods):
        a = periods[i]
        b = periods[i + 1] if i + 1 < len(periods) else None
        if (
            b is not None
            and b.precision == "day"
            and a.end in (None, a.start)
            and a.start
            and b.end
            and a.start < b.end
            and (
                _RANGE_OPEN_RE.search(text, max(0, a.start_offset - 24), a.start_offset)
                or _RANGE_WORD_RE.match(a.text)
            )
            and _RANGE_GAP_RE.match(text[a.end_offset : b.start_offset])
        ):
            since = a.start if a.start == WAR_END else None
            days = (b.end - a.start).days + 1
            precision = "cumulative" if since else "week" if days in (6, 7) else "other"
            out.append(
                Period(
                    a.start,
                    b.end,
                    precision,
                    since,
                    text[a.start_offset : b.end_offset],
                    a.start_offset,
                    b.end_offset,
                    tuple(dict.fromkeys(a.flags + b.flags)),
                )
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_TO_RE = re.compile(r"\s*(?:to|till|until|through|[-–—])\s*", re.I)
_CUT_OFF_RE = re.compile(r"\b(?:up\s+to|until|till|through|by)\s*$|[])]\s*to\s*$", re.I)


# a time ending the line after a date: a page's stamp ("23 May 2022 11:44", "- 03:37 -")
_STAMP_AFTER_RE = re.compile(
    r",?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AP]M|\(UTC[^)\n]*\)))?[ \t]*"
    r"(?:$|\n|[-–|][ \t]+\d{1,2}\s+[A-Z][a-z]{2})",
    re.M,
)
_SO_FAR_IN_RE = re.compile(r"\bso\s+far\s+(?:in\s+|this\s+)?$")


def _year_so_far(lower: str, period: Period, published: date) -> Period:
    """ "So far in 2024", published in August 2024: 1 January to publication."""
    if (
        period.precision != "year"
        or period.start is None
        or period.start.year != published.year
        or not _SO_FAR_IN_RE.search(lower, max(0, period.start_offset - 16), period.start_offset)
    ):
        return period
    return replace(
        period,
        end=published,
        precision="cumulative",
        cumulative_since=period.start,
        flags=(*period.flags, "year_to_date"),
    )


def _close_running_totals(text: str, periods: list[Period], published: date | None) -> list[Period]:
    """End a running total ("since 10 November 2020", read up to publication) on the cut-off
    date the sentence states: "as of July 31, 2024", "and up to July 31, 2024"."""
    cut_offs = [
        p
        for p in periods
        if p.precision == "day"
        and p.end is not None
        and (
            "as_of" in p.flags
            or _CUT_OFF_RE.search(text, max(0, p.start_offset - 12), p.start_offset)
            # "From November 2020 to June 2, 2025": the day right after the running total
            or any(
                q.precision == "cumulative" and _TO_RE.fullmatch(text, q.end_offset, p.start_offset)
                for q in periods
            )
        )
    ]
    if not cut_offs or published is None:
        return periods
    out = []
    for p in periods:
        if p.precision == "cumulative" and p.end == published and p.start is not None:
            cut = next((d.end for d in cut_offs if p.start < d.end < published), None)
            if cut is not None:
                p = replace(p, end=cut)
        out.append(p)
    return out


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


# A month as a list label: "January: 1,204.5 ha cleared; February: ...", "- July: 412 AP".
_NO_WORD_BEFORE = r"(?<![\w-].)"  # after a month's capital: no letter or hyphen before it


_MONTH_LABEL_RE = re.compile(
    # The look-behind comes after the capital, so that re can skip to capitals in C.
    rf"(?P<label>(?:{_by_initial(_MONTHS, _NO_WORD_BEFORE)})(?:\s+(?:19|20)\d\d)?)"
    r"\s*(?::|[-–—](?!\s*\d{1,2}\s+(?:" + _MONTHS + r")))",
)


def _with_month_labels(
    text: str, start: int, end: int, found: list[Period], published: date | None
) -> list[Period]:
    """Add the months that label list items, read as "in <month>" would be."""
    added = []
    for m in _MONTH_LABEL_RE.finditer(text, start, end):
        at = m.start("label")
        if any(p.start_offset <= at < p.end_offset for p in found):
            continue  # the month of a period read already: "in January-May 2023"
        for p in find_periods("in " + m["label"], published):
            added.append(replace(p, text=m["label"], start_offset=at, end_offset=m.end("label")))
    return sorted(found + added, key=lambda p: p.start_offset) if added else found


# "In the first quarter 11,204.1 ha were cleared, in the second 15,880.6 ha, ..."
_ELLIPTIC_QUARTER_RE = re.compile(
    r"\b(?:[iI]n|[fF]or|[dD]uring)\s+the\s+(?P<q>first|second|third|fourth)\b"
    # only an ordinal with nothing after it but a figure or the end of its clause
    r"(?=\s*[,:–—-]?\s*\d|\s*[.;,)]|\s*$)"
)


# The last ordinal before an elliptic one and what it counted: "in the first week of April"
_ORDINAL_UNIT_RE = re.compile(
    r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\b(?:\s+([a-z]+))?", re.I
)


def _with_elliptic_quarters(text: str, start: int, end: int, found: list[Period]) -> list[Period]:
    """Add the quarters written without the word after one written in full in the sentence
    ("in the first quarter ..., in the second ..."), of that quarter's year and flags."""
    added = []
    known = {p.start_offset for p in found}
    for m in _ELLIPTIC_QUARTER_RE.finditer(text, start, end):
        before = [p for p in found if p.precision == "quarter" and p.end_offset <= m.start()]
        if not before or before[-1].start is None or m.start() in known:
            continue
        units = [u[1] for u in _ORDINAL_UNIT_RE.finditer(text, before[-1].start_offset, m.start())]
        if units and units[-1] and units[-1].lower() not in ("quarter", "quarters"):
            continue  # "in the first week of April 310.2 ha, in the second 290.4 ha"
        q = _QUARTER_NUMBER[m["q"]]
        if q <= (before[-1].start.month + 2) // 3:
            # "in the third quarter ... in two phases: in the first, ..., in the second, ...":
            # the ordinals count something else, none of them is a quarter
            return found
        added.append(_quarter(before[-1].start.year, q, m[0], m.start(), before[-1].flags))
    return sorted(found + added, key=lambda p: p.start_offset) if added else found


_SPEECH_VERBS = (
    "said|says|told|stated|states|reported|reports|announced|announces|informed|noted|"
    "declared|confirmed|explained|puts?\\s+the\\s+(?:number|toll|total)"  # "... put the number at"
)


_SAID_BEFORE_RE = re.compile(
    rf"\b(?:(?:{_SPEECH_VERBS}|added)\b(?:\s+[\w.-]+){{0,2}}?"
    r"|(?:statement|report|release|briefing|announcement)\s+(?:of|from)"
    r"|dated|(?:released|issued|published|made)(?:\s+on)?)\s+(?:on\s+)?$"
)


# Words that compare one figure or period with another
_COMPARING = (
    r"(?:compared\s+(?:with|to)|as\s+against|against|versus|vs|up\s+from|down\s+from|than"
    r"|unlike|as\s+in)"
)
# "Compared with the same period last year, in May ...": the period after is this year's
_COMPARED_TO_SAME_RE = re.compile(
    rf"\b{_COMPARING}\s+(?:(?:in|during)\s+)?(?:the\s+)?(?:same|corresponding)\s+period\b"
    r"[^.;]*$"
)
_APPOSITION_RE = re.compile(
    r"\s*[–—(:,-]\s*(?:from\s+|in\s+|during\s+|for\s+|i\.e\.\s+|namely\s+)?"
)
_BRACKETED_RE = re.compile(r"\(\s*(?:in\s+|during\s+|for\s+)?$")
_THAT_BEFORE_RE = re.compile(r"\bthat\s+(?:on\s+)?$")
_A_TOTAL_RE = re.compile(
    r"\b(?:total|in\s+all|altogether|overall|cumulative\w*|so\s+far|to\s+date|reached"
    r"|exceeded|risen|rose|climbed|grown|stood|stands|passed|surpassed|hit|tally|toll|numbered"
    r"|now|figures|latest)\b"
)


# "ANAMA's 7 October statement"
_STATEMENT_AFTER_RE = re.compile(
    r"\s+(?:statement|report|press\s+release|briefing|announcement|interview)\b"
)


_OPENING_RE = re.compile(r"\W*(?:[a-z]+,?\s+)?(?:on\s+)?")  # "On ", "Earlier, on "


# "On 14 October, ANAMA said ...", "On 14.10.2024 the agency reported that ..."
_SAID_AFTER_RE = re.compile(rf",?\s+(?:[\w.'’-]+\s+){{0,3}}?(?:{_SPEECH_VERBS})\b")


# A period still under way, told as such: no year of the sentence before is carried into it
_SO_FAR_RE = re.compile(
    r"\b(?:so\s+far|already|to\s+date|alone|yet|ha(?:ve|s)\s+(?:been|[a-z]+ed|found)"
    r"|a\s+year\s+(?:earlier|ago|before)|last\s+year"
    # "in the first two weeks", "over the first 14 days": a part of the period so far
    r"|first\s+(?:(?:two|three|four|ten|\d+)\s+)?(?:weeks?|days|decade))\b"
)


_YEAR_OPENING_RE = re.compile(
    r"\W*(?:In|During)\s+(?:the\s+(?:year|course\s+of)\s+)?(?P<year>(?:19|20)\d\d)\b(?![-–/])"
)


_YEARS_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


# "By 1 March 2024, ...", "said that by March 1, ...": "by" opening a clause, not "sent
# there by 1 June", "should be cleared by 31 December"
_BY_RE = re.compile(r"(?:^|[,;:(]\s*|\bthat\s+|\n\s*)by\s+$")
_PLAN_BEFORE_RE = re.compile(
    r"\b(?:should|must|will|shall|would|plans?|planned|aims?|intends?|expected|target\w*|"
    r"is\s+to|are\s+to|to\s+be)\b"
)


_IN_YEAR_RE = re.compile(r"(?i:in|during|for)\s+(?:the\s+(?:year|course\s+of)\s+)?(?:19|20)\d\d")


# a birth date or a founding year is no period: "born in 1999", "ANAMA, founded in 1998"
_BORN_RE = re.compile(r"\b(?:born|founded|established|set\s+up|created)\s+(?:in\s+|on\s+)?$", re.I)
# nor the year mines were made: "90 PMN mines, made in Armenia in 2021, were found"
_MADE_RE = re.compile(
    r"(?:\b(?:mines?|munitions?|ordnance|explosives?|devices|E-\d+\w*)\b[^.;]{0,50}?"
    r"\b(?:made|produced)|\bmanufactured)"
    r"\s+(?:(?:in|by)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:in\s+)?$",
    re.I,
)


# "an anti-tank mine", "a single anti-personnel mine": one item
_SINGLE_ITEM_RE = re.compile(
    r"\ban?(?:\s+single)?(?P<article>)\s+(?=(?:anti-?\s?(?:tank|personnel)|antitank|"
    r"antipersonnel)\s+(?:land)?mine\b(?!s))"
)
# "an anti-tank mine exploded under their vehicle": an incident, not a find
_GOES_OFF_RE = re.compile(
    r"[\w\s-]{0,40}?\b(?:exploded|detonated|went\s+off|blew\s+up|killed|injured|wounded|hit)\b"
)
_LIST_BEFORE_RE = re.compile(r"(?:,|;|:|\band)\s*$")
_NUMBER_NEXT_RE = re.compile(r"[^,;.]{0,40}?(?:,|\band\b)\s+(?:\d|one\b|two\b|three\b)")


# The date of the liberation, not of the figures: "territories liberated from occupation in
# November 2020", "freed during the 44-day war in 2020"
_WHEN_LIBERATED_RE = re.compile(
    r"(?:\b(?:liberated|freed)\s+(?:from|during|in\s+the|after)\b[^,;.:]{0,50}?"
    r"|\bliberation\s+of\b[^,;.:]{0,50}?"
    r"|\boccupation\s+)"
    r"(?:(?:in|of|during)\s+(?:the\s+)?)?$"
)


_WEEK_ENDING_RE = re.compile(r"\bweek\s+(?:ending|ended|to|through)\s+(?:on\s+)?$", re.I)


_WEEK_OF_RE = re.compile(
    r"\bweeks?\s+(?:of|starting|beginning|commencing)\s+(?:on\s+)?(?:the\s+)?$", re.I
)


def _weeks_ending(text: str, periods: list[Period]) -> list[Period]:
    """ "The week ending 13 October" is the seven days up to that day, not the day; "the
    week of 7 October" the seven days from it."""
    out: list[Period] = []
    for p in periods:
        if p.precision == "day" and p.end is not None and p.start is not None:
            listed = bool(out) and out[-1].precision == "week"
            listed = listed and bool(
                _LIST_GAP_RE.fullmatch(text, out[-1].end_offset, p.start_offset)
            )
            if _WEEK_ENDING_RE.search(text, max(0, p.start_offset - 24), p.start_offset):
                p = replace(p, start=p.end - timedelta(days=6), precision="week")
            elif listed or _WEEK_OF_RE.search(text, max(0, p.start_offset - 24), p.start_offset):
                # "the weeks of 30 September and 7 October"
                p = replace(p, end=p.start + timedelta(days=6), precision="week")
        out.append(p)
    return out


def _with_flag(period: Period, flag: str) -> Period:
    return replace(period, flags=(*period.flags, flag))


def _choose_period(periods: list[Period]) -> Period | None:
    """Prefer a stated range over a relative phrase ("past week") or a single day, and a
    period over the calendar year that merely contains it ("In 2024, from 7 to 13 October")."""
    if not periods:
        return None
    ranked = sorted(
        periods,
        key=lambda p: (
            "period_inferred" in p.flags,
            p.precision == "day",
            p.precision == "year" and any(_within(q, p) for q in periods if q is not p),
            p.start_offset,
        ),
    )
    return ranked[0]


def _within(inner: Period, outer: Period) -> bool:
    """True when `inner` is a stated period (not a day) lying inside `outer`."""
    return (
        inner.precision not in ("day", "year")
        and "period_inferred" not in inner.flags
        and None not in (inner.start, inner.end, outer.start, outer.end)
        and outer.start <= inner.start
        and inner.end <= outer.end
    )


def _same_period(a: Period | None, b: Period | None) -> bool:
    if a is None or b is None:
        return True
    if None in (a.start, a.end, b.start, b.end) and (a.start, a.end) == (b.start, b.end):
        # days unknown (no publication date): "May" and "to date" are not the same; two
        # weeks ("From October 7 to 13 ... during the reporting week") may be
        return a.precision == b.precision == "week" or (a.precision, a.text.lower()) == (
            b.precision,
            b.text.lower(),
        )
    return (
        (a.start, a.end) == (b.start, b.end)
        or _same_week(a, b)
        or _same_week(b, a)
        or _same_running_total(a, b)
        or _same_running_total(b, a)
    )


def _same_running_total(unstated: Period, total: Period) -> bool:
    """True when a total "to date" or "so far" goes on with a running total since the war
    just given: "Since November 2020, 111,207 ha were cleared; 109,552 mines were defused so
    far"; not "Since 17 October 2021, the new team cleared 921.4 ha. To date, ..."."""
    return (
        "period_start_unstated" in unstated.flags
        and total.precision == "cumulative"
        and "period_start_unstated" not in total.flags
        and "year_to_date" not in total.flags  # "throughout the current year ... To date"
        and total.start is not None
        and total.start <= WAR_END
    )


def _same_week(inferred: Period, stated: Period) -> bool:
    """True when "last week", read as Monday to Sunday before publication, is the week a
    report states with its days ("from June 7 through June 12 ... Last week, 11.6 ha")."""
    return (
        "period_inferred" in inferred.flags
        and "period_inferred" not in stated.flags
        and inferred.precision == stated.precision == "week"
        and None not in (inferred.start, inferred.end, stated.start, stated.end)
        and (inferred.start == stated.start or inferred.end == stated.end)
    )


_BOUND_SPREAD = 2  # a bound under half the exact figure is no fair "more than"


def _merge_value(stmt: _Statement, key: str, value: Any, qualifier: str | None) -> bool:
    """Put one figure into a statement; False when the field already holds another figure."""
    if key not in stmt.values:
        stmt.values[key] = value
        if qualifier:
            stmt.qualifiers[key] = qualifier
        return True
    old = stmt.values[key]
    old_q = stmt.qualifiers.get(key)
    if old == value:
        return True
    if old is None or value is None:
        return False
    # An exact figure and a lower bound it meets ("more than 600 UXO" in a headline, 625 in
    # the text): the exact one stands. Flagged only when the bound is far off the figure
    # ("more than 18 ha" against 18,302 ha: a dropped "thousand").
    if old_q == "more_than" and qualifier is None and value > old:
        stmt.values[key] = value
        stmt.qualifiers.pop(key, None)
        if value > old * _BOUND_SPREAD:
            stmt.flag(f"{key}_stated_inconsistently")
        return True
    if qualifier == "more_than" and old_q is None and old > value:
        if old > value * _BOUND_SPREAD:
            stmt.flag(f"{key}_stated_inconsistently")
        return True
    # A rounded figure and the exact one ("nearly 1,200 ha" in a headline, 1,198.7 in the
    # text): the exact one stands, whichever comes first.
    if qualifier is None and _rounds_to(value, old, old_q):
        stmt.values[key] = value
        stmt.qualifiers.pop(key, None)
        return True
    if key == "area_ha" and old_q is None and qualifier is None and _whole_of(value, old):
        # "November 2024: 1,480 hectares cleared" over "... cleared 1,480.2 hectares": the
        # headline's whole hectares and the exact area, which stands
        stmt.values[key] = value if value != int(value) else old
        return True
    return old_q is None and _rounds_to(old, value, qualifier)


def _whole_of(a: float, b: float) -> bool:
    """One figure a whole number, the other with decimals, less than one apart."""
    return (a == int(a)) != (b == int(b)) and abs(a - b) < 1


def _rounds_to(exact: float, rounded: float, qualifier: str | None) -> bool:
    """True when `rounded`, written "about"/"nearly" N, is `exact` to N's last digit."""
    if qualifier not in ("about", "nearly") or rounded <= 0 or rounded != int(rounded):
        return False
    step = 1
    while rounded % (step * 10) == 0:
        step *= 10
    if qualifier == "nearly":
        return 0 <= rounded - exact < step
    return abs(rounded - exact) <= (step / 2 if step >= 10 else step)


def _holds_any(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """True when text[start:end] holds one of `words`: a cheap test that spares a pattern
    search wherever every match of the pattern holds one of them."""
    for word in words:  # noqa: SIM110 (a loop: any() over a generator costs more)
        if text.find(word, start, end) >= 0:
            return True
    return False


_ELLIPSIS_RE = re.compile(r"(?:,|\band)\s+$")


def _is_period_then_figure(ctx: _Context, period: Period, n: Number) -> bool:
    """ ", in 2024 – 41": a period opening its own clause, then only a bare figure."""
    return bool(
        period.end_offset <= n.start
        and _PERIOD_GAP_RE.fullmatch(ctx.text, period.end_offset, n.start)
        and _ELLIPSIS_RE.search(ctx.text, max(0, period.start_offset - 6), period.start_offset)
    )


# Nothing after a bare number but the end of its clause, or its period: "in 2024 – 62,023.9."
_BARE_END_RE = re.compile(r"\s*(?:[.;,)]|$|(?:in|during|for)\s)")


def _count_period(
    ctx: _Context, start: int, end: int, n: Number, candidates: list[Period]
) -> Period | None:
    """The period written right next to a count, else the last one before it in its part
    of the sentence (parts end at ";")."""
    noun = _GROUP_RE.match(ctx.text, n.end)
    adjacent = _adjacent_period(ctx, start, end, n.start, noun.end() if noun else n.end)
    if adjacent is not None and adjacent in candidates:
        return adjacent
    lo = max(start, ctx.text.rfind(";", start, n.start) + 1)
    before = [p for p in candidates if lo <= p.start_offset and p.end_offset <= n.start]
    return before[-1] if before else None


_PERIOD_GAP_RE = re.compile(r"\s*[,:–—-]?\s*")


def _adjacent_period(ctx: _Context, start: int, end: int, a: int, b: int) -> Period | None:
    """The period written right before the span a:b ("in 2024 – 62,023.9") or right after
    it ("11 in 2024"), if any."""
    for p in ctx.periods_in(start, end):
        if p.start is None:
            continue
        if p.end_offset <= a and _PERIOD_GAP_RE.fullmatch(ctx.text, p.end_offset, a):
            return p
        if p.start_offset >= b and not ctx.text[b : p.start_offset].strip():
            return p
    return None


_LIST_END_RE = re.compile(
    r"\s*(?:,\s*)?(?:respectivel|[.;)]|$|and\b|were\b|was\b)"
)  # "respectively", and the misspelt "respectivelly"


_LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", re.I)


# The noun an item type shares or repeats: "anti-personnel and anti-tank mines".
_ITEM_NOUN_RE = re.compile(
    r"(?:[\s\-]+(?:land)?mines?\b|\s+(?:explosive\s+)?ordnances?\b|\s*\(\s*UXOs?\s*\))*", re.I
)


_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(_MONTHS.split("|"), 1)}


_NEXT_PERIOD_RE = re.compile(
    rf"{_LIST_GAP_RE.pattern}(?:in\s+)?(?:(?P<month>{_MONTHS})(?:\s+(?P<month_year>(?:19|20)\d\d))?"
    r"|(?P<year>(?:19|20)\d\d)|(?P<week>[1-9]|[1-4]\d|5[0-3]))\b(?![.,]\d)",
    re.I,
)


_WEEK_NUMBER_RE = re.compile(r"(?i:.*\bweeks?\s+\D*)\d+(?:\s+of\s+(?:19|20)\d\d)?")


def _period_list(ctx: _Context, start: int, end: int) -> list[Period]:
    """Months or years written as a list: "in September and October", "in 2021, 2022 and
    2023". The date reader returns the first only; the others take its year (a month
    earlier than the one before it is the next year's)."""
    for p in ctx.periods_in(start, end):
        if p.precision == "quarter" and p.start is not None:
            quarters = _quarters_before(ctx, start, p)
            if quarters:
                return [*quarters, p]
        weeks = p.precision == "week" and _WEEK_NUMBER_RE.fullmatch(p.text) is not None
        if (p.precision not in ("month", "year") and not weeks) or p.start is None:
            continue
        items = [p]
        while m := _NEXT_PERIOD_RE.match(ctx.text, items[-1].end_offset, end):
            prev = items[-1]
            assert prev.start is not None
            if m["week"]:
                if not weeks:
                    break
                # "weeks 40 and 41": of the first one's (ISO) year
                year = prev.start.isocalendar()[0]
                try:
                    first = date.fromisocalendar(year, int(m["week"]), 1)
                except ValueError:
                    break
                last = first + timedelta(days=6)
            elif m["year"]:
                if prev.precision != "year":
                    break
                year = int(m["year"])
                first, last = date(year, 1, 1), date(year, 12, 31)
            else:
                if prev.precision != "month":
                    break
                month = _MONTH_NUMBER[m["month"].lower()]
                year = int(m["month_year"] or prev.start.year + (month < prev.start.month))
                first = date(year, month, 1)
                last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
            a, b = m.span()
            a += len(m[0]) - len(m[0].lstrip(" ,&\t\n")) if m[0] else 0
            items.append(Period(first, last, prev.precision, None, ctx.text[a:b], a, b, p.flags))
        if len(items) > 1:
            return items
    # Periods the date reader found, written as a list: "in the weeks of 23-29 September and
    # 30 September-6 October".
    periods = [p for p in ctx.periods_in(start, end) if p.start is not None]
    for i, first in enumerate(periods):
        items = [first]
        for p in periods[i + 1 :]:
            if not _LIST_GAP_RE.fullmatch(ctx.text, items[-1].end_offset, p.start_offset):
                break
            items.append(p)
        if len(items) > 1:
            return items
    return []


_QUARTER_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTER_NUMBER.update({"1st": 1, "2nd": 2, "3rd": 3, "4th": 4})


# The quarters listed before the one the date reader read: "the first and second quarters
# of 2024", "the first, second and third quarters".
_QUARTERS_BEFORE_RE = re.compile(
    rf"\b(?:(?:{'|'.join(_QUARTER_NUMBER)})(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?)+$",
    re.I,
)
_QUARTER_WORD_RE = re.compile("|".join(_QUARTER_NUMBER), re.I)


def _quarters_before(ctx: _Context, start: int, last: Period) -> list[Period]:
    """The quarters of a list that ends with `last` ("the first and second quarters of
    2024"), each of `last`'s year and flags; none when `last` is not a list's end."""
    m = _QUARTERS_BEFORE_RE.search(ctx.text, max(start, last.start_offset - 40), last.start_offset)
    if m is None or last.start is None:
        return []
    return [
        _quarter(last.start.year, _QUARTER_NUMBER[w[0].lower()], w[0], w.start(), last.flags)
        for w in _QUARTER_WORD_RE.finditer(ctx.text, m.start(), m.end())
    ]


def _quarter(year: int, q: int, text: str, at: int, flags: tuple[str, ...]) -> Period:
    """Quarter `q` of `year`, written as `text` at offset `at`."""
    end = _month_end(year, 3 * q)
    return Period(date(year, 3 * q - 2, 1), end, "quarter", None, text, at, at + len(text), flags)


def _number_lists(text: str, numbers: list[Number]) -> list[list[Number]]:
    """Runs of two or more bare numbers written as a list: "141, 64 and 625"."""
    runs: list[list[Number]] = []
    run: list[Number] = []
    for n in numbers:
        if run and _LIST_GAP_RE.fullmatch(text, run[-1].end, n.start):
            run.append(n)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [n]
    if len(run) > 1:
        runs.append(run)
    return runs


def _item_list(text: str, pos: int, end: int) -> tuple[list[str], int]:
    """Item types listed from `pos` ("anti-personnel mines, anti-tank mines and UXO"):
    their field names and where the list ends."""
    keys: list[str] = []
    at = pos
    while (item := _ITEM_RE.match(text, at, end)) is not None:
        keys.append(_ITEM_KEYS[item.lastgroup or "items"])
        at = pos = _ITEM_NOUN_RE.match(text, item.end(), end).end()  # type: ignore[union-attr]
        gap = _LIST_GAP_RE.match(text, at, end)
        if gap is None:
            break
        at = gap.end()
    return keys, pos


def _period_stated_before(ctx: _Context, start: int) -> Period | None:
    """The period last stated in the few sentences before `start`."""
    earlier = [span for span in ctx.sentences if span[1] <= start][-4:]
    for span in reversed(earlier):
        stated = [
            p
            for p in ctx.periods_in(*span)
            if "period_inferred" not in p.flags
            # not a dateline's day: "BAKU, Azerbaijan, May 23. ... for the past week"
            and not (p.precision == "day" and p.start == ctx.published)
        ]
        if stated:
            return _choose_period(stated)
    for span in reversed(earlier):
        # else "for the past week" (not "today")
        stated = [p for p in ctx.periods_in(*span) if p.precision not in ("day", "cumulative")]
        if stated:
            return _choose_period(stated)
    return None


def _leads_on(ctx: _Context, sentence: tuple[int, int]) -> bool:
    """True when a sentence hands its period to the next: it ends with ";" or ":", or it is
    a heading (a line without closing punctuation)."""
    last = ctx.text[sentence[0] : sentence[1]].rstrip()[-1:]
    return last in (";", ":") or (
        last not in (".", "!", "?", "") and ctx.text.startswith("\n", sentence[1])
    )


_SAME_PERIOD_BEFORE_RE = re.compile(
    r"\b(?:same|corresponding)\s+period\s+(?:of\s+|in\s+)?(?:the\s+)?$"
)
# "last year's same period", "Last year, in the same period"
_SAME_PERIOD_AFTER_RE = re.compile(
    r"(?:['’]s|,?\s+(?:in|during|over|for)\s+the)\s+(?:same|corresponding)\s+period\b"
)
_WHOLE_YEAR_RE = re.compile(
    r"\b(?:whole|entire|full)\s+(?:of\s+)?(?:the\s+)?(?:year|(?:19|20)\d\d)"
)
_LAST_YEAR_WORDS = frozenset(
    ("last year", "previous year", "preceding year", "prior year", "the last year",
     "the previous year", "the preceding year", "the prior year")
)  # fmt: skip
_YEAR_WORDS_RE = re.compile(r"(?:(?:in|of|during|for)\s+)?(?:the\s+year\s+)?(?:19|20)\d\d")


def _same_periods_year(lower: str, start: int, end: int, period: Period) -> tuple[str, int] | None:
    """Which year "the same period" of `period` is: ("back", 1) for "the same period last
    year" ("last year's same period", "the corresponding period of the previous year"),
    ("in", 2022) for "the same period of 2022"; None when `period` is no such year."""
    if period.precision != "year" or period.start is None:
        return None
    text = " ".join(period.text.lower().split())
    text = text.split(" ", 1)[1] if text.startswith(("in ", "during ", "over ", "for ")) else text
    before = _SAME_PERIOD_BEFORE_RE.search(
        lower, max(start, period.start_offset - 30), period.start_offset
    )
    if text in _LAST_YEAR_WORDS:
        if before is not None:
            return ("back", 1)
        after = _SAME_PERIOD_AFTER_RE.match(lower, period.end_offset)
        # not "Last year, in the same period, ... had 40 teams; over the whole year it cleared"
        if after is not None and not _WHOLE_YEAR_RE.search(lower, after.end(), end):
            return ("back", 1)
        return None
    if before is not None and _YEAR_WORDS_RE.fullmatch(text):
        return ("in", period.start.year)
    return None


def _is_same_period_last_year(lower: str, start: int, end: int, period: Period) -> bool:
    """The period is the year of "the same period last year" (or "of 2022")."""
    return _same_periods_year(lower, start, end, period) is not None


# a figure compared with another period: "against 70 in the", not "compared with the"
_COMPARED_BEFORE_RE = re.compile(rf"\b{_COMPARING}\s+(?:\w+\s+){{0,2}}?[\d,.]*\d[^.;]*$")
# "27% more than in the preceding week, when 640 ha ...", "Compared with the preceding week"
_THAN_BEFORE_RE = re.compile(rf"\b{_COMPARING}\s+(?:(?:in|during)\s+)?(?:the\s+)?$")
_THE_ONE_BEFORE_RE = re.compile(
    r"(?:(?:in|during|over|for|after|following|since|from|throughout)\s+)?(?:the\s+)?"
    r"(?:preceding|prior)\s+(?P<unit>week|month|year)"
)


def _one_before(period: Period, unit: str) -> tuple[date, date]:
    """The week, month or year before a stated one."""
    assert period.start is not None and period.end is not None
    if unit == "week":
        return period.start - timedelta(days=7), period.end - timedelta(days=7)
    if unit == "month":
        end = period.start.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    return _years_before(period.start, 1), _years_before(period.end, 1)


def _can_compare(period: Period) -> bool:
    """A period a figure of "the same period last year" can be compared with: dated, not a
    single day, and not a running total over years (a year to date is one)."""
    return (
        period.start is not None
        and period.end is not None
        and period.precision != "day"
        and (period.precision != "cumulative" or period.start.year == period.end.year)
    )


def _years_before(day: date, years: int) -> date:
    """The same day `years` years earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _disjoint(periods: list[Period]) -> bool:
    spans = sorted((p.start, p.end or p.start) for p in periods)
    return all(a[1] < b[0] for a, b in pairwise(spans))


def _attach_places(
    ctx: _Context, stmt: _Statement, start: int, end: int, operators: bool = True
) -> None:
    for district, d_start, d_end in ctx.districts_in(start, end):
        if _in_a_breakdown(ctx, start, d_start):
            continue  # "1,198.7 ha, including 450.2 ha in Aghdam": not the whole's district
        entry = (district.name, district.code, ctx.text[d_start:d_end])
        if all(entry[0] != d[0] for d in stmt.districts):
            stmt.districts.append(entry)
    hinted = _PLACE_HINT_RE.search(ctx.lower, start, end) is not None
    for m in _PLACE_RE.finditer(ctx.text[start:end]) if hinted else ():
        for name in _NAME_SPLIT_RE.split(m.group("names")):
            name = name.strip()
            if name and name not in stmt.places and not any(name == d[2] for d in stmt.districts):
                stmt.places.append(name)
    if not operators or not _holds_any(ctx.lower, _OPERATOR_WORDS, start, end):
        return
    for m in _OPERATOR_RE.finditer(ctx.lower, start, end):
        if m.lastgroup not in stmt.operators:
            stmt.operators.append(m.lastgroup)


def _in_a_breakdown(ctx: _Context, start: int, pos: int) -> bool:
    """True when `pos` follows a breakdown word and a figure in its clause ("including 450.2
    hectares in Aghdam", "Of this, 450.2 ha ... in Aghdam"), not "including Aghdam"."""
    lo = max(start, pos - 60)
    words = list(_PART_WORDS_RE.finditer(ctx.lower, lo, pos))
    if not words:
        return False
    between = ctx.text[words[-1].end() : pos]
    return any(c.isdigit() for c in between) and ";" not in between


def _apply_period(record: Record, period: Period | None, stmt: _Statement) -> None:
    if period is None:
        stmt.flag("period_missing")
        return
    record["period_start"] = period.start.isoformat() if period.start else None
    record["period_end"] = period.end.isoformat() if period.end else None
    record["period_precision"] = period.precision
    record["cumulative_since"] = (
        period.cumulative_since.isoformat() if period.cumulative_since else None
    )
    for code in period.flags:
        stmt.flag(code)


def _evidence(ctx: _Context, spans: list[tuple[int, int]]) -> dict[str, Any]:
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return {"text": ctx.text[start:end], "start": start, "end": end}


def _in_brackets(text: str, start: int, pos: int) -> bool:
    """True when `pos` lies inside a parenthesis opened within the sentence."""
    opened = text.rfind("(", start, pos)
    return opened >= 0 and text.rfind(")", opened, pos) < 0


def _without_blocks(sentences: list[tuple[int, int]], tables: list[Table]) -> list[tuple[int, int]]:
    """Sentences with the tables cut out: a caption the splitter ran into a table stays."""
    out = sentences
    for table in tables:
        cut = []
        for s, e in out:
            if e <= table.start or s >= table.end:
                cut.append((s, e))
                continue
            for a, b in ((s, table.start), (table.end, e)):
                if a < b and (a, b) != (s, e):
                    cut.append((a, b))
        out = cut
    return [(s, e) for s, e in out if s < e]

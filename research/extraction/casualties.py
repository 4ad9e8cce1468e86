"""Mine casualties: counts of people killed and injured, civilians and servicemen, for
incidents and running tallies."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import pairwise

from research.dates import _WEEKDAYS, Period
from research.extraction.context import (
    _BARE_END_RE,
    _ELLIPSIS_RE,
    _apply_period,
    _choose_period,
    _Context,
    _count_period,
    _disjoint,
    _evidence,
    _in_brackets,
    _is_period_then_figure,
    _leads_on,
    _merge_value,
    _number_lists,
    _period_list,
    _same_period,
    _Statement,
)
from research.extraction.vocabulary import (
    _ACCIDENT_HARM_RE,
    _ANAPHORA_RE,
    _AREA_RE,
    _CAS_CONTEXT_RE,
    _CAS_WORD_RE,
    _CAUSABLE_HARM_RE,
    _CONTINUE_RE,
    _COUNT_QUALIFIER,
    _DIGIT_RE,
    _GROUP_RE,
    _ITEM_RE,
    _OTHER_HARM_RE,
    _PART_RE,
    _PERCENT_RE,
    _RESPECTIVELY,
    _ROLE_BEFORE_RE,
    _ROLE_RE,
    _SENTENCE_GROUP_RE,
    _SENTENCE_ROLE_RE,
    _VICTIM_HELP_RE,
    _qualifier,
)
from research.numbers import Number, parse_number
from research.records import CASUALTY_COUNTS, Record, new_record


@dataclass
class _Count:
    value: int | None
    number: Number
    role: str | None
    group: str
    part: bool
    qualifier: str | None
    role_before: bool  # the verb came first: "killed 61 people"
    of_role: str | None = None  # for a breakdown: the role of the count it breaks down
    period: Period | None = None  # a period "respectively" gave it, not the sentence's
    subset: bool = False  # "..., 5 sustaining serious injuries": some of the whole before


_CORRECT_FIGURE_RE = re.compile(
    r"\bcorrect\s+(?:figure|number|toll|total)(?P<what>[^.;]{0,60}?)\s+(?:is|was|stands\s+at)"
    r"\s+(?P<new>[\d.,]*\d)\b"
)
_NOTICE_RE = re.compile(r"\W*(?:correction|update|clarification|editor'?s\s+note)\b", re.I)
_ROLE_FIELD = {"killed": "killed", "injured": "injured", "victims": "total_victims"}


def _correct_tally(ctx: _Context, index: int, statements: list[_Statement]) -> bool:
    """Apply a correction notice to the casualty statement it corrects: "Correction: an
    earlier version said 71 people had been killed; the correct figure is 70". The field is
    the one the notice names, the statement the one of the period it names (else the last);
    a notice naming no field, a group ("the correct number of children killed"), a period
    no statement has, or another kind of figure is left."""
    start, end = ctx.sentences[index]
    fix = _CORRECT_FIGURE_RE.search(ctx.lower, start, end)
    if fix is None:
        return False
    spans = [(start, end)]
    if index and _NOTICE_RE.match(ctx.text, *ctx.sentences[index - 1]):
        spans.insert(0, ctx.sentences[index - 1])  # "...; the correct figure is 70"
    if _AREA_RE.match(ctx.text, fix.end()) or _ITEM_RE.match(ctx.text, fix.end()):
        return False  # "the correct figure is 1,189 hectares"
    if _GROUP_RE.search(fix["what"]) and not re.search(r"\b(?:people|persons)\b", fix["what"]):
        return False  # a group's figure: which field it corrects is not said
    named = {
        m.lastgroup
        for a, b in spans
        for m in _ROLE_WORD_RE.finditer(ctx.text, a, fix.start())
        if a < fix.start()
    } | {m.lastgroup for m in _ROLE_WORD_RE.finditer(fix["what"])}
    if not named and re.search(r"victims|casualties", fix["what"]):
        named = {"victims"}
    if len(named) != 1:
        return False
    said = [p for a, b in spans for p in ctx.periods_in(a, b) if p.start is not None]
    targets = [s for s in statements if any(_same_period(s.period, p) for p in said)]
    if said and not targets:
        return False  # "... 71 killed in 2023": no statement of 2023
    target = targets[-1] if targets else statements[-1]
    key = _ROLE_FIELD[named.pop() or ""]
    target.values[key] = int(parse_number(fix["new"], integer=True))
    target.qualifiers.pop(key, None)
    target.flag("corrected")
    target.spans += spans
    return True


_VICTIMS_WORD_RE = re.compile(r"\bvictims\b|\bcasualties\b")
_TALLY_WORDS_RE = re.compile(r"\bas\s+of\b|\bsince\b|\bto\s+date\b|\bso\s+far\b|\btotal\b")


def _tally_goes_on(ctx: _Context, start: int, end: int) -> bool:
    """A sentence after a tally of mine victims that gives the tally again, without naming
    mines: "As of 26 December, the agency gives 322 victims"."""
    return bool(
        _VICTIMS_WORD_RE.search(ctx.lower, start, end)
        and _TALLY_WORDS_RE.search(ctx.lower, start, end)
        and not _OTHER_HARM_RE.search(ctx.lower, start, end)
        and not _VICTIM_HELP_RE.search(ctx.lower, start, end)
    )


_OF_THE_RE = re.compile(r"\bof\s+the\s+$", re.I)


def _breaks_down_tally(
    counts: list[_Count], current: _Statement, following: Callable[[], list[_Count]]
) -> bool:
    """True when a sentence's killed and injured add up to the victims of the tally just
    given: the same people, broken down. One role may come in this sentence and the other in
    the tally's statement already or in the next sentence: "345 people ... victims of mines.
    65 people died, including 50 civilians. 280 people were injured." """
    by_role = _roles_of_all(counts)
    total = current.values["total_victims"]
    if len(by_role) == 2:
        return None not in by_role.values() and sum(by_role.values()) == total  # type: ignore[arg-type]
    if len(by_role) != 1:
        return False
    ((role, value),) = by_role.items()
    other = "injured" if role == "killed" else "killed"
    known = current.values.get(other)
    if known is None:
        known = _roles_of_all(following()).get(other)
    return value is not None and known is not None and value + known == total


def _has_role(stmt: _Statement, role: str) -> bool:
    """The statement counts people of that role, in all or in a group ("293 civilians have
    been killed")."""
    return any(
        stmt.values.get(k) is not None for k in (role, f"civilian_{role}", f"military_{role}")
    )


def _gives_the_other_role(
    ctx: _Context, start: int, end: int, counts: list[_Count], current: _Statement
) -> bool:
    """True when a sentence opens with a count of people with only the role the statement
    before lacks (the injured after the dead, or the dead after the injured), and tells of
    no place, incident or other harm of its own: "...; 276 people were injured", not
    "Another 5 people were injured in a separate incident in Tartar"."""
    wholes = [c for c in counts if not c.part]
    missing = "killed" if _has_role(current, "injured") else "injured"
    if not wholes or {c.role for c in wholes} != {missing}:
        return False
    if not any(c.group == "all" for c in wholes):
        return False
    first = wholes[0]
    of_a_day = current.period is not None and current.period.precision == "day"
    if not of_a_day and (
        (first.value or 0) < 2 or not _PEOPLE_AT_LARGE_RE.match(ctx.lower, first.number.end)
    ):
        # after a tally, "A shepherd was injured", "2 tractor drivers ...": an incident's
        # victims (after an incident's dead, its other victims: "A shepherd was also injured")
        return False
    # after a tally, a few people beside many of the other role may be an incident's
    role = "killed" if missing == "injured" else "injured"
    other = current.values.get(role) or sum(
        current.values.get(f"{group}_{role}") or 0 for group in ("civilian", "military")
    )
    few = not of_a_day and (first.value or 0) < 10 and (first.value or 0) * 5 < other
    lead = ctx.lower[start : wholes[0].number.start]
    lead = lead[lead.rfind(":") + 1 :].strip(" \t\n;,.\"'‘’“”-–—")  # "..., she said: '272 ..."
    return (
        (
            lead in _OPENING_WORDS
            or _NUMBER_OF_ROLE_RE.fullmatch(lead) is not None
            or _MINES_HARMED_RE.fullmatch(lead) is not None
        )
        and not any(
            # how the mines harmed a few people tells of an incident: "3 people were injured
            # when their cars hit mines"
            (few or not _HOW_OR_WHOSE_RE.match(ctx.lower, m.start()))
            and (few or not _LAID_BY_RE.search(ctx.lower, max(start, m.start() - 40), m.start()))
            for m in _OWN_INCIDENT_RE.finditer(ctx.lower, start, end)
        )
        and not ctx.districts_in(start, end)
        and not (few and _NAMED_PLACE_RE.search(ctx.text, first.number.end, end))
        and not _of_another_place(ctx, current, first.number.end, end)
    )


def _of_another_place(ctx: _Context, current: _Statement, start: int, end: int) -> bool:
    """The count is of a place other than the one the tally names: "In 2023, 35 people were
    killed by mines in Iraq. 120 people were injured by mines in Syria"."""
    # by the first letters, so that "Cambodian provinces" are in Cambodia
    after = {m[1][:5] for m in _PLACE_NAME_RE.finditer(ctx.text, start, end)}
    if not after:
        return False
    before = {m[1][:5] for s, e in current.spans for m in _PLACE_NAME_RE.finditer(ctx.text, s, e)}
    return bool(before) and not after & before


# A place named after "in", "near", "at": its name, not a month, a weekday or "Total"
_PLACE_BEFORE = r"\b(?:in|near|at|outside)\s+(?:the\s+(?:village|town|city|settlement)\s+of\s+)?"
_NO_PLACE = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    rf"|{_WEEKDAYS}|Total"
)
_PLACE_NAME_RE = re.compile(rf"{_PLACE_BEFORE}(?!(?:{_NO_PLACE})\b)([A-Z][a-z]+)\b(?!-)")
# A place named after the count, not a country the tally is of: "in Hadrut", "near Talish"
_NAMED_PLACE_RE = re.compile(
    rf"{_PLACE_BEFORE}(?!(?:Ukraine|Azerbaijan|Karabakh|Garabagh|Qarabagh|Iraq|Syria|Lebanon"
    r"|Cambodia|Laos|Angola|Croatia|Bosnia|Armenian?|Russian?|Azerbaijani|Ukrainian"
    rf"|Afghanistan|Yemen|Colombia|Myanmar|{_NO_PLACE})\b)[A-Z][a-z]+\b(?!-)"
)


_OPENING_WORDS = frozenset(
    ["", "and", "while", "whereas", "but", "however", "some", "about", "around", "over",
     "more than", "nearly", "almost", "at least", "a further", "approximately", "roughly",
     "over the same period", "in the same period", "during the same period"]
)  # fmt: skip
# "The number of injured was 120", "The number of people injured stands at 290", "The
# death toll stands at 70"
_NUMBER_OF_ROLE_RE = re.compile(
    r"the\s+(?:number\s+of\s+(?:the\s+)?(?:people\s+)?(?:injured|wounded|dead|killed)"
    r"(?:\s+people)?|death\s+toll)\s+"
    r"(?:was|is|stands\s+at|stood\s+at|reached|has\s+reached|totall?ed|totals|rose\s+to)"
)
# A sentence of its own incident, place or harm: not the rest of the statement before it
_OWN_INCIDENT_RE = re.compile(
    r"\b(?:another|other|separate|meanwhile|when|after|while\s+\w+ing|incident|accident|"
    r"fighting|clash\w*|strikes?|missile\w*|shelling|rocket|drone|fire|fireworks|warehouse|"
    r"explosion\s+at|neighbou?ring|armenia|ukraine|russia\w*|alone|near|village"
    r"|their\s+(?:truck|car|vehicle|tractor|bus|home|house)|an?\s+(?:[\w-]+\s+)?(?:land)?mine)\b"
)
# After a count that goes on with the tally: people at large, or the verb ("290 were")
_PEOPLE_AT_LARGE_RE = re.compile(
    r"\s+(?:(?:more|other)\s+)?(?:people|persons|citizens|individuals|civilians|azerbaijanis"
    r"|others)\b|\s+(?:more\s+)?(?:were|was|have|has|had|got|sustained|suffered|received)\b"
    r"|\s+more\s*(?:[,;.]|$|(?=(?:in|across|throughout)\s))|\s*(?:[,;.]|$)"
)


# "Mines also injured 290 people": the mines first, then the count ("The mines also",
# "Russian mines", "Unexploded ordnance and mines")
_MINES_HARMED_RE = re.compile(
    r"(?:the\s+)?(?:(?:russian|armenian)\s+|(?:unexploded\s+ordnance|uxo|erw)\s+and\s+)?"
    r"(?:land)?mines(?:\s+and\s+(?:uxo|unexploded\s+ordnance|erw))?\s+(?:have\s+|had\s+)?"
    r"(?:also\s+)?(?:injured|wounded|maimed|killed)"
)
# How the mines harmed, or whose they were, is no incident of its own: "after stepping on
# mines", "when mines exploded under them", "Russian mines", "mines and other explosive
# devices" ("... planted by Armenia" below)
_HOW_OR_WHOSE_RE = re.compile(
    r"(?:when|after)\s+(?:\w+ing\s+(?:on\s+|over\s+|into\s+)?)?(?:land)?mines\b"
    r"|when\s+(?:they|their\s+(?:vehicles|cars|tractors|trucks))\s+(?:drove\s+over|stepped\s+on"
    r"|ran\s+over|hit|struck|triggered)\s+(?:land)?mines\b"
    r"|russian(?:-made)?\s+(?:land)?(?:mines|shells|ordnance|explosive)"
    r"|(?:armenia|russia)\s+(?:had\s+)?(?:planted|laid|left)\b"
    r"|other\s+(?:explosive|unexploded|ordnance|devices|remnants|munitions|erw)"
)
_LAID_BY_RE = re.compile(
    r"\b(?:planted|laid|left|placed|buried)\s+(?:behind\s+)?by\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}$"
)


def _counts_after(ctx: _Context, index: int) -> list[_Count]:
    """The counts of the sentence after sentence `index` (none after the last)."""
    if index + 1 >= len(ctx.sentences):
        return []
    return _casualty_counts(ctx, *ctx.sentences[index + 1])[0]


def _roles_of_all(counts: list[_Count]) -> dict[str | None, int | None]:
    """The killed and injured counts of people in general (no group, no part)."""
    return {
        c.role: c.value
        for c in counts
        if c.group == "all" and not c.part and c.role in ("killed", "injured")
    }


# not the mines of mining ("a coal mine"), nor mines said to have harmed nobody ("no mine
# casualties")
_MINE_WORD_RE = re.compile(
    r"(?<!coal\s)(?<!gold\s)(?<!salt\s)(?<!iron\s)(?<!copper\s)(?<!\bno\s)"
    r"\b(?:(?:land)?mines?\b|mine-|uxo|ordnance|unexploded|(?:sub)?munitions?|bomblets?|cluster"
    r"|shells?\b|grenades?|projectiles?)"
)
_SAME_PERIOD_OPENING_RE = re.compile(
    r"\W*(?:(?:in|during|over)\s+)?the\s+(?:same|corresponding)\s+period\s+(?:of\s+|in\s+)?"
    r"(?:the\s+)?(?:last|previous|preceding|prior)\s+year\b"
    r"|\W*last\s+year,?\s+(?:in|during|over)\s+the\s+(?:same|corresponding)\s+period\b",
    re.I,
)
# Last year's bare tally after "In the same period last year": the count, its people and
# roles, perhaps a place or who said it, and nothing else that could tell another cause
_N = (
    r"(?:(?:about|some|nearly|almost|over|around|more\s+than|at\s+least|approximately)\s+)?"
    r"[\d,.]*\d"
)
_ROLE = r"(?:killed|injured|wounded|hurt|maimed|died|lost\s+their\s+lives)"
_BARE_TALLY_RE = re.compile(
    # "(in January-May 2023)", "– January to May 2023 –"
    r"[\s,:;]*(?:\([^()]{1,60}\)\s*|[–—-]\s*[^–—]{1,60}?[–—-]\s*)?[\s,:;]*"
    # people at large or a group with a field of its own, not "4 children": a part
    rf"(?:saw\s+|there\s+were\s+)?{_N}\s+(?:(?:people|persons|civilians|servicemen|soldiers)\s+)?"
    r"(?:(?:were|was|had\s+been|have\s+been)\s+)?"
    rf"{_ROLE}(?:(?:,?\s+(?:and|while|with)\s+|,\s+){_N}\s+(?:(?:were|more|others)\s+)?{_ROLE})?"
    rf"(?:,\s+{_N}\s+of\s+them\s+(?:children|civilians|servicemen|soldiers|women|deminers))?"
    r"(?:\s+(?:as\s+well|too))?"
    r"(?:\s+in\s+(?:the\s+)?(?:region|country|province|district|territories))?"
    r"(?:,\s+(?:the\s+)?[\w\s'’]{1,40}?\s+(?:said|reported|data\s+show|figures\s+show)"
    r"(?:\s+on\s+\w+)?)?"
    r"\s*[.;]?\s*",
    re.I,
)
# the harm of war, which a mine victims' sentence before may mix in
_WAR_HARM_RE = re.compile(
    r"\b(?:missile|artillery|shell(?:ing|s)?|strikes?|drones?|attacks?|bombing|shot|fighting"
    r"|clash\w*|offensive|raids?|combat|sniper)\b"
)


def _last_years_tally(ctx: _Context, index: int, sentence: str) -> bool:
    """True for "In the same period last year, 14 people were killed" after victims of a
    period: last year's tally, when it is a bare count or one of mine victims (not "14
    people were killed in Russian attacks", "the offensive killed 140 people", "died of
    cholera"), and the sentence before is of mine victims alone."""
    opening = _SAME_PERIOD_OPENING_RE.match(sentence)
    if opening is None:
        return False
    rest = sentence[opening.end() :]
    lower = rest.lower()
    if _MINE_WORD_RE.search(lower):
        if _WAR_HARM_RE.search(lower) or _OTHER_HARM_RE.search(lower):
            return False
    elif not _BARE_TALLY_RE.fullmatch(rest):
        return False
    start, end = ctx.sentences[index - 1]
    return not _OTHER_HARM_RE.search(ctx.lower, start, end) and not _WAR_HARM_RE.search(
        ctx.lower, start, end
    )


_LOOSE_ANAPHORA_RE = re.compile(r"\W*(?:at\s+the\s+same\s+time|also|in\s+addition)\b", re.I)
_INCLUDING_RE = re.compile(r"\bincluding\b", re.I)
_HARM_OF_THINGS_RE = re.compile(r"blow|blew|explod|suffer", re.I)
# Between a count of people and their harm: the people (a few words, no clause of its own)
# and the auxiliaries: "305 Azerbaijani citizens have been blown up", not "5,000 people have
# returned to villages that suffered from mines", "2 people were nearly blown up".
_HARM_GAP_RE = re.compile(
    r"\s*(?:(?!(?:who|whose|that|which|where|and|to|in|of|at|from|for|with|nearly|almost"
    r"|narrowly|not|never|escaped|avoided)\b)[^\W\d_][\w-]*(?<!['’]s)\s+){0,3}?"
    r"(?:(?:have|has|had|were|was|are|is)\s+)?(?:(?:been|also|reportedly|allegedly)\s+)*",
    re.I,
)


def _other_role_of_all(counts: list[_Count], role: str | None, group: str, own: bool) -> bool:
    """A count of people (or of a group, with its own verb) with the other role than the
    whole before it: "65 people died, including 50 civilians, 278 people were injured",
    "..., 180 civilians were injured" (the injured are no part of the dead)."""
    whole = next((c for c in reversed(counts) if not c.part), None)
    return (
        (group == "all" or own)
        and whole is not None
        and {role, whole.role} == {"killed", "injured"}
    )


def _after_of_the(text: str, start: int, counts: list[_Count], n: Number) -> bool:
    """A count in the clause of "Of the 70 killed, 52 were civilians and 18 servicemen":
    a part of the whole that "of the" opened."""
    whole = next((c for c in reversed(counts) if not c.part), None)
    if whole is None or not _OF_THE_RE.search(
        text, max(start, whole.number.start - 8), whole.number.start
    ):
        return False
    return ";" not in text[whole.number.end : n.start]


# Help for people harmed by mines, before their count: "paid to 214 mine victims", "support
# to the families of 120 victims"
_HELP_BEFORE_RE = re.compile(
    r"\b(?:famil(?:y|ies)\s+of|helped|assisted|employed|trained"
    r"|(?:paid|given|granted|provided|awarded|issued|allocated)\s+(?:[\w-]+\s+){0,3}?to"
    r"|(?:support|aid|assistance|help|allowances?|compensation|pensions?|prosthe\w*|benefits?"
    r"|treatment|care|payments?|organi[sz]ed|held|arranged)\s+(?:to|for))\s+(?:the\s+|all\s+)?$",
    re.I,
)
# The first verb of a count's clause: harm ("were injured", "received injuries") or help
# ("were provided with prostheses", "have received", "were discharged from hospital")
_HARM_OR_HELP_RE = re.compile(
    r"\b(?:(?P<harm>(?:have|has|had|were|was|are|is|got)\s+(?:been\s+|also\s+)*(?:\w+ly\s+)?"
    r"(?:killed|injured|wounded|hurt|maimed|blown|hit|affected|victims?)|died|perished|became"
    r"|become|fell|fallen|suffered|sustained|stepped|lost"
    r"|received\s+(?:(?!prosthe|treatment|care|help|aid|support|compensat|rehabilit)[\w-]+,?\s+){0,4}?"
    r"(?:injur|wound|burn|trauma|concuss|fractur|shrapnel|damage)\w*)"
    r"|(?P<help>(?:have|has|had|were|was|are|is)\s+(?:been\s+|also\s+)*(?:provided|given|paid"
    r"|granted|supplied|fitted|discharged|offered|awarded|housed|employed|rehabilitated|treated)"
    r"|received|receives?|receiving|got|benefit(?:t?ed|s)?|underwent|undergone))\b",
    re.I,
)


def _helped(text: str, prev_end: int, n: Number, segment: str) -> bool:
    """A count of people helped, not harmed: "36 mine victims were provided with
    prostheses", "150 people injured by mines have received prostheses", "paid to 214 mine
    victims". Help is news of victims, not a tally of them; but people harmed on a day
    of their own are an incident's victims, whatever help they got ("Two residents received
    medical care after being injured by a shell on 1 June")."""
    clause_end = segment.find(";")
    clause_end = clause_end if clause_end >= 0 else len(segment)
    if _HARMED_ON_A_DAY_RE.search(segment, 0, clause_end):
        return False
    if _HELP_BEFORE_RE.search(text, max(prev_end, n.start - 40), n.start):
        return True
    verb = _HARM_OR_HELP_RE.search(segment, 0, clause_end)
    return verb is not None and verb.lastgroup == "help"


_WEEKDAY = f"(?:{_WEEKDAYS})"
# Harm, then its day with no help between: "injured by a mine in Kalbajar on 3 June", not
# "killed by a mine received state support on Friday"
_HARMED_ON_A_DAY_RE = re.compile(
    r"\b(?:injur|wound|kill|hurt|maim)\w*"
    r"(?:(?!\b(?:received|receives?|given|provided|paid|discharged|underwent|got)\b)[^;])*?"
    r"(?:\b(?:on|in)\s+(?:the\s+(?:night|morning|evening|afternoon|early\s+hours)\s+of\s+)?"
    rf"(?:\d{{1,2}}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{{1,2}}\b|{_WEEKDAY})"
    rf"|\b(?:yesterday|today|last\s+(?:night|{_WEEKDAY})"
    r"|(?:two|three|\d)\s+days\s+ago)\b)"
)


# a part of the count before that no field counts: how badly, or children and women
_OF_THEM_NO_FIELD_RE = re.compile(
    r"\s+of\s+(?:them|whom)\s+(?:were\s+|was\s+|are\s+|is\s+)?(?:(?:seriously|severely|critically"
    r"|badly|slightly|gravely|lightly)\b|(?:an?\s+)?(?:child|children|boys?|girls?|wom[ae]n"
    r"|teenagers?|minors?)\b)",
    re.I,
)
_LIVES_RE = re.compile(r"\s+(?:civilian\s+|human\s+)?lives\b", re.I)
_CLAIMED_RE = re.compile(
    rf"\b(?:claimed|claiming|claims|cost|took)\s+(?:the\s+)?{_COUNT_QUALIFIER}$", re.I
)
_BRACKETS_THEN_ROLE_RE = re.compile(
    r"\s*\([^()]{0,80}\)\s*(?:were|was|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:(?P<killed>killed)|(?P<injured>injured|wounded))\b"
)
_DEATH_TOLL_RE = re.compile(r"\bdeath\s+toll\b[^.;,]*$", re.I)
# not before a gerund, which goes on with the same subject ("drowned while fleeing a mine")
_CLAUSE_BREAK_RE = re.compile(
    r";|,?\s+(?:while|whereas|and)\b(?!\s+\w+ing\b)|,\s*(?:compared|as\s+against)\b"
)


def _of_other_harm(lower: str, start: int, end: int, n: Number) -> bool:
    """The count's own clause tells of an accident and names no mine: "... and 300 died in
    road accidents", "A road accident killed 2 people, while a mine ...", "; in a separate
    traffic accident, 3 people died". Not "the road accident" a mine caused, named again."""
    clause_start = start
    for m in _CLAUSE_BREAK_RE.finditer(lower, start, n.start):
        clause_start = m.end()
    after = _CLAUSE_BREAK_RE.search(lower, n.end, end)
    clause_end = after.start() if after is not None else end
    if (
        after is not None
        and lower[after.start()] == ";"
        and not _DIGIT_RE.search(lower, after.end(), end)
        and not _CAS_WORD_RE.search(lower, after.end(), end)
    ):
        clause_end = end  # "...; their car had hit an anti-tank mine minutes earlier"
    if _MINE_WORD_RE.search(lower, clause_start, clause_end):
        return False
    # a fire or a blast at a site after a mine went off is the mine's: "A tractor hit an
    # anti-tank mine, and the resulting fire injured 2 farmers"
    mine_before = _MINE_WORD_RE.search(lower, start, clause_start) is not None
    return any(
        not lower.endswith(("the ", "this "), clause_start, a.start())
        and not (mine_before and _CAUSABLE_HARM_RE.match(lower, a.start()))
        for a in _ACCIDENT_HARM_RE.finditer(lower, clause_start, clause_end)
    )


def _casualty_counts(ctx: _Context, start: int, end: int) -> tuple[list[_Count], list[str]]:
    """The counts of people in one sentence with their roles and groups, and any flags."""
    text = ctx.text
    sentence = text[start:end]
    numbers = [
        n
        for n in ctx.numbers_in(start, end)
        if not _PERCENT_RE.match(text, n.end)
        and not (n.value and 1900 <= n.value <= 2100)
        # "154,011 hectares have been cleared and 385 people ...": not people
        and not _ITEM_RE.match(text, n.end)
        and not _AREA_RE.match(text, n.end)
        # ages: "aged 12 and 14", "a 45-year-old resident"
        and not _AGE_AFTER_RE.match(text, n.end)
        and not _AGE_BEFORE_RE.search(text, max(start, n.start - 16), n.start)
        and not _ANIMALS_RE.match(text, n.end)
        and not _DURATION_RE.match(text, n.end)  # "died 2 days later"
        # a part no field counts: "6 servicemen, two of them seriously", "one of them a child"
        and not _OF_THEM_NO_FIELD_RE.match(text, n.end)
        and not (n.text.lower() == "one" and text[max(0, n.start - 3) : n.start].lower() == "no ")
    ]
    # One person named with an article: "A resident of Tartar was injured".
    numbers += [
        Number(1.0, m[0], m.start(), m.end(), False, False)
        for pattern in (_ONE_PERSON_RE, _ANOTHER_RE)
        for m in pattern.finditer(text, start, end)
    ]
    if (opening := _ONE_PERSON_OPENING_RE.match(text, start, end)) is not None:
        # "Serviceman of the Azerbaijani Army ... was wounded": one person, no article; an
        # empty token before the noun, so that the noun gives the group
        at = opening.start("noun")
        numbers.append(Number(1.0, "", at, at, False, False))
    numbers.sort(key=lambda n: n.start)
    # harm of an accident beside a mine's: "A road accident killed 2, while a mine ..."
    other_harm = _ACCIDENT_HARM_RE.search(ctx.lower, start, end) is not None
    sentence_group = None
    m = _SENTENCE_GROUP_RE.match(sentence)
    if m and re.match(r"^\W*(?:of|among)\b", sentence, re.I):
        g = m.group("group").lower()
        sentence_group = "civilian" if g.startswith("civilian") else "military"
    role_m = _SENTENCE_ROLE_RE.match(sentence)
    sentence_role = role_m.lastgroup if role_m else None
    counts: list[_Count] = []
    befores = [
        _ROLE_BEFORE_RE.search(text, max(numbers[i - 1].end if i else start, n.start - 40), n.start)
        for i, n in enumerate(numbers)
    ]
    revised = _REVISED_RE.search(ctx.lower, start, end) if "from" in ctx.lower[start:end] else None
    labelled: tuple[str, int] | None = None  # a group that labels the counts after it
    labelled_parts: set[int] = set()  # counts a group labels alone: "of them civilians - 9"
    included: set[int] = set()  # counts right after "including"
    of_them_parts: set[int] = set()  # a group of the count before: "70 were killed, 55 of them"
    label_parts: set[int] = set()  # labelled parts of the whole before: "people – soldiers – 29"
    for i, n in enumerate(numbers):
        seg_end = numbers[i + 1].start if i + 1 < len(numbers) else end
        prev_end = numbers[i - 1].end if i else start
        segment = text[n.end : seg_end]
        if revised is not None and revised.start("old") <= n.start < revised.end("old"):
            continue  # "revised from 5 to 4": the figure given up
        if revised is not None and revised.start("new") <= n.start < revised.end("new"):
            # the figure that replaces it, of the field the sentence names
            named = {m.lastgroup for m in _ROLE_WORD_RE.finditer(text, start, revised.start())}
            role = named.pop() if len(named) == 1 else "victims"
            value = None if n.value is None or n.malformed else int(n.value)
            counts.append(_Count(value, n, role, "all", False, "corrected", True))
            continue
        before = befores[i]
        toll = None
        if before is None:
            # "the number of people killed by mines in 2024 is 11", "bringing the total
            # since the war to 382"
            toll = _TOLL_RE.search(text, max(prev_end, n.start - 100), n.start)
            if toll is not None and _COMPARATIVE_RE.match(text, n.end):
                toll = None  # "is 11 fewer than in 2023", "2 times higher"
        if before is None and toll is None:
            # "the number of mine victims ... has reached 386"
            before = _TOLL_REACHED_RE.search(text, max(prev_end, n.start - 30), n.start)
        # "70 people have died ..., 55 of them civilians; 280 ...": a part of the dead
        of_them_group = _OF_THEM_GROUP_RE.match(text, n.end) if counts else None
        role_m = _ROLE_RE.search(segment)
        if role_m and _NEAR_MISS_RE.search(text, n.end, n.end + role_m.start()):
            continue  # "a civilian was almost injured", "could have been killed"
        if _helped(text, prev_end, n, segment):
            continue  # "36 mine victims were provided with prostheses"
        if other_harm and _of_other_harm(ctx.lower, start, end, n):
            continue  # "15 were killed by mines and 300 died in road accidents"
        following = befores[i + 1] if i + 1 < len(numbers) else None
        if role_m and following and following.start() <= n.end + role_m.start():
            # "13 servicemen, and injured 253": the verb governs the number after it.
            role_m = None
        role = before.lastgroup if before else (role_m.lastgroup if role_m else None)
        if role == "victims" and _DEATH_TOLL_RE.search(text, max(prev_end, n.start - 40), n.start):
            role = "killed"  # "The death toll stands at 70"
        if (
            role is None
            and _LIVES_RE.match(text, n.end)
            and _CLAIMED_RE.search(text, max(prev_end, n.start - 30), n.start)
        ):
            role = "killed"  # "mines have claimed 70 lives"
        if role is None and (bracketed := _BRACKETS_THEN_ROLE_RE.match(text, n.end, end)):
            role = bracketed.lastgroup  # "253 (civilian: 101; military: 152) were injured"
        period = None
        if toll is not None:
            what = toll["what"] or toll["what2"] or toll["what3"] or ""
            roles = {m.lastgroup for m in _ROLE_WORD_RE.finditer(what)}
            role = roles.pop() if len(roles) == 1 else "victims"
            # the toll's own period: "bringing the total since the war to 382"
            own = [
                p
                for p in ctx.periods_in(start, end)
                if toll.start() <= p.start_offset < toll.end() and p.start is not None
            ]
            period = own[-1] if own else None
        stated_before = before is not None or toll is not None
        group_m = _GROUP_RE.match(text, n.end)
        if of_them_group is not None and group_m is None:
            # "two of them were soldiers": the group after "of them (were)"
            group_m = _GROUP_RE.match(text, of_them_group.start("group"))
        if of_them_group is not None and group_m is not None:
            # "killed 10 people, four of them servicemen, and injured 40": the group is the
            # part's own, not the next count's
            labelled_parts.add(len(counts))
            of_them_parts.add(len(counts))
        if (
            before is None
            and toll is None
            and role_m
            and _HARM_OF_THINGS_RE.match(role_m[0])
            and not (group_m and _HARM_GAP_RE.fullmatch(segment, 0, role_m.start()))
        ):
            # "12 tanks were blown up on mines", "40 villages have suffered from mine
            # contamination", "5,000 people returned to villages that suffered from mines":
            # harm without death or injury is a person's only when the count names people
            # and the harm is theirs ("305 people were blown up by mines")
            role = None
        inner = _GROUP_RE.search(segment[: role_m.start()]) if role_m else None
        label_part = False
        label = _GROUP_LABEL_RE.search(text, max(prev_end, n.start - 30), n.start)
        if (
            label is not None
            and (
                _OF_WHOM_AFTER_RE.match(text, n.end)  # "mostly civilians – 90 of them were killed"
                or (
                    counts and not text[prev_end : label.start()].strip()
                )  # "killed 2 soldiers – 4"
            )
        ):
            label = None
        if group_m:
            group = group_m.lastgroup or "all"
            labelled = None  # "servicemen – 2 killed, 5 injured, and 9 civilians ..."
        elif label:  # "killed - 11, of them civilians - 9": the label names the count
            group, stated_before = label.lastgroup or "all", True
            # a heading of the counts after it, not the label of one part
            of_part = _PART_RE.search(text, max(prev_end, label.start() - 16), label.start())
            mark = text[max(start, label.start() - 3) : label.start()].rstrip()[-1:]
            opens_list = label.start() == start or mark in (":", ";")
            heads = opens_list or mark == ","
            labelled = (group, label.start()) if heads and not of_part else None
            # "killed 24 people – civilians – 3, ...": parts of the count before, unless the
            # label opens a list after ":" or ";"
            label_part = (
                bool(counts)
                # a whole of all people, or a labelled part of it before: "killed 47 people –
                # soldiers – 29, civilians – 18"; not "civilians killed ... 28, servicemen – 60"
                and (counts[-1].group == "all" or len(counts) - 1 in label_parts)
                and role is None
                and not opens_list
            )
            if of_part:
                labelled_parts.add(len(counts))
        elif (
            labelled is not None
            and not _ROLE_BEFORE_RE.search(text, prev_end, n.start)
            and not re.search(r"[;\n()]", text[labelled[1] : n.start])
        ):
            group = labelled[0]  # "servicemen – 2 killed, 5 injured; civilians – ..."
        elif inner:
            group = inner.lastgroup or "all"
        elif sentence_group:
            group = sentence_group
        elif (
            counts
            and counts[-1].group in ("civilian", "military")
            and len(counts) - 1 not in labelled_parts  # "..., of them civilians – 9, and 30 ..."
            and len(counts) - 1 not in included  # "64 killed, including 51 civilians, 276 ..."
            and _CONTINUE_RE.match(text[prev_end : n.start])
            # not after a list of groups: "16 civilians and 4 servicemen were killed, 38 ..."
            # (but "2 killed and 5 injured, and 9 civilians were killed and 25 injured")
            and not (
                len(counts) > 1
                and counts[-2].group not in (counts[-1].group, "all")
                and not (
                    _ROLE_RE.search(text, counts[-2].number.end, counts[-1].number.start)
                    and _GROUP_VERB_AND_RE.fullmatch(text, counts[-1].number.end, n.start)
                )
            )
        ):
            # "50 were civilians who lost their lives, while 105 suffered injuries"
            group = counts[-1].group
        else:
            group = "all"
        if group == "all" and sentence_group:
            group = sentence_group
        if group == "all" and toll is not None:
            named = {m.lastgroup for m in _GROUP_WORD_RE.finditer(what)}
            group = (named.pop() or "all") if len(named) == 1 else "all"
        between = text[prev_end : n.start]
        listed = bool(counts) and bool(_PART_CONTINUES_RE.fullmatch(between))
        if role is None and listed and counts[-1].role_before:
            # "mines have killed 48 civilians and 13 servicemen": one verb for the list.
            role, stated_before = counts[-1].role, True
        part = (
            bool(counts)
            and (
                bool(_PART_RE.search(between))
                or _in_brackets(text, start, n.start)
                # "58 victims: 16 civilians ...", not "killed : 54, ..., injured : 146"
                or (between.rstrip().endswith(":") and ";" not in between and before is None)
                or (
                    counts[-1].part
                    and listed
                    and not _other_role_of_all(
                        counts, role, group, own=role_m is not None and before is None
                    )
                )
                or _after_of_the(text, start, counts, n)
                # "380 people ..., 70 of them died", not "...; one of them later died"
                or (_OF_THEM_ROLE_RE.match(text, n.end) is not None and ";" not in between)
                or (of_them_group is not None and ";" not in between)
                # "41 victims, with 5 losing their lives and 36 sustaining injuries"
                or _SUBSET_GERUND_RE.match(text, n.end) is not None
            )
        ) or (not counts and bool(_PART_RE.search(between)))
        if counts and (
            _INCLUDING_RE.search(text, prev_end, n.start)
            or (len(counts) - 1 in included and listed and role is None)
        ):
            included.add(len(counts))  # "including 51 civilians and 13 servicemen"
        if label_part:
            part = True
            label_parts.add(len(counts))
        value = None if n.value is None or n.malformed else int(n.value)
        counts.append(
            _Count(
                value,
                n,
                role,
                group,
                part,
                _qualifier(text, n.start),
                stated_before,
                period=period,
                subset=bool(counts) and _SUBSET_GERUND_RE.match(text, n.end) is not None,
            )
        )
    # A group "including" in a count with a role is of that role: "64 people died, including
    # 51 civilians, 276 people were injured" (not of the injured after it).
    for i in sorted(included | of_them_parts):
        if (
            counts[i].role is None
            and counts[i - 1].role in ("killed", "injured")
            # not "... and five were injured in a blast; two of them were soldiers": of all
            and ";" not in text[counts[i - 1].number.end : counts[i].number.start]
        ):
            counts[i].role = counts[i - 1].role
    # Within a breakdown a verb is shared: "58 victims: 16 civilians and 4 servicemen were
    # killed". A breakdown with no verb takes the role of the count it breaks down: "killed
    # 61 people, including 48 civilians", "61 were killed (48 civilians and 13 servicemen)".
    for i in range(len(counts) - 2, -1, -1):
        c, after = counts[i], counts[i + 1]
        if (
            c.part
            and after.part
            and c.role is None
            and ";" not in text[c.number.end : after.number.start]
        ):
            c.role = after.role
    whole = None
    outside: _Count | None = None  # the last count outside brackets
    for c in counts:
        bracketed = c.part and _in_brackets(text, start, c.number.start)
        if not bracketed:
            outside = c
        if not c.part:
            whole = c
        elif whole is not None:
            if bracketed and outside is not None and outside.part:
                whole = outside  # "41 victims: 11 were killed (9 civilians, 2 servicemen)"
            if (
                whole.role in (None, "injured")
                and c.role == "killed"
                and whole.group == "all"
                and _OF_THEM_ROLE_RE.match(text, c.number.end)
                # "30 were injured, 4 of whom later died in hospital": died of wounds
                and not _DIED_OF_WOUNDS_RE.search(text, c.number.end, c.number.end + 60)
            ):
                # "380 people have been injured ..., 70 of them died"; "268 people hit mines,
                # 44 of whom died"
                whole.role = "victims"
            c.of_role = whole.role
            if c.role is None:
                c.role = whole.role
            if c.period is None:
                c.period = whole.period  # "... since 2020 is 380: 70 dead, 310 wounded"
            if c.group == "all" and (
                whole.group in ("civilian", "military")
                # "6 children (1 killed, 5 injured)"
                or (whole.group == "other" and _in_brackets(text, whole.number.end, c.number.start))
            ):
                c.group = whole.group  # "1,286 civilians ...: 312 were killed and 974 injured"
    # A shared verb: "seven soldiers and 26 civilians have died" gives both the role.
    for i in range(len(counts) - 1, -1, -1):
        if counts[i].role is None and i + 1 < len(counts):
            if counts[i + 1].part and not counts[i].part:
                counts[i].role = _role_of_whole(_parts_of(counts, i), text)
            else:
                counts[i].role = counts[i + 1].role
        if counts[i].role is None:
            counts[i].role = sentence_role
    flags: list[str] = []
    if ctx.names_respectively and _RESPECTIVELY in ctx.lower[start:end]:
        counts = _respective_counts(ctx, start, end, counts, flags)
    else:
        candidates = list(
            {(p.start, p.end): p for p in ctx.periods_in(start, end) if p.start}.values()
        )
        if (
            counts
            and len(candidates) > 1
            and (
                _disjoint(candidates)
                # "400 ... since the end of the war, bringing the total to 3,400 since the
                # 1990s": running totals from different starts
                or (
                    all(p.precision == "cumulative" for p in candidates)
                    and len({p.start for p in candidates}) == len(candidates)
                )
            )
        ):
            # "In 2023, 20 people were killed and 38 injured; in 2024, 11 ...", "Mines
            # killed 20 people in 2023 and 11 in 2024": each count with its own period
            for c in counts:
                if c.period is None:
                    c.period = _count_period(ctx, start, end, c.number, candidates)
            for prev, c in pairwise(counts):
                if (
                    c.role is None
                    and prev.role is not None
                    and c.period not in (None, prev.period)
                    and _BARE_END_RE.match(text, c.number.end)
                    and (
                        _ELLIPSIS_RE.search(text, max(start, c.number.start - 8), c.number.start)
                        or _is_period_then_figure(ctx, c.period, c.number)
                    )
                ):
                    # "... killed 20 people in 2023 and 11 in 2024": the same again; "58
                    # people fell victim to mines, in 2024 – 41" likewise
                    c.role, c.role_before = prev.role, True
                    c.group = prev.group if c.group == "all" else c.group
    counts = [
        c for c in counts if c.role is not None and (c.role_before or _noun_or_role_near(text, c))
    ]
    return counts, flags


_SAME_PERIOD_AGAIN_RE = re.compile(
    r"\b(?:the\s+(?:reporting|reported|specified|said|mentioned|given|same)\s+period"
    r"|(?:this|that)\s+period)\b"
)
_SUBSET_GERUND_RE = re.compile(r"\s+(?:sustaining|suffering|losing|receiving)\b", re.I)
_ALSO_ROLE_RE = re.compile(
    r"\b(?:were|was|have\s+been|has\s+been)\s+also\s+(?:killed|injured|wounded)\b.*?"
    r"\b(?:the|these|those|same)\s+(?:explosions?|blasts?|incidents?)\b"
)
_OF_WHOM_AFTER_RE = re.compile(r"\s+of\s+(?:them|whom)\b", re.I)
_OF_THEM_GROUP_RE = re.compile(
    r"\s+of\s+(?:them|whom)\s+(?:were\s+|are\s+)?(?P<group>civilians?|servicem[ae]n|soldiers?"
    r"|military|children|women)\b(?!\s+(?:were|was|have|had|died|killed|injured|wounded))",
    re.I,
)
_OF_THEM_ROLE_RE = re.compile(
    r"\s+of\s+(?:them|whom)\s+(?:(?:were|was|have|has|had|been|later)\s+)*"
    r"(?:died|killed|perished|injured|wounded)\b",
    re.I,
)


# A group as the label of the number after it: "of them civilians - 9", "servicemen: 2"
_GROUP_LABEL_RE = re.compile(
    r"\b(?:(?P<civilian>civilians?)|(?P<military>servicem[ae]n|soldiers|military))"
    r"\s*[-–—:]\s*$",
    re.I,
)


# "9 civilians were killed and 25 injured": the count after goes on with the group
_GROUP_VERB_AND_RE = re.compile(
    r"\s+[a-z]+\s+(?:were|was|have\s+been|has\s+been)\s+(?:killed|injured|wounded)\s+and\s+",
    re.I,
)


def _role_of_whole(parts: list[_Count], text: str) -> str | None:
    """The role of a whole without one of its own, from its parts. Broken down by group
    (any named group), it has theirs: "33 citizens, including seven soldiers and 26
    civilians have died". Broken down into killed and injured, it counts victims: "41 people
    (11 killed, 30 injured)", "Of the 92 servicemen, 18 were killed and 74 injured". A part
    of one role says nothing of the rest: "58 people, including 12 killed, fell victim"."""
    roles = {c.role for c in parts}
    if roles == {"killed", "injured"} or "victims" in roles:
        return "victims"  # also "385 people (including 60 children) became mine victims: ..."
    if len(roles) == 1 and not all(
        c.role_before or _ROLE_AFTER_RE.match(text, c.number.end) for c in parts
    ):
        # by group, place or period, the parts share the whole's verb: "58 people (12 in
        # Aghdam and 9 in Fuzuli) were injured"; not "58 people, including 12 killed", nor
        # "385 persons, of them died - 71"
        return roles.pop()
    return None


_ROLE_AFTER_RE = re.compile(r"\s*(?:were\s+|was\s+)?(?:killed|injured|wounded|dead|died)\b", re.I)


def _parts_of(counts: list[_Count], whole: int) -> list[_Count]:
    """The parts that follow the count at index `whole`, up to the next whole."""
    parts = []
    for c in counts[whole + 1 :]:
        if not c.part:
            break
        parts.append(c)
    return parts


_ROLE_WORD_RE = re.compile(
    r"\b(?:(?P<killed>killed|died|dead|deaths?|fatalities|lost\s+their\s+lives)"
    r"|(?P<injured>injured|wounded|injuries|maimed))\b",
    re.I,
)


_GROUP_WORD_RE = re.compile(
    r"\b(?:(?P<civilian>civilians?)|(?P<military>soldiers?|servicem[ae]n|military"
    r"(?:\s+personnel)?|service\s*members?))\b",
    re.I,
)


def _respective_counts(
    ctx: _Context, start: int, end: int, counts: list[_Count], flags: list[str]
) -> list[_Count]:
    """Pair a list of counts with the roles, groups or periods "respectively" refers to:
    "71 and 315 people were killed and injured, respectively"; "civilians and servicemen
    killed stand at 45 and 26 respectively"; "in 2021 and 2022, 35 and 48 people
    respectively". A list that pairs with nothing is dropped and flagged."""
    text = ctx.text
    periods = _period_list(ctx, start, end)
    said = ctx.lower.find(_RESPECTIVELY, start, end)
    for run in _number_lists(text, [c.number for c in counts]):
        listed = [c for c in counts if any(c.number is n for n in run)]
        window = [(start, run[0].start), (run[-1].end, said)]
        roles = [m.lastgroup for a, b in window for m in _ROLE_WORD_RE.finditer(text, a, b)]
        groups = [m.lastgroup for a, b in window for m in _GROUP_WORD_RE.finditer(text, a, b)]
        k = len(run)
        if listed[0].role_before and listed[0].role in ("killed", "injured"):
            roles = [listed[0].role]  # "and injured 220 and 92": one verb for the list
        shared = {c.group for c in listed} - {"all"}
        if len(shared) == 1:
            # "13 and 4 servicemen, respectively": the noun after the list is everyone's
            group = shared.pop()
            for c in listed:
                c.group = group
        if len(periods) == k:
            for c, period in zip(listed, periods, strict=True):
                c.period, c.role_before = period, c.role is not None
        elif len(roles) == k and len(set(roles)) == k:
            for c, role in zip(listed, roles, strict=True):
                c.role, c.role_before, c.part = role, True, False
        elif len(groups) == k and len(set(groups)) == k:
            for c, group in zip(listed, groups, strict=True):
                c.group, c.part = group or "all", False
                if len(set(roles)) == 1:
                    c.role = roles[0]  # "civilians and servicemen killed ... stand at 45 and 26"
                c.role_before = c.role is not None
        else:
            flags.append("respectively_not_extracted")
            counts = [c for c in counts if c not in listed]
    return counts


_TOLL_RE = re.compile(
    r"\b(?:(?:the\s+)?(?:total\s+)?number\s+of\s+(?P<what>[^.;]{0,70}?)\s+(?:is|was|stands\s+at|"
    r"stood\s+at|(?:has|had)\s+(?:reached|risen\s+to)|reached|rose\s+to|amounts?\s+to)"
    r"|(?:bringing|brings|brought|raising|raises|raised|taking|takes|took)\s+(?:the\s+)?"
    r"(?:total|toll|number)(?P<what2>[^.;]{0,70}?)\s+to"
    # "ANAMA put the number of mine victims since the end of the war at 341"
    r"|(?:put|puts|putting|estimated|estimates|gave|gives)\s+(?:the\s+)?(?:total\s+)?"
    r"(?:number|toll)\s+of\s+(?P<what3>[^.;]{0,70}?)\s+at)"
    r"\s+(?:some\s+|about\s+|over\s+|more\s+than\s+|nearly\s+|almost\s+)?$",
    re.I,
)


_NEAR_MISS_RE = re.compile(
    r"\b(?:almost|narrowly|could|would|might|not|no\s+one)\b(?:\s+(?:have|be|been|was|were))*"
    r"\s+$",
    re.I,
)


_REVISED_RE = re.compile(
    r"\b(?:revised|corrected|changed|amended|updated|adjusted)\s+(?:\w+\s+)?from\s+"
    r"(?P<old>[\d.,]*\d|[a-z]+)\s+to\s+(?P<new>[\d.,]*\d|[a-z]+)\b"
)


_COMPARATIVE_RE = re.compile(
    r"\s*(?:%|percent|per\s+cent|times|fewer|more|less|higher|lower|greater)\b", re.I
)


_TOLL_REACHED_RE = re.compile(
    r"\b(?P<victims>(?:has|have|had)\s+(?:reached|risen\s+to|climbed\s+to)|reach(?:ed|es)|rose\s+to"
    r"|stands?\s+at|stood\s+at|amounts?\s+to|totals?|totalled|numbered)\s*(?:some\s+|about\s+|"
    r"over\s+|more\s+than\s+|nearly\s+)?$",
    re.I,
)


_DURATION_RE = re.compile(r"\s*(?:days?|weeks?|months?|years?|hours?|minutes?)\b", re.I)


_ANIMALS_RE = re.compile(
    r"\s+(?:\w+\s+)?(?:cows?|cattle|sheep|goats?|horses?|donkeys?|animals?|livestock|dogs?|"
    r"heads\s+of)\b",
    re.I,
)


_AGE_AFTER_RE = re.compile(r"[-\s]*years?[-\s]*old\b", re.I)


_AGE_BEFORE_RE = re.compile(r"\baged\s+(?:[\d,\s]+(?:(?:and|or)\s+)?)?$", re.I)


# A sentence that opens with one person, translated without an article.
_ONE_PERSON_OPENING_RE = re.compile(
    r"\W*(?P<noun>(?:Serviceman|Servicewoman|Soldier|Resident|Civilian|Deminer|Shepherd|"
    r"Sapper|Employee|Citizen)\b)(?!\s+and\b)"
)


_ANOTHER_RE = re.compile(r"\b[Aa]nother(?=\s+(?:was|is|person|man|woman|civilian|soldier)\b)")


_ONE_PERSON_RE = re.compile(
    # "\b[Aa]", the \b as a look-behind after the letter (as in _PLACE_RE)
    r"[Aa](?<!\w.)n?(?=\s+(?:[\w-]+\s+){0,2}?(?:resident|civilian|soldier|serviceman|servicewoman|"
    r"shepherd|driver|farmer|man|woman|boy|girl|child|teenager|deminer|sapper|worker|employee|"
    r"citizen|person|villager|local|police\s+officer|policeman)\b)"
)


_PART_CONTINUES_RE = re.compile(r"\s*(?:[^\W\d]+\s*){0,2}?(?:and|,)\s*")


def _noun_or_role_near(text: str, count: _Count) -> bool:
    """Keep numbers that name people or a toll, not stray figures in the sentence."""
    if count.number.text in ("", "a", "A", "an", "An", "another", "Another"):
        return True  # "A 34-year-old resident": _ONE_PERSON_RE saw the person
    tail = text[count.number.end : count.number.end + 60]
    return bool(
        _GROUP_RE.match(text, count.number.end)
        or _LIVES_RE.match(text, count.number.end)  # "claimed 70 lives"
        or _ROLE_RE.match(tail.lstrip())
        or re.match(
            r"\s*(?:of\s+(?:them|whom|its|our|the)\b|more\s+(?:were|received|suffered|sustained)\b"
            r"|(?:were|was|have|had|suffered|suffering|"
            r"sustained|sustaining|received|receiving|lost|losing|died)\b|people|"
            r"fatalit|injur|deaths?|victims?|casualt|(?:land)?mines?\s+(?:victims?|casualt)"
            r"|(?:\w+\s+){1,2}(?:were|was|have|had)\b"
            # "253 (civilian: 101; military: 152) were injured"
            r"|\([^()]{0,60}\)\s*(?:were|was|have|had)\b)",
            tail,
            re.I,
        )
    )


_FIELD_FOR = {
    ("killed", "all"): "killed",
    ("killed", "civilian"): "civilian_killed",
    ("killed", "military"): "military_killed",
    ("injured", "all"): "injured",
    ("injured", "civilian"): "civilian_injured",
    ("injured", "military"): "military_injured",
    ("victims", "all"): "total_victims",
}


def _extract_casualties(ctx: _Context, doc: str | None):
    statements: list[_Statement] = []
    if not ctx.names_victims:
        return []
    current: _Statement | None = None
    previous_was_casualty = False
    relevant = set(ctx.relevant)
    for index, (start, end) in enumerate(ctx.sentences):
        if current is not None and ctx.names_corrections and _correct_tally(ctx, index, statements):
            previous_was_casualty = False
            continue
        if (
            (start, end) not in relevant
            and not (
                # no digit or number word, but one person: "A resident of Fuzuli was injured"
                _CAS_WORD_RE.search(ctx.lower, start, end)
                and (
                    _ONE_PERSON_RE.search(ctx.text, start, end)
                    or _ONE_PERSON_OPENING_RE.match(ctx.text, start, end)
                )
            )
            and not (previous_was_casualty and _REVISED_RE.search(ctx.lower, start, end))
        ):
            previous_was_casualty = False
            continue
        sentence = ctx.text[start:end]
        # "Update: the figure has been revised from 5 to 4" corrects the tally before it
        correcting = previous_was_casualty and bool(_REVISED_RE.search(ctx.lower, start, end))
        if not correcting and not _CAS_WORD_RE.search(ctx.lower, start, end):
            previous_was_casualty = False
            continue
        early = None  # the counts, when the tally before needs them first
        breaks_down = False
        if (
            previous_was_casualty
            and current is not None
            and current.values.get("total_victims") is not None
            and not _ANAPHORA_RE.match(sentence)  # "Of them, ...": goes on anyway
            and not _OTHER_HARM_RE.search(ctx.lower, start, end)
            and not _NOTICE_RE.match(sentence)  # "Correction: the number ... is 30, not 29"
        ):
            early = _casualty_counts(ctx, start, end)
            breaks_down = _breaks_down_tally(early[0], current, partial(_counts_after, ctx, index))
        elif (
            previous_was_casualty
            and current is not None
            and _has_role(current, "killed") != _has_role(current, "injured")
            and not ctx.periods_in(start, end)
            and not _OTHER_HARM_RE.search(ctx.lower, start, end)
            and not _VICTIM_HELP_RE.search(ctx.lower, start, end)
            and not _NOTICE_RE.match(sentence)
        ):
            # "Since the war, 64 people died in mine blasts, ...; 276 people were injured":
            # the other role of the statement before, for its period
            early = _casualty_counts(ctx, start, end)
            breaks_down = _gives_the_other_role(ctx, start, end, early[0], current)
        after_a_blast = False
        in_context = (
            correcting
            or bool(_CAS_CONTEXT_RE.search(ctx.lower, start, end))
            or (
                previous_was_casualty
                and bool(_ANAPHORA_RE.match(sentence))
                # not "At the same time, 12 people died in road accidents"
                and not (
                    _LOOSE_ANAPHORA_RE.match(sentence)
                    and _OTHER_HARM_RE.search(ctx.lower, start, end)
                )
            )
            # "... mine victims ... at 341. As of 26 December, the agency gives 322 victims."
            or (previous_was_casualty and _tally_goes_on(ctx, start, end))
            # "So far this year, mines have killed 9 people. In the same period last year, 14
            # people were killed."
            or (previous_was_casualty and _last_years_tally(ctx, index, sentence))
            # "Five people were hit when a car ran over an anti-tank mine. Of them, 3 ..."
            or (
                index > 0
                and _opens_with_of_them(sentence)
                and _tells_of_a_blast(ctx, *ctx.sentences[index - 1])
            )
            or (after_a_blast := _harm_after_a_blast(ctx, index))
            or _mine_named_next(ctx, index)
            or _under_a_heading_of_mine_victims(ctx, index)
            # "In 2023, 58 people became mine victims. ... 19 people were killed and 39
            # injured last year."
            or breaks_down
        )
        if (
            in_context
            and _OF_THE_GROUP_RE.match(sentence)
            and not _CAS_CONTEXT_RE.search(ctx.lower, start, end)
        ):
            # a sentence read for the mines before it, but of other harm or of help: "Of the
            # 12 servicemen injured in the road accident, ...", "In October, 5 wounded
            # servicemen received prostheses"
            in_context = not (
                _OTHER_HARM_RE.search(ctx.lower, start, end)
                or _VICTIM_HELP_RE.search(ctx.lower, start, end)
            )
        if (
            in_context
            and _ACCIDENT_HARM_RE.search(ctx.lower, start, end)
            and not _MINE_WORD_RE.search(ctx.lower, start, end)
        ):
            in_context = False  # "Also, 5 people were injured in a gas explosion in Baku"
        if not in_context:
            previous_was_casualty = False
            continue
        counts, count_flags = early or _casualty_counts(ctx, start, end)
        # counts with a period of their own leave the others the sentence's other periods
        claimed = [c.period for c in counts if c.period is not None]
        periods = ctx.periods_in(start, end)
        sentence_period = _choose_period([p for p in periods if p not in claimed] or periods)
        if (
            sentence_period is None
            and index
            and not previous_was_casualty  # else "Of them" is of the tally just given
            and (_opens_with_of_them(sentence) or after_a_blast)
        ):
            # "On 2 October, an armoured vehicle hit an anti-tank mine ... Of the 8 servicemen
            # aboard, 1 was killed and 3 injured": the day of the incident told just before
            sentence_period = _incident_day(ctx, *ctx.sentences[index - 1])
        # "15 Azerbaijanis were killed by mines since ... 52 soldiers and eight civilians
        # were also injured in the explosions": more of the same tally; and "65 people died
        # and 276 were injured during the specified period", of the tally just given
        also = (
            previous_was_casualty
            and sentence_period is None
            and (
                _ALSO_ROLE_RE.search(ctx.lower, start, end) is not None
                or (
                    current is not None
                    and current.period is not None
                    and _SAME_PERIOD_AGAIN_RE.search(ctx.lower, start, end) is not None
                )
            )
        )
        continuing = (
            (previous_was_casualty and bool(_ANAPHORA_RE.match(sentence))) or breaks_down or also
        )
        # Counts that "respectively" pairs with periods make one statement per period.
        by_period: dict[tuple[int, int], tuple[Period | None, list[_Count]]] = {}
        for c in counts:
            period = c.period or sentence_period
            key = (period.start_offset, period.end_offset) if period else (-1, -1)
            by_period.setdefault(key, (period, []))[1].append(c)
        found = False
        for period, group in by_period.values():
            values, qualifiers = _casualty_values(group, period, continuing and not also)
            if not values:
                continue
            found = True
            if (
                period is None
                and current is not None
                and any(c.qualifier == "corrected" for c in group)
            ):
                # "Update: the number of injured has been revised from 5 to 4."
                for key, value in values.items():
                    current.values[key] = value
                    current.qualifiers.pop(key, None)
                current.flag("corrected")
                current.spans.append((start, end))
                continue
            if not (
                continuing
                and current is not None
                and len(by_period) == 1
                and _same_period(current.period, period)
            ):
                current = _Statement("casualties", period=period)
                statements.append(current)
            for key, value in values.items():
                q = qualifiers.get(key)
                if q == "conflict" or not _merge_value(current, key, value, q):
                    current.values[key] = None
                    current.flag(f"{key}_conflict")
            for code in count_flags:
                current.flag(code)
            current.spans.append((start, end))
        previous_was_casualty = found
    records = [_casualty_record(ctx, s, doc) for s in statements]
    _flag_disagreeing_tallies(records)
    return records


_OF_THEM_RE = re.compile(r"\W*(?:of\s+(?:them|these|those)|among\s+them)\b", re.I)
_OF_THE_GROUP_RE = re.compile(
    r"\W*of\s+the\s+[\d.,\s]*\d\s+(?:civilians|servicemen|soldiers|military\s+personnel)\b", re.I
)
_BLAST_RE = re.compile(
    r"\b(?:hit|ran\s+over|drove\s+over|stepped\s+on|explo\w+|detonat\w+|blast|went\s+off"
    r"|blew\s+up)",
    re.I,
)


def _opens_with_of_them(sentence: str) -> bool:
    """True for a sentence opening with the people of the one before: "Of them, ...",
    "Of the 8 servicemen aboard, ..."."""
    return bool(_OF_THEM_RE.match(sentence) or _OF_THE_GROUP_RE.match(sentence))


# ordnance beyond the mine words: "an aviation bomb", "a mortar round", "an explosive
# object", "a booby trap", "an improvised explosive device"
_ORDNANCE_RE = re.compile(
    r"\b(?:bombs?|bombies|(?:mortar|artillery|tank)\s+rounds?|explosive\s+(?:objects?|devices?"
    r"|items?|remnants?)|booby|improvised\s+explosive|ieds?|erw)\b"
)
# a strike of the war, not a remnant's blast
_WAR_STRIKE_RE = re.compile(r"\b(?:strikes?|attack\w*|shelling|missiles?|drones?|russian)\b")


def _harm_after_a_blast(ctx: _Context, index: int) -> bool:
    """True for a sentence of harm right after one telling of a mine going off with no harm
    ("An anti-tank mine exploded under a truck. 2 servicemen were killed and 3 ...")."""
    if index == 0:
        return False
    start, end = ctx.sentences[index]
    before = ctx.sentences[index - 1]
    return (
        not _OTHER_HARM_RE.search(ctx.lower, start, end)
        and _tells_of_a_blast(ctx, *before)
        # a mine's or ordnance's blast, not a depot's, a transformer's or a missile's
        and (
            _MINE_WORD_RE.search(ctx.lower, *before) is not None
            or _ORDNANCE_RE.search(ctx.lower, *before) is not None
        )
        and not _WAR_STRIKE_RE.search(ctx.lower, *before)
        and not _CAS_WORD_RE.search(ctx.lower, *before)
        # not a blast at a site: "An explosion at a factory was caused by shells stored there"
        and not _ACCIDENT_HARM_RE.search(ctx.lower, *before)
    )


def _tells_of_a_blast(ctx: _Context, start: int, end: int) -> bool:
    """True for a sentence telling of a mine going off: "a car ran over an anti-tank mine"
    (not "ANAMA held a meeting with 30 mine survivors")."""
    return bool(
        _CAS_CONTEXT_RE.search(ctx.lower, start, end) and _BLAST_RE.search(ctx.lower, start, end)
    )


def _incident_day(ctx: _Context, start: int, end: int) -> Period | None:
    """The one day of a sentence telling of a mine incident, if it gives one."""
    if not _tells_of_a_blast(ctx, start, end):
        return None
    days = [p for p in ctx.periods_in(start, end) if p.precision == "day" and p.start]
    return days[0] if len(days) == 1 else None


def _under_a_heading_of_mine_victims(ctx: _Context, index: int) -> bool:
    """True for a line of a list under a heading about mine victims: "Mine victims in 2024"
    over "January: 3 victims (1 killed, 2 injured)". The list runs on while its lines carry
    no closing full stop; lines of counts are passed over, lines of money or help are none."""
    line = ctx.sentences[index]
    if _OTHER_HARM_RE.search(ctx.lower, *line) or _VICTIM_HELP_RE.search(ctx.lower, *line):
        return False  # "January: 14 victims received prostheses"
    for s, e in reversed(ctx.sentences[max(0, index - 12) : index + 1]):
        last = ctx.text[s:e].rstrip()[-1:]
        if (s, e) != ctx.sentences[index] and last in (".", "!", "?"):
            return False  # prose between: the heading is not this line's
        if (s, e) != ctx.sentences[index] and _leads_on(ctx, (s, e)) and not ctx.numbers_in(s, e):
            return bool(  # "Mine victims in 2024", not "Assistance to mine victims in 2024"
                _CAS_CONTEXT_RE.search(ctx.lower, s, e)
                and _CAS_WORD_RE.search(ctx.lower, s, e)
                and not _VICTIM_HELP_RE.search(ctx.lower, s, e)
                and not _OTHER_HARM_RE.search(ctx.lower, s, e)
            )
    return False


def _mine_named_next(ctx: _Context, index: int) -> bool:
    """True when the next sentence says the harm came from a mine: "A deminer was injured on
    Sunday in Fuzuli. He stepped on an anti-personnel mine." """
    if index + 1 >= len(ctx.sentences):
        return False
    start, end = ctx.sentences[index + 1]
    return bool(
        _HARMED_ONE_RE.match(ctx.lower, start, end)
        and _CAS_CONTEXT_RE.search(ctx.lower, start, end)
    )


_HARMED_ONE_RE = re.compile(
    r"\W*(?:he|she|they|the\s+(?:\w+\s+)?(?:victim|deminer|sapper|employee|worker|man|woman|"
    r"boy|girl|child|teenager|resident|villager|shepherd|farmer|driver|civilian|soldier|"
    r"serviceman|servicewoman|person)s?)\b"
)


def _casualty_values(
    counts: list[_Count], period: Period | None, continuing: bool
) -> tuple[dict[str, int | None], dict[str, str]]:
    """The casualty fields one sentence states for one period, and their qualifiers."""
    values: dict[str, int | None] = {}
    qualifiers: dict[str, str] = {}
    parts_sum: dict[str, int] = {}
    for c in counts:
        key = _FIELD_FOR.get((c.role or "", c.group))
        if c.subset and c.of_role == c.role:
            continue  # "15 were injured, 5 sustaining serious injuries": some of them
        if c.group == "other" or (key is None and c.role in ("killed", "injured")):
            if c.part and c.of_role not in (None, c.role):
                continue  # "41 victims, including 8 children who were injured": a subset
            if c.value is not None:
                parts_sum[c.role or ""] = parts_sum.get(c.role or "", 0) + c.value
            continue
        if key is None:
            continue
        if key in values and values[key] != c.value:
            values[key] = None
            qualifiers[key] = "conflict"
            continue
        values[key] = c.value
        if c.qualifier:
            qualifiers[key] = c.qualifier
        # Groups add up to a whole, unless they break down a whole of that same role.
        if (
            c.group in ("civilian", "military")
            and c.value is not None
            and not (c.part and c.of_role == c.role)
        ):
            parts_sum[c.role or ""] = parts_sum.get(c.role or "", 0) + c.value
    # "four police officers and two civilians were killed": the whole is the sum.
    for role, total in parts_sum.items():
        whole = "killed" if role == "killed" else "injured" if role == "injured" else None
        incident = period is None or period.precision != "cumulative"
        if whole and whole not in values and not continuing and (len(counts) > 1 or incident):
            values[whole] = total
            qualifiers[whole] = "sum_of_parts"
    return values, qualifiers


# (?=[...]): the words' first letters, a set test that spares most \b tests
_DIED_OF_WOUNDS_RE = re.compile(
    r"(?=[dls])\b(?:died\s+(?:later\s+)?(?:of|from)\s+(?:his|her|their|the)\s+(?:wounds|injuries)"
    r"|died\s+in\s+(?:the\s+)?hospital|later\s+died|succumbed\s+to\s+(?:his|her|their)\s+"
    r"(?:wounds|injuries)|(?:losing|lost)\s+(?:his|her|their)\s+lives?\s+later"
    r"|later\s+(?:losing|lost)\s+(?:his|her|their)\s+lives?)",
    re.I,
)


def _bounds_meet(qualifiers: dict[str, str], parts: int, total: int) -> bool:
    """True when parts given as bounds can add up to the total: "295 victims, 51 of whom
    were killed and over 200 injured" (51 + over 200 is 295)."""
    bounds = {qualifiers.get(k) for k in ("killed", "injured")} - {None}
    total_q = qualifiers.get("total_victims")
    if bounds <= {"more_than", "at_least"} and bounds and total_q is None:
        return parts <= total
    if total_q in ("more_than", "at_least") and not bounds:
        return parts >= total
    return False


_PARTS_OF = {
    "killed": ("civilian_killed", "military_killed"),
    "injured": ("civilian_injured", "military_injured"),
}


def _casualty_record(ctx: _Context, stmt: _Statement, doc: str | None) -> Record:
    record = new_record("casualties", doc)
    _apply_period(record, stmt.period, stmt)
    v = stmt.values
    for key in CASUALTY_COUNTS:
        record[key] = v.get(key)
    for whole, parts in _PARTS_OF.items():
        known = [record[p] for p in parts if record[p] is not None]
        if stmt.qualifiers.get(whole) == "sum_of_parts" and sum(known) > (record[whole] or 0):
            # a sum of the civilians of one sentence and the servicemen of the next: "50
            # civilians were killed ... Among the military, mines killed 15 people"
            record[whole] = sum(known)
    killed, injured, total = record["killed"], record["injured"], record["total_victims"]
    later_died = any(_DIED_OF_WOUNDS_RE.search(ctx.text, a, b) for a, b in stmt.spans)
    if later_died:
        # "two soldiers were wounded; one of them later died of his wounds": the dead are
        # among the injured, so the toll is the injured, not their sum.
        stmt.flag("died_of_wounds")
        if total is None and injured is not None:
            record["total_victims"] = injured
            stmt.qualifiers["total_victims"] = "computed"
    elif killed is not None and injured is not None:
        if total is None:
            record["total_victims"] = killed + injured
            stmt.qualifiers["total_victims"] = "computed"
        elif killed + injured != total and not _bounds_meet(
            stmt.qualifiers, killed + injured, total
        ):
            stmt.flag("total_victims_mismatch")
    for whole, parts in _PARTS_OF.items():
        known = [record[p] for p in parts if record[p] is not None]
        if record[whole] is not None and known and sum(known) > record[whole]:
            stmt.flag(f"{whole}_parts_exceed_total")
    record["qualifiers"] = dict(stmt.qualifiers)
    record["flags"] = sorted(stmt.flags)
    record["evidence"] = _evidence(ctx, stmt.spans)
    return record


def _flag_disagreeing_tallies(records: list[Record]) -> None:
    """Two cumulative tallies in one text that cover the same days but differ are flagged."""
    tallies = [r for r in records if r["period_precision"] == "cumulative" and r["total_victims"]]
    for a in tallies:
        for b in tallies:
            differ = a["total_victims"] != b["total_victims"]
            same = (a["period_start"], a["period_end"]) == (b["period_start"], b["period_end"])
            if a is not b and same and differ:
                a["flags"] = sorted({*a["flags"], "conflicting_tallies"})

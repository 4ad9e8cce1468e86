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

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from research.dates import WAR_END, Period, find_periods, label_period
from research.gazetteer import find_districts
from research.numbers import Number, find_numbers, parse_number
from research.records import CASUALTY_COUNTS, Record, new_record
from research.sentences import join_list_markers, split_sentences, without_furniture
from research.tables import Entry, Table, find_tables, read_table

__all__ = ["extract"]


def _by_initial(alternatives: str, after_initial: str = "") -> str:
    """The alternation "a|b|..." regrouped by first character, with `after_initial` put after
    that character ("mine|munition|uxo" -> "m(?:ine|unition)|u(?:xo)").

    A pattern that opens with literals lets re skip in C to the next candidate character and
    try one group there; a look-ahead or \\b in front makes it try every position instead.
    Each alternative must open with a plain character; their order within a group is kept.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives.split("|"):
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{c}{after_initial}(?:{'|'.join(rest)})" for c, rest in groups.items())


_WEEK_AREA_LIMIT_HA = 10_000.0  # domain.md section 6: a week above this is a likely typo

# --- what a number counts -------------------------------------------------------------

_DASH = r"[\s\-‐‑–]?"
_NOT_MINE_NOUN = (
    r"(?![\s\-‐]*(?:detect\w*|clear\w*|action|dogs?|risk|victims?|survivors?|search\w*|"
    r"sniff\w*|free|affected|related|awareness|fields?|blasts?|explosions?|incidents?|"
    r"accidents?|specialists?|experts?|maps?|contamination|threat)\b)"
)
# The look-ahead holds the first letter of every name below: a word that starts otherwise
# ("hectares", "people") is turned down in one step, not after trying each name in turn.
_ITEM_RE = re.compile(
    r"[\s(#]*(?=[lmeoiaptucsbw#])(?:(?:were|was)\s+(?=anti|AP\b|AT\b|unexploded|UXO))?"
    r"(?:(?:pieces?|units?|items?)\s+of\s+)?#?(?:"
    rf"(?P<items>(?:land)?mines?\s*(?:,|and|&)\s*(?:other\s+)?(?:munitions|ammunition|"
    r"unexploded\s+ordnances?|UXOs?|explosive\s+(?:devices|items|objects)|ERW)\b"
    r"|explosive\s+(?:devices|items|objects|ordnance(?!\s+disposal))|ordnance\s+items"
    r"|items\b|munitions\s+and\s+mines|mines\s+and\s+(?:other\s+)?explosive\s+\w+)"
    rf"|(?P<ap>anti{_DASH}personnel|antipersonnel|AP\s+mines?|APMs?\b|personnel\s+mines?"
    rf"|(?:land)?mines?\s*\((?:(?-i:AP)|anti{_DASH}personnel)\)"
    rf"|(?:land)?mines?\s+of\s+(?:the\s+)?anti{_DASH}personnel\b(?:\s+type)?"
    rf"|(?-i:AP)(?=\s*(?:,|and|&|/|\|)[^\w\n]*[\d.,\s]+#?(?-i:AT\s+mines?|AT|UXO)\b))"
    rf"|(?P<at>anti{_DASH}(?:tank|vehicle)|antitank|AT\s+mines?|ATMs?\b|tank\s+mines?"
    rf"|(?:land)?mines?\s*\((?:(?-i:AT)|anti{_DASH}tank)\)"
    rf"|(?:land)?mines?\s+of\s+(?:the\s+)?anti{_DASH}(?:tank|vehicle)\b(?:\s+type)?"
    rf"|(?-i:AT)(?=\s*(?:,|and|&|/|\|)[^\w\n]*[\d.,\s]+#?(?-i:AP\s+mines?|AP|UXO)\b))"
    r"|(?P<uxo>unexploded|UXOs?\b|ERWs?\b|(?-i:PHS)\b|explosive\s+remnants\s+of\s+war|"
    r"(?:cluster\s+)?(?:(?:sub)?munitions?\b|bomblets?|bombs?\b)|shells\b|ammunition|projectiles?)"
    rf"|(?P<mines>(?:land)?mines?\b{_NOT_MINE_NOUN})"
    r")",
    re.I,
)
# The same item names written as a label that ends just before its number.
_LABEL_ENDS = (":", "-", "–", "—", "|", "→", "=", "->")  # "|": a cell of a Markdown table
_LABEL_NAMES = (
    r"(?:"
    rf"(?P<ap>anti{_DASH}personnel(?:\s+(?:land)?mines?)?|AP\s+mines?)"
    rf"|(?P<at>anti{_DASH}(?:tank|vehicle)(?:\s+(?:land)?mines?)?|AT\s+mines?)"
    r"|(?P<uxo>unexploded\s+(?:explosive\s+)?ordnances?|UXOs?|ERWs?"
    r"|explosive\s+remnants\s+of\s+war)"
    # "Mines: 205" only as a line's label, not "victims of mines: 11 were killed"
    r"|(?P<mines>(?:(?<![\s\S])|(?<=\n)|(?<=\n[-•*·|] ))(?:land)?mines)"
    r")(?:\s+(?:found|detected|neutrali[sz]ed|destroyed|defused|discovered|removed))?"
)
_LABEL_MARK = r"(?:[:\-–—|→=]|->)"  # between a label and its number
_LINE_START = r"[ \t•*·|-]*"  # the indent, bullet or table bar before a line's label
_LABEL_RE = re.compile(rf"{_LABEL_NAMES}\s*{_LABEL_MARK}\s*$", re.I)
# The same label as the whole start of a line, with or without a mark before the number.
_LINE_LABEL_RE = re.compile(rf"{_LINE_START}{_LABEL_NAMES}[ \t]*{_LABEL_MARK}?[ \t]*$", re.I)
_LINE_AREA_RE = re.compile(
    rf"{_LINE_START}(?:total\s+)?(?:(?:area|territory|land)\s+(?:cleared|demined|released)"
    r"|cleared\s+(?:area|territory|land))\s*[,(]?\s*(?:in\s+)?"
    r"(?:(?P<ha>ha|hectares)|(?P<km2>km2|km²|sq\.?\s*km)|(?P<m2>m2|m²|sq\.?\s*m))\)?"
    rf"[ \t]*{_LABEL_MARK}?[ \t]*$",
    re.I,
)


_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# An item noun used as a modifier of another noun: not the items themselves.
_MODIFIER_RE = re.compile(
    r"(?:[\s-]+(?:land)?mines?)?[\s-]+(?:rollers?|survivors?|detectors?|victims?|signs?|"
    r"protected|proof|resistant|clearance|action|risk|dogs?|vehicles?|machines?|awareness|"
    r"experts?|specialists?|fields?|maps?|warning|incidents?|accidents?|education|cent(?:re|er)s?|"
    r"blasts?|explosions?|contamination|threat|stockpiles?|ban|treaty|convention)\b",
    re.I,
)
_WRAPPED_LINE = 40  # characters: a shorter line is a list item or a heading, not wrapped prose


def _ends_line(text: str, pos: int) -> bool:
    """True when only spaces, a table bar or punctuation follow `pos` on its line."""
    rest = text[pos : pos + 8]
    cut = rest.find("\n")
    return not rest[: cut if cut >= 0 else len(rest)].strip(" \t|.;,") and (
        cut >= 0 or len(text) - pos <= 8
    )


# The look-ahead: as in _ITEM_RE, the first letters of the units.
_AREA_RE = re.compile(
    r"[\s\-‐]*(?=[hгskкm])(?:(?P<ha>hectares?|ha\b|га(?![^\W\d_]))"
    r"|(?P<km2>sq(?:uare|\.)?\s*(?:kilomet(?:er|re)s?|km)\b|km2\b|km²|km\^2|кв\.?\s*км\b)"
    r"|(?P<m2>sq(?:uare|\.)?\s*(?:met(?:er|re)s?|m)\b|m2\b|m²|m\^2|кв\.?\s*м\b))",
    re.I,
)
_TO_HA = {"ha": 1.0, "km2": 100.0, "m2": 1e-4}

# --- the verbs that decide whether a figure is a result ---------------------------------

# Matched against the lower-cased text (no re.I: several times faster on long sentences);
# "may" is a verb only where the original is lower case, not the month.
_VERB_RE = re.compile(
    # [...]: the first letters of the pairs after \b, a cheap test that spares most \b tests
    r"(?=[fdncrueipwmtaglbshv])"
    r"\b(?=fo|de|ne|di|cl|re|co|un|el|id|fr|pl|wi|wo|ma|to|ta|ai|in|ex|go|mu|es|la|bu|su|ha|be|ca|st|av"
    r"|ch|sp|al|wo|sc|fi|fu)(?:(?P<result>found|detected|neutrali[sz]ed|defused|discovered|"
    r"destroyed|cleared|removed|disposed|collected|uncovered|demined|eliminated|"
    r"rendered\s+(?:safe|harmless)|recovered|identified|cleansed|released|freed|"
    r"neutrali[sz]ation|clearance\s+of|results?"
    # present tense, as headlines write it: "Azerbaijan clears over 62,000 hectares"
    r"|clears|finds|(?<!to )find|detects|neutrali[sz]es|defuses|discovers|destroys|removes"
    # gerunds after a reporting verb: "the agency also reported finding 625 UXO"
    r"|finding|discovering|detecting|neutrali[sz]ing|defusing|destroying"
    r"|(?:came|comes|come)\s+across"
    # "clearance covered 1,198.7 hectares", "... were covered by clearance"
    r"|(?<=clearance )covered|(?<=demining )covered|covered\s+by\s+(?:clearance|demining))"
    r"|(?P<other>plan(?:s|ned|ning)?|will|would|may|could|to\s+be|target(?:s|ed)?|aim(?:s|ed)?|"
    r"intend\w*|expected|goal|need(?:s|ed)?|must|estimat\w*|contaminat\w*|plant(?:ed|ing)|laid|"
    r"laying|bur(?:ied|ying)|remain(?:s|ing)?|suspected|hazardous|believed|checked|surveyed|"
    r"inspected|examined|survey|budget\w*|cost\w*|allocated|worth|spen[dt]|scheduled|"
    r"financ\w*|fund(?:s|ed|ing)?|support(?:s|ed|ing)?|stockpil\w*|average|museum|"
    r"forecast\w*|den(?:y|ied|ies)|registered))\b"
)
# On the lower-cased text. "\bmaps?" with the \b moved into a look-behind: a pattern that
# opens with a literal lets re jump to each "map" in C instead of trying every position.
_MAP_RE = re.compile(r"m(?:ap(?<=\bmap)s?\b|inefield\s+forms?)|f(?:orms?\s+of\s+minefields?)")
_REPORTED_RE = re.compile(
    r"\b(?:reported|reports|announced|confirmed|recorded|noted|completed)\s+"
    r"(?:\w+\s+)?$"
)

_QUALIFIER_WORDS = {
    **dict.fromkeys(("more than", "over", "above", "in excess of", "upwards of"), "more_than"),
    **dict.fromkeys(("at least", "no fewer than", "no less than"), "at_least"),
    **dict.fromkeys(("nearly", "almost", "close to", "just under"), "nearly"),
    **dict.fromkeys(
        (
            "about",
            "around",
            "approximately",
            "approx.",
            "some",
            "roughly",
            "an estimated",
            "circa",
            "ca.",
            "~",
        ),
        "about",
    ),
    **dict.fromkeys(
        ("up to", "less than", "fewer than", "under", "not exceed", "does not exceed"), "at_most"
    ),
}


def _qualifier(text: str, start: int) -> str | None:
    """The qualifier written just before a number ("more than 300"), if any."""
    words = text[max(0, start - 24) : start].lower().split()
    if not words or words[-1] not in _QUALIFIER_LAST_WORDS:
        return None  # the common case, settled without joining word runs
    for n in (3, 2, 1):
        if len(words) >= n and (q := _QUALIFIER_WORDS.get(" ".join(words[-n:]))):
            if words[-n] == "over" and len(words) > n and words[-n - 1] in _OVER_VERBS:
                return None  # "handed over 8 maps": a phrasal verb, not "more than"
            return q
    return None


_QUALIFIER_LAST_WORDS = frozenset(q.split()[-1] for q in _QUALIFIER_WORDS)
_OVER_VERBS = frozenset(
    "hand hands handed handing turn turns turned turning pass passes passed passing "
    "give gives gave given hand-over".split()
)


_CLAUSE_END_RE = re.compile(r";|,\s*(?:while|whereas|but|which|although)\b|\.\s", re.I)


def _clause_end(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """Span of the first clause end in text[pos:end]: ";", ", while", ". ", else the end.

    The end ("$") is left out of the pattern, so that re can skip to [;,.] in C; it is put
    back here where re would find it: at `end`, or before a line break that ends the span.
    """
    m = _CLAUSE_END_RE.search(text, pos, end)
    if m is not None:
        return m.span()
    if min(pos, len(text)) > end:
        return None
    at = end - 1 if end > pos and text[end - 1] == "\n" else end
    return at, at


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


_OBJECT_GAP_RE = re.compile(
    r"\s+(?:(?:a\s+total\s+of|an\s+area\s+of|the|another|an?\s+additional|additional|"
    r"some|about|around|approximately|roughly|more\s+than|over|nearly|almost|at\s+least|"
    r"up\s+to|close\s+to|in\s+excess\s+of)\s+)*"
)
_TO_HAVE_RE = re.compile(r"\bto\s+(?:have|be)\s+(?:been\s+)?$")


def _planned(ctx: _Context, verb: tuple[int, int, bool]) -> bool:
    """A result verb in a plan: "ANAMA intends to have cleared 250,000 hectares by 2026"."""
    return bool(_TO_HAVE_RE.search(ctx.lower, max(0, verb[0] - 12), verb[0]))


def _is_result_noun(ctx: _Context, verb: tuple[int, int, bool]) -> bool:
    word = ctx.lower[verb[0] : verb[1]]
    return word.startswith("clearance") or word.endswith("ation")


# --- operators and non-Azerbaijani places ----------------------------------------------

# Matched against the lower-cased text, like _VERB_RE.
_OPERATOR_RE = re.compile(
    # The look-ahead on each name's first letters makes the scan about three times faster.
    r"\b(?=ana|min|age|mod|def|mes|sta|sbs|pri|com|eme)"
    r"(?:(?P<ANAMA>anama\b|mine\s+action\s+agency|agency\s+for\s+mine\s+action)"
    r"|(?P<MoD>ministry\s+of\s+defen[cs]e\b|mod\b|defen[cs]e\s+ministry)"
    r"|(?P<MES>ministry\s+of\s+emergency\s+situations\b|emergency\s+situations\s+ministry"
    r"|mes\b)"
    r"|(?P<SBS>state\s+border\s+service\b|sbs\b)"
    r"|(?P<companies>(?:private|commercial)\s+(?:demining\s+)?compan))"
)
# Every _OPERATOR_RE match holds one of these.
_OPERATOR_WORDS = ("anama", "agency", "mod", "defen", "emergency", "mes", "border", "sbs", "compan")
# "\b[Ii]n" with the \b as a look-behind after the letter, so that re can skip to i/I in C.
_PLACE_RE = re.compile(
    r"[Ii](?<!\w.)n\s+(?:the\s+)?(?P<names>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"(?:\s*,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*(?:\s*,?\s+and\s+[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?)?)\s+(?:provinces?|districts?|regions?|oblasts?|governorates?|"
    r"counties|county|municipalit(?:y|ies)|departments?)\b"
)
_PLACE_HINT_RE = re.compile(
    r"provinc|district|region|oblast|governorat|count(?:y|ies)|municipalit|department"
)
_NAME_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")

# --- casualties -------------------------------------------------------------------------

# Both on the lower-cased text.
# (?=[...]): the words' first letters, a set test that spares most \b tests
_CAS_CONTEXT_RE = re.compile(
    r"(?=[mledoubscgw])"
    r"\b(?:mines?|landmines?|mine-|explosions?|blasts?|explosive|exploded|uxo|ordnance|"
    r"detonat\w*|bomblets?|(?:sub)?munitions?|cluster|unexploded|shells?\b|grenades?|"
    r"went\s+off)"
)
_CAS_STEMS = (
    "kill",
    "died",
    "dead",
    "death",
    "fatalit",
    "lost",
    "injur",
    "wound",
    "victim",
    "casualt",
)  # fmt: skip; every _CAS_WORD_RE match contains one of these
_CAS_WORD_RE = re.compile(
    r"(?=[kdflicvw])\b(?:killed|died|dead|deaths?|fatalit|lost\s+their\s+lives|injur|wounded|"
    r"victims?|casualt)"
)
_ROLE_RE = re.compile(
    r"(?P<victims>killed\s+or\s+(?:injured|wounded)|(?:injured|wounded)\s+or\s+killed|"
    r"killed\s+and\s+(?:injured|wounded)|victims?|casualties|fell\s+victim|blown\s+up|"
    r"hit\s+by)"
    r"|(?P<killed>killed|died|dead\b|deaths?|fatalit(?:y|ies)|lost\s+(?:their|his|her)\s+lives?"
    r"|perished|fatally)"
    r"|(?P<injured>injur(?:ed|ies|y)|wounded|wounds|hurt|maimed)",
    re.I,
)
# Active voice: "mine explosions killed 61 people and injured 253".
_ROLE_BEFORE_RE = re.compile(
    r"\b(?:(?P<victims>killed\s+or\s+(?:injured|wounded|maimed)|(?:injured|wounded)\s+or\s+killed)"
    r"|(?P<killed>killed|killing|died|perished|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of)"
    r"|(?P<injured>injured|injuring|wounded|wounding|maimed|maiming))"
    r"\s+(?:some\s+|about\s+|at\s+least\s+|more\s+than\s+|over\s+|nearly\s+)?$",
    re.I,
)
_GROUP_RE = re.compile(
    r"\s*(?:of\s+them\s+|of\s+whom\s+|were\s+|are\s+|being\s+)?(?:"
    r"(?P<civilian>civilians?|civilian\s+(?:people|persons|residents))"
    r"|(?P<military>soldiers?|servicem[ae]n|service\s*members?|military(?:\s+personnel|\s+"
    r"servicemen)?|troops|army\s+personnel|border\s+guards?)"
    r"|(?P<other>police(?:\s*(?:officers?|men))?|policem[ae]n|deminers?|sappers?|employees|"
    r"staff|workers|journalists?|children|child|minors?|women|woman|teenagers?|boys?|girls?)"
    r"|(?P<all>people|persons?|citizens?|Azerbaijanis|individuals|nationals|residents?|others|"
    r"compatriots|villagers?|shepherds?|farmers?|drivers?|brothers|sisters|sons|daughters|men"
    r"|locals))\b",
    re.I,
)
_SENTENCE_GROUP_RE = re.compile(
    r"^\W*(?:of\s+(?:these|them|the\s+victims)|among\s+(?:them|these|the)?)?[^,]{0,30}?\b"
    r"(?P<group>civilian|military|servicem[ae]n|soldiers)",
    re.I,
)
# "Of those killed, 48 were civilians and 13 servicemen": the role is the sentence's.
_SENTENCE_ROLE_RE = re.compile(
    r"^\W*(?:of|among)\s+(?:those|the|them|these)?\s*(?:(?P<killed>killed|dead)|"
    r"(?P<injured>injured|wounded))\b",
    re.I,
)
# "..., while 105 ...", "... and 38 ...", "killed 297 civilians and injured 763"
_CONTINUE_RE = re.compile(
    r"^[^.;]*?(?:,\s*while|,\s*and|\band|,)\s*(?:(?:killed|injured|wounded|maimed)\s+)?$", re.I
)
_PART_RE = re.compile(r"\b(?:including|of\s+whom|of\s+them|among\s+them|of\s+which)\b", re.I)
_ANAPHORA_RE = re.compile(
    r"^\W*(?:of\s+(?:these|those|them)|among|including|in\s+addition|also|this|these|they"
    r"|[\d.,\s]*\d\s+of\s+(?:these|those|them|whom))\b",
    re.I,
)

# --- maps -------------------------------------------------------------------------------

_MAPS_COUNT_RE = re.compile(
    r"[\s(]*(?:(?:more|new|additional|further|other)\s+)?(?:(?:minefield\s+|mine\s+)?maps?\b"
    r"|(?:minefield\s+)?forms?\s+(?:of\s+)?(?:minefields?|mines?)\b|minefield\s+forms?\b)",
    re.I,
)
_MAPS_OF_RE = re.compile(r"\bmaps?\s+(?:of|for)\s+(?:the\s+)?$")
_MINEFIELDS_RE = re.compile(r"\s+minefields?\b", re.I)
_A_MAP_RE = re.compile(r"\b(?:a|one|the)\s+(?:minefield\s+|mine\s+)?map\b(?!s)", re.I)
# (?=[...]): the words' first letters, a set test that spares most \b tests
_MAP_ACTION_RE = re.compile(
    r"(?=[shptrged])"
    r"\b(?:submitted|handed|hands|handing|provided|provides|transferred|transfers|received|"
    r"receives|gave|given|gives|exchange|passed|delivered|presented)\b",
    re.I,
)
_PERCENT_RE = re.compile(r"\s*(?:%|per\s*cent|percent)", re.I)
_ACCURACY_RE = re.compile(r"\baccura|\bcorrect|\breliab|\bprecis", re.I)
_OUTSIDE_RE = re.compile(r"\boutside\b", re.I)
# Where a percentage's own clause ends: "25 per cent, and more than 55 percent ... outside".
_CLAUSE_CUT_RE = re.compile(r"[,;]|\b(?:and|while|whereas|but)\b", re.I)


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

    def flag(self, code: str) -> None:
        if code not in self.flags:
            self.flags.append(code)


# A sentence worth reading names a topic and a number; most of a press report is neither.
# Run over the lower-cased text: without re.I and behind a first-letter lookahead, the
# scan is about seven times faster.
_TOPIC_RE = re.compile(
    _by_initial(
        r"mine|uxo|ordnance|munition|explosive|erw|hectare|ha\b|m²|m2\b|га\b|кв\.|km|square|sq\b|"
        r"sq\.|victim|kill|injur|wound|died|dead|death|fatal|casualt|lives|maps?\b|bomb|shell|"
        r"device|item|object"
    )
)
_DIGIT_RE = re.compile(r"\d")
_NUMERAL_RE = re.compile(
    r"(?=[otfsenhtmda])\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|dozen|a\s+(?:minefield\s+)?map)\b"
)


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
            self.tables = _tables_of_figures(text)
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
        }
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
            found = _with_month_labels(self.text, start, end, found, published)
        if not found:
            return found
        found = _join_ranges(self.text, found)
        sentence = self.lower[start:end]
        if "born" in sentence:
            found = [
                p
                for p in found
                if not _BORN_RE.search(self.text, max(0, p.start_offset - 12), p.start_offset)
            ]
        if any(p.precision == "cumulative" for p in found):
            found = _close_running_totals(self.text, found, published)
        if "week" in sentence:
            found = _weeks_ending(self.text, found)
        if any(p.precision == "day" for p in found):
            found = self._without_statement_dates(start, end, found)
        return found

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
                or _SAID_BEFORE_RE.search(
                    self.lower, max(start, p.start_offset - 30), p.start_offset
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
            self._numbers[key] = find_numbers(self.text[start:end], offset=start)
        return self._numbers[key]

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
                if is_result and m[0].endswith("ing"):
                    # "reported finding 625 UXO"; "cleared 12.4 km², destroying 1,120
                    # mines"; not "plan on finding", "denied finding"
                    is_result = bool(
                        _REPORTED_RE.search(self.lower, max(start, m.start() - 24), m.start())
                        or (
                            verbs
                            and verbs[-1][2]
                            and self.lower[max(start, m.start() - 2) : m.start()] == ", "
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
        records = _with_table_records(records, _extract_tables(ctx, doc))
    return _drop_restatements(records)


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


_CUT_OFF_RE = re.compile(r"\b(?:up\s+to|until|till|through|by)\s*$", re.I)


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
    known = {p.start_offset for p in found}
    added = []
    for m in _MONTH_LABEL_RE.finditer(text, start, end):
        at = m.start("label")
        if at in known:
            continue
        for p in find_periods("in " + m["label"], published):
            added.append(replace(p, text=m["label"], start_offset=at, end_offset=m.end("label")))
    return sorted(found + added, key=lambda p: p.start_offset) if added else found


_SPEECH_VERBS = (
    "said|says|told|stated|states|reported|reports|announced|announces|informed|noted|"
    "declared|confirmed|explained"
)
_SAID_BEFORE_RE = re.compile(
    rf"\b(?:(?:{_SPEECH_VERBS}|added)\b(?:\s+[\w.-]+){{0,2}}?"
    r"|(?:statement|report|release|briefing|announcement)\s+(?:of|from)"
    r"|dated|(?:released|issued|published|made)(?:\s+on)?)\s+(?:on\s+)?$"
)
# "ANAMA's 7 October statement"
_STATEMENT_AFTER_RE = re.compile(
    r"\s+(?:statement|report|press\s+release|briefing|announcement|interview)\b"
)
_OPENING_RE = re.compile(r"\W*(?:[a-z]+,?\s+)?(?:on\s+)?")  # "On ", "Earlier, on "
# "On 14 October, ANAMA said ...", "On 14.10.2024 the agency reported that ..."
_SAID_AFTER_RE = re.compile(rf",?\s+(?:[\w.'’-]+\s+){{0,3}}?(?:{_SPEECH_VERBS})\b")
_IN_YEAR_RE = re.compile(r"(?i:in|during|for)\s+(?:the\s+year\s+)?(?:19|20)\d\d")
_BORN_RE = re.compile(r"\bborn\s+(?:in\s+|on\s+)?$", re.I)  # a birth date is no period
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
    return (a.start, a.end) == (b.start, b.end)


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
    return old_q is None and _rounds_to(old, value, qualifier)


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


# --- clearance --------------------------------------------------------------------------


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


def _holds_any(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """True when text[start:end] holds one of `words`: a cheap test that spares a pattern
    search wherever every match of the pattern holds one of them."""
    for word in words:  # noqa: SIM110 (a loop: any() over a generator costs more)
        if text.find(word, start, end) >= 0:
            return True
    return False


_RATE_AFTER_RE = re.compile(
    r"\s*(?:(?:per|a|an|each)\s+(?:day|week|month|year)\b|daily\b|weekly\b)"
)
_RATE_BEFORE_RE = re.compile(r"\b(?:average(?:\s+of)?|on\s+average)\s+(?:of\s+)?(?:about\s+)?$")
_ITEM_KEYS = {
    "items": "items_total",
    "ap": "anti_personnel",
    "at": "anti_tank",
    "uxo": "uxo",
    "mines": "mines_total",
}
_RANGE_BEFORE_RE = re.compile(
    # not after a year: "In 2023 - 53,081.8 hectares", "October 2024 – 5,402.3 ha"
    r"(?:(?<![\d.,])(?!(?:19|20)\d\d\b)\d[\d.,]*\s*[-–]\s*|\bbetween\s+[\d.,\s]*\d\s+and\s+"
    r"|\bfrom\s+[\d.,\s]*\d\s+to\s+)$",
    re.I,
)


def _clearance_figures(
    ctx: _Context, start: int, end: int, stmt_flags: list[str], continues: bool = False
) -> list[tuple[str, Any, str | None, Number]]:
    """Typed result figures in one sentence: (field, value, qualifier, number). `continues`
    says the sentence before had figures, which a verbless list item may go on with."""
    text = ctx.text
    if ctx.names_stockpiles and "stockpil" in ctx.lower[start:end]:
        return []  # stockpiles destroyed are no land cleared (a treaty's other duty)
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
    for n in ctx.all_numbers_in(start, end):
        if n.start > 1 and text[n.start - 1] in "-‐" and text[n.start - 2].isalpha():
            continue  # a model, not a count: "PMN-2", "TM-62"
        item = _ITEM_RE.match(text, n.end)
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
    ):
        figures = sorted(figures + verbless, key=lambda f: f[3].start)
        stmt_flags += verbless_flags
    if ctx.names_none and _MAY_STATE_ZERO_RE.search(ctx.lower, start, end):
        figures += _zero_figures(ctx, start, end)
        figures.sort(key=lambda f: f[3].start)
    return figures


def _is_period_item(ctx: _Context, start: int, end: int, first: Number) -> bool:
    """True for an item of a list of periods after a ";": "...: October 2024 – 5,402.3 ha;
    November 2024 – 4,980.0 ha" (the sentence opens with its period, then the figure)."""
    if ctx.text[:start].rstrip()[-1:] != ";":
        return False
    periods = ctx.periods_in(start, end)
    return bool(
        periods
        and not ctx.text[start : periods[0].start_offset].strip()
        and _PERIOD_GAP_RE.fullmatch(ctx.text, periods[0].end_offset, first.start)
    )


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
    if not _BARE_END_RE.match(ctx.text, n.end):
        return None  # "in 2024, 1,200 deminers", "in 2024, 45% more", "70,000 planned"
    period = _adjacent_period(ctx, start, end, n.start, n.end)
    if period is None or period.start_offset < previous[3].end:
        return None
    unit = previous[1][2] if previous[0] == "area" else None
    return _figure(previous[0], unit, n, _qualifier(ctx.text, n.start), [])


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


_ZERO_WORDS = ("no ", "none", "nil", "not a single", "not one")
# One scan for the five, not five: far cheaper over a whole report.
_ZERO_WORDS_RE = re.compile("|".join(map(re.escape, _ZERO_WORDS)))
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


# --- "respectively": a list of figures paired in order with a list of labels -------------

_RESPECTIVELY = "respectivel"
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
    if not pinned and len(periods) > 1 and len(periods) == len(figures):
        # "141 AP mines and 64 AT mines were found in September and October, respectively"
        pinned = {f[3].start: p for f, p in zip(figures, periods, strict=True)}
    figures.sort(key=lambda f: f[3].start)
    return figures, pinned


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
            # A sentence naming districts or operators right after the figures belongs to them.
            if current is not None and last_had_figures:
                _attach_places(ctx, current, start, end)
            last_had_figures = False
            continue
        groups = (
            _pinned_groups(ctx, start, end, figures, pinned)
            if pinned
            else _group_by_period(ctx, start, end, figures)
        )
        for period, group, notes in groups:
            if period is None and before is not None and _leads_on(ctx, before):
                # "In the past week, 120 ha were inspected; 14 mines were found there."
                # "Weekly results (07.10.2024 - 13.10.2024)\nAnti-personnel mines: 141"
                period = _choose_period(ctx.periods_in(*before))
            if period is None and _THAT_PERIOD_RE.search(ctx.lower, start, end):
                # "... its work for 7-13 October. During the reporting period, 141 mines ...":
                # the period of the statement under way, else the one stated last.
                period = (
                    current.period
                    if current is not None and current.period is not None
                    else _period_stated_before(ctx, start)
                )
            current = _add_figures(ctx, statements, current, start, end, period, group)
            for code in pending_flags:
                current.flag(code)
            for code in notes:
                current.flag(code)
        last_had_figures = True
    return [_clearance_record(ctx, s, doc) for s in statements]


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
    r"\b(?:the\s+reporting\s+period|(?:this|that|the\s+same)\s+period|during\s+the\s+period)\b"
)


def _period_stated_before(ctx: _Context, start: int) -> Period | None:
    """The period last stated in the few sentences before `start`."""
    earlier = [span for span in ctx.sentences if span[1] <= start][-4:]
    for span in reversed(earlier):
        stated = [p for p in ctx.periods_in(*span) if "period_inferred" not in p.flags]
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


_PART_WORDS_RE = re.compile(
    r"\b(?:including|of\s+(?:which|this|these|them|whom)|among\s+(?:them|these))\b"
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
    kept: list[tuple[str, Any, str | None, Number]] = []
    parts = []
    compared = []
    for figure in figures:
        earlier = [f for f in kept if f[0] == figure[0]]
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
            parts.append(figure)
        elif _COMPARED_RE.search(ctx.lower, prev[3].end, figure[3].start) and not _own_period(
            ctx, start, end, figure[3]
        ):
            compared.append(figure)  # "compared with 24,600 ha in the same period last year"
        else:
            kept.append(figure)
    notes = ["breakdown_not_extracted"] * bool(parts) + ["comparison_not_extracted"] * bool(
        compared
    )
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


def _own_period(ctx: _Context, start: int, end: int, number: Number) -> bool:
    """True when the number's own clause states a period of its own (not "same period")."""
    lo, hi = _clause_of(ctx, start, end, number)
    if "same period" in ctx.lower[lo:hi]:
        return False
    return any(lo <= p.start_offset < hi for p in ctx.periods_in(start, end))


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


def _disjoint(periods: list[Period]) -> bool:
    spans = sorted((p.start, p.end or p.start) for p in periods)
    return all(a[1] < b[0] for a, b in pairwise(spans))


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
    repeated = {k for k in keys if keys.count(k) > 1}
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
    fresh = current is None or not _same_period(current.period, period)
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
    elif current is not None and current.period is None and period is not None:
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
        (old_q == "more_than" and qualifier is None and value > old)
        or (qualifier == "more_than" and old_q is None and old > value)
        or (qualifier is None and _rounds_to(value, old, old_q))
        or (old_q is None and _rounds_to(old, value, qualifier))
    )


def _attach_places(ctx: _Context, stmt: _Statement, start: int, end: int) -> None:
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
    if not _holds_any(ctx.lower, _OPERATOR_WORDS, start, end):
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


# --- casualties -------------------------------------------------------------------------


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
        role_m = _ROLE_RE.search(segment)
        if role_m and _NEAR_MISS_RE.search(text, n.end, n.end + role_m.start()):
            continue  # "a civilian was almost injured", "could have been killed"
        following = befores[i + 1] if i + 1 < len(numbers) else None
        if role_m and following and following.start() <= n.end + role_m.start():
            # "13 servicemen, and injured 253": the verb governs the number after it.
            role_m = None
        role = before.lastgroup if before else (role_m.lastgroup if role_m else None)
        period = None
        if toll is not None:
            what = toll["what"] or toll["what2"] or ""
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
        inner = _GROUP_RE.search(segment[: role_m.start()]) if role_m else None
        if group_m:
            group = group_m.lastgroup or "all"
        elif inner:
            group = inner.lastgroup or "all"
        elif sentence_group:
            group = sentence_group
        elif (
            counts
            and counts[-1].group in ("civilian", "military")
            and _CONTINUE_RE.match(text[prev_end : n.start])
            # not after a list of groups: "16 civilians and 4 servicemen were killed, 38 ..."
            and not (len(counts) > 1 and counts[-2].group not in (counts[-1].group, "all"))
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
                or between.rstrip().endswith(":")
                or (counts[-1].part and listed)
            )
        ) or (not counts and bool(_PART_RE.search(between)))
        value = None if n.value is None or n.malformed else int(n.value)
        counts.append(
            _Count(
                value, n, role, group, part, _qualifier(text, n.start), stated_before, period=period
            )
        )
    # Within a breakdown a verb is shared: "58 victims: 16 civilians and 4 servicemen were
    # killed". A breakdown with no verb takes the role of the count it breaks down: "killed
    # 61 people, including 48 civilians", "61 were killed (48 civilians and 13 servicemen)".
    for i in range(len(counts) - 2, -1, -1):
        c, after = counts[i], counts[i + 1]
        if c.part and after.part and c.role is None:
            c.role = after.role
    whole = None
    for c in counts:
        if not c.part:
            whole = c
        elif whole is not None:
            c.of_role = whole.role
            if c.role is None:
                c.role = whole.role
            if c.period is None:
                c.period = whole.period  # "... since 2020 is 380: 70 dead, 310 wounded"
            if c.group == "all" and whole.group in ("civilian", "military"):
                c.group = whole.group  # "1,286 civilians ...: 312 were killed and 974 injured"
    # A shared verb: "seven soldiers and 26 civilians have died" gives both the role.
    for i in range(len(counts) - 1, -1, -1):
        if counts[i].role is None and i + 1 < len(counts):
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
        if counts and len(candidates) > 1 and _disjoint(candidates):
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
    r"(?:total|toll|number)(?P<what2>[^.;]{0,70}?)\s+to)"
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
    r"|stands?\s+at|stood\s+at|amounts?\s+to|totals?|totalled)\s+(?:some\s+|about\s+|"
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


def _in_brackets(text: str, start: int, pos: int) -> bool:
    """True when `pos` lies inside a parenthesis opened within the sentence."""
    opened = text.rfind("(", start, pos)
    return opened >= 0 and text.rfind(")", opened, pos) < 0


def _noun_or_role_near(text: str, count: _Count) -> bool:
    """Keep numbers that name people or a toll, not stray figures in the sentence."""
    if count.number.text in ("", "a", "A", "an", "An", "another", "Another"):
        return True  # "A 34-year-old resident": _ONE_PERSON_RE saw the person
    tail = text[count.number.end : count.number.end + 60]
    return bool(
        _GROUP_RE.match(text, count.number.end)
        or _ROLE_RE.match(tail.lstrip())
        or re.match(
            r"\s*(?:of\s+(?:them|whom|its|our|the)\b|(?:were|was|have|had|suffered|"
            r"sustained|received|lost|died)\b|people|"
            r"fatalit|injur|deaths?|victims?|casualt|(?:\w+\s+){1,2}(?:were|was|have|had)\b)",
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
        in_context = (
            correcting
            or bool(_CAS_CONTEXT_RE.search(ctx.lower, start, end))
            or (previous_was_casualty and bool(_ANAPHORA_RE.match(sentence)))
            or _mine_named_next(ctx, index)
        )
        if not in_context:
            previous_was_casualty = False
            continue
        counts, count_flags = _casualty_counts(ctx, start, end)
        # counts with a period of their own leave the others the sentence's other periods
        claimed = [c.period for c in counts if c.period is not None]
        periods = ctx.periods_in(start, end)
        sentence_period = _choose_period([p for p in periods if p not in claimed] or periods)
        continuing = previous_was_casualty and bool(_ANAPHORA_RE.match(sentence))
        # Counts that "respectively" pairs with periods make one statement per period.
        by_period: dict[tuple[int, int], tuple[Period | None, list[_Count]]] = {}
        for c in counts:
            period = c.period or sentence_period
            key = (period.start_offset, period.end_offset) if period else (-1, -1)
            by_period.setdefault(key, (period, []))[1].append(c)
        found = False
        for period, group in by_period.values():
            values, qualifiers = _casualty_values(group, period, continuing)
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
        if c.group == "other" or (key is None and c.role in ("killed", "injured")):
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
    r"(?:wounds|injuries))",
    re.I,
)


def _casualty_record(ctx: _Context, stmt: _Statement, doc: str | None) -> Record:
    record = new_record("casualties", doc)
    _apply_period(record, stmt.period, stmt)
    v = stmt.values
    for key in CASUALTY_COUNTS:
        record[key] = v.get(key)
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
        elif killed + injured != total:
            stmt.flag("total_victims_mismatch")
    for whole, parts in (
        ("killed", ("civilian_killed", "military_killed")),
        ("injured", ("civilian_injured", "military_injured")),
    ):
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


# --- minefield maps ---------------------------------------------------------------------


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
                values.setdefault("maps", int(n.value))
                if q := _qualifier(text, n.start):
                    stmt.qualifiers["maps"] = q
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
                values.setdefault("mines_covered", int(n.value))
                if q := _qualifier(text, n.start):
                    stmt.qualifiers["mines_covered"] = q
        if "maps" not in values and _A_MAP_RE.search(sentence) and _MAP_ACTION_RE.search(sentence):
            values["maps"] = 1
        handover = ("maps" in values or "mines_covered" in values) and _MAP_ACTION_RE.search(
            sentence
        )
        if not (handover or "accuracy_pct" in values or "blasts_outside_maps_pct" in values):
            continue
        stmt.spans.append((start, end))
        _attach_places(ctx, stmt, start, end)
        # a claim about maps is dated by when it was made: "said on August 14"; a claim on
        # their accuracy alone by that, not by the year the maps were handed over
        said = ctx.said_in(start, end)
        periods = ctx.periods_in(start, end)
        period = _choose_period(said if said and not handover else periods or said)
        records.append(_maps_record(ctx, stmt, period, doc))
    return records


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


# --- tables ------------------------------------------------------------------------------

# A caption of plans or estimates heads no results, unless it says it compares results.
_NOT_RESULTS_RE = re.compile(
    r"plan|target|estimat|expect|forecast|remain|contaminat|suspect|budget|goal|stockpil", re.I
)
_RESULTS_RE = re.compile(
    r"\b(?:results?|cleared|found|destroyed|neutrali[sz]ed|detected|released|actual)\b", re.I
)
_CAPTION_YEAR_RE = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-])")


def _tables_of_figures(text: str) -> list[tuple[Table, list[Entry]]]:
    """The tables of results in a report, each with the entries it states."""
    found = []
    for table in find_tables(text):
        caption = _caption_text(text, table)
        heads = " ".join(c.text for c in table.header)
        if _NOT_RESULTS_RE.search(caption) and not _RESULTS_RE.search(f"{caption} {heads}"):
            continue  # "Clearance plan for 2025", not "... against the plan | Area cleared |"
        entries = read_table(table, context=caption)
        if entries:
            found.append((table, entries))
    return found


def _caption_text(text: str, table: Table) -> str:
    """The line before a table: its title, with the period and unit it leaves out."""
    before = text[: table.start].rstrip()
    return before[before.rfind("\n") + 1 :]


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


def _extract_tables(ctx: _Context, doc: str | None) -> list[Record]:
    records: list[Record] = []
    for table, entries in ctx.tables:
        period = _table_period(ctx, table)
        reference = period.end if period is not None and period.end else ctx.reference
        caption = _caption_text(ctx.text, table).lower()
        heads = " ".join(c.text for c in table.header).lower()
        for kind in ("clearance", "casualties", "maps"):
            group = [e for e in entries if e.kind == kind]
            if not group:
                continue
            if kind == "casualties" and not (
                _CAS_CONTEXT_RE.search(caption) or _CAS_CONTEXT_RE.search(heads)
            ):
                continue  # deaths and injuries of anything but mines
            records += _table_records(ctx, group, period, reference, doc)
    return records


def _table_period(ctx: _Context, table: Table) -> Period | None:
    """The period of a table's figures that no row or column states: its caption's, else
    one stated just before, else a year in its caption ("by province, 2022") or headers."""
    caption = [span for span in ctx.sentences if span[1] <= table.start][-1:]
    period = _choose_period(ctx.periods_in(*caption[0])) if caption else None
    if period is None:
        period = _period_stated_before(ctx, table.start)
    if period is None:
        line = _caption_text(ctx.text, table)
        years = set(_CAPTION_YEAR_RE.findall(line))
        years |= {y for c in table.header for y in _CAPTION_YEAR_RE.findall(c.text)}
        if len(years) == 1:
            period = label_period(years.pop())
    return period


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
        found = label_period(cell.text, reference) if role in ("period", "other") else None
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
            _put_place(ctx, stmt, cell.start, cell.end)
    for code in entry.flags:
        stmt.flag(code)
    _put_values(ctx, stmt, entry)
    return stmt, own


def _put_place(ctx: _Context, stmt: _Statement, start: int, end: int) -> None:
    """A row's label that is no period: an operator, a district (canonical when the
    gazetteer knows it), else a place as written."""
    operators = [m.lastgroup for m in _OPERATOR_RE.finditer(ctx.lower, start, end)]
    if operators:
        stmt.operators += [o for o in operators if o and o not in stmt.operators]
        return
    found = ctx.districts_in(start, end)
    for district, a, b in found:
        if all(district.name != d[0] for d in stmt.districts):
            stmt.districts.append((district.name, district.code, ctx.text[a:b]))
    if not found:
        stmt.places.append(ctx.text[start:end])


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
        if q := _qualifier(ctx.text, n.start):
            stmt.qualifiers[key] = q
    for code in flags:
        stmt.flag(code)


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


def _with_table_records(records: list[Record], tables: list[Record]) -> list[Record]:
    """Table records among the others: kinds in their usual order, each in text order. A
    table record that repeats the figures a sentence states for the same period (a report
    that gives the week's totals in prose and in a table) is the same statement."""
    kept = []
    for t in tables:
        figures = {k: t[k] for k in _FIGURE_KEYS if t.get(k) is not None}
        same = next(
            (
                r
                for r in records
                if r["kind"] == t["kind"]
                and (r.get("period_start"), r.get("period_end"), r.get("date"))
                == (t.get("period_start"), t.get("period_end"), t.get("date"))
                and figures
                and all(r.get(k) == v for k, v in figures.items())
            ),
            None,
        )
        if same is None:
            kept.append(t)
        elif not same["districts"] and t["districts"]:
            for key in ("districts", "district_codes", "districts_as_written"):
                same[key] = t[key]
    order = {"clearance": 0, "casualties": 1, "maps": 2}
    return sorted(records + kept, key=lambda r: (order[r["kind"]], r["evidence"]["start"]))

"""The words of mine-action reports, as patterns: what a number counts (item types, area
units, labels), the verbs that make it a result, qualifiers, operators and places, the
words of casualties and of minefield maps.

Run over the lower-cased text where a comment says so: without re.I, and behind a
first-letter look-ahead, the scans are several times faster.
"""

from __future__ import annotations

import re


def _by_initial(alternatives: str | list[str], after_initial: str = "") -> str:
    """The alternation "a|b|..." regrouped by first character, with `after_initial` put after
    that character ("mine|munition|uxo" -> "m(?:ine|unition)|u(?:xo)").

    A pattern that opens with literals lets re skip in C to the next candidate character and
    try one group there; a look-ahead or \\b in front makes it try every position instead
    (put a \\b after the first word as a look-behind: "coal(?<=\\bcoal)"). Each alternative
    must open with a plain character; their order within a group is kept.
    """
    groups: dict[str, list[str]] = {}
    if isinstance(alternatives, str):
        alternatives = alternatives.split("|")
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{c}{after_initial}(?:{'|'.join(rest)})" for c, rest in groups.items())


_DASH = r"[\s\-‐‑–]?"


_NOT_MINE_NOUN = (
    # "mine clearance", "mine-cleared", but "56,460 mines cleared" is a count
    r"(?!(?<![sS])[\s\-‐]*clear\w*\b)"
    r"(?![\s\-‐]*(?:detect\w*|action|dogs?|risk|victims?|survivors?|search\w*|fuzes?|fuses?|"
    r"sniff\w*|free|affected|related|awareness|fields?|blasts?|explosions?|incidents?|"
    r"accidents?|specialists?|experts?|maps?|contamination|threat)\b)"
)


# The look-ahead holds the first letter of every name below (the first two for "hand",
# "howitzer", "rifle", "rounds"): a word that starts otherwise ("hectares", "people") is
# turned down in one step, not after trying each name in turn.
_ITEM_RE = re.compile(
    r"[\s(#]*(?=[lmeoiaptucsbwg#]|h[ao]|r[io])(?:(?:were|was)\s+(?=anti|AP\b|AT\b|unexploded|UXO))?"
    r"(?:(?:pieces?|units?|items?)\s+of\s+)?#?(?:"
    rf"(?P<items>(?:land)?mines?\s*(?:,|and|&)\s*(?:other\s+)?(?:munitions|ammunition|"
    r"unexploded\s+(?:ordi?nances?|munitions?)|UXOs?|explosive\s+(?:devices|items|objects|remnants\s+of\s+war)"
    r"|ERW)\b"
    r"|explosive\s+(?:devices|items|objects|ordnance(?!\s+disposal))|ordnance\s+items"
    r"|items\b|munitions\s+and\s+mines|mines\s+and\s+(?:other\s+)?explosive\s+\w+)"
    rf"|(?P<ap>anti{_DASH}personnel|antipersonnel|AP\s+mines?|APMs?\b|personnel\s+mines?"
    # a calque of the Russian for anti-personnel: "30,000 infantry, 17,000 anti-tank ..."
    r"|infantry(?:\s+mines?\b|(?=\s*,\s*\d|\s+and\s+(?:anti|\d)))"
    rf"|(?:land)?mines?\s*\((?:(?-i:AP)|anti{_DASH}personnel)\)"
    rf"|(?:land)?mines?\s+of\s+(?:the\s+)?anti{_DASH}personnel\b(?:\s+type)?"
    rf"|(?-i:AP)(?=\s*(?:,|and|&|/|\|)[^\w\n]*[\d.,\s]+#?(?-i:AT\s+mines?|AT|UXO)\b))"
    rf"|(?P<at>anti{_DASH}(?:tank|vehicle)|antitank|AT\s+mines?|ATMs?\b|tank\s+mines?"
    rf"|(?:land)?mines?\s*\((?:(?-i:AT)|anti{_DASH}tank)\)"
    rf"|(?:land)?mines?\s+of\s+(?:the\s+)?anti{_DASH}(?:tank|vehicle)\b(?:\s+type)?"
    rf"|(?-i:AT)(?=\s*(?:,|and|&|/|\|)[^\w\n]*[\d.,\s]+#?(?-i:AP\s+mines?|AP|UXO)\b))"
    r"|(?P<uxo>unexploded|UXOs?\b|ERWs?\b|(?-i:PHS)\b|explosive\s+remnants\s+of\s+war|"
    # kinds of ordnance, with what fires or drops them: "25 mortar shells", "2 aerial bombs"
    r"(?:(?:mortar|artillery|aerial|aviation|air|hand|rifle|tank|cannon|howitzer)\s+)?"
    r"(?:(?:cluster\s+)?(?:(?:sub)?munitions?\b|bomblets?|bombs?\b)|shells\b|projectiles?"
    r"|grenades?\b)|ammunition|(?:mortar|artillery|tank)\s+rounds\b|rounds\s+of\s+ammunition)"
    rf"|(?P<mines>(?:land\s*)?mines?\b{_NOT_MINE_NOUN})"
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
    r")(?:\s+(?:found|detected|neutrali[sz]ed|destroyed|defused|discovered|removed)"
    # "Anti-tank mines found last week: 64"
    r"(?:\s+(?:(?:in|over|during)\s+)?(?:(?:the\s+)?(?:last|past|previous)|this)"
    r"\s+(?:week|month|year))?)?"
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
    r"blasts?|explosions?|contamination|threat|stockpiles?|ban|treaty|convention|depots?|"
    r"warehouses?|stores|fu[sz]es?|detonators?|igniters?|fragments?|casings?|shrapnel|launchers?"
    r"|missiles?|guns?|weapons?|rifles?)\b",
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


# Matched against the lower-cased text (no re.I: several times faster on long sentences);
# "may" is a verb only where the original is lower case, not the month.
_VERB_RE = re.compile(
    # [...]: the first letters of the pairs after \b, a cheap test that spares most \b tests
    r"(?=[fdncrueipwmtaglbshvy])"
    r"\b(?=fo|de|ne|di|cl|re|co|un|el|id|fr|pl|wi|wo|ma|to|ta|ai|in|ex|go|mu|es|la|bu|su|ha|be|ca|st|av|mi"
    r"|ch|sp|al|wo|sc|fi|fu|yi)(?:(?P<result>found|detected|neutrali[sz]ed|defused|discovered|"
    r"destroyed|cleared|removed|disposed|collected|uncovered|demined|eliminated|"
    r"rendered\s+(?:safe|harmless)|recovered|identified|cleansed|cleaned|released|freed|"
    r"demolished|yielded|"  # "1,429 hectares of land were demolished" (sic, of demining)
    r"declared\s+(?:safe|mine[-\s]free|free\s+of\s+mines)|"  # "179,791.9 ha ... declared safe"
    r"neutrali[sz]ation|clearance\s+of|results?"
    # present tense, as headlines write it: "Azerbaijan clears over 62,000 hectares"
    r"|clears|finds|(?<!to )find|detects|neutrali[sz]es|defuses|discovers|destroys|removes"
    # gerunds after a reporting verb: "the agency also reported finding 625 UXO"
    r"|finding|discovering|detecting|neutrali[sz]ing|defusing|destroying"
    r"|(?:came|comes|come)\s+across"
    # "clearance covered 1,198.7 hectares", "... were covered by clearance"
    r"|(?<=clearance )covered|(?<=demining )covered|covered\s+by\s+(?:clearance|demining)"
    # "mine clearance operations covered 1,616 hectares"
    r"|(?<=clearance operations )covered|(?<=demining operations )covered)"
    r"|(?P<other>plan(?:s|ned|ning)?|will|would|may|could|to\s+be|target(?:s|ed)?|aim(?:s|ed)?|"
    r"intend\w*|expect(?:s|ed)?|goal|need(?:s|ed)?|must|estimat\w*|calculat\w*|contaminat\w*|"
    r"plant(?:ed|ing)|placed|mined|laid|"
    r"laying|bur(?:ied|ying)|remain(?:s|ing)?|suspected|hazardous|believed|checked|surveyed|"
    r"inspected|examined|survey|budget\w*|cost\w*|allocated|worth|spen[dt]|scheduled|"
    r"financ\w*|fund(?:s|ed|ing)?|support(?:s|ed|ing)?|stockpil\w*|average|museum|"
    r"forecast\w*|den(?:y|ied|ies)|registered"
    # ordnance confiscated or fired is no result of clearance (and see _POLICE_RE)
    r"|confiscated|fired|launched))\b"
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


_OBJECT_GAP_RE = re.compile(
    r"\s+(?:(?:a\s+total\s+of|an\s+area\s+of|the|another|an?\s+additional|additional|"
    r"some|about|around|approximately|roughly|more\s+than|over|nearly|almost|at\s+least|"
    r"up\s+to|close\s+to|in\s+excess\s+of)\s+)*"
)


_TO_HAVE_RE = re.compile(r"\bto\s+(?:have|be)\s+(?:been\s+)?$")


# Matched against the lower-cased text, like _VERB_RE.
_OPERATOR_RE = re.compile(
    # The look-ahead on each name's first letters makes the scan about three times faster.
    r"\b(?=ana|min|age|mod|def|mes|sta|sbs|pri|com|eme|eng)"
    r"(?:(?P<ANAMA>anama\b|mine\s+action\s+agency|agency\s+for\s+mine\s+action)"
    r"|(?P<MoD>ministry\s+of\s+defen[cs]e\b|mod\b|defen[cs]e\s+ministry"
    r"|engineer(?:ing)?[-\s]+sapper\s+units|engineering\s+troops)"  # the army's deminers
    r"|(?P<MES>ministry\s+of\s+emergency\s+situations\b|emergency\s+situations\s+ministry"
    r"|mes\b)"
    r"|(?P<SBS>state\s+border\s+service\b|sbs\b)"
    r"|(?P<companies>(?:private|commercial)\s+(?:demining\s+)?compan))"
)


# Every _OPERATOR_RE match holds one of these.
_OPERATOR_WORDS = (
    "anama", "agency", "mod", "defen", "emergency", "mes", "border", "sbs", "compan", "engineer",
)  # fmt: skip


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


# Both on the lower-cased text.
# (?=[...]): the words' first letters, a set test that spares most \b tests
_CAS_CONTEXT_RE = re.compile(
    r"(?=[mledoubscgw])"
    r"\b(?:mines?|landmines?|mine-|mining\s+victims|explosions?|blasts?|explosive|exploded|uxo|"
    r"ordnance|"
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
    "blown",
    "blew",
    "exploded on",
    "suffered",
    "lives",
    "hospital",
    "burns",
    "concussion",
    "fractures",
)  # fmt: skip; every _CAS_WORD_RE match contains one of these

# Harm told without a word of death or injury: "305 people were blown up by mines" (a
# calque of the Russian "подорвались на минах", also "exploded on mines"); "345 citizens have
# suffered from mine explosions".
_HARMED_BY_MINES = (
    r"blown\s+up|blew\s+up\s+on|exploded\s+on\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:land)?mines?"
    r"|suffered\s+(?:from|as\s+a\s+result\s+of|due\s+to|in)\s+(?:the\s+)?(?:(?:land)?mines?\b"
    r"(?![\s-]+(?:threat|contamination|pollution|problem|danger|risk|terror))"
    r"|explosions?|blasts?|(?:unexploded\s+)?(?:ordnance|munitions?|ammunition))"
)

_CAS_WORD_RE = re.compile(
    r"(?=[kdflicvwbesthrg])\b(?:kill(?:ed|ing)|died|dead|deaths?|fatalit|lost\s+their\s+lives|injur"
    r"|wound(?:ed|s|ing)|hospitali[sz]ed|taken\s+to\s+(?:the\s+)?hospital"
    r"|(?:claim(?:ed|ing|s)|took|cost)\s+(?:\w+\s+){1,3}?lives\b"
    r"|(?:received|got|suffered|sustained)\s+(?:[\w-]+,?\s+(?:and\s+)?){0,3}?(?:burns|concussions?"
    r"|fractures)|victims?|casualt|" + _HARMED_BY_MINES + ")"
)


_ROLE_RE = re.compile(
    r"(?P<victims>(?:killed|died)\s+or\s+(?:have\s+|had\s+|were\s+|was\s+)?(?:got\s+|been\s+)?"
    r"(?:\w+ly\s+)?(?:injured|wounded|maimed)|"
    # "killed or have sustained bodily injuries of varying degrees"
    r"(?:killed|died)\s+or\s+(?:have\s+|had\s+|were\s+)?(?:sustained|received|suffered|got)\s+"
    r"(?:\w+\s+){0,2}?injuries|"
    r"(?:injured|wounded|maimed)\s+or\s+"
    r"killed|killed\s+and\s+(?:injured|wounded|maimed)|victims?|casualties|fell\s+victim|"
    r"affected\s+by\s+(?:the\s+)?(?:land)?mine|" + _HARMED_BY_MINES + "|"
    r"hit\s+by)"
    r"|(?P<killed>killed|died|dead\b|deaths?|fatalit(?:y|ies)|(?:lost|losing)\s+(?:their|his|her)\s+lives?"
    r"|perished|fatally)"
    r"|(?P<injured>injur(?:ed|ies|y)|wounded|wounds|hurt|maimed|hospitali[sz]ed"
    r"|taken\s+to\s+(?:the\s+)?hospital|(?:received|got|suffered|sustained)\s+"
    r"(?:[\w-]+,?\s+(?:and\s+)?){0,3}?(?:burns|concussions?|fractures))",
    re.I,
)


# Active voice: "mine explosions killed 61 people and injured 253".
# a qualifier between a count's word and the count: "killed more than 60", "claimed some 70"
_COUNT_QUALIFIER = r"(?:some\s+|about\s+|at\s+least\s+|more\s+than\s+|over\s+|nearly\s+)?"
_ROLE_BEFORE_RE = re.compile(
    r"\b(?:(?P<victims>killed\s+or\s+(?:\w+ly\s+)?(?:injured|wounded|maimed)"
    r"|(?:injured|wounded|maimed)\s+or\s+killed)"
    r"|(?P<killed>killed|killing|died|perished|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of)"
    r"|(?P<injured>injured|injuring|wounded|wounding|maimed|maiming))"
    # "killed 61", "died - 71", "injured: 314"
    rf"(?:\s*[-–—:])?\s+(?:his\s+|her\s+|their\s+)?{_COUNT_QUALIFIER}$",
    re.I,
)


_GROUP_RE = re.compile(
    r"\s*(?:of\s+them\s+|of\s+whom\s+|were\s+|are\s+|being\s+)?"
    r"(?:(?:Azerbaijani|Armenian|Ukrainian|Iraqi|Lebanese|Cambodian|Lao|Angolan|Croatian)\s+)?"
    r"(?:(?P<civilian>civilians?|civilian\s+(?:people|persons|residents))"
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
    r"|at\s+the\s+same\s+time"
    r"|(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+"
    r"|at\s+least\s+|approximately\s+)?[\d.,\s]*\d\s+of\s+(?:these|those|them|whom)"
    r"|of\s+the\s+[\d.,\s]*\d\s+(?:\w+\s+)?(?:killed|injured|wounded|dead|victims|people)"
    # a group of the tally, broken down by role: "Of the 92 servicemen, 18 were killed ..."
    r"|of\s+the\s+[\d.,\s]*\d\s+(?:civilians|servicemen|soldiers|military\s+personnel)"
    r"(?:\s+[a-z]+){0,3}(?=,))\b",  # "Of the 8 servicemen aboard, ..."
    re.I,
)


_MAPS_COUNT_RE = re.compile(
    r"[\s(]*(?:(?:more|new|additional|further|other)\s+)?(?:(?:minefield\s+|mine\s+)?maps?\b"
    r"|(?:minefield\s+)?forms?\s+(?:of\s+)?(?:minefields?|mines?)\b|minefield\s+forms?\b)",
    re.I,
)


_MAPS_OF_RE = re.compile(r"\bmaps?\s+(?:of|for)\s+(?:the\s+)?$")


_MINEFIELDS_RE = re.compile(r"\s+minefields?\b", re.I)


_A_MAP_RE = re.compile(r"\b(?:a|one|the)\s+(?:minefield\s+|mine\s+)?map\b(?!s)", re.I)


# (?=[...]): the words' first letters, a set test that spares most \b tests
_HANDOVER_VERBS = (
    r"submitted|handed|hands|handing|hand\s+over|provided|provides|transferred|transfers|"
    r"received|receives|receive|gave|given|gives|exchange|passed|delivered|presented"
    r"|turned\s+over"
)
_MAP_ACTION_RE = re.compile(rf"(?=[shptrged])\b(?:{_HANDOVER_VERBS})\b", re.I)


_PERCENT_RE = re.compile(r"\s*(?:%|per\s*cent|percent)", re.I)


_ACCURACY_RE = re.compile(r"\baccura|\bcorrect|\breliab|\bprecis", re.I)


_OUTSIDE_RE = re.compile(r"\boutside\b", re.I)


# Where a percentage's own clause ends: "25 per cent, and more than 55 percent ... outside".
_CLAUSE_CUT_RE = re.compile(r"[,;]|\b(?:and|while|whereas|but)\b", re.I)


# A sentence worth reading names a topic and a number; most of a press report is neither.
# Run over the lower-cased text: without re.I and behind a first-letter lookahead, the
# scan is about seven times faster.
_TOPIC_RE = re.compile(
    _by_initial(
        r"mine|uxo|ordnance|munition|explosive|erw|hectare|ha\b|m²|m2\b|га\b|кв\.|km|square|sq\b|"
        r"sq\.|victim|kill|injur|wound|died|dead|death|fatal|casualt|lives|maps?\b|bomb|shell|"
        r"device|item|object|projectile|grenade|"
        # mines' models, which may stand for the word ("4 TM-62M were found")
        r"pmn|pomz|ozm|pfm|tm-|tmk|tmn"
    )
)


_DIGIT_RE = re.compile(r"\d")


_NUMERAL_RE = re.compile(
    r"(?=[otfsenhtmda])\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|dozen|a\s+(?:minefield\s+)?map)\b"
)


_ITEM_KEYS = {
    "items": "items_total",
    "ap": "anti_personnel",
    "at": "anti_tank",
    "uxo": "uxo",
    "mines": "mines_total",
}


_RANGE_BEFORE_RE = re.compile(
    # not after a year: "In 2023 - 53,081.8 hectares", "October 2024 – 5,402.3 ha"
    r"(?:(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d.,]*\s*[-–]\s*|\bbetween\s+[\d.,\s]*\d\s+and\s+"
    r"|\bfrom\s+[\d.,\s]*\d\s+to\s+)$",
    re.I,
)


_ZERO_WORDS = ("no ", "none", "nil", "not a single", "not one")


# One scan for the five, not five: far cheaper over a whole report.
_ZERO_WORDS_RE = re.compile("|".join(map(re.escape, _ZERO_WORDS)))


_RESPECTIVELY = "respectivel"


_PART_WORDS_RE = re.compile(
    r"\b(?:including|of\s+(?:which|this|these|them|whom)|among\s+(?:them|these))\b"
)


# finds of the police or customs, or of a criminal case: "Police found 3 hand grenades and 60
# rounds of ammunition in an abandoned house", "... were found by customs officers", "A
# criminal case was opened after 20 hand grenades were found" (not of police sappers, who
# clear, nor deminers' finds in a sentence that names the police otherwise)
_FINDERS = (
    r"(?:police(?!\s+(?:sappers?|pyrotechni\w*|explosive|bomb|eod|demin\w*))|customs"
    r"|law[-\s]enforcement)"
)
_POLICE_RE = re.compile(
    rf"\b{_FINDERS}(?:\s+(?:officers?|officials?|agents?|patrols?|department|service))?"
    r"\s+(?:\w+\s+){0,2}?(?:found|discovered|seized|confiscated|detected|uncovered)\b"
    r"|\b(?:found|discovered|seized|confiscated|detected|uncovered)\b[^.;,]{0,60}?\bby\s+"
    rf"(?:the\s+)?{_FINDERS}"
    r"|\bcriminal\s+case\s+(?:was|has\s+been|had\s+been)\s+(?:opened|launched|initiated)\s+after"
    r"|\bsuspect(?:s|['’]s)\b|\bcache\b"
)
# the words of _POLICE_RE, looked for once in a whole report before any sentence is searched
_POLICE_WORDS = ("police", "enforcement", "customs", "suspect", "criminal", "cache")


# Harm that is no mine's, and help for victims: the victims they count are no mine victims
# ("road accidents killed far more people", "the families of 120 victims receive support").
# Accidents, crime, illness and blasts at a site ("an explosion at a military warehouse", "at
# a gas station"), when no mine is named:
_SITE = (
    r"\s+(?:at|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:warehouse|depot|arsenal|factory"
    r"|plant|station|refinery|market|shop|restaurant)s?\b"
)
_ACCIDENT_HARM = [
    *(
        rf"{what}\s+(?:accidents?|crash(?:es)?|deaths?|collisions?)"
        for what in ("road", "car", "workplace")
    ),
    r"traffic\b(?!\s+polic)",
    *"earthquake flood covid disease drown shelling sniper gunfire gunshot collier".split(),
    r"bullets?",
    r"on\s+the\s+roads?\b",
    r"killing\s+spree",
    r"shooting",
    r"murder",
    r"stabb",
    r"poisoning",
    r"heat\s*stroke",
    r"illness",
    r"malaria",
    r"cancer",
    r"heart\s+attack",
    r"terror",
    r"knife",
    r"gas\s+(?:explosion|leak|cylinder|pipeline)",
    r"fireworks?",
    # the mines of mining: "an explosion at a coal mine killed 4 miners"
    *(
        rf"{ore}(?<=\b{ore})\s+mines?\b"
        for ore in ("coal", "gold", "copper", "salt", "iron", "ore")
    ),
]
# harm a mine may itself have caused: a fire, a blast at a site ("and the resulting fire
# injured 2 farmers")
_CAUSABLE_HARM = [
    r"fire(?<=\bfire)(?<!cease-fire)(?<!cease\sfire)s?\b",
    rf"explosions?{_SITE}",
    rf"blasts?{_SITE}",
]
_CAUSABLE_HARM_RE = re.compile(_by_initial(_CAUSABLE_HARM))
_ACCIDENT_HARM += _CAUSABLE_HARM
_ACCIDENT_HARM_RE = re.compile(_by_initial(_ACCIDENT_HARM))
# victims of a war, not "since the end of the war" that mine tallies count from, nor its
# explosive remnants or the "war-affected districts"
_IN_THE_WAR = r"\s+the\s+(?:[\w-]+\s+)?war\b(?!-)"
_OTHER_HARM_RE = re.compile(
    _by_initial(
        [
            *_ACCIDENT_HARM,
            "trafficking",
            r"war\s+victims",
            rf"in(?<=\bin){_IN_THE_WAR}",
            rf"during(?<=\bduring){_IN_THE_WAR}",
            rf"of(?<=\bof)(?<!end\sof)(?<!remnants\sof){_IN_THE_WAR}",
        ]
    )
)
_VICTIM_HELP_RE = re.compile(
    r"prosthes|compensat|benefit|allowance|pension|manat|\$|\bpaid\b|payments?"
    r"|support\s+(?:to|for|from)|famil(?:y|ies)\s+of|rehabilitat|assistance|\bfunds?\b"
)

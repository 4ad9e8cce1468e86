"""Find the reporting periods that mine-action press reports state, and resolve them to dates.

Reports write one week in a dozen ways ("from October 7 to October 13, 2024", "October 7-13",
"From 18 to 24 December", "15.07.2024-21.07.2024", "over the past week"), often without a
year, and state running totals "since the end of the war". find_periods reads all of them in
one regex pass and returns resolved dates with a precision and flags for what it had to guess.

Hand-written rather than dateparser: dateparser costs milliseconds per call (this pipeline
has ~300 microseconds per report in all), reads one date and not a range ("October 7-13"),
and silently moves impossible dates such as "February 30".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from research.numbers import _trie

__all__ = ["WAR_END", "Period", "find_periods", "label_period", "parse_date"]

WAR_END = date(2020, 11, 10)  # the trilateral statement that ended the Second Karabakh War
FULL_SCALE_INVASION = date(2022, 2, 24)  # Russia's full-scale invasion of Ukraine


@dataclass(frozen=True, slots=True)
class Period:
    """A period expression found in a text, resolved to dates where possible."""

    start: date | None
    end: date | None
    precision: str  # "day" | "week" | "month" | "quarter" | "year" | "cumulative" | "other"
    cumulative_since: date | None  # set for running totals ("since the end of the war")
    text: str  # the expression as written
    start_offset: int  # offsets into the text searched
    end_offset: int
    flags: tuple[str, ...]  # e.g. ("year_inferred",), ("period_reversed",), ("date_impossible",)


_MONTH_NAMES = [
    ("january", "jan", "yanvar"),
    ("february", "feb", "fevral"),
    ("march", "mar", "mart"),
    ("april", "apr", "aprel"),
    ("may",),
    ("june", "jun", "iyun"),
    ("july", "jul", "iyul"),
    ("august", "aug", "avqust"),
    ("september", "sep", "sept", "sentyabr"),
    ("october", "oct", "oktyabr"),
    ("november", "nov", "noyabr"),
    ("december", "dec", "dekabr"),
]  # English, its abbreviations, Azerbaijani
_MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
_QUARTERS["4th"] = 4
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNTS |= {"nine": 9, "ten": 10, "eleven": 11}

# The pattern is case-sensitive for speed (see numbers._trie): words match in lower case or
# capitalised, as press reports write them; (?i:...) is used only deep inside, where it is cheap.
# "may" is a month only as "May" or when a year follows ("7-13 may 2024").
_ABBREVIATIONS = [n[0][:3] for n in _MONTH_NAMES if len(n) > 1] + ["sept"]
_MON = (
    rf"(?:{_trie([n for n in _MONTHS if n != 'may'] + [a + '.' for a in _ABBREVIATIONS])}|May"
    r"|may(?=,?\s+(?:19|20)\d\d))(?![a-zA-Z])"
)
# After a day number, Azerbaijani "may" needs no year ("7-13 may"), unless English goes on.
_ENGLISH_AFTER_MAY = (
    r"be|have|not|also|still|well|remain|need|take|cause|pose|contain|include|lead|result"
    r"|reach|exceed|increase|rise|grow|help|become|affect|explode|kill|injure|hurt|lie"
)
_MON_AFTER_DAY = rf"(?:{_MON}|may(?![a-zA-Z])(?!\s+(?:{_ENGLISH_AFTER_MAY})\b))"
_YEAR_END = r"(?!\d|[.,]\d)"
_DASH = r"\s*[-–—−]\s*"
# "to2 June": a feed that lost the space glues the date to its word
_SEP_WORDS = rf"(?:{_DASH}|,?\s+(?:to|through|thru|till|until|up\s+to)(?:\s+(?:the\s+)?|(?=\d)))"
_SEP = rf"(?(btw)(?:\s+and\s+(?:the\s+)?|{_SEP_WORDS})|{_SEP_WORDS})"  # "and" after "between"
_YSEP = r"(?:,\s*|\s+)"


def _day(g: str) -> str:
    return rf"(?P<{g}>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![.,]\d{{1,3}}(?!\d))"


def _year(g: str) -> str:
    return rf"(?P<{g}>(?:19|20)\d\d){_YEAR_END}"


def _numeric(p: str, year: str = "") -> str:
    """dd.mm.yyyy or dd/mm/yyyy (day first, as in Azerbaijan), or ISO yyyy-mm-dd."""
    return (
        rf"(?:(?P<{p}d>\d{{1,2}})(?P<{p}s>[./])(?P<{p}m>\d{{1,2}})"
        rf"(?:(?P={p}s)(?P<{p}y>\d{{4}})){year}"
        rf"|(?P<{p}iy>(?:19|20)\d\d)-(?P<{p}im>\d\d)-(?P<{p}id>\d\d))(?!\d)"
    )


# A keyword before the date: it sets the meaning (since = running total, between = "and").
_KW = (
    r"(?:(?P<btw>between|Between)|(?P<kw>"
    + _trie(["from", "since", "after", "following", "as of", "as at", "in", "during", "for"])
    + "|"
    + _trie(["over", "throughout"])
    # "This December, 3,900.2 ha have been cleared so far": as "in December"
    + r"|[tT]his(?=\s+(?:January|February|March|April|May|June|July|August|September|October"
    + r"|November|December)\s*,)"
    # a keyword glued to its date by a feed that lost the space: "In2023", "from7 to 13 May",
    # and "on5 June" (only glued: "on" is no keyword; "of" is not read: "a total of2023 mines")
    + r"|[oO]n(?=\d)"
    # "the same period of 2022": that year's part, which the caller works out
    + r"|(?<=period\s)of(?=\s+(?:19|20)\d\d\b)"
    + r"))(?:\s+|(?=\d))(?:the\s+)?(?:course\s+of\s+(?:the\s+)?)?(?:early\s+)?"  # "in the course
    # of 2023": as "in 2023"; "since early 2022": the year's start
)

# Month first: "October 7", "October 7-13, 2024", "October 7 to October 13", "August 2023",
# "December 26, 2022 - January 1, 2023", "January to March 2024".
_MONTH_FIRST = (
    rf"(?P<ma>{_MON})(?:\s*{_day('mda')}(?:{_YSEP}{_year('mya')})?"
    rf"(?:{_SEP}(?:(?P<mb>{_MON})\s*{_day('mdb')}"
    rf"|{_day('mdb2')}(?:\s+of)?\s+(?P<mb2>{_MON_AFTER_DAY})"
    rf"|{_day('mdb3')})(?:{_YSEP}{_year('myb')})?)?"
    rf"|(?:,?\s+(?:of\s+)?{_year('my0')})?"
    # not "November 2020 to June 2, 2025": that June is a day's
    rf"(?:{_SEP}(?P<mc>{_MON})(?!\s*\d{{1,2}}(?!\d))(?:,?\s+(?:of\s+)?{_year('myc')})?)?)"
)

# Digits first: "15.06.2024–21.07.2024", "2024-10-07", "7 October 2024", "7th of October",
# "29 April - 5 May 2024", "18-24 December 2023", "From 18 to 24 December", "18-24.12.2023",
# "07.10-13.10" (a range of two zero-padded day-first dates only, see _without_year),
# "2021-2023", "2023".
_DIGIT_FIRST = (
    rf"(?=\d)(?:{_numeric('na', '?')}(?:{_SEP}{_numeric('nb', '?')})?"
    rf"|{_day('da')}(?:(?:\s+of)?\s+(?P<dma>{_MON_AFTER_DAY})(?:,?\s+{_year('dya')})?"
    rf"(?:{_SEP}(?:{_day('db')}(?:\s+of)?\s+(?P<dmb>{_MON_AFTER_DAY})"
    rf"|(?P<dmb2>{_MON})\s*{_day('db2')})"
    rf"(?:,?\s+{_year('dyb')})?)?"
    rf"|{_SEP}(?:{_day('dc')}(?:\s+of)?\s+(?P<dmc>{_MON_AFTER_DAY})(?:,?\s+{_year('dyc')})?"
    rf"|{_numeric('nc')}))"
    rf"|{_year('ya')}(?:{_SEP}{_year('yb')})?)"
)

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WAR_NAME = (  # Karabakh also as transliterated from Azerbaijani: "Garabagh", "Qarabağ"
    r"(?i:(?:second\s+)?(?:karabakh|garabagh|qarabagh|qarabağ)|44[-\s]day|great\s+patriotic"
    r"|patriotic|2020)\s+"
)
# "the year" alone is the current one: "in the first nine months of the year"
_REL_YEAR = r"(?:the\s+)?(?P<{0}>this|current|last|previous|(?=year\b))\s*year"
# Words first: the war, the start of the year, "this week", quarters and halves.
_WORD_FIRST = (
    r"(?P<war>(?:end|conclusion|cessation)\s+of\s+(?:the\s+)?"
    rf"(?:{_WAR_NAME}){{0,2}}(?i:war|conflict|hostilities|military\s+operations|fighting)"
    r"(?:,?\s+(?:in|on)\s+(?:(?:10\s+)?November\s+(?:10,?\s+)?)?2020)?"
    rf"|(?:{_WAR_NAME})?(?i:war)\b"
    r"|(?:signing\s+of\s+the\s+)?(?:trilateral|tripartite)\s+(?:statement|declaration)"
    r"(?:\s+(?:of|on)\s+(?:10\s+November|November\s+10),?\s+2020)?"
    # "since the signing of the Karabakh peace deal on November 10, 2020"
    r"|(?:signing\s+of\s+the\s+)?(?:Karabakh\s+peace\s+(?:deal|agreement)"
    r"(?:\s+(?:of|on)\s+(?:10\s+November|November\s+10),?\s+2020)?"
    r"|peace\s+(?:deal|agreement)\s+(?:of|on)\s+(?:10\s+November|November\s+10),?\s+2020)"
    r"|[pP]ost-?(?:war|conflict)\s+period"
    # "since the liberation of our lands from occupation"
    r"|liberation\s+of\s+(?:our|the|its|Azerbaijan's)\s+(?:lands|territories)"
    r"(?:\s+from\s+(?:the\s+)?occupation)?)"
    # Ukraine's reports: "since the start of the full-scale invasion" (24 February 2022)
    r"|(?P<invasion>(?:beginning|start|onset)\s+of\s+(?:the\s+)?(?i:(?:russian|russia's)\s+)?"
    r"(?i:full[-\s]scale\s+(?:(?:russian|military)\s+)?(?:invasion|aggression|war)"
    # a war elsewhere is no start of Ukraine's: "the full-scale war in Gaza", "invasion of Iraq"
    r"(?!\s+(?:in|on|of|against)\s+(?:(?!Ukraine\b)[A-Z]|(?!2022)(?:19|20)\d\d)))"
    r"|(?i:full[-\s]scale\s+(?:russian\s+)?invasion\s+(?:began|started)\b))"
    # "68,000 hectares have been cleared to date": a running total from a start unstated
    # (not "up to date maps"), or "since the onset of operations"
    r"|(?P<todate>(?<![uU]p\s)[tT]o\s+date\b|(?<=[uU]p\s)to\s+date(?=\s*(?:[.,;:)]|$))"
    r"|[tT]ill\s+date\b"
    r"|[sS]o\s+far\b(?!,?\s+(?:in|this|during|since|today|over|as)\b)"
    r"|(?:onset|start|beginning)\s+of\s+(?:the\s+)?(?:demining\s+|mine\s+clearance\s+)?"
    r"(?:operations|work|activities)\b)"
    # "of" glued to a year by a feed ("the beginning of2024", "first half of2024") is read here
    r"|(?:beginning|start)\s+of(?:\s+|(?=(?:19|20)\d\d\b))"
    r"(?:(?P<ytd>(?:the|this)\s+(?:current\s+)?year)"
    r"|(?P<mtd>(?:the|this)\s+(?:current\s+)?month)"
    rf"|{_year('boy')})"
    r"|(?P<rel>[tT]his|[cC]urrent|[lL]ast|[pP]ast|[pP]revious|[pP]receding|[pP]rior|[rR]eporting)\s+"
    r"(?P<unit>week|year|month|day(?!\s+of\b)|24\s+hours)\b"
    r"|(?P<days>(?:[pP]ast|[lL]ast)\s+(?:7|seven)\s+days)\b"
    r"|(?P<today>[tT]oday|[yY]esterday)\b(?!,?\s+(?:[\w-]+\s+){1,3}ago\b)"
    # "on Monday", "last Friday", not "on Monday, October 14" (the date says it)
    rf"|(?:[oO]n|[lL]ast)\s+(?P<weekday>{_WEEKDAYS})\b"
    rf"(?!,?\s+(?:the\s+)?(?:\d\d?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}|{_MON}))"
    # "week 41", "week No. 41 of 2024", "weeks 40 and 41" (the first; a list reads the rest)
    r"|[wW]eeks?\s+(?:[nN]o\.?\s*|number\s+|#)?(?P<wnum>[1-9]|[1-4]\d|5[0-3])\b(?![.,/]\d)"
    # not "the week 7-13 October", "the week 7 October": days, not a week's number
    rf"(?!\s*[-–—]\s*\d{{1,2}}(?:\s+(?:of\s+)?{_MON}|[./]\d)|\s+(?:of\s+)?{_MON})"
    rf"(?:(?:\s+of|,)?\s+{_year('wy')})?"
    r"|(?P<week>week)\b(?!\s+(?:of|starting|beginning|commencing|ending|ended|to|through)\b)"
    # "quarters": the last of a list, "the first and second quarters of 2024"
    r"|(?P<qn>[fF]irst|[sS]econd|[tT]hird|[fF]ourth|1st|2nd|3rd|4th)\s+quarters?"
    rf"(?:\s+of(?:\s+the\s+year)?)?(?:,?\s+{_year('qy')}|\s+(?:of\s+)?{_REL_YEAR.format('qrel')})?"
    rf"|Q(?P<qn2>[1-4])(?:(?:\s+|['/-])?{_year('qy2')})?"
    rf"|H(?P<hn>[12])(?:\s+|/){_year('hy')}"
    r"|(?:[fF]irst\s+)?(?:(?P<half>[fF]irst|[sS]econd)\s+half"
    rf"|(?P<months>{'|'.join(_COUNTS)}|[2-9]|1[01])\s+months)"
    rf"\s+of(?:\s+|(?=(?:19|20)\d\d\b))(?:{_year('py')}|{_REL_YEAR.format('prel')})"
)
_SUPERLATIVE_RE = re.compile(
    r"\b(?:largest|biggest|highest|greatest|heaviest|best|worst|lowest|smallest|most|record|"
    r"first|only)\b[\w\s]{0,25}$",
    re.I,
)
_OPEN_END = r",?\s+(?:to|till|until|up\s+to)\s+(?:date|now|today|the\s+present(?:\s+day)?)\b"

# Cheap checks first, so the full pattern runs only where an expression can start: a short
# number or a year, or a word from these lists (a letter-by-letter alternation, see
# numbers._trie). Each expression also starts after one of _BEFORE, a character class that
# re scans for in C, which is faster than testing \b at every position; find_periods pads the
# text with a space so that an expression can start at offset 0.
_KW_WORDS = ["from", "between", "since", "after", "following", "as", "in", "during", "for"]
_KW_WORDS += ["over", "throughout"]
# Words that start an expression with no keyword before them ("Last week", "post-war").
_ALONE_WORDS = ["post", "this", "current", "last", "past", "previous", "preceding", "prior"]
_ALONE_WORDS += ["reporting"]
_ALONE_WORDS += ["today", "yesterday"]  # _trie adds the capitalised forms
_ALONE_WORDS += ["first", "second", "third", "fourth"]
_ALONE_WORDS += ["week", "weeks"]  # "Week 41": a week by its number (bare "week" is none)
_W_WORDS = [
    "end",
    "conclusion",
    "cessation",
    "signing",
    "trilateral",
    "tripartite",
    "great",
    "patriotic",
]
_W_WORDS += ["peace", "onset", "liberation", "full"]
_W_WORDS += ["karabakh", "war", "beginning", "start", "week", "weeks", *_COUNTS, *_ALONE_WORDS]
_W_GUARD = (
    rf"(?=(?!\d)(?:{_trie(_W_WORDS)})\b|Q[1-4]|H[12][\s/]|[1-4](?:st|nd|rd|th)\s|(?:[2-9]|1[01])\s+months"
    r"|(?:44|2020)\b|[oO]n\s+[MTWFS][a-z]+day\b|[tT](?:o|ill)\s+date\b|[sS]o\s+far\b)"
)
_GUARD = (
    rf"(?=(?:{_trie([*_KW_WORDS, *_ALONE_WORDS, *_MONTHS])})(?:\b|(?=\d))"
    r"|[oO]n\s+[MTWFS][a-z]+day\b|[oO]n\d|(?<=period\s)of\s"
    r"|[tT](?:o|ill)\s+date\b|[sS]o\s+far\b"
    r"|\d\d?(?:st|nd|rd|th)?(?![\d,])|(?:19|20)\d\d(?!\d)|Q[1-4]|H[12][\s/])"
)
_BEFORE = r"[\s(\[{\"'“‘«,.;:/—–>*•|-]"
_PERIOD_RE = re.compile(
    # not the minutes of a time: "20 Sep 2021 16:12 - 22 Jan 2026" is no range of days
    rf"{_BEFORE}(?<!\d:)(?P<p>{_GUARD}(?:(?!\d){_KW})?"
    rf"(?:(?!\d)(?P<M>{_MONTH_FIRST})|{_W_GUARD}(?P<W>{_WORD_FIRST})|(?P<D>{_DIGIT_FIRST}))"
    rf"(?P<open>{_OPEN_END})?)"
)
_DATE_RE = re.compile(
    rf"\s*(?:(?P<ma>{_MON})\s*{_day('mda')}(?:{_YSEP}{_year('mya')})?"
    rf"|(?:the\s+)?{_day('da')}(?:\s+of)?\s+(?P<dma>{_MON_AFTER_DAY})(?:,?\s+{_year('dya')})?"
    rf"|{_numeric('na')})\s*[.,]?\s*"
)


def _iso_monday(y: int, week: int) -> date | None:
    try:
        return date.fromisocalendar(y, week, 1)
    except ValueError:  # week 53 of a year with 52
        return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _half(y: int, first: bool) -> tuple[date, date]:
    """First and last day of a half-year."""
    return (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _classify(start: date, end: date) -> tuple[str, tuple[str, ...]]:
    """Precision of an explicit start-end range, with flags for unusual shapes."""
    if end < start:
        return "other", ("period_reversed",)
    if start == WAR_END:
        return "cumulative", ()
    days = (end - start).days + 1
    if days == 1:
        return "day", ()
    if days in (6, 7):  # Monday-Saturday weeks until mid-2023, Monday-Sunday later
        return "week", ()
    if days <= 13:
        return "other", ("week_length_unusual",) if days >= 8 else ()
    if start.day == 1 and (start.year, start.month) == (end.year, end.month):
        if end == _month_end(end.year, end.month):
            return "month", ()
        if end.day == 30:  # some monthly statements end on the 30th of a 31-day month
            return "month", ("month_ends_30th",)
    quarter_start = start.day == 1 and start.month in (1, 4, 7, 10)
    if quarter_start and end == _month_end(start.year, start.month + 2):
        return "quarter", ()
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year", ()
    return "other", ()


def _wrap_days(sm: int, sd: int, em: int, ed: int) -> int:
    """Days from (sm, sd) to (em, ed) of the next year; impossible days are clamped."""
    start = date(2001, sm, min(sd, calendar.monthrange(2001, sm)[1]))
    end = date(2002, em, min(ed, calendar.monthrange(2002, em)[1]))
    return (end - start).days + 1


_MONTH_OF = {v: n for k, n in _MONTHS.items() for v in (k, k.title(), k + ".", k.title() + ".")}


def _month(name: str) -> int:
    return _MONTH_OF[name]


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _without_year(m: re.Match[str]) -> bool:
    """True for a range of day-first dates whose end has no year, "07.10-13.10", "07/10 -
    13/10" or "27.05.2024-02.06": zero-padded, so that "1.5-2.5", "1/2-3/4" or "12.50-13.75"
    stay numbers."""
    parts = (m["nbd"], m["nbm"]) if m["nay"] else (m["nad"], m["nam"], m["nbd"], m["nbm"])
    return (
        m["nas"] in "./"
        and m["nas"] == m["nbs"]
        and all(p is not None and len(p) == 2 for p in parts)
        and 1 <= int(m["nam"]) <= 12
        and 1 <= int(m["nbm"]) <= 12
    )


def _numeric_md(m: re.Match[str], p: str) -> tuple[int, int, int | None]:
    """(month, day, year or None) of a date matched by _numeric(p)."""
    if m[p + "iy"]:
        return int(m[p + "im"]), int(m[p + "id"]), int(m[p + "iy"])
    return int(m[p + "m"]), int(m[p + "d"]), _int(m[p + "y"])


_Single = tuple[int, int, int | None]  # month, day, year if written
_Range = tuple[int, int, int | None, int, int, int | None]
_MONTH_FIRST_GROUPS = ("ma", "mda", "mya", "myb", "mb", "mdb", "mb2", "mdb2", "mdb3")


class _Reader:
    """Turns _PERIOD_RE matches into Periods, given the publication date."""

    def __init__(self, published: date | None) -> None:
        self.published = published

    def read(self, m: re.Match[str]) -> Period | None:
        btw, kw, month_first, words = m.group("btw", "kw", "M", "W")
        kw = "between" if btw else kw.lower() if kw else ""
        if kw == "this":
            kw = "in"
        if kw not in ("since", "from") and "early" in m["p"].lower().split(None, 3)[:3]:
            return None  # "in early 2022" is no whole year ("since early 2022" is read)
        if words is not None:
            return self.words(m, kw)
        got = self.month_first(m, kw) if month_first is not None else self.digit_first(m, kw)
        if got is None:
            return None
        if isinstance(got, Period):
            return got
        if len(got) == 3:  # a single date
            return self.single(m, kw, *got)
        return self.range(m, got)

    # -- shapes ---------------------------------------------------------------------------

    def month_first(self, m: re.Match[str], kw: str) -> _Single | _Range | Period | None:
        ma, mda, mya, myb, mb, mdb, mb2, mdb2, mdb3 = m.group(*_MONTH_FIRST_GROUPS)
        sm = _month(ma)
        if mda:
            sd, sy, ey = int(mda), _int(mya), _int(myb)
            if mb:
                return sm, sd, sy, _month(mb), int(mdb), ey
            if mb2:
                return sm, sd, sy, _month(mb2), int(mdb2), ey
            if mdb3:
                return sm, sd, sy if sy else ey, sm, int(mdb3), ey if ey else sy
            return sm, sd, sy
        y = _int(m["my0"])
        if m["mc"]:  # "January to March 2024"
            return self.months(m, kw, sm, y, _month(m["mc"]), _int(m["myc"]))
        if y is None and not kw:
            return None  # a bare month name ("March") says nothing about a period
        return self.months(m, kw, sm, y, sm, y)

    def digit_first(self, m: re.Match[str], kw: str) -> _Single | _Range | Period | None:
        if m["nad"] or m["naiy"]:
            sm, sd, sy = _numeric_md(m, "na")
            if m["nbd"] or m["nbiy"]:
                em, ed, ey = _numeric_md(m, "nb")
                if ey is None and not _without_year(m):
                    return None  # "1.5-2.5 million": numbers, not dates
                return sm, sd, sy, em, ed, ey
            if sy is None:
                return None  # "1.15" is a number, not the 1st of November
            return sm, sd, sy
        if m["da"]:
            sd = int(m["da"])
            if m["dma"]:
                sm, sy = _month(m["dma"]), _int(m["dya"])
                if m["db"]:
                    return sm, sd, sy, _month(m["dmb"]), int(m["db"]), _int(m["dyb"])
                if m["db2"]:
                    return sm, sd, sy, _month(m["dmb2"]), int(m["db2"]), _int(m["dyb"])
                return sm, sd, sy
            if m["dc"]:
                em, y = _month(m["dmc"]), _int(m["dyc"])
                return em, sd, y, em, int(m["dc"]), y
            em, ed, ey = _numeric_md(m, "nc")
            return em, sd, ey, em, ed, ey
        start_year, end_year = int(m["ya"]), _int(m["yb"])
        if end_year is not None:
            return self.years(m, start_year, end_year)
        if not kw:
            return None  # a bare year is a number; the caller decides
        if kw in ("since", "from"):
            return self.since(m, date(start_year, 1, 1), [])
        return self.years(m, start_year, start_year)

    def words(self, m: re.Match[str], kw: str) -> Period | None:
        pub = self.published
        if m["war"]:
            if kw not in ("since", "after", "following", "from") and "post" not in m["war"].lower():
                return None  # "during the war", "the war" alone
            return self.since(m, WAR_END, [])
        if m["invasion"]:
            if kw not in ("since", "from"):
                return None  # "before the full-scale invasion", "the start of ... was"
            return self.since(m, FULL_SCALE_INVASION, [])
        if m["todate"]:
            if _SUPERLATIVE_RE.search(m.string, max(0, m.start() - 40), m.start()):
                return None  # "the largest single find to date was 888 mines"
            opens = m["todate"].startswith(("onset", "start", "beginning"))
            if (kw or None) != ("since" if opens else None):
                return None
            flags = ["period_start_unstated"] + ([] if pub else ["year_unknown"])
            return _period(m, None, pub, "cumulative", flags)
        if m["ytd"]:
            return self.year_to_date(m)
        if m["mtd"]:  # "since the start of this month": the 1st to publication
            if pub is None:
                return _period(m, None, None, "cumulative", ["period_inferred", "year_unknown"])
            return self.since(m, pub.replace(day=1), ["period_inferred"])
        if m["boy"]:
            return self.since(m, date(int(m["boy"]), 1, 1), [])
        if m["weekday"]:
            # the latest such day on or before publication: "on Monday" in a Monday report
            # is that day
            if pub is None:
                return _period(m, None, None, "day", ["period_inferred", "year_unknown"])
            back = (pub.weekday() - _WEEKDAYS.split("|").index(m["weekday"])) % 7
            if m[0].lstrip()[:4].lower() == "last" and back == 0:
                back = 7
            day = pub - timedelta(days=back)
            return _period(m, day, day, "day", ["period_inferred"])
        if m["today"]:
            # "as of today": a running total's cut-off; "today", "yesterday": one day
            flags = ["as_of"] if kw in ("as of", "as at") else []
            if pub is None:
                return _period(m, None, None, "day", [*flags, "period_inferred", "year_unknown"])
            day = pub - timedelta(days=m["today"].lower() == "yesterday")
            return _period(m, day, day, "day", [*flags, "period_inferred"])
        if m["wnum"]:
            return self.week_number(m, int(m["wnum"]), _int(m["wy"]))
        if m["rel"] or m["days"] or m["week"]:
            rel = (m["rel"] or m["days"] or "").lower()
            unit = m["unit"] or "week"
            if unit == "week":
                if m["week"] and kw not in ("during", "over", "in", "for"):
                    return None
                return self.inferred_week(m)
            if unit == "day" or unit.startswith("24"):
                # "over the past day": the daily reports of other agencies (Ukraine's SES)
                if rel not in ("past", "last", "previous", "reporting"):
                    return None
                if pub is None:
                    return _period(m, None, None, "day", ["period_inferred", "year_unknown"])
                day = pub - timedelta(days=1)
                return _period(m, day, day, "day", ["period_inferred"])
            if rel in ("this", "current") and unit == "year":
                return self.year_to_date(m)
            if rel in ("last", "previous", "preceding", "prior") and pub is not None:
                if unit == "year":
                    return self.years(m, pub.year - 1, pub.year - 1)
                last = pub.replace(day=1) - timedelta(days=1)
                return _period(m, last.replace(day=1), last, "month", ["period_inferred"])
            if rel in ("last", "previous", "preceding", "prior"):
                return _period(m, None, None, unit, ["year_unknown"])
            return None  # "past year", "this month": rolling periods, not stated dates
        if m["qn"] or m["qn2"]:
            q = _QUARTERS[m["qn"].lower()] if m["qn"] else int(m["qn2"])
            return self.quarter(m, q, _int(m["qy"] or m["qy2"]), m["qrel"])
        if m["hn"]:
            return _period(m, *_half(int(m["hy"]), m["hn"] == "1"), "other")
        y = _int(m["py"]) if m["py"] else self.rel_year(m["prel"])
        if y is None:
            return _period(m, None, None, "other", ["year_unknown"])
        if m["half"]:
            return _period(m, *_half(y, m["half"].lower() == "first"), "other")
        n = m["months"].lower()
        return _period(m, date(y, 1, 1), _month_end(y, _COUNTS.get(n) or int(n)), "other")

    # -- resolution ------------------------------------------------------------------------

    def single(self, m: re.Match[str], kw: str, month: int, day: int, y: int | None) -> Period:
        flags: list[str] = ["as_of"] if kw in ("as of", "as at") else []
        if y is None:
            y, more = self.year_of(month, day)
            flags += more
        d = _safe(y, month, day) if y is not None else None
        if y is not None and d is None:
            return _period(m, None, None, "day", [*flags, "date_impossible"])
        if kw in ("since", "from") or m["open"]:  # "since May 25", "from 10 November 2020"
            return self.since(m, d, flags)
        return _period(m, d, d, "day", flags)

    def range(self, m: re.Match[str], r: _Range) -> Period:
        """A day range whose years may be missing.

        A range that runs backwards over New Year by under three months ("December 26 -
        January 1") crosses the year; otherwise it is kept as written and flagged reversed.
        """
        sm, sd, sy, em, ed, ey = r
        flags: list[str] = []
        wraps = (sm, sd) > (em, ed) and _wrap_days(sm, sd, em, ed) <= 92
        if sy is None and ey is None:
            if self.published is None:
                # No year anywhere: the dates are unknown, but the shape (a week) is not.
                start, end = _safe(1999 if wraps else 2000, sm, sd), _safe(2000, em, ed)
                if start is None or end is None:
                    return _period(m, None, None, "other", ["date_impossible"])
                precision, more = _classify(start, end)
                return _period(m, None, None, precision, ["year_unknown", *more])
            flags.append("year_inferred")
            ey = self.published.year
            end_try = _safe(ey, em, ed)
            if end_try is not None and end_try > self.published:
                ey -= 1
            sy = ey - 1 if wraps else ey
        elif sy is None:
            assert ey is not None
            sy = ey - 1 if wraps else ey
        elif ey is None:
            ey = sy + 1 if wraps else sy
            if (sm, sd) > (em, ed) and not wraps:
                # "from November 10, 2020 to October 28": a later year, the latest by
                # publication ("year_inferred"), not a range running backwards
                ey = sy + 1
                if self.published is not None:
                    end_try = _safe(self.published.year, em, ed)
                    late = end_try is not None and end_try > self.published
                    ey = max(sy + 1, self.published.year - late)
                    later = _safe(ey, em, ed)
                    if later is None or later > self.published:
                        ey = sy  # no later year fits: kept as written, flagged reversed
                if ey != sy:
                    flags.append("year_inferred")
        start, end = _safe(sy, sm, sd), _safe(ey, em, ed)
        if start is None or end is None:
            return _period(m, None, None, "other", [*flags, "date_impossible"])
        if m["open"]:
            return self.since(m, start, flags)
        precision, more = _classify(start, end)
        since = WAR_END if precision == "cumulative" else None
        return _period(m, start, end, precision, [*flags, *more], since)

    def months(
        self, m: re.Match[str], kw: str, sm: int, sy: int | None, em: int, ey: int | None
    ) -> Period:
        flags: list[str] = []
        if sy is None and ey is None:
            sy, flags = self.year_of(sm, 1)
            ey = None if sy is None else sy + 1 if em < sm else sy
        elif sy is None:
            sy = ey - 1 if sm > em else ey
        elif ey is None:
            ey = sy + 1 if em < sm else sy
        if sy is None or ey is None:
            return _period(m, None, None, "month", flags)
        start = date(sy, sm, 1)
        if (kw in ("since", "from") and sm == em) or m["open"]:
            return self.since(m, start, flags)
        end = _month_end(ey, em)
        precision, more = _classify(start, end)
        return _period(m, start, end, precision, [*flags, *more])

    def years(self, m: re.Match[str], sy: int, ey: int) -> Period:
        start, end = date(sy, 1, 1), date(ey, 12, 31)
        if sy == 2020 and ey > 2020:  # "2020-2024": the clearance record starts with the peace
            return _period(m, WAR_END, end, "cumulative", [], WAR_END)
        precision, flags = _classify(start, end)
        return _period(m, start, end, precision, flags)

    def quarter(self, m: re.Match[str], q: int, y: int | None, rel: str | None) -> Period:
        flags: list[str] = []
        if y is None:
            y, flags = (self.rel_year(rel), []) if rel else self.year_of(3 * q - 2, 1)
        if y is None:
            return _period(m, None, None, "quarter", ["year_unknown"])
        return _period(m, date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter", flags)

    def since(self, m: re.Match[str], start: date | None, flags: list[str]) -> Period:
        """A running total from `start` up to publication."""
        if start is not None and start.year == 2020 and start <= WAR_END:
            start = WAR_END  # "since 2020", "since November 2020": the record starts at peace
        end = self.published
        if start is not None and end is not None and end < start:
            flags = [*flags, "period_reversed"]
        return _period(m, start, end, "cumulative", flags, start)

    def year_to_date(self, m: re.Match[str]) -> Period:
        """Year to date ("this year", "since the start of the year"): January 1 to publication."""
        pub = self.published
        if pub is None:
            return _period(m, None, None, "cumulative", ["year_unknown", "year_to_date"])
        start = date(pub.year, 1, 1)
        if (pub.month, pub.day) == (12, 31):
            return _period(m, start, pub, "year", ["year_to_date"])
        return _period(m, start, pub, "cumulative", ["year_to_date"], start)

    def week_number(self, m: re.Match[str], week: int, y: int | None) -> Period:
        """An ISO week by its number (Monday to Sunday); without a year, the latest that
        does not start after publication."""
        flags: list[str] = []
        if y is None:
            if self.published is None:
                return _period(m, None, None, "week", ["year_unknown"])
            y, flags = self.published.year, ["year_inferred"]
            if _iso_monday(y, week) is None or _iso_monday(y, week) > self.published:
                y -= 1
        monday = _iso_monday(y, week)
        if monday is None:
            return _period(m, None, None, "week", ["date_impossible"])
        return _period(m, monday, monday + timedelta(days=6), "week", flags)

    def inferred_week(self, m: re.Match[str]) -> Period:
        """The Monday-Sunday week before publication, which weekly statements report on."""
        if self.published is None:
            return _period(m, None, None, "week", ["period_inferred", "year_unknown"])
        monday = self.published - timedelta(days=self.published.weekday() + 7)
        return _period(m, monday, monday + timedelta(days=6), "week", ["period_inferred"])

    def year_of(self, month: int, day: int) -> tuple[int | None, list[str]]:
        """Year for a month and day written without one: the latest not after publication."""
        if self.published is None:
            return None, ["year_unknown"]
        y = self.published.year
        if (month, day) > (self.published.month, self.published.day):
            y -= 1
        return y, ["year_inferred"]

    def rel_year(self, rel: str | None) -> int | None:
        if self.published is None or rel is None:
            return None
        last = rel.lower() in ("last", "previous")
        return self.published.year - 1 if last else self.published.year


def _period(
    m: re.Match[str],
    start: date | None,
    end: date | None,
    precision: str,
    flags: list[str] | tuple[str, ...] = (),
    since: date | None = None,
) -> Period:
    # The match starts with the character before the expression, in a text padded with one
    # space: m.start() is the expression's offset in the caller's text.
    return Period(start, end, precision, since, m[0][1:], m.start(), m.end() - 1, tuple(flags))


def find_periods(text: str, published: date | None = None) -> list[Period]:
    """All period expressions in `text`, in text order, resolved against `published`."""
    reader = _Reader(published)
    out = []
    for m in _PERIOD_RE.finditer(" " + text):
        period = reader.read(m)
        if period is not None:
            out.append(period)
    return out


_BARE_YEAR_RE = re.compile(r"\s*((?:19|20)\d\d)\s*")
_BARE_MONTH_RE = re.compile(r"\s*([A-Za-z]+)\.?\s*")


def label_period(label: str, published: date | None = None) -> Period | None:
    """The period a table's row or column label names: any expression `find_periods` reads,
    or a bare year ("2023") or month ("July") that it leaves alone in running text (there a
    bare "2023" is as likely a count). None when the label names no single period."""
    found = find_periods(label, published)
    if len(found) == 1 or (found and len({(p.start, p.end) for p in found}) == 1):
        return found[-1]  # "Week 41 (7-13 Oct 2024)": the days written out, if they agree
    if found:
        return None
    if m := _BARE_YEAR_RE.fullmatch(label):
        y = int(m[1])
        return Period(date(y, 1, 1), date(y, 12, 31), "year", None, m[1], m.start(1), m.end(1), ())
    m = _BARE_MONTH_RE.fullmatch(label)
    if m is None or m[1].lower() not in _MONTHS:
        return None
    month = _MONTHS[m[1].lower()]
    y, flags = _Reader(published).year_of(month, 1)
    if y is None:
        return Period(None, None, "month", None, m[1], m.start(1), m.end(1), tuple(flags))
    start = date(y, month, 1)
    return Period(
        start, _month_end(y, month), "month", None, m[1], m.start(1), m.end(1), tuple(flags)
    )


def parse_date(token: str, published: date | None = None) -> date:
    """Read one date ("October 7, 2024", "7th of October", "15.07.2024", "2024-10-07").

    A date without a year takes the latest year that does not put it after `published`.
    """
    m = _DATE_RE.fullmatch(token)
    if m is None:
        raise ValueError(f"not a date: {token!r}")
    if m["ma"]:
        month, day, y = _month(m["ma"]), int(m["mda"]), _int(m["mya"])
    elif m["dma"]:
        month, day, y = _month(m["dma"]), int(m["da"]), _int(m["dya"])
    else:
        month, day, y = _numeric_md(m, "na")
    if y is None:
        if published is None:
            raise ValueError(f"no year in {token!r} and no publication date to infer it from")
        y = _Reader(published).year_of(month, day)[0]
        assert y is not None
    try:
        return date(y, month, day)
    except ValueError as e:
        raise ValueError(f"impossible date {token.strip()!r}: {e}") from None

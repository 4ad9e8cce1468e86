"""Find the reporting periods that mine-action press reports state, and resolve them to dates.

Reports write one week in a dozen ways ("from October 7 to October 13, 2024", "October 7-13",
"From 18 to 24 December", "15.07.2024-21.07.2024", "over the past week"), often without a
year, and state running totals "since the end of the war". find_periods reads all of them in
one regex pass and returns resolved dates with a precision and flags for what it had to guess.

Hand-written rather than dateparser: dateparser costs milliseconds per call (this pipeline
has ~300 microseconds per report in all), reads one date not a range ("October 7-13"
becomes October 7 or fails), and silently moves impossible dates such as "February 30".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from research.numbers import _trie

__all__ = ["WAR_END", "Period", "find_periods", "parse_date"]

WAR_END = date(2020, 11, 10)  # trilateral statement ending the Second Karabakh War


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


_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
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
    ],
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
_ORDINALS |= {"4th": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNT_WORDS |= {"nine": 9, "ten": 10, "eleven": 11}

# Building blocks. "may" is a month only as "May" or when a year follows ("7-13 may 2024").
_MON = (
    rf"(?:(?-i:{_trie([n for n in _MONTHS if n != 'may'])}|May|MAY)"
    r"|(?-i:may)(?=,?\s+(?:19|20)\d\d))(?![a-zA-Z])\.?"
)
_DAY_NUM = r"3[01]|[12]\d|0?[1-9]"
_DAY_END = r"(?!\d)(?:st|nd|rd|th)?(?![.,]\d{1,3}(?!\d))"
_YEAR_NUM = r"(?:19|20)\d\d"
_YEAR_END = r"(?!\d|[.,]\d)"
_DASH = r"\s*[-–—−]\s*"
_SEP = rf"(?:{_DASH}|,?\s+(?:to|through|thru|till|until|up\s+to)\s+)"
_OPEN_END = r",?\s+(?:to|till|until|up\s+to)\s+(?:date|now|today|the\s+present(?:\s+day)?)\b"
_REL_YEAR = r"(?:this|the\s+current|current|last|the\s+previous|previous)\s+year"


def _day(g: str) -> str:
    return rf"(?P<{g}>{_DAY_NUM}){_DAY_END}"


def _year(g: str) -> str:
    return rf"(?P<{g}>{_YEAR_NUM}){_YEAR_END}"


def _sep(p: str) -> str:
    """Range mark; "and" only after "between" (so "May 5 and 11" alone is not a range)."""
    return rf"(?({p}btw)(?:\s+and\s+|{_SEP})|{_SEP})"


def _pre(p: str) -> str:
    return rf"(?:(?P<{p}btw>between)\s+|from\s+)?"


def _mdy(p: str) -> str:
    return rf"(?P<{p}m1>{_MON})\s*{_day(p + 'd1')}(?:(?:,\s*|\s+){_year(p + 'y1')})?"


def _dmy(p: str) -> str:
    return rf"{_day(p + 'd2')}(?:\s+of)?\s+(?P<{p}m2>{_MON})(?:,?\s+{_year(p + 'y2')})?"


def _date(p: str) -> str:
    return rf"(?:the\s+)?(?:{_mdy(p)}|{_dmy(p)})"


def _numeric(p: str, year_optional: bool = False) -> str:
    """dd.mm.yyyy (or dd/mm/yyyy, day first as in Azerbaijan) and ISO yyyy-mm-dd."""
    opt = "?" if year_optional else ""
    return (
        rf"(?<![\d.])(?:(?P<{p}nd>\d{{1,2}})(?P<{p}ns>[./])(?P<{p}nm>\d{{1,2}})"
        rf"(?:(?P={p}ns)(?P<{p}ny>\d{{4}})){opt}"
        rf"|(?P<{p}iy>{_YEAR_NUM})-(?P<{p}im>\d\d)-(?P<{p}id>\d\d))(?![\d])"
    )


_WAR_NAME = r"(?:second\s+karabakh|44[-\s]day|great\s+patriotic|patriotic|karabakh|2020)\s+"
_WAR = (
    r"(?:since|after|following)\s+the\s+(?:end|conclusion|cessation)\s+of\s+(?:the\s+)?"
    rf"(?:{_WAR_NAME})?(?:war|conflict|hostilities|military\s+operations|fighting)"
    r"(?:,?\s+(?:in|on)\s+(?:(?:10\s+)?november\s+(?:10,?\s+)?)?2020)?"
    rf"|(?:since|after|following)\s+the\s+(?:{_WAR_NAME})?war\b"
    r"|since\s+the\s+(?:signing\s+of\s+the\s+)?trilateral\s+(?:statement|declaration)"
    r"(?:\s+of\s+(?:10\s+november|november\s+10),?\s+2020)?"
    r"|(?:in\s+)?(?:the\s+)?post-?(?:war|conflict)\s+period"
)

_SINCE = (
    r"(?:since|(?P<sfrom>from))\s+(?:"
    r"the\s+(?:beginning|start)\s+of\s+(?:(?P<sytd>(?:the\s+|this\s+)(?:current\s+)?year)"
    rf"|{_year('sboy')})"
    rf"|{_date('s')}|{_numeric('s')}"
    rf"|(?P<smm>{_MON})(?:,?\s+(?:of\s+)?{_year('smy')})?"
    rf"|{_year('sy')})"
    rf"(?(sfrom){_OPEN_END}|(?:{_OPEN_END})?)"
)

_QUARTER = (
    r"(?:(?:in|during|for|over)\s+)?(?:the\s+)?"
    r"(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th|(?-i:I|II|III|IV))\s+quarter"
    rf"(?:\s+of(?:\s+the\s+year)?)?(?:,?\s+{_year('qy')}|\s+(?P<qrel>{_REL_YEAR}))?"
    rf"|(?-i:Q)(?P<qn2>[1-4])(?:\s+|['/-])?(?:{_year('qy2')})?"
)
_PART_YEAR = (
    r"(?:(?:in|during|for|over)\s+)?(?:the\s+)?"
    r"(?:(?P<half>first|second)\s+half|(?:first\s+)?"
    rf"(?P<months>{'|'.join(_COUNT_WORDS)}|[2-9]|1[01])\s+months)"
    rf"\s+of\s+(?:{_year('py')}|(?P<prel>{_REL_YEAR}))"
)
_YEAR_RANGE = (
    rf"(?:(?:in|during|over)\s+)?{_pre('yr')}(?:the\s+years\s+)?"
    rf"{_year('yra')}{_sep('yr')}{_year('yrb')}"
)
_SINGLE = rf"(?:(?P<asof>as\s+(?:of|at))\s+)?(?:{_date('d')}|{_numeric('d')})"
_MONTH = (
    r"(?:(?P<mprep>in|during|for|throughout|over)\s+(?:the\s+month\s+of\s+)?)?"
    rf"(?P<mm>{_MON})(?!\s*\d{{1,2}}(?!\d))(?(mprep)(?:,?\s+(?:of\s+)?{_year('my')})?|,?\s+(?:of\s+)?{_year('my2')})"
    r"|(?P<mrel>last|past|previous)\s+month\b"
)
_YEAR = (
    r"(?:in|during|for|throughout|over)\s+(?:the\s+(?:year\s+(?:of\s+)?)?)?"
    rf"{_year('yy')}(?!{_DASH}\d)"
    rf"|(?:(?:in|during|for|throughout|over)\s+)?(?:so\s+far\s+)?(?P<yrel>{_REL_YEAR})\b"
)
_WEEK = (
    r"(?:(?:over|during|in|for)\s+)?(?:the\s+)?"
    r"(?:(?:past|last|previous|this|current|reporting)\s+week|"
    r"(?:past|last)\s+(?:7|seven)\s+days)\b"
    r"|during\s+the\s+week\b"
)

# Words that can start a period expression; checking them first keeps the full pattern
# from running at every word of the text.
_STARTS = [
    *_MONTHS,
    *["from", "between", "since", "after", "following", "as", "in", "during", "for", "over"],
    *["throughout", "last", "this", "past", "previous", "current", "reporting", "post"],
    *["first", "second", "third", "fourth"],
]
_GUARD = rf"(?=\d|(?:{_trie(_STARTS)})\b|Q[1-4])"

_ALTERNATIVES: list[tuple[str, str]] = [
    ("war", _WAR),
    ("rfull", rf"{_pre('f')}{_date('fa')}{_sep('f')}{_date('fb')}"),
    (
        "rmdd",
        rf"{_pre('g')}(?P<gm>{_MON})\s*{_day('gd1')}{_sep('g')}{_day('gd2')}"
        rf"(?:(?:,\s*|\s+){_year('gy')})?",
    ),
    (
        "rddm",
        rf"{_pre('h')}(?:the\s+)?{_day('hd1')}{_sep('h')}{_day('hd2')}(?:\s+of)?\s+"
        rf"(?P<hm>{_MON})(?:,?\s+{_year('hy')})?",
    ),
    ("rnum", rf"{_pre('n')}{_numeric('na', True)}{_sep('n')}{_numeric('nb')}"),
    ("rnumd", rf"{_pre('o')}(?P<od1>{_DAY_NUM})(?!\d){_sep('o')}{_numeric('ob')}"),
    ("yrange", _YEAR_RANGE),
    ("since", _SINCE),
    ("quarter", _QUARTER),
    ("part", _PART_YEAR),
    ("single", _SINGLE),
    ("month", _MONTH),
    ("year", _YEAR),
    ("week", _WEEK),
]
PERIOD_RE = re.compile(
    rf"\b{_GUARD}(?i:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _ALTERNATIVES) + ")"
)
_DATE_RE = re.compile(rf"\s*(?i:{_date('d')}|{_numeric('d')})\s*[.,]?\s*")


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


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
    if start.day == 1 and start.month == end.month and start.year == end.year:
        last = calendar.monthrange(end.year, end.month)[1]
        if end.day == last:
            return "month", ()
        if end.day == 30:  # some monthly statements end on the 30th of a 31-day month
            return "month", ("month_ends_30th",)
    quarter_start = start.day == 1 and start.month in (1, 4, 7, 10)
    if quarter_start and end == _month_end(start.year, start.month + 2):
        return "quarter", ()
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return "year", ()
    return "other", ()


def _md(m: re.Match[str], p: str) -> tuple[int, int, int | None]:
    """(month, day, year or None) of a date matched by _date(p) or _numeric(p)."""
    g = m.group
    if g(p + "m1"):
        return _MONTHS[g(p + "m1").lower().rstrip(".")], int(g(p + "d1")), _int(g(p + "y1"))
    if g(p + "m2"):
        return _MONTHS[g(p + "m2").lower().rstrip(".")], int(g(p + "d2")), _int(g(p + "y2"))
    return _numeric_md(m, p)


def _numeric_md(m: re.Match[str], p: str) -> tuple[int, int, int | None]:
    g = m.group
    if g(p + "iy"):
        return int(g(p + "im")), int(g(p + "id")), int(g(p + "iy"))
    return int(g(p + "nm")), int(g(p + "nd")), _int(g(p + "ny"))


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _month_of(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


class _Builder:
    """Turns one match into a Period; holds the text and publication date."""

    def __init__(self, published: date | None) -> None:
        self.published = published

    def range(
        self, sm: int, sd: int, sy: int | None, em: int, ed: int, ey: int | None
    ) -> tuple[date | None, date | None, str, list[str]]:
        """Resolve a day range whose years may be missing: start, end, precision, flags.

        A range that runs backwards over New Year by under three months ("December 26 -
        January 1") crosses the year; otherwise it is kept as written and flagged reversed.
        """
        flags: list[str] = []
        wraps = (sm, sd) > (em, ed) and _wrap_days(sm, sd, em, ed) <= 92
        if sy is None and ey is None:
            if self.published is None:
                # No year anywhere: dates unknown, but the shape (a week, a month) is not.
                sy0, ey0 = (1999, 2000) if wraps else (2000, 2000)
                s0, e0 = _safe(sy0, sm, sd), _safe(ey0, em, ed)
                if s0 is None or e0 is None:
                    return None, None, "other", ["date_impossible"]
                precision, more = _classify(s0, e0)
                return None, None, precision, ["year_unknown", *more]
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
        start, end = _safe(sy, sm, sd), _safe(ey, em, ed)
        if start is None or end is None:
            return None, None, "other", [*flags, "date_impossible"]
        precision, more = _classify(start, end)
        return start, end, precision, [*flags, *more]

    def year_of(self, month: int, day: int) -> tuple[int | None, list[str]]:
        """Year for a month/day written without one: the latest not after publication."""
        if self.published is None:
            return None, ["year_unknown"]
        y = self.published.year
        if (month, day) > (self.published.month, self.published.day):
            y -= 1
        return y, ["year_inferred"]

    def rel_year(self, rel: str) -> int | None:
        if self.published is None:
            return None
        last = any(w in rel.lower() for w in ("last", "previous"))
        return self.published.year - 1 if last else self.published.year


def _wrap_days(sm: int, sd: int, em: int, ed: int) -> int:
    """Days from (sm, sd) to (em, ed) of the next year; impossible days are clamped."""
    start = date(2001, sm, min(sd, calendar.monthrange(2001, sm)[1]))
    end = date(2002, em, min(ed, calendar.monthrange(2002, em)[1]))
    return (end - start).days + 1


def _period(
    m: re.Match[str],
    start: date | None,
    end: date | None,
    precision: str,
    flags: list[str] | tuple[str, ...] = (),
    since: date | None = None,
) -> Period:
    return Period(start, end, precision, since, m[0], m.start(), m.end(), tuple(flags))


def _cumulative(m: re.Match[str], b: _Builder, since: date | None, flags: list[str]) -> Period:
    end = b.published
    if since is not None and end is not None and end < since:
        flags = [*flags, "period_reversed"]
    return _period(m, since, end, "cumulative", flags, since)


def _h_war(m: re.Match[str], b: _Builder) -> Period:
    return _cumulative(m, b, WAR_END, [])


def _h_rfull(m: re.Match[str], b: _Builder) -> Period:
    sm, sd, sy = _md(m, "fa")
    em, ed, ey = _md(m, "fb")
    start, end, precision, flags = b.range(sm, sd, sy, em, ed, ey)
    since = WAR_END if start == WAR_END else None
    return _period(m, start, end, precision, flags, since)


def _h_rmdd(m: re.Match[str], b: _Builder) -> Period:
    month, y = _month_of(m["gm"]), _int(m["gy"])
    start, end, precision, flags = b.range(month, int(m["gd1"]), y, month, int(m["gd2"]), y)
    return _period(m, start, end, precision, flags)


def _h_rddm(m: re.Match[str], b: _Builder) -> Period:
    month, y = _month_of(m["hm"]), _int(m["hy"])
    start, end, precision, flags = b.range(month, int(m["hd1"]), y, month, int(m["hd2"]), y)
    return _period(m, start, end, precision, flags)


def _h_rnum(m: re.Match[str], b: _Builder) -> Period:
    sm, sd, sy = _numeric_md(m, "na")
    em, ed, ey = _numeric_md(m, "nb")
    start, end, precision, flags = b.range(sm, sd, sy, em, ed, ey)
    since = WAR_END if start == WAR_END else None
    return _period(m, start, end, precision, flags, since)


def _h_rnumd(m: re.Match[str], b: _Builder) -> Period:
    em, ed, ey = _numeric_md(m, "ob")
    start, end, precision, flags = b.range(em, int(m["od1"]), ey, em, ed, ey)
    return _period(m, start, end, precision, flags)


def _h_yrange(m: re.Match[str], b: _Builder) -> Period:
    start, end = date(int(m["yra"]), 1, 1), date(int(m["yrb"]), 12, 31)
    if end < start:
        return _period(m, start, end, "other", ["period_reversed"])
    if start.year == 2020:  # "from 2020 to 2024": the clearance record starts at the war's end
        return _period(m, WAR_END, end, "cumulative", [], WAR_END)
    return _period(m, start, end, "other")


def _h_since(m: re.Match[str], b: _Builder) -> Period:
    flags: list[str] = []
    since: date | None
    if m["sytd"]:
        return _h_year_to_date(m, b)
    if m["sboy"]:
        since = date(int(m["sboy"]), 1, 1)
    elif m["sm1"] or m["sm2"] or m["snd"] or m["siy"]:
        month, day, y = _md(m, "s")
        if y is None:
            y, flags = b.year_of(month, day)
        if y is None:
            return _period(m, None, b.published, "cumulative", flags)
        since = _safe(y, month, day)
        if since is None:
            return _period(m, None, None, "cumulative", [*flags, "date_impossible"])
    elif m["smm"]:
        month, y = _month_of(m["smm"]), _int(m["smy"])
        if y is None:
            y, flags = b.year_of(month, 1)
        if y is None:
            return _period(m, None, b.published, "cumulative", flags)
        since = date(y, month, 1)
    else:
        since = date(int(m["sy"]), 1, 1)
    if since.year == 2020 and since <= WAR_END:
        since = WAR_END  # "since 2020", "since November 2020": the record starts at the war's end
    return _cumulative(m, b, since, flags)


def _h_year_to_date(m: re.Match[str], b: _Builder) -> Period:
    """Year to date ("this year", "since the start of the year"): January 1 to publication."""
    if b.published is None:
        return _period(m, None, None, "cumulative", ["year_unknown", "year_to_date"])
    start = date(b.published.year, 1, 1)
    if b.published == date(b.published.year, 12, 31):
        return _period(m, start, b.published, "year", ["year_to_date"])
    return _period(m, start, b.published, "cumulative", ["year_to_date"], start)


def _h_quarter(m: re.Match[str], b: _Builder) -> Period:
    q = _ORDINALS[m["qn"].lower()] if m["qn"] else int(m["qn2"])
    y = _int(m["qy"] or m["qy2"])
    flags: list[str] = []
    if y is None and m["qrel"]:
        y = b.rel_year(m["qrel"])
    elif y is None:
        y, flags = b.year_of(3 * q - 2, 1)
    if y is None:
        return _period(m, None, None, "quarter", ["year_unknown"])
    start = date(y, 3 * q - 2, 1)
    return _period(m, start, _month_end(y, 3 * q), "quarter", flags)


def _h_part(m: re.Match[str], b: _Builder) -> Period:
    y = _int(m["py"]) if m["py"] else b.rel_year(m["prel"])
    if y is None:
        return _period(m, None, None, "other", ["year_unknown"])
    if m["half"]:
        if m["half"].lower() == "first":
            return _period(m, date(y, 1, 1), date(y, 6, 30), "other")
        return _period(m, date(y, 7, 1), date(y, 12, 31), "other")
    n = m["months"].lower()
    months = _COUNT_WORDS.get(n) or int(n)
    return _period(m, date(y, 1, 1), _month_end(y, months), "other")


def _h_single(m: re.Match[str], b: _Builder) -> Period:
    month, day, y = _md(m, "d")
    flags: list[str] = ["as_of"] if m["asof"] else []
    if y is None:
        y, more = b.year_of(month, day)
        flags += more
    if y is None:
        return _period(m, None, None, "day", flags)
    d = _safe(y, month, day)
    if d is None:
        return _period(m, None, None, "day", [*flags, "date_impossible"])
    return _period(m, d, d, "day", flags)


def _h_month(m: re.Match[str], b: _Builder) -> Period:
    flags: list[str] = []
    if m["mrel"]:
        if b.published is None:
            return _period(m, None, None, "month", ["year_unknown", "period_inferred"])
        last = b.published.replace(day=1) - timedelta(days=1)
        return _period(m, last.replace(day=1), last, "month", ["period_inferred"])
    month = _month_of(m["mm"])
    y = _int(m["my"] or m["my2"])
    if y is None:
        y, flags = b.year_of(month, 1)
    if y is None:
        return _period(m, None, None, "month", flags)
    return _period(m, date(y, month, 1), _month_end(y, month), "month", flags)


def _h_year(m: re.Match[str], b: _Builder) -> Period:
    if m["yy"]:
        y = int(m["yy"])
        return _period(m, date(y, 1, 1), date(y, 12, 31), "year")
    rel = m["yrel"].lower()
    if not any(w in rel for w in ("last", "previous")):
        return _h_year_to_date(m, b)
    y = b.rel_year(rel)
    if y is None:
        return _period(m, None, None, "year", ["year_unknown"])
    return _period(m, date(y, 1, 1), date(y, 12, 31), "year")


def _h_week(m: re.Match[str], b: _Builder) -> Period:
    """The Monday-Sunday week before publication: ANAMA's weekly statements cover it."""
    if b.published is None:
        return _period(m, None, None, "week", ["period_inferred", "year_unknown"])
    monday = b.published - timedelta(days=b.published.weekday() + 7)
    return _period(m, monday, monday + timedelta(days=6), "week", ["period_inferred"])


_HANDLERS: dict[str, Callable[[re.Match[str], _Builder], Period]] = {
    "war": _h_war,
    "rfull": _h_rfull,
    "rmdd": _h_rmdd,
    "rddm": _h_rddm,
    "rnum": _h_rnum,
    "rnumd": _h_rnumd,
    "yrange": _h_yrange,
    "since": _h_since,
    "quarter": _h_quarter,
    "part": _h_part,
    "single": _h_single,
    "month": _h_month,
    "year": _h_year,
    "week": _h_week,
}
_NAMES = [name for name, _ in _ALTERNATIVES]


def find_periods(text: str, published: date | None = None) -> list[Period]:
    """All period expressions in `text`, in text order, resolved against `published`."""
    b = _Builder(published)
    out = []
    for m in PERIOD_RE.finditer(text):
        name = m.lastgroup
        if name not in _HANDLERS:  # lastgroup is the outer alternative unless it ends inside
            name = next(n for n in _NAMES if m.group(n) is not None)
        out.append(_HANDLERS[name](m, b))
    return out


def parse_date(token: str, published: date | None = None) -> date:
    """Read one date ("October 7, 2024", "7th of October", "15.07.2024", "2024-10-07").

    A date without a year takes the latest year that does not put it after `published`.
    """
    m = _DATE_RE.fullmatch(token)
    if m is None:
        raise ValueError(f"not a date: {token!r}")
    month, day, y = _md(m, "d")
    if y is None:
        if published is None:
            raise ValueError(f"no year in {token!r} and no publication date to infer it from")
        y = _Builder(published).year_of(month, day)[0]
        assert y is not None
    try:
        return date(y, month, day)
    except ValueError as e:
        raise ValueError(f"impossible date {token.strip()!r}: {e}") from None

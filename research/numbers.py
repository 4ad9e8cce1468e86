"""Read the numbers written in mine-action press reports.

Reports mix English ("1,198.7"), European ("2.790,9", "8.086"), space-grouped ("2 171 083")
and decimal-comma ("94,8") styles, spell numbers out ("seven thousand", "a dozen"), scale them
("1.15 million") and contain typos ("5,264,14", "1454, 2 ha"). This module finds every number
token in one regex pass and says how it read each one, so the caller can keep a provenance
trail and flag what it could not read.

Hand-written rather than quantulum3 or a locale parser: those are far too slow for ~3,000
reports per second, guess a single locale per call, and silently "fix" the malformed tokens
this project must flag.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["NUMBER_RE", "Number", "find_numbers", "parse_number"]

_SPACES = " \u00a0\u2009\u202f"  # space, no-break space, thin space, narrow no-break space
_SCALES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bln": 1_000_000_000,
    "bn": 1_000_000_000,
    # abbreviations of "thousand" in English and in Russian left untranslated
    "k": 1_000,
    "thous": 1_000,
    "thsd": 1_000,
    "тыс": 1_000,
}
_WORD_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


def _trie(words: Iterable[str], *, title: bool = True) -> str:
    """A regex alternation factored by letters, so a word that is not listed fails in a step.

    Python's re tries alternatives one by one, and a plain "one|two|...|ninety" costs dozens
    of steps at every word of the text. re.IGNORECASE doubles that, so `title` adds each
    word's capitalised form ("Eight maps") instead; other spellings are not read.
    """
    words = list(words)
    if title:
        words += [w[:1].upper() + w[1:] for w in words if w[:1].islower()]
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1], []).append(word[1:])
    parts = []
    for head, tails in sorted(heads.items()):
        if head == "":
            continue
        body = _trie(tails, title=False) if len(tails) > 1 else re.escape(tails[0])
        optional = "?" if "" in tails and len(tails) > 1 else ""
        parts.append(f"{re.escape(head)}(?:{body}){optional}")
    return "|".join(parts)


_UNIT = _trie([w for w, v in _WORD_VALUES.items() if v < 20])
_DIGIT_WORD = _trie([w for w, v in _WORD_VALUES.items() if 0 < v < 10], title=False)
_TENS = _trie([w for w, v in _WORD_VALUES.items() if v >= 20])
_N99 = rf"(?:(?:{_TENS})(?:[-\s](?:{_DIGIT_WORD})\b)?|(?:{_UNIT}))\b"
_N999 = rf"{_N99}(?:\s+hundred\b(?:(?:\s+and)?\s+{_N99})?)?"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|dozen)\b"
# Linear rather than a list of whole-number alternatives: the head is read once per word.
_WORDS = (
    rf"(?=[aefnostzAEFNOSTZ][ehilnouw\s])(?:[aA]n?(?=[\s-]+{_SCALE_WORD})|{_N99})"
    rf"(?:\s+hundred\b(?:(?:\s+and)?\s+{_N99})?)?"
    rf"(?:[\s-]+(?:thousand|million|billion)\b(?:(?:\s+and)?\s+{_N999})?|\s+dozen\b)?"
)

_CLUSTER = r"\d+(?:[.,]\d+)*"
_AREA_UNIT = r"(?i:hectares?|ha|km²|km2|sq\.?\s?km|square|m²|m2)(?![a-zA-Z])"
# Case-sensitive on purpose (see _trie); the few words after a digit group are (?i:...).
# The first look-ahead (every token's first character) only makes the scan faster: a set
# lookup turns down most positions before the costlier \b test. The rest only makes the
# alternatives a token does not take fail sooner: digit runs are possessive (+, (?>...))
# wherever a shorter run would leave a digit where the pattern wants a separator, and after
# the digits "|)" rather than ")?" and \s*+ (no scale word starts with a space) spare re a
# repeat context and a second try of the scale words at each token.
NUMBER_RE: re.Pattern[str] = re.compile(
    rf"""(?=[\daefnostzAEFNOSTZ])\b(?P<num>(?=\d)(?:
        (?P<date>\d{{1,2}}+([./])\d{{1,2}}\3\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?!\d)
      | (?P<gap>(?!(?:19|20)\d\d,|\d{{1,3}},\ )(?>{_CLUSTER}),\ \d{{1,2}})(?=\s*{_AREA_UNIT})
      | (?P<spaced>\d{{1,3}}+(?:[{_SPACES}]\d{{3}}(?!\d))+(?:[.,]\d+)?)(?![\d.,]\d)
      | (?P<digits>{_CLUSTER})
        (?:(?P<ord>st|nd|rd|th)\b|\s*+(?P<scale>(?i:thousand|million|billion|mln|mn|bln|bn)\b
            |(?i:thous|thsd|тыс)\.?(?![^\W\d_])|[kK](?![^\W\d_]))|)
    ) | (?P<words>{_WORDS})
    )""",
    re.VERBOSE,
)
_TOKEN_RE = re.compile(rf"\s*(?:{NUMBER_RE.pattern})%?\s*", re.VERBOSE)
# The same token where no word boundary comes before it (see _glued).
_GLUED_RE = re.compile(NUMBER_RE.pattern.replace(r"(?=[\daefnostzAEFNOSTZ])\b", "", 1), re.VERBOSE)
_SPLIT_WORDS = re.compile(r"[\s-]+").split
_UNSPACE = re.compile(f"[{_SPACES}]")
_GAP_TOKEN_RE = re.compile(rf"\s*{_CLUSTER},\s+\d{{1,2}}\s*")


@dataclass(frozen=True, slots=True)
class Number:
    """One number token found in a text, with how it was read."""

    value: float | None  # None when the token is malformed
    text: str  # the token as written
    start: int  # character offsets in the text searched
    end: int
    malformed: bool  # e.g. "5,264,14", "1454, 2"
    ambiguous: bool  # e.g. "8.086": 8086 or 8.086; the value follows the integer hint


def _read_cluster(token: str, integer: bool) -> tuple[float | None, bool]:
    """Read digits joined by "." or ","; return (value or None if malformed, ambiguous)."""
    last_dot, last_comma = token.rfind("."), token.rfind(",")
    if last_dot < 0 and last_comma < 0:
        return float(token), False
    # The separator that occurs last may mark decimals; the other one can only group.
    point = "." if last_dot > last_comma else ","
    other = "," if point == "." else "."
    groups = token.split(point)
    if len(groups) == 2 and other not in token:  # one separator: "94,8", "8.086", "453,900"
        first, tail = groups
        can_group = len(first) <= 3 and first[0] != "0"
        if point == ".":
            if can_group and len(tail) == 3:
                # "8.086": European thousands or an English decimal; the caller knows which.
                return (float(first + tail) if integer else float(token)), True
            return float(token), False
        if len(tail) <= 2:  # decimal comma
            return float(f"{first}.{tail}"), False
        if can_group and len(tail) == 3:
            return float(first + tail), False
        if first == "0":  # "0,086"
            return float(f"0.{tail}"), False
        return None, False
    if other in token:  # "1,198.7", "2.790,9": all but the last group are thousands
        whole, decimals = token.rsplit(point, 1)
        if point in whole:
            return None, False
        groups = whole.split(other)
    else:  # "1.234.567", "14,136,179": thousands only
        decimals = ""
    first, rest = groups[0], groups[1:]
    if len(first) > 3 or first[0] == "0" or any(len(g) != 3 for g in rest):
        return None, False
    whole = "".join(groups)
    return (float(f"{whole}.{decimals}") if decimals else float(whole)), False


def _read_words(token: str) -> float:
    """Value of a spelled-out number already matched by the grammar in NUMBER_RE."""
    total = current = 0
    for word in _SPLIT_WORDS(token.lower()):
        if word == "and":
            continue
        if word in ("a", "an"):
            current = 1
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            current += _WORD_VALUES[word]
    return float(total + current)


def _read_match(m: re.Match[str], integer: bool) -> tuple[float | None, bool, bool] | None:
    """(value, malformed, ambiguous) for one NUMBER_RE match; None if it is not a figure."""
    _, _date, _, gap, spaced, digits, ordinal, scale, words = m.groups()
    if digits is not None:
        if ordinal:
            return None
        if scale:
            # A scale word settles the reading: nobody writes "1.500 million" for 1,500 million.
            value = _read_cluster(digits, False)[0]
            if value is None:
                return None, True, False
            return value * _SCALES[scale.lower().rstrip(".")], False, False
        if digits.isdigit():
            return float(digits), False, False
        value, ambiguous = _read_cluster(digits, integer)
        return value, value is None, ambiguous
    if words is not None:
        return _read_words(words), False, False
    if spaced is not None:
        return float(_UNSPACE.sub("", spaced).replace(",", ".")), False, False
    if gap is not None:
        return None, True, False
    return None  # an all-numeric date


def parse_number(token: str, *, integer: bool = False) -> float:
    """Read one number token in any style the reports use; raise ValueError if malformed.

    `integer=True` says the token counts items, which settles "8.086" as 8086.
    """
    m = _TOKEN_RE.fullmatch(token)
    read = _read_match(m, integer) if m else None
    if read is None and _GAP_TOKEN_RE.fullmatch(token):
        read = None, True, False  # "1454, 2" on its own
    if read is None:
        raise ValueError(f"not a number {token!r}")
    value, malformed, _ = read
    if malformed or value is None:
        raise ValueError(f"malformed number {token.strip()!r}")
    return value


def find_numbers(
    text: str, *, integer_hint: Callable[[int], bool] | None = None, offset: int = 0
) -> list[Number]:
    """Every number token in `text`, in order; ordinals and all-numeric dates are skipped.

    `integer_hint(end)` is called only for ambiguous tokens such as "8.086", with the offset
    just after the token, so the caller can look at the unit that follows ("mines" vs "ha").
    `offset` is added to the tokens' offsets (for a `text` sliced out of a longer one).
    """
    found: list[Number] = []
    append = found.append
    for m in NUMBER_RE.finditer(text):
        start, end = m.span()
        if start > 1 and text[start - 1] in ".," and text[start - 2].isdigit():
            m = _glued(text, start) or m
            start, end = m.span()
        token = m[0]
        if token.isdigit():  # most tokens: skip the general reader
            if len(token) <= 2 and _in_a_time(text, start, end):
                continue  # "05:11": a time of day, no count
            append(Number(float(token), token, start + offset, end + offset, False, False))
            continue
        read = _read_match(m, False)
        if read is None:
            continue
        value, malformed, ambiguous = read
        if ambiguous and integer_hint is not None and integer_hint(end):
            value = _read_cluster(token, True)[0]
        append(Number(value, token, start + offset, end + offset, malformed, ambiguous))
    if _LETTER_DIGIT_RE.search(text):  # a digit after a letter: opening with a class is cheap
        found = _with_glued_heads(text, found, offset)
    return found


# A number glued to a short word before it, with no separator for NUMBER_RE to start after.
# Only after such words: "co2", "mp3" or "covid19" are no counts.
_LETTER_DIGIT_RE = re.compile(r"[0-9](?<=[a-z][0-9])")
_GLUED_START_RE = re.compile(
    r"\b(?:of|[Ii]n|at|to|by|on|from|than|over|about|nearly|almost|some|total|totall?ed|numbered"
    r"|reached|and|with)(?=\d)"
)


def _with_glued_heads(text: str, found: list[Number], offset: int) -> list[Number]:
    """Add the numbers glued to the word before them ("a total of370 mines", "numbered384"),
    which feeds print where they lose the spaces at line ends, in place of any tail of
    them NUMBER_RE found ("of53 081,8": "081,8")."""
    for g in _GLUED_START_RE.finditer(text):
        m = _GLUED_RE.match(text, g.end())
        read = _read_match(m, False) if m is not None else None
        if m is None or read is None or read[1] or read[0] is None:
            continue
        start, end = m.start() + offset, m.end() + offset
        found = [n for n in found if n.end <= start or n.start >= end]
        found.append(Number(read[0], m[0], start, end, False, read[2]))
    return sorted(found, key=lambda n: n.start)


def _glued(text: str, start: int) -> re.Match[str] | None:
    """The whole number whose tail NUMBER_RE found: feeds that lose the spaces at line ends
    print "a total of37,583 hectares", where no word boundary comes before "37", and the
    tail "583" is no figure. Only after a lower-case word, and only when the whole reads as
    one number: "TM62,5", "3,500 m2.5 anti-tank mines" and "and2023,1,200" keep their tail."""
    head = start - 1
    while head > 0 and (text[head - 1].isdigit() or text[head - 1] in ".,"):
        head -= 1
    word = text[max(0, head - 2) : head]
    if len(word) < 2 or not word.isalpha() or not word.islower() or word in ("km", "sq"):
        return None  # "TM62,5", "m2.5 anti-tank mines", "km2,4": a unit's or model's digit
    m = _GLUED_RE.match(text, head)
    if m is None or m.end() < start:
        return None
    read = _read_match(m, False)
    return m if read is not None and not read[1] else None  # "and2023,1,200": keep "1,200"


def _in_a_time(text: str, start: int, end: int) -> bool:
    """The hour or the minutes of a time of day: "05:11", "at 13:30"."""
    if text[end : end + 1] == ":":
        return text[end + 1 : end + 3].isdigit() and not text[end + 3 : end + 4].isdigit()
    return end - start == 2 and start > 1 and text[start - 1] == ":" and text[start - 2].isdigit()

"""District names and ISO 3166-2:AZ codes: match one name, or find every mention in a text.

The table ships as package data (`research/data/districts.csv`: code, name, name_az,
variants separated by ';', note). Codes were checked against the ISO 3166-2:AZ list.
Aghdara (Ağdərə) has no ISO code, so it carries the local code `AZ-X-AGD` (the `X-` marks
it as ours, never an ISO code). Agdash (AZ-AGS) is listed although it is no mine-action
district, so that near-spellings of Aghdam resolve to it instead of to Aghdam.

Matching works on keys: a name is folded (Azerbaijani ə -> e, then unidecode, casefold),
then reduced to a transliteration skeleton (kh -> x, sh -> s, j -> c, q -> g, y -> i,
e -> a, doubled letters collapsed), so Fizuly, Füzuli and Fuzuli meet before any fuzzy
score is computed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import polars as pl
from rapidfuzz import fuzz, process
from unidecode import unidecode

__all__ = [
    "FUZZY_THRESHOLD",
    "District",
    "district_table",
    "find_districts",
    "load_districts",
    "match_district",
]

# fuzz.ratio (normalized Indel similarity) on skeletons, not WRatio: district names are
# single words, and WRatio's partial matching scores a fragment ("Lac", "Bar") or a word
# containing a name as a near-perfect match. With ratio, 85 accepts one edit in a
# skeleton of 7+ letters (Zangelan 87.5, Gubatly 85.7) and one dropped letter from 6+
# (Jabrayl), but rejects one changed letter in a 5-6 letter name, where ordinary words sit
# (Latin/Lacin 80, Agdas/Agdam 80). Transliteration variants never need the fuzzy step:
# the skeleton already equates them.
FUZZY_THRESHOLD: float = 85.0

# Below this skeleton length one edit is 20% or more of the word: exact matches only.
_MIN_FUZZY_LENGTH = 5

# Words one edit from a district skeleton that are not districts (checked before fuzzy).
_NOT_DISTRICTS = frozenset({"tatar", "tatars", "latin", "kazakh", "kazakhs"})

_SUFFIX = re.compile(
    r"(?:['’]s)?(?:[\s-]+(?:district|districts|region|regions|rayon|rayonu|city|town))*\s*$",
    re.IGNORECASE,
)
_SKELETON_RULES = (
    ("kh", "x"),
    ("gh", "g"),
    ("sh", "s"),
    ("ch", "c"),
    ("dj", "c"),
    ("zh", "j"),
    ("j", "c"),
    ("q", "g"),
    ("y", "i"),
    ("w", "v"),
    ("e", "a"),
)
_DOUBLED = re.compile(r"(.)\1+")
_NON_LETTERS = re.compile(r"[^a-z]+")


@dataclass(frozen=True, slots=True)
class District:
    """A district (rayon) or city with its code, English and Azerbaijani names."""

    code: str
    name: str
    name_az: str


def _fold(name: str) -> str:
    """Case- and diacritics-insensitive key; ə first, because unidecode turns it into '@'."""
    name = name.replace("ə", "e").replace("Ə", "E").replace("ǝ", "e").replace("Ǝ", "E")
    return " ".join(unidecode(name).casefold().split())


def _skeleton(folded: str) -> str:
    """Transliteration skeleton of a folded name (see the module docstring)."""
    key = _NON_LETTERS.sub("", folded)
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


@cache
def _table() -> tuple[tuple[District, tuple[str, ...], str], ...]:
    """Rows of the packaged CSV: (district, surface forms, note)."""
    text = files("research").joinpath("data/districts.csv").read_text(encoding="utf-8")
    rows = []
    for row in csv.DictReader(text.splitlines()):
        district = District(row["code"], row["name"], row["name_az"])
        forms = [row["name"], row["name_az"], *row["variants"].split(";")]
        surface = tuple(dict.fromkeys(f.strip() for f in forms if f.strip()))
        rows.append((district, surface, row.get("note") or ""))
    return tuple(rows)


def load_districts() -> list[District]:
    """Every district of the packaged table, in file order."""
    return [district for district, _, _ in _table()]


def district_table() -> pl.DataFrame:
    """The packaged table as a frame: code, name, name_az, variants (list), note."""
    rows = _table()
    return pl.DataFrame(
        {
            "code": [d.code for d, _, _ in rows],
            "name": [d.name for d, _, _ in rows],
            "name_az": [d.name_az for d, _, _ in rows],
            "variants": [list(forms) for _, forms, _ in rows],
            "note": [note for _, _, note in rows],
        },
        schema={
            "code": pl.String,
            "name": pl.String,
            "name_az": pl.String,
            "variants": pl.List(pl.String),
            "note": pl.String,
        },
    )


@cache
def _indexes() -> tuple[dict[str, District], dict[str, District], list[str], list[District]]:
    """Lookup by folded form, by skeleton, and the skeleton choices for fuzzy matching."""
    by_fold: dict[str, District] = {}
    by_skeleton: dict[str, District] = {}
    for district, forms, _ in _table():
        for form in forms:
            folded = _fold(form)
            by_fold.setdefault(folded, district)
            by_skeleton.setdefault(_skeleton(folded), district)
    return by_fold, by_skeleton, list(by_skeleton), list(by_skeleton.values())


def match_district(name: str) -> District | None:
    """The district a name means: exact (ignoring case and diacritics), then fuzzy.

    A trailing "district", "region", "rayon" or "city" (and a possessive 's) is ignored.
    Returns None when no spelling scores FUZZY_THRESHOLD or more.
    """
    folded = _fold(_SUFFIX.sub("", name))
    if not folded:
        return None
    by_fold, by_skeleton, choices, districts = _indexes()
    if folded in by_fold:
        return by_fold[folded]
    skeleton = _skeleton(folded)
    if skeleton in by_skeleton:
        return by_skeleton[skeleton]
    if len(skeleton) < _MIN_FUZZY_LENGTH or folded in _NOT_DISTRICTS:
        return None
    best = process.extractOne(skeleton, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
    return districts[best[2]] if best else None


@cache
def _mention_pattern() -> tuple[re.Pattern[str], dict[str, District]]:
    """One regex of every surface form, as capitalised and in capitals, longest first.

    Case-sensitive on purpose: a pattern of plain literals lets the regex engine skip
    ahead by first letter (about 15 µs per 1-KB text, against 250 µs with IGNORECASE and
    lookarounds), and a name in lower case ("tartar") is a word, not a district.
    """
    by_form: dict[str, District] = {}
    for district, forms, _ in _table():
        for form in forms:
            ascii_form = unidecode(form.replace("ə", "e").replace("Ə", "E"))
            for spelling in (form, ascii_form):
                for cased in (spelling[:1].upper() + spelling[1:], spelling.upper()):
                    by_form.setdefault(cased, district)
    # Grouped by first letter ("A(?:ghdam|gdam|...)|F(?:uzuli|...)"), each group in the
    # longest-first order: re tries one group at a capital instead of all 164 forms, and
    # forms with different first letters never match at the same place, so matches are kept.
    by_initial: dict[str, list[str]] = {}
    for form in sorted(by_form, key=lambda f: (-len(f), f)):
        by_initial.setdefault(form[0], []).append(re.escape(form[1:]))
    alternatives = [f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in by_initial.items()]
    # No letter may follow; the letter before is checked in find_districts, since a
    # lookbehind in front would switch off the first-letter skip.
    pattern = re.compile("(?:" + "|".join(alternatives) + r")(?![^\W\d_])")
    return pattern, by_form


_NAME = r"[A-ZÇƏĞİÖŞÜ][a-zçəğıöşü'’-]+"
# A capitalised word just before "district(s)", "region(s)" or "rayon", or one item of a list
# of capitalised words: the places where an unseen spelling of a district stands.
_BEFORE_PLACE_WORD = re.compile(rf"({_NAME})(?=\s+(?:districts?|regions?|rayons?)\b)")
_NAME_LIST = re.compile(rf"{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME})+")
_LIST_ITEM = re.compile(_NAME)
_PLACE_WORD_AFTER = re.compile(r"\s+(?:districts?|regions?|rayons?)\b")


def find_districts(text: str, fuzzy: bool = True) -> list[tuple[District, int, int]]:
    """Every district mention in a text, in order: (district, start, end) of the name.

    Names are found capitalised (Aghdam, Ağdam) or in capitals (AGHDAM), as whole words;
    the span covers the name as written, so "Fuzuli district(s)", "Fuzuli region" or
    "Füzuli rayonu" all give the span of "Fuzuli". With `fuzzy`, an unseen spelling is
    matched too (`match_district`, above FUZZY_THRESHOLD) where it stands before
    "district"/"region" or in a list of names beside a known district ("Aghdam, Fizuly and
    Zangelan").
    """
    pattern, by_form = _mention_pattern()
    found = []
    for match in pattern.finditer(text):
        start = match.start()
        if start and text[start - 1].isalpha():
            continue
        found.append((by_form[match.group()], start, match.end()))
    if fuzzy and ("istrict" in text or "egion" in text or "rayon" in text or found):
        found = _add_unseen_spellings(text, found)
    return found


def _add_unseen_spellings(
    text: str, found: list[tuple[District, int, int]]
) -> list[tuple[District, int, int]]:
    """Fuzzy-match capitalised words in district positions that the exact pass missed."""
    known = {start for _, start, _ in found}
    candidates = (
        [(m.start(1), m.end(1)) for m in _BEFORE_PLACE_WORD.finditer(text)]
        if "istrict" in text or "egion" in text or "rayon" in text  # else it cannot match
        else []
    )
    for names in _NAME_LIST.finditer(text):
        items = [(m.start(), m.end()) for m in _LIST_ITEM.finditer(text, *names.span())]
        if any(start in known for start, _ in items) or _PLACE_WORD_AFTER.match(text, names.end()):
            candidates += items
    extra = []
    for start, end in sorted(set(candidates)):
        if start in known or (start and text[start - 1].isalpha()):
            continue
        district = match_district(text[start:end])
        if district is not None:
            extra.append((district, start, end))
            known.add(start)
    return sorted(found + extra, key=lambda d: d[1]) if extra else found

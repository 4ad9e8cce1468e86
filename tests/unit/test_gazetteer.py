"""District matching: every known spelling, unseen misspellings, negatives, mentions in text."""

from __future__ import annotations

import itertools
import re
import time

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from research.gazetteer import (
    FUZZY_THRESHOLD,
    District,
    _indexes,
    district_table,
    find_districts,
    load_districts,
    match_district,
)

LIBERATED = {
    "Aghdam": "AZ-AGM",
    "Fuzuli": "AZ-FUZ",
    "Jabrayil": "AZ-CAB",
    "Kalbajar": "AZ-KAL",
    "Lachin": "AZ-LAC",
    "Gubadli": "AZ-QBI",
    "Zangilan": "AZ-ZAN",
    "Tartar": "AZ-TAR",
    "Khojaly": "AZ-XCI",
    "Khojavand": "AZ-XVD",
    "Shusha": "AZ-SUS",
    "Khankendi": "AZ-XA",
    "Aghdara": "AZ-X-AGD",
}
NEIGHBOURS = {
    "Goranboy": "AZ-GOR",
    "Gazakh": "AZ-QAZ",
    "Tovuz": "AZ-TOV",
    "Aghjabadi": "AZ-AGC",
    "Barda": "AZ-BAR",
    "Beylagan": "AZ-BEY",
    "Nakhchivan": "AZ-NX",
}


def code(name: str) -> str | None:
    district = match_district(name)
    return district.code if district else None


def test_table_has_every_district_with_its_code() -> None:
    districts = {d.name: d.code for d in load_districts()}
    assert {**LIBERATED, **NEIGHBOURS}.items() <= districts.items()
    assert len(set(districts.values())) == len(districts), "codes are unique"
    assert all(isinstance(d, District) for d in load_districts())


def test_codes_are_iso_shaped_except_the_local_aghdara_code() -> None:
    for district in load_districts():
        if district.code == "AZ-X-AGD":
            continue
        assert re.fullmatch(r"AZ-[A-Z]{2,3}", district.code), district


def test_district_table_frame() -> None:
    frame = district_table()
    assert frame.columns == ["code", "name", "name_az", "variants", "note"]
    assert frame.schema["variants"] == pl.List(pl.String)
    aghdara = frame.filter(pl.col("code") == "AZ-X-AGD").row(0, named=True)
    assert "Mardakert" in aghdara["variants"]
    assert "no ISO" in aghdara["note"]


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        *[(name, c) for name, c in {**LIBERATED, **NEIGHBOURS}.items()],
        ("Terter", "AZ-TAR"),
        ("Tərtər", "AZ-TAR"),
        ("Agdam", "AZ-AGM"),
        ("Ağdam", "AZ-AGM"),
        ("Fizuli", "AZ-FUZ"),
        ("Füzuli", "AZ-FUZ"),
        ("Jabrail", "AZ-CAB"),
        ("Jebrail", "AZ-CAB"),
        ("Cabrayil", "AZ-CAB"),
        ("Cəbrayıl", "AZ-CAB"),
        ("Gubadly", "AZ-QBI"),
        ("Qubadli", "AZ-QBI"),
        ("Qubadlı", "AZ-QBI"),
        ("Khojavend", "AZ-XVD"),
        ("Xocavənd", "AZ-XVD"),
        ("Khojali", "AZ-XCI"),
        ("Xocalı", "AZ-XCI"),
        ("Khankandi", "AZ-XA"),
        ("Xankəndi", "AZ-XA"),
        ("Stepanakert", "AZ-XA"),
        ("Kelbajar", "AZ-KAL"),
        ("Kəlbəcər", "AZ-KAL"),
        ("Lacin", "AZ-LAC"),
        ("Laçın", "AZ-LAC"),
        ("Agdere", "AZ-X-AGD"),
        ("Ağdərə", "AZ-X-AGD"),
        ("Mardakert", "AZ-X-AGD"),
        ("Zengilan", "AZ-ZAN"),
        ("Zəngilan", "AZ-ZAN"),
        ("Shushi", "AZ-SUS"),
        ("Şuşa", "AZ-SUS"),
        ("Qazakh", "AZ-QAZ"),
        ("Qazax", "AZ-QAZ"),
        ("Ağcabədi", "AZ-AGC"),
        ("Bərdə", "AZ-BAR"),
        ("Beyləqan", "AZ-BEY"),
        ("Naxçıvan", "AZ-NX"),
    ],
)
def test_known_spellings(spelling: str, expected: str) -> None:
    assert code(spelling) == expected


@pytest.mark.parametrize(
    "spelling", ["AGHDAM", "aghdam", "  Aghdam ", "Aghdam district", "Fuzuli's", "Terter region"]
)
def test_case_space_and_suffixes_are_ignored(spelling: str) -> None:
    assert code(spelling) in {"AZ-AGM", "AZ-FUZ", "AZ-TAR"}


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Fizuly", "AZ-FUZ"),
        ("Zangelan", "AZ-ZAN"),
        ("Jabrayl", "AZ-CAB"),
        ("Gubatly", "AZ-QBI"),
        ("Kalbadjar", "AZ-KAL"),
        ("Xocavend", "AZ-XVD"),
        ("Khojavent", "AZ-XVD"),
        ("Lachyn", "AZ-LAC"),
        ("Kelbecer", "AZ-KAL"),
        ("Agdamm", "AZ-AGM"),
    ],
)
def test_unseen_misspellings(spelling: str, expected: str) -> None:
    assert code(spelling) == expected


@pytest.mark.parametrize(
    "word",
    [
        "Kabul",
        "Luanda",
        "Latin",
        "Tatar",
        "Kazakh",
        "Baku",
        "Ganja",
        "Armenia",
        "Yerevan",
        "Karabakh",
        "Azerbaijan",
        "Tbilisi",
        "Shamkir",
        "Yevlakh",
        "Mingachevir",
        "Bardo",
        "Border",
        "Lac",
        "Bar",
        "Ag",
        "",
        "   ",
        "district",
    ],
)
def test_unrelated_words_are_not_districts(word: str) -> None:
    assert match_district(word) is None


def test_agdash_is_not_aghdam() -> None:
    assert code("Agdash") == "AZ-AGS"
    assert code("Ağdaş") == "AZ-AGS"


def test_no_two_districts_are_within_the_fuzzy_threshold() -> None:
    _, _, skeletons, districts = _indexes()
    for (a, da), (b, db) in itertools.combinations(zip(skeletons, districts, strict=True), 2):
        if da != db:
            assert fuzz.ratio(a, b) < FUZZY_THRESHOLD, (a, b)


def test_find_districts_in_a_list_sentence() -> None:
    text = (
        "Mines were found in the Aghdam, Fuzuli, Jabrayil and Tərtər districts, "
        "in Kalbajar region and in Laçın rayonu."
    )
    found = find_districts(text)
    assert [d.code for d, _, _ in found] == [
        "AZ-AGM",
        "AZ-FUZ",
        "AZ-CAB",
        "AZ-TAR",
        "AZ-KAL",
        "AZ-LAC",
    ]
    assert [text[s:e] for _, s, e in found] == [
        "Aghdam",
        "Fuzuli",
        "Jabrayil",
        "Tərtər",
        "Kalbajar",
        "Laçın",
    ]


def test_find_districts_spellings_capitals_and_word_boundaries() -> None:
    text = "AGDERE; Ağdam-Füzuli road; Xocalı. Kaghdam, Aghdamlar, tartar sauce; Terter's."
    found = [(d.code, text[s:e]) for d, s, e in find_districts(text)]
    assert found == [
        ("AZ-X-AGD", "AGDERE"),
        ("AZ-AGM", "Ağdam"),
        ("AZ-FUZ", "Füzuli"),
        ("AZ-XCI", "Xocalı"),
        ("AZ-TAR", "Terter"),
    ]


def test_find_districts_on_text_without_districts() -> None:
    assert find_districts("Deminers found 12 mines near Kabul and in Luanda.") == []
    assert find_districts("") == []


def test_find_districts_is_fast() -> None:
    filler = "The agency said teams of deminers and dogs worked in the territories. " * 12
    texts = [f"{filler} In Aghdam and Fuzuli districts, {i} mines." for i in range(2000)]
    start = time.perf_counter()
    for text in texts:
        find_districts(text)
    per_text = (time.perf_counter() - start) / len(texts)
    assert per_text < 100e-6, f"{per_text * 1e6:.0f} µs per 1-KB text"


def test_every_variant_in_the_table_matches_its_own_row() -> None:
    for row in district_table().iter_rows(named=True):
        for spelling in [row["name"], row["name_az"], *row["variants"]]:
            assert code(spelling) == row["code"], spelling
            found = find_districts(f"Work went on in {spelling} district.")
            assert [d.code for d, _, _ in found] == [row["code"]], spelling


@given(st.text(max_size=200))
def test_matching_never_fails_on_any_text(text: str) -> None:
    match_district(text)
    for district, start, end in find_districts(text):
        assert 0 <= start < end <= len(text)
        assert match_district(text[start:end]) == district


def test_unseen_spellings_in_running_text_are_matched_where_a_district_stands():
    from research.gazetteer import find_districts

    def names(text):
        return [(d.name, text[a:b]) for d, a, b in find_districts(text)]

    assert names("Operations in Zangelan and Fizuly districts found mines.") == [
        ("Zangilan", "Zangelan"),
        ("Fuzuli", "Fizuly"),
    ]
    assert names("Work continued in Jabrayl district.") == [("Jabrayil", "Jabrayl")]
    assert names("Teams in Aghdam, Fizuly, Lachin and Kabul worked.") == [
        ("Aghdam", "Aghdam"),
        ("Fuzuli", "Fizuly"),
        ("Lachin", "Lachin"),
    ]
    # Not in a district position, or not close enough: left alone.
    assert names("Monday and Tuesday in Aghdam, Smith and Jones") == [("Aghdam", "Aghdam")]
    assert names("The Latin district and the Tatar region.") == []
    assert names("Fizuly is mentioned alone.") == []

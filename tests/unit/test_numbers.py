"""Tests for research.numbers: every number style the reports use, and the traps they hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from research.numbers import NUMBER_RE, Number, find_numbers, parse_number


def values(text: str) -> list[float | None]:
    return [n.value for n in find_numbers(text)]


def tokens(text: str) -> list[str]:
    return [n.text for n in find_numbers(text)]


# -- parse_number: one token ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("1,198.7", 1198.7),
        ("41,915.77", 41915.77),
        ("14,136,179", 14136179),
        ("453,900", 453900),
        ("94,8", 94.8),
        ("0,5", 0.5),
        ("1454,2", 1454.2),
        ("2.790,9", 2790.9),
        ("1.234.567", 1234567),
        ("2 171 083", 2171083),
        ("2\u00a0171\u00a0083", 2171083),
        ("2\u2009171\u2009083", 2171083),
        ("2\u202f171\u202f083", 2171083),
        ("51.8", 51.8),
        ("0.086", 0.086),
        ("325", 325),
        ("25%", 25),
    ],
)
def test_parse_number_reads_every_digit_style(token: str, expected: float) -> None:
    assert parse_number(token) == pytest.approx(expected)


def test_parse_number_european_thousands_follow_the_integer_hint() -> None:
    assert parse_number("8.086", integer=True) == 8086
    assert parse_number("8.086") == pytest.approx(8.086)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("eight", 8),
        ("Eight", 8),
        ("twelve", 12),
        ("twenty-five", 25),
        ("Twenty five", 25),
        ("a hundred", 100),
        ("one hundred", 100),
        ("two hundred and fifty", 250),
        ("seven thousand", 7000),
        ("A thousand", 1000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("seven thousand five hundred and twelve", 7512),
        ("a million", 1_000_000),
        ("1.15 million", 1_150_000),
        ("1.5 million", 1_500_000),
        ("3 thousand", 3000),
        ("1,5 million", 1_500_000),
        ("2 billion", 2_000_000_000),
    ],
)
def test_parse_number_reads_words_and_scales(token: str, expected: float) -> None:
    assert parse_number(token) == pytest.approx(expected)


@pytest.mark.parametrize("token", ["5,264,14", "1,2,3", "12,3456", "1454, 2", "1,234.567.8"])
def test_parse_number_rejects_malformed_tokens_with_the_token_in_the_message(token: str) -> None:
    with pytest.raises(ValueError, match="malformed number") as err:
        parse_number(token)
    assert token in str(err.value)


@pytest.mark.parametrize("token", ["", "hectares", "25th", "3rd", "15.06.2024", "many"])
def test_parse_number_rejects_what_is_not_a_figure(token: str) -> None:
    with pytest.raises(ValueError):
        parse_number(token)


# -- find_numbers: numbers in running text ------------------------------------------------------


def test_weekly_statement_figures_are_found_in_order_with_offsets() -> None:
    text = (
        "During the week, deminers found 141 anti-personnel mines, 64 anti-tank mines and "
        "625 unexploded ordnance, and cleared 1,198.7 hectares."
    )
    found = find_numbers(text)
    assert [n.value for n in found] == [141, 64, 625, 1198.7]
    for n in found:
        assert text[n.start : n.end] == n.text
        assert not n.malformed and not n.ambiguous


def test_decimal_comma_and_european_styles_in_a_sentence() -> None:
    text = "An area of 94,8 hectares was surveyed, after 2.790,9 hectares the week before."
    assert values(text) == [pytest.approx(94.8), pytest.approx(2790.9)]


def test_space_grouped_total_with_non_breaking_spaces() -> None:
    text = "In total 2\u00a0171\u00a0083 square metres were released."
    assert values(text) == [2171083]


def test_ambiguous_european_thousands_are_marked_and_use_the_hint() -> None:
    text = "The teams neutralised 8.086 explosive items and cleared 8.086 hectares."

    def counts_items(end: int) -> bool:
        return text[end:].lstrip().startswith("explosive")

    found = find_numbers(text, integer_hint=counts_items)
    assert [n.value for n in found] == [8086, pytest.approx(8.086)]
    assert all(n.ambiguous for n in found)
    assert [n.value for n in find_numbers(text)] == [pytest.approx(8.086)] * 2


def test_the_hint_is_not_asked_about_unambiguous_tokens() -> None:
    asked: list[int] = []
    find_numbers("It cleared 1,198.7 ha and found 41 mines.", integer_hint=asked.append)
    assert asked == []


def test_malformed_grouping_is_flagged_not_guessed() -> None:
    (n,) = find_numbers("The agency listed 5,264,14 items in its summary.")
    assert n == Number(None, "5,264,14", 18, 26, malformed=True, ambiguous=False)


def test_comma_space_digits_before_a_unit_is_one_malformed_number() -> None:
    text = "Lachin district: 1454, 2 hectares cleared."
    (n,) = find_numbers(text)
    assert (n.text, n.value, n.malformed) == ("1454, 2", None, True)
    assert text[n.start : n.end] == "1454, 2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("found 25 anti-personnel, 56 anti-tank mines", [25, 56]),
        ("In 2023, 12 mines were defused", [2023, 12]),
        ("In 2022, 41 hectares were checked", [2022, 41]),
        ("Aghdam 25, 12 ha in Fuzuli", [25, 12]),
        ("112 anti-tank and 25 anti-personnel mines", [112, 25]),
    ],
)
def test_lists_separated_by_comma_space_are_not_joined(text: str, expected: list[float]) -> None:
    assert values(text) == expected
    assert not any(n.malformed for n in find_numbers(text))


def test_hyphenated_unit_ends_the_token() -> None:
    (n,) = find_numbers("A 51.8-hectare area near the village was released.")
    assert (n.text, n.value) == ("51.8", 51.8)


def test_spelled_out_numbers_in_sentences() -> None:
    text = (
        "Eight maps were handed over, covering seven thousand hectares; a dozen dogs and "
        "twenty-five deminers took part, two hundred and fifty items in all."
    )
    assert tokens(text) == [
        "Eight",
        "seven thousand",
        "a dozen",
        "twenty-five",
        "two hundred and fifty",
    ]
    assert values(text) == [8, 7000, 12, 25, 250]


def test_scaled_numbers_keep_the_scale_word_in_the_token() -> None:
    text = "About 1.5 million mines remain; 1.15 million were planted near the line."
    found = find_numbers(text)
    assert [(n.text, n.value) for n in found] == [
        ("1.5 million", 1_500_000),
        ("1.15 million", 1_150_000),
    ]


def test_words_that_merely_contain_number_words_are_ignored() -> None:
    text = "Someone often tenders; hundreds of dozens of items; an area; a few; nineteenth."
    assert find_numbers(text) == []


def test_ordinals_and_numeric_dates_are_skipped() -> None:
    text = "On the 25th, on 15.07.2024 and on 2024-10-07, 3 teams and the 1st platoon worked."
    assert values(text) == [3]


def test_percent_gives_the_number_and_leaves_the_unit_to_the_caller() -> None:
    found = find_numbers("Maps were 25% accurate and 55 percent of blasts were outside.")
    assert [(n.text, n.value) for n in found] == [("25", 25), ("55", 55)]


def test_years_are_plain_numbers() -> None:
    assert values("Between 2021 and 2023 the agency grew.") == [2021, 2023]


def test_number_glued_to_letters_is_not_a_token() -> None:
    assert values("Area in km2 and COVID19 notes, 12 km") == [12]


def test_number_re_exposes_the_token_as_group_num() -> None:
    m = NUMBER_RE.search("cleared 1,198.7 hectares")
    assert m is not None and m["num"] == "1,198.7"


def test_empty_and_number_free_texts() -> None:
    assert find_numbers("") == []
    assert find_numbers("No figures were given in the statement.") == []


# -- properties -------------------------------------------------------------------------------

_GROUP_SPACES = [" ", "\u00a0", "\u2009", "\u202f"]


def english(n: int) -> str:
    return f"{n:,}"


def european(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def spaced(n: int, space: str) -> str:
    return f"{n:,}".replace(",", space)


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_read_back_in_every_grouping_style(n: int) -> None:
    assert parse_number(english(n), integer=True) == n
    assert parse_number(european(n), integer=True) == n
    for space in _GROUP_SPACES:
        assert parse_number(spaced(n, space), integer=True) == n
    assert parse_number(str(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(_GROUP_SPACES))
def test_integers_in_a_sentence_are_one_token(n: int, space: str) -> None:
    for written in (english(n), european(n), spaced(n, space)):
        text = f"Deminers cleared {written} square metres last week."
        found = find_numbers(text, integer_hint=lambda end: True)
        assert [x.value for x in found] == [n], written
        assert found[0].text == written


@given(st.integers(min_value=0, max_value=10**9), st.from_regex(r"\d{1,3}", fullmatch=True))
def test_decimals_read_back_in_english_style(whole: int, frac: str) -> None:
    written = f"{english(whole)}.{frac}"
    assert parse_number(written) == float(f"{whole}.{frac}")


@given(st.integers(min_value=0, max_value=10**9), st.from_regex(r"\d{1,2}", fullmatch=True))
def test_decimals_read_back_in_european_and_decimal_comma_styles(whole: int, frac: str) -> None:
    expected = float(f"{whole}.{frac}")
    assert parse_number(f"{european(whole)},{frac}") == expected
    assert parse_number(f"{whole},{frac}") == expected
    assert parse_number(f"{spaced(whole, ' ')},{frac}") == expected
    (found,) = find_numbers(f"An area of {whole},{frac} ha was cleared.")
    assert found.value == expected


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_ONES += " fifteen sixteen seventeen eighteen nineteen"
_TENS_WORDS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n: int) -> str:
    """English words for 0 <= n < 1,000,000, in the style of the press reports."""

    def below_thousand(k: int) -> str:
        hundreds, rest = divmod(k, 100)
        parts = [f"{_ONES.split()[hundreds]} hundred"] if hundreds else []
        if rest or not parts:
            tens, ones = divmod(rest, 10)
            small = _ONES.split()[rest] if rest < 20 else _TENS_WORDS[tens]
            if rest >= 20 and ones:
                small += "-" + _ONES.split()[ones]
            parts.append(("and " if hundreds else "") + small)
        return " ".join(parts)

    thousands, rest = divmod(n, 1000)
    if not thousands:
        return below_thousand(rest)
    head = f"{below_thousand(thousands)} thousand"
    return head if rest == 0 else f"{head} {below_thousand(rest)}"


@given(st.integers(min_value=0, max_value=999_999))
def test_numbers_in_words_read_back(n: int) -> None:
    written = in_words(n)
    assert parse_number(written) == n, written
    text = f"In all, {written} items were found."
    assert values(text) == [n], written


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-%\u00a0aten")), max_size=60))
def test_any_jumble_of_digits_and_separators_reads_without_error(text: str) -> None:
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.text
        assert (n.value is None) == n.malformed
        if not n.malformed:
            assert parse_number(n.text, integer=n.ambiguous) == n.value or n.ambiguous


@given(st.text(max_size=200))
def test_arbitrary_text_reads_without_error(text: str) -> None:
    find_numbers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("units have cleared a total of37,583 hectares", [37583.0]),
        ("the removal of10,463anti-personnel mines", [10463.0]),
        ("a plot of 12 km2 and 3 sq2", [12.0, 3.0]),  # a unit's digit is no number
        ("PMN2 and TM62 mines", []),  # a model's digits are no count
        # no separator at all: read after a short word a number follows
        ("A total of370 anti-personnel mines", [370.0]),
        ("the mine victims numbered384, the agency said", [384.0]),
        ("cleared a total of53 081,8 hectares", [53081.8]),
        ("In2023, and from7 to 13 May", [2023.0, 7.0, 13.0]),
        ("co2 levels, mp3 files and covid19 cases", []),
    ],
)
def test_digits_glued_to_a_word_before_them_are_read_whole(
    text: str, expected: list[float]
) -> None:
    assert [n.value for n in find_numbers(text)] == expected

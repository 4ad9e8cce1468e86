"""Tests for research.dates: the period shapes press reports use, resolved against publication."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from research.dates import WAR_END, Period, find_periods, label_period, parse_date


def one(text: str, published: date | None = None) -> Period:
    """The single period in `text`; fails if there are none or several."""
    found = find_periods(text, published)
    assert len(found) == 1, found
    period = found[0]
    assert text[period.start_offset : period.end_offset] == period.text
    return period


def span(text: str, published: date | None = None) -> tuple[date | None, date | None, str]:
    p = one(text, published)
    return p.start, p.end, p.precision


D = date


# -- weekly ranges --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "From October 7 to October 13, 2024, deminers found 141 mines.",
        "Deminers worked from October 7 to 13, 2024 in Aghdam.",
        "In the period October 7-13, 2024, teams cleared 1,198.7 hectares.",
        "In the period October 7–13, 2024, teams cleared land.",
        "In the period October 7 — 13, 2024, teams cleared land.",
        "From 7 to 13 October 2024 the agency reported progress.",
        "Figures for 7-13 October 2024 were released.",
        "Between October 7 and 13, 2024, the agency surveyed land.",
        "Between October 7 and October 13, 2024, land was surveyed.",
        "From 7 October 2024 to 13 October 2024, items were destroyed.",
        "Statement for Oct. 7-13, 2024 follows.",
        "The report (07.10.2024–13.10.2024) lists the districts.",
        "The report covers 07.10.2024-13.10.2024 only.",
        "The report covers 7-13.10.2024 only.",
        "Dates: 2024-10-07 to 2024-10-13.",
        "Hesabat 7-13 oktyabr 2024 tarixlərini əhatə edir.",
        "From the 7th to the 13th of October 2024, mines were found.",
    ],
)
def test_one_week_in_every_written_shape(text: str) -> None:
    assert span(text) == (D(2024, 10, 7), D(2024, 10, 13), "week")


def test_the_expression_text_and_offsets_are_kept() -> None:
    text = "ANAMA said that from October 7 to October 13, 2024, 141 mines were found."
    p = one(text)
    assert p.text == "from October 7 to October 13, 2024"
    assert (p.start_offset, p.end_offset) == (16, 50)
    assert p.flags == ()
    assert p.cumulative_since is None


def test_range_crossing_a_month() -> None:
    text = "From April 29 to May 5, 2024, deminers found 26 anti-personnel mines."
    assert span(text) == (D(2024, 4, 29), D(2024, 5, 5), "week")


def test_range_crossing_a_year_with_both_years() -> None:
    text = "Over December 26, 2022 - January 1, 2023 the teams rested."
    assert span(text) == (D(2022, 12, 26), D(2023, 1, 1), "week")


def test_range_crossing_a_year_with_the_year_only_at_the_end() -> None:
    text = "From December 26 to January 1, 2023, no incidents were recorded."
    assert span(text) == (D(2022, 12, 26), D(2023, 1, 1), "week")


def test_six_day_weeks_of_the_early_statements_are_weeks() -> None:
    text = "From 12 to 17 December 2022 (Monday to Saturday) teams cleared land."
    assert span(text) == (D(2022, 12, 12), D(2022, 12, 17), "week")


# -- years left out -------------------------------------------------------------------------


def test_year_is_taken_from_the_publication_date() -> None:
    p = one("From December 18-24 deminers found 22 mines.", D(2023, 12, 26))
    assert (p.start, p.end, p.precision) == (D(2023, 12, 18), D(2023, 12, 24), "week")
    assert p.flags == ("year_inferred",)


def test_year_steps_back_when_the_end_would_follow_publication() -> None:
    p = one("Dec 25-31 was quiet, the agency said.", D(2024, 1, 2))
    assert (p.start, p.end) == (D(2023, 12, 25), D(2023, 12, 31))
    assert "year_inferred" in p.flags


def test_day_first_range_without_year() -> None:
    p = one("From 18 to 24 December, teams worked in Fuzuli.", D(2023, 12, 25))
    assert (p.start, p.end, p.flags) == (D(2023, 12, 18), D(2023, 12, 24), ("year_inferred",))


def test_between_and_range_without_year() -> None:
    p = one("Between May 5 and 11 the agency found 30 mines.", D(2024, 5, 13))
    assert (p.start, p.end, p.precision) == (D(2024, 5, 5), D(2024, 5, 11), "week")


def test_and_without_between_is_not_a_range() -> None:
    found = find_periods("Blasts on May 5 and 11 were reported.", D(2024, 5, 13))
    assert [(p.text, p.precision) for p in found] == [("May 5", "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the period from 07.10 to 13.10, 141 mines.", (D(2024, 10, 7), D(2024, 10, 13))),
        ("ANAMA (07.10-13.10): 141 AP mines.", (D(2024, 10, 7), D(2024, 10, 13))),
        ("Between 07.10 and 13.10 teams worked.", (D(2024, 10, 7), D(2024, 10, 13))),
        ("Between 07/10 and 13/10 teams worked.", (D(2024, 10, 7), D(2024, 10, 13))),
        ("From 30.12 to 05.01 teams worked.", (D(2023, 12, 30), D(2024, 1, 5))),
    ],
)  # fmt: skip
def test_day_first_numeric_range_without_year(text: str, expected: tuple[date, date]) -> None:
    p = one(text, D(2024, 10, 14))
    assert (p.start, p.end, p.flags) == (*expected, ("year_inferred",))


def test_a_numeric_range_whose_end_has_no_year_takes_the_start_year() -> None:
    assert span("found on 27.05.2024-02.06, the agency said") == (
        D(2024, 5, 27), D(2024, 6, 2), "week"
    )  # fmt: skip
    assert span("on 28.12.2023-03.01") == (D(2023, 12, 28), D(2024, 1, 3), "week")


@pytest.mark.parametrize(
    ("text", "expected", "flags"),
    [
        ("Today, deminers found 12 mines.", D(2024, 10, 14), ("period_inferred",)),
        ("A mine exploded yesterday in Aghdam.", D(2024, 10, 13), ("period_inferred",)),
        ("As of today, 386 people were hurt.", D(2024, 10, 14), ("as_of", "period_inferred")),
    ],
)
def test_today_and_yesterday_are_days_of_publication(
    text: str, expected: date, flags: tuple[str, ...]
) -> None:
    p = one(text, D(2024, 10, 14))
    assert (p.start, p.end, p.precision, p.flags) == (expected, expected, "day", flags)
    assert one(text).flags[-1] == "year_unknown"


@pytest.mark.parametrize(
    "text",
    ["about 1.5-2.5 million mines", "some 12.50-13.75 ha", "from 1.10 to 2.10 ha", "on 07.10"],
)
def test_numbers_that_look_like_numeric_dates_without_year_are_no_periods(text: str) -> None:
    assert find_periods(text, D(2024, 10, 14)) == []


def test_range_crossing_new_year_without_any_year() -> None:
    p = one("From December 26 to January 1 teams were on leave.", D(2024, 1, 3))
    assert (p.start, p.end) == (D(2023, 12, 26), D(2024, 1, 1))


def test_without_year_or_publication_date_the_dates_are_unknown_but_the_shape_is_kept() -> None:
    p = one("December 18-24 was a busy week.")
    assert (p.start, p.end, p.precision) == (None, None, "week")
    assert "year_unknown" in p.flags


# -- flags ----------------------------------------------------------------------------------


def test_reversed_range_is_kept_as_written_and_flagged() -> None:
    p = one("From October 13 to October 7, 2024, mines were found.")
    assert (p.start, p.end, p.precision) == (D(2024, 10, 13), D(2024, 10, 7), "other")
    assert p.flags == ("period_reversed",)


@pytest.mark.parametrize("last_day", [14, 16, 19])
def test_eight_to_thirteen_days_is_an_unusual_week(last_day: int) -> None:
    p = one(f"From October 7 to October {last_day}, 2024, teams worked.")
    assert p.precision == "other"
    assert p.flags == ("week_length_unusual",)


def test_three_day_range_is_other_without_flags() -> None:
    assert one("From May 1 to May 3, 2023 the roads were closed.").precision == "other"
    assert one("From May 1 to May 3, 2023 the roads were closed.").flags == ()


def test_impossible_date_gives_no_dates_but_keeps_the_text() -> None:
    p = one("From February 24 to February 30, 2024, land was cleared.")
    assert (p.start, p.end) == (None, None)
    assert p.text == "From February 24 to February 30, 2024"
    assert "date_impossible" in p.flags


def test_impossible_single_day() -> None:
    p = one("On 31 April 2023 a blast was reported.")
    assert (p.start, p.end, p.precision, p.flags) == (None, None, "day", ("date_impossible",))


# -- months, quarters, years ------------------------------------------------------------------


def test_a_range_covering_a_calendar_month_is_a_month() -> None:
    p = one("From August 1 through August 31 the agency cleared land.", D(2023, 9, 4))
    assert (p.start, p.end, p.precision) == (D(2023, 8, 1), D(2023, 8, 31), "month")


def test_a_month_ending_on_the_30th_is_a_month_with_a_flag() -> None:
    p = one("From 1 to 30 August 2024 the agency cleared land.")
    assert (p.precision, p.flags) == ("month", ("month_ends_30th",))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("In August 2023, 2,000 hectares were cleared.", None, (D(2023, 8, 1), D(2023, 8, 31))),
        ("In January, 41 mines were found.", D(2024, 2, 5), (D(2024, 1, 1), D(2024, 1, 31))),
        ("During November 86 mines were found.", D(2024, 1, 5), (D(2023, 11, 1), D(2023, 11, 30))),
        ("Statistics for Sept 2022 show a rise.", None, (D(2022, 9, 1), D(2022, 9, 30))),
    ],
)
def test_month_expressions(text: str, published: date | None, expected: tuple[date, date]) -> None:
    p = one(text, published)
    assert ((p.start, p.end), p.precision) == (expected, "month")


def test_bare_month_names_and_the_verb_may_are_not_periods() -> None:
    assert find_periods("March was cold; mines may be found; in may be.", D(2024, 1, 1)) == []


def test_from_month_to_month() -> None:
    p = one("From January to March 2024 the agency cleared 9,000 hectares.")
    assert (p.start, p.end, p.precision) == (D(2024, 1, 1), D(2024, 3, 31), "quarter")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the first quarter of 2024, teams cleared land.", (D(2024, 1, 1), D(2024, 3, 31))),
        ("Q3 2023 figures were published.", (D(2023, 7, 1), D(2023, 9, 30))),
        ("During the 4th quarter of 2022 the pace rose.", (D(2022, 10, 1), D(2022, 12, 31))),
    ],
)
def test_quarters(text: str, expected: tuple[date, date]) -> None:
    p = one(text)
    assert ((p.start, p.end), p.precision) == (expected, "quarter")


def test_half_year_and_months_of_a_year() -> None:
    assert span("In the first half of 2024 the agency cleared land.") == (
        D(2024, 1, 1),
        D(2024, 6, 30),
        "other",
    )
    assert span("In the first nine months of 2024 victims fell.") == (
        D(2024, 1, 1),
        D(2024, 9, 30),
        "other",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2023, 3,495 anti-personnel mines were found.", (D(2023, 1, 1), D(2023, 12, 31))),
        ("During 2022 the agency cleared 41,915.77 hectares.", (D(2022, 1, 1), D(2022, 12, 31))),
        ("Last year, 58 people were hurt.", (D(2023, 1, 1), D(2023, 12, 31))),
        ("In the previous year the rate was lower.", (D(2023, 1, 1), D(2023, 12, 31))),
    ],
)
def test_years(text: str, expected: tuple[date, date]) -> None:
    p = one(text, D(2024, 6, 5))
    assert ((p.start, p.end), p.precision) == (expected, "year")


def test_this_year_runs_from_january_to_publication() -> None:
    p = one("This year, 41 people were hurt by mines.", D(2024, 6, 5))
    assert (p.start, p.end, p.precision) == (D(2024, 1, 1), D(2024, 6, 5), "cumulative")
    assert p.cumulative_since == D(2024, 1, 1)
    assert "year_to_date" in p.flags


def test_this_year_published_on_new_years_eve_is_the_year() -> None:
    p = one("So far this year, 62,023.9 hectares were cleared.", D(2024, 12, 31))
    assert (p.start, p.end, p.precision) == (D(2024, 1, 1), D(2024, 12, 31), "year")


def test_year_range() -> None:
    assert span("From 2021 to 2023 the number of teams doubled.") == (
        D(2021, 1, 1),
        D(2023, 12, 31),
        "other",
    )


def test_bare_years_are_left_to_the_numbers() -> None:
    assert find_periods("The 2023 report and 1,198.7 hectares.", D(2024, 1, 1)) == []


# -- running totals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Since the end of the war, 152,619 hectares have been cleared.",
        "Since the end of the Second Karabakh War, 382 people were hurt.",
        "After the end of hostilities in November 2020, deminers found 32,940 mines.",
        "Since November 10, 2020, the agency has found 19,956 anti-tank mines.",
        "Since 10 November 2020, the agency has found 19,956 anti-tank mines.",
        "Since 2020, teams have cleared 152,619 hectares.",
        "Since November 2020, teams have cleared 152,619 hectares.",
        "Following the 44-day war, clearance began.",
        "In the post-war period 73,767 items were found.",
        "From November 10, 2020 to date, 73,767 items were found.",
    ],
)
def test_running_totals_since_the_war(text: str) -> None:
    p = one(text, D(2024, 7, 31))
    assert (p.start, p.end, p.precision) == (WAR_END, D(2024, 7, 31), "cumulative")
    assert p.cumulative_since == WAR_END


def test_closed_range_starting_at_the_end_of_the_war_is_cumulative() -> None:
    p = one("From November 10, 2020, to October 15, 2021, 197 people were hurt.")
    assert (p.start, p.end, p.precision) == (WAR_END, D(2021, 10, 15), "cumulative")
    assert p.cumulative_since == WAR_END


def test_running_total_since_another_date() -> None:
    p = one("Since the beginning of 2023, 8,529 mines were neutralised.", D(2023, 12, 29))
    assert (p.start, p.end, p.precision) == (D(2023, 1, 1), D(2023, 12, 29), "cumulative")
    assert p.cumulative_since == D(2023, 1, 1)


def test_running_total_without_publication_date_has_no_end() -> None:
    p = one("Since the end of the war, 336 people were hurt.")
    assert (p.start, p.end, p.cumulative_since) == (WAR_END, None, WAR_END)


def test_the_war_mentioned_without_since_is_not_a_period() -> None:
    assert find_periods("Mines laid during the war remain.", D(2024, 1, 1)) == []


# -- relative weeks and single days -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Over the past week, 230 items were found.",
        "Last week, 230 items were found.",
        "This week the agency found 230 items.",
        "During the week, 230 items were found.",
        "In the reporting week 230 items were found.",
    ],
)
def test_relative_week_is_the_monday_to_sunday_week_before_publication(text: str) -> None:
    p = one(text, D(2024, 10, 15))  # a Tuesday
    assert (p.start, p.end, p.precision) == (D(2024, 10, 7), D(2024, 10, 13), "week")
    assert p.flags == ("period_inferred",)


def test_relative_week_published_on_a_monday() -> None:
    p = one("Over the past week, 230 items were found.", D(2024, 10, 14))
    assert (p.start, p.end) == (D(2024, 10, 7), D(2024, 10, 13))


def test_relative_week_without_publication_date() -> None:
    p = one("Over the past week, 230 items were found.")
    assert (p.start, p.end, p.precision) == (None, None, "week")


def test_last_month() -> None:
    p = one("Last month, 12 mines were found.", D(2024, 3, 15))
    assert (p.start, p.end, p.precision) == (D(2024, 2, 1), D(2024, 2, 29), "month")


def test_as_of_date_is_a_day_with_a_flag() -> None:
    p = one("As of May 25, 2023, 81,386 hectares had been cleared.")
    assert (p.start, p.end, p.precision) == (D(2023, 5, 25), D(2023, 5, 25), "day")
    assert p.flags == ("as_of",)


@pytest.mark.parametrize(
    "text",
    [
        "On 7 October 2024 the agency met.",
        "On the 7th of October the agency met.",
        "On Oct. 7 the agency met.",
        "On October 7th the agency met.",
        "On 07.10.2024 the agency met.",
        "On 2024-10-07 the agency met.",
        "7 oktyabr 2024 tarixində görüş oldu.",
    ],
)
def test_single_days(text: str) -> None:
    assert span(text, D(2024, 10, 14)) == (D(2024, 10, 7), D(2024, 10, 7), "day")


def test_a_sentence_full_stop_after_a_month_is_not_part_of_the_date() -> None:
    p = one("Baku, 14 October. The agency said", D(2024, 10, 20))
    assert (p.text, p.start) == ("14 October", D(2024, 10, 14))


def test_quarter_of_this_year_and_a_bare_quarter() -> None:
    p = one("In the third quarter of this year output rose.", D(2024, 11, 2))
    assert (p.start, p.end) == (D(2024, 7, 1), D(2024, 9, 30))
    p = one("Q2 output rose.", D(2024, 11, 2))
    assert (p.text, p.start, p.flags) == ("Q2", D(2024, 4, 1), ("year_inferred",))


def test_lowercase_may_after_a_day_unless_english_follows() -> None:
    p = one("Agentlik 5-11 may tarixlərində işləyib.", D(2024, 5, 14))
    assert (p.start, p.end) == (D(2024, 5, 5), D(2024, 5, 11))
    assert find_periods("Of the items, 25 may be old shells.", D(2024, 5, 14)) == []


def test_since_a_single_date() -> None:
    p = one("Since May 25, 2023, deminers have found 4,000 mines.", D(2023, 11, 28))
    assert (p.start, p.end, p.precision) == (D(2023, 5, 25), D(2023, 11, 28), "cumulative")
    assert p.cumulative_since == D(2023, 5, 25)


def test_several_periods_come_in_text_order() -> None:
    text = (
        "From October 7 to October 13, 2024, 141 mines were found. Since the end of the war, "
        "152,619 hectares were cleared. In 2023, 3,495 mines were found."
    )
    found = find_periods(text, D(2024, 10, 14))
    assert [p.precision for p in found] == ["week", "cumulative", "year"]
    assert [p.start_offset for p in found] == sorted(p.start_offset for p in found)


def test_numbers_that_are_not_dates_are_ignored() -> None:
    text = "Teams found 141 mines, 25 of them in 12 districts, and 1.15 million items remain."
    assert find_periods(text, D(2024, 1, 1)) == []


def test_expression_at_the_very_start_and_end_of_the_text() -> None:
    assert span("October 7-13, 2024") == (D(2024, 10, 7), D(2024, 10, 13), "week")


# -- parse_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["October 7, 2024", "7 October 2024", "Oct. 7, 2024", "07.10.2024", "2024-10-07"],
)
def test_parse_date_with_year(token: str) -> None:
    assert parse_date(token) == D(2024, 10, 7)


def test_parse_date_infers_the_year_from_publication() -> None:
    assert parse_date("7th of October", D(2024, 10, 14)) == D(2024, 10, 7)
    assert parse_date("Dec 28", D(2024, 1, 2)) == D(2023, 12, 28)
    assert parse_date("7 oktyabr", D(2024, 10, 14)) == D(2024, 10, 7)


def test_parse_date_errors_say_what_went_wrong() -> None:
    with pytest.raises(ValueError, match="no year"):
        parse_date("October 7")
    with pytest.raises(ValueError, match="impossible date 'February 30, 2024'"):
        parse_date("February 30, 2024")
    with pytest.raises(ValueError, match="not a date"):
        parse_date("the week before")


# -- properties -------------------------------------------------------------------------------

_EN = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct."]
_ABBR += ["Nov.", "Dec."]
_AZ = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
    "oktyabr", "noyabr", "dekabr",
]  # fmt: skip


def render(shape: str, start: date, end: date, with_year: bool, names: list[str]) -> str | None:
    """Write start-end in one of the shapes reports use; None if the shape cannot hold it."""
    m1, m2 = names[start.month - 1], names[end.month - 1]
    d1, d2 = start.day, end.day
    y = f", {end.year}" if with_year else ""
    same_month = (start.year, start.month) == (end.year, end.month)
    if shape == "from_mdy":
        return f"from {m1} {d1} to {m2} {d2}{y}"
    if shape == "mdy_dash" and same_month:
        return f"{m1} {d1}-{d2}{y}"
    if shape == "from_dmy" and same_month:
        return f"From {d1} to {d2} {m1}{y.replace(',', '')}"
    if shape == "dmy_dash" and same_month:
        return f"{d1}–{d2} {m1}{y.replace(',', '')}"
    if shape == "between" and same_month:
        return f"between {m1} {d1} and {d2}{y}"
    if shape == "dmy_full":
        return f"from {d1} {m1} to {d2} {m2}{y.replace(',', '')}"
    if shape == "both_years":
        return f"{m1} {d1}, {start.year} - {m2} {d2}, {end.year}"
    if shape == "numeric":
        return f"({start:%d.%m.%Y}–{end:%d.%m.%Y})"
    if shape == "iso":
        return f"{start.isoformat()} to {end.isoformat()}"
    return None


_SHAPES = ["from_mdy", "mdy_dash", "from_dmy", "dmy_dash", "between", "dmy_full"]
_SHAPES += ["both_years", "numeric", "iso"]


@given(
    start=st.dates(min_value=D(2020, 11, 11), max_value=D(2027, 12, 31)),
    length=st.integers(min_value=1, max_value=14),
    delay=st.integers(min_value=0, max_value=6),
    shape=st.sampled_from(_SHAPES),
    with_year=st.booleans(),
    names=st.sampled_from([_EN, _ABBR]),
)
def test_random_ranges_read_back(
    start: date, length: int, delay: int, shape: str, with_year: bool, names: list[str]
) -> None:
    # Starts after WAR_END: a range that starts on it is read as a running total.
    end = start + timedelta(days=length - 1)
    expr = render(shape, start, end, with_year, names)
    if expr is None:
        return
    text = f"ANAMA reported that {expr}, deminers found 141 mines and 64 anti-tank mines."
    p = one(text, end + timedelta(days=delay))
    assert (p.start, p.end) == (start, end), expr
    if length in (6, 7):
        assert p.precision == "week"


@given(
    start=st.dates(min_value=D(2020, 11, 11), max_value=D(2027, 12, 31)),
    length=st.integers(min_value=1, max_value=7),
    with_year=st.booleans(),
)
def test_random_azerbaijani_ranges_read_back(start: date, length: int, with_year: bool) -> None:
    end = start + timedelta(days=length - 1)
    if start.month != end.month:
        return
    year = f" {end.year}" if with_year else ""
    text = f"Agentlik {start.day}-{end.day} {_AZ[start.month - 1]}{year} tarixlərində işləyib."
    p = one(text, end + timedelta(days=3))
    assert (p.start, p.end) == (start, end)


_WORDS = [
    "from", "From", "to", "between", "and", "since", "Since", "after", "the", "end", "of", "war",
    "in", "during", "over", "as", "this", "last", "past", "week", "year", "month", "first",
    "quarter", "half", "nine", "months", "Q2", "-", "–", ",", "7", "13", "29", "30", "31", "1st",
    "2020", "2023", "2024", "February", "Feb.", "May", "may", "be", "December", "dekabr",
    "15.06.2024", "2024-10-07", "18-24", "1,198.7", "to date", "post-war", "period",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join),
    st.none() | st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31)),
)
def test_any_jumble_of_date_words_reads_without_error(text: str, published: date | None) -> None:
    found = find_periods(text, published)
    offsets = [p.start_offset for p in found]
    assert offsets == sorted(offsets)
    for p in found:
        assert text[p.start_offset : p.end_offset] == p.text
        assert p.precision in {"day", "week", "month", "quarter", "year", "cumulative", "other"}
        assert (p.start is None) == (p.end is None) or p.precision == "cumulative"


@given(st.text(max_size=200))
def test_arbitrary_text_reads_without_error(text: str) -> None:
    find_periods(text, D(2024, 1, 1))


def test_the_past_day_is_the_day_before_publication():
    published = date(2024, 10, 14)
    for text in ("over the past day", "Over the past 24 hours", "in the last day"):
        (p,) = find_periods(text, published)
        assert (p.start, p.end, p.precision, p.flags) == (
            date(2024, 10, 13), date(2024, 10, 13), "day", ("period_inferred",),
        ), text  # fmt: skip
    assert find_periods("on the last day of the year", published) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, a mine exploded.", D(2024, 10, 14)),  # published on a Monday
        ("A mine exploded on Saturday in Aghdam.", D(2024, 10, 12)),
        ("Last Friday two civilians were injured.", D(2024, 10, 11)),
        ("Last Monday two civilians were injured.", D(2024, 10, 7)),
        ("Last Friday, 5 anti-tank mines were found.", D(2024, 10, 11)),  # a count, no date
    ],
)
def test_weekdays_are_the_latest_such_day_before_publication(text: str, expected: date) -> None:
    p = one(text, D(2024, 10, 14))
    assert (p.start, p.end, p.precision, p.flags) == (
        expected,
        expected,
        "day",
        ("period_inferred",),
    )


def test_a_weekday_before_a_written_date_leaves_the_date_to_say_it() -> None:
    p = one("On Monday, October 14, a mine exploded.", D(2024, 10, 20))
    assert (p.text, p.start) == ("October 14", D(2024, 10, 14))
    assert find_periods("On Mondays the office is closed.", D(2024, 10, 14)) == []


@pytest.mark.parametrize(
    ("label", "start", "end", "precision"),
    [
        ("2023", "2023-01-01", "2023-12-31", "year"),  # a bare year: a column of a table
        ("July", "2024-07-01", "2024-07-31", "month"),  # a bare month: the latest July
        ("Nov.", "2023-11-01", "2023-11-30", "month"),  # after publication: the year before
        ("30.09–06.10.2024", "2024-09-30", "2024-10-06", "week"),  # what find_periods reads
        ("Q1 2024", "2024-01-01", "2024-03-31", "quarter"),
    ],
)
def test_label_period_reads_a_table_label(label, start, end, precision):
    period = label_period(label, date(2024, 10, 3))
    assert period is not None
    assert (period.start.isoformat(), period.end.isoformat(), period.precision) == (
        start,
        end,
        precision,
    )


@pytest.mark.parametrize("label", ["Total", "Aghdam", "141", "July and August", ""])
def test_label_period_is_none_for_labels_naming_no_single_period(label):
    assert label_period(label, date(2024, 10, 3)) is None


def test_label_period_without_a_publication_date_leaves_a_month_undated():
    period = label_period("July")
    assert period is not None and period.start is None and "year_unknown" in period.flags


@pytest.mark.parametrize(
    ("text", "start", "flags"),
    [
        ("In week 30 of 2024, 98 mines were found", "2024-07-22", ()),
        ("During week 30, deminers found 98 mines", "2024-07-22", ("year_inferred",)),
        ("In week No. 41, 98 mines", "2024-10-07", ("year_inferred",)),
        ("In week 45, 98 mines", "2023-11-06", ("year_inferred",)),  # not after publication
        ("In weeks 40 and 41, 98 and 141 mines", "2024-09-30", ("year_inferred",)),
    ],
)
def test_week_numbers_are_iso_weeks_not_the_past_week(text, start, flags):
    period = find_periods(text, date(2024, 10, 14))[0]
    assert (period.start.isoformat(), period.precision, period.flags) == (start, "week", flags)
    assert (period.end - period.start).days == 6


def test_a_week_number_a_year_does_not_have_is_impossible():
    (period,) = find_periods("in week 53 of 2021", date(2024, 10, 14))
    assert period.start is None and period.flags == ("date_impossible",)


@pytest.mark.parametrize(
    "text",
    [
        "since the signing of the Karabakh peace deal on November 10, 2020",
        "since the signing of the trilateral statement on 10 November 2020",
        "since the Karabakh peace agreement",
    ],
)
def test_the_2020_peace_deal_opens_a_running_total(text):
    (period,) = find_periods(f"Mines killed 30 people {text}.", date(2021, 5, 24))
    assert (period.start, period.end, period.precision) == (
        date(2020, 11, 10), date(2021, 5, 24), "cumulative",
    )  # fmt: skip


def test_the_minutes_of_a_time_are_no_day_of_a_range():
    found = find_periods("- 20 Sep 2021 16:12\n- 22 Jan 2026 03:37", date(2026, 1, 22))
    assert [(p.start, p.end) for p in found] == [
        (date(2021, 9, 20), date(2021, 9, 20)), (date(2026, 1, 22), date(2026, 1, 22)),
    ]  # fmt: skip


def test_since_early_in_a_year_runs_from_its_first_day():
    (period,) = find_periods("233 mines were defused since early 2022.", date(2022, 3, 10))
    assert (period.start, period.end, period.precision) == (
        date(2022, 1, 1), date(2022, 3, 10), "cumulative",
    )  # fmt: skip


def test_to_date_alone_is_a_running_total_from_an_unstated_start():
    (period,) = find_periods("68,000 hectares have been cleared to date.", date(2023, 2, 28))
    assert (period.start, period.end, period.precision) == (None, date(2023, 2, 28), "cumulative")
    assert period.flags == ("period_start_unstated",)


@pytest.mark.parametrize("text", ["with up to date maps", "keeps its records up to date and"])
def test_up_to_date_is_no_period(text):
    assert find_periods(text, date(2023, 2, 28)) == []


def test_to_date_after_a_start_keeps_the_start():
    (period,) = find_periods("from 10 November 2020 to date", date(2023, 2, 28))
    assert (period.start, period.end) == (date(2020, 11, 10), date(2023, 2, 28))


@pytest.mark.parametrize(
    "text",
    [
        "the sappers cleared 39,721 hectares up to date.",
        "since the onset of operations, the sappers cleared 37,583 hectares",
        "since the start of demining operations, the sappers cleared 37,583 hectares",
    ],
)
def test_up_to_date_and_the_onset_of_operations_are_running_totals(text):
    (period,) = find_periods(text, date(2024, 5, 18))
    assert (period.start, period.end, period.flags) == (
        None, date(2024, 5, 18), ("period_start_unstated",),
    )  # fmt: skip


def test_the_start_of_operations_without_since_is_no_period():
    assert find_periods("the start of operations was delayed", date(2024, 5, 18)) == []


@pytest.mark.parametrize(
    "published, end",
    [(date(2021, 10, 30), date(2021, 10, 28)), (date(2022, 10, 27), date(2021, 10, 28))],
)
def test_a_range_whose_end_lacks_a_year_ends_after_its_start(published, end):
    (period,) = find_periods("cleared from November 10, 2020 to October 28, it said", published)
    assert (period.start, period.end) == (date(2020, 11, 10), end)
    assert "year_inferred" in period.flags and "period_reversed" not in period.flags


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The sappers have so far cleaned 14,365 hectares.", (None, date(2022, 3, 4))),
        ("This February, 412 hectares were cleared.", (date(2022, 2, 1), date(2022, 2, 28))),
    ],
)
def test_so_far_and_this_month(text, expected):
    (period, *_) = find_periods(text, date(2022, 3, 4))
    assert (period.start, period.end) == expected


def test_so_far_in_a_month_is_that_month():
    (period,) = find_periods("So far in January, 412 hectares were cleared.", date(2022, 3, 4))
    assert (period.start, period.end) == (date(2022, 1, 1), date(2022, 1, 31))


@pytest.mark.parametrize("text", ["156,000 ha of forest to date", "in the west to date"])
def test_words_ending_in_est_are_no_superlatives(text):
    (period,) = find_periods(f"ANAMA has cleared {text}.", date(2023, 5, 2))
    assert period.flags == ("period_start_unstated",)


def test_a_month_then_a_day_with_its_year_is_no_range_of_months():
    found = find_periods("From November 2020 to June 2, 2025, 415 mine victims", date(2025, 12, 26))
    assert [(p.start, p.end, p.precision) for p in found] == [
        (date(2020, 11, 10), date(2025, 12, 26), "cumulative"),
        (date(2025, 6, 2), date(2025, 6, 2), "day"),
    ]


@pytest.mark.parametrize("name", ["Second Garabagh War", "Qarabağ war", "Second Karabakh War"])
def test_the_war_in_its_transliterations_ends_on_10_november_2020(name):
    (period,) = find_periods(f"since the end of the {name}", date(2023, 11, 13))
    assert (period.start, period.end, period.precision) == (
        WAR_END,
        date(2023, 11, 13),
        "cumulative",
    )


def test_till_date_is_a_running_total_like_to_date():
    (period,) = find_periods("256 people were killed by mines till date.", date(2022, 9, 6))
    assert (period.start, period.end, period.precision) == (None, date(2022, 9, 6), "cumulative")
    assert "period_start_unstated" in period.flags


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("In2023, ANAMA cleared 53,081.8 hectares.", date(2023, 1, 1), date(2023, 12, 31)),
        ("From27 May to2 June, 31 mines were found.", date(2024, 5, 27), date(2024, 6, 2)),
        ("A blast on3 June hurt two people.", date(2024, 6, 3), date(2024, 6, 3)),
        ("In the first half of2024, 31,200 ha", date(2024, 1, 1), date(2024, 6, 30)),
        ("Since the beginning of2024, 12,300 ha", date(2024, 1, 1), date(2024, 6, 10)),
    ],
)
def test_a_keyword_glued_to_its_date_is_read(text: str, start: date, end: date) -> None:
    (period,) = find_periods(text, date(2024, 6, 10))
    assert (period.start, period.end) == (start, end)


def test_a_keyword_inside_a_word_is_no_period() -> None:
    assert find_periods("Within2023 the plan changed", date(2024, 6, 10)) == []
    assert find_periods("Bon3 June and one of25 mines", date(2024, 6, 10)) == []
    assert find_periods("a total of2023 mines", date(2024, 6, 10)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Since the start of the full-scale invasion, 4,100 hectares were surveyed.",
        "Since the beginning of Russia's full-scale invasion, 300 civilians died.",
        "From the onset of the full-scale war, SES units removed 500,000 items.",
        "Since the full-scale invasion began, 312 people have been killed by mines.",
    ],
)
def test_the_full_scale_invasion_starts_ukraines_running_totals(text: str) -> None:
    p = one(text, date(2024, 6, 10))
    assert (p.start, p.end, p.precision) == (date(2022, 2, 24), date(2024, 6, 10), "cumulative")
    assert p.cumulative_since == date(2022, 2, 24)


def test_the_full_scale_invasion_without_since_is_no_period() -> None:
    assert find_periods("The start of the full-scale invasion changed all plans.") == []


def test_the_preceding_year_is_the_previous_one() -> None:
    assert span("In the preceding year, 900 ha were cleared.", date(2024, 6, 10)) == (
        date(2023, 1, 1), date(2023, 12, 31), "year",
    )  # fmt: skip


def test_in_the_course_of_a_year_is_that_year() -> None:
    assert span("In the course of 2023, deminers cleared 9,000 ha.") == (
        date(2023, 1, 1), date(2023, 12, 31), "year",
    )  # fmt: skip

"""Tests for research.sentences: where a report's sentences start and end."""

from __future__ import annotations

import pytest

from research.sentences import join_list_markers, split_sentences, without_furniture


def sentences(text: str) -> list[str]:
    spans = without_furniture(text, join_list_markers(text, split_sentences(text)))
    return [text[s:e].strip() for s, e in spans]


def test_full_stops_of_abbreviations_and_initials_end_no_sentence():
    text = "From Oct. 7 to 13, 141 mines were found. J. Smith of ANAMA said so. Next came 64."
    assert sentences(text) == [
        "From Oct. 7 to 13, 141 mines were found.",
        "J. Smith of ANAMA said so.",
        "Next came 64.",
    ]


def test_a_hard_wrapped_feed_runs_on_over_its_line_breaks():
    text = (
        "In the period from October 7 to\nOctober 13, 2024, the agency\nfound 141 mines "
        "and 64 anti-tank\nmines in the liberated territories.\nAn area of 1,198.7 ha was\n"
        "cleared."
    )
    assert len(sentences(text)) == 2


def test_headings_labels_and_numbered_items_are_sentences_of_their_own():
    text = "Results for 7-13 October\n1. Anti-personnel mines – 141\n2. Anti-tank mines – 64"
    assert sentences(text) == [
        "Results for 7-13 October",
        "1. Anti-personnel mines – 141",
        "2. Anti-tank mines – 64",
    ]


def test_page_furniture_is_left_out_and_offsets_are_kept():
    text = "141 mines were found.\n\nRead also:\nAnother story, 12 mines\n\nTags: ANAMA, mines"
    spans = without_furniture(text, split_sentences(text))
    assert [text[s:e] for s, e in spans] == ["141 mines were found."]


@pytest.mark.parametrize(
    "heading",
    ["MOST READ\n1 | ANAMA: 517 mines found", "Most popular\n1 | 517 mines found", "Trending now",
     "LATEST: Manat rate unchanged | Snow closes Lachin pass | 3 mines found in Shusha"],
)  # fmt: skip
def test_lists_of_other_news_are_furniture(heading):
    text = f"ANAMA cleared 1,015 ha.\n\n{heading}"
    kept = [text[s:e] for s, e in without_furniture(text, split_sentences(text))]
    assert kept == ["ANAMA cleared 1,015 ha."]


def test_a_list_of_other_news_ends_at_a_line_of_prose_with_no_blank_line_before_it():
    text = "MOST READ\n1 | ANAMA: 517 mines found\n2 | New road to Shusha opened\n"
    text += "During the past week, deminers of the agency found 98 anti-personnel mines in the "
    text += "Aghdam and Fuzuli districts, the agency said."
    kept = [text[s:e] for s, e in without_furniture(text, split_sentences(text))]
    assert kept == [text[text.index("During") :]]


@pytest.mark.parametrize(
    "article",
    [
        "7-13 October: deminers of the agency found 98 anti-personnel mines in the Aghdam and "
        "Fuzuli districts, the agency said on Monday.",
        "«During the past week, deminers of the agency found 98 anti-personnel mines in the "
        "Aghdam and Fuzuli districts,» the agency said.",
    ],
)
def test_a_list_of_news_after_a_blank_line_is_furniture_up_to_the_article(article):
    text = f"MOST READ\n\n1. Mine blast injures 2 in Kalbajar\n2. New road to Shusha\n{article}"
    kept = [text[s:e] for s, e in without_furniture(text, split_sentences(text))]
    assert kept == [article]


WRAPPED_BODY = (
    "The agency has published its\n"
    "figures for the demining work carried out\n"
    "from 3 to 9 March, the outlet writes.\n"
    "Deminers found 20 anti-personnel mines and\n"
    "cleared 90.4 hectares of land.\n"
)


@pytest.mark.parametrize(
    "top",
    [
        "Weekly Report: 90 Hectares Cleared Of Mines In Karabakh\n",
        "Weekly Report: 90 Hectares Cleared Of Mines In Karabakh\n3/10/2022 09:15:00 AM\n",
        "Weekly Report: 90 Hectares Cleared Of Mines In Karabakh\n10 March 2022\nJane Doe\n",
    ],
)
def test_a_wrapped_texts_title_stamp_and_byline_are_lines_of_their_own(top):
    text = top + WRAPPED_BODY
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences[: top.count("\n")] == top.splitlines()
    assert sentences[top.count("\n")].startswith("The agency has published its\nfigures")


def test_a_wrapped_text_without_a_title_runs_its_first_lines_on():
    text = "Baku, 10 March\n" + WRAPPED_BODY
    first = next(text[s:e] for s, e in split_sentences(text))
    assert first.startswith("Baku, 10 March\nThe")


def test_a_wrapped_first_line_holding_a_sentence_end_is_no_title():
    text = "(Wire Service) BAKU, Azerbaijan, March 10. More Than 61 (37\n" + WRAPPED_BODY
    first = next(text[s:e] for s, e in split_sentences(text))
    assert first == "(Wire Service) BAKU, Azerbaijan, March 10."

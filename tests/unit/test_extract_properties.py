"""Property tests: `extract()` never fails, whatever report-like text it is given.

The rules look around each figure for periods, places, causes and comparisons, and a rule
that indexes a list it assumes non-empty fails only on some rare order of phrases. These
texts are shuffled from fragments of the report styles the rules read (written for this
test), so that such orders come up.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from research import extract
from research.records import KIND_FIELDS

FRAGMENTS = [
    "In May,", "In the same period last year,", "Last year, during the same period,",
    "In the corresponding period of the previous year,", "– January to May 2023 –",
    "Since the end of the war,", "Since the start of the full-scale invasion,",
    "From 7 to 13 October,", "So far this year,", "On 5 June,", "on5 June",
    "The agency said that on 5 June", "Azernews reports that", "In the course of 2023,",
    "In the preceding year,", "this year between 1 and 31 May", "a total of", "compared with",
    "against", "up from", "in the previous week", "1,198.7 hectares", "12,300 ha",
    "141 anti-personnel mines", "64 anti-tank mines", "625 UXO", "2,400 explosive items",
    "70 people have been killed by mines", "290 were injured", "Mines also injured 290 more",
    "3 people were injured when their cars hit mines", "in Hadrut", "in Iraq", "in Syria",
    "near the village of Talish", "in Aghdam district", "were cleared", "were found",
    "14 people were killed in missile strikes", "Armenia handed over 8 maps", "of them",
    "including 12 children", ",", ";", ".", ":", "\n", "(", ")", "and", "while", "the",
]  # fmt: skip

texts = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30).map(" ".join)
published = st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(text=texts, pub=published)
def test_extract_never_fails_and_keeps_the_contract(text: str, pub: date | None) -> None:
    for record in extract(text, pub):
        assert set(KIND_FIELDS[record["kind"]]) <= set(record), record["kind"]
        evidence = record["evidence"]
        assert 0 <= evidence["start"] <= evidence["end"] <= len(text)

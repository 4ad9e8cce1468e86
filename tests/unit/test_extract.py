"""Extraction from report text: every trap of domain.md section 3, on sentences we wrote.

The texts below imitate the styles real reports use (ANAMA weeklies as republished by
different outlets, other agencies' reports); none is copied from an article.
"""

from __future__ import annotations

from datetime import date

import pytest

from research import extract
from research.records import KIND_FIELDS


def clearance(text: str, published: str | None = None) -> list[dict]:
    return [r for r in extract(text, published) if r["kind"] == "clearance"]


def only_clearance(text: str, published: str | None = None) -> dict:
    records = clearance(text, published)
    assert len(records) == 1, records
    return records[0]


def counts(record: dict) -> tuple:
    return (record["anti_personnel"], record["anti_tank"], record["uxo"], record["area_ha"])


# --- the contract ------------------------------------------------------------------------


def test_every_record_carries_the_contract_keys():
    text = (
        "From October 7 to October 13, 2024, 64 anti-tank mines, 141 anti-personnel mines "
        "and 625 unexploded ordnance were found. 1,198.7 hectares were cleared. Since the end "
        "of the war 382 people were killed or injured by mines. Armenia handed over eight "
        "minefield maps in February 2024."
    )
    records = extract(text, "2024-10-14", doc="d1")
    assert {r["kind"] for r in records} == {"clearance", "casualties", "maps"}
    for r in records:
        for key in ("doc", "kind", "evidence", "flags", *KIND_FIELDS[r["kind"]]):
            assert key in r, (r["kind"], key)
        assert r["doc"] == "d1"
        ev = r["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert isinstance(r["flags"], list)


def test_published_accepts_date_or_iso_string():
    text = "Over the past week 12 anti-tank mines were found and neutralized."
    assert extract(text, date(2024, 6, 17)) == extract(text, "2024-06-17")


# --- item types, order and wording ---------------------------------------------------------


def test_at_first_with_explicit_range():
    r = only_clearance(
        "The agency said that from October 7 to October 13, 2024, 64 anti-tank mines, 141 "
        "anti-personnel mines and 625 items of unexploded ordnance were found and neutralised. "
        "In total, 1,198.7 hectares were cleared of mines.",
        "2024-10-14",
    )
    assert counts(r) == (141, 64, 625, 1198.7)
    assert (r["period_start"], r["period_end"]) == ("2024-10-07", "2024-10-13")
    assert r["period_precision"] == "week"
    assert r["flags"] == []


def test_area_first_then_uxo_first_over_the_past_week():
    r = only_clearance(
        "Over the past week, 1,315.7 hectares were cleared of mines and UXO; 274 UXO, 45 "
        "anti-personnel and 32 anti-tank mines were discovered.",
        "2024-06-17",
    )
    assert counts(r) == (45, 32, 274, 1315.7)
    assert (r["period_start"], r["period_end"]) == ("2024-06-10", "2024-06-16")
    assert "period_inferred" in r["flags"]


def test_shared_noun_and_day_first_range_without_year():
    r = only_clearance(
        "From 18 to 24 December, deminers found 112 anti-tank and 25 anti-personnel mines as "
        "well as 307 pieces of unexploded ordnance, and cleared 487.7 ha.",
        "2023-12-25",
    )
    assert counts(r) == (25, 112, 307, 487.7)
    assert (r["period_start"], r["period_end"]) == ("2023-12-18", "2023-12-24")


def test_year_inferred_across_new_year():
    r = only_clearance(
        "Between December 25 and 31, 19 anti-tank mines were detected and neutralized.",
        "2024-01-02",
    )
    assert (r["period_start"], r["period_end"]) == ("2023-12-25", "2023-12-31")


def test_total_with_breakdown_in_brackets_agrees():
    r = only_clearance(
        "In the week of 11-17 December 2023, a total of 273 explosive items (22 anti-personnel "
        "mines, 17 anti-tank mines and 234 UXO) were neutralized and 325.6 hectares cleared.",
        "2023-12-18",
    )
    assert counts(r) == (22, 17, 234, 325.6)
    assert r["items_total"] == 273
    assert r["flags"] == []


def test_total_that_disagrees_with_its_breakdown_is_flagged():
    r = only_clearance(
        "ANAMA neutralised 225 mines, including 162 anti-personnel and 43 anti-tank mines, and "
        "2,777 UXO from 21 to 27 October 2024.",
        "2024-10-28",
    )
    assert r["mines_total"] == 225
    assert (r["anti_personnel"], r["anti_tank"]) == (162, 43)
    assert "mines_total_mismatch" in r["flags"]


def test_an_item_type_named_twice_is_null_and_flagged():
    r = only_clearance(
        "25 anti-personnel, 56 anti-tank, and 56 anti-personnel mines were found during "
        "demining operations. From October 23 to October 29, 2,427 unexploded ordnance items "
        "were discovered and cleared.",
        "2023-10-30",
    )
    assert r["anti_personnel"] is None
    assert r["anti_tank"] == 56
    assert r["uxo"] == 2427
    assert "anti_personnel_repeated" in r["flags"]
    assert r["period_start"] == "2023-10-23"


def test_mines_and_munitions_is_an_items_total():
    r = only_clearance(
        "Croatian deminers found 2,004 mines and UXO and demined 24.3 km² in 2023.", "2024-01-20"
    )
    assert r["items_total"] == 2004
    assert r["area_ha"] == pytest.approx(2430.0)
    assert r["area_unit"] == "km2"


# --- number formats ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "area_ha"),
    [
        ("94,8 hectares", 94.8),
        ("2.790,9 hectares", 2790.9),
        ("2046.3 ha", 2046.3),
        ("2 171 083 square metres", 217.1083),
        ("14,136,179 m²", 1413.6179),
        ("4.5 km2", 450.0),
        ("seven thousand hectares", 7000.0),
        ("1.15 million square meters", 115.0),
    ],
)
def test_area_formats_and_units(phrase, area_ha):
    r = only_clearance(f"From May 6 to May 12, 2024, {phrase} were cleared of mines.", "2024-05-13")
    assert r["area_ha"] == pytest.approx(area_ha)


def test_hyphenated_area():
    r = only_clearance("A 51.8-hectare area was cleared in Lachin last week.", "2024-03-04")
    assert r["area_ha"] == pytest.approx(51.8)
    assert r["districts"] == ["Lachin"]


def test_european_thousands_in_counts():
    r = only_clearance(
        "Between 1 and 31 August 2024, 8.086 unexploded ordnance were neutralised.", "2024-09-02"
    )
    assert r["uxo"] == 8086


def test_malformed_area_is_null_and_flagged():
    r = only_clearance(
        "From August 1 through August 31, 972 antipersonnel mines were found. An area of "
        "5,264,14 hectares was cleared of mines and unexploded ordnance.",
        "2023-09-01",
    )
    assert r["area_ha"] is None
    assert r["area_as_stated"] == "5,264,14"
    assert "malformed_number" in r["flags"]
    assert r["anti_personnel"] == 972


def test_week_area_a_thousand_times_too_large_is_flagged_not_fixed():
    r = only_clearance(
        "From October 7 to 13, 2024, 453,900 hectares were cleared of mines.", "2024-10-14"
    )
    assert r["area_ha"] == 453900
    assert "area_implausible_for_week" in r["flags"]


def test_qualifiers_are_kept():
    r = only_clearance(
        "Since the end of the war, more than 30,000 anti-personnel mines and about 18,500 "
        "anti-tank mines have been found and over 110,000 hectares cleared.",
        "2023-11-28",
    )
    assert r["qualifiers"] == {
        "anti_personnel": "more_than",
        "anti_tank": "about",
        "area_ha": "more_than",
    }
    assert r["period_precision"] == "cumulative"
    assert r["cumulative_since"] == "2020-11-10"
    assert (r["period_start"], r["period_end"]) == ("2020-11-10", "2023-11-28")


# --- several statements in one text ---------------------------------------------------------


def test_a_monthly_and_a_weekly_statement():
    records = clearance(
        "In July, operators in Aghdam and Fuzuli discovered 850 anti-personnel mines, 910 "
        "anti-tank mines and 1,004 UXO. They cleared 4,870.2 hectares.\n\n"
        "In the last week of the month, from 24 to 30 July 2023, 201 anti-personnel, 77 "
        "anti-tank mines and 66 UXO were found. An area of 512.4 ha was cleared.",
        "2023-08-01",
    )
    assert len(records) == 2
    month, week = records
    assert counts(month) == (850, 910, 1004, 4870.2)
    assert (month["period_start"], month["period_end"]) == ("2023-07-01", "2023-07-31")
    assert month["period_precision"] == "month"
    assert month["district_codes"] == ["AZ-AGM", "AZ-FUZ"]
    assert counts(week) == (201, 77, 66, 512.4)
    assert week["period_start"] == "2023-07-24"


def test_a_weekly_and_a_cumulative_statement():
    records = clearance(
        "Last week (December 11-17), 22 anti-personnel mines, 17 anti-tank mines and 234 "
        "unexploded ordnance were neutralised, and 325.6 hectares were cleared. Since November "
        "10, 2020, a total of 30,753 anti-personnel mines, 18,531 anti-tank mines and 60,268 "
        "unexploded ordnance have been neutralized, and 111,207 hectares cleared.",
        "2023-12-18",
    )
    assert [counts(r) for r in records] == [(22, 17, 234, 325.6), (30753, 18531, 60268, 111207)]
    assert records[1]["period_precision"] == "cumulative"


# --- precision: no results, no clearance record --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ANAMA plans to clear 11,300 hectares of land in 2024.",
        "Some 1.5 million mines are estimated to remain in the liberated territories.",
        "About 9,000 square kilometres of land are still contaminated with mines.",
        "The agency deployed 1,200 deminers, 60 mine detection dogs and 45 demining machines "
        "this year, and spent 30 million manat on equipment.",
        "Azerbaijani forces destroyed 12 tanks and 5 artillery pieces near the front line on "
        "September 20.",
        "Armenian forces fired 300 shells at villages in Tovuz district.",
        "A further 2,300 hectares are to be surveyed next year.",
        "On 12 June 2021 Armenia handed over a map of 97,000 anti-tank and anti-personnel "
        "mines in Aghdam.",
    ],
)
def test_no_clearance_record_from_non_results(text):
    assert clearance(text, "2024-01-10") == []


def test_surveyed_area_is_not_cleared_area():
    r = only_clearance(
        "During the week, 2,300 hectares were surveyed and 540.2 hectares cleared.", "2024-03-11"
    )
    assert r["area_ha"] == pytest.approx(540.2)


# --- districts ------------------------------------------------------------------------------


def test_districts_are_canonical_with_codes_whatever_the_spelling():
    r = only_clearance(
        "Operations in Terter, Agdam, Fizuli, Xocavənd, Jebrail, Qubadli and Zengilan "
        "uncovered 41 anti-tank mines between May 5 and 11.",
        "2024-05-13",
    )
    assert r["districts"] == [
        "Tartar",
        "Aghdam",
        "Fuzuli",
        "Khojavand",
        "Jabrayil",
        "Gubadli",
        "Zangilan",
    ]
    assert r["district_codes"] == [
        "AZ-TAR",
        "AZ-AGM",
        "AZ-FUZ",
        "AZ-XVD",
        "AZ-CAB",
        "AZ-QBI",
        "AZ-ZAN",
    ]
    assert r["districts_as_written"][0] == "Terter"


def test_districts_listed_in_the_next_sentence_belong_to_the_statement():
    r = only_clearance(
        "From April 29 to May 5, 2024, 53 anti-tank mines were neutralised. The work covered "
        "Kalbajar, Lachin and Shusha.",
        "2024-05-06",
    )
    assert r["district_codes"] == ["AZ-KAL", "AZ-LAC", "AZ-SUS"]


def test_operators_are_recorded():
    r = only_clearance(
        "From April 29 to May 5, 2024, 26 anti-personnel mines were found. Teams of the State "
        "Border Service, ANAMA, the Emergency Situations Ministry and the MoD took part.",
        "2024-05-06",
    )
    assert sorted(r["operators"]) == ["ANAMA", "MES", "MoD", "SBS"]


# --- other agencies in the same genre -------------------------------------------------------


def test_angola_counts_area_period_and_provinces_as_written():
    r = only_clearance(
        "In Cuanza Sul and Moxico provinces, operators destroyed 1,245 anti-personnel mines and "
        "310 items of UXO and released 2,450,000 square metres of land between 1 and 30 June "
        "2023.",
        "2023-07-10",
    )
    assert (r["anti_personnel"], r["uxo"]) == (1245, 310)
    assert r["area_ha"] == pytest.approx(245.0)
    assert r["districts_as_written"] == ["Cuanza Sul", "Moxico"]
    assert r["district_codes"] == []
    assert r["period_precision"] == "month"


def test_ukraine_explosive_objects_and_oblasts():
    r = only_clearance(
        "Over the past week, pyrotechnic units of the State Emergency Service neutralised 1,024 "
        "explosive objects and demined 62.5 hectares in Kharkiv, Kherson and Mykolaiv oblasts.",
        "2024-04-15",
    )
    assert r["items_total"] == 1024
    assert r["area_ha"] == pytest.approx(62.5)
    assert r["districts_as_written"] == ["Kharkiv", "Kherson", "Mykolaiv"]


def test_cambodia_month_with_erw():
    r = only_clearance(
        "CMAC teams found and destroyed 1,311 anti-personnel mines, 42 anti-tank mines and "
        "12,890 ERW in January 2024, clearing 4,102 hectares in Battambang province.",
        "2024-02-05",
    )
    assert counts(r) == (1311, 42, 12890, 4102)
    assert (r["period_start"], r["period_end"]) == ("2024-01-01", "2024-01-31")


def test_laos_cluster_submunitions_count_as_uxo():
    r = only_clearance(
        "During 2023, UXO Lao cleared 2,100 hectares and destroyed 45,000 cluster submunitions.",
        "2024-02-01",
    )
    assert (r["uxo"], r["area_ha"]) == (45000, 2100)
    assert r["period_precision"] == "year"


def test_iraq_and_lebanon_styles():
    iraq = only_clearance(
        "The Directorate of Mine Action said 3,402 explosive items were removed and 812.6 "
        "hectares released in Nineveh and Anbar governorates from March 1 to March 31, 2024.",
        "2024-04-03",
    )
    assert (iraq["items_total"], iraq["area_ha"]) == (3402, 812.6)
    assert iraq["districts_as_written"] == ["Nineveh", "Anbar"]
    lebanon = only_clearance(
        "LMAC teams cleared 120,000 m² and destroyed 640 cluster bomblets in the past month.",
        "2024-04-03",
    )
    assert lebanon["area_ha"] == pytest.approx(12.0)
    assert lebanon["uxo"] == 640


# --- casualties ------------------------------------------------------------------------------


def casualties(text: str, published: str | None = None) -> list[dict]:
    return [r for r in extract(text, published) if r["kind"] == "casualties"]


def test_victims_total_with_killed_and_injured():
    (r,) = casualties(
        "Since the end of the war, 382 people have fallen victim to landmines: 70 were killed "
        "and 312 injured.",
        "2025-01-05",
    )
    assert (r["total_victims"], r["killed"], r["injured"]) == (382, 70, 312)
    assert r["cumulative_since"] == "2020-11-10"
    assert r["flags"] == []


def test_civilian_and_military_split_over_two_sentences():
    (r,) = casualties(
        "Between November 10, 2020 and September 19, 2023, mine explosions killed 61 people and "
        "injured 253. Of those killed, 48 were civilians and 13 were servicemen.",
        "2023-09-20",
    )
    assert (r["killed"], r["injured"]) == (61, 253)
    assert (r["civilian_killed"], r["military_killed"]) == (48, 13)


def test_war_deaths_are_not_mine_casualties():
    assert (
        casualties(
            "During the first war, over 30,000 people lost their lives and a million fled.",
            "2023-11-01",
        )
        == []
    )


def test_no_split_is_imputed():
    (r,) = casualties("In 2024, 41 people were hurt or killed by mines, ANAMA said.", "2025-01-10")
    assert r["civilian_killed"] is None and r["military_killed"] is None


# --- maps ------------------------------------------------------------------------------------


def maps(text: str, published: str | None = None) -> list[dict]:
    return [r for r in extract(text, published) if r["kind"] == "maps"]


def test_map_handover_with_count_district_and_month():
    (r,) = maps("In February, Armenia handed over eight minefield maps of Kalbajar.", "2024-03-01")
    assert (r["maps"], r["district_codes"], r["date"]) == (8, ["AZ-KAL"], "2024-02-01")


def test_map_with_mines_covered_and_accuracy_claim():
    records = maps(
        "On June 12, 2021 Armenia handed over a map showing about 97,000 mines in Aghdam. "
        "Officials later said the maps were only 25 percent accurate.",
        "2021-08-20",
    )
    handover, accuracy = records
    assert (handover["maps"], handover["mines_covered"]) == (1, 97000)
    assert handover["qualifiers"]["mines_covered"] == "about"
    assert handover["date"] == "2021-06-12"
    assert accuracy["accuracy_pct"] == 25


def test_unseen_district_spellings_resolve_through_fuzzy_matching():
    r = only_clearance(
        "Between May 5 and 11, 2024, teams in the Zangelan and Fizuly districts found 14 "
        "anti-tank mines.",
        "2024-05-13",
    )
    assert r["district_codes"] == ["AZ-ZAN", "AZ-FUZ"]
    assert r["districts_as_written"] == ["Zangelan", "Fizuly"]

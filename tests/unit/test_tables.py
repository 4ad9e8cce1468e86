"""Tables in report texts: finding them, typing their columns, and the records they give.

The texts are written for these tests in the shapes reports and pasted pages take.
"""

from __future__ import annotations

import pytest

from research import extract
from research.corpus import extract_documents
from research.tables import find_tables, read_table

WEEK_BY_DISTRICT = """ANAMA weekly results, 7-13 October 2024
District | AP | AT | UXO
Aghdam | 40 | 10 | 200
Fuzuli | 31 | 22 | 150
Jabrayil | 70 | 32 | 275
Total | 141 | 64 | 625"""

TWO_WEEKS = """Weekly results of the agency:

| Period | AP mines | AT mines | UXO | Area cleared (ha) |
|---|---|---|---|---|
| 30.09–06.10.2024 | 98 | 41 | 512 | 1,021.4 |
| 07.10–13.10.2024 | 141 | 64 | 625 | 1,198.7 |
"""


def clearance(text: str, published: str | None = "2024-10-14") -> list[dict]:
    return [r for r in extract(text, published) if r["kind"] == "clearance"]


# --- finding tables ----------------------------------------------------------------------


def test_a_pipe_table_is_found_with_its_header_rows_and_offsets():
    (table,) = find_tables(WEEK_BY_DISTRICT)
    assert [c.text for c in table.header] == ["District", "AP", "AT", "UXO"]
    assert [row[0].text for row in table.rows] == ["Aghdam", "Fuzuli", "Jabrayil", "Total"]
    assert WEEK_BY_DISTRICT[table.start : table.end].startswith("District |")
    assert WEEK_BY_DISTRICT[table.end - 3 : table.end] == "625"
    cell = table.rows[0][1]
    assert WEEK_BY_DISTRICT[cell.start : cell.end] == "40"


def test_markdown_separator_rows_and_outer_pipes_are_not_cells():
    (table,) = find_tables(TWO_WEEKS)
    assert len(table.header) == 5
    assert [row[1].text for row in table.rows] == ["98", "141"]


def test_tab_separated_rows_are_a_table_and_repeated_tabs_align_one_column():
    (table,) = find_tables("Month\tKilled\tInjured\nJuly\t\t1\t3\nAugust\t0\t2")
    assert [[c.text for c in row] for row in table.rows] == [
        ["July", "1", "3"],
        ["August", "0", "2"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ANAMA | Weekly report\nThe agency found 141 mines.",  # one line is no table
        "a | b | c\n\nd | e | f",  # a blank line ends a block
        "a | b | c\nd | e",  # the shape changes
    ],
)
def test_lines_that_do_not_make_a_block_are_no_table(text):
    assert find_tables(text) == []


# --- typing columns ----------------------------------------------------------------------


def test_columns_named_by_field_give_one_entry_per_row():
    (table,) = find_tables(TWO_WEEKS)
    entries = read_table(table)
    assert [[(r, c.text) for r, c in e.labels] for e in entries] == [
        [("period", "30.09–06.10.2024")],
        [("period", "07.10–13.10.2024")],
    ]
    first = {k: n.value for k, n in entries[0].values.items()}
    assert first == {"anti_personnel": 98, "anti_tank": 41, "uxo": 512, "area": 1021.4}
    assert entries[0].area_unit == "ha"


def test_a_first_column_of_fields_under_period_headers_gives_one_entry_per_column():
    (table,) = find_tables(
        "| Item | 2023 | 2024 |\n| AP mines | 3,495 | 4,286 |\n| UXO | 10 | 20 |"
    )
    entries = read_table(table)
    assert [e.labels[0][1].text for e in entries] == ["2023", "2024"]
    assert {k: n.value for k, n in entries[1].values.items()} == {"anti_personnel": 4286, "uxo": 20}


def test_label_and_value_lines_are_no_table_of_columns():
    # "| Anti-tank mines | 64 |" lines are labelled figures, read sentence by sentence
    (table,) = find_tables("| Anti-personnel mines | 141 |\n| Anti-tank mines | 64 |")
    assert read_table(table) == []


def test_a_column_of_plans_or_what_remains_is_no_result():
    (table,) = find_tables("District | Area remaining (ha) | Planned (ha)\nAghdam | 100 | 50")
    assert read_table(table) == []


def test_the_area_unit_comes_from_the_header_or_else_the_caption():
    (table,) = find_tables("District | Area cleared\nAghdam | 1.5\nFuzuli | 2")
    assert read_table(table, context="Area by district (km²):")[0].area_unit == "km2"
    (entry, _) = read_table(table)
    assert entry.values == {} and entry.flags == ["area_unit_missing"]


def test_a_cell_that_is_no_single_number_is_flagged_and_a_dash_states_nothing():
    (table,) = find_tables("Period | AP | AT | UXO\n7-13 October | 141 | – | see note")
    (entry,) = read_table(table)
    assert entry.values["anti_personnel"].value == 141
    assert "anti_tank" not in entry.values
    assert entry.values["uxo"] is None and entry.flags == ["malformed_number"]


# --- records -----------------------------------------------------------------------------


def test_a_table_of_districts_gives_the_total_row_with_the_caption_period_and_the_districts():
    (record,) = clearance(WEEK_BY_DISTRICT)
    assert (record["period_start"], record["period_end"]) == ("2024-10-07", "2024-10-13")
    assert (record["anti_personnel"], record["anti_tank"], record["uxo"]) == (141, 64, 625)
    assert record["districts"] == ["Aghdam", "Fuzuli", "Jabrayil"]
    assert record["flags"] == []
    assert record["evidence"]["text"] == "Total | 141 | 64 | 625"


def test_a_total_row_that_is_not_the_sum_of_its_rows_is_flagged():
    text = WEEK_BY_DISTRICT.replace("Jabrayil | 70 |", "Jabrayil | 71 |")
    (record,) = clearance(text)
    assert record["anti_personnel"] == 141  # as stated, not "fixed"
    assert "table_total_mismatch" in record["flags"]


def test_districts_without_a_total_row_give_one_record_each():
    text = "Area cleared by district, 7-13 October 2024\nDistrict | Area (ha) | UXO\n"
    text += "Aghdam | 402.1 | 12\nLachin | 310.5 | 3"
    records = clearance(text)
    assert [(r["districts"], r["area_ha"], r["uxo"], r["district_level"]) for r in records] == [
        (["Aghdam"], 402.1, 12, "per_district"),
        (["Lachin"], 310.5, 3, "per_district"),
    ]
    (total,) = clearance(text + "\nTotal | 712.6 | 15")
    assert total["district_level"] == "whole_territory"
    assert all(r["period_start"] == "2024-10-07" for r in records)


def test_rows_of_periods_give_a_record_each_and_their_total_row_none():
    text = TWO_WEEKS + "| Total | 239 | 105 | 1,137 | 2,220.1 |\n"
    records = clearance(text)
    assert [(r["period_start"], r["anti_personnel"], r["area_ha"]) for r in records] == [
        ("2024-09-30", 98, 1021.4),
        ("2024-10-07", 141, 1198.7),
    ]
    assert all(r["flags"] == [] for r in records)
    wrong = clearance(text.replace("| Total | 239 |", "| Total | 240 |"))
    assert all("table_total_mismatch" in r["flags"] for r in wrong)


def test_period_columns_give_a_record_each_bare_years_included():
    text = "Items found by year:\n| Item | 2023 | 2024 |\n|---|---|---|\n"
    text += "| AP mines | 3,495 | 4,286 |\n| AT mines | 5,034 | 2,372 |"
    records = clearance(text, "2025-01-06")
    assert [(r["period_start"], r["period_end"], r["anti_tank"]) for r in records] == [
        ("2023-01-01", "2023-12-31", 5034),
        ("2024-01-01", "2024-12-31", 2372),
    ]


def test_an_area_column_in_square_kilometres_is_converted_to_hectares():
    text = "Results, 7-13 October 2024\nDistrict | Area cleared (km²) | UXO\nTotal | 11.987 | 625"
    (record,) = clearance(text)
    assert record["area_ha"] == pytest.approx(1198.7)
    assert (record["area_as_stated"], record["area_unit"]) == ("11.987", "km2")


def test_month_rows_of_a_casualty_table_take_the_year_of_the_caption():
    text = "Mine victims, third quarter of 2023\nMonth\tKilled\tInjured\nJuly\t1\t3\nAugust\t0\t2"
    records = [r for r in extract(text, "2024-10-03") if r["kind"] == "casualties"]
    assert [
        (r["period_start"], r["killed"], r["injured"], r["total_victims"]) for r in records
    ] == [
        ("2023-07-01", 1, 3, 4),
        ("2023-08-01", 0, 2, 2),
    ]


def test_a_casualty_table_without_mines_in_its_caption_or_header_is_not_read():
    text = "Road accidents in 2024\nMonth\tKilled\tInjured\nJuly\t10\t31\nAugust\t8\t22"
    assert extract(text, "2024-10-03") == []


def test_a_table_of_map_handovers_gives_a_record_per_row():
    text = "| Date | District | Mines on maps |\n|---|---|---|\n"
    text += "| 12.06.2021 | Aghdam | 97,000 |\n| 03.07.2021 | Fuzuli, Zangilan | 92,000 |"
    records = extract(text, "2024-10-14")
    assert [(r["kind"], r["date"], r["mines_covered"], r["districts"]) for r in records] == [
        ("maps", "2021-06-12", 97000, ["Aghdam"]),
        ("maps", "2021-07-03", 92000, ["Fuzuli", "Zangilan"]),
    ]


def test_a_table_of_plans_is_no_result():
    text = "Clearance plan for 2025\nDistrict | AP | Area (ha)\nAghdam | 400 | 5,000"
    assert clearance(text) == []


def test_provinces_of_other_countries_are_kept_as_written():
    text = "Ukraine, demining results for 7-13 October 2024\n"
    text += "Oblast | Explosive items | Area (ha)\nKharkiv | 1,200 | 300\nKherson | 800 | 120"
    records = clearance(text)
    assert [(r["districts"], r["items_total"]) for r in records] == [
        (["Kharkiv"], 1200),
        (["Kherson"], 800),
    ]


def test_prose_around_a_table_is_still_read():
    text = "From 30 September to 6 October, deminers found 12 anti-tank mines.\n\n" + TWO_WEEKS
    text += "\nIn addition, 1,000 hectares were cleared in Lachin on 8 October."
    records = clearance(text)
    assert len(records) == 4
    assert records[0]["anti_tank"] == 12 and records[0]["period_end"] == "2024-10-06"
    assert records[1]["evidence"]["text"].startswith("| 30.09")
    assert records[-1]["area_ha"] == 1000 and records[-1]["districts"] == ["Lachin"]


def test_a_table_of_a_saved_web_page_is_read(tmp_path):
    # trafilatura writes an HTML table as pipe rows; the caption above dates it
    page = tmp_path / "weekly.html"
    page.write_text(
        "<html><head><title>Weekly results</title></head><body><article>"
        "<h1>Weekly results of demining, 7-13 October 2024</h1>"
        "<p>The agency published the results of its work in the liberated territories for the"
        " past week. The figures by district are given below in a table by the press office.</p>"
        "<table><tr><th>District</th><th>AP mines</th><th>AT mines</th><th>UXO</th></tr>"
        "<tr><td>Aghdam</td><td>40</td><td>10</td><td>200</td></tr>"
        "<tr><td>Fuzuli</td><td>101</td><td>54</td><td>425</td></tr>"
        "<tr><td>Total</td><td>141</td><td>64</td><td>625</td></tr></table>"
        "<p>Work continues in all districts, the agency added in its statement.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    ((_doc, records),) = list(extract_documents([page]))
    (record,) = records
    assert (record["anti_personnel"], record["anti_tank"], record["uxo"]) == (141, 64, 625)
    assert (record["period_start"], record["period_end"]) == ("2024-10-07", "2024-10-13")
    assert record["districts"] == ["Aghdam", "Fuzuli"]


# --- shapes of real tables (a second, adversarial read) ----------------------------------


def test_an_empty_cell_of_a_tab_row_is_kept_and_aligning_tabs_are_not_cells():
    text = "Week 7-13 October 2024\nDistrict\tAP\tAT\tUXO\nFuzuli\t12\t\t54\nAghdam\t3\t1\t20"
    assert [(r["districts"], r["anti_tank"], r["uxo"]) for r in clearance(text)] == [
        (["Fuzuli"], None, 54),
        (["Aghdam"], 1, 20),
    ]


@pytest.mark.parametrize("total", ["Grand total", "In total", "**Total**", "TOTAL:"])
def test_total_rows_are_known_in_their_usual_spellings(total):
    (record,) = clearance(WEEK_BY_DISTRICT.replace("Total |", f"{total} |"))
    assert record["anti_personnel"] == 141 and record["districts"] == [
        "Aghdam",
        "Fuzuli",
        "Jabrayil",
    ]


def test_a_header_repeated_after_a_page_break_is_no_row():
    lines = WEEK_BY_DISTRICT.split("\n")
    (record,) = clearance("\n".join([*lines[:3], lines[1], *lines[3:]]))
    assert record["districts"] == ["Aghdam", "Fuzuli", "Jabrayil"] and record["flags"] == []


def test_a_column_of_row_numbers_is_no_label_and_a_total_may_stand_in_any_label_cell():
    text = "Results for 7-13 October 2024\n| No. | District | AP | AT |\n|---|---|---|---|\n"
    text += "| 1 | Aghdam | 40 | 10 |\n| 2 | Fuzuli | 101 | 54 |\n|  | Total | 141 | 64 |"
    (record,) = clearance(text)
    assert (record["anti_personnel"], record["districts"]) == (141, ["Aghdam", "Fuzuli"])


def test_rows_of_operators_are_operators_not_districts():
    text = "Results for 7-13 October 2024\n| Operator | AP | UXO |\n"
    text += "| ANAMA | 100 | 500 |\n| Ministry of Defence | 41 | 125 |\n| Total | 141 | 625 |"
    (record,) = clearance(text)
    assert (record["operators"], record["districts"]) == (["ANAMA", "MoD"], [])


def test_a_running_total_column_gives_way_to_the_periods_and_is_no_label():
    text = "Results for 7-13 October 2024\n| District | AP mines | AP mines, total to date |\n"
    text += "| Aghdam | 38 | 12,382 |\n| Fuzuli | 20 | 6,480 |"
    records = clearance(text)
    assert [(r["districts"], r["anti_personnel"]) for r in records] == [
        (["Aghdam"], 38),
        (["Fuzuli"], 20),
    ]


def test_two_columns_of_one_field_are_garbled_not_guessed():
    text = "Results for 7-13 October 2024\n| District | AP | Anti-personnel mines |\n"
    text += "| Aghdam | 38 | 40 |"
    (record,) = clearance(text)
    assert record["anti_personnel"] is None and "anti_personnel_repeated" in record["flags"]


@pytest.mark.parametrize(
    "header", ["Area still to be cleared (km²)", "Hazardous area (ha)", "Anti-tank mine rollers"]
)
def test_columns_of_what_remains_or_of_equipment_are_neither_figures_nor_labels(header):
    text = f"Results for 7-13 October 2024\n| District | AP | {header} |\n| Lachin | 12 | 640 |"
    (record,) = clearance(text)
    assert (record["anti_personnel"], record["area_ha"], record["anti_tank"]) == (12, None, None)
    assert record["districts"] == ["Lachin"]


def test_mines_and_uxo_in_one_header_is_the_items_total():
    text = "Results for 7-13 October 2024\n| District | Mines and UXO | Area (ha) |\n"
    text += "| Aghdam | 432 | 100 |"
    (record,) = clearance(text)
    assert (record["items_total"], record["uxo"]) == (432, None)


@pytest.mark.parametrize(
    ("header", "cell", "area_ha"),
    [
        ("Area (thousand ha)", "51.9", 51_900),
        ("Area (mln m²)", "7.3", 730),
        ("Area", "112.4 ha", 112.4),
    ],
)
def test_a_scale_with_the_unit_and_a_unit_in_the_cell_are_read(header, cell, area_ha):
    text = f"Results by year\n| Year | {header} | UXO |\n| 2023 | {cell} | 10 |"
    (record,) = clearance(text, "2024-10-14")
    assert record["area_ha"] == pytest.approx(area_ha)
    assert record["period_start"] == "2023-01-01"


def test_casualty_headers_name_their_group_in_either_order():
    text = "Mine victims in 2024\n| Month | Killed civilians | Injured servicemen |\n"
    text += "| July | 3 | 7 |"
    (record,) = [r for r in extract(text, "2024-10-03") if r["kind"] == "casualties"]
    assert (record["civilian_killed"], record["military_injured"]) == (3, 7)


def test_rows_of_civilians_and_servicemen_are_parts_of_one_statement():
    text = "Mine victims, January–June 2024\n| Category | Killed | Injured |\n|---|---|---|\n"
    text += "| Civilians | 5 | 14 |\n| Servicemen | 3 | 9 |"
    with_total = text + "\n| Total | 8 | 23 |"
    for source, qualifier in ((with_total, None), (text, "sum_of_parts")):
        (record,) = [r for r in extract(source, "2024-07-02") if r["kind"] == "casualties"]
        assert (record["killed"], record["injured"], record["total_victims"]) == (8, 23, 31)
        assert (record["civilian_killed"], record["military_injured"]) == (5, 9)
        assert record["qualifiers"].get("killed") == qualifier
        assert record["period_start"] == "2024-01-01"


def test_a_total_column_of_item_types_is_the_items_total():
    text = "Results of 15-21 April 2024\n| District | AP | AT | UXO | Total |\n"
    text += "| Gubadli | 10 | 3 | 57 | 70 |\n| Total | 10 | 3 | 57 | 70 |"
    (record,) = clearance(text)
    assert record["items_total"] == 70 and record["flags"] == []


def test_columns_of_change_or_share_are_no_period_and_value_columns_take_the_caption_period():
    text = "Weekly comparison\n| Item | 14-20 Oct 2024 | 7-13 Oct 2024 | Change |\n"
    text += "| AP mines | 156 | 141 | +15 |"
    assert [r["anti_personnel"] for r in clearance(text)] == [156, 141]
    text = "Key figures, 26 August – 1 September 2024\n| Indicator | Value | Unit |\n"
    text += "| Anti-personnel mines | 87 | pcs |\n| Area cleared | 1,046.3 | ha |"
    (record,) = clearance(text)
    assert (record["anti_personnel"], record["area_ha"]) == (87, 1046.3)
    assert record["period_start"] == "2024-08-26"


def test_a_caption_that_compares_with_the_plan_still_heads_results():
    text = "Clearance in 2024 against the annual plan\n| District | Area planned (ha) | "
    text += "Area cleared (ha) |\n| Aghdam | 15,000 | 14,210.3 |\n| Total | 15,000 | 14,210.3 |"
    (record,) = clearance(text, "2025-01-16")
    assert (record["area_ha"], record["period_start"]) == (14210.3, "2024-01-01")


def test_district_rows_of_each_period_with_their_total_give_one_record_a_period():
    text = "| Period | District | AP | UXO |\n|---|---|---|---|\n"
    text += "| 11-17 Nov 2024 | Aghdam | 10 | 40 |\n| 11-17 Nov 2024 | Fuzuli | 5 | 20 |\n"
    text += "| 11-17 Nov 2024 | Total | 15 | 60 |"
    (record,) = clearance(text, "2024-11-18")
    assert (record["anti_personnel"], record["districts"]) == (15, ["Aghdam", "Fuzuli"])
    assert record["period_start"] == "2024-11-11"


def test_a_table_repeating_the_figures_of_a_sentence_is_the_same_statement():
    text = "From 7 to 13 October 2024, 141 anti-personnel mines, 64 anti-tank mines and 625 "
    text += "UXO were found.\n\n" + WEEK_BY_DISTRICT
    (record,) = clearance(text)
    assert record["evidence"]["text"].startswith("From 7 to 13 October")
    assert record["districts"] == ["Aghdam", "Fuzuli", "Jabrayil"]


def test_the_accuracy_of_maps_is_read_from_its_column():
    text = "| Date | Maps | Mines on maps | Accuracy (%) |\n|---|---|---|---|\n"
    text += "| 12.06.2021 | 97 | 97,000 | 25% |"
    (record,) = [r for r in extract(text, "2024-10-14") if r["kind"] == "maps"]
    assert (record["date"], record["maps"], record["accuracy_pct"]) == ("2021-06-12", 97, 25)


def test_a_year_in_a_header_or_caption_dates_the_table():
    text = "| Province | Mines found in 2024 |\n|---|---|\n| Battambang | 1,200 |"
    (record,) = clearance(text, "2025-01-10")
    assert (record["period_start"], record["mines_total"], record["districts"]) == (
        "2024-01-01",
        1200,
        ["Battambang"],
    )


# --- a third read: making the rules of the second misfire --------------------------------


def test_a_table_row_like_a_sentence_of_another_district_or_with_fewer_figures_stays():
    prose = "From 7 to 13 October 2024, 20 anti-personnel and 4 anti-tank mines were found in "
    prose += "Fuzuli.\n\n"
    table = "Results for 7-13 October 2024\n| District | AP | AT |\n| Lachin | 20 | 4 |\n"
    table += "| Tartar | 20 | - |"
    records = clearance(prose + table)
    assert [(r["districts"], r["anti_personnel"], r["anti_tank"]) for r in records] == [
        (["Fuzuli"], 20, 4),
        (["Lachin"], 20, 4),
        (["Tartar"], 20, None),
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "Planned results for 2025",
        "Expected results for 2025",
        "Areas that will be cleared in 2025",
        "Clearance plan for 2025\n\nSource: ANAMA",
    ],
)
def test_a_table_of_plans_gives_no_record_and_its_lines_are_not_read_as_sentences(caption):
    text = f"{caption}\n| District | AP mines | Area (ha) |\n| Aghdam | 400 | 3,000 |\n"
    text += "| Tartar | 100 | 800 |"
    assert clearance(text, "2024-12-20") == []


def test_the_actual_column_of_a_plan_and_actual_table_is_read():
    text = "Implementation of the 2024 work plan\n| Indicator | 2024 plan | 2024 actual |\n"
    text += "|---|---|---|\n| Area cleared (ha) | 60,000 | 62,023.9 |\n| AP mines | 5,000 | 4,812 |"
    (record,) = clearance(text, "2025-01-20")
    assert (record["period_start"], record["area_ha"], record["anti_personnel"]) == (
        "2024-01-01",
        62023.9,
        4812,
    )


def test_running_totals_give_way_to_the_periods_figures_or_date_a_table_of_their_own():
    text = "Results for 14-20 October 2024\n| District | AP | UXO (cumulative since 2020) |\n"
    text += "| Aghdam | 12 | 24,000 |"
    (record,) = clearance(text, "2024-10-21")
    assert (record["anti_personnel"], record["uxo"]) == (12, None)
    text = "| District | AP mines since 2020 | UXO since 2020 |\n| Aghdam | 5,100 | 24,000 |"
    (record,) = clearance(text, "2024-10-15")
    assert (record["period_start"], record["period_end"]) == ("2020-11-10", "2024-10-15")
    assert record["uxo"] == 24000


def test_a_this_week_column_takes_the_captions_week():
    text = "Results for 14-20 October 2024\n| Item | This week | Since January |\n"
    text += "| AP mines | 12 | 3,400 |"
    records = clearance(text, "2024-10-22")
    assert [(r["period_start"], r["period_end"], r["anti_personnel"]) for r in records] == [
        ("2024-10-14", "2024-10-20", 12),
        ("2024-01-01", "2024-10-20", 3400),  # the running total, as stated
    ]


def test_columns_and_rows_of_changes_shares_and_averages_are_no_figures():
    text = "Results by week, October 2024\n| Week | AP mines | AP mines, change vs previous week"
    text += " | Share of total area, % |\n| 7-13 Oct 2024 | 141 | +12 | 40% |\n"
    text += "| 14-20 Oct 2024 | 120 | -21 | 35% |\n| Change | -21 | | |\n| Average | 130 | | |"
    records = clearance(text, "2024-10-22")
    assert [(r["period_start"], r["anti_personnel"], r["flags"]) for r in records] == [
        ("2024-10-07", 141, []),
        ("2024-10-14", 120, []),
    ]


def test_rows_of_week_numbers_are_iso_weeks():
    text = "Weekly results, 2024\n| Week | AP | UXO |\n| 41 | 91 | 301 |\n| 42 | 88 | 280 |"
    records = clearance(text, "2024-10-22")
    assert [(r["period_start"], r["period_end"]) for r in records] == [
        ("2024-10-07", "2024-10-13"),
        ("2024-10-14", "2024-10-20"),
    ]


def test_a_header_under_a_table_of_the_same_width_starts_another_table():
    text = "| District | AP | AT |\n| Aghdam | 12 | 3 |\n| Period | AP | AT |\n"
    text += "| September 2024 | 400 | 90 |"
    assert [(t.header[0].text, len(t.rows)) for t in find_tables(text)] == [
        ("District", 1),
        ("Period", 1),
    ]


def test_a_casualty_table_is_of_mines_by_its_caption_or_the_headline_not_by_a_comparison():
    table = "\n| Month | Killed | Injured |\n| January 2024 | 12 | 40 |"
    roads = "For comparison, road accidents in the region killed far more people than mines did:"
    assert [r for r in extract(roads + table, "2024-03-10") if r["kind"] == "casualties"] == []
    text = "Mine victims since the end of the war\n\nThe threat remains.\n\nBreakdown:" + table
    (record,) = [r for r in extract(text, "2024-03-10") if r["kind"] == "casualties"]
    assert (record["killed"], record["injured"]) == (12, 40)


def test_a_total_killed_column_is_the_killed():
    text = "Mine victims in 2024\n| Month | Civilians killed | Servicemen killed | Total killed |"
    text += "\n| July | 3 | 1 | 4 |"
    (record,) = [r for r in extract(text, "2024-10-03") if r["kind"] == "casualties"]
    assert (record["killed"], record["civilian_killed"], record["military_killed"]) == (4, 3, 1)


def test_mines_in_a_table_of_maps_are_the_mines_the_maps_cover():
    text = "Maps handed over on 5 June 2021\n| District | Maps | Mines |\n| Aghdam | 97 | 550 |"
    records = extract(text, "2021-06-10")
    assert [(r["kind"], r["maps"], r["mines_covered"]) for r in records] == [("maps", 97, 550)]


def test_footnote_marks_in_headers_and_cells_are_no_part_of_them():
    text = (
        "Results for 7-13 October 2024\n| District | AP mines¹ | AT mines | Area cleared, ha [1] |"
    )
    text += "\n| Aghdam | 141 | 64¹ | 450.2 |"
    (record,) = clearance(text)
    assert (record["anti_personnel"], record["anti_tank"], record["area_ha"]) == (141, 64, 450.2)


def test_a_unit_column_gives_the_unit_of_a_row():
    text = "Results for 7-13 October 2024\n| District | Area cleared | Unit |\n"
    text += "| Aghdam | 1.2 | km² |\n| Fuzuli | 5,000 | m² |"
    assert [r["area_ha"] for r in clearance(text)] == [120.0, 0.5]


def test_a_table_in_a_list_item_and_its_sub_rows():
    text = "Results for 7-13 October 2024\n- | District | AP | UXO |\n- |---|---|---|\n"
    text += "- | Aghdam | 40 | 200 |\n- | incl. Aghdam city | 10 | 50 |\n- | Fuzuli | 101 | 425 |\n"
    text += "- | Total | 141 | 625 |"
    (record,) = clearance(text)
    assert (record["anti_personnel"], record["districts"], record["flags"]) == (
        141,
        ["Aghdam", "Fuzuli"],
        [],
    )


def test_columns_of_districts_give_the_total_columns_record_with_them():
    text = "Results for 14-20 October 2024\n| Item | Aghdam | Fuzuli | Total |\n"
    text += "| AP mines | 30 | 12 | 42 |\n| AT mines | 5 | 2 | 7 |"
    (record,) = clearance(text, "2024-10-21")
    assert (record["anti_personnel"], record["districts"]) == (42, ["Aghdam", "Fuzuli"])


def test_a_header_on_two_lines_is_one():
    text = "Results for 14-20 October 2024\n| District | Mines | Mines | UXO |\n"
    text += "|  | anti-personnel | anti-tank |  |\n|---|---|---|---|\n| Aghdam | 12 | 3 | 40 |"
    (record,) = clearance(text, "2024-10-21")
    assert (record["anti_personnel"], record["anti_tank"], record["uxo"]) == (12, 3, 40)


def test_qualified_cells_keep_their_qualifier():
    text = "Results for 14-20 October 2024\n| District | AP | UXO |\n| Aghdam | >100 | about 50 |"
    (record,) = clearance(text, "2024-10-21")
    assert (record["anti_personnel"], record["uxo"]) == (100, 50)
    assert record["qualifiers"] == {"anti_personnel": "more_than", "uxo": "about"}


def test_a_table_of_one_figure_a_row_groups_its_rows_by_their_labels():
    text = "Results for 14-20 October 2024\n| District | Item | Number |\n|---|---|---|\n"
    text += "| Aghdam | AP mines | 12 |\n| Aghdam | AT mines | 3 |\n"
    text += "| Fuzuli | Area cleared (ha) | 8.5 |"
    records = clearance(text, "2024-10-21")
    assert [
        (r["districts"], r["anti_personnel"], r["anti_tank"], r["area_ha"]) for r in records
    ] == [
        (["Aghdam"], 12, 3, None),
        (["Fuzuli"], None, None, 8.5),
    ]
    assert all(r["period_start"] == "2024-10-14" for r in records)


# --- a fourth read: whole reports, and tables of saved pages -----------------------------


def write_page(tmp_path, body: str):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="date" content="2024-10-22"></head><body><article>'
        "<h1>Weekly results</h1><p>The agency published its weekly figures for the districts "
        f"of the southern sector on Tuesday, as it does every week.</p>{body}"
        "</article></body></html>",
        encoding="utf-8",
    )
    ((_doc, records),) = list(extract_documents([page]))
    return records


def test_a_caption_element_of_a_saved_page_dates_its_table(tmp_path):
    (record,) = write_page(
        tmp_path,
        "<table><caption>Results, 14-20 October 2024</caption>"
        "<tr><th>District</th><th>AP mines</th><th>UXO</th></tr>"
        "<tr><td>Aghdam</td><td>20</td><td>140</td></tr>"
        "<tr><td>Total</td><td>20</td><td>140</td></tr></table>",
    )
    assert (record["period_start"], record["anti_personnel"]) == ("2024-10-14", 20)


def test_a_group_header_spanning_two_columns_of_a_saved_page(tmp_path):
    (record,) = write_page(
        tmp_path,
        "<p>Results, 14-20 October 2024</p><table>"
        '<tr><th>District</th><th colspan="2">Mines</th><th>UXO</th></tr>'
        "<tr><th></th><th>AP</th><th>AT</th><th></th></tr>"
        "<tr><td>Aghdam</td><td>20</td><td>5</td><td>140</td></tr></table>",
    )
    assert (record["anti_personnel"], record["anti_tank"], record["uxo"]) == (20, 5, 140)


def test_operators_of_other_countries_are_kept_as_written_under_an_operator_header():
    text = "Clearance by operator, 2023\n| Operator | AP mines | UXO |\n| MAG | 471 | 1,102 |\n"
    text += "| NPA | 290 | 735 |\n| Total | 761 | 1,837 |"
    (record,) = clearance(text, "2024-05-02")
    assert (record["operators"], record["districts"]) == (["MAG", "NPA"], [])


def test_subtotals_and_remainders_are_neither_rows_nor_places():
    text = "Results for 7-13 October 2024\n| District | AP | UXO |\n| Aghdam | 40 | 10 |\n"
    text += "| Fuzuli | 60 | 20 |\n| Liberated territories, total | 100 | 30 |\n"
    text += "| Other districts | 5 | 1 |\n| Total | 105 | 31 |"
    (record,) = clearance(text)
    assert (record["anti_personnel"], record["districts"], record["flags"]) == (
        105,
        ["Aghdam", "Fuzuli"],
        [],
    )


def test_a_year_in_the_caption_comes_before_a_period_stated_further_up():
    text = "The agency began work in the province in 1994.\n\n2023 results\n"
    text += "| Province | Minefields cleared | Area (ha) |\n| Huambo | 12 | 340 |"
    (record,) = clearance(text, "2024-03-01")
    assert (record["period_start"], record["area_ha"]) == ("2023-01-01", 340)


def test_rows_of_victims_killed_and_injured_under_year_columns():
    text = "Key indicators\n| Indicator | 2022 | 2023 |\n| Mine victims, killed | 12 | 9 |\n"
    text += "| Mine victims, injured | 30 | 25 |"
    records = [r for r in extract(text, "2024-02-01") if r["kind"] == "casualties"]
    assert [(r["period_start"], r["killed"], r["injured"]) for r in records] == [
        ("2022-01-01", 12, 30),
        ("2023-01-01", 9, 25),
    ]


def test_an_inspected_or_surveyed_area_is_no_cleared_area():
    text = "Results for 7-13 October 2024\n| District | Area inspected (ha) | AP |\n"
    text += "| Aghdam | 5,000 | 12 |"
    (record,) = clearance(text)
    assert (record["area_ha"], record["anti_personnel"]) == (None, 12)


def test_a_list_of_news_with_pipes_gives_no_record():
    text = "MOST READ\n| # | Title | Views |\n|---|---|---|\n"
    text += "| 1 | Armenia hands over 5 more minefield maps | 2,554 |\n"
    text += "| 2 | ANAMA: 3,900 hectares cleared in November | 3,018 |"
    assert extract(text, "2024-12-17") == []


def test_week_rows_crossing_into_the_month_of_publication_end_in_it():
    text = "The agency's report for October 2024 gives each week that began in October.\n\n"
    text += "Weekly results (dd.mm)\n| Week | AP mines | UXO |\n| 21.10-27.10 | 102 | 512 |\n"
    text += "| 28.10-03.11 | 95 | 430 |"
    records = clearance(text, "2024-11-05")
    assert [r["period_end"] for r in records] == ["2024-10-27", "2024-11-03"]


def test_a_table_telling_again_what_a_sentence_or_another_table_tells_is_one_record():
    lead = "In the week of 3-9 February 2025, a total of 612 explosive items were found, the "
    lead += "agency reported.\n\n| District | AP mines | AT mines | UXO |\n|---|---|---|---|\n"
    lead += "| Fuzuli | 51 | 13 | 352 |\n| Zangilan | 11 | 2 | 183 |\n| Total | 62 | 15 | 535 |"
    (record,) = clearance(lead, "2025-02-11")
    assert (record["items_total"], record["anti_personnel"], record["uxo"]) == (612, 62, 535)
    assert record["districts"] == ["Fuzuli", "Zangilan"] and record["flags"] == []
    assert (
        record["evidence"]["text"].startswith("In the week")
        and "| Total |" in (record["evidence"]["text"])
    )
    # parts that do not make the total: two statements
    assert len(clearance(lead.replace("612", "700"), "2025-02-11")) == 2
    # one week's table by district and by operator
    text = "Weekly results, 2-8 September 2024\n| District | AP | UXO |\n| Aghdam | 40 | 150 |\n"
    text += "| Total | 40 | 150 |\n\nBy operator:\n| Operator | AP | UXO |\n| ANAMA | 40 | 150 |\n"
    text += "| Total | 40 | 150 |"
    (record,) = clearance(text, "2024-09-10")
    assert (record["districts"], record["operators"]) == (["Aghdam"], ["ANAMA"])


# --- a fifth read: the merging of tables with sentences ----------------------------------

TABLE_612 = "| District | AP mines | AT mines | UXO |\n|---|---|---|---|\n"
TABLE_612 += "| Aghdam | 30 | 8 | 300 |\n| Fuzuli | 32 | 7 | 235 |\n| Total | 62 | 15 | 535 |"


@pytest.mark.parametrize(
    "sentence",
    [
        # another operator's figure, dated or not
        "From 14 to 20 October, the Ministry of Emergency Situations neutralised 612 "
        "explosive items across the country.\n\nANAMA results, 14-20 October 2024\n",
        "Results, 14-20 October 2024\n" + TABLE_612 + "\n\nSeparately, the Ministry of "
        "Emergency Situations destroyed 612 explosive items handed in by residents.\n",
        # a period the date reader does not read is no absence of one
        "In the same week of 2023, 612 explosive items were found.\n\nResults, 14-20 "
        "October 2024\n",
        # a shared figure with a total the table's parts contradict
        "From 14 to 20 October, 700 explosive items were found, including 62 anti-personnel "
        "mines.\n\nResults, 14-20 October 2024\n",
    ],
)
def test_a_table_merges_with_no_sentence_of_another_operator_period_or_total(sentence):
    text = sentence if TABLE_612 in sentence else sentence + TABLE_612
    records = clearance(text, "2024-10-22")
    assert len(records) == 2
    (table,) = [r for r in records if r["anti_tank"] == 15]
    assert table["items_total"] is None and table["districts"] == ["Aghdam", "Fuzuli"]


def test_remainders_region_totals_and_relative_week_rows():
    text = "Results, 14-20 October 2024\n| Operator | AP |\n| ANAMA | 40 |\n| Other operators | 2 |"
    text = text.replace("| AP |", "| AP | UXO |").replace("40 |", "40 | 5 |")
    text = text.replace("2 |", "2 | 1 |")
    assert [r["operators"] for r in clearance(text, "2024-10-22")] == [["ANAMA"], []]
    text = "Results, 14-20 October 2024\n| District | AP | UXO |\n| Aghdam | 10 | 5 |\n"
    text += "| Total for Karabakh region | 10 | 5 |\n| Lachin | 2 | 1 |\n"
    text += "| Total for East Zangezur | 2 | 1 |\n| Total | 12 | 6 |"
    (record,) = clearance(text, "2024-10-22")
    assert (record["anti_personnel"], record["districts"], record["flags"]) == (
        12,
        ["Aghdam", "Lachin"],
        [],
    )
    text = "Results, 14-20 October 2024\n| Week | AP | UXO |\n| This week | 12 | 40 |\n"
    text += "| Previous week | 9 | 31 |"
    records = clearance(text, "2024-10-22")
    assert [(r["period_start"], r["anti_personnel"], r["districts"]) for r in records] == [
        ("2024-10-14", 12, []),
        ("2024-10-07", 9, []),
    ]


def test_month_rows_under_a_years_caption_keep_its_year_after_new_year():
    text = "Mine victims by month, 2024\n| Month | Killed | Injured |\n| January | 1 | 2 |\n"
    text += "| December | 0 | 3 |"
    records = [r for r in extract(text, "2025-01-10") if r["kind"] == "casualties"]
    assert [r["period_start"] for r in records] == ["2024-01-01", "2024-12-01"]


@pytest.mark.parametrize(
    ("caption", "read"),
    [
        ("Mine accidents by month, 2024", True),
        ("Landmine victims in the war-affected districts, 2024", True),
        ("Victims of explosive remnants of the war, 2024", True),
        ("Prostheses provided to mine victims, 2024", False),
        ("Road accidents in the districts, 2024", False),
    ],
)
def test_casualty_tables_of_mine_harm_but_not_of_help_or_other_harm(caption, read):
    text = f"{caption}\n| Month | Killed | Injured |\n| March | 1 | 2 |"
    records = [r for r in extract(text, "2024-10-01") if r["kind"] == "casualties"]
    assert bool(records) is read


def test_a_week_and_a_year_to_date_column_and_a_sentence_after_the_table():
    text = (
        "From 4 to 10 November 2024, 98 anti-personnel mines and 35 anti-tank mines were "
        "found, and 960.4 hectares were cleared.\n\n"
        "| Indicator | 4-10 November 2024 | Since 1 January 2024 |\n"
        "|---|---|---|\n"
        "| AP mines | 98 | 4,702 |\n"
        "| AT mines | 35 | 1,377 |\n"
        "| Area cleared (ha) | 960.4 | 50,911.2 |\n\n"
        "Work on the road to Lachin and in the villages of Fuzuli goes on.\n"
    )
    week, to_date = clearance(text, "2024-11-12")
    assert (week["period_start"], week["period_end"]) == ("2024-11-04", "2024-11-10")
    assert (week["anti_personnel"], week["area_ha"]) == (98, 960.4)
    assert week["districts"] == []  # the line after the table is not the week's
    # the year-to-date column ends with the week, not with the year a header names
    assert (to_date["period_start"], to_date["period_end"]) == ("2024-01-01", "2024-11-10")
    assert (to_date["anti_personnel"], to_date["area_ha"]) == (4702, 50911.2)

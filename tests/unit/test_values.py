"""Cited values: written deterministically, merged within a run, checked with clear messages."""

from __future__ import annotations

import json

import pytest

from research import values


def test_round_trip_is_sorted_indented_and_rounded(tmp_path):
    path = values.record_values(
        "02-clearance-trends.ipynb",
        {"total_area_ha": 0.1 + 0.2, "years": 3, "label": "2023", "final": True},
        folder=tmp_path,
    )
    assert path == tmp_path / "02-clearance-trends.json"
    text = path.read_text(encoding="utf-8")
    assert text == (
        '{\n  "final": true,\n  "label": "2023",\n  "total_area_ha": 0.3,\n  "years": 3\n}\n'
    )
    assert values.load_values("02-clearance-trends", folder=tmp_path) == json.loads(text)


def test_values_merge_within_a_run_and_a_new_run_starts_fresh(tmp_path, monkeypatch):
    values.record_values("nb", {"a": 1, "b": 2}, folder=tmp_path)
    values.record_values("nb", {"b": 3, "c": 4.5}, folder=tmp_path)
    assert values.load_values("nb", folder=tmp_path) == {"a": 1, "b": 3, "c": 4.5}
    monkeypatch.setattr(values, "_RECORDED", {})  # a new kernel: stale keys must not survive
    values.record_values("nb", {"c": 5}, folder=tmp_path)
    assert values.load_values("nb", folder=tmp_path) == {"c": 5}


def test_same_values_give_the_same_bytes(tmp_path):
    first = values.record_values("nb", {"x": 12345.678901234567, "y": 2}, folder=tmp_path / "1")
    second = values.record_values("nb", {"y": 2, "x": 12345.678901234567}, folder=tmp_path / "2")
    assert first.read_bytes() == second.read_bytes()
    assert values.load_values("nb", folder=tmp_path / "1")["x"] == 12345.6789


@pytest.mark.parametrize(
    ("bad", "error"),
    [({"x": float("nan")}, ValueError), ({"x": [1]}, TypeError), ({"a b": 1}, ValueError)],
)
def test_unrecordable_values_are_refused(tmp_path, bad, error):
    with pytest.raises(error):
        values.record_values("nb", bad, folder=tmp_path)


def test_load_values_names_the_notebook_to_run(tmp_path):
    with pytest.raises(FileNotFoundError, match="run the notebook '03-x'"):
        values.load_values("03-x", folder=tmp_path)


def test_assert_value_passes_within_tolerance():
    values.assert_value("area_ha", 100.0 + 1e-12, 100.0)
    values.assert_value("area_ha", 101.0, 100.0, rel=0.02)
    values.assert_value("label", "2023", "2023")


def test_assert_value_says_both_numbers_and_the_difference():
    with pytest.raises(AssertionError) as info:
        values.assert_value("area_2023_ha", 105.0, 100.0, rel=0.01)
    message = str(info.value)
    assert "area_2023_ha" in message
    assert "computed 105.0" in message and "the text says 100.0" in message
    assert "relative difference 0.0476 > tolerance 0.01" in message


def test_assert_value_compares_strings_exactly():
    with pytest.raises(AssertionError, match="computed '2024', but the text says '2023'"):
        values.assert_value("year", "2024", "2023")


def test_value_name_makes_free_text_safe():
    from research.values import value_name

    assert value_name("latest", "Civil society (appeal)", "all_victims") == (
        "latest_Civil_society_appeal_all_victims"
    )
    assert value_name("Prosecutor-General", 2024) == "Prosecutor-General_2024"

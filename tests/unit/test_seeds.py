"""The five founding documents: the records a careful reader would take from each.

The documents live in ../shared/seeds (outside the repository, never copied into it).
"""

from __future__ import annotations

import pytest

from research import extract
from research.documents import Document, read_documents
from research.paths import SEEDS

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"founding documents not available: {SEEDS} is absent"
)


def records_of(stem_prefix: str, kind: str) -> list[dict]:
    (path,) = sorted(SEEDS.glob(f"{stem_prefix}_*.txt"))
    (doc,) = list(read_documents([path]))
    assert isinstance(doc, Document), doc
    return [r for r in extract(doc.text, doc.published, doc=doc.id) if r["kind"] == kind]


def pick(records: list[dict], **where) -> dict:
    hits = [r for r in records if all(r[k] == v for k, v in where.items())]
    assert len(hits) == 1, (where, records)
    return hits[0]


def test_seed_000_weekly_statement_and_maps():
    (week,) = records_of("000", "clearance")
    assert (week["anti_personnel"], week["anti_tank"], week["uxo"]) == (26, 53, 378)
    assert week["area_ha"] == pytest.approx(2046.3)
    assert (week["period_start"], week["period_end"]) == ("2024-04-29", "2024-05-05")
    assert week["period_precision"] == "week"
    assert week["operators"] == ["ANAMA", "MoD", "MES", "SBS"]
    maps = records_of("000", "maps")
    handover = pick(maps, maps=8)
    assert handover["date"] == "2024-02-01"
    assert pick(maps, accuracy_pct=25)
    assert records_of("000", "casualties") == []


def test_seed_001_cumulative_statement_casualties_and_maps():
    (total,) = records_of("001", "clearance")
    assert (total["anti_personnel"], total["anti_tank"], total["uxo"]) == (17426, 8755, 22230)
    assert total["items_total"] == 48411
    assert total["area_ha"] == 18302
    assert (total["period_start"], total["period_end"]) == ("2020-11-10", "2021-10-15")
    assert total["period_precision"] == "cumulative"
    # The journalist's "more than 18 hectares" contradicts the quoted 18,302: kept visible.
    assert "area_ha_stated_inconsistently" in total["flags"]

    casualties = records_of("001", "casualties")
    quoted = pick(casualties, killed=33)
    assert (quoted["military_killed"], quoted["civilian_killed"], quoted["injured"]) == (7, 26, 139)
    loose = pick(casualties, total_victims=160)
    assert loose["qualifiers"]["total_victims"] == "about"

    maps = records_of("001", "maps")
    aghdam = pick(maps, mines_covered=97000)
    assert (aghdam["maps"], aghdam["district_codes"], aghdam["date"]) == (
        1,
        ["AZ-AGM"],
        "2021-06-12",
    )
    fuzuli = pick(maps, mines_covered=92000)
    assert fuzuli["district_codes"] == ["AZ-FUZ", "AZ-ZAN"]
    assert fuzuli["date"] == "2021-07-03"
    assert pick(maps, accuracy_pct=25)["date"] == "2021-08-14"


def test_seed_002_month_week_and_district_figure():
    records = records_of("002", "clearance")
    month = pick(records, period_precision="month")
    assert (month["anti_personnel"], month["anti_tank"], month["uxo"]) == (972, 1020, 1121)
    assert month["area_ha"] == pytest.approx(5264.14)
    assert (month["period_start"], month["period_end"]) == ("2023-08-01", "2023-08-31")
    assert len(month["district_codes"]) == 8
    week = pick(records, period_precision="week")
    assert (week["anti_personnel"], week["anti_tank"], week["uxo"]) == (256, 92, 71)
    assert week["area_ha"] == pytest.approx(528.1)
    assert (week["period_start"], week["period_end"]) == ("2023-08-21", "2023-08-27")
    kalbajar = pick(records, area_ha=4719)
    assert kalbajar["district_codes"] == ["AZ-KAL"]
    assert kalbajar["period_start"] == "2023-01-01"
    assert "MoD" in kalbajar["operators"]
    assert len(records) == 3


def test_seed_003_casualty_breakdown_and_no_clearance():
    assert records_of("003", "clearance") == []
    casualties = records_of("003", "casualties")
    tally = pick(casualties, total_victims=334)
    assert (tally["killed"], tally["injured"]) == (65, 269)
    assert (tally["civilian_killed"], tally["civilian_injured"]) == (50, 105)
    assert (tally["military_killed"], tally["military_injured"]) == (15, 164)
    assert (tally["period_start"], tally["period_end"]) == ("2020-11-10", "2023-10-26")
    assert tally["flags"] == []
    since_1991 = pick(casualties, total_victims=3413)
    assert since_1991["period_end"] != tally["period_end"] or since_1991["period_start"] is None
    # War deaths ("over 30,000 lost their lives") are not mine victims.
    assert not [r for r in casualties if r["killed"] == 30000]
    # the photo caption's incident: "a mine explosion killing 4 police officers on ..."
    caption = pick(casualties, killed=4)
    assert (caption["period_start"], caption["period_end"]) == ("2023-09-19", "2023-09-19")


def test_seed_004_war_news_has_no_clearance_but_mine_deaths():
    assert records_of("004", "clearance") == []
    casualties = records_of("004", "casualties")
    event = pick(casualties, civilian_killed=2)
    assert event["killed"] == 6
    assert pick(casualties, total_victims=300)["qualifiers"]["total_victims"] == "more_than"

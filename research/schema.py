"""The curated raw tables: one declaration of every column, used to read, validate and
describe them (the Frictionless `datapackage.json` is generated from it)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

PRECISIONS = ("day", "week", "month", "quarter", "year", "cumulative", "other")
CLEARANCE_SCOPES = (
    "all_operators",
    "anama_only",
    "unspecified",
    "mod",
    "mes",
    "sbs",
    "companies",
)
QUALIFIERS = ("more_than", "about", "nearly", "at_least", "at_most")
FLAG_PATTERN = r"[a-z0-9_]+(;[a-z0-9_]+)*"
IDS_PATTERN = r"[A-Za-z0-9_.-]+(;[A-Za-z0-9_.-]+)*"


@dataclass(frozen=True)
class Field:
    """One column: its type, whether it may be empty, and what values it allows."""

    name: str
    type: str  # string | integer | number | date
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    minimum: float | None = None
    pattern: str | None = None  # the whole value must match (Frictionless semantics)

    @property
    def dtype(self) -> pl.DataType:
        return {
            "string": pl.String,
            "integer": pl.Int64,
            "number": pl.Float64,
            "date": pl.Date,
        }[self.type]()


@dataclass(frozen=True)
class Table:
    """One CSV file of data/raw."""

    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _count(name: str, what: str) -> Field:
    return Field(name, "integer", what, minimum=0)


_STATEMENT = (
    Field("statement_id", "string", "Stable identifier of the statement.", required=True),
    Field(
        "version",
        "string",
        "a, b, ...: one row per distinct set of figures when outlets disagree.",
        required=True,
        pattern=r"[a-z]",
    ),
    Field(
        "report_ids",
        "string",
        "';'-separated report_id values of the reports carrying it.",
        required=True,
        pattern=IDS_PATTERN,
    ),
)
_PERIOD = (
    Field("period_start", "date", "First day the figures cover (cumulative: the start)."),
    Field("period_end", "date", "Last day the figures cover (cumulative: the as-of date)."),
    Field("period_precision", "string", "Kind of period.", required=True, enum=PRECISIONS),
    Field("cumulative_since", "date", "Start of a cumulative figure, else empty."),
)
_TAIL = (
    Field(
        "qualifier",
        "string",
        "more_than, about, nearly, at_least, at_most; empty = exact.",
        enum=QUALIFIERS,
    ),
    Field(
        "flags", "string", "';'-separated anomaly codes (empty when none).", pattern=FLAG_PATTERN
    ),
    Field("note", "string", "The curator's note, in their own words."),
)

REPORTS = Table(
    "reports",
    "One row per published report (a web page) that states figures.",
    (
        Field("report_id", "string", "Stable identifier.", required=True, pattern=r"[a-z0-9-]+"),
        Field("url", "string", "Address of the report.", required=True, pattern=r"https?://\S+"),
        Field("outlet", "string", "Outlet that published it.", required=True),
        Field("published", "date", "Publication date, when shown."),
        Field("language", "string", "ISO 639-1 language code.", pattern=r"[a-z]{2}"),
        Field("title", "string", "Headline as published."),
        Field("publisher", "string", "Who is quoted as the source of the figures."),
        Field("retrieved", "date", "When the curator read it.", required=True),
    ),
    ("report_id",),
)

CLEARANCE = Table(
    "clearance",
    "Clearance results: one row per statement version (a set of figures for one period).",
    (
        *_STATEMENT,
        *_PERIOD,
        Field(
            "scope", "string", "Operators the figure covers.", required=True, enum=CLEARANCE_SCOPES
        ),
        _count("anti_personnel", "Anti-personnel mines found and neutralised."),
        _count("anti_tank", "Anti-tank mines found and neutralised."),
        _count("uxo", "Unexploded ordnance found and neutralised."),
        _count("mines_total_stated", "Total mines as stated."),
        _count("items_total_stated", "Total items (mines and UXO) as stated."),
        Field(
            "area_ha",
            "number",
            "Area cleared, hectares (converted from the unit stated).",
            minimum=0,
        ),
        Field("area_as_stated", "string", "The area exactly as written."),
        Field("area_unit", "string", "Unit as stated.", enum=("ha", "m2", "km2")),
        *_TAIL[:1],
        Field("district_codes", "string", "';'-separated ISO 3166-2:AZ codes (AZ-X-AGD: Aghdara)."),
        Field(
            "districts", "string", "';'-separated canonical district names (as written if unknown)."
        ),
        Field(
            "district_level",
            "string",
            "Figures for one district, or for all listed together.",
            enum=("whole_territory", "per_district"),
        ),
        Field(
            "status",
            "string",
            "provisional when published before the period closed.",
            required=True,
            enum=("final", "provisional"),
        ),
        *_TAIL[1:],
    ),
    ("statement_id", "version"),
)

CASUALTIES = Table(
    "casualties",
    "Mine victim tallies: one row per statement version.",
    (
        *_STATEMENT,
        Field("publisher", "string", "Who published the tally.", required=True),
        Field(
            "scope",
            "string",
            "Who is counted.",
            required=True,
            enum=("civilians_only", "all_victims", "military_only", "unspecified"),
        ),
        Field(
            "region",
            "string",
            "Where.",
            required=True,
            enum=("liberated_territories", "all_azerbaijan", "unspecified"),
        ),
        *_PERIOD,
        _count("killed", "People killed."),
        _count("injured", "People injured."),
        _count("civilian_killed", "Civilians killed."),
        _count("civilian_injured", "Civilians injured."),
        _count("military_killed", "Military personnel killed."),
        _count("military_injured", "Military personnel injured."),
        _count("total_victims", "Killed + injured, as stated."),
        *_TAIL,
    ),
    ("statement_id", "version"),
)

MAPS = Table(
    "maps",
    "Minefield-map handovers and claims about their accuracy.",
    (
        *_STATEMENT,
        Field("date", "date", "Date of the handover or of the claim."),
        _count("maps", "Number of maps handed over."),
        _count("mines_covered", "Mines the maps are said to cover."),
        Field("district_codes", "string", "';'-separated ISO 3166-2:AZ codes."),
        Field("districts", "string", "';'-separated district names."),
        Field("accuracy_pct", "number", "Claimed accuracy of the maps, percent.", minimum=0),
        Field("accuracy_low", "number", "Low end of a claimed accuracy range.", minimum=0),
        Field("accuracy_high", "number", "High end of a claimed accuracy range.", minimum=0),
        Field("claimant", "string", "Who made the claim or announced the handover."),
        *_TAIL,
    ),
    ("statement_id", "version"),
)

CLAIMS = Table(
    "claims",
    "Contamination estimates and time-to-clear or cost statements: claims, not facts.",
    (
        Field("claim_id", "string", "Stable identifier.", required=True),
        Field(
            "report_ids",
            "string",
            "';'-separated report_id values.",
            required=True,
            pattern=IDS_PATTERN,
        ),
        Field("date", "date", "When the claim was made."),
        Field("claimant", "string", "Who made it.", required=True),
        Field(
            "topic",
            "string",
            "What it is about.",
            required=True,
            enum=("hazardous_area", "mines_count", "time_to_clear", "cost"),
        ),
        Field("value", "number", "The figure claimed (empty when not a number).", minimum=0),
        Field("value_as_stated", "string", "The claim as stated, e.g. 'decades'."),
        Field("unit", "string", "Unit of value.", enum=("ha", "km2", "mines", "years", "usd")),
        Field(
            "qualifier", "string", "more_than, about, nearly, at_least, at_most.", enum=QUALIFIERS
        ),
        Field("note", "string", "The curator's note."),
    ),
    ("claim_id",),
)

TABLES: dict[str, Table] = {t.name: t for t in (REPORTS, CLEARANCE, CASUALTIES, MAPS, CLAIMS)}

"""Read the tables reports carry: pipe (Markdown) or tab-separated rows of figures.

A table states its figures by position, not in sentences: "| 07.10-13.10.2024 | 141 | 64 |"
means nothing without the header "| Period | AP mines | AT mines |". This module finds such
blocks, types each column from its header (item types, area with its unit, casualty roles,
map figures) and reads each cell's number, so that extraction can make one record per row
(rows labelled by period, district or "Total") or per column (columns labelled by period).
Dates, districts and records are left to `research.extract`, which knows the report.

Hand-written: table parsers (pandas.read_csv, markdown libraries) expect a whole document
to be one table and raise on the rest; here a table is a few lines inside prose, found by
their shape, and a garbled cell must become a flag, not an exception.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from research.numbers import Number, find_numbers

__all__ = ["Cell", "Entry", "Table", "find_tables", "read_table"]

_MIN_COLUMNS = 3  # two-column "label | value" lines are read as labelled figures instead


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell's text (stripped) and its offsets in the report."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Table:
    """A block of lines with the same number of cells; the first line is the header."""

    start: int  # offset of the block's first line
    end: int  # offset just after its last line
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    row_spans: tuple[tuple[int, int], ...]  # each data row's line


@dataclass
class Entry:
    """The figures of one record a table states: one row, or one column."""

    kind: str  # "clearance", "casualties" or "maps"
    values: dict[str, Number | None]  # field -> its cell's number (None: the cell is garbled)
    span: tuple[int, int]  # the row's line, or the whole table for a column
    label: Cell | None = None  # the row's (or column's) label: a period, a place, "Total"
    label_role: str | None = None  # what the label column's header says: "period", "place"
    total: bool = False  # a "Total" row
    area_unit: str | None = None  # "ha", "km2" or "m2" when `values` has "area"
    places: list[Cell] = field(default_factory=list)  # a district column's cell
    flags: list[str] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _cells(text: str, start: int, end: int) -> tuple[str, tuple[Cell, ...]] | None:
    """The cells of one line and its delimiter ("|" or a tab), or None for a prose line."""
    line = text[start:end]
    if "|" in line:
        delimiter = "|"
    elif "\t" in line.strip():
        delimiter = "\t"
    else:
        return None
    inner_start, inner_end = start, end
    stripped = line.strip()
    lead = line.index(stripped[0]) if stripped else 0
    if delimiter == "|" and stripped.startswith("|"):
        inner_start = start + lead + 1
    if delimiter == "|" and stripped.endswith("|") and len(stripped) > 1:
        inner_end = start + lead + len(stripped) - 1
    cells, pos = [], inner_start
    for part in text[inner_start:inner_end].split(delimiter):
        left = len(part) - len(part.lstrip())
        cells.append(Cell(part.strip(), pos + left, pos + left + len(part.strip())))
        pos += len(part) + 1
    if delimiter == "\t":
        cells = [c for c in cells if c.text]  # several tabs align one column
    return (delimiter, tuple(cells)) if len(cells) >= 2 else None


_SEPARATOR_RE = re.compile(r":?-{2,}:?")


def find_tables(text: str) -> list[Table]:
    """Blocks of at least a header and one row, each line with the same number of cells."""
    tables: list[Table] = []
    block: list[tuple[int, int, tuple[Cell, ...]]] = []
    shape: tuple[str, int] | None = None

    def close() -> None:
        rows = [
            (s, e, c) for s, e, c in block if not all(_SEPARATOR_RE.fullmatch(x.text) for x in c)
        ]
        if len(rows) >= 2:
            tables.append(
                Table(
                    block[0][0],
                    block[-1][1],
                    rows[0][2],
                    tuple(c for _, _, c in rows[1:]),
                    tuple((s, e) for s, e, _ in rows[1:]),
                )
            )

    for start, end in _lines(text):
        found = _cells(text, start, end)
        this = (found[0], len(found[1])) if found else None
        if this is None or this != shape:
            close()
            block = []
        shape = this
        if found:
            block.append((start, end, found[1]))
    close()
    return tables


# --- what a header says --------------------------------------------------------------------

_UNIT_RE = re.compile(
    r"\b(?P<ha>hectares?|ha)\b|(?P<km2>km²|km2|sq\.?\s*km\b|square\s+kilomet)"
    r"|(?P<m2>m²|\bm2\b|sq\.?\s*m\b|square\s+met)",
    re.I,
)
_DASH = r"[-\s‐–]?"
_SOLDIERS = r"(?:military|servicem[ae]n|soldiers)"
_ITEMS = r"(?:explosive\s+)?(?:items|objects|devices)\b"
# Checked in order on the lower-cased header; the first that matches types the column.
_FIELDS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, key, re.compile(pattern))
    for kind, key, pattern in (
        ("maps", "mines_covered", r"\bmines?\s+(?:on|in|covered|shown|recorded|marked)\b"),
        ("maps", "maps", r"^(?:number\s+of\s+)?(?:minefield\s+)?(?:maps|forms)\b"),
        ("casualties", "civilian_killed", r"civilians?\s+(?:killed|dead)"),
        ("casualties", "civilian_injured", r"civilians?\s+(?:injured|wounded)"),
        ("casualties", "military_killed", rf"{_SOLDIERS}\s+(?:killed|dead)"),
        ("casualties", "military_injured", rf"{_SOLDIERS}\s+(?:injured|wounded)"),
        ("casualties", "killed", r"^(?:people\s+)?(?:killed|dead|deaths?|fatalities|died)\b"),
        ("casualties", "injured", r"^(?:people\s+)?(?:injured|wounded|injuries)\b"),
        ("casualties", "total_victims", r"^(?:total\s+)?(?:victims|casualties)\b"),
        ("clearance", "area", r"\barea\b|\bhectares?\b|^ha\b|\bkm²|\bkm2\b|^m²|^m2\b"),
        ("clearance", "anti_personnel", rf"anti{_DASH}personnel|^(?:ap|apms?)\b"),
        ("clearance", "anti_tank", rf"anti{_DASH}(?:tank|vehicle)|^(?:at|atms?)\b"),
        ("clearance", "uxo", r"\buxos?\b|unexploded|\bordnance\b|\berws?\b|explosive\s+remnants"),
        ("clearance", "items_total", rf"^(?:total\s+|all\s+)?{_ITEMS}"),
        ("clearance", "mines_total", r"^(?:total\s+)?(?:land)?mines\b"),
    )
)  # fmt: skip
_PERIOD_HEADER_RE = re.compile(r"^(?:reporting\s+)?(?:period|week|month|date|year|quarter|day)s?\b")
_PLACE_HEADER_RE = re.compile(
    r"^(?:district|region|territory|rayon|province|oblast|governorate|location|municipality)"
)
_TOTAL_RE = re.compile(r"(?:total|all|overall|sum|in\s+all|cəmi|итого)\b", re.I)
_NOT_FOUND_RE = re.compile(r"(?:[-–—]|n/?a|none|nil)?", re.I)  # a cell that states nothing
_NUMBER_MARKS = " ~≈+*"
_NUMBER_CELL_RE = re.compile(r"[~≈+]?\s*\d[\d.,\s]*\*?")
_HEADER_LENGTH = 48
# A header of plans, estimates or what remains names no result.
_NOT_RESULTS_RE = re.compile(
    r"plan|target|estimat|expect|forecast|remain|contaminat|suspect|budget|goal|stockpil"
)  # around a cell's number: "~120", "141*"


def _header_field(header: str) -> tuple[str, str] | None:
    """(kind, field) a column header names, or None."""
    lowered = re.sub(r"^(?:number\s+of|no\.\s+of|#)\s*", "", header.strip().lower())
    if len(lowered) > _HEADER_LENGTH or re.search(r"\d", _UNIT_RE.sub("", lowered)):
        return None  # a sentence or a figure, not a column's name
    if _NOT_RESULTS_RE.search(lowered):
        return None  # "Area remaining (ha)", "Planned (ha)"
    for kind, key, pattern in _FIELDS:
        if pattern.search(lowered):
            return kind, key
    return None


def _cell_number(cell: Cell) -> tuple[Number | None, bool]:
    """(number, stated) for a value cell: (None, False) for an empty or "-" cell, (None, True)
    for text that is no single number (a garbled cell)."""
    if _NOT_FOUND_RE.fullmatch(cell.text):
        return None, False
    numbers = find_numbers(cell.text, offset=cell.start)
    if len(numbers) != 1:
        return None, True
    n = numbers[0]
    rest = cell.text[: n.start - cell.start] + cell.text[n.end - cell.start :]
    if rest.strip(_NUMBER_MARKS) or n.value is None:
        return None, True
    return n, True


def read_table(table: Table, *, context: str = "") -> list[Entry]:
    """The entries a table of figures states, in order; [] when it is not one we can read.

    Columns headed by a field ("AP mines", "Area (ha)", "Killed") make one entry per row,
    labelled by the row's first other cell; a first column of field names under a header
    of periods ("| Item | 2023 | 2024 |") makes one entry per column. `context` (the caption)
    supplies an area unit the header leaves out. Values are the cells' numbers; a cell that
    is no single number is None with the flag `malformed_number`.
    """
    columns = [_header_field(c.text) for c in table.header]
    if any(columns):
        if any(_NUMBER_CELL_RE.fullmatch(c.text) for c in table.header):
            return []  # no header: "| Anti-tank mines | 64 |" lines, read as labelled figures
        return _by_rows(table, columns, context)
    if len(table.header) < _MIN_COLUMNS:
        return []
    return _by_columns(table, context)


def _area_unit(header: str, context: str) -> str | None:
    m = _UNIT_RE.search(header) or _UNIT_RE.search(context)
    return m.lastgroup if m else None


def _by_rows(table: Table, columns: list[tuple[str, str] | None], context: str) -> list[Entry]:
    label_index = next((i for i, c in enumerate(columns) if c is None), None)
    label_header = table.header[label_index].text.lower() if label_index is not None else ""
    role = (
        "period"
        if _PERIOD_HEADER_RE.search(label_header)
        else "place"
        if _PLACE_HEADER_RE.search(label_header)
        else None
    )
    place_columns = [
        i
        for i, c in enumerate(columns)
        if c is None and i != label_index and _PLACE_HEADER_RE.search(table.header[i].text.lower())
    ]
    entries: list[Entry] = []
    for row, span in zip(table.rows, table.row_spans, strict=True):
        label = row[label_index] if label_index is not None else None

        def new(kind: str, row=row, span=span, label=label) -> Entry:
            total = label is not None and _TOTAL_RE.match(label.text) is not None
            places = [row[i] for i in place_columns if row[i].text]
            return Entry(kind, {}, span, label, role, total, places=places)

        cells = [(c, col, h.text) for c, col, h in zip(row, columns, table.header, strict=True)]
        entries += _entries_of(cells, new, context)
    return entries


def _by_columns(table: Table, context: str) -> list[Entry]:
    """A first column of field names, the other columns each a period's figures."""
    fields = [_header_field(row[0].text) for row in table.rows]
    if not any(fields):
        return []
    entries: list[Entry] = []
    for j, head in enumerate(table.header[1:], start=1):

        def new(kind: str, head=head) -> Entry:
            total = _TOTAL_RE.match(head.text) is not None
            return Entry(kind, {}, (table.start, table.end), head, "period", total)

        cells = [(row[j], col, row[0].text) for row, col in zip(table.rows, fields, strict=True)]
        entries += _entries_of(cells, new, context)
    return entries


def _entries_of(
    cells: list[tuple[Cell, tuple[str, str] | None, str]],
    new: Callable[[str], Entry],
    context: str,
) -> list[Entry]:
    """The entries one row (or column) states: one per kind of figure in its cells, each
    cell given with its field and the header (or row label) that names it."""
    by_kind: dict[str, Entry] = {}
    for cell, column, header in cells:
        if column is None:
            continue
        kind, key = column
        if kind not in by_kind:
            by_kind[kind] = new(kind)
        _put(by_kind[kind], key, cell, header, context)
    return [e for e in by_kind.values() if e.values or e.flags]


def _put(entry: Entry, key: str, cell: Cell, header: str, context: str) -> None:
    number, stated = _cell_number(cell)
    if not stated:
        return
    if key == "area":
        unit = _area_unit(header, context)
        if unit is None:
            entry.flags.append("area_unit_missing")
            return
        entry.area_unit = unit
    if number is None and "malformed_number" not in entry.flags:
        entry.flags.append("malformed_number")
    entry.values[key] = number

"""Read the tables reports carry: pipe (Markdown) or tab-separated rows of figures.

A table states its figures by position, not in sentences: "| 07.10-13.10.2024 | 141 | 64 |"
means nothing without the header "| Period | AP mines | AT mines |". This module finds such
blocks, types each column from its header (item types, area with its unit, casualty roles,
map figures) and reads each cell's number, so that extraction can make one record per row
(rows labelled by period, district, operator or "Total"), per column (columns labelled by
period or district) or per set of labels (one figure a row). It also tells which tables of
a report hold results (`tables_of_results`): not plans, estimates or lists of news. Dates,
districts and records are left to `research.extraction.table_records`, which knows the
report.

Hand-written: table parsers (pandas.read_csv, markdown libraries) expect a whole document
to be one table and raise on the rest; here a table is a few lines inside prose, found by
their shape, and a garbled cell must become a flag, not an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from research.dates import label_period
from research.gazetteer import find_districts
from research.numbers import Number, find_numbers

__all__ = [
    "Cell",
    "Entry",
    "Table",
    "caption_of",
    "find_tables",
    "is_total",
    "read_table",
    "tables_of_results",
]

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
    # the row's (or column's) labels, with what their column holds: "period", "place",
    # "operator" or "other" (a header that does not say)
    labels: list[tuple[str, Cell]] = field(default_factory=list)
    total: bool = False  # a "Total" row (or column)
    area_unit: str | None = None  # "ha", "km2" or "m2" when `values` has "area"
    flags: list[str] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _cells(text: str, start: int, end: int) -> tuple[str, tuple[Cell, ...]] | None:
    """The cells of one line and its delimiter ("|" or a tab), or None for a prose line.
    Tab-separated cells are all kept, empty ones too (see `_aligned`)."""
    line = text[start:end]
    if bullet := _BULLET_RE.match(line):  # "- | Aghdam | 40 |": a table in a list item
        start += bullet.end()
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
    if delimiter == "\t":
        inner_start, inner_end = start + lead, start + lead + len(stripped)
    cells, pos = [], inner_start
    for part in text[inner_start:inner_end].split(delimiter):
        left = len(part) - len(part.lstrip())
        cells.append(Cell(part.strip(), pos + left, pos + left + len(part.strip())))
        pos += len(part) + 1
    return (delimiter, tuple(cells)) if len(cells) >= 2 else None


def _aligned(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]] | None:
    """Tab rows with one cell count: as written if they agree ("Fuzuli<TAB>12<TAB><TAB>54"
    has an empty cell), else without empty cells (several tabs aligning one column)."""
    if len({len(r) for r in rows}) == 1:
        return rows
    filled = [tuple(c for c in r if c.text) for r in rows]
    return filled if len({len(r) for r in filled}) == 1 and len(filled[0]) >= 2 else None


_SEPARATOR_RE = re.compile(r":?-{2,}:?")
_BULLET_RE = re.compile(r"[ \t]*[-*•][ \t]+(?=\|)")


def find_tables(text: str) -> list[Table]:
    """Blocks of at least a header and one row, each line with the same number of cells.

    Separator lines ("|---|---|") and a repeated header (a page break in a PDF) are not rows.
    """
    tables: list[Table] = []
    block: list[tuple[int, int, tuple[Cell, ...]]] = []
    shape: tuple[str, int] | None = None

    def close() -> None:
        lines = [(s, e, c) for s, e, c in block if not _is_separator(c)]
        while len(lines) >= 3 and sum(bool(c.text) for c in lines[0][2]) == 1:
            del lines[0]  # a caption in the first row (trafilatura's <caption>): no header
        if len(lines) < 2:
            return
        rows: list[tuple[Cell, ...]] | None = [c for _, _, c in lines]
        if shape is not None and shape[0] == "\t":
            rows = _aligned(rows)
        if rows is not None:
            tables.extend(_tables_of_block(rows, [(s, e) for s, e, _ in lines]))

    for start, end in _lines(text):
        found = _cells(text, start, end)
        # tab rows may differ in empty cells (see _aligned); pipe rows must agree
        this = (found[0], 0 if found[0] == "\t" else len(found[1])) if found else None
        if this is None or this != shape:
            close()
            block = []
        shape = this
        if found:
            block.append((start, end, found[1]))
    close()
    return tables


def _is_separator(cells: tuple[Cell, ...]) -> bool:
    return all(_SEPARATOR_RE.fullmatch(c.text) for c in cells)


def _tables_of_block(rows: list[tuple[Cell, ...]], spans: list[tuple[int, int]]) -> list[Table]:
    """The tables of one block of rows: the first row is the header; the header repeated (a
    page break in a PDF) is no row, and another header after some rows ("| Period | AP |
    AT |" right under a table of the same width) starts another table."""
    tables = []
    header, header_span = rows[0], spans[0]
    body: list[tuple[tuple[Cell, ...], tuple[int, int]]] = []
    for row, span in zip(rows[1:], spans[1:], strict=True):
        if [c.text for c in row] == [c.text for c in header]:
            continue
        if body and _is_header(row):
            tables.append(_table(header, header_span, body))
            header, header_span, body = row, span, []
            continue
        body.append((row, span))
    if body:
        tables.append(_table(header, header_span, body))
    return tables


def _table(
    header: tuple[Cell, ...],
    header_span: tuple[int, int],
    body: list[tuple[tuple[Cell, ...], tuple[int, int]]],
) -> Table:
    return Table(
        header_span[0],
        body[-1][1][1],
        header,
        tuple(row for row, _ in body),
        tuple(span for _, span in body),
    )


# --- what a header says --------------------------------------------------------------------

_UNIT_RE = re.compile(
    r"\b(?P<ha>hectares?|ha)\b|(?P<km2>km²|km2|sq\.?\s*km\b|square\s+kilomet)"
    r"|(?P<m2>m²|\bm2\b|sq\.?\s*m\b|square\s+met)",
    re.I,
)
# A scale written with the unit: "Area (thousand ha)", "(mln m²)", "UXO, '000"
_SCALE_RE = re.compile(
    r"(?P<k>\bthousands?\b|\bthous\b|\bthsd\b|'000)|(?P<m>\bmillions?\b|\bmln\b)"
)
_SCALES = {"k": 1_000.0, "m": 1_000_000.0}
_DASH = r"[-\s‐–]?"
_SOLDIERS = r"(?:military|servicem[ae]n|soldiers|troops)"
_KILLED = r"(?:killed|dead|deaths?|fatalities|died)"
_INJURED = r"(?:injured|wounded|injuries)"


def _group_role(group: str, role: str) -> str:
    """ "Civilians killed" or "Killed civilians"."""
    return rf"{group}\s+{role}|{role}\s+(?:\w+\s+)?{group}"


# Checked in order on the lower-cased header; the first that matches types the column.
_FIELDS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, key, re.compile(pattern))
    for kind, key, pattern in (
        ("maps", "mines_covered", r"\bmines?\s+(?:on|in|covered|shown|recorded|marked)\b"),
        ("maps", "maps", r"^(?:minefield\s+)?(?:maps|forms)\b"),
        ("maps", "accuracy_pct", r"\baccura"),
        ("casualties", "civilian_killed", _group_role(r"civilians?", _KILLED)),
        ("casualties", "civilian_injured", _group_role(r"civilians?", _INJURED)),
        ("casualties", "military_killed", _group_role(_SOLDIERS, _KILLED)),
        ("casualties", "military_injured", _group_role(_SOLDIERS, _INJURED)),
        ("casualties", "killed", rf"^(?:total\s+|all\s+)?(?:people\s+)?{_KILLED}\b"),
        ("casualties", "injured", rf"^(?:total\s+|all\s+)?(?:people\s+)?{_INJURED}\b"),
        ("casualties", "total_victims", r"^(?:total\s+)?(?:victims|casualties)\b"),
        ("casualties", "killed", rf"(?:victims|casualties|people)\W+{_KILLED}\b"),
        ("casualties", "injured", rf"(?:victims|casualties|people)\W+{_INJURED}\b"),
        ("clearance", "area", r"\barea\b|\bhectares?\b|\bha\b|\bk?m²|\bk?m2\b|\bsq\.?\s*k?m\b"),
        ("clearance", "items_total", r"^(?:total\s+|all\s+)?(?:explosive\s+)?(?:items|objects)\b"
         r"|^(?:total\s+|all\s+)?(?:explosive\s+)?devices\b"
         r"|(?:land)?mines?\s*(?:and|&|\+|/)\s*(?:uxos?|unexploded|erw|other)"),
        ("clearance", "anti_personnel", rf"anti{_DASH}personnel|^(?:ap|apms?)\b"),
        ("clearance", "anti_tank", rf"anti{_DASH}(?:tank|vehicle)|^(?:at|atms?)\b"),
        ("clearance", "uxo", r"\buxos?\b|unexploded|\bordnance\b|\berws?\b|explosive\s+remnants"),
        ("clearance", "mines_total", r"^(?:total\s+)?(?:land)?mines\b"),
        ("clearance", "area", r"^(?:land\s+|territory\s+)?(?:cleared|released|demined)\b"),
    )
)  # fmt: skip
# Headers that name no result: plans, estimates, what remains, hazardous areas ...
_NOT_RESULTS_RE = re.compile(
    r"plan|target|estimat|expect|forecast|remain|contaminat|suspect|budget|goal|stockpil|hazard"
    r"|inspect|survey"
    r"|\bcha\b|\bsha\b|still\s+to|to\s+be\s+cleared|left\s+to|outstanding|scheduled"
)
# ... and the tools, people and money a column may count instead of items
_NOT_ITEMS_RE = re.compile(
    r"\b(?:rollers?|detectors?|machines?|vehicles?|dogs?|teams?|staff|deminers|sappers|signs?"
    r"|costs?|funds?|price|usd|eur|azn|manat|views|reads|title|headline|trained)\b"
)
_CUMULATIVE_RE = re.compile(r"to\s+date|so\s+far|cumulative|\bsince\b|in\s+total|total\s+to")
_LABEL_ROLES = (
    ("period", re.compile(r"^(?:reporting\s+)?(?:period|week|month|date|year|quarter|day)s?\b")),
    ("place", re.compile(
        r"^(?:district|region|territory|rayon|province|oblast|governorate|location|municipality"
        r"|area\s+name|place)"
    )),
    ("operator", re.compile(r"^(?:operator|organi[sz]ation|agency|by\b|performed\s+by)")),
    ("index", re.compile(r"^(?:no\.?|#|№|nr\.?|s/n|n)$")),
    ("ignore", re.compile(r"^(?:units?|notes?|source|comments?|remarks?)$")),
)  # fmt: skip
_TOTAL_RE = re.compile(r"[\W_]*(?:grand\s+|in\s+)?(?:total|overall|sum|cəmi|итого)\b[\W_]*", re.I)
_NOT_FOUND_RE = re.compile(r"(?:[-–—]|n/?a|none|nil)?", re.I)  # a cell that states nothing
_NUMBER_MARKS = " ~≈+*%¹²³⁴⁵⁶⁷⁸⁹⁰"  # around a cell's number: "~120", "141*", "87%", "64¹"
# before a cell's number: the qualifiers prose has (`research.extraction` reads them)
_QUALIFIER_RE = re.compile(
    r"[<>≥≤]|about|around|approximately|approx\.?|over|more\s+than|less\s+than|up\s+to"
    r"|at\s+least|nearly|almost|some|circa|ca\.",
    re.I,
)
_NUMBER_CELL_RE = re.compile(r"[~≈+]?\s*\d[\d.,\s]*\*?")
_HEADER_LENGTH = 48
_ACTUAL_RE = re.compile(r"\b(?:actual|fact|results?|achieved)\b", re.I)
_UNIT_HEADER_RE = re.compile(r"units?(?:\s+of\s+measure(?:ment)?)?", re.I)
_VALUE_HEADER_RE = re.compile(r"(?:value|number|count|quantity|figure|amount|result)s?", re.I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
_FOOTNOTE_RE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\s*\[\d{1,2}\]|\*+$")
# Columns and rows of what is no figure of a period: changes, shares, averages, rates
_NOT_FIGURES_RE = re.compile(
    r"\bchange|differen|\bvs\b|versus|compared|\bshare\b|%|per\s*cent|\bgrowth|increase"
    r"|decrease|average|\bmean\b|per\s+day|daily|\brate\b|±|\+/-"
)
# A row that is part of the row above, not a row of its own: "incl. Aghdam city"
_SUBROW_RE = re.compile(r"(?:incl\.?|including|of\s+which|of\s+them|among\s+them)\b", re.I)


def _clean(text: str) -> str:
    """A cell's words without HTML tags and footnote marks ("AP mines¹", "ha [1]")."""
    return _FOOTNOTE_RE.sub("", _TAG_RE.sub("", text)).strip()


def _header_field(header: str) -> tuple[str, str] | None:
    """(kind, field) a column header names, or None."""
    lowered = re.sub(r"^(?:number\s+of|no\.\s+of|#)\s*", "", _clean(header).lower())
    bare = _YEAR_RE.sub("", _UNIT_RE.sub("", lowered))
    if len(lowered) > _HEADER_LENGTH or re.search(r"\d", bare):
        return None  # a sentence or a figure, not a column's name
    if _NOT_RESULTS_RE.search(lowered) or _NOT_ITEMS_RE.search(lowered):
        return None  # "Area remaining (ha)", "Planned (ha)", "Anti-tank mine rollers"
    if _NOT_FIGURES_RE.search(lowered) and "accura" not in lowered:
        return None  # "AP mines, change vs previous week", "Share of total area, %"
    for kind, key, pattern in _FIELDS:
        if pattern.search(lowered):
            return kind, key
    return None


def _label_role(header: str) -> str:
    """What an untyped column's cells are: see _LABEL_ROLES; "ignore" for a column of
    figures that are no results ("Area remaining (ha)", "AP mines, total to date")."""
    lowered = _clean(header).lower()
    if _NOT_RESULTS_RE.search(lowered) or _CUMULATIVE_RE.search(lowered):
        return "ignore"
    if _NOT_FIGURES_RE.search(lowered):
        return "ignore"
    if re.match(r"(?:iso\s+)?weeks?\b(?!\s+of)", lowered):
        return "week"  # "| Week | ..." over rows "41", "42": week numbers
    if any(pattern.search(lowered) for _, _, pattern in _FIELDS):
        return "ignore"
    return next((role for role, pattern in _LABEL_ROLES if pattern.search(lowered)), "other")


def _is_figure(text: str) -> bool:
    """A cell of a column of figures that are no results, not a label ("12,382", "60%"; not
    "2023" or "03.08.2023")."""
    text = _clean(text).rstrip("%").rstrip()
    return _NUMBER_CELL_RE.fullmatch(text) is not None and label_period(text) is None


def _is_header(row: tuple[Cell, ...]) -> bool:
    """A row of column names: no figure in it, and at least one field named."""
    return not any(_NUMBER_CELL_RE.fullmatch(c.text) for c in row) and any(
        _header_field(c.text) for c in row
    )


def is_total(text: str) -> bool:
    """A "Total" label: "Total", "Grand total", "In total", "**Total**"."""
    return _TOTAL_RE.match(_clean(text)) is not None and not _SUBTOTAL_RE.search(text)


def _is_subtotal(text: str) -> bool:
    """A total of some rows only: "Subtotal", "Liberated territories, total"."""
    return bool(_SUBTOTAL_RE.search(_clean(text)))


_SUBTOTAL_RE = re.compile(r"sub-?total|\w[\w\s]*,\s*total\b|total\s+(?:for|of|in)\s+\w", re.I)


def _cell_number(cell: Cell) -> tuple[Number | None, str | None, bool]:
    """(number, unit written in the cell, stated) for a value cell: (None, None, False) for
    an empty or "-" cell, (None, None, True) for text that is no single number (garbled)."""
    if _NOT_FOUND_RE.fullmatch(cell.text):
        return None, None, False
    numbers = find_numbers(cell.text, offset=cell.start)
    if len(numbers) != 1:
        return None, None, True
    n = numbers[0]
    before = _TAG_RE.sub("", cell.text[: n.start - cell.start]).strip(_NUMBER_MARKS)
    after = _clean(cell.text[n.end - cell.start :]).strip(_NUMBER_MARKS)
    unit = _UNIT_RE.fullmatch(after) if after else None
    if (before and not _QUALIFIER_RE.fullmatch(before)) or (after and unit is None):
        return None, None, True
    if n.value is None:
        return None, None, True
    return n, unit.lastgroup if unit else None, True


def read_table(table: Table, *, context: str = "") -> list[Entry]:
    """The entries a table of figures states, in order; [] when it is not one we can read.

    Columns headed by a field ("AP mines", "Area (ha)", "Killed") make one entry per row,
    labelled by the row's other cells (a period, a place, an operator, "Total"); a first
    column of field names under headers of periods ("| Item | 2023 | 2024 |") makes one
    entry per period column. `context` (the caption) supplies an area unit the header
    leaves out. A cell that is no single number is None with the flag `malformed_number`.
    """
    table = _with_subheader(table)
    columns = _typed_columns(table)
    if any(columns):
        if any(_NUMBER_CELL_RE.fullmatch(c.text) for c in table.header):
            return []  # no header: "| Anti-tank mines | 64 |" lines, read as labelled figures
        return _by_rows(table, columns, context)
    if len(table.header) < _MIN_COLUMNS:
        return []
    long = _long_format(table, context)
    if long is not None:
        return long
    return _by_columns(table, context)


def _with_subheader(table: Table) -> Table:
    """A header on two lines, as PDFs give it ("| District | Mines | Mines | UXO |" over
    "| | anti-personnel | anti-tank | |"), as one."""
    if len(table.rows) < 2:
        return table
    sub = table.rows[0]
    if any(_NUMBER_CELL_RE.fullmatch(c.text) for c in sub) or not any(c.text for c in sub):
        return table
    merged = tuple(  # the lower line first: "AP" under "Mines" is "AP Mines"
        Cell(f"{c.text} {h.text}".strip(), h.start, h.end)
        for h, c in zip(table.header, sub, strict=True)
    )

    def fields(cells: tuple[Cell, ...]) -> int:
        return len({f for f in map(_header_field, (c.text for c in cells)) if f})

    if fields(merged) <= fields(table.header):
        return table
    return Table(table.start, table.end, merged, table.rows[1:], table.row_spans[1:])


def _typed_columns(table: Table) -> list[tuple[str, str] | None]:
    """Each column's (kind, field); of two columns of one field, a running total ("AP
    mines, total to date") gives way to the period's; two of the period's are garbled."""
    columns = [_header_field(c.text) for c in table.header]
    kinds = {c for c in columns if c is not None}
    whole = (
        ("casualties", "total_victims")
        if ("casualties", "killed") in kinds
        else ("clearance", "items_total")
        if ("clearance", "uxo") in kinds
        else ("clearance", "mines_total")
        if {("clearance", "anti_personnel"), ("clearance", "anti_tank")} <= kinds
        else None
    )
    for i, head in enumerate(table.header):
        if whole is not None and whole not in kinds and _TOTAL_RE.fullmatch(head.text):
            columns[i] = whole  # "| AP | AT | UXO | Total |": the items' total
    running = [
        i
        for i, c in enumerate(columns)
        if c is not None and _CUMULATIVE_RE.search(_clean(table.header[i].text).lower())
    ]
    if len(running) < sum(c is not None for c in columns):
        for i in running:  # "AP mines, total to date" beside the week's figures
            columns[i] = None
    if any(c is not None and c[0] == "maps" for c in columns):
        for i, c in enumerate(columns):  # "| District | Maps | Mines |": mines on the maps
            if c is not None and c[0] == "clearance" and c[1] != "area":
                columns[i] = (
                    ("maps", "mines_covered")
                    if "mines_covered" not in {x[1] for x in columns if x}
                    else None
                )
    return columns


def _area_unit(header: str, context: str) -> tuple[str | None, float]:
    """The unit of an area column and the scale written with it ("thousand ha")."""
    for place in (header, context):
        if m := _UNIT_RE.search(place):
            scale = _SCALE_RE.search(place)
            return m.lastgroup, _SCALES[scale.lastgroup] if scale and scale.lastgroup else 1.0
    return None, 1.0


def _by_rows(table: Table, columns: list[tuple[str, str] | None], context: str) -> list[Entry]:
    roles = [
        None if c is not None else _label_role(h.text)
        for c, h in zip(columns, table.header, strict=True)
    ]
    fields = [c for c in columns if c is not None]
    repeated = {c for c in fields if fields.count(c) > 1}
    units = [j for j, head in enumerate(table.header) if _UNIT_HEADER_RE.fullmatch(head.text)]
    entries: list[Entry] = []
    for row, span in zip(table.rows, table.row_spans, strict=True):
        first = next((c.text for r, c in zip(roles, row, strict=True) if r and c.text), "")
        if _NOT_FIGURES_RE.match(first.lower()) or _SUBROW_RE.match(first) or _is_subtotal(first):
            continue  # "Change | -21 | +6", "Average | ...", "incl. Aghdam city", "Subtotal"
        labels = [
            (role, cell)
            for role, cell in zip(roles, row, strict=True)
            if role not in (None, "ignore")
            and cell.text
            and (role == "week" or not _is_figure(cell.text))
        ]
        total = any(is_total(cell.text) for _, cell in labels)
        labels = [(r, c) for r, c in labels if r != "index" and not is_total(c.text)]

        unit = " ".join(row[u].text for u in units)  # "| Area cleared | Unit |" over "| 12 | km² |"
        cells = [
            (cell, column, f"{header.text} {unit}")
            for cell, column, header in zip(row, columns, table.header, strict=True)
        ]
        row_entries = _entries_of(cells, context, span=span, labels=labels, total=total)
        for entry in row_entries:
            for kind, key in repeated:
                if kind == entry.kind:
                    entry.values.pop(key, None)
                    entry.values["area_ha" if key == "area" else key] = None
                    entry.flags.append(f"{'area_ha' if key == 'area' else key}_repeated")
        entries += row_entries
    return entries


def _by_columns(table: Table, context: str) -> list[Entry]:
    """A first column of field names, the other columns each a period's figures (columns
    of anything else, "Change" or "%", are left out)."""
    fields = [_header_field(row[0].text) for row in table.rows]
    if not any(fields):
        return []
    units = [j for j, head in enumerate(table.header) if _UNIT_HEADER_RE.fullmatch(head.text)]
    entries: list[Entry] = []
    for j, head in enumerate(table.header[1:], start=1):
        words = _clean(head.text)
        if _NOT_RESULTS_RE.search(words.lower()):
            continue  # "2024 plan" beside "2024 actual"
        label = Cell(_ACTUAL_RE.sub("", words).strip(), head.start, head.end)
        total = is_total(words)
        value = _VALUE_HEADER_RE.fullmatch(words) is not None  # the table's period
        role = "period" if label_period(label.text) is not None else None
        if role is None and find_districts(label.text):
            role = "place"  # "| Item | Aghdam | Fuzuli | Total |"
        if not (total or value or role):
            continue  # "Change", "%", "Views": no figures of a period or place

        cells = [
            (row[j], col, " ".join([row[0].text, *(row[u].text for u in units)]))
            for row, col in zip(table.rows, fields, strict=True)
        ]
        labels = [(role, label)] if role and not total else []
        span = (table.start, table.end)
        entries += _entries_of(cells, context, span=span, labels=labels, total=total)
    return entries


def _long_format(table: Table, context: str) -> list[Entry] | None:
    """One figure a row, named in a column of its own after the labels: "| District | Item |
    Number |" over "| Aghdam | AP mines | 12 |". Rows with the same labels make one entry;
    None when the table has no such shape."""
    width = len(table.header)
    typed = [[_header_field(row[j].text) for row in table.rows] for j in range(width)]
    item = next(
        (
            j
            for j in range(1, width)
            if sum(map(bool, typed[j])) * 2 >= len(table.rows)
            and not _UNIT_HEADER_RE.fullmatch(table.header[j].text)
        ),
        None,
    )
    values = [
        j
        for j in range(width)
        if j != item and _VALUE_HEADER_RE.fullmatch(_clean(table.header[j].text))
    ]
    if item is None or len(values) != 1:
        return None
    (value,) = values
    roles = [
        "ignore" if j in (item, value) else _label_role(h.text) for j, h in enumerate(table.header)
    ]
    units = [j for j, head in enumerate(table.header) if _UNIT_HEADER_RE.fullmatch(head.text)]
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, row in enumerate(table.rows):
        key = tuple(c.text for c, r in zip(row, roles, strict=True) if r != "ignore")
        groups.setdefault(key, []).append(i)
    entries: list[Entry] = []
    for rows in groups.values():
        first = table.rows[rows[0]]
        labels = [
            (r, c)
            for r, c in zip(roles, first, strict=True)
            if r not in ("ignore", "index") and c.text
        ]
        total = any(is_total(c.text) for _, c in labels)
        labels = [(r, c) for r, c in labels if not is_total(c.text)]
        span = (table.row_spans[rows[0]][0], table.row_spans[rows[-1]][1])

        cells = [
            (
                table.rows[i][value],
                typed[item][i],
                " ".join([table.rows[i][item].text, *(table.rows[i][u].text for u in units)]),
            )
            for i in rows
        ]
        entries += _entries_of(cells, context, span=span, labels=labels, total=total)
    return entries


def _entries_of(
    cells: list[tuple[Cell, tuple[str, str] | None, str]],
    context: str,
    *,
    span: tuple[int, int],
    labels: list[tuple[str, Cell]],
    total: bool,
) -> list[Entry]:
    """The entries one row (or column) states, all with its span, labels and total: one
    per kind of figure in its cells, each cell given with its field and the header (or row
    label) that names it."""
    by_kind: dict[str, Entry] = {}
    for cell, column, header in cells:
        if column is None:
            continue
        kind, key = column
        if kind not in by_kind:
            by_kind[kind] = Entry(kind, {}, span, labels=list(labels), total=total)
        _put(by_kind[kind], key, cell, header, context)
    return [e for e in by_kind.values() if e.values or e.flags]


def _put(entry: Entry, key: str, cell: Cell, header: str, context: str) -> None:
    number, cell_unit, stated = _cell_number(cell)
    if not stated:
        return
    scale = 1.0
    if key == "area":
        unit, scale = _area_unit(header, context)
        unit = cell_unit or unit
        if unit is None:
            entry.flags.append("area_unit_missing")
            return
        entry.area_unit = unit
    elif (m := _SCALE_RE.search(header)) and m.lastgroup:
        scale = _SCALES[m.lastgroup]  # "UXO (thousands)"
    if number is not None and scale != 1.0 and number.value is not None:
        words = "thousand" if scale == 1_000 else "million"
        number = replace(number, value=number.value * scale, text=f"{number.text} {words}")
    if number is None and "malformed_number" not in entry.flags:
        entry.flags.append("malformed_number")
    entry.values[key] = number


# --- the tables of a report that hold results -------------------------------------------

# A caption of plans or estimates (the words of _NOT_RESULTS_RE, or of the future) heads no
# results, unless it compares them with results: "Clearance in 2024 against the annual plan".
_FUTURE_RE = re.compile(r"\bwill\b|\bintend|\bto\s+be\s+(?:cleared|surveyed)|\bprojected|\baims?\b")
_COMPARED_RE = re.compile(
    r"\bagainst\b|\bversus\b|\bvs\.?\s|compared|\bactual|\bfact\b|implement|execution|fulfil"
)


def tables_of_results(text: str) -> list[tuple[Table, list[Entry]]]:
    """The tables of figures in a report, each with the entries of results it states: none
    for a table of plans or estimates, which is listed all the same so that its lines are
    not read as sentences of results either."""
    found = []
    for table in find_tables(text):
        if any(_NEWS_LIST_RE.fullmatch(_clean(c.text)) for c in table.header):
            found.append((table, []))  # "| # | Title | Views |": a list of news, no figures
            continue
        caption = caption_of(text, table)
        above = _title_before(text, table).lower()
        if (_NOT_RESULTS_RE.search(above) or _FUTURE_RE.search(above)) and not _COMPARED_RE.search(
            above
        ):
            # "Clearance plan for 2025", not "... against the annual plan"
            if read_table(table, context=caption):
                found.append((table, []))
            continue
        entries = read_table(table, context=caption)
        if entries:
            found.append((table, entries))
    return found


_NEWS_LIST_RE = re.compile(r"titles?|headlines?|views|reads|news|articles?", re.I)


def _title_before(text: str, table: Table) -> str:
    """The line that titles a table: the last line with words before it, passing over a
    source or a note ("Clearance plan for 2025", then "Source: ANAMA")."""
    lines = [line for line in text[: table.start].split("\n") if line.strip()]
    while len(lines) > 1 and _SOURCE_LINE_RE.match(lines[-1]):
        lines.pop()
    return lines[-1] if lines else ""


_SOURCE_LINE_RE = re.compile(r"\s*(?:source|sources|note|notes|data)\s*:", re.I)


def caption_of(text: str, table: Table) -> str:
    """The line before a table: its title, with the period and unit it leaves out (a
    caption row of pipes, as trafilatura writes <caption>, without them)."""
    lines = [line for line in text[: table.start].split("\n") if line.strip()]
    while lines and _SEPARATOR_LINE_RE.fullmatch(lines[-1]):
        lines.pop()
    return lines[-1].strip(" |\t") if lines else ""


_SEPARATOR_LINE_RE = re.compile(r"[\s|:-]*-[\s|:-]*")

"""Report files -> documents: text with front matter, HTML pages, and JSON Lines corpora.

`read_documents` streams: it yields a `Document` for every readable report and a
`Rejection` (one line: "path:line: reason") for every file or JSONL line it cannot use,
and goes on. A JSONL corpus is read line by line, never whole.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "REPORT_SUFFIXES",
    "Document",
    "Rejection",
    "iter_report_files",
    "read_documents",
]

REPORT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl"})
_TEXT_FIELDS = ("url", "outlet", "title", "language")


@dataclass(frozen=True, slots=True)
class Document:
    """One report: its text and what is known of where and when it was published."""

    id: str
    text: str
    url: str | None
    outlet: str | None
    published: date | None
    title: str | None
    language: str | None
    source: str
    line: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read, with where and why, printable as one line."""

    source: str
    line: int | None
    doc_id: str | None
    reason: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"


class _Reject(Exception):
    """Raised inside the readers; becomes a Rejection."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def iter_report_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Report files under `paths`: folders walked recursively in sorted order.

    In folders only report suffixes are taken, skipping hidden entries and READMEs.
    A path named explicitly is yielded whatever it is (missing, other suffix), so that
    `read_documents` rejects it by name instead of silently dropping it.
    """
    for path in map(Path, paths):
        if not path.is_dir():
            yield path
            continue
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path).parts
            if any(part.startswith(".") for part in relative):
                continue
            if child.name.upper().startswith("README"):
                continue
            if child.is_file() and child.suffix.lower() in REPORT_SUFFIXES:
                yield child


def read_documents(paths: Iterable[Path]) -> Iterator[Document | Rejection]:
    """Documents and rejections from report files and folders, streaming, in path order."""
    for path in iter_report_files(paths):
        source = str(path)
        suffix = path.suffix.lower()
        if not path.exists():
            yield Rejection(source, None, None, "no such file or folder")
        elif not path.is_file():
            yield Rejection(source, None, None, "not a regular file")
        elif suffix not in REPORT_SUFFIXES:
            expected = ", ".join(sorted(REPORT_SUFFIXES))
            yield Rejection(
                source,
                None,
                None,
                f"unsupported file type '{suffix or path.name}' (expected one of {expected})",
            )
        elif suffix == ".jsonl":
            yield from _read_jsonl(path)
        else:
            try:
                yield _read_html(path) if suffix in (".html", ".htm") else _read_text(path)
            except _Reject as err:
                yield Rejection(source, err.line, path.stem, err.reason)
            except OSError as err:
                yield Rejection(source, None, path.stem, f"cannot read: {err.strerror}")


# -- fields -----------------------------------------------------------------------------

_ISO_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?"
)


def _parse_published(value: Any) -> date | None:
    """A YYYY-MM-DD date (a trailing time and zone are allowed and dropped)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str):
        raise _Reject(
            f"published must be a date string YYYY-MM-DD, got {_type_name(value)} {value!r}"
        )
    match = _ISO_DATE.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise _Reject(f"published '{value}' is not a valid date (YYYY-MM-DD)") from None


def _type_name(value: Any) -> str:
    names = {
        dict: "a mapping",
        list: "a list",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
    }
    return names.get(type(value), type(value).__name__)


def _optional_text(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Reject(f"{name} must be a string, got {_type_name(value)} {value!r}")
    return value.strip() or None


def _document(
    doc_id: str,
    text: str,
    fields: dict[str, Any],
    source: str,
    line: int | None,
    published: date | None = None,
) -> Document:
    """Check the known fields and build a Document; other keys go to `extra`."""
    if not text.strip():
        raise _Reject("text is empty")
    values = {name: _optional_text(fields, name) for name in _TEXT_FIELDS}
    stated = _parse_published(fields.get("published"))
    extra = {k: v for k, v in fields.items() if k not in (*_TEXT_FIELDS, "published")}
    return Document(
        id=doc_id,
        text=text,
        published=stated or published,
        source=source,
        line=line,
        extra=extra,
        **values,
    )


# -- text and markdown ------------------------------------------------------------------


class _StringDateLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as strings, so an impossible date is ours to report."""


_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = "|".join(_MONTHS)
# A first line that is only a date, as news sites print it: "1 September 2023 17:10
# (UTC+04:00)" or "September 1, 2023, 17:10".
_DATE_LINE = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*\(?(?:UTC|GMT)?\s*[+-]?\d{1,2}(?::?\d{2})?\)?)?)?",
    re.IGNORECASE,
)


def _date_line(text: str) -> date | None:
    """The date on the first non-empty line, if that line is nothing but a full date."""
    for line in text.splitlines():
        if line.strip():
            match = _DATE_LINE.fullmatch(line.strip())
            if match is None:
                return None
            day = match["d1"] or match["d2"]
            month = _MONTHS.index((match["m1"] or match["m2"]).lower()) + 1
            try:
                return date(int(match["y1"] or match["y2"]), month, int(day))
            except ValueError:
                return None
    return None


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise _Reject(
            f"not UTF-8: byte 0x{data[err.start]:02x} at byte offset {err.start} cannot be decoded",
            line,
        ) from None


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter fields, body) of a text that may open with a '---' block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        raise _Reject("front matter opened with '---' on line 1 is never closed", 1)
    try:
        fields = yaml.load("".join(lines[1:index]), Loader=_StringDateLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        line = mark.line + 2 if mark is not None else 1
        raise _Reject(f"front matter is not valid YAML: {problem}", line) from None
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise _Reject(f"front matter must be a mapping of fields, got {_type_name(fields)}", 1)
    return {str(k): v for k, v in fields.items()}, "".join(lines[index + 1 :])


def _read_text(path: Path) -> Document:
    fields, body = _split_front_matter(_decode(path.read_bytes()))
    if not body.strip():
        reason = "text is empty after the front matter" if fields else "text is empty"
        raise _Reject(reason)
    return _document(path.stem, body, fields, str(path), None, published=_date_line(body))


# -- HTML -------------------------------------------------------------------------------


def _read_html(path: Path) -> Document:
    """Main text and metadata of a saved web page, by trafilatura."""
    import trafilatura  # slow to import; only HTML inputs need it

    html = _decode(path.read_bytes())
    extracted = trafilatura.bare_extraction(html, with_metadata=True)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise _Reject("no main text found in the HTML page")
    fields = {
        "url": extracted.url,
        "outlet": extracted.sitename or extracted.hostname,
        "title": extracted.title,
        "language": extracted.language or _html_lang(html),
        "published": extracted.date,
    }
    return _document(path.stem, text, fields, str(path), None)


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.I)


def _html_lang(html: str) -> str | None:
    """The page's declared language (`<html lang="en">`), trafilatura gives none."""
    match = _HTML_LANG.search(html[:5000])
    return match.group(1).lower() if match else None


# -- JSON Lines -------------------------------------------------------------------------


def _read_jsonl(path: Path) -> Iterator[Document | Rejection]:
    """One document per line; a bad line is rejected with its number and the rest read."""
    source = str(path)
    seen = _SeenIds()
    offset = 0
    try:
        handle = path.open("rb")
    except OSError as err:
        yield Rejection(source, None, None, f"cannot read: {err.strerror}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            doc_id = None
            try:
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as err:
                    at = start + err.start
                    raise _Reject(
                        f"not UTF-8: byte 0x{raw[err.start]:02x} at byte offset {at} "
                        "cannot be decoded"
                    ) from None
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    raise _Reject(f"not valid JSON: {err.msg} (column {err.colno})") from None
                if not isinstance(obj, dict):
                    raise _Reject(f"expected a JSON object, got {_type_name(obj)}")
                doc_id = _jsonl_id(obj, path, number)
                first = seen.first_line(doc_id, number)
                if first is not None:
                    raise _Reject(f"duplicate id '{doc_id}' (first on line {first})")
                if "text" not in obj:
                    raise _Reject("no 'text' field")
                text = obj["text"]
                if not isinstance(text, str):
                    raise _Reject(f"text must be a string, got {_type_name(text)}")
                fields = {k: v for k, v in obj.items() if k not in ("id", "text")}
                yield _document(doc_id, text, fields, source, number)
            except _Reject as err:
                yield Rejection(source, number, doc_id, err.reason)


def _jsonl_id(obj: dict[str, Any], path: Path, number: int) -> str:
    """The object's `id` (string or integer), else the file stem and line number."""
    value = obj.get("id")
    if value is None:
        return f"{path.stem}-{number}"
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _Reject(f"id must be a string or integer, got {_type_name(value)}")
    return str(value)


class _SeenIds:
    """The line of each id seen in one file, in about 12 bytes per id.

    A dict of id strings costs ~130 bytes an id, so memory would grow with the corpus;
    this open-addressing table keeps only each id's 64-bit string hash and line number.
    Two different ids with equal hashes (odds ~1e-9 in 100,000) would pass for duplicates.
    """

    def __init__(self) -> None:
        self._keys = array("q", [0]) * 1024
        self._lines = array("I", [0]) * 1024
        self._count = 0

    def first_line(self, doc_id: str, line: int) -> int | None:
        """The line `doc_id` was first seen on, else None after recording it at `line`."""
        key = hash(doc_id) or 1  # 0 marks an empty slot
        keys = self._keys
        mask = len(keys) - 1
        slot = key & mask
        while keys[slot]:
            if keys[slot] == key:
                return self._lines[slot]
            slot = (slot + 1) & mask
        keys[slot] = key
        self._lines[slot] = line
        self._count += 1
        if self._count * 2 > len(keys):
            self._grow()
        return None

    def _grow(self) -> None:
        old = zip(self._keys, self._lines, strict=True)
        self._keys = array("q", [0]) * (2 * len(self._keys))
        self._lines = array("I", [0]) * len(self._keys)
        mask = len(self._keys) - 1
        for key, line in old:
            if key:
                slot = key & mask
                while self._keys[slot]:
                    slot = (slot + 1) & mask
                self._keys[slot] = key
                self._lines[slot] = line

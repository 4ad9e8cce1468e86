"""Reading report files: each format, every rejection reason, streaming of large corpora."""

from __future__ import annotations

import inspect
import json
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from research.documents import Document, Rejection, iter_report_files, read_documents

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reports"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"


def read(*paths: Path) -> list[Document | Rejection]:
    return list(read_documents(paths))


def only(items: list[Document | Rejection]) -> Document | Rejection:
    assert len(items) == 1, items
    return items[0]


def reason_of(path: Path) -> str:
    item = only(read(path))
    assert isinstance(item, Rejection), item
    return str(item)


# -- good inputs ------------------------------------------------------------------------


def test_markdown_with_front_matter() -> None:
    doc = only(read(GOOD / "weekly-front-matter.md"))
    assert isinstance(doc, Document)
    assert doc.id == "weekly-front-matter"
    assert doc.url == "https://news.example.org/demining/weekly-1"
    assert doc.outlet == "Example News"
    assert doc.published == date(2024, 3, 11)
    assert doc.title == "Weekly demining summary"
    assert doc.language == "en"
    assert doc.extra == {"section": "society"}
    assert doc.text.startswith("Demining teams")
    assert "---" not in doc.text
    assert doc.source == str(GOOD / "weekly-front-matter.md")
    assert doc.line is None


def test_plain_text_takes_its_date_from_a_first_date_line() -> None:
    doc = only(read(GOOD / "plain-dated.txt"))
    assert isinstance(doc, Document)
    assert doc.published == date(2023, 10, 2)
    assert doc.url is None and doc.outlet is None
    assert "2 October 2023" in doc.text, "the text is kept whole, so offsets stay true"


def test_plain_text_without_date_line() -> None:
    doc = only(read(GOOD / "plain-undated.txt"))
    assert isinstance(doc, Document)
    assert doc.published is None
    assert doc.text.startswith("Deminers in Zəngilan")


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("1 September 2023 17:10 (UTC+04:00)", date(2023, 9, 1)),
        ("September 1, 2023", date(2023, 9, 1)),
        ("12 december 2024", date(2024, 12, 12)),
        ("1 September 2023 was a Friday, when deminers", None),  # not only a date
        ("September 2023", None),  # not a full date
        ("31 February 2023", None),  # impossible
        ("Deminers worked.\n1 September 2023", None),  # only the first non-empty line
    ],
)
def test_date_line(tmp_path: Path, first_line: str, expected: date | None) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(f"{first_line}\n\nInvented body text.\n", encoding="utf-8")
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert doc.published == expected


def test_front_matter_date_wins_over_date_line(tmp_path: Path) -> None:
    path = tmp_path / "both.md"
    path.write_text("---\npublished: 2024-01-05\n---\n3 March 2023\n\nInvented.\n", "utf-8")
    doc = only(read(path))
    assert isinstance(doc, Document) and doc.published == date(2024, 1, 5)


def test_seed_files_are_read() -> None:
    seeds = Path("/work/shared/seeds")
    if not seeds.is_dir():
        pytest.skip("shared seeds not on this machine")
    items = read(seeds)
    assert items and all(isinstance(i, Document) for i in items)
    dated = [i for i in items if isinstance(i, Document) and i.published]
    assert all(isinstance(d.published, date) for d in dated)


def test_html_page_main_text_and_metadata() -> None:
    doc = only(read(GOOD / "page.html"))
    assert isinstance(doc, Document)
    assert doc.id == "page"
    assert doc.url == "https://wire.example.com/articles/95-hectares"
    assert doc.outlet == "Sample Wire"
    assert doc.published == date(2024, 5, 6)
    assert doc.title == "Deminers clear 95 hectares in a test district"
    assert doc.language == "en"
    assert "3 anti-personnel mines" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text


def test_html_without_main_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>T</title></head><body></body></html>", "utf-8")
    assert reason_of(path) == f"{path}: no main text found in the HTML page"


def test_jsonl_corpus() -> None:
    docs = read(GOOD / "corpus.jsonl")
    assert all(isinstance(d, Document) for d in docs)
    assert [(d.id, d.line) for d in docs] == [("wire-001", 1), ("wire-002", 2), ("3", 4)]
    first, second, third = docs
    assert first.published == date(2024, 1, 8) and first.outlet == "Sample Wire"
    assert second.extra == {"tags": ["weekly"]}
    assert third.published is None and third.url is None
    assert "Şuşa" in third.text


def test_jsonl_without_id_uses_stem_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bulk.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    assert [d.id for d in read(path)] == ["bulk-1", "bulk-2"]


def test_jsonl_published_with_time_keeps_the_date(tmp_path: Path) -> None:
    path = tmp_path / "bulk.jsonl"
    path.write_text('{"text": "a", "published": "2024-05-06T10:00:00+04:00"}\n', "utf-8")
    doc = only(read(path))
    assert isinstance(doc, Document) and doc.published == date(2024, 5, 6)


# -- file discovery ---------------------------------------------------------------------


def test_folders_are_walked_recursively_sorted_and_filtered(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/d.jsonl",
        "sub/e.htm",
        "x.csv",
        "README.md",
        ".hidden/f.txt",
        ".g.txt",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_report_files([tmp_path])]
    assert found == ["a.md", "b.txt", "sub/c.html", "sub/d.jsonl", "sub/e.htm"]


def test_named_files_pass_through_to_be_rejected(tmp_path: Path) -> None:
    named = [tmp_path / "missing.txt", BAD / "table.csv"]
    assert list(iter_report_files(named)) == named


# -- rejections -------------------------------------------------------------------------


def test_missing_path() -> None:
    missing = FIXTURES / "nowhere.txt"
    assert reason_of(missing) == f"{missing}: no such file or folder"


def test_unsupported_suffix() -> None:
    assert reason_of(BAD / "table.csv") == (
        f"{BAD / 'table.csv'}: unsupported file type '.csv' "
        "(expected one of .htm, .html, .jsonl, .md, .txt)"
    )


def test_impossible_date() -> None:
    assert reason_of(BAD / "impossible-date.md") == (
        f"{BAD / 'impossible-date.md'}: published '2024-02-30' is not a valid date (YYYY-MM-DD)"
    )


def test_unclosed_front_matter() -> None:
    assert reason_of(BAD / "unclosed.md") == (
        f"{BAD / 'unclosed.md'}:1: front matter opened with '---' on line 1 is never closed"
    )


def test_yaml_error_names_a_line() -> None:
    message = reason_of(BAD / "yaml-error.md")
    assert message.startswith(f"{BAD / 'yaml-error.md'}:")
    assert "front matter is not valid YAML" in message


def test_front_matter_not_a_mapping() -> None:
    assert reason_of(BAD / "not-mapping.md") == (
        f"{BAD / 'not-mapping.md'}:1: front matter must be a mapping of fields, got a list"
    )


def test_wrong_typed_field() -> None:
    assert reason_of(BAD / "wrong-type.md").endswith(
        "url must be a string, got a list ['https://a.example', 'https://b.example']"
    )


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("published: 2024", "published must be a date string YYYY-MM-DD, got a number 2024"),
        ("published: 5 May 2024", "published '5 May 2024' is not a valid date (YYYY-MM-DD)"),
        ("title: 12", "title must be a string, got a number 12"),
    ],
)
def test_more_wrong_fields(tmp_path: Path, front: str, expected: str) -> None:
    path = tmp_path / "r.md"
    path.write_text(f"---\n{front}\n---\nInvented.\n", encoding="utf-8")
    assert reason_of(path) == f"{path}: {expected}"


def test_empty_text_after_front_matter() -> None:
    assert reason_of(BAD / "empty-body.md") == (
        f"{BAD / 'empty-body.md'}: text is empty after the front matter"
    )


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n", encoding="utf-8")
    assert reason_of(path) == f"{path}: text is empty"


def test_undecodable_bytes_give_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Invented line\nDeminers in F\xfczuli.\n")
    assert reason_of(path) == (
        f"{path}:2: not UTF-8: byte 0xfc at byte offset 27 cannot be decoded"
    )


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf---\noutlet: X\n---\nInvented.\n")
    doc = only(read(path))
    assert isinstance(doc, Document) and doc.outlet == "X"


def test_jsonl_bad_lines_are_rejected_and_the_rest_read() -> None:
    items = read(BAD / "lines.jsonl")
    source = str(BAD / "lines.jsonl")
    assert [d.id for d in items if isinstance(d, Document)] == ["ok-1", "ok-3"]
    assert [str(r) for r in items if isinstance(r, Rejection)] == [
        f"{source}:2: published '2024-13-01' is not a valid date (YYYY-MM-DD)",
        f"{source}:3: not valid JSON: Expecting value (column 1)",
        f"{source}:4: expected a JSON object, got a list",
        f"{source}:5: no 'text' field",
        f"{source}:6: duplicate id 'ok-1' (first on line 1)",
        f"{source}:7: text is empty",
        f"{source}:8: outlet must be a string, got a number 42",
    ]
    rejected = {r.line: r.doc_id for r in items if isinstance(r, Rejection)}
    assert rejected[6] == "ok-1" and rejected[3] is None


def test_jsonl_undecodable_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "a"}\n{"text": "\xff"}\n{"text": "c"}\n')
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert str(items[1]) == f"{path}:2: not UTF-8: byte 0xff at byte offset 24 cannot be decoded"


def test_other_files_go_on_after_a_rejection(tmp_path: Path) -> None:
    items = read(tmp_path / "missing.md", BAD / "impossible-date.md", GOOD / "plain-dated.txt")
    assert [type(i).__name__ for i in items] == ["Rejection", "Rejection", "Document"]


def test_rejection_str_without_line() -> None:
    assert str(Rejection("a/b.txt", None, "b", "text is empty")) == "a/b.txt: text is empty"
    assert str(Rejection("a/b.jsonl", 7, None, "no 'text' field")) == "a/b.jsonl:7: no 'text' field"


# -- streaming --------------------------------------------------------------------------


def test_read_documents_is_a_generator() -> None:
    assert inspect.isgenerator(read_documents([GOOD]))


def test_large_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    text = "Invented weekly figures: 12 anti-personnel mines in Aghdam district. " * 6
    with path.open("w", encoding="utf-8") as handle:
        for i in range(50_000):
            handle.write(json.dumps({"id": f"d{i}", "published": "2024-01-01", "text": text}))
            handle.write("\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for item in read_documents([path]) if isinstance(item, Document))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 50_000
    # The ids seen (for duplicate checks) are kept; the texts never are.
    assert peak < size / 4, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB file"

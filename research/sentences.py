"""Split a report's text into sentences, less the page furniture around the article.

Offsets into the text are kept throughout, so every figure read from a sentence can point
back at its evidence. Hand-written: sentence splitters for general prose (nltk, spaCy,
pysbd) do not know the shapes press copies of mine-action statements take (bulleted label
lines, hard-wrapped feeds, "Read also" lists, numbered lists), and cost far more per report.
"""

from __future__ import annotations

import re

__all__ = ["join_list_markers", "split_sentences", "without_furniture"]

# A boundary is end punctuation + space + a capital/digit/quote, a blank line, or a line
# break after end punctuation. A bare line break is a soft wrap (press feeds wrap lines
# mid-sentence), and a line starting with a bullet continues a list.
_BOUNDARY_RE = re.compile(
    # Opening with a bare character set lets re skip to the next candidate in C; the empty
    # groups mark which kind of boundary matched (and where its punctuation ends).
    r"[.!?;:\n](?:"
    r"(?<=[.!?;])(?P<stop>)[\"'”’)]*[ \t\u00a0]+(?=[\"“(A-Z0-9])"
    r"|(?<=\n)[ \t\u00a0]*\n\s*"
    # a bulleted line continues a list opened by a colon, but not a finished sentence
    r"|(?<=[.!?;])(?P<line>)[\"'”’)]*[ \t\u00a0]*\n\s*"
    r"|(?<=:)(?P<colon>)[\"'”’)]*[ \t\u00a0]*\n(?![ \t]*[-•*–])\s*)"
)
# In a text whose lines are paragraphs (not hard-wrapped), a line break before a capital
# also ends a sentence: captions and headings carry no full stop.
_LINE_BOUNDARY_RE = re.compile(r"\n(?=[ \t]*[\"“A-Z0-9])\s*")
_LINE_ENDINGS = tuple('.!?:;"”’)')
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos mr mrs dr st vs approx incl ca "
    "km sq e.g i.e thous thsd тыс кв".split()
)


def _is_hard_wrapped(text: str) -> bool:
    """True when most lines end mid-sentence (a feed wrapped at a fixed width)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 4:
        return False
    ended = sum(line.rstrip(" \t").endswith(_LINE_ENDINGS) for line in text.split("\n"))
    return ended < len(lines) / 2


_LINE_END_RE = re.compile(r"[ \t]*\n\s*")
# a date, a time or a byline: "10/14/2024 10:08:42 AM", "23 May 2022 11:44", "Akbar Novruz"
_STAMP_RE = re.compile(r"(?:(?:[\d/.:,-]+|[A-Z][\w'’.,-]*)[ \t]*){1,6}")
_INNER_STOP_RE = re.compile(r"[.!?]\s+[A-Z]")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _heading_block_ends(text: str) -> list[re.Match[str]]:
    """Line ends of a hard-wrapped text's title ("ANAMA's Weekly Report: 1,198 Hectares
    Cleared Of Mines") and of the time stamp and byline lines right under it: those lines
    are no part of the first sentence, though the text's other lines run on."""
    ends: list[re.Match[str]] = []
    pos = len(text) - len(text.lstrip())
    first = True
    while (m := _LINE_END_RE.search(text, pos)) is not None:
        line = text[pos : m.start()].strip()
        if line.endswith((".", "!", "?", ",", ";", ":")) or not line:
            break
        if first:
            words = [w for w in _WORD_RE.findall(line) if len(w) > 3]
            if (
                len(words) < 3
                or sum(w[0].isupper() for w in words) < 0.8 * len(words)
                or _INNER_STOP_RE.search(line)  # "BAKU, December 5. More than 61 (37"
                or text[m.end() : m.end() + 1].islower()  # the line runs on: "... Agency\ncleared"
            ):
                break
            first = False
        elif not _STAMP_RE.fullmatch(line):
            break
        ends.append(m)
        pos = m.end()
    return ends


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation ("Oct.") or an initial ("J.")."""
    before = text[max(0, dot - 8) : dot]
    word = before[max(before.rfind(" "), before.rfind("\n")) + 1 :]
    if len(word) == 1:
        return word.isupper()
    return len(word) <= 6 and word.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of sentences, skipping abbreviation full stops."""
    spans: list[tuple[int, int]] = []
    start = 0
    boundaries = list(_BOUNDARY_RE.finditer(text))
    if "\n" in text:
        lines = (
            _LINE_BOUNDARY_RE.finditer(text)
            if not _is_hard_wrapped(text)
            else _heading_block_ends(text)
        )
        boundaries = sorted([*boundaries, *lines], key=re.Match.start)
    for m in boundaries:
        if m.start() < start:
            continue
        stop = m.lastgroup
        end = m.end(stop) if stop else m.start()
        if stop and text[end - 1] == "." and _is_abbreviation(text, end - 1):
            continue
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if not text[s:e].isspace()]


_LIST_MARKER_RE = re.compile(r"[ \t]*(?:\d{1,2}|[a-z])[.)]")


def join_list_markers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a list item's number ("1.", "2)") to the item it opens on its line: the full
    stop ends no sentence, and the heading above still leads on to the item."""
    if "." not in text and ")" not in text:
        return spans
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        s, e = spans[i]
        if (
            i + 1 < len(spans)
            and _LIST_MARKER_RE.fullmatch(text, s, e)
            and not text[e : spans[i + 1][0]].strip(" \t")
        ):
            out.append((s, spans[i + 1][1]))
            i += 2
            continue
        out.append((s, e))
        i += 1
    return out


# Page furniture a scraped report carries around the article: lists of other headlines
# ("Read also:"), tags, captions, sources, share and copyright lines. Their figures belong to
# other reports. A marker alone on its line opens a list that runs to the next blank line.
_FURNITURE_RE = re.compile(
    r"^[ \t]*(?:"
    r"(?P<related>(?:read\s+(?:also|more)|see\s+also|also\s+read|related\s+(?:news|articles|"
    r"stories|posts|topics)|related(?=[ \t]*(?::|$))|more\s+(?:news|stories)(?:\s+on\s+(?:this|"
    r"the)\s+topic)?|latest\s+news|other\s+news|you\s+may\s+also\s+like|most\s+(?:read|popular"
    r"|viewed)|popular\s+(?:news|stories)|trending(?:\s+now)?|top\s+stories"
    r"|(?:latest|breaking(?:\s+news)?)(?=[ \t]*:))[ \t]*[:.\-–—]?)"
    r"|(?:tags?|keywords|photo(?:\s+credit)?|source|views?|share|comments)\s*[:|(]"
    r"|follow\s+(?:us|[\w.]+)\s+on\b|©|\(c\)|copyright\b|all\s+rights\s+reserved"
    r")",
    re.I | re.M,
)


_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
# A line of prose: a capital, then 80 characters or more with no pipe, ending a sentence
_PROSE_LINE_RE = re.compile(r"(?<=\n)[ \t]*[A-Z0-9\"“«][^|\n]{80,}[.!?][\"”’»)]*[ \t]*(?=\n|$)")


def without_furniture(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences less any page furniture in them (offsets into the text are kept)."""
    if "\n" not in text:
        return sentences
    masked: list[tuple[int, int]] = []
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    # Matched line by line: a scan of the whole text for line starts costs more.
    for m in filter(None, (_FURNITURE_RE.match(text, pos) for pos in starts)):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        end = line_end
        if m["related"] and not text[m.end() : line_end].strip():
            blank = _BLANK_LINE_RE.search(text, line_end)
            if blank is not None and blank.start() == line_end:  # "Most read", blank, list
                blank = _BLANK_LINE_RE.search(text, blank.end())
            end = blank.start() if blank else len(text)
            # the list ends before a line of prose that follows it with no blank line
            prose = _PROSE_LINE_RE.search(text, line_end, end)
            end = prose.start() if prose else end
        masked.append((m.start(), end))
    if not masked:
        return sentences
    kept = []
    for s, e in sentences:
        pieces = [(s, e)]
        for ms, me in masked:
            pieces = [
                piece
                for a, b in pieces
                for piece in ((a, min(b, ms)), (max(a, me), b))
                if piece[0] < piece[1]
            ]
        kept += [(a, b) for a, b in pieces if not text[a:b].isspace()]
    return kept

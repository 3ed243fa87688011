"""Sentence and clause boundaries by rule: cheap, offset-exact, good enough for news and ACLED notes.

We do not run spaCy's parser for this: it is the slowest component and sentence boundaries in edited news
are regular. Abbreviations ("U.S.", "Gen.", "No.") and initials do not end a sentence.

A "sentence" longer than MAX_SENTENCE_CHARS (scraped text that lost its full stops, tables flattened into one
line) is cut into windows at clause boundaries, else commas, else spaces, else at the cap itself: the later
stages cost more than linear time in the length of a sentence, so bounded windows keep an article linear.
Edited sentences are far shorter (of 52,482 sentences of ACLED notes one is over 800 characters).
"""
from __future__ import annotations

import re

__all__ = ["MAX_SENTENCE_CHARS", "split_sentences", "split_clauses"]

MAX_SENTENCE_CHARS = 800

_ABBREV = {
    "u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co",
    "gov", "sen", "rep", "prof", "approx", "est", "fig", "e.g", "i.e", "etc", "a.m", "p.m", "al",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")


def _is_abbrev(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a line break always ends a sentence."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        base, chunk = line.start(), line.group()
        start = 0
        for m in _END.finditer(chunk):
            if chunk[m.start()] == "." and _is_abbrev(chunk, m.start()):
                continue
            spans.append((base + start, base + m.end()))
            start = m.end()
            while start < len(chunk) and chunk[start].isspace():
                start += 1
        if chunk[start:].strip():
            spans.append((base + start, base + len(chunk.rstrip())))
    return [w for s, e in spans if text[s:e].strip() for w in _windows(text, s, e)]


_CLAUSE = re.compile(
    r",\s+(?=(?:replacing|who|which|whom|whose|while|whereas|after|before|when|as|killing|leaving|and then)\b)"
    r"|;\s+|\s+[–—]\s+|\s+-\s+(?=[a-z])"
)


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause-like pieces of one sentence, for giving each event trigger its nearest arguments."""
    pieces, prev = [], start
    for m in _CLAUSE.finditer(text, start, end):
        pieces.append((prev, m.start()))
        prev = m.end()
    pieces.append((prev, end))
    return [(s, e) for s, e in pieces if e > s]


_COMMA = re.compile(r",\s+")
_SPACE = re.compile(r"\s+")


def _cut(text: str, start: int, cap: int) -> tuple[int, int]:
    """Where to cut the window that begins at `start`: (its end, the next window's start). The last clause
    boundary in the second half of the window, else the last comma, else the last space, else the cap."""
    lo, hi = start + cap // 2, start + cap
    for pattern in (_CLAUSE, _COMMA, _SPACE):
        last = None
        for last in pattern.finditer(text, lo, hi):
            pass
        if last is not None:
            return last.start(), last.end()
    return hi, hi


def _windows(text: str, start: int, end: int, cap: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """One sentence as windows of at most `cap` characters (itself when short enough)."""
    out: list[tuple[int, int]] = []
    while end - start > cap:
        stop, nxt = _cut(text, start, cap)
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            out.append((start, stop))
        start = nxt
        while start < end and text[start].isspace():
            start += 1
    if text[start:end].strip():
        out.append((start, end))
    return out

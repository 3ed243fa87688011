"""Coded, catalogued errors. Users search for the code; the CLI prints `E0xx: message` on one line."""
from __future__ import annotations

__all__ = ["EventwireError", "InputError", "StoreError", "CATALOGUE"]

CATALOGUE: dict[str, str] = {
    "E001": "input file not found",
    "E002": "input file is empty",
    "E003": "input file looks binary",
    "E004": "input file is not valid UTF-8",
    "E005": "input file is larger than the size limit (setting max_input_bytes)",
    "E006": "JSONL line is not valid JSON",
    "E007": "JSONL record has neither 'text' nor 'html'",
    "E008": "JSONL record field has the wrong type",
    "E009": "HTML page has no extractable main text",
    "E010": "publication date could not be parsed",
    "E011": "unsupported input file type",
    "E020": "database URL not supported",
    "E021": "database error",
    "E030": "evaluation data not found",
    "E031": "trained model artefact missing or unreadable",
    "E032": "generalisation split could not be built or scored",
    "E040": "extraction failed on this article (stored as a reject; re-run retries it)",
}


class EventwireError(Exception):
    """Base error: carries a catalogue code and, where known, the file and line it is about."""

    code = "E000"

    def __init__(self, code: str, detail: str = "", *, path: str | None = None, line: int | None = None):
        self.code = code
        self.detail = detail
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        reason = CATALOGUE.get(self.code, "error")
        return f"{self.code}: {where}{reason}" + (f" ({self.detail})" if self.detail else "")


class InputError(EventwireError):
    """A user's input could not be read; the record is skipped, the others go on."""


class StoreError(EventwireError):
    """The store could not do what was asked."""

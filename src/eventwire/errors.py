"""Coded, catalogued errors. Users search for the code; the CLI prints `E0xx: message` on one line."""
from __future__ import annotations

__all__ = ["EventwireError", "InputError", "OutputError", "SettingError", "StoreError", "CATALOGUE", "one_line"]

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
    "E012": "input text held NUL or unpaired surrogate characters; each was replaced by U+FFFD (the record is kept)",
    "E013": "symbolic link leads out of the folder being read; skipped (use --follow-symlinks to read it)",
    "E014": "internal error while reading this record (a bug; the other records go on)",
    "E020": "database URL not supported",
    "E021": "database error",
    "E022": "this article could not be stored (its rows were rolled back; the rest of its batch is stored)",
    "E023": "no eventwire store there (nothing was created; run `eventwire ingest` or `eventwire db upgrade` first)",
    "E025": "no such event, or the article is not one of its members",
    "E026": "review change not valid (unknown field or action, or a value of the wrong type)",
    "E030": "evaluation data not found",
    "E031": "trained model artefact missing or unreadable",
    "E032": "generalisation split could not be built or scored",
    "E040": "internal error while extracting this article (a bug; stored as a reject, a re-run retries it)",
    "E041": "article took longer than its extraction time budget (setting article_seconds); rejected",
    "E042": "setting has an invalid value",
    "E050": "cannot write the output file",
    "E051": "output file exists; use --force to overwrite it",
    "E060": "no such API route",
    "E061": "API request parameter not valid",
    "E062": "review is not enabled on this server (start it with `eventwire serve --review`)",
    "E063": "review token missing or wrong (send the header `Authorization: Bearer <token>` printed at start)",
    "E064": "internal error while answering this API request (a bug)",
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


class SettingError(EventwireError):
    """A setting (EVENTWIRE_<NAME>) holds a value of the wrong type."""


class OutputError(EventwireError):
    """An output file could not be written."""


def one_line(exc: BaseException, limit: int = 200) -> str:
    """`Type: message` of an exception, first line only and cut to `limit` characters: never a traceback, and
    never more than a glimpse of the data a message may quote (an article's text, a statement's parameters)."""
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else ""
    if len(message) > limit:
        message = message[:limit] + "…"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__

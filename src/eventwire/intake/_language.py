"""Language identification of an article's cleaned text (py3langid: its model ships in the wheel, nothing is
downloaded). eventwire extracts from English only; a text identified as another language is told to the user
rather than silently giving no events."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Language", "detect_language", "language_notice", "non_english"]

# Below these, the identification is a guess (a dateline, a headline of names): say nothing rather than cry wolf.
_MIN_LETTERS = 40
_MIN_PROBABILITY = 0.5
_SAMPLE_CHARS = 5_000  # the head of a long article tells its language as well as the whole


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as py3langid names it
    probability: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Language | None:
    """The language of `text`, or None when it is too short or the identifier is unsure."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    if probability < _MIN_PROBABILITY:
        return None
    return Language(str(code), float(probability))


def non_english(text: str) -> Language | None:
    """The language of `text` when it is confidently not English, else None."""
    found = detect_language(text)
    return found if found and found.code != "en" else None


def language_notice(article_key: str, text: str) -> str | None:
    """The one-line notice for an article whose text is not English, or None."""
    found = non_english(text)
    if found is None:
        return None
    return (f"notice: {article_key}: the text reads as language '{found.code}' (p={found.probability:.2f}), not "
            "English; eventwire reads English only, so its events are likely missing or wrong")

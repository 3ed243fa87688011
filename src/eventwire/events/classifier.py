"""The learned ACLED sub-event-type classifier: TF-IDF word and character n-grams into a logistic regression.

Trained only on the `train` side of `eventwire.devdata` (ACLED `notes`). News sentences do not carry ACLED's
boilerplate (the leading "On 2 June 2023,", trailing "1 fatality.", "[size=...]", "Property destruction:" prefixes),
and some of it leaks the label, so `clean_note` strips it before training and before prediction. Each note is
also trained on its first sentence alone, because at prediction time the input is often one news sentence.

Training fits a scikit-learn pipeline; the artefact that ships in `eventwire/data/model/` is that pipeline's arrays
(`tfidf.TfidfLinear`, one `.npz`), so prediction never imports scikit-learn. A metadata json beside it holds the
sklearn version, the training-data sha256 and the held-out scores. Train with `eventwire train` or
`python -m eventwire.events.classifier`.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from eventwire.errors import EventwireError
from eventwire.events.tfidf import TfidfLinear
from eventwire.settings import data_path

__all__ = [
    "SUBTYPE_TO_TYPE",
    "SubtypeClassifier",
    "clean_note",
    "first_sentence",
    "model_dir",
    "subtype_to_type",
    "train",
]

log = logging.getLogger(__name__)

SEED = 13
MODEL_FILE = "subtype_classifier.npz"
META_FILE = "subtype_classifier.json"

# ACLED's fixed taxonomy (25 sub-event types under 6 event types): one table, kept with the triggers.
from eventwire.events.lexicon import SUBTYPE_TO_TYPE  # noqa: E402


def subtype_to_type(sub_event_type: str) -> str:
    """ACLED's event type for a sub-event type; KeyError for a name outside the taxonomy."""
    return SUBTYPE_TO_TYPE[sub_event_type]


# --- text cleaning -------------------------------------------------------------------------------------------

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = rf"(?:\d{{1,2}}\s+)?{_MONTHS}(?:\s+\d{{4}})?|\d{{4}}"
_LEADING_DATE = re.compile(
    rf"^\s*(?:On|Around|Between|Since|As of|During|From|In|By|Until|Over)\s+(?:(?:the\s+)?(?:night|week|weekend|"
    rf"morning|evening|period|end)\s+of\s+)?(?:{_DATE})(?:\s*(?:-|to|and)\s*(?:{_DATE}))*(?:\s*\([^)]{{0,60}}\))?(?:\s*[,.]\s*|\s+)",
    re.IGNORECASE,
)
_LABEL_PREFIX = re.compile(r"^\s*[A-Z][A-Za-z /-]{2,40}:\s+")
_SIZE = re.compile(r"\s*\[size=[^\]]*\]\s*", re.IGNORECASE)
# Trailing coding remarks: fatality counts, "Casualties unknown.", "No injuries nor fatalities were reported."
_CODING_SENTENCE = re.compile(
    r"(?:(?<=[.!?])|^)\s*(?:"
    r"\d+\s+fatalit(?:y|ies)[^.]*|Casualties unknown|"
    r"(?:Unknown|Total)[^.]{0,40}fatalities (?:were )?coded[^.]*|Fatalities coded[^.]*|"
    r"(?:No|There were no)\s+(?:fatalities|injuries|casualties)[^.]*(?:reported|fatalities|injuries)[^.]*|"
    r"Neither (?:injuries|fatalities)[^.]*reported[^.]*|No (?:injuries|fatalities) (?:or|nor)[^.]*"
    r")\.?\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]'\"][.!?])\s+(?=[A-Z])")


def clean_note(text: str) -> str:
    """Strip ACLED coding boilerplate that leaks the label or never appears in news."""
    text = _SIZE.sub(" ", text).strip()
    text = _LABEL_PREFIX.sub("", text, count=1)  # "Arrests: On 24 May 2022, ..." as well as "On ..., Looting: ..."
    text = _LEADING_DATE.sub("", text, count=1)
    text = _LABEL_PREFIX.sub("", text, count=1)
    for _ in range(3):  # several coding sentences can trail one another
        stripped = _CODING_SENTENCE.sub("", text).strip()
        if stripped == text:
            break
        text = stripped
    return text[:1].upper() + text[1:] if text else text


def first_sentence(text: str) -> str:
    """The first sentence of a (cleaned) note: in ACLED it carries the event."""
    return _SENTENCE_END.split(text, maxsplit=1)[0].strip()


# --- training -------------------------------------------------------------------------------------------------


def model_dir() -> Path:
    """Where the artefact lives: shipped inside the package, or under the `data_dir` setting."""
    return data_path("model")


def training_hash(rows: Sequence[dict[str, str]]) -> str:
    """sha256 over the sorted (event id, notes) pairs of the training rows."""
    digest = hashlib.sha256()
    for event_id, notes in sorted((r["event_id_cnty"], r["notes"]) for r in rows):
        digest.update(f"{event_id}\t{notes}\n".encode("utf-8"))
    return digest.hexdigest()


def training_texts(rows: Iterable[dict[str, str]]) -> tuple[list[str], list[str]]:
    """(texts, sub-types): each cleaned note, plus its first sentence when that is shorter."""
    texts: list[str] = []
    labels: list[str] = []
    for row in rows:
        note = clean_note(row["notes"])
        if not note:
            continue
        texts.append(note)
        labels.append(row["sub_event_type"])
        first = first_sentence(note)
        if first and len(first) < len(note) - 10:
            texts.append(first)
            labels.append(row["sub_event_type"])
    return texts, labels


def _class_weights(labels: Sequence[str]) -> dict[str, float]:
    """Partly balanced weights (exponent 0.75): Armed clash is half the data, some classes have a dozen rows;
    fully balanced weights raised macro F1 but cost weighted F1 on first sentences in a small sweep."""
    counts = Counter(labels)
    mean = len(labels) / len(counts)
    return {label: float((mean / n) ** 0.75) for label, n in counts.items()}


def build_pipeline(labels: Sequence[str], max_features: int = 20000) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    words = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, max_features=max_features, sublinear_tf=True, lowercase=True, dtype=np.float32
    )
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), min_df=3, max_features=max_features, sublinear_tf=True,
        dtype=np.float32,
    )
    model = LogisticRegression(C=4.0, max_iter=300, class_weight=_class_weights(labels), random_state=SEED)
    return Pipeline([("features", FeatureUnion([("words", words), ("chars", chars)])), ("model", model)])


@dataclass
class TrainResult:
    model_path: Path
    meta: dict[str, Any]


def score(classifier: "SubtypeClassifier", rows: Sequence[dict[str, str]]) -> dict[str, float]:
    """Held-out scores of the classifier alone: cleaned notes and their first sentences."""
    from sklearn.metrics import accuracy_score, f1_score

    gold = [r["sub_event_type"] for r in rows]
    out: dict[str, float] = {"n": float(len(rows))}
    for name, texts in (
        ("note", [clean_note(r["notes"]) for r in rows]),
        ("first_sentence", [first_sentence(clean_note(r["notes"])) for r in rows]),
    ):
        pred = [p[1] for p in classifier.predict(texts)]
        out[f"{name}_weighted_f1"] = round(float(f1_score(gold, pred, average="weighted", zero_division=0)), 4)
        out[f"{name}_macro_f1"] = round(float(f1_score(gold, pred, average="macro", zero_division=0)), 4)
        out[f"{name}_accuracy"] = round(float(accuracy_score(gold, pred)), 4)
        out[f"{name}_event_type_accuracy"] = round(
            float(np.mean([subtype_to_type(g) == subtype_to_type(p) for g, p in zip(gold, pred)])), 4
        )
    majority = Counter(gold).most_common(1)[0][0]
    out["majority_baseline_accuracy"] = round(gold.count(majority) / len(gold), 4)
    return out


def train(out_dir: Path | None = None, eval_dir: Path | None = None, max_features: int = 20000,
          rows: Iterable[dict[str, str]] | None = None,
          held_out_rows: Sequence[dict[str, str]] | None = None) -> TrainResult:
    """Fit on `rows` (default: the train split), score on `held_out_rows` (default: the fixed eval sample; empty:
    no scores), write artefact + metadata json into `out_dir` (default: the model folder)."""
    import sklearn

    from eventwire.devdata import acled_rows, eval_sample

    rows = list(acled_rows("train", eval_dir) if rows is None else rows)
    texts, labels = training_texts(rows)
    log.info("training on %d texts from %d train rows", len(texts), len(rows))
    pipeline = build_pipeline(labels, max_features)
    pipeline.fit(texts, labels)
    sample = "devdata.eval_sample() (2,000 test-split rows)" if held_out_rows is None else "rows given"
    held_out_rows = eval_sample(eval_dir=eval_dir) if held_out_rows is None else held_out_rows
    classifier = SubtypeClassifier(TfidfLinear.from_pipeline(pipeline))
    held_out = score(classifier, held_out_rows) if held_out_rows else {}
    out_dir = out_dir or model_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    model_path = out_dir / MODEL_FILE
    classifier.model.save(model_path)
    meta = {
        "sklearn_version": sklearn.__version__,
        "training_data_sha256": training_hash(rows),
        "train_rows": len(rows),
        "train_texts": len(texts),
        "classes": sorted(set(labels)),
        "seed": SEED,
        "max_features_per_vectorizer": max_features,
        "held_out": {"sample": sample, **held_out} if held_out else {},
        "artefact_bytes": model_path.stat().st_size,
    }
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return TrainResult(model_path, meta)


# --- prediction -----------------------------------------------------------------------------------------------


class SubtypeClassifier:
    """Predicts (event_type, sub_event_type, probability) for news sentences or short paragraphs."""

    _cached: "SubtypeClassifier | None" = None

    def __init__(self, model: TfidfLinear):
        self.model = model
        self.classes: list[str] = model.classes

    @classmethod
    def load(cls, path: Path | None = None) -> "SubtypeClassifier":
        """The shipped model (cached per process); E031 when the artefact is missing or unreadable."""
        if path is None and cls._cached is not None:
            return cls._cached
        target = path or model_dir() / MODEL_FILE
        try:
            classifier = cls(TfidfLinear.load(target))
        except Exception as exc:  # a missing, truncated or foreign file means the same thing to the user
            raise EventwireError("E031", f"{target}: {exc}; run `eventwire train`", path=str(target)) from exc
        if path is None:
            cls._cached = classifier
        return classifier

    def _probabilities(self, texts: list[str]) -> np.ndarray:
        cleaned = [clean_note(t) or t for t in texts]
        return self.model.predict_proba(cleaned)

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        return [dict(zip(self.classes, map(float, row))) for row in self._probabilities(texts)]

    def predict(self, texts: list[str]) -> list[tuple[str, str, float]]:
        if not texts:
            return []
        probs = self._probabilities(texts)
        best = probs.argmax(axis=1)
        out = []
        for i, j in enumerate(best):
            sub = self.classes[j]
            out.append((subtype_to_type(sub), sub, float(probs[i, j])))
        return out


def _main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    result = train()
    log.info("wrote %s (%d bytes)", result.model_path, result.meta["artefact_bytes"])
    log.info("held-out: %s", json.dumps(result.meta["held_out"]))


if __name__ == "__main__":
    _main()

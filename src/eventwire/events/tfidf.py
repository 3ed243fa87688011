"""A fitted TF-IDF + logistic-regression text classifier as plain arrays, scored with numpy alone.

Training uses scikit-learn (`classifier.build_pipeline`); prediction does not need it. Importing scikit-learn
costs 1.5-2.5 s on the 2-core machines, more than half the model-load budget, and unpickling the fitted pipeline
another second. `TfidfLinear.from_pipeline` copies what prediction reads (each vectorizer's vocabulary and idf,
the model's weights) into one `.npz`; `predict_proba` re-implements the two analyzers the pipeline uses (word
1-2 grams with the default token pattern; `char_wb` n-grams), sublinear tf, idf, l2 norm per vectorizer, and the
multinomial softmax. `tests/test_classifier.py` checks it against the scikit-learn pipeline it came from.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["TfidfLinear"]

_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's char_wb pre-step


@dataclass(frozen=True)
class _Analyzer:
    kind: str           # "word" | "char_wb"
    low: int
    high: int
    token_pattern: re.Pattern[str] | None

    def terms(self, text: str) -> list[str]:
        """The text's n-grams, repeated as often as they occur, exactly as scikit-learn's analyzer lists them."""
        text = text.lower()
        grams: list[str] = []
        if self.kind == "word":
            tokens = self.token_pattern.findall(text) if self.token_pattern else text.split()
            for n in range(self.low, self.high + 1):
                grams.extend(tokens if n == 1 else [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)])
            return grams
        for word in _WHITE_SPACES.sub(" ", text).split():
            word = f" {word} "
            for n in range(self.low, self.high + 1):
                grams.extend([word[i:i + n] for i in range(max(1, len(word) - n + 1))])
                if len(word) <= n:  # a word no longer than n counts once, whole, as scikit-learn counts it
                    break
        return grams


class TfidfLinear:
    """Class probabilities of texts: per-vectorizer tf-idf rows, concatenated, through a softmax layer."""

    def __init__(self, analyzers: list[_Analyzer], vocabularies: list[dict[str, int]], idfs: list[np.ndarray],
                 weights: np.ndarray, intercept: np.ndarray, classes: list[str]) -> None:
        self.analyzers, self.vocabularies, self.idfs = analyzers, vocabularies, idfs
        self.offsets = np.cumsum([0] + [len(v) for v in vocabularies[:-1]]).tolist()
        self.idf = np.concatenate(idfs).astype(np.float64)  # one idf per column of the concatenated rows
        self.weights = weights        # (features, classes), float32
        self.intercept = intercept    # (classes,)
        self.classes = classes

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> "TfidfLinear":
        """From a fitted `Pipeline([("features", FeatureUnion(tfidf...)), ("model", LogisticRegression)])`."""
        analyzers, vocabularies, idfs = [], [], []
        for _, vec in pipeline.named_steps["features"].transformer_list:
            if vec.analyzer not in ("word", "char_wb") or not vec.lowercase or vec.strip_accents or vec.stop_words \
                    or not vec.sublinear_tf or vec.norm != "l2" or vec.binary:
                raise ValueError(f"unsupported vectorizer settings: {vec.get_params()}")
            pattern = re.compile(vec.token_pattern) if vec.analyzer == "word" else None
            analyzers.append(_Analyzer(vec.analyzer, *vec.ngram_range, pattern))
            vocabularies.append({str(k): int(v) for k, v in vec.vocabulary_.items()})
            idfs.append(np.asarray(vec.idf_, dtype=np.float32))
        model = pipeline.named_steps["model"]
        return cls(analyzers, vocabularies, idfs, np.ascontiguousarray(model.coef_.T, dtype=np.float32),
                   np.asarray(model.intercept_, dtype=np.float32), [str(c) for c in model.classes_])

    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {"weights": self.weights, "intercept": self.intercept,
                                         "classes": np.array(self.classes)}
        for i, (analyzer, vocab, idf) in enumerate(zip(self.analyzers, self.vocabularies, self.idfs)):
            terms = sorted(vocab, key=vocab.__getitem__)
            arrays[f"terms_{i}"] = np.array(terms)
            arrays[f"idf_{i}"] = idf
            arrays[f"analyzer_{i}"] = np.array([analyzer.kind, str(analyzer.low), str(analyzer.high),
                                                analyzer.token_pattern.pattern if analyzer.token_pattern else ""])
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: Path) -> "TfidfLinear":
        with np.load(path, allow_pickle=False) as data:
            analyzers, vocabularies, idfs = [], [], []
            i = 0
            while f"terms_{i}" in data:
                kind, low, high, pattern = (str(x) for x in data[f"analyzer_{i}"])
                analyzers.append(_Analyzer(kind, int(low), int(high), re.compile(pattern) if pattern else None))
                vocabularies.append({str(t): j for j, t in enumerate(data[f"terms_{i}"].tolist())})
                idfs.append(data[f"idf_{i}"])
                i += 1
            return cls(analyzers, vocabularies, idfs, data["weights"], data["intercept"],
                       [str(c) for c in data["classes"]])

    def _row(self, text: str) -> tuple[list[int], list[float], list[int]]:
        """One text's terms known to the vocabularies: columns, counts, and where each vectorizer's block ends."""
        columns: list[int] = []
        counts: list[float] = []
        ends: list[int] = []
        for analyzer, vocab, offset in zip(self.analyzers, self.vocabularies, self.offsets):
            for term, count in Counter(analyzer.terms(text)).items():
                j = vocab.get(term)
                if j is not None:
                    columns.append(j + offset)
                    counts.append(count)
            ends.append(len(columns))
        return columns, counts, ends

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """(texts, classes) probabilities, the rows summing to 1."""
        logits = np.tile(self.intercept.astype(np.float64), (len(texts), 1))
        for i, text in enumerate(texts):
            columns, counts, ends = self._row(text)
            if not columns:
                continue
            values = (1.0 + np.log(counts)) * self.idf[columns]
            starts = [0] + ends[:-1]
            for start, end in zip(starts, ends):  # l2 norm per vectorizer, as the FeatureUnion's parts have
                if end > start:
                    values[start:end] /= np.sqrt(np.dot(values[start:end], values[start:end]))
            logits[i] += values @ self.weights[columns]
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        return probs / probs.sum(axis=1, keepdims=True)

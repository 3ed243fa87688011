"""Event typing by the two learned models: the TF-IDF classifier where it is sure, the sentence model elsewhere.

On held-out ACLED notes the TF-IDF n-gram model is the stronger (0.885 vs 0.77–0.81 weighted F1), on real news the
sentence model over frozen MiniLM embeddings is (main-event type of FA-KES headlines against `cause_of_death`:
0.71 vs 0.37). N-grams are sure of what they know: trusting TF-IDF when its top probability is at least
`TFIDF_TRUST` and the sentence model otherwise keeps the notes' score (0.887) and brings headlines to 0.60–0.66.
The sentence model is also the only judge of whether a candidate sentence (no trigger, only a cue) reports an event.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

__all__ = ["EventTyper", "Typing"]

TFIDF_TRUST = 0.7


@dataclass
class Typing:
    subtypes: dict[str, float]
    event: float | None = None  # P(the sentence reports an event), for candidates; None where not asked
    modes: dict[str, float] | None = None  # the mode head's report/statement/threat/plan/history; None where not asked


class EventTyper:
    def __init__(self, tfidf: Any | None, sentence: Any | None, trust: float = TFIDF_TRUST) -> None:
        self.tfidf = tfidf
        self.sentence = sentence
        self.trust = trust

    def predict(self, texts: Sequence[str], candidate: Sequence[bool], consult: Sequence[bool] | None = None,
                mode: Sequence[bool] | None = None) -> list[Typing]:
        """One Typing per text; `candidate[i]` asks for the event probability of text i too, `mode[i]` for its mode;
        the sentence model is consulted on text i only where `consult[i]` (default: all) and TF-IDF is unsure, or
        for candidates and modes. Each distinct text is encoded once."""
        consult = consult if consult is not None else [True] * len(texts)
        mode = mode if mode is not None else [False] * len(texts)
        out = [Typing({}) for _ in texts]
        if self.tfidf is not None:
            for typing, probs in zip(out, self.tfidf.predict_proba(list(texts))):
                typing.subtypes = probs
        if self.sentence is None:
            return out
        unsure = [not t.subtypes or max(t.subtypes.values()) < self.trust for t in out]
        ask = [i for i in range(len(out)) if candidate[i] or mode[i] or (consult[i] and unsure[i])]
        unique = list(dict.fromkeys(texts[i] for i in ask))  # several drafts of one sentence: encode it once
        predicted = dict(zip(unique, self.sentence.predict(unique)))
        for i, p in ((i, predicted[texts[i]]) for i in ask):
            if candidate[i]:
                out[i].event = p.event
            if mode[i]:
                out[i].modes = p.modes
            if unsure[i] and (candidate[i] or consult[i]):  # asked for its mode alone: TF-IDF's sub-types stand
                out[i].subtypes = p.subtypes
        return out


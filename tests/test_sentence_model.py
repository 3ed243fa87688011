"""The learned sentence model: the int8 ONNX encoder, the event and sub-type heads, and their place in extraction."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from eventwire.errors import EventwireError
from eventwire.events import sentence_model
from eventwire.events.classifier import clean_note, first_sentence, model_dir
from eventwire.events.extract import EVENT_THRESHOLD
from eventwire.events.lexicon import SUBTYPE_TO_TYPE
from eventwire.events.sentence_model import Head, SentenceModel, read_seeds
from eventwire.nlp.encoder import SentenceEncoder, get_encoder

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared/eval (dev data) is absent")


@pytest.fixture(scope="module")
def model() -> SentenceModel:
    return SentenceModel.load()


def test_encoder_gives_unit_vectors_independent_of_batching() -> None:
    encoder = get_encoder()
    texts = ["Warplanes pounded the village, killing six civilians.", "Protesters gathered outside the parliament.",
             "Two suicide bombers blew themselves up at a checkpoint in Homs province on Sunday morning."]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert together.shape == (3, 384) and together.dtype == np.float32
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-3)
    assert np.allclose(together, alone, atol=1e-4)  # padding in a batch changes nothing
    assert encoder.encode([]).shape == (0, 384)


def test_encoder_places_paraphrases_closer_than_unrelated_news() -> None:
    v = get_encoder().encode(["Government jets bombed the town, killing 12 people.",
                              "An air strike on the town killed twelve residents.",
                              "The central bank raised interest rates by half a point."])
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


def test_encoder_artefact_records_its_source_and_hashes() -> None:
    import hashlib

    folder = model_dir() / "encoder"
    meta = json.loads((folder / "encoder.json").read_text(encoding="utf-8"))
    assert meta["source_wheel_sha256"] == "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
    for name, digest in meta["files_sha256"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    assert sum(p.stat().st_size for p in folder.iterdir()) < 30_000_000


def test_missing_encoder_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as info:
        SentenceEncoder(tmp_path)
    assert info.value.code == "E031"


def test_heads_load_with_the_taxonomy(model: SentenceModel) -> None:
    assert set(model.subtype_head.classes) <= set(SUBTYPE_TO_TYPE)
    assert len(model.subtype_head.classes) >= 24
    assert model.event_head.classes == ["event", "none"]


def test_event_head_separates_reports_from_other_sentences(model: SentenceModel) -> None:
    events = ["Regime helicopters dropped barrel bombs on the town of Darayya, killing nine people.",
              "Police fired tear gas to disperse hundreds of students protesting against the new law.",
              "Gunmen on a motorcycle shot dead a local council member in the market."]
    others = ["The minister will visit the region next week to discuss the budget.",
              "The football club announced the signing of a new striker for the season.",
              "Subscribe to our newsletter for the latest updates."]
    p_events = [p.event for p in model.predict(events)]
    p_others = [p.event for p in model.predict(others)]
    assert min(p_events) > max(p_others)
    assert min(p_events) >= EVENT_THRESHOLD > max(p_others[0], p_others[2])  # a sports "striker" scores ~0.59


@needs_shared
def test_subtype_head_on_held_out_notes(model: SentenceModel) -> None:
    from sklearn.metrics import f1_score

    from eventwire.devdata import eval_sample

    rows = eval_sample(300, SHARED / "eval")
    preds = model.predict([first_sentence(clean_note(r["notes"])) for r in rows])
    pred = [max(p.subtypes, key=p.subtypes.get) for p in preds]
    gold = [r["sub_event_type"] for r in rows]
    assert f1_score(gold, pred, average="weighted") > 0.75
    assert np.mean([SUBTYPE_TO_TYPE[p] == SUBTYPE_TO_TYPE[g] for p, g in zip(pred, gold)]) > 0.85


@needs_shared
def test_heads_metadata_records_the_training_data() -> None:
    meta = json.loads((model_dir() / sentence_model.META_FILE).read_text(encoding="utf-8"))
    assert meta["held_out"]["n"] == 2000
    assert meta["event_negatives"] > 100 and meta["event_positives"] > 1000
    assert len(meta["training_data_sha256"]) == 64
    assert meta["artefact_bytes"] < 1_000_000


def test_seed_sentences_are_in_the_taxonomy() -> None:
    seeds = read_seeds()
    assert len(seeds) >= 40
    assert {s["sub_event_type"] for s in seeds} <= set(SUBTYPE_TO_TYPE)


def test_head_softmax_and_binary_forms() -> None:
    X = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    binary = Head(["a", "b"], np.array([[2.0, -2.0]], dtype=np.float32), np.array([0.0], dtype=np.float32))
    p = binary.proba(X)
    assert p.shape == (2, 2) and np.allclose(p.sum(1), 1) and p[0, 1] > 0.5 > p[1, 1]
    multi = Head(["a", "b", "c"], np.eye(3, 2, dtype=np.float32), np.zeros(3, dtype=np.float32))
    assert np.allclose(multi.proba(X).sum(1), 1)


@needs_shared
def test_training_is_deterministic_on_a_small_subset(tmp_path: Path) -> None:
    from eventwire.devdata import acled_rows

    rows = [r for i, r in enumerate(acled_rows("train", SHARED / "eval")) if i % 60 == 0][:300]
    a = sentence_model.train(rows, tmp_path / "a", SHARED / "eval", news_limit=150)
    b = sentence_model.train(rows, tmp_path / "b", SHARED / "eval", news_limit=150)
    assert a.meta["training_data_sha256"] == b.meta["training_data_sha256"]
    first, second = np.load(a.path), np.load(b.path)
    for key in first.files:
        assert np.array_equal(first[key], second[key])
    assert SentenceModel.load(tmp_path / "a").predict(["Clashes broke out between rebels and the army."])


def _events(text: str) -> list:
    from eventwire.intake import article_from_text
    from eventwire.pipeline import extract

    return extract(article_from_text(text, published=date(2021, 5, 3)))


def test_a_headline_alone_is_read_and_judged() -> None:
    events = _events("Thousands took to the streets of Khartoum to demand civilian rule")
    assert len(events) == 1 and events[0].event_type == "Protests"
    assert _events("The minister will visit the region next week.") == []


def test_a_sentence_no_trigger_knows_becomes_an_event() -> None:
    events = _events("Crowds chanted against the governor outside his office in Basra on Sunday.")
    assert [e.event_type for e in events] == ["Protests"]


@pytest.mark.parametrize("sentence", [
    "Settlers hurled stones at passing Palestinian cars near Hebron, damaging several of them.",
    "Monitors counted 40 projectiles near the village of Pisky.",
])
def test_a_sentence_told_without_a_date_or_trigger_still_reaches_the_event_head(sentence: str) -> None:
    # neither has a trigger word nor a date; the cue words (stones, projectiles) send them to the head
    assert _events(sentence), sentence

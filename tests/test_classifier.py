"""The shipped sub-event-type classifier: loads, predicts sensible sub-types on real held-out ACLED sentences,
beats the majority baseline, and was trained on the current train split."""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from eventwire.errors import EventwireError
from eventwire.events.classifier import (
    META_FILE,
    SUBTYPE_TO_TYPE,
    SubtypeClassifier,
    build_pipeline,
    clean_note,
    first_sentence,
    model_dir,
    subtype_to_type,
    training_hash,
    training_texts,
)
from eventwire.events.tfidf import TfidfLinear

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared/eval (dev data) is absent")


def _rows_by_id(*ids: str) -> dict[str, dict[str, str]]:
    out = {}
    for name in ("acled_syria_2019_2023.csv", "acled_2022_all_types.csv"):
        with open(SHARED / "eval" / name, newline="", encoding="utf-8") as fh:
            out.update({r["event_id_cnty"]: r for r in csv.DictReader(fh) if r["event_id_cnty"] in ids})
    return out


@pytest.fixture(scope="module")
def classifier() -> SubtypeClassifier:
    return SubtypeClassifier.load()


def test_taxonomy_is_acleds_25_subtypes() -> None:
    assert len(SUBTYPE_TO_TYPE) == 25
    assert len(set(SUBTYPE_TO_TYPE.values())) == 6
    assert subtype_to_type("Air/drone strike") == "Explosions/Remote violence"
    assert subtype_to_type("Change to group/activity") == "Strategic developments"


@needs_shared
def test_clean_note_strips_label_leaks_and_coding_boilerplate() -> None:
    note = _rows_by_id("MDA1237")["MDA1237"]["notes"]
    assert note.startswith("Arrests: On 24 May 2022,")
    cleaned = clean_note(note)
    assert cleaned.startswith("Police arrested former president")
    assert first_sentence(cleaned).endswith("on four charges.")
    assert clean_note("On 2 June 2023, clashes took place in Maaraba town. Casualties unknown.") == (
        "Clashes took place in Maaraba town.")
    assert clean_note("On 8 June 2022, residents staged a demonstration. [size=no report]") == (
        "Residents staged a demonstration.")
    assert clean_note("Regime forces shelled the town, killing a man. 1 fatality.") == (
        "Regime forces shelled the town, killing a man.")


@needs_shared
@pytest.mark.parametrize(
    ("event_id", "expected"),
    [
        ("IRQ38953", "Air/drone strike"),  # "Turkish army warplanes carried out airstrikes against PKK ..."
        ("FRA16202", "Peaceful protest"),  # "Around 100 persons demonstrated in Cahors ..."
        ("UKR56572", "Shelling/artillery/missile attack"),  # "Russian forces shelled Mala Shestirnya, Kherson."
        ("SOM36847", "Remote explosive/landmine/IED"),
    ],
)
def test_predicts_real_held_out_sentences(classifier: SubtypeClassifier, event_id: str, expected: str) -> None:
    row = _rows_by_id(event_id)[event_id]
    sentence = first_sentence(clean_note(row["notes"]))
    event_type, sub_event_type, prob = classifier.predict([sentence])[0]
    assert sub_event_type == expected
    assert event_type == subtype_to_type(expected)
    assert 0.5 < prob <= 1.0
    probs = classifier.predict_proba([sentence])[0]
    assert abs(sum(probs.values()) - 1.0) < 1e-4
    assert max(probs, key=probs.__getitem__) == expected


@needs_shared
def test_beats_majority_on_a_held_out_slice(classifier: SubtypeClassifier) -> None:
    from eventwire.devdata import acled_rows

    rows = [r for i, r in enumerate(acled_rows("test", SHARED / "eval")) if i % 7 == 0][:400]
    gold = [r["sub_event_type"] for r in rows]
    pred = [p[1] for p in classifier.predict([first_sentence(clean_note(r["notes"])) for r in rows])]
    accuracy = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    majority = Counter(gold).most_common(1)[0][1] / len(gold)
    assert accuracy > majority + 0.2, (accuracy, majority)


@needs_shared
def test_metadata_records_the_current_training_split() -> None:
    from eventwire.devdata import acled_rows

    meta = json.loads((model_dir() / META_FILE).read_text(encoding="utf-8"))
    rows = list(acled_rows("train", SHARED / "eval"))
    assert meta["train_rows"] == len(rows)
    assert meta["training_data_sha256"] == training_hash(rows)
    assert meta["held_out"]["n"] == 2000
    assert meta["artefact_bytes"] < 5_000_000


def test_empty_input_and_missing_artefact(classifier: SubtypeClassifier, tmp_path: Path) -> None:
    assert classifier.predict([]) == []
    with pytest.raises(EventwireError) as info:
        SubtypeClassifier.load(tmp_path / "missing.npz")
    assert info.value.code == "E031"


@needs_shared
def test_smoke_fit_on_200_rows() -> None:
    from eventwire.devdata import acled_rows

    rows = [r for i, r in enumerate(acled_rows("train", SHARED / "eval")) if i % 40 == 0][:200]
    texts, labels = training_texts(rows)
    pipeline = build_pipeline(labels, max_features=2000)
    pipeline.fit(texts, labels)
    predictions = SubtypeClassifier(TfidfLinear.from_pipeline(pipeline)).predict(
        ["Clashes took place between regime forces and rebels."])
    assert predictions[0][1] in set(labels)


@needs_shared
def test_numpy_scorer_matches_the_scikit_learn_pipeline(tmp_path: Path) -> None:
    """The shipped arrays score held-out notes as the fitted pipeline does, through a save and a load."""
    from eventwire.devdata import acled_rows, eval_sample

    rows = [r for i, r in enumerate(acled_rows("train", SHARED / "eval")) if i % 20 == 0][:600]
    texts, labels = training_texts(rows)
    pipeline = build_pipeline(labels, max_features=3000)
    pipeline.fit(texts, labels)
    TfidfLinear.from_pipeline(pipeline).save(tmp_path / "model.npz")
    loaded = TfidfLinear.load(tmp_path / "model.npz")
    held_out = [clean_note(r["notes"]) for r in eval_sample(eval_dir=SHARED / "eval")[:300]]
    held_out += ["", "Shelling.", "  two   spaces\tand a tab "]
    expected = pipeline.predict_proba(held_out)
    got = loaded.predict_proba(held_out)
    assert loaded.classes == [str(c) for c in pipeline.classes_]
    assert np.abs(got - expected).max() < 1e-4
    assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()


def test_truncated_artefact_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "model.npz"
    broken.write_bytes(b"PK\x03\x04 not a whole archive")
    with pytest.raises(EventwireError) as info:
        SubtypeClassifier.load(broken)
    assert info.value.code == "E031" and str(broken) in str(info.value)

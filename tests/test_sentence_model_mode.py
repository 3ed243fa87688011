"""The mode head (report / statement / threat / plan / history) and what it decides in extraction."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from eventwire.events.classifier import model_dir
from eventwire.events.mode import history_cue
from eventwire.events.sentence_model import HEADS_FILE, META_FILE, MODES, SentenceModel, read_mode_seeds
from eventwire.models import Article, Event
from eventwire.pipeline import Pipeline

THREAT = "The militant group threatened to attack government buildings in the capital if its leader was not released."
PLAN = "Troops will launch an operation to clear the highway of insurgents, the governor said."
VOWED_REPORT = "Gunmen who had vowed revenge shot dead three police officers in the town of Bannu on Monday."
PLANS_REPORT = ("Hours after the government unveiled plans to disarm the militias, gunmen shot dead a district governor "
                "in his car.")
HISTORY = "Rebels first captured the dam in 2013 and held it until Kurdish fighters drove them out."
TODAY = "The army shelled the town on Monday, killing four civilians."


@pytest.fixture(scope="module")
def model() -> SentenceModel:
    return SentenceModel.load()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events(pipeline: Pipeline, text: str, published: date | None = date(2016, 5, 3)) -> list[Event]:
    return next(pipeline.process([Article(id="t", text=text, published=published)]))[1]


def test_mode_head_is_stored_with_its_classes_and_cross_validated_score(model: SentenceModel) -> None:
    assert model.mode_head is not None and sorted(model.mode_head.classes) == sorted(MODES)
    cv = model.meta["mode_cv"]
    assert cv["n"] == len(read_mode_seeds()) and cv["macro_f1"] >= 0.8
    assert all(cv["f1"][m] >= 0.7 for m in MODES)


def test_an_artefact_without_the_mode_head_still_loads(tmp_path: Path) -> None:
    arrays = np.load(model_dir() / HEADS_FILE)
    np.savez_compressed(tmp_path / HEADS_FILE, **{k: arrays[k] for k in arrays.files if not k.startswith("mode_")})
    meta = json.loads((model_dir() / META_FILE).read_text(encoding="utf-8"))
    (tmp_path / META_FILE).write_text(json.dumps({k: v for k, v in meta.items() if not k.startswith("mode_")}))
    old = SentenceModel.load(tmp_path)
    assert old.mode_head is None and old.predict([TODAY])[0].modes == {}


@pytest.mark.parametrize(("text", "mode"), [
    (THREAT, "threat"),
    ("Kidnappers warned they would kill the two engineers unless a ransom was paid by Friday.", "threat"),
    ("The government intends to send more troops to retake the northern towns.", "plan"),
    ("The opposition plans to stage a sit-in outside the parliament next week.", "plan"),
    ("The war, which began in 2011, has driven millions of people from their homes.", "history"),
    ("The foreign ministry condemned the bombing and summoned the ambassador.", "statement"),
    (TODAY, "report"),
])
def test_mode_head_reads_how_a_sentence_tells(model: SentenceModel, text: str, mode: str) -> None:
    modes = model.predict([text])[0].modes
    assert max(modes, key=modes.get) == mode, modes


def test_a_threat_or_a_plan_gives_no_event(pipeline: Pipeline) -> None:
    assert events(pipeline, THREAT) == []  # the event head alone accepts it (P 0.73) on its cue word "attack"
    assert events(pipeline, PLAN) == []


@pytest.mark.parametrize("text", [VOWED_REPORT, PLANS_REPORT])
def test_a_report_with_a_plan_or_a_vow_beside_it_keeps_its_event(pipeline: Pipeline, text: str) -> None:
    found = events(pipeline, text)
    assert [e.trigger for e in found] == ["shot dead"]  # the rule drops "shot dead" under "vowed" / "plans to"
    assert found[0].event_type in {"Violence against civilians", "Battles"}


def test_without_the_models_the_cue_rule_still_drops_the_held_trigger() -> None:
    rules = Pipeline(use_classifier=False)
    assert events(rules, THREAT) == []
    assert events(rules, VOWED_REPORT) == []


def test_history_is_background_even_where_the_date_cannot_say(pipeline: Pipeline) -> None:
    assert history_cue(HISTORY, None) and not history_cue(TODAY, None)
    [retold] = events(pipeline, HISTORY, published=None)  # no publication date: the date alone decides nothing
    assert retold.background
    [news] = events(pipeline, TODAY, published=None)
    assert not news.background
    long_ago = "Years ago, government troops razed the village to the ground after an attack on a convoy."
    assert all(e.background for e in events(pipeline, long_ago)) and events(pipeline, long_ago)


def test_history_cue_years_count_only_before_publication() -> None:
    assert history_cue("The town was besieged in 2014.", date(2016, 1, 1))
    assert not history_cue("The town was besieged in 2016.", date(2016, 1, 1))

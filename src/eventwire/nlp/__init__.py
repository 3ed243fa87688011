"""spaCy, loaded once, with an entity ruler fed by our alias tables so that "IS", "Daesh", "Gire Spi" and
"Burkan al-Furat" come out as the entities they are. Only the components we use run: tokenizer, tok2vec, ner
(the parser, tagger and lemmatizer are disabled: sentence and clause boundaries come from rules).

The ruler goes first: spaCy runs every component before the ruler over each of its ~10k phrase patterns when
they are added, and tok2vec there cost 2-3 s of load for nothing (ORTH patterns need only the tokenizer; the
ner still sees the ruler's entities, since tok2vec does not touch them)."""
from __future__ import annotations

import functools
import gc
import logging

from eventwire import settings

__all__ = ["get_nlp", "persons"]

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def get_nlp():
    import spacy

    name = settings.get("spacy_model")
    nlp = spacy.load(name, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"])
    ruler = nlp.add_pipe("entity_ruler", first=True, config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_patterns())
    log.debug("loaded %s with pipes %s", name, nlp.pipe_names)
    gc.freeze()  # the model lives as long as the process: no need for the cyclic GC to walk it (see pipeline)
    return nlp


def _patterns() -> list[dict]:
    from eventwire import actors

    patterns = [{"label": "ORG", "pattern": surface} for surface, _ in actors.alias_patterns()]
    try:
        from eventwire import geo

        patterns += [{"label": "GPE", "pattern": name} for name in geo.alias_names()]
    except (ImportError, AttributeError):  # the gazetteer's own aliases are optional for the ruler
        pass
    return patterns


def persons(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """PERSON entities in text[start:end] with absolute offsets."""
    doc = get_nlp()(text[start:end])
    return [(ent.text, start + ent.start_char, start + ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]

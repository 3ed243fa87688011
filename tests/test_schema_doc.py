"""docs/schema.md is generated from the pydantic models and must be current."""
from __future__ import annotations

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_schema_doc_is_current():
    script = runpy.run_path(str(ROOT / "scripts" / "build_schema_doc.py"))
    assert (ROOT / "docs" / "schema.md").read_text(encoding="utf-8") == script["render"](), \
        "docs/schema.md is stale: run python scripts/build_schema_doc.py"


def test_schema_doc_lists_every_event_field():
    from eventwire.models import Event

    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    for name in Event.model_fields:
        assert f"| `{name}` |" in text

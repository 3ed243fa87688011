"""Write docs/schema.md, the output schema, from the pydantic models in eventwire.models.

    python scripts/build_schema_doc.py          # rewrite docs/schema.md
    python scripts/build_schema_doc.py --check  # exit 1 when docs/schema.md is not current (the test does this)
"""
from __future__ import annotations

import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from eventwire import models

OUT = Path(__file__).resolve().parents[1] / "docs" / "schema.md"
_ORDER = ["Article", "Event", "Actor", "Location", "TimeSpan", "Fatalities", "Attribution", "Defection", "Span"]
_HEAD = """# Output schema

Generated from `src/eventwire/models.py` by `scripts/build_schema_doc.py`; do not edit by hand (a test checks that
this file is current). `eventwire extract --format json|jsonl` writes one record per article:
`{"article_id", "id", "published", "source", "title", "text", "events": [Event, ...]}`; every `Span` is a pair of
character offsets into that record's `text`. `eventwire export --format jsonl` writes one merged `Event` per line
plus `n_sources` and `n_mentions`.
"""


def _type_name(annotation: object) -> str:
    text = repr(annotation) if not isinstance(annotation, type) else annotation.__name__
    for prefix in ("typing.", "eventwire.models.", "datetime."):
        text = text.replace(prefix, "")
    return text.replace("NoneType", "None").replace("<class '", "").replace("'>", "")


def _default(field: typing.Any) -> str:
    if field.is_required():
        return "required"
    if field.default_factory is not None:
        return f"`{field.default_factory()!r}`"
    value = field.default
    return f"`{int(value) if isinstance(value, int) and not isinstance(value, bool) else value!r}`"


def _model_section(name: str) -> str:
    model: type[BaseModel] = getattr(models, name)
    doc = (model.__doc__ or "").strip().splitlines()
    lines = [f"## {name}", ""]
    if doc and not doc[0].startswith("!!!") and "Usage docs" not in doc[0]:
        lines += [" ".join(line.strip() for line in doc), ""]
    lines += ["| field | type | default |", "|---|---|---|"]
    for field_name, field in model.model_fields.items():
        type_text = _type_name(field.annotation).replace("|", "\\|")
        lines.append(f"| `{field_name}` | `{type_text}` | {_default(field)} |")
    return "\n".join(lines) + "\n"


def _enum_section() -> str:
    lines = ["## Precision codes", ""]
    for enum in (models.TimePrecision, models.GeoPrecision):
        lines.append(f"- `{enum.__name__}`: " + ", ".join(f"{m.value} {m.name.lower()}" for m in enum))
    return "\n".join(lines) + "\n"


def render() -> str:
    return "\n".join([_HEAD] + [_model_section(n) for n in _ORDER] + [_enum_section()])


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is not current: run python scripts/build_schema_doc.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

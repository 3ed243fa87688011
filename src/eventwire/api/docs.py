"""`/docs`: the OpenAPI description as a plain HTML page rendered on the server. FastAPI's Swagger UI loads its
script from a CDN and runs inline script, which the app's Content-Security-Policy forbids and an offline machine
cannot fetch; `/openapi.json` is there for tools."""
from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["docs_page"]


def _parameters(op: dict[str, Any]) -> str:
    rows = []
    for p in op.get("parameters", []):
        schema = p.get("schema", {})
        kind = schema.get("type") or "/".join(s.get("type", "") for s in schema.get("anyOf", []) if s.get("type"))
        default = f" = {schema['default']}" if "default" in schema else ""
        rows.append(f"<li><code>{escape(p['name'])}</code> ({escape(p.get('in', ''))}, {escape(kind)}{escape(default)})"
                    f" {escape(p.get('description', ''))}</li>")
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    if body:
        rows.append(f"<li>JSON body: <code>{escape(body.get('$ref', '').rsplit('/', 1)[-1])}</code></li>")
    return f"<ul>{''.join(rows)}</ul>" if rows else ""


def docs_page(spec: dict[str, Any]) -> str:
    """The endpoints of `spec` (an OpenAPI document) with their parameters, as HTML with no script."""
    items = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            doc = op.get("description") or op.get("summary") or ""
            items.append(f"<section><h2><code>{escape(method.upper())} {escape(path)}</code></h2>"
                         f"<p>{escape(doc)}</p>{_parameters(op)}</section>")
    info = spec.get("info", {})
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(info.get('title', ''))} API"
            f"</title></head><body><h1>{escape(info.get('title', ''))} API {escape(info.get('version', ''))}</h1>"
            f"<p>{escape(info.get('summary', ''))}. Errors: <code>{{\"error\": {{\"code\", \"message\"}}}}</code>. "
            f"Machine-readable: <a href=\"/openapi.json\">/openapi.json</a>.</p>{''.join(items)}</body></html>")

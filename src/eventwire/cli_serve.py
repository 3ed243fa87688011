"""`eventwire serve`: the REST API and web app over a store, on uvicorn (a thin shell over eventwire.api)."""
from __future__ import annotations

import secrets
import sys

import click

from eventwire.errors import EventwireError

__all__ = ["COMMANDS"]


@click.command("serve")
@click.option("--db", "db", default=None, help="Store URL: sqlite:///path, a file path, or postgresql://...")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--review", is_flag=True, help="Let reviewers change events; prints the token they must send.")
def serve_command(db: str | None, host: str, port: int, review: bool) -> None:
    """Serve the REST API (docs at /docs) and the web app over the store."""
    import uvicorn

    from eventwire.api import create_app

    token = secrets.token_urlsafe(24) if review else None
    try:
        app = create_app(db or "", review_token=token)
    except EventwireError as exc:
        click.echo(str(exc).splitlines()[0], err=True)
        sys.exit(1)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire serving at http://{shown}:{port}/ (API docs at /docs)")
    if token:
        click.echo(f"review enabled: send the header 'Authorization: Bearer {token}'")
    sys.stdout.flush()
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS: list[click.Command] = [serve_command]

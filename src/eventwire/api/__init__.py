"""The REST API and web app (`eventwire serve`): `create_app(db_url, review_token)`; the answers are the plain
functions of `eventwire.api.queries`."""
from __future__ import annotations

from eventwire.api.app import create_app

__all__ = ["create_app"]

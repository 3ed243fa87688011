"""The REST API and the web app over one store: `create_app(db_url, review_token)`.

Each endpoint is a thin shell over a function of `eventwire.api.queries` (or the Store). One error shape,
`{"error": {"code", "message"}}` with a catalogued code, for every failure: unknown route, bad parameter, missing
event, review refused. Read-only unless a review token is given. Every response carries a Content-Security-Policy
that forbids inline script: the web app's untrusted text (articles) can never run.
"""
from __future__ import annotations

import hmac
import json
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any, AsyncIterator, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.api import queries
from eventwire.api.docs import docs_page
from eventwire.api.security import SecurityHeaders
from eventwire.errors import CATALOGUE, EventwireError, one_line
from eventwire.store import Store
from eventwire.store.query import EventFilter, parse_bbox

__all__ = ["create_app", "STATIC", "PAGES"]

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
PAGES = ("/", "/events/{event_id}", "/flows", "/timeline")  # the web app's routes: all answered by index.html
_STATUS = {"E023": 503, "E025": 404, "E026": 422, "E060": 404, "E061": 422, "E062": 403, "E063": 401}


class ApiError(Exception):
    def __init__(self, code: str, detail: str = ""):
        self.code, self.detail = code, detail


def _error(code: str, detail: str = "", status: int | None = None) -> JSONResponse:
    message = CATALOGUE.get(code, "error") + (f" ({detail})" if detail else "")
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status or _STATUS.get(code, 500))


def _json(data: Any) -> Response:
    """Already JSON-ready data, serialised once (FastAPI's generic encoder walks every value: too slow for a page
    of 100 events)."""
    return Response(json.dumps(data, ensure_ascii=False), media_type="application/json")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    try:
        return parse_bbox(value)
    except ValueError:
        raise ApiError("E061", f"bbox: expected minlon,minlat,maxlon,maxlat, got {value[:60]!r}") from None


def _filter(country: str | None = None, admin1: str | None = None, type: str | None = None,
            actor: str | None = None, since: date | None = None, until: date | None = None,
            bbox: str | None = Query(None, description="minlon,minlat,maxlon,maxlat (WGS 84)"),
            q: str | None = Query(None, description="full text: every word, over notes and article text"),
            min_confidence: float | None = Query(None, ge=0, le=1), background: bool | None = None,
            main: bool | None = None) -> EventFilter:
    return EventFilter(type=type, actor=actor, country=country, admin1=admin1, since=since, until=until,
                       bbox=_bbox(bbox), q=q, min_confidence=min_confidence, background=background, main=main)


def _page(f: EventFilter = Depends(_filter), limit: int = Query(100, ge=1, le=1000),
          offset: int = Query(0, ge=0)) -> EventFilter:
    return EventFilter(**{**f.__dict__, "limit": limit, "offset": offset})


def _export_page(f: EventFilter = Depends(_filter), limit: int | None = Query(None, ge=1),
                 offset: int = Query(0, ge=0)) -> EventFilter:
    return EventFilter(**{**f.__dict__, "limit": limit, "offset": offset})


class ReviewBody(BaseModel):
    field: str
    action: Literal["accept", "reject", "edit"]
    value: Any = None
    reviewer: str


class SplitBody(BaseModel):
    article_id: str  # the article's input id or store key
    reviewer: str = "unknown"


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.code, exc.detail)

    @app.exception_handler(EventwireError)
    async def eventwire_error(_: Request, exc: EventwireError) -> JSONResponse:
        return _error(exc.code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = ["{}: {}".format(".".join(str(x) for x in err.get("loc", ())[1:]) or "request", err.get("msg", ""))
                 for err in exc.errors()[:3]]
        return _error("E061", "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return _error("E060", request.url.path[:120])
        return _error("E061", str(exc.detail), status=exc.status_code)

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        return _error("E064", one_line(exc))


def _review_guard(token: str | None) -> Any:
    def guard(authorization: str | None = Header(None)) -> None:
        if token is None:
            raise ApiError("E062")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError("E063")
    return guard


def _read_routes(app: FastAPI, store: Store, review_token: str | None) -> None:
    @app.get("/api/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "review": review_token is not None}

    @app.get("/api/events")
    def events(f: EventFilter = Depends(_page), reviewed: bool = False) -> Response:
        """A page of events (date order) and how many match (`total`; exact unless `total_exact` is false)."""
        return _json(queries.list_events(store, f, reviewed=reviewed))

    @app.get("/api/events.geojson")
    def events_geojson(f: EventFilter = Depends(_export_page), reviewed: bool = False) -> StreamingResponse:
        return StreamingResponse(queries.geojson_chunks(store, f, reviewed=reviewed),
                                 media_type="application/geo+json")

    @app.get("/api/events.csv")
    def events_csv(f: EventFilter = Depends(_export_page), reviewed: bool = False) -> StreamingResponse:
        """ACLED CSV columns (as `eventwire export --format acled`)."""
        return StreamingResponse(queries.csv_chunks(store, f, reviewed=reviewed), media_type="text/csv",
                                 headers={"Content-Disposition": 'attachment; filename="events.csv"'})

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> Response:
        """The event with its evidence spans, articles (clean text), merged mentions and reviewed values."""
        return _json(queries.get_event(store, event_id))

    @app.get("/api/defections/flows")
    def flows(since: date | None = None, until: date | None = None, country: str | None = None) -> list[Any]:
        return queries.defection_flows(store, EventFilter(since=since, until=until, country=country))

    @app.get("/api/defections/trend")
    def trend(group: str | None = None, interval: Literal["day", "week", "month", "year"] = "month",
              since: date | None = None, until: date | None = None, country: str | None = None) -> list[Any]:
        return queries.defection_trend(store, EventFilter(since=since, until=until, country=country), group,
                                       interval)

    @app.get("/api/stats")
    def stats(f: EventFilter = Depends(_filter)) -> dict[str, Any]:
        return queries.stats(store, f)


def _review_routes(app: FastAPI, store: Store, review_token: str | None) -> None:
    from eventwire.store.review import ACTIONS, review_fields

    guard = Depends(_review_guard(review_token))

    @app.get("/api/review")
    def review_info() -> dict[str, Any]:
        """Whether review is enabled, and the fields a reviewer may change with their types."""
        return {"enabled": review_token is not None, "actions": list(ACTIONS),
                "fields": {k: v["type"] for k, v in review_fields().items()}}

    @app.post("/api/events/{event_id}/review", dependencies=[guard])
    def review(event_id: str, body: ReviewBody) -> dict[str, Any]:
        revision = store.review(event_id, body.field, body.action, body.value, body.reviewer)
        return {"revision": revision, "reviewed": store.reviewed([event_id]).get(event_id, {})}

    @app.post("/api/events/{event_id}/split", dependencies=[guard])
    def split(event_id: str, body: SplitBody) -> dict[str, Any]:
        return {"events": store.split_reviewed(event_id, body.article_id, body.reviewer)}

    @app.get("/api/events/{event_id}/revisions")
    def revisions(event_id: str) -> dict[str, Any]:
        return {"revisions": store.revisions(event_id)}


def _page_routes(app: FastAPI) -> None:
    index = STATIC / "index.html"
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page() -> Any:
        if index.is_file():
            return FileResponse(index, media_type="text/html")
        return HTMLResponse("<!doctype html><title>eventwire</title><p>The web app is not built; the API is at "
                            "<a href=\"/docs\">/docs</a>.</p>")

    for path in PAGES:
        app.add_api_route(path, page, methods=["GET"], include_in_schema=False)


def create_app(db_url: str, review_token: str | None = None) -> FastAPI:
    """The API and web app over the store at `db_url` (which must exist: StoreError E023 otherwise). With a
    `review_token`, reviewers holding it may change events (as revisions); without one the app is read-only."""
    store = Store.open(db_url, create=False)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="eventwire", summary="Evidenced ACLED-style events from conflict news",
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.store = store
    app.add_middleware(SecurityHeaders)
    _handlers(app)
    _read_routes(app, store, review_token)
    _review_routes(app, store, review_token)
    app.add_api_route("/docs", lambda: HTMLResponse(docs_page(app.openapi())), methods=["GET"],
                      include_in_schema=False)
    _page_routes(app)
    return app

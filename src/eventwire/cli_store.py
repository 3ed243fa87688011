"""`eventwire db upgrade`, `ingest`, `events`, `export`: thin click commands over eventwire.store and ingest."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.errors import EventwireError
from eventwire.ingest import IngestStats, ingest
from eventwire.store import EventFilter, Store, upgrade_db
from eventwire.store.export import FORMATS, LeftOut, export_events

__all__ = ["COMMANDS"]

_err = Console(stderr=True, highlight=False)
_DB = click.option("--db", "db", default=None, help="Store URL: sqlite:///path, a file path, or postgresql://...")


def _fail(exc: EventwireError) -> None:
    click.echo(str(exc).splitlines()[0], err=True)
    sys.exit(1)


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    from eventwire.intake._sanitise import plausible_day

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=name) from None
    if not plausible_day(day):
        raise click.BadParameter(f"out of range (years 1900-2100): {value!r}", param_hint=name)
    return day


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    from eventwire.store.query import parse_bbox

    try:
        return parse_bbox(value)
    except ValueError:
        raise click.BadParameter("expected minlon,minlat,maxlon,maxlat", param_hint="--bbox") from None


def _filters(fn: Callable[..., Any]) -> Callable[..., Any]:
    for opt in reversed([
        click.option("--type", "type_", default=None, help="event_type or sub_event_type (exact, any case)."),
        click.option("--actor", default=None, help="Part of any actor's name."),
        click.option("--country", default=None),
        click.option("--since", default=None, help="Events ending on or after this day (YYYY-MM-DD)."),
        click.option("--until", default=None, help="Events starting on or before this day (YYYY-MM-DD)."),
        click.option("--bbox", default=None, help="minlon,minlat,maxlon,maxlat (WGS 84)."),
        click.option("--limit", type=int, default=None),
    ]):
        fn = opt(fn)
    return fn


def _make_filter(type_: str | None, actor: str | None, country: str | None, since: str | None,
                 until: str | None, bbox: str | None, limit: int | None) -> EventFilter:
    return EventFilter(type=type_, actor=actor, country=country, since=_date(since, "--since"),
                       until=_date(until, "--until"), bbox=_bbox(bbox), limit=limit)


@click.group("db")
def db_group() -> None:
    """The event store."""


@db_group.command("upgrade")
@_DB
def db_upgrade(db: str | None) -> None:
    """Create the store or bring it to the newest schema."""
    try:
        revision = upgrade_db(db)
    except EventwireError as exc:
        _fail(exc)
    click.echo(f"database at revision {revision}")


class _ProgressBar:
    """A rich progress line on stderr: articles read, articles/s, new, skipped, rejects, events."""

    def __init__(self) -> None:
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=_err, transient=False)
        self.task = self.progress.add_task("starting", total=None)

    def update(self, stats: IngestStats) -> None:
        self.progress.update(self.task, description=(
            f"{stats.read} articles ({stats.articles_per_s:.1f}/s) · {stats.new} new · {stats.skipped} skipped"
            f" · {stats.rejects} rejected · {stats.mentions} events"))


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_DB
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Extract on a local Dask cluster of N.")
@click.option("--scheduler", default=None, help="Extract on an existing Dask cluster (tcp://host:port).")
@click.option("--published", default=None, help="Publication date for every article (YYYY-MM-DD).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Articles per transaction.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--follow-symlinks", is_flag=True, help="Follow symbolic links out of the folders given.")
def ingest_command(paths: tuple[Path, ...], db: str | None, workers: int | None, scheduler: str | None,
                   published: str | None, batch_size: int | None, quiet: bool, follow_symlinks: bool) -> None:
    """Read PATHS (text, HTML, JSONL files or directories), extract events and store them; safe to re-run."""
    if workers and scheduler:
        raise click.UsageError("use --workers or --scheduler, not both")
    bar = None if quiet else _ProgressBar()
    reject = lambda r: _err.print(str(r).splitlines()[0], markup=False, soft_wrap=True)  # noqa: E731
    try:
        if bar:
            bar.progress.start()
        stats = ingest(list(paths), db, workers=workers, scheduler=scheduler,
                       published=_date(published, "--published"), batch_size=batch_size,
                       on_progress=bar.update if bar else None, on_reject=reject, on_notice=reject,
                       follow_symlinks=follow_symlinks)
    except EventwireError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo("interrupted: every committed batch is kept; run the same command again to finish", err=True)
        sys.exit(130)
    finally:
        if bar:
            bar.progress.stop()
    click.echo(f"{stats.read} articles read: {stats.new} new, {stats.skipped} already stored, "
               f"{stats.rejects} rejected, {stats.mentions} events extracted "
               f"({stats.articles_per_s:.1f} articles/s)", err=True)
    if stats.non_english:
        click.echo(f"notice: {stats.non_english} of {stats.new} new article(s) are not in English (see the notices "
                   "above); eventwire extracts events from English text only", err=True)
    if stats.undated:
        click.echo(f"warning: {stats.undated} of {stats.new} new article(s) have no publication date (none given "
                   "with --published or in the input, none printed at the article's head): their relative dates "
                   "('on Sunday') are unresolved", err=True)
    if stats.read == 0:
        sys.exit(1)  # nothing could be processed


@click.command("events")
@_DB
@_filters
def events_command(db: str | None, **filters: Any) -> None:
    """List stored events as a table."""
    f = _make_filter(**filters)
    if f.limit is None:
        f = EventFilter(**{**f.__dict__, "limit": 50})
    table = Table(box=None)
    for name in ("date", "type", "sub-type", "actors", "location", "country", "fat.", "src", "id"):
        table.add_column(name, overflow="fold")
    try:
        with Store.open(db, create=False) as store:
            total = store.count_events(EventFilter(**{**f.__dict__, "limit": None}))
            for se in store.events(f):
                e = se.event
                fat = e.fatalities
                fat_text = "" if fat is None else str(fat.best) + (f" ({fat.low}-{fat.high})" if fat.low is not None
                                                                    and fat.high is not None else "")
                day = se.date_end or se.date_start
                table.add_row(day.isoformat() if day else "", e.event_type, e.sub_event_type,
                              "; ".join(a.name for a in e.actors if a.role in ("actor1", "actor2")),
                              e.location.name if e.location else "", e.location.country or "" if e.location else "",
                              fat_text, str(se.n_sources), e.id)
    except EventwireError as exc:
        _fail(exc)
    # Piped output is not cut to 80 columns: a script reading the table wants whole names.
    Console(highlight=False, width=None if sys.stdout.isatty() else 240).print(table)
    if f.limit is not None and total > f.limit:
        click.echo(f"showing {f.limit:,} of {total:,} events; use --limit to see more", err=True)


@click.command("export")
@_DB
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--out", required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@click.option("--include-background", is_flag=True,
              help="ACLED format: also write background events (past context an article recalls).")
@click.option("--reviewed", is_flag=True, help="Write reviewers' values (eventwire serve --review) over the machine's.")
@_filters
def export_command(db: str | None, fmt: str, out: Path, force: bool, include_background: bool, reviewed: bool,
                   **filters: Any) -> None:
    """Export stored events (ACLED CSV, GeoJSON, Parquet or JSONL), streaming."""
    left_out = LeftOut()
    try:
        with Store.open(db, create=False) as store:
            n = export_events(store, fmt, out, _make_filter(**filters), force=force,
                              include_background=include_background, left_out=left_out, reviewed=reviewed)
    except EventwireError as exc:
        _fail(exc)
    click.echo(f"{n} events written to {out}", err=True)
    if left_out.background:
        click.echo(f"left out {left_out.background} background event(s) (past context, not the news); "
                   "use --include-background to write them", err=True)
    if left_out.incomplete:
        click.echo(f"left out {left_out.incomplete} event(s) without actor1, country or date (ACLED rows always "
                   "have them); the other formats keep them", err=True)


COMMANDS: list[click.Command] = [db_group, ingest_command, events_command, export_command]

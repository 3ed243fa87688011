"""`eventwire show EVENT_ID` and `eventwire split EVENT_ID ARTICLE_ID`: thin click shells over Store.explain/split."""
from __future__ import annotations

import sys
from typing import Any

import click

from eventwire.errors import EventwireError

__all__ = ["COMMANDS"]

_DB = click.option("--db", "db", default=None, help="Store URL: sqlite:///path, a file path, or postgresql://...")


def _fail(exc: EventwireError) -> None:
    click.echo(str(exc).splitlines()[0], err=True)
    sys.exit(1)


def _event_lines(e: Any, n_sources: int) -> list[str]:
    loc, time, fat = e.location, e.time, e.fatalities
    when = "" if not time or not time.start else (str(time.start) if time.end in (None, time.start)
                                                  else f"{time.start}..{time.end}")
    fat_text = "" if fat is None else str(fat.best) + (f" (reports {fat.low}-{fat.high})" if fat.low is not None
                                                       and fat.high is not None else "")
    return [f"event {e.id}: {e.event_type} / {e.sub_event_type}",
            f"  date      {when or '-'}",
            f"  place     {loc.name if loc else '-'}" + (f", {loc.admin1}" if loc and loc.admin1 else "")
            + (f", {loc.country}" if loc and loc.country else ""),
            f"  actors    {'; '.join(f'{a.role}={a.name}' for a in e.actors) or '-'}",
            f"  fatalities {fat_text or '-'}",
            f"  sources   {', '.join(e.sources) or '-'} ({n_sources} article{'s' if n_sources != 1 else ''})",
            f"  notes     {e.notes}"]


def _member_lines(member: Any) -> list[str]:
    m, match = member.mention, member.match
    fat = m.event.fatalities
    head = (f"  article {member.input_id or m.article_id} [{m.source}] score "
            f"{'-' if match is None else f'{match.score:.2f}'}; fatalities {fat.best if fat else '-'}")
    lines = [head, f"    says: {m.event.notes[:200]}"]
    if match is not None:
        lines += [f"    {name:<7} {score:.2f}  {what}" for name, score, what in match.parts]
    return lines


@click.command("show")
@click.argument("event_id")
@_DB
def show_command(event_id: str, db: str | None) -> None:
    """Print an event, its evidence, and its member articles with their merge scores (why they were merged)."""
    from eventwire.store import Store

    try:
        with Store.open(db) as store:
            ex = store.explain(event_id)
    except EventwireError as exc:
        _fail(exc)
    lines = _event_lines(ex.event, ex.n_sources) + ["evidence:"]
    lines += [f"  {e['field']:<16} {e['article_id'][:12]} [{e['start']}:{e['end']}] {e['text']!r}" for e in ex.evidence]
    lines += [f"members ({len(ex.members)} reports; score = weakest match with the other members):"]
    for member in ex.members:
        lines += _member_lines(member)
    click.echo("\n".join(lines))


@click.command("split")
@click.argument("event_id")
@click.argument("article_id")
@_DB
def split_command(event_id: str, article_id: str, db: str | None) -> None:
    """Take ARTICLE_ID (its input id or store id) out of EVENT_ID, for good: later merges keep them apart."""
    from eventwire.store import Store

    try:
        with Store.open(db) as store:
            ids = store.split(event_id, article_id)
    except EventwireError as exc:
        _fail(exc)
    click.echo(f"split: {len(ids)} events now: {', '.join(ids)}")


COMMANDS: list[click.Command] = [show_command, split_command]

"""`eventwire extract`: articles in, events out on stdout (json, jsonl or ACLED-column CSV)."""
from __future__ import annotations

import json
import sys
from datetime import date

import click

from eventwire.errors import InputError, OutputError, one_line

__all__ = ["COMMANDS", "extract_cmd"]


def _parse_date(ctx, param, value):  # noqa: ARG001 - click callback signature
    if value is None:
        return None
    from eventwire.intake._sanitise import plausible_day

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"E010: not an ISO date (YYYY-MM-DD): {value!r}") from None
    if not plausible_day(day):
        raise click.BadParameter(f"E010: out of range (years 1900-2100): {value!r}")
    return day


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", callback=_parse_date, help="Publication date (YYYY-MM-DD); overrides what the article says.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "acled"]), default="json", show_default=True)
@click.option("--no-classifier", is_flag=True, help="Type events by rules only (no learned sub-type model).")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--follow-symlinks", is_flag=True, help="Follow symbolic links out of the folders given.")
def extract_cmd(paths, published, fmt, no_classifier, quiet, follow_symlinks):
    """Extract events from text, HTML or JSONL files (or directories of them)."""
    from eventwire.intake import iter_articles
    from eventwire.intake._language import language_notice
    from eventwire.pipeline import Pipeline

    errors = 0
    undated = 0
    foreign = 0

    def good_articles():
        for item in iter_articles(list(paths), published=published, follow_symlinks=follow_symlinks):
            if isinstance(item, InputError):
                reject(item)
                continue
            yield item

    def counted(items):
        nonlocal undated, foreign
        for article, events in items:
            undated += article.published is None
            notice = language_notice(article.input_id or article.id, article.text)
            if notice:
                foreign += 1
                click.echo(notice, err=True)
            yield article, events

    def reject(error: InputError) -> None:
        nonlocal errors
        errors += 1
        click.echo(str(error).splitlines()[0], err=True)

    pipeline = Pipeline(use_classifier=not no_classifier)
    results = counted(pipeline.process(good_articles(), on_error=reject))
    show_progress = not quiet and sys.stderr.isatty()
    try:
        articles_ok = _write(results, fmt, sys.stdout, show_progress)
        sys.stdout.flush()
    except OSError as exc:  # stdout on a full disk, a closed pipe
        click.echo(str(OutputError("E050", exc.strerror or one_line(exc), path="<stdout>")), err=True)
        sys.exit(1)
    if undated and not quiet:
        click.echo(f"warning: {undated} of {articles_ok} article(s) have no publication date (none given with "
                   "--published or in the input, none printed at the article's head): their relative dates "
                   "('on Sunday') are unresolved", err=True)
    if foreign and not quiet:
        click.echo(f"notice: {foreign} of {articles_ok} article(s) are not in English (see above); eventwire "
                   "extracts events from English text only", err=True)
    if errors and not articles_ok:
        click.echo(f"no input could be processed ({errors} error(s))", err=True)
        sys.exit(1)


def _write(results, fmt: str, out, show_progress: bool) -> int:
    """Write the results to `out` in `fmt`; returns the number of articles written."""
    from eventwire.export import acled_row, write_acled_csv
    from eventwire.export._tables import source_scale

    articles_ok = 0
    if fmt == "acled":
        def rows():
            nonlocal articles_ok
            for article, events in results:
                articles_ok += 1
                if show_progress and articles_ok % 100 == 0:
                    click.echo(f"{articles_ok} articles", err=True)
                for event in events:
                    yield acled_row(_with_key(event, article), source=article.source,
                                    source_scale=source_scale([article.source or ""]))
        write_acled_csv(rows(), out)
    else:
        collected = []
        for article, events in results:
            articles_ok += 1
            record = {"article_id": article.input_id or article.id, "id": article.id, "published":
                      article.published.isoformat() if article.published else None, "source": article.source,
                      "title": article.title, "events": [_with_key(e, article).model_dump(mode="json") for e in events]}
            record["text"] = article.text  # the events' evidence offsets point into it
            if fmt == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                collected.append(record)
        if fmt == "json":
            json.dump(collected, out, ensure_ascii=False, indent=2)
            out.write("\n")
    return articles_ok


def _with_key(event, article):
    """The event with its article's input id in `article_ids`, as the store's exports have it."""
    return event.model_copy(update={"article_ids": [article.input_id or article.id]})


COMMANDS = [extract_cmd]

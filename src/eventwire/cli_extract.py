"""`eventwire extract`: articles in, events out on stdout (json, jsonl or ACLED-column CSV)."""
from __future__ import annotations

import json
import sys
from datetime import date

import click

from eventwire.errors import InputError

__all__ = ["COMMANDS", "extract_cmd"]


def _parse_date(ctx, param, value):  # noqa: ARG001 - click callback signature
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"E010: not an ISO date (YYYY-MM-DD): {value!r}") from None


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", callback=_parse_date, help="Publication date (YYYY-MM-DD); overrides what the article says.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "acled"]), default="json", show_default=True)
@click.option("--no-classifier", is_flag=True, help="Type events by rules only (no learned sub-type model).")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
def extract_cmd(paths, published, fmt, no_classifier, quiet):
    """Extract events from text, HTML or JSONL files (or directories of them)."""
    from eventwire.export import acled_row, write_acled_csv
    from eventwire.intake import iter_articles
    from eventwire.pipeline import Pipeline

    errors = 0
    articles_ok = 0
    undated = 0

    def good_articles():
        nonlocal errors
        for item in iter_articles(list(paths), published=published):
            if isinstance(item, InputError):
                errors += 1
                click.echo(str(item), err=True)
                continue
            yield item

    def counted(items):
        nonlocal undated
        for article, events in items:
            undated += article.published is None
            yield article, events

    pipeline = Pipeline(use_classifier=not no_classifier)
    results = counted(pipeline.process(good_articles()))
    show_progress = not quiet and sys.stderr.isatty()
    out = sys.stdout
    if fmt == "acled":
        def rows():
            nonlocal articles_ok
            for article, events in results:
                articles_ok += 1
                if show_progress and articles_ok % 100 == 0:
                    click.echo(f"{articles_ok} articles", err=True)
                for event in events:
                    yield acled_row(event, source=article.source)
        write_acled_csv(rows(), out)
    else:
        collected = []
        for article, events in results:
            articles_ok += 1
            record = {"article_id": article.input_id or article.id, "id": article.id, "published":
                      article.published.isoformat() if article.published else None, "source": article.source,
                      "title": article.title, "events": [e.model_dump(mode="json") for e in events]}
            if fmt == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                record["text"] = article.text
                collected.append(record)
        if fmt == "json":
            json.dump(collected, out, ensure_ascii=False, indent=2)
            out.write("\n")
    if undated and not quiet:
        click.echo(f"warning: {undated} of {articles_ok} article(s) have no publication date (none given with "
                   "--published or in the input, none printed at the article's head): their relative dates "
                   "('on Sunday') are unresolved", err=True)
    if errors and not articles_ok:
        click.echo(f"no input could be processed ({errors} error(s))", err=True)
        sys.exit(1)


COMMANDS = [extract_cmd]

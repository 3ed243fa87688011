"""`eventwire eval` and `eventwire train`: thin click shells over eventwire.evaluation and the classifier."""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, Mapping

import click

__all__ = ["COMMANDS", "eval_cmd", "train_cmd"]


@click.command("eval")
@click.option("--set", "eval_set", type=click.Choice(["acled", "fakes", "merge"]), default="acled",
              show_default=True,
              help="acled: ACLED notes and event_location sentences; fakes: real news articles (news/fakes_dev.csv), "
                   "fed without a publication date and scored on their main event; merge: merge precision and "
                   "recall over labelled article pairs.")
@click.option("--sample", type=click.Choice(["eval", "unseen", "all-test"]), default="eval", show_default=True,
              help="eval: the fixed 2,000 held-out rows (the CI gate); unseen: the other held-out rows, never "
                   "inspected while tuning rules; all-test: every held-out row.")
@click.option("--all-test", is_flag=True, help="Same as --sample all-test.")
@click.option("--limit", type=int, default=None, help="Score a seeded random subset of this many rows.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--locations", type=int, default=None,
              help="event_location sentences to score (default 1,000; 0 skips; capped by --limit).")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write per-field error samples (JSONL) to this file.")
@click.option("--errors-per-field", type=int, default=25, show_default=True)
@click.option("--confusion", is_flag=True, help="Print the sub-event-type confusion matrix.")
@click.option("--check", "check_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Exit 1 when a score dropped more than the tolerance below this baseline.")
@click.option("--write-baseline", "baseline_out", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--split", "splits", type=click.Choice(["time", "place"]), multiple=True,
              help="Generalisation split (repeatable): retrain and rebuild every mined table from its training "
                   "side into a temporary folder, then score its held-out sample (--limit: sample size, default "
                   "1,500) with those and with the shipped tables.")
@click.option("--write-splits", "splits_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --split: write (update) the splits' figures in this JSON file.")
def eval_cmd(eval_set: str, sample: str, all_test: bool, limit: int | None, seed: int, locations: int | None,
             as_json: bool, errors_path: Path | None, errors_per_field: int, confusion: bool, check_path: Path | None,
             baseline_out: Path | None, splits: tuple[str, ...], splits_out: Path | None) -> None:
    """Score the pipeline on the labelled dev data (ACLED rows and event_location sentences, FA-KES news, or the
    generalisation splits)."""
    from eventwire import evaluation
    from eventwire.errors import EventwireError

    if splits:
        _eval_splits(splits, limit, as_json, splits_out)
        return
    if eval_set == "merge":
        _eval_merge(as_json, check_path, baseline_out)
        return
    try:
        if eval_set == "fakes":
            rows, description = evaluation.select_fakes(limit)
            result = evaluation.fakes_result(rows, description, error_samples=errors_per_field if errors_path else 0)
        else:
            result = _acled_result(sample, all_test, limit, seed, locations, errors_per_field if errors_path else 0)
        baseline = evaluation.read_baseline(check_path) if check_path else None
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if errors_path:
        _write_errors(result, errors_path)
    if as_json:
        click.echo(json.dumps(_without_errors(result), indent=2, default=str))
    elif eval_set == "fakes":
        _print_fakes(result)
    else:
        _print_table(result, confusion)
    if baseline_out:
        evaluation.write_baseline(result, baseline_out)
        click.echo(f"baseline written to {baseline_out}", err=True)
    if baseline is not None:
        _check(evaluation, result, baseline, check_path)


def _eval_merge(as_json: bool, check_path: Path | None, baseline_out: Path | None) -> None:
    from eventwire.errors import EventwireError
    from eventwire.evaluation import TOLERANCE, evaluate_merge, pair_benchmark

    try:
        result = evaluate_merge(pair_benchmark())["merge"]
    except (EventwireError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        click.echo(f"merge pairs {result['n']}: precision {_fmt(result['precision'])}, recall "
                   f"{_fmt(result['recall'])} (tp {result['tp']}, fp {result['fp']}, fn {result['fn']}; "
                   f"{result['seconds']} s)")
        for group, counts in result["by_group"].items():
            click.echo(f"  {group:<36} {counts['merged']:>4} of {counts['n']:>4} merged")
    scores = {"merge.precision": result["precision"], "merge.recall": result["recall"]}
    if baseline_out:
        baseline_out.write_text(json.dumps({"scores": scores}, indent=2) + "\n", encoding="utf-8")
        click.echo(f"baseline written to {baseline_out}", err=True)
    if check_path:
        wanted = json.loads(check_path.read_text(encoding="utf-8"))["scores"]
        drops = [f"{k}: {scores[k]} < {v} - {TOLERANCE}" for k, v in wanted.items() if (scores[k] or 0) < v - TOLERANCE]
        if drops:
            click.echo(f"eval check FAILED against {check_path}:\n  " + "\n  ".join(drops), err=True)
            sys.exit(1)
        click.echo(f"eval check passed against {check_path}", err=True)


def _acled_result(sample: str, all_test: bool, limit: int | None, seed: int, locations: int | None,
                  error_samples: int) -> dict[str, Any]:
    from eventwire import evaluation

    rows, description = evaluation.select_rows("all-test" if all_test else sample, limit, seed)  # type: ignore[arg-type]
    n_locations = locations if locations is not None else limit
    items = evaluation.location_items_for(n_locations)
    description += f"; event_location {len(items)}"
    return evaluation.evaluate(rows, location_items=items, sample=description, error_samples=error_samples)


def _check(evaluation: Any, result: Mapping[str, Any], baseline: Mapping[str, Any], check_path: Path) -> None:
    problems = evaluation.check_baseline(result, baseline)
    if problems:
        click.echo(f"eval check FAILED against {check_path}:", err=True)
        for line in problems:
            click.echo(f"  {line}", err=True)
        sys.exit(1)
    click.echo(f"eval check passed against {check_path}", err=True)


def _eval_splits(splits: tuple[str, ...], limit: int | None, as_json: bool, out: Path | None) -> None:
    from eventwire.devdata import SPLIT_SAMPLE_SIZE
    from eventwire.errors import EventwireError
    from eventwire.evaluation import run_split, split_summary

    results = {}
    for name in splits:
        try:
            results[name] = run_split(name, limit or SPLIT_SAMPLE_SIZE, progress=lambda m: click.echo(m, err=True))
        except (EventwireError, OSError) as exc:
            raise click.ClickException(str(exc)) from exc
        if not as_json:
            _print_split(results[name])
    if as_json:
        click.echo(json.dumps(results, indent=2, default=str))
    if out:
        written = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
        written.update({name: split_summary(r) for name, r in results.items()})
        out.write_text(json.dumps(written, indent=2, default=str) + "\n", encoding="utf-8")
        click.echo(f"split figures written to {out}", err=True)


def _print_split(result: Mapping[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from eventwire.evaluation import SPLIT_TARGETS

    targets = SPLIT_TARGETS.get(result["split"], {})
    table = Table(title=f"eventwire eval --split {result['split']} (train {result['train_rows']:,} rows; "
                        "over ALL rows; no event = wrong)")
    table.add_column("score", no_wrap=True, min_width=27)
    columns = [(s, side) for s in result["samples"] for side in ("rebuilt", "package")]
    for sample, side in columns:
        table.add_column(f"{sample.replace('_', ' ')}\n{result['samples'][sample]:,} rows\n{side}", justify="right", min_width=9)
    table.add_column("target", justify="right")
    first = result["rebuilt"][columns[0][0]]["scores"]
    for key in first:
        cells = [_fmt(result[side][sample]["scores"].get(key)) for sample, side in columns]
        target = targets.get(key)
        if target is not None:
            cells[0] += " ✓" if first[key] >= target else " ✗"
        table.add_row(key, *cells, "" if target is None else _fmt(target))
    Console().print(table)
    click.echo(f"build seconds {result['build_seconds']}, scoring {result['score_seconds']} s", err=True)


def _without_errors(result: Mapping[str, Any]) -> dict[str, Any]:
    return {k: ({kk: vv for kk, vv in v.items() if kk != "errors"} if isinstance(v, dict) else v)
            for k, v in result.items()}


def _write_errors(result: Mapping[str, Any], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for part in ("acled", "locations", "fakes"):
            for record in result.get(part, {}).get("errors", []):
                fh.write(json.dumps(record, default=str) + "\n")


def _fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _print_table(result: Mapping[str, Any], confusion: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    from eventwire.evaluation import TARGETS

    console = Console()
    acled = result["acled"]
    files = list(acled.get("by_file", {}))
    table = Table(title=f"eventwire eval — {result['sample']} (over ALL rows; no event = wrong)")
    table.add_column("score", no_wrap=True, min_width=30)
    table.add_column("all", justify="right")
    for name in files:
        table.add_column(name.replace("acled_", "").replace(".csv", ""), justify="right")
    table.add_column("target", justify="right")
    for key, value in acled["scores"].items():
        target = TARGETS.get(f"acled.{key}")
        mark = "" if target is None else (" ✓" if value is not None and value >= target else " ✗")
        cells = [_fmt(acled["by_file"][f].get(key)) for f in files]
        table.add_row(key, _fmt(value) + mark, *cells, "" if target is None else _fmt(target))
    for key, value in result.get("locations", {}).get("scores", {}).items():
        table.add_row(f"event_location.{key}", _fmt(value), *["" for _ in files], "")
    console.print(table)
    console.print(f"rows {acled['n']}, events/row {acled.get('events_per_row')}, "
                  f"{acled.get('articles_per_second')} articles/s ({acled.get('seconds')} s)")
    if confusion:
        _print_confusion(console, acled["confusion"])


def _print_fakes(result: Mapping[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    fakes = result["fakes"]
    sources = list(fakes["by_source"])
    table = Table(title=f"eventwire eval --set fakes — {result['sample']} (main event; no event = wrong)")
    table.add_column("score", no_wrap=True)
    table.add_column("all", justify="right")
    table.add_column("credible", justify="right")
    for name in sources:
        table.add_column(f"{name} ({fakes['by_source'][name]['n']})", justify="right")
    for key, value in fakes["scores"].items():
        cells = [_fmt(fakes["by_source"][s]["scores"].get(key)) for s in sources]
        table.add_row(f"{key} (n={fakes['counts'][key]})", _fmt(value), _fmt(fakes["credible"]["scores"].get(key)),
                      *cells)
    console = Console()
    console.print(table)
    console.print(f"articles {fakes['n']}, events/article {fakes.get('events_per_article')}, "
                  f"{fakes.get('articles_per_second')} articles/s ({fakes.get('seconds')} s)")


def _print_confusion(console: Any, matrix: Mapping[str, Mapping[str, int]]) -> None:
    from rich.table import Table

    labels = sorted(set(matrix) | {p for row in matrix.values() for p in row})
    index = {label: str(i + 1) for i, label in enumerate(labels)}
    table = Table(title="sub_event_type confusion (rows gold, columns predicted)")
    table.add_column("gold")
    for label in labels:
        table.add_column(index[label], justify="right")
    for gold in sorted(matrix):
        table.add_row(f"{index[gold]} {gold}", *[str(matrix[gold].get(p, "")) for p in labels])
    console.print(table)


@click.command("train")
@click.option("--max-features", type=int, default=20000, show_default=True, help="Per vectorizer (words, chars).")
@click.option("--only", type=click.Choice(["all", "tfidf", "sentence", "mode"]), default="all", show_default=True,
              help="tfidf: the n-gram sub-type classifier; sentence: the event, sub-type and mode heads over the "
                   "encoder; mode: the mode head alone, added to the shipped heads.")
def train_cmd(max_features: int, only: str) -> None:
    """Train the learned models on the train split and write them into the package (deterministic, CPU)."""
    from eventwire.errors import EventwireError
    from eventwire.events import classifier, sentence_model

    try:
        if only in ("all", "tfidf"):
            result = classifier.train(max_features=max_features)
            click.echo(f"wrote {result.model_path} ({result.meta['artefact_bytes']:,} bytes)")
            click.echo(json.dumps(result.meta["held_out"], indent=2))
        if only in ("all", "sentence"):
            heads = sentence_model.train()
            click.echo(f"wrote {heads.path} ({heads.meta['artefact_bytes']:,} bytes)")
            click.echo(json.dumps(heads.meta["held_out"], indent=2))
        if only == "mode":
            heads = sentence_model.train_mode()
            click.echo(f"wrote {heads.path} ({heads.meta['artefact_bytes']:,} bytes)")
        if only in ("all", "sentence", "mode"):
            click.echo(json.dumps({"mode_cv": heads.meta["mode_cv"]}, indent=2))
    except (EventwireError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc


COMMANDS = [eval_cmd, train_cmd]

"""Ingest: read articles, skip the ones already stored, extract events (in-process or on Dask), store in batches.

The client process writes (Dask workers only extract); each batch (articles + events + links + rejects) is one
transaction, so a run killed at any point leaves whole batches only, and re-running skips what is stored (by
content hash). Several ingests may write to one store at once: their merge steps take turns (see store.write).
An article that fails to extract (E040/E041) or to store (E022) is a reject; the rest of its batch goes on.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from eventwire import settings
from eventwire.errors import InputError, StoreError
from eventwire.models import Article, Event
from eventwire.store import BatchResult, Store

__all__ = ["Batch", "IngestStats", "dask_extractor", "extract_chunk", "extract_in_process", "ingest", "ingest_items"]

log = logging.getLogger(__name__)

Extracted = list[tuple[Article, list[Event]]]


@dataclass
class Batch:
    """One unit of work: articles to extract, plus what the reader already settled (rejects, known articles)."""

    articles: list[Article]
    rejects: list[InputError] = field(default_factory=list)
    known: int = 0


@dataclass
class IngestStats:
    read: int = 0  # articles read (not counting rejects)
    new: int = 0
    skipped: int = 0  # already stored (same content hash) or repeated within the input
    rejects: int = 0
    mentions: int = 0  # events extracted from the new articles, before merging
    undated: int = 0  # new articles with no publication date: their relative dates stay unresolved
    non_english: int = 0  # new articles whose text reads as another language (told by a notice each)
    batches: int = 0
    seconds: float = 0.0
    run_id: int | None = None

    @property
    def articles_per_s(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0


ProgressFn = Callable[[IngestStats], None]
RejectFn = Callable[[InputError], None]
NoticeFn = Callable[[str], None]

# -- extraction (runs on Dask workers too) ----------------------------------------------------------------------
_PIPELINE: Any = None


def _pipeline() -> Any:
    """The pipeline, loaded once per process (a Dask worker keeps it between tasks). Fully loaded up front: the
    spaCy model (~120 MB) otherwise loads at the first defection sentence, somewhere in the corpus, and peak memory
    looked as if it grew with the corpus (measured: 318 MB at article 1,000, 453 MB at 2,000, then flat)."""
    global _PIPELINE
    if _PIPELINE is None:
        from eventwire.pipeline import Pipeline

        _PIPELINE = Pipeline()
        _PIPELINE.warm()
    return _PIPELINE


def extract_chunk(articles: Sequence[Article]) -> tuple[Extracted, list[InputError]]:
    """Extract events from `articles`; an article the pipeline fails on is returned as a reject (E040/E041)."""
    failed: list[InputError] = []
    done = list(_pipeline().process(articles, on_error=failed.append))
    return done, failed


Extractor = Callable[[Iterator[Batch]], Iterator[tuple[Batch, Extracted, list[InputError]]]]


def extract_in_process(batches: Iterator[Batch]) -> Iterator[tuple[Batch, Extracted, list[InputError]]]:
    for batch in batches:
        done, failed = extract_chunk(batch.articles) if batch.articles else ([], [])
        yield batch, done, failed


# -- Dask: workers extract, this process writes -----------------------------------------------------------------
@contextmanager
def dask_extractor(workers: int | None = None, scheduler: str | None = None,
                   window: int | None = None) -> Iterator[Extractor]:
    """An extractor running chunks on a new LocalCluster (`workers`) or an existing `scheduler` address.

    At most `window` chunks are in flight (default 2 per worker), so memory stays flat whatever the corpus size.
    """
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.WARNING)
        client = Client(cluster)
    try:
        n = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})) or (workers or 1))
        yield partial(_extract_on_dask, client, window or 2 * n)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _extract_on_dask(client: Any, window: int,
                     batches: Iterator[Batch]) -> Iterator[tuple[Batch, Extracted, list[InputError]]]:
    from distributed import as_completed

    pending = as_completed()
    waiting: dict[str, Batch] = {}

    def finished() -> tuple[Batch, Extracted, list[InputError]]:
        future = next(pending)
        done, failed = future.result()
        return waiting.pop(future.key), done, failed

    for batch in batches:
        if not batch.articles:
            yield batch, [], []
            continue
        future = client.submit(extract_chunk, batch.articles, pure=False)
        waiting[future.key] = batch
        pending.add(future)
        if pending.count() >= window:
            yield finished()
    while pending.count():
        yield finished()


# -- batching ---------------------------------------------------------------------------------------------------
def _batches(items: Iterable[Article | InputError], store: Store, size: int) -> Iterator[Batch]:
    """Batches of unstored articles; known ones are counted, not extracted again."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        rejects = [x for x in chunk if isinstance(x, InputError)]
        articles = [x for x in chunk if isinstance(x, Article)]
        known = store.known_article_ids(a.id for a in articles)
        fresh: dict[str, Article] = {}
        for a in articles:
            if a.id not in known:
                fresh.setdefault(a.id, a)
        yield Batch(list(fresh.values()), rejects, len(articles) - len(fresh))


def _write(store: Store, done: Extracted, rejects: list[InputError], run_id: int | None) -> BatchResult:
    """The batch in one transaction; should that fail as a whole (the merge step refusing one article's data),
    article by article, so that only the article at fault is lost (E022). A store that refuses even the
    rejects alone is down: that raises."""
    try:
        return store.write_batch(done, rejects, run_id)
    except StoreError:
        if len(done) < 2:
            raise
    total, failed = BatchResult(), []
    for article, events in done:
        try:
            part = store.write_batch([(article, events)], (), run_id)
        except StoreError as exc:
            failed.append(InputError("E022", f"article {article.id}: {exc.detail}", path=article.input_id or article.id))
            continue
        total.new_articles += part.new_articles
        total.skipped_articles += part.skipped_articles
        total.mentions += part.mentions
        total.events_touched += part.events_touched
        total.failed += part.failed  # stored as rejects by that write already
    last = store.write_batch([], rejects + failed, run_id)
    total.rejects = last.rejects + len(total.failed)
    total.failed = total.failed + failed
    return total


def _notice_new(batch: Batch, stats: IngestStats, on_notice: NoticeFn | None) -> None:
    """Count (and tell) the new articles that will silently give less: undated ones, non-English ones."""
    from eventwire.intake._language import language_notice

    for article in batch.articles:
        stats.undated += article.published is None
        notice = language_notice(article.input_id or article.id, article.text)
        if notice:
            stats.non_english += 1
            log.info(notice)
            if on_notice:
                on_notice(notice)


def ingest_items(items: Iterable[Article | InputError], store: Store, *, extractor: Extractor = extract_in_process,
                 batch_size: int | None = None, run_id: int | None = None, on_progress: ProgressFn | None = None,
                 on_reject: RejectFn | None = None, on_notice: NoticeFn | None = None) -> IngestStats:
    """Store `items` (articles and reader errors) batch by batch; returns the counts."""
    stats = IngestStats(run_id=run_id)
    started = time.perf_counter()
    for batch, done, failed in extractor(_batches(items, store, batch_size or int(settings.get("batch_size")))):
        _notice_new(batch, stats, on_notice)
        rejects = batch.rejects + failed
        result = _write(store, done, rejects, run_id)
        rejects = rejects + result.failed
        stats.read += len(batch.articles) + batch.known
        stats.new += result.new_articles
        stats.skipped += batch.known + result.skipped_articles
        stats.rejects += len(rejects)
        stats.mentions += result.mentions
        stats.batches += 1
        stats.seconds = time.perf_counter() - started
        for reject in rejects:
            log.info("rejected: %s", reject)
            if on_reject:
                on_reject(reject)
        if on_progress:
            on_progress(stats)
    stats.seconds = time.perf_counter() - started
    return stats


def ingest(paths: Sequence[str | Path], url: str | None = None, *, workers: int | None = None,
           scheduler: str | None = None, published: date | None = None, batch_size: int | None = None,
           on_progress: ProgressFn | None = None, on_reject: RejectFn | None = None,
           on_notice: NoticeFn | None = None, follow_symlinks: bool = False) -> IngestStats:
    """Ingest files/directories into the store at `url`, extracting in-process or on Dask (workers/scheduler)."""
    from eventwire.intake import iter_articles

    args = {"paths": [str(p) for p in paths], "workers": workers, "scheduler": scheduler, "published": published}
    with Store.open(url) as store:
        run_id = store.begin_run(args)
        items = iter_articles([Path(p) for p in paths], published=published, follow_symlinks=follow_symlinks)
        status = "failed"
        try:
            if workers or scheduler:
                with dask_extractor(workers=workers, scheduler=scheduler) as extractor:
                    stats = ingest_items(items, store, extractor=extractor, batch_size=batch_size, run_id=run_id,
                                         on_progress=on_progress, on_reject=on_reject, on_notice=on_notice)
            else:
                stats = ingest_items(items, store, batch_size=batch_size, run_id=run_id, on_progress=on_progress,
                                     on_reject=on_reject, on_notice=on_notice)
            status = "done"
        except KeyboardInterrupt:
            status = "interrupted"  # every committed batch stays; a re-run finishes the rest
            raise
        finally:
            store.finish_run(run_id, status)
    return stats

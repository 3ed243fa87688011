"""Per-article isolation: whatever goes wrong while extracting one article becomes that article's reject.

`attempt` runs one step for one article and turns an exception into an `InputError` (E040, internal error, with
the article's id; E041 when it ran past its time budget). `Budget` is the per-article clock: the pipeline's
stage timer calls it after every stage, so an article that takes too long is stopped at its next stage.
"""
from __future__ import annotations

import time
from typing import Callable, TypeVar

from eventwire import settings
from eventwire.errors import InputError, one_line
from eventwire.models import Article

__all__ = ["Budget", "BudgetExceeded", "ErrorFn", "attempt", "reject_for"]

T = TypeVar("T")
ErrorFn = Callable[[InputError], None]
Tick = Callable[[str, float], None]


class BudgetExceeded(Exception):
    """An article ran past `article_seconds`."""


class Budget:
    """A deadline for one article, checked at every stage tick; `tick` also forwards to the pipeline's timer."""

    def __init__(self, forward: Tick, seconds: float | None = None):
        self.seconds = float(settings.get("article_seconds")) if seconds is None else seconds
        self.started = time.perf_counter()
        self.forward = forward

    def tick(self, stage: str, since: float) -> None:
        self.forward(stage, since)
        if self.seconds > 0 and time.perf_counter() - self.started > self.seconds:
            raise BudgetExceeded(f"over {self.seconds:g} s, stopped after stage {stage!r}")


def reject_for(article: Article, exc: BaseException) -> InputError:
    """The reject for an article whose extraction raised: where it came from, its id, one line of reason."""
    code = "E041" if isinstance(exc, BudgetExceeded) else "E040"
    detail = str(exc) if isinstance(exc, BudgetExceeded) else one_line(exc)
    return InputError(code, f"article {article.id}: {detail}", path=article.input_id or article.id)


def attempt(step: Callable[[], T], article: Article, on_error: ErrorFn | None) -> T | None:
    """`step()`, or None after reporting its failure to `on_error`; without `on_error` failures propagate
    (budget overruns as InputError E041)."""
    try:
        return step()
    except Exception as exc:  # noqa: BLE001 - one article's failure must never cost the others
        if on_error is None:
            if isinstance(exc, BudgetExceeded):
                raise reject_for(article, exc) from exc
            raise
        on_error(reject_for(article, exc))
        return None

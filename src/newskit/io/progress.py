"""A progress bar on stderr for long runs: articles done, words per second, and an ETA when the total is known."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newskit.io.inputs import ARTICLE_SUFFIXES
from newskit.record import AnyRecord, Record


def count_articles(inputs, input_format: str = "auto") -> int | None:
    """Return how many articles the inputs hold, or None when that needs reading stdin."""
    total = 0
    for item in inputs:
        if item == "-":
            return None
        p = Path(item)
        files = [f for f in p.rglob("*") if f.suffix.lower() in ARTICLE_SUFFIXES] if p.is_dir() else [p]
        for f in files:
            if input_format == "jsonl" or (input_format == "auto" and f.suffix.lower() == ".jsonl"):
                try:
                    with open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


class ArticleBar:
    """A progress bar over articles on stderr. It moves as records come out (wrap), and, when a worker pool tells
    it (done), as each article finishes inside a worker: records come out in input order, a batch at a time,
    but articles finish one by one in any order, and the bar follows whichever count is ahead."""

    def __init__(self, inputs, input_format: str = "auto", force: bool = False):
        self.total = count_articles(inputs, input_format)
        self.force = force
        self.told = 0  # articles the pool said are done
        self.bar: Any = None
        self.task: Any = None

    def done(self, n: int) -> None:
        """Count n more articles finished in a worker (negative: finished work lost with a worker, redone)."""
        self.told += n
        if self.bar is not None:
            self.bar.update(self.task, completed=self.told)

    def wrap(self, records: Iterable[AnyRecord]) -> Iterator[AnyRecord]:
        """Yield `records` unchanged while drawing the bar."""
        with rich_bar("newskit", "{task.fields[rate]}", self.force) as bar:
            self.bar, self.task = bar, bar.add_task("articles", total=self.total, rate="")
            words = out = 0
            try:
                for rec in records:
                    out += 1
                    if isinstance(rec, Record):
                        words += sum(len(p.text.split()) for p in rec.article.paragraphs)
                    elapsed = bar.tasks[0].elapsed or 0
                    rate = f"{words / elapsed:,.0f} words/s" if elapsed > 0 else ""
                    bar.update(self.task, completed=max(out, self.told), rate=rate)
                    yield rec
            finally:
                self.bar = None



def rich_bar(label: str, counter: str, force: bool = False):
    """Return a transient rich progress bar on stderr: label, bar, done/total, a `counter` column, times."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TextColumn(counter),
                    TimeElapsedColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True, force_terminal=force or None), transient=True)

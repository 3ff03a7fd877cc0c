"""A progress bar on stderr for long runs: articles done, words per second, and an ETA when the total is known."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newskit.io.inputs import ARTICLE_SUFFIXES


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


def with_progress(records: Iterable[dict], inputs, input_format: str = "auto", force: bool = False) -> Iterator[dict]:
    """Yield `records` unchanged while drawing a rich progress bar on stderr."""
    total = count_articles(inputs, input_format)
    with rich_bar("newskit", "{task.fields[rate]}", force) as bar:
        task = bar.add_task("articles", total=total, rate="")
        words = 0
        for rec in records:
            paras = (rec.get("article") or {}).get("paragraphs") or []
            words += sum(len(p["text"].split()) for p in paras)
            elapsed = bar.tasks[0].elapsed or 0
            rate = f"{words / elapsed:,.0f} words/s" if elapsed > 0 else ""
            bar.update(task, advance=1, rate=rate)
            yield rec


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

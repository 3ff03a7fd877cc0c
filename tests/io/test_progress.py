"""The article progress bar follows whichever count is ahead: records out, or articles a worker pool says are done."""
from __future__ import annotations

from newskit.io.inputs import source_from_text
from newskit.io.progress import ArticleBar
from newskit.pipeline import analyze


def test_the_bar_moves_as_the_pool_tells_before_records_come_out(tmp_path):
    files = []
    for i in range(4):
        path = tmp_path / f"story{i}.txt"
        path.write_text(f"Story {i}, written for the test.")
        files.append(str(path))
    bar = ArticleBar(files, force=True)
    assert bar.total == 4
    seen = []

    def records():
        bar.done(3)  # three articles finished in workers before the first record is out in input order
        seen.append(bar.bar.tasks[0].completed)
        yield from analyze([source_from_text("Paris, Monday.", id="one")], ("parse",))
        bar.done(-1)  # a worker died with one finished article: redone, the bar does not run ahead of the truth
        seen.append(bar.bar.tasks[0].completed)

    out = list(bar.wrap(records()))
    assert [r.id for r in out] == ["one"]
    assert seen == [3, 2]
    assert bar.bar is None  # the bar is gone when the records are

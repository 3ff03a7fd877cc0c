"""Report pages on disk: where each article's page goes, when an index is needed, and that no input is written over.

    site = ReportSite("out", inputs=["articles"])
    for record in records:
        site.add(record)
    written = site.finish()          # the index (several articles) or the one page

`-o FILE.html`: one article → FILE.html is its report; several → FILE.html is an index and each article is
FILE-<name>.html beside it. `-o DIR` (no .html/.htm suffix, or ending in /): DIR/<name>.html per article plus
DIR/index.html. Names come from `newskit.output.report.page_name` (a second input of the same name gets `-2`).
Every file is written whole (temporary name, then renamed), and a file that is one of the inputs is never written:
the site refuses, naming it, before writing anything it can foresee, and at the latest before that one write."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from newskit.errors import OutputError
from newskit.io.inputs import _article_files
from newskit.io.output import write_atomic
from newskit.output import report
from newskit.record import AnyRecord, ErrorRecord, Record


def _input_files(inputs: Iterable[str]) -> set[Path]:
    found: set[Path] = set()
    for item in inputs:
        if item == "-":
            continue
        p = Path(item)
        files = _article_files(item) if p.is_dir() else [item] if p.exists() else []
        found.update(Path(f).resolve() for f in files)
    return found


class ReportSite:
    """The pages of one `report` run: add records as they come, then finish() to write the index."""

    def __init__(self, output: str, inputs: Iterable[str] = ()):
        out = Path(output)
        self.as_dir = out.is_dir() or output.endswith(("/", os.sep)) or out.suffix.lower() not in (".html", ".htm")
        self.out = out
        self.folder = out if self.as_dir else out.parent
        self.prefix = "" if self.as_dir else out.stem + "-"
        self.items: list[tuple[str, str, report.Summary]] = []  # (page file, id, what the index shows)
        self.taken = {"index.html"}
        self.held: Record | None = None  # -o FILE.html: the first article waits until we know an index is needed
        self.inputs = _input_files(inputs)
        self._refuse_foreseen()

    def _refuse_foreseen(self) -> None:
        if self.as_dir:
            inside = sorted(p for p in self.inputs if self.folder.resolve() in p.parents)
            if inside:
                raise OutputError(f"refusing to write the report into {self.folder}: it holds the input {inside[0]} "
                                  "(choose another -o)")
        else:
            self._check(self.out)

    def _check(self, path: Path) -> None:
        if path.resolve() in self.inputs:
            raise OutputError(f"refusing to write over the input {path} (choose another -o)")

    def make_folder(self) -> None:
        """Create the output folder as `mkdir` would: its last level only, never a missing parent."""
        folder = self.folder
        try:
            folder.mkdir(exist_ok=True)
        except FileNotFoundError:
            raise OutputError(f"cannot create {folder}: {folder.parent} does not exist") from None
        except FileExistsError:
            raise OutputError(f"cannot create {folder}: a file of that name is in the way") from None
        except OSError as exc:
            raise OutputError(f"cannot create {folder}: {exc.strerror or exc}") from None

    def _write(self, path: Path, html: str) -> None:
        self._check(path)
        write_atomic(path, html)

    def _page(self, rec: Record) -> None:
        name = report.page_name(rec.id, self.taken, self.prefix)
        self._write(self.folder / name, report.render_report(
            rec, rec.text, index_href="index.html" if self.as_dir else self.out.name))
        self.items.append((name, rec.id, report.summary(rec)))

    def add(self, rec: AnyRecord) -> None:
        """Add one record: its page is written (a failed input is listed in the index without a page)."""
        if self.held is not None:
            held, self.held = self.held, None
            self._page(held)
        if isinstance(rec, ErrorRecord):
                self.items.append(("", rec.id, report.summary(rec)))
        elif not self.as_dir and not self.items:
            self.held = rec
        else:
            self._page(rec)

    def finish(self) -> Path | None:
        """Write what is still due (the one page, or the index) and return the path to show, if any."""
        if self.held is not None:
            self._write(self.out, report.render_report(self.held, self.held.text))
            self.held = None
            return self.out
        if self.as_dir and self.items or len(self.items) > 1:
            index = self.folder / "index.html" if self.as_dir else self.out
            self._write(index, report.render_index(self.items))
            return index
        return None

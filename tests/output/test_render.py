"""Terminal views: rich tables and plain lines print what the record holds, safely."""

from __future__ import annotations

from newskit.output.render import plain


def test_rich_view_prints_brackets_as_written(tmp_path):
    from rich.console import Console

    from newskit.output.render import rich_view

    rec = {"id": "x", "article": {"headline": "Putin [/b] visits [sic]", "paragraphs": [], "authors": []}}
    console = Console(record=True, width=100)
    console.print(rich_view(rec, "parse"))
    assert "Putin [/b] visits [sic]" in console.export_text()


def test_plain_output_has_no_control_characters():
    rec = {"id": "x", "article": {"headline": "Bad\x1b[31m head\x07line", "paragraphs": [], "authors": []},
           "entities": [{"id": "E1", "type": "person", "name": "A\x1bB", "count": 1}]}
    out = plain(rec, "analyze")
    assert "\x1b" not in out and "\x07" not in out

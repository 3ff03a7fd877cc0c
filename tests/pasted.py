"""Parse pasted text and check the layout's offsets, for the tests of header forms."""
from __future__ import annotations

from newskit.article import parse_article
from newskit.record import Article


def parse_checked(text: str) -> Article:
    """The article of `text`, after checking every layout line's offsets point at its own text."""
    art = parse_article(text)
    for ln in art.layout:
        assert text[ln.start:ln.end] == ln.text
    return art

"""The Mention value, the article layout it is placed in, and building one from a token range."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import TYPE_CHECKING

from newskit.article.results import is_results_line, table_rows
from newskit.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newskit.record import Article

SKIP_FIELDS = {"boilerplate", "image"}


@dataclass
class Mention:
    """One mention of a would-be entity: char offsets, token offsets, label and how it was found."""

    start: int
    end: int
    text: str
    label: str
    tstart: int
    tend: int
    source: str = "ner"
    field: str | None = None
    titles: list[str] = dc_field(default_factory=list)


class Layout:
    """Answer which article field a char offset falls in (None without an article)."""

    def __init__(self, article: Article | None) -> None:
        lines = sorted(article.layout, key=lambda ln: ln.start) if article is not None else []
        self.starts = [ln.start for ln in lines]
        self.lines = lines
        # a results table the layout took for page furniture (a scorecard with no prose around it) is the story's
        # content: its names are read
        texts = [ln.text for ln in lines]
        rows = table_rows(texts) if any(ln.field == "boilerplate" for ln in lines) else set()
        self.tables = {ln.start for j, ln in enumerate(lines)
                       if ln.field == "boilerplate" and (j in rows or is_results_line(ln.text))}
        self.signoffs = {ln.start for ln in lines if ln.field == "boilerplate" and is_signoff(ln.text)}

    def field_at(self, pos: int) -> str | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.lines[i].start <= pos < max(self.lines[i].end, self.lines[i].start + 1):
            start = self.lines[i].start
            return "body" if start in self.tables else "credit" if start in self.signoffs else self.lines[i].field
        return None


# a wire story's sign-off: who to call about it, at which desk ("-- Ana Ruiz, Lisbon Newsroom +351 1 555 0101",
# "-- Oslo newsroom +47 22 00 00 00"): its words are names, a desk's and a phone's words and nothing else
_SIGNOFF = re.compile(r"[ \t]*--[ \t]*[A-Z]")
_SIGNOFF_WORDS = frozenset({"newsroom", "newsdesk", "desk", "bureau", "news", "room", "tel", "fax", "e-mail", "email",
                            "and", "or"})
_PHONE = re.compile(r"\+?\(?\d[\d ()/-]{5,}\d")


def is_signoff(line: str) -> bool:
    """Say whether a line is a wire story's sign-off: "--", a name, a desk and a phone number."""
    if not _SIGNOFF.match(line) or len(line) > 140 or not _PHONE.search(line):
        return False
    words = re.findall(r"[A-Za-z][\w.'-]*", re.sub(r"\S+@\S+", " ", line))
    return all(w[0].isupper() or w.lower().rstrip(".:") in _SIGNOFF_WORDS for w in words)


def make_mention(doc: Doc, s: int, e: int, label: str, source: str, layout: Layout) -> Mention | None:
    """Return the mention of tokens s..e, or None when the range is empty or holds no letter."""
    if e <= s:
        return None
    a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    text = doc_text(doc)[a:b]
    if not any(c.isalpha() for c in text):
        return None
    return Mention(a, b, text, label, s, e, source, layout.field_at(a))


def token_range(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """Return the tokens lying wholly inside chars a..b as (start, end), or None when there are none."""
    span = doc.char_span(a, b, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end

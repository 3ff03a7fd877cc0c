"""Find quotation-mark spans in raw text: curly, straight, single and TimeBank ``…'' marks, across paragraphs.

Works on characters, not tokens, so that an unbalanced or odd mark can never break the parse; every span returned
satisfies `text[start:end]` and includes its quotation marks (as PolNeAR and readers expect).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_MARK = re.compile(r"``|''|[\u201c\u201d\u201e\u00ab\u00bb\"\u2018\u2019'`]")
_OPEN_DOUBLE = {"\u201c", "``", "\u201e", "\u00ab"}
_CLOSE_DOUBLE = {"\u201d", "''", "\u00bb"}
# Characters after which a straight mark opens rather than closes a quotation.
_OPENING_CONTEXT = set(" \t\n([{\u2014\u2013-/:")


@dataclass
class RawQuote:
    """Quotation-mark span(s): one part per paragraph."""

    parts: list[tuple[int, int]]
    single: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _style(mark: str) -> str:
    return "straight" if mark == '"' else "tex" if mark in ("``", "''") else "curly"


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _kind(text: str, i: int, mark: str) -> str | None:
    """Classify one mark as 'open', 'close', 'either' (straight double) or None (apostrophe, prime, ...)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in _OPEN_DOUBLE:
        return "open"
    if mark in _CLOSE_DOUBLE:
        return "close"
    if mark == '"':
        opens = prev in _OPENING_CONTEXT or prev in "\u201c\u2018"
        closes = not prev.isspace()
        if opens and nxt.isspace():
            return None  # a lone mark between spaces, e.g. inches or a stray
        return "open" if opens and not closes else "close" if closes and not opens else "either"
    # Single marks: an apostrophe between letters (don't, O'Brien) or before digits ('90s) is never a quote.
    if prev.isalnum() and nxt.isalnum():
        return None
    if mark in ("\u2018", "'", "`") and (prev in _OPENING_CONTEXT or prev == "\u201c") and nxt.isalpha():
        return "open1"
    if mark in ("\u2019", "'") and not prev.isspace() and not nxt.isalnum():
        return "close1"
    return None


# Complexity kept: a scanner: one case per quotation mark and context.
def find_quote_marks(text: str) -> list[RawQuote]:  # noqa: C901, PLR0912, PLR0915
    """Return the quotations delimited by quotation marks in `text`, in order; never raises."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    quotes: list[RawQuote] = []
    pending: RawQuote | None = None  # a quotation still open at the end of the previous paragraph
    for ls, le in lines:
        marks = [(m.start(), m.group()) for m in _MARK.finditer(text, ls, le)]
        outer = None  # (start, style) of the open double quotation
        nested = None  # style of a double quotation nested in `outer`
        single = None  # start of an open single quotation outside any double one
        if pending is not None:
            k = ls + len(text[ls:le]) - len(text[ls:le].lstrip())
            lead = "``" if text.startswith("``", k) else text[k:k + 1]
            if lead in ('"', "\u201c", "``"):
                outer = (k, _style(lead))  # the paragraph reopens the quotation: it continues
                marks = [(p, m) for p, m in marks if p != k]
            else:
                quotes.append(pending)
                pending = None
        for pos, mark in marks:
            kind = _kind(text, pos, mark)
            if kind is None:
                continue
            if outer is not None:
                if kind in ("open1", "close1"):
                    continue  # single quotes inside double ones are nested quotations
                style = _style(mark)
                if nested is not None and kind in ("close", "either") and style == nested:
                    nested = None
                    continue
                if kind == "open" and style != outer[1] and nested is None:
                    nested = style
                    continue
                if kind in ("close", "either"):
                    part = (outer[0], pos + len(mark))
                    if pending is not None:
                        pending.parts.append(part)
                        quotes.append(pending)
                        pending = None
                    else:
                        quotes.append(RawQuote([part]))
                    outer, nested = None, None
                    continue
                # A second opening mark of the same style: the first quotation lost its closing mark.
                end = pos
                while end > outer[0] and text[end - 1].isspace():
                    end -= 1
                quotes.append(RawQuote([(outer[0], end)]))
                outer, nested = (pos, style), None
                continue
            if kind in ("open", "either"):
                if single is not None:
                    single = None  # a double mark inside a single quote: treat the single one as an apostrophe
                outer = (pos, _style(mark))
            elif kind == "open1" and single is None:
                single = pos
            elif kind == "close1" and single is not None:
                quotes.append(RawQuote([(single, pos + len(mark))], single=True))
                single = None
        if outer is not None:
            end = le
            while end > outer[0] and text[end - 1].isspace():
                end -= 1
            part = (outer[0], end)
            if pending is not None:
                pending.parts.append(part)
            else:
                pending = RawQuote([part])
    if pending is not None:
        quotes.append(pending)
    quotes.sort(key=lambda q: q.start)
    return [q for q in quotes if q.end - q.start > 2]

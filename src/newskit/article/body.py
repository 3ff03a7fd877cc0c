"""The body of a plain-text article: paragraphs, the dateline and lead date, captions inside the story, the trailer
(contacts, "Reporting by", related links) and a byline or date closing the article."""
from __future__ import annotations

import re
from typing import Protocol

from newskit.article.bylines import BYLINE, IMAGE_FILE, parse_byline, parse_dateline, split_credit
from newskit.article.furniture import is_furniture
from newskit.article.header import Line, date_line
from newskit.article.pubdate import find_date
from newskit.article.results import is_results_line, table_rows
from newskit.record import LayoutField, Span


class Draft(Protocol):
    """What the body reader needs of the article being assembled (`newskit.article.builder` provides it): the
    lines and their kinds, the fields found so far, and the calls that assign a line to a field."""

    lines: list[Line]
    kinds: list[str]
    authors: list[str]
    publisher: str | None
    published: str | None
    updated: str | None
    dateline: str | None
    paragraphs: list[Span]
    sources: dict

    def dayfirst(self) -> bool: ...

    def put(self, field: LayoutField, start: int, end: int) -> None: ...

    def set_publisher(self, name: str | None, source: str) -> None: ...

    def add_image(self, ln: Line, kind: str) -> None: ...

TRAILER = re.compile(r"^(?:about\s+(?:the\s+)?[A-Z0-9][\w&.-]*(?:\s+[A-Z0-9][\w&.-]*){0,4}:?|media\s+contacts?:?.*|"
                     r"press\s+contacts?:?.*|contacts?:.*|for\s+more\s+information.*:|#{3,}|-+\s*ends?\s*-+|"
                     r"(?:additional\s+)?reporting\s+by\b.*|editing\s+by\b.*|writing\s+by\b.*|compiled\s+by\b.*)$",
                     re.I)
# Lines that close the article: related/most-read lists, tag lists, contributor and print-edition notes, comments.
_END = re.compile(r"^(?:read\s+next|most\s+(?:read|popular|viewed|shared)|related\b.*|more\s+(?:on|from|stories)\b.*|"
                  r"explore\s+more\b.*|in\s+other\s+news|also\s+from\s+this\s+source|recommended\b.*|filed\s+under\b.*|"
                  r"see\s+more\s+on\b.*|more\s*:.*|citations?|references|site\s+index|comments?|conversation|"
                  r"\d+\s+comments?|discussion\b.*|[—–-]+\s*with\s+assistance\s+from\b.*|\(updates?\s+with\b.*|"
                  r"contact\s+\S+(?:\s+\S+){0,3}\s+at\b.*|source\s*:.*|questions\s+or\s+comments\b.*|"
                  r"published\s+in\s+the\s+print\s+edition\b.*|a\s+version\s+of\s+this\s+article\s+appears\s+in\s+print\b.*|"
                  r"written\s+by\s+[A-Z]\S*(?:\s+[A-Z]\S*){0,3})$", re.I)
_READ_MORE = re.compile(r"^\W*(?:read|see)\s+(?:more|also)\W*$", re.I)
# A date opening the first paragraph, set off by a dash: "Feb. 23, 2015 -- Life-threatening…".
LEAD_DATE = re.compile(r"^(?P<date>[A-Za-z]{0,9}\.?,?\s*[\w.,/ ]{5,24}?\d{2,4})\s*(?:--|[—–]|-\s)\s*(?=\S)")


def _closing_role(ln: Line) -> str | None:
    """Return "byline", "date" or "updated" for a short line that credits or dates the article, else None."""
    if ln.words > 16:
        return None
    found = parse_byline(ln.text)
    if found and found[0] and (BYLINE.match(ln.text) or find_date(ln.text)):
        return "byline"
    return date_line(ln)


# Complexity kept: one case per line kind, in the order the kinds are tried.
def read_body(b: Draft, start: int) -> None:  # noqa: C901, PLR0912, PLR0915
    """Assign the lines from `start` on: paragraphs, dateline, lead date, captions, closing byline, furniture."""
    lines = b.lines[start:]
    trailer = len(lines)
    blocks = set()
    for j, ln in enumerate(lines):
        if j >= 3 and TRAILER.match(ln.text):
            trailer = j
            break
        if j >= 1 and ln.words < 30 and _END.match(ln.text):
            # Paragraphs of prose further down mean a list inside the article; else the article ends here.
            if not any(x.prose and x.words >= 25 and not is_furniture(x.text) for x in lines[j + 1:]):
                trailer = j
                break
            blocks.add(j)
    # A "Read more" label sits beside the title of the story it links to (above it or below it): a short line
    # without a full stop next to the label is that link, not a paragraph.
    links: set[int] = set()
    for j, ln in enumerate(lines):
        if _READ_MORE.match(ln.text):
            for k in (j - 1, j + 1):
                if 0 <= k < len(lines) and lines[k].words <= 20 and not lines[k].prose and \
                        not _READ_MORE.match(lines[k].text):
                    links.add(k)
    # Menus and link lists after the last paragraph of prose are furniture too.
    last_prose = max((j for j, ln in enumerate(lines[:trailer]) if ln.prose and ln.words >= 6), default=-1)
    tail = _tail_meta(lines, trailer)
    rows = table_rows([ln.text for ln in lines])
    in_block = False
    for j, ln in enumerate(lines):
        in_block = j in blocks or (in_block and ln.words < 15 and not ln.prose)
        if j in tail:
            _add_tail(b, ln, tail[j])
            continue
        short_tail = j > last_prose >= 0 and ln.words < 15 and not ln.prose
        # a table of results closing a sports story is its content, however menu-like its short lines look
        listed = (in_block or j in links or short_tail) and not is_results_line(ln.text) and \
            not (j in rows and date_line(ln) is None)
        if j >= trailer or listed or is_furniture(ln.text):
            b.put("boilerplate", ln.start, ln.end)
            continue
        if IMAGE_FILE.match(ln.text):
            b.add_image(ln, "image")
            continue
        if b.kinds[start + j] == "caption":
            b.add_image(ln, "caption")
            continue
        dated = date_line(ln)
        if dated and ln.words <= 12:
            if dated == "updated":
                b.updated = b.updated or (find_date(ln.text, b.dayfirst) or (None,))[0]
            b.put(dated, ln.start, ln.end)
            continue
        cap, credit, _ = split_credit(ln.text) if ln.words <= 60 else (ln.text, None, -1)
        if credit and ln.words <= 60 and (not cap or len(credit.split()) <= 6):
            b.add_image(ln, "credit" if not cap else "caption")
            continue
        offset = ln.start
        lead = LEAD_DATE.match(ln.text) if not b.paragraphs else None
        lead_date = find_date(lead.group("date"), b.dayfirst) if lead else None
        if lead and lead_date:
            # "Feb. 23, 2015 -- Text…": the story's date opens its first paragraph.
            if not b.published:
                b.published = lead_date[0]
                b.sources["published"] = "lead-date"
            b.put("date", ln.start, ln.start + lead.end("date"))
            offset = ln.start + lead.end()
        elif not b.paragraphs and b.dateline is None:
            # A dateline opens a paragraph of prose; "WEEKLY ADDRESS: Merry Christmas from …" is a title.
            dl = parse_dateline(ln.text) if ln.prose or ln.words >= 20 else None
            if dl:
                b.dateline = dl["place"]
                if dl["agency"]:
                    # A wire agency in the dateline is the story's source, whoever hosts the page.
                    b.publisher = dl["agency"]
                    b.sources["publisher"] = "dateline"
                found = find_date(ln.text[:dl["end"]], b.dayfirst)
                if found and not b.published:
                    b.published = found[0]
                    b.sources["published"] = "dateline"
                b.put("dateline", ln.start, ln.start + dl["end"])
                offset = ln.start + dl["end"]
        b.put("body", offset, ln.end)

def _tail_meta(lines: list[Line], trailer: int) -> dict[int, str]:
    """Return {index: "byline" | "date" | "updated"} for the byline and date lines closing the article."""
    roles: dict[int, str] = {}
    j, seen = min(trailer, len(lines)) - 1, 0
    while j > 0 and seen < 6:
        ln = lines[j]
        role = _closing_role(ln)
        if role:
            roles[j] = role
        elif not (is_furniture(ln.text) or (ln.words < 10 and not ln.prose)):
            break
        j, seen = j - 1, seen + 1
    return roles

def _add_tail(b: Draft, ln: Line, role: str) -> None:
    # A date or byline under the article (blogs, newsrooms): used only when the header gave none.
    found = find_date(ln.text, b.dayfirst)
    if role == "updated":
        b.updated = b.updated or (found[0] if found else None)
    elif found and not b.published:
        b.published = found[0]
        b.sources["published"] = "closing-" + role
    if role == "byline" and not b.authors:
        names, pub = parse_byline(ln.text) or ([], None)
        b.authors = list(names)
        b.set_publisher(pub, "byline")
        if names:
            b.sources["authors"] = "closing-byline"
    b.put("byline" if role == "byline" else "updated" if role == "updated" else "date", ln.start, ln.end)

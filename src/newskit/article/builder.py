"""Recover an article's fields from plain text as people paste or save it.

The text is cut into non-blank lines; each is classified by shape (furniture, byline, date line, image file,
caption, outlet name, prose) and position (the header above the first body paragraph, the body, the trailer),
and every line ends up in exactly one field of `Article.layout`, so nothing of the input is lost."""
from __future__ import annotations

from newskit.article.body import read_body
from newskit.article.bylines import BYLINE, parse_byline, parse_dateline, split_credit
from newskit.article.furniture import is_furniture
from newskit.article.header import (
    IMAGE_CAPTION,
    Line,
    body_anchor,
    choose_headline,
    classify,
    find_anchor,
    meta_end,
    site_suffix,
    split_lines,
    split_site,
)
from newskit.article.pubdate import day_first_habit, find_date
from newskit.record import Article, Image, LayoutField, LayoutLine, Span

HEADER_WINDOW = 15  # header metadata sits within the first lines of a page copy
class _Builder:
    def __init__(self, text: str):
        self.text = text
        self.lines = split_lines(text)
        self.kinds = classify(self.lines)
        self.layout: list[LayoutLine] = []
        self.authors: list[str] = []
        self.publisher: str | None = None
        self.published: str | None = None
        self.updated: str | None = None
        self.dateline: str | None = None
        self.headline: str | None = None
        self.subheadline: str | None = None
        self.images: list[dict] = []
        self.paragraphs: list[Span] = []
        self.boilerplate: list[Span] = []
        self.sources: dict = {}
        self.fallback_date: str | None = None
        self.explicit_byline = False
        self.last_byline = -1
        self._dayfirst: bool | None = None

    def dayfirst(self) -> bool:
        """Tell whether this text writes numeric dates day first (worked out once, when first needed)."""
        if self._dayfirst is None:
            self._dayfirst = day_first_habit(self.text)
        return self._dayfirst

    def put(self, field: LayoutField, start: int, end: int) -> None:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start < end:
            self.layout.append(LayoutLine(start, end, self.text[start:end], field=field))
            if field == "boilerplate":
                self.boilerplate.append(Span(start, end, self.text[start:end]))
            elif field == "body":
                self.paragraphs.append(Span(start, end, self.text[start:end]))

    def set_publisher(self, name: str | None, source: str) -> None:
        if name and not self.publisher:
            self.publisher = name
            self.sources["publisher"] = source

    def set_headline(self, ln: Line) -> None:
        cut = split_site(ln.text)
        if cut:
            # A saved page's title line: "HEADLINE | Site Name".
            self.set_publisher(ln.text[cut:].strip(), "title")
            head = ln.text[:cut].rstrip(" |-–—:")
            self.put("publisher", ln.start + len(head), ln.end)  # the separator goes with the site name
            ln = Line(ln.start, ln.start + len(head), head)
        self.headline = ln.text
        self.put("headline", ln.start, ln.end)

    def add_image(self, ln: Line, kind: str) -> None:
        if kind == "image":
            self.images.append({"file": ln.text, "caption": None, "credit": None, "spans": [(ln.start, ln.end)]})
            self.put("image", ln.start, ln.end)
            return
        lead = IMAGE_CAPTION.match(ln.text)
        if lead:
            # "Image caption, TEXT": the screen-reader label is furniture, the rest the caption.
            self.put("boilerplate", ln.start, ln.start + lead.end())
            ln = Line(ln.start + lead.end(), ln.end, ln.text[lead.end():])
        cap, credit, at = split_credit(ln.text)
        img = self.images[-1] if self.images and (self.images[-1]["caption"] is None or
                                                  (kind == "credit" and self.images[-1]["credit"] is None)) else None
        if img is None:
            img = {"file": None, "caption": None, "credit": None, "spans": []}
            self.images.append(img)
        if cap:
            img["caption"] = cap
            self.put("caption", ln.start, ln.start + len(cap))
            img["spans"].append((ln.start, ln.start + len(cap)))
        if credit:
            img["credit"] = credit
            self.put("credit", ln.start + (len(cap) if cap else 0), ln.end)
            img["spans"].append((ln.start + at, ln.start + at + len(credit)))

    def header_end(self, first: int) -> int:
        """Return the index of the first body line."""
        meta = {"image", "date", "updated", "byline", "publisher", "credit", "caption"}
        last_meta, prose_run = -1, 0
        for i in range(first, min(len(self.lines), first + HEADER_WINDOW)):
            ln = self.lines[i]
            if i > first and parse_dateline(ln.text) and ln.words >= 6:
                return i
            kind = self.kinds[i]
            if kind in meta and "text" in self.kinds[i + 1:]:
                last_meta, prose_run = i, 0
            elif kind == "text":
                prose_run += ln.words >= 12
                # Two paragraphs of prose in a row: the body has begun.
                if prose_run >= 2 or ln.words >= 45:
                    break
        return last_meta + 1 if last_meta >= 0 else first + (1 if self._headline_like(first) else 0)

    def headline_below(self, first: int, anchor: int) -> int | None:
        """Return the headline under a byline/date block that opens the page (nothing but furniture above it)."""
        if any(self.kinds[j] == "text" for j in range(first, anchor)):
            return None
        k = next((j for j in range(anchor, min(len(self.lines), anchor + 6)) if self.kinds[j] == "text"), None)
        if k is None or k + 1 >= len(self.lines) or not self._headline_like(k) or self.lines[k].prose:
            return None
        return k

    def _headline_like(self, i: int) -> bool:
        if i >= len(self.lines):
            return False
        ln = self.lines[i]
        if self.kinds[i] != "text" or (parse_dateline(ln.text) and ln.words > 20) or len(self.lines) < 2:
            return False
        words = ln.text.split()
        titled = sum(w[:1].isupper() for w in words) / len(words)
        # Headlines are short, or written in Title Case; a lead paragraph is a long sentence.
        return ln.words <= 40 and (not ln.prose or ln.words <= 20 or titled >= 0.6)

    # Complexity kept: one case per header line kind, in the order they are tried.
    def header(self, first: int, end: int, headline_at: int | None = None, dek_at: int | None = None) -> None:  # noqa: C901, PLR0912
        for i in range(first, end):
            ln = self.lines[i]
            kind = self.kinds[i]
            if i in (headline_at, dek_at):
                if i == headline_at:
                    self.set_headline(ln)
                else:
                    self.subheadline = ln.text
                    self.put("subheadline", ln.start, ln.end)
                continue
            if kind == "publisher" and self.headline is None and "text" not in self.kinds[i + 1:end]:
                kind = "text"
            if kind == "boilerplate":
                self.put("boilerplate", ln.start, ln.end)
            elif kind in ("image", "credit", "caption") or (kind == "text" and self.images and headline_at is None and
                                                           self.images[-1]["caption"] is None and
                                                           self.headline is not None and ln.words <= 60):
                self.add_image(ln, "caption" if kind == "text" else kind)
            elif kind in ("date", "updated"):
                iso = (find_date(ln.text, self.dayfirst) or (None,))[0]
                if kind == "updated":
                    self.updated = self.updated or iso
                elif iso and not self.published:
                    self.published = iso
                    self.sources["published"] = "date-line"
                self.put("updated" if kind == "updated" else "date", ln.start, ln.end)
            elif kind == "byline":
                self.add_byline(ln, i)
            elif kind == "publisher":
                self.set_publisher(ln.text, "outlet-line")
                self.put("publisher", ln.start, ln.end)
            elif headline_at is not None:
                self.put("header", ln.start, ln.end)
            elif self.headline is None and self.headline_allowed(i, end):
                self.set_headline(ln)
            elif self.headline is not None and self.subheadline is None:
                self.subheadline = ln.text
                self.put("subheadline", ln.start, ln.end)
            elif self.headline is None:
                self.put("section", ln.start, ln.end)
            else:
                self.put("header", ln.start, ln.end)

    def add_byline(self, ln: Line, i: int) -> None:
        names, pub = parse_byline(ln.text) or parse_byline("By " + ln.text) or ([], None)
        explicit = bool(BYLINE.match(ln.text)) or bool(find_date(ln.text))
        if explicit and not self.explicit_byline:
            # A labelled or dated byline ("By X", "X - March 3, 2023") outranks bare two-word lines above it,
            # which on real pages are link labels ("Older Article", "Middle East").
            self.explicit_byline = True
            self.authors = []
        # Bare names count while no labelled byline is seen, and only in one block of adjacent lines.
        adjacent = self.last_byline >= 0 and all(k in ("boilerplate", "publisher", "date", "updated")
                                                  for k in self.kinds[self.last_byline + 1:i])
        if explicit or (not self.explicit_byline and (not self.authors or adjacent)):
            self.authors += [n for n in names if n not in self.authors]
        self.last_byline = i
        self.set_publisher(pub, "byline")
        found = find_date(ln.text, self.dayfirst)
        if found and not self.published:
            self.published = found[0]
            self.sources["published"] = "byline"
        self.put("byline", ln.start, ln.end)

    def above_headline(self, start: int, h: int) -> None:
        """Assign the menus, kicker, page title and masthead above the headline at `h`."""
        headline = self.lines[h].text
        kicker = max((i for i in range(start, h) if self.kinds[i] == "text"), default=-1)
        for i in range(start, h):
            ln, kind = self.lines[i], self.kinds[i]
            site = site_suffix(ln.text, headline)
            if site:
                self.set_publisher(site, "title")
            elif kind == "publisher" and ln.words >= 2:
                self.set_publisher(ln.text, "outlet-line")
                self.put("publisher", ln.start, ln.end)
                continue
            elif kind in ("date", "updated") and not self.fallback_date:
                # The masthead shows the day the page was viewed: a last resort, not the publication date.
                self.fallback_date = (find_date(ln.text, self.dayfirst) or (None,))[0]
            elif i == kicker and h - i <= 2 and ln.words <= 5:
                self.put("section", ln.start, ln.end)
                continue
            self.put("boilerplate", ln.start, ln.end)

    def headline_allowed(self, i: int, end: int) -> bool:
        ln = self.lines[i]
        # Section labels and menus sit above the headline: one or two words followed by a longer line.
        return not (ln.words <= 2 and i + 1 < end and self.kinds[i + 1] == "text" and self.lines[i + 1].words > 2)

    def body(self, start: int) -> None:
        read_body(self, start)

    def build(self) -> Article:
        first = 0
        while first < len(self.lines) and self.kinds[first] == "boilerplate" and first < HEADER_WINDOW:
            self.put("boilerplate", self.lines[first].start, self.lines[first].end)
            first += 1
        anchor = find_anchor(self.lines, self.kinds, first)
        h, dek = choose_headline(self.lines, self.kinds, first, anchor) if anchor is not None else (None, None)
        if h is None:
            # No byline or date: the first paragraph of prose is the landmark instead.
            body_at = body_anchor(self.lines, self.kinds, first)
            if body_at is not None:
                h, dek = choose_headline(self.lines, self.kinds, first, body_at)
                menu = [j for j in range(first, h or first) if self.kinds[j] == "text"]
                # Only menus (short lines without a full stop) above a real headline; else keep the plain reading,
                # where labels like "ABSTRACT." or a story's own short lines sit under the headline.
                if h is None or self.lines[h].words < 4 or not menu or \
                        any(self.lines[j].prose or self.lines[j].words > 3 or ";" in self.lines[j].text for j in menu):
                    h = dek = None
        if h is not None and anchor is None:
            anchor = h + 1 if dek is None else dek + 1
        below = self.headline_below(first, anchor) if h is None and anchor is not None else None
        if below is not None:
            # Blogging platforms put the author and the date first, the headline under them.
            end = meta_end(self.lines, self.kinds, below + 1, is_furniture, self.lines[below].text)
            self.header(first, end, below)
        elif h is None:
            end = self.header_end(first)
            self.header(first, end)
        else:
            self.above_headline(first, h)
            start = h + 1 if anchor is None else anchor
            end = meta_end(self.lines, self.kinds, start, is_furniture, self.lines[h].text)
            self.header(h, end, h, dek)
        self.body(end)
        if not self.published and self.fallback_date:
            self.published = self.fallback_date
            self.sources["published"] = "masthead"
        if not self.published and self.updated:
            # Only an "Updated" stamp: the best available date, marked as such.
            self.published = self.updated
            self.sources["published"] = "updated-line"
        images = tuple(Image(file=i["file"], caption=i["caption"], credit=i["credit"],
                             spans=tuple(Span(s, e, self.text[s:e]) for s, e in i["spans"])) for i in self.images)
        layout = tuple(sorted(self.layout, key=lambda x: x.start))
        return Article(headline=self.headline, subheadline=self.subheadline, authors=tuple(self.authors),
                       publisher=self.publisher, published=self.published, updated=self.updated,
                       dateline=self.dateline, images=images, paragraphs=tuple(self.paragraphs),
                       boilerplate=tuple(self.boilerplate), layout=layout, sources=self.sources)


def parse_article(text: str) -> Article:
    """Return the fields of an article given as plain text (headline, byline, dates, images, body…)."""
    return _Builder(text).build()

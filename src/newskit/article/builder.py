"""Recover an article's fields from plain text as people paste or save it.

The text is cut into non-blank lines; each is classified by shape (furniture, byline, date line, image file,
caption, outlet name, prose) and position (the header above the first body paragraph, the body, the trailer),
and every line ends up in exactly one field of `Article.layout`, so nothing of the input is lost."""
from __future__ import annotations

import re

from newskit.article import linescore
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
from newskit.article.pubdate import ISSUE, UPDATED, day_first_habit, find_date, stamp_date
from newskit.record import Article, Image, LayoutField, LayoutLine, Span

HEADER_WINDOW = 15  # header metadata sits within the first lines of a page copy
class _Builder:
    def __init__(self, text: str, learned: bool | dict = True):
        self.text = text
        self.learned = learned  # False: the rules alone; a dict: a model other than the shipped one (training)
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
        self.outlet_above: int | None = None
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
        name = name and re.sub(r"^by\s+", "", name, flags=re.I)  # "By Reuters": the outlet, not its label
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
        if k is None or k + 1 >= len(self.lines) or not self._headline_like(k):
            return None
        # A sentence is a lead, not a headline; a closing quote after a word ("On Behalf of “Literally”") ends none.
        if self.lines[k].prose and not re.search(r"\w[”’\"')]$", self.lines[k].text):
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
                iso = (stamp_date(ln.text, self.dayfirst) or (None,))[0]
                if kind == "updated":
                    self.updated = self.updated or iso
                elif ISSUE.search(ln.text):
                    self.fallback_date = self.fallback_date or iso
                elif iso and not self.published:
                    self.published = iso
                    self.sources["published"] = "date-line"
                self.put("updated" if kind == "updated" else "date", ln.start, ln.end)
            elif kind == "byline":
                self.add_byline(ln, i)
            elif kind == "publisher":
                if self.sources.get("publisher") == "outlet-above" and self.outlet_above is not None:
                    self.publisher = None
                    self.relabel(self.outlet_above, "section")
                    self.outlet_above = None
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
        found = stamp_date(ln.text, self.dayfirst)
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
                # Above the headline an outlet-shaped line may be a section label ("Local News"): it stands only
                # until the byline block names an outlet of its own.
                if not self.publisher:
                    self.set_publisher(ln.text, "outlet-above")
                    self.outlet_above = i
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
        if self.learned is not False:
            self.second_opinion()
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


    # --- the learned second opinion ------------------------------------------------------------------------
    def line_fields(self) -> list[str]:
        """Return the field the rules gave each line (the field of its first layout piece)."""
        at = {x.start: x.field for x in sorted(self.layout, key=lambda x: x.start, reverse=True)}
        return [at.get(ln.start, "header") for ln in self.lines]

    def header_scores(self) -> dict | None:
        n = min(len(self.lines), linescore.WINDOW)
        if n < 2:
            return None
        x = linescore.features([ln.text for ln in self.lines], self.kinds, self.line_fields())
        return linescore.predict(x, self.learned if isinstance(self.learned, dict) else None)

    def second_opinion(self) -> None:
        """Revisit the headline, byline and date the rules chose where the learned line scores disagree.

        Certain readings stay: the rules' labelled bylines, and a date read from a byline or a date line the model
        does not rule out. The model's headline wins when it is likely and clearly ahead of the rules' own; its
        byline fills in when the rules found no author, and a labelled byline it is sure of replaces a bare name
        line it rules out; its date line when the rules' date is a fallback or doubtful.
        Measured across the two dev page sets (trained on one, checked on the other) by training/fields/train.py."""
        p = self.header_scores()
        if p is None:
            return
        fields = self.line_fields()
        idx = {ln.start: i for i, ln in enumerate(self.lines)}

        def best(target: str, ok=lambda i: True) -> int | None:
            # The softmax always picks some line: a paragraph of prose is never a candidate.
            cands = [i for i in range(len(p[target])) if ok(i) and not linescore.is_paragraph(self.lines[i].text)]
            return max(cands, key=lambda i: p[target][i]) if cands else None

        # Headline.
        cur = next((idx[x.start] for x in self.layout if x.field == "headline" and x.start in idx), None)
        # A line ending in a colon is a label or half of a heading the copy broke in two, not a headline.
        h = best("headline", lambda i: self.kinds[i] not in ("byline", "date", "updated", "boilerplate", "image") and
                 not self.lines[i].text.endswith(":"))
        # A headline comes before its dek: the text line right under the rules' headline is not a better one.
        # (Under a label of a few words, "Tech News", the next line is the headline, not a dek.)
        under = next((i for i in range(cur + 1, len(self.lines)) if self.kinds[i] != "boilerplate"), None) \
            if cur is not None and self.lines[cur].words >= 4 else None
        if h is not None and h != cur and h != under and self._headline_wins(p["headline"], h, cur):
            if cur is not None:
                self.relabel(cur, "header")
            self.relabel(h, None)
            self.set_headline(self.lines[h])
            self.sources["headline"] = "line-score"
        self._second_byline(p, fields, best, h)
        self._second_date(p, fields, best)

    def _headline_wins(self, p, h: int, cur: int | None) -> bool:
        """Tell whether the model's headline line `h` beats the rules' `cur`: likely, and clearly ahead of it; a
        label of under four words ("The White House", "Tech News") only needs to be outscored by a longer line."""
        if cur is None or cur >= len(p):
            return bool(p[h] >= SURE["headline"])
        if self.lines[cur].words < 4 <= self.lines[h].words:
            return bool(p[h] >= LABEL_BAR and p[h] > p[cur])
        return bool(p[h] >= SURE["headline"] and p[h] >= AHEAD * p[cur])

    def _second_byline(self, p: dict, fields: list[str], best, h: int | None) -> None:
        idx = {ln.start: i for i, ln in enumerate(self.lines)}
        ruled = [i for i, f in enumerate(fields[:len(p["byline"])]) if f == "byline"]
        explicit = any(BYLINE.match(self.lines[i].text) for i in ruled)
        if self.authors and ruled and not explicit and max(p["byline"][i] for i in ruled) < DOUBT:
            # The rules read a bare name line ("Personal History" over its date) that the model rules out, and a
            # labelled byline ("By …") it is sure of sits further down: the labelled one credits the author.
            b = best("byline", lambda i: bool(BYLINE.match(self.lines[i].text)))
            names = self._names(b) if b is not None and p["byline"][b] >= SURE["byline"] else []
            if b is not None and names:
                for i in ruled:
                    self.relabel(i, "header")
                self.authors = names
                self.relabel(b, "byline")
                self.sources["authors"] = "line-score"
                return
        # Authors: a byline the rules did not see (they found no author at all).
        if not self.authors and not explicit:
            b = best("byline", lambda i: i != h and self.kinds[i] not in ("boilerplate", "publisher", "image",
                                                                          "caption", "credit"))
            head = next((idx[x.start] for x in self.layout if x.field == "headline" and x.start in idx), None)
            if b is not None and head is not None and b < head and not self._dated_near(b):
                b = None  # above the headline a bare name line ("Closing Bell") is a byline only beside its date
            names = self._names(b) if b is not None and p["byline"][b] >= SURE["byline"] else []
            if b is not None and names:
                self.authors = names
                self.relabel(b, "byline")
                self.sources["authors"] = "line-score"

    def _second_date(self, p: dict, fields: list[str], best) -> None:
        src = self.sources.get("published")
        cur_d = next((i for i, f in enumerate(fields[:len(p["date"])]) if f in ("date", "byline", "dateline") and
                      (stamp_date(self.lines[i].text, self.dayfirst) or ("",))[0] == self.published), None) \
            if self.published else None
        if src not in ("byline", "date-line", "dateline", "lead-date") or cur_d is None or p["date"][cur_d] < DOUBT:
            # Above the headline a date is the masthead's (the day the page was viewed): it does not overrule a
            # date line the rules found under the headline.
            head = next((i for i, f in enumerate(fields) if f == "headline"), None)
            low = head if head is not None and cur_d is not None and cur_d > head else 0
            d = best("date", lambda i: i >= low and find_date(self.lines[i].text) is not None and
                     not UPDATED.match(self.lines[i].text) and not ISSUE.search(self.lines[i].text))
            if d is not None and p["date"][d] >= SURE["date"] and d != cur_d:
                found = stamp_date(self.lines[d].text, self.dayfirst)
                if found:
                    self.published = found[0]
                    self.sources["published"] = "line-score"
                    if fields[d] in ("header", "section", "boilerplate", "subheadline"):
                        self.relabel(d, "date")

    def _dated_near(self, i: int) -> bool:
        return any(find_date(self.lines[j].text) for j in (i - 1, i, i + 1) if 0 <= j < len(self.lines))

    def _names(self, i: int) -> list[str]:
        ln = self.lines[i]
        # A sentence of the story is no byline, however few lines the page has to choose from.
        if ln.words > 12 or (ln.prose and ln.words > 4 and not BYLINE.match(ln.text)):
            return []
        found = parse_byline(ln.text) or parse_byline("By " + ln.text)
        return list(found[0]) if found else []

    def relabel(self, i: int, field: LayoutField | None) -> None:
        """Give line `i` (all its layout pieces) another field, keeping paragraphs and boilerplate in step."""
        ln = self.lines[i]
        pieces = [x for x in self.layout if ln.start <= x.start < ln.end]
        if not pieces:
            return
        self.layout = [x for x in self.layout if not ln.start <= x.start < ln.end]
        self.paragraphs = [x for x in self.paragraphs if not ln.start <= x.start < ln.end]
        self.boilerplate = [x for x in self.boilerplate if not ln.start <= x.start < ln.end]
        if self.subheadline == ln.text:
            self.subheadline = None
        if field is not None:
            self.put(field, ln.start, ln.end)


# How likely the model's line must be to overrule or fill in the rules, per field; chosen with AHEAD and DOUBT by
# training/fields/train.py in both directions across the two dev page sets (each model checked on the set it did
# not see). A date line is a narrow shape, so a lower bar suffices there.
SURE = {"headline": 0.5, "byline": 0.5, "date": 0.3}
LABEL_BAR = 0.3  # a longer line this likely replaces a short label the rules took for the headline
AHEAD = 3.0      # and at least this many times as likely as the line the rules chose
DOUBT = 0.1      # a date line the model rates below this is not trusted over its best date line


def parse_article(text: str) -> Article:
    """Return the fields of an article given as plain text (headline, byline, dates, images, body…)."""
    return _Builder(text).build()

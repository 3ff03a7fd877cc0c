"""Read a saved web page: the article's text (extracted by trafilatura) and its fields, page metadata first.

`article_from_html(html)` returns the article text newskit builds from the page — headline, dek, byline and date
lines, captions and credits, then one paragraph per line, blank lines between — and an Article whose spans index
that text. Fields come from markup (JSON-LD, OpenGraph, meta tags, <time>, <h1>, figure/figcaption) before guesses
from the text, and `Article.sources` says where each came from."""
from __future__ import annotations

import re

from newskit.article.body import LEAD_DATE, TRAILER
from newskit.article.bylines import parse_byline, parse_dateline, split_credit
from newskit.article.furniture import is_furniture
from newskit.article.pubdate import UPDATED, date_share, find_date
from newskit.deadline import deadline
from newskit.errors import InputError
from newskit.html.fields import FieldChooser, norm_key, to_iso
from newskit.html.meta import PageMeta, clean, read_page
from newskit.record import Article, Image, LayoutField, LayoutLine, Span

# One line of the page's text: its field, its text (or "" for a figure's part) and the figure it belongs to.
_Line = tuple[LayoutField, str, dict | None]

MAX_HTML_CHARS = 10_000_000   # far above any real article page (typically 50 KB–3 MB with inline scripts)
MAX_ELEMENTS = 100_000        # extraction takes ~1 s per 10,000 elements; real article pages have a few thousand
TIME_LIMIT = 30.0             # seconds for one page, a backstop against pathological markup
MIN_WORDS = 40                # less running text than this is not an article
LONG_BLOCK = 30               # words in one block that make it a paragraph of running text
_PHOTO_BY = re.compile(r"^(?:photo(?:graph)?s?|images?|pictures?|illustration|video)\s+(?:by|credit)\s*:?\s*(?=\S)",
                       re.I)
_COURTESY = re.compile(r"\s*\((?P<credit>(?:courtesy|provided|handout|supplied)\b[^()]{2,80})\)\s*$", re.I)


def article_from_html(html: str) -> tuple[str, Article]:
    """Return the extracted article text of a web page and its Article (spans index that text, `sources` filled)."""
    _check(html)
    try:
        slow = f"page took over {TIME_LIMIT:g} s to read (pathological markup)"
        with deadline(TIME_LIMIT, lambda: InputError("too-large", slow)):
            tree, truncated = _parse(html)
            pm = read_page(tree)
            deep = any(True for _ in tree.iterfind("/".join(["*"] * (MAX_DEPTH + 1))))
            doc = _extract(_flatten(tree) if deep else html)
            text, article = _Assembler(pm, doc, html).build()
            if truncated:  # nested past even libxml2's larger limit: what follows the cut is lost, and said so
                article.sources["text"] = "truncated"
            return text, article
    except InputError:
        raise
    except Exception as exc:  # one odd page must not end a batch of thousands; the cause stays chained
        raise InputError("internal", f"cannot read the page ({exc.__class__.__name__}: {exc})") from exc


def _check(html: str) -> None:
    if len(html) > MAX_HTML_CHARS:
        raise InputError("too-large", f"page is {len(html)} characters, over the HTML limit of {MAX_HTML_CHARS}")
    sample = html[:65536]
    bad = len(re.findall(r"[\x00-\x08\x0e-\x1f\ufffd]", sample))
    if bad / max(len(sample), 1) > 0.02:
        raise InputError("binary", "binary data, not an HTML page")
    if not re.search(r"<(?:!doctype|html|head|body|div|p|article|main|meta|title|span|section|h1)\b", sample, re.I):
        raise InputError("not-article", "no HTML markup found (not a web page)")


def _parse(html: str):
    """Return the page's element tree and whether libxml2's nesting limit cut some of it off.

    libxml2 stops descending at 256 levels (2,048 with its "huge" option) and, recovering, drops everything after
    that point: a page nested that deep is parsed again with the larger limit and flattened (see _flatten)."""
    import lxml.html
    from lxml import etree

    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses str input that declares its encoding
    truncated = False
    for huge in (False, True):
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=huge)
        try:
            tree = lxml.html.document_fromstring(html, parser=parser)
        except (etree.ParserError, ValueError, etree.XMLSyntaxError) as exc:
            raise InputError("not-article", f"cannot parse the page as HTML ({exc})") from None
        truncated = any("depth" in e.message.lower() for e in parser.error_log)
        if not truncated:
            break
    n = sum(1 for _ in tree.iter())
    if n > MAX_ELEMENTS:
        raise InputError("too-large", f"page has {n} HTML elements, over the limit of {MAX_ELEMENTS}")
    return tree, truncated


# Wrapper elements nested deeper than this are unwrapped before extraction (their text and children are kept).
MAX_DEPTH = 64
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figure", "figcaption", "table",
           "tr", "td", "th", "article", "main", "body", "head", "html", "title"}


def _flatten(tree) -> str:
    """Return the page's HTML with wrapper elements deeper than MAX_DEPTH unwrapped, for the text extractor."""
    import lxml.html

    depth = {tree: 0}
    deep = []
    for el in tree.iter():  # document order: a parent's depth is known before its children's
        d = depth[el]
        for child in el:
            depth[child] = d + 1
        if d > MAX_DEPTH and isinstance(el.tag, str) and el.tag not in _BLOCKS:
            deep.append(el)
    for el in reversed(deep):
        el.drop_tag()
    return lxml.html.tostring(tree, encoding="unicode")


def _extract(html: str):
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings are ours to report, as errors
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        # Its metadata pass costs as much as the extraction; it runs later, only for fields the markup lacks.
        return trafilatura.bare_extraction(html, with_metadata=False, include_comments=False, include_tables=True,
                                           include_images=False, deduplicate=False)
    except InputError:
        raise
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise InputError("not-article", f"cannot extract an article from the page ({exc.__class__.__name__})") from None


class _Assembler(FieldChooser):
    def __init__(self, pm: PageMeta, doc, html: str):
        super().__init__(pm, html)
        self.doc = doc

    def blocks(self) -> list[str]:
        """Return the extracted article's blocks (paragraphs, headings, list items, table rows) as single lines."""
        body = getattr(self.doc, "body", None)
        if body is None:
            return [clean(x) for x in (getattr(self.doc, "text", "") or "").splitlines() if clean(x)]
        out = []
        for el in body:
            if el.tag == "graphic":
                continue
            if el.tag == "list":
                out += [_text(item) for item in el.iter("item")
                        if not any(a.tag == "item" for a in item.iterancestors())]
            elif el.tag == "table":
                for row in el.iter("row"):
                    out.append(" | ".join(t for t in (_text(c) for c in row.iter("cell")) if t))
            else:
                out.append(_text(el))
        return [b for b in out if b]

    # Complexity kept: weighs every field's sources in one place, field by field.
    def build(self) -> tuple[str, Article]:  # noqa: C901, PLR0912, PLR0915
        if self.doc is None:
            raise InputError("not-article", "no article text found in the page")
        blocks = self.blocks()
        if not self._is_article(blocks):
            raise InputError("not-article", "the page has no article text (a listing, index or empty page)")
        headline, hsrc = self.title()
        authors, asrc, byline_text = self.authors()
        published, psrc = self.published()
        publisher, pubsrc = self.publisher()
        lines: list[tuple[LayoutField, str]] = []  # (field, text), one line each
        if headline:
            lines.append(("headline", headline))
            self.sources["headline"] = hsrc
        skip = {norm_key(headline)} if headline else set()
        if headline and blocks and norm_key(blocks[0]) != norm_key(headline) and self.pm.h1 and \
                norm_key(blocks[0]) == norm_key(self.pm.h1):
            skip.add(norm_key(blocks[0]))
        # Bylines and date lines that the extractor kept at the top of the text.
        body: list[tuple[LayoutField, str]] = []
        for i, b in enumerate(blocks):
            nb = norm_key(b)
            if nb in skip:
                continue
            lead = LEAD_DATE.match(b) if not any(f == "body" for f, _ in body) else None
            lead_date = find_date(lead.group("date")) if lead and not published else None
            if lead_date:
                # "Feb. 23, 2015 -- Text…": the story's date opens its first paragraph.
                published, psrc = lead_date[0], "lead-date"
            if i < 6 and len(b.split()) <= 20 and not body:
                found = parse_byline(b)
                if found and found[0]:
                    if not authors:
                        authors, asrc = found[0], "text-byline"
                    if byline_text is None or norm_key(byline_text) == nb:
                        byline_text = b
                        continue
                if date_share(b) >= 0.25 and len(b) <= 120:
                    if not published and (when := find_date(b)) and not UPDATED.match(b):
                        published, psrc = when[0], "date-line"
                    lines_field: LayoutField = "updated" if UPDATED.match(b) else "date"
                    body.append((lines_field, b))
                    continue
            body.append(("body", b))
        if not authors and self.guess.author:
            authors = self.clean_authors(self.guess.author)
            asrc = "trafilatura" if authors else None
        if not published and self.htmldate():
            published, psrc = self.htmldate(), "htmldate"
        first_paras = [b for f, b in body if f == "body"][:2]
        dek, dsrc = self.dek(headline, first_paras)
        if dek:
            lines.append(("subheadline", dek))
            self.sources["subheadline"] = dsrc
            body = [(f, b) for f, b in body if norm_key(b) != norm_key(dek)]
        if authors:
            lines.append(("byline", byline_text or "By " + _join(authors)))
            self.sources["authors"] = asrc
        if publisher:
            self.sources["publisher"] = pubsrc
        if published:
            self.sources["published"] = psrc
        date_lines: list[tuple[LayoutField, str]] = [x for x in body[:3] if x[0] in ("date", "updated")]
        body = [x for x in body if x not in date_lines]
        shown_date = next((t for t, k in self.pm.visible_dates
                           if k != "updated" and find_date(t) and date_share(t) >= 0.2
                           and norm_key(t) not in norm_key(byline_text or "")), None)
        if not date_lines and shown_date and (not byline_text or not find_date(byline_text)):
            date_lines = [("date", shown_date)]
        lines += date_lines
        figures = [_split_figure(f) for f in self.pm.figures]
        captions = {norm_key(x) for f in figures for x in (f["caption"], f["credit"]) if x}
        body = [(f, b) for f, b in body if norm_key(b) not in captions]
        norm_body = [norm_key(b)[:80] for _, b in body]
        placed: dict[int, list] = {}
        for fig in figures:
            at = -1
            if fig["after"]:
                key = norm_key(fig["after"])[:80]
                at = next((i for i, nb in enumerate(norm_body) if nb and nb == key), -1)
            placed.setdefault(at, []).append(fig)
        placed_lines: list[_Line] = [(f, t, None) for f, t in lines]
        for fig in placed.get(-1, []):
            placed_lines += _figure_lines(fig)
        for i, (f, b) in enumerate(body):
            placed_lines.append((f, b, None))
            for fig in placed.get(i, []):
                placed_lines += _figure_lines(fig)
        text, layout, images = _layout(placed_lines)
        dateline = next((ln.text for ln in layout if ln.field == "dateline"), None)
        if dateline:
            place = parse_dateline(dateline + " ")
            dateline = place["place"] if place else dateline
            self.sources["dateline"] = "text"
        if self.updated():
            self.sources["updated"] = next(s for v, s in self.pm.modified if to_iso(v))
        art = Article(headline=headline, subheadline=dek, authors=tuple(authors), publisher=publisher,
                      published=published, updated=self.updated(), dateline=dateline, images=tuple(images),
                      paragraphs=tuple(Span(ln.start, ln.end, ln.text) for ln in layout if ln.field == "body"),
                      boilerplate=tuple(Span(ln.start, ln.end, ln.text) for ln in layout if ln.field == "boilerplate"),
                      layout=tuple(layout), sources=dict(self.sources))
        return text, art

    def _is_article(self, blocks: list[str]) -> bool:
        prose = [b for b in blocks if len(b.split()) >= 8 and b.rstrip().endswith(('.', '?', '!', '"', '”', '’', ')'))]
        words = sum(len(b.split()) for b in prose)
        # One paragraph of running text makes a short article (a note, a one-paragraph post); a listing is a run of
        # short teasers.
        paragraph = any(len(b.split()) >= LONG_BLOCK for b in prose)
        declared = self.pm.ld_article or (self.pm.og_type or "").lower() == "article"
        if declared:
            return (words >= MIN_WORDS // 2 and bool(prose)) or any(len(b.split()) >= LONG_BLOCK for b in blocks)
        return (words >= MIN_WORDS and len(prose) >= 2) or paragraph


def _layout(lines: list[_Line]) -> tuple[str, list[LayoutLine], list[Image]]:
    """Join the lines with blank lines between them; return the text, its layout and the images' spans."""
    parts: list[str] = []
    layout: list[LayoutLine] = []
    figs: dict[int, tuple[dict, list]] = {}
    pos, n_body, trailer = 0, 0, False
    for field, value, fig in lines:
        line = value if fig is None else fig[field]
        if parts:
            parts.append("\n\n")
            pos += 2
        start = pos
        parts.append(line)
        pos += len(line)
        if fig is not None:
            at, size = (fig.get("credit_at", 0), len(fig["credit_value"])) if field == "credit" and \
                fig.get("credit_value") else (0, len(line))
            figs.setdefault(id(fig), (fig, []))[1].append((start + at, start + at + size))
        if field == "body":
            trailer = trailer or (n_body >= 3 and bool(TRAILER.match(line)))
            if trailer or is_furniture(line):
                field = "boilerplate"
            elif n_body == 0 and (dl := parse_dateline(line)):
                cut = start + len(line[:dl["end"]].rstrip())
                layout.append(LayoutLine(start, cut, line[:cut - start], field="dateline"))
                start += dl["end"]
                n_body += 1
            else:
                n_body += 1
        if start < pos:
            layout.append(LayoutLine(start, pos, line[start - (pos - len(line)):], field=field))
    text = "".join(parts)
    images = [Image(file=f["file"], caption=f["caption"], credit=f.get("credit_value") or f["credit"],
                    spans=tuple(Span(s, e, text[s:e]) for s, e in spans)) for f, spans in figs.values()]
    return text, layout, images


def _split_figure(fig: dict) -> dict:
    """Return a figure whose caption's trailing credit ("… Photo: Jane Doe/AP") is split off when unmarked."""
    fig = dict(fig)
    if fig["caption"] and not fig["credit"]:
        cap, credit, _ = split_credit(fig["caption"])
        m = _COURTESY.search(fig["caption"])
        if not credit and m:
            cap, credit = fig["caption"][:m.start()].rstrip(), m.group("credit")
        if credit:
            fig["caption"], fig["credit"] = cap or None, credit
    if fig["credit"]:
        cap, credit, at = split_credit(fig["credit"])
        m = _PHOTO_BY.match(fig["credit"])
        if m and not (credit and not cap):
            cap, credit, at = "", fig["credit"][m.end():], m.end()
        if credit and not cap and credit != fig["credit"]:  # "Photo: Jane Doe/AP" credits Jane Doe/AP
            fig["credit_value"], fig["credit_at"] = credit, at
    return fig


def _text(el) -> str:
    try:
        return clean(" ".join(el.itertext()))
    except (ValueError, TypeError):
        return ""


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _figure_lines(fig: dict) -> list[_Line]:
    return [(key, "", fig) for key in ("caption", "credit") if fig[key]]

"""Visible markup of a web page: element text, the main container, itemprop, <time>, <h1>, byline, dek, figures."""
from __future__ import annotations

import html
import re

from newskit.article.pubdate import day_first_habit

# Class words stand between spaces, hyphens or underscores ("article_byline" too).
_BYLINE_CLASS = re.compile(r"(?<![a-z0-9])(?:by-?line|author|authors|writer|contributor|article-?author|story-?author|"
                           r"c-byline|byline__\w+|author-?name)(?![a-z0-9])", re.I)
_DATE_CLASS = re.compile(r"(?:publish|posted|pubdate|dateline|article-?date|story-?date|timestamp|entry-date|"
                         r"post-date|\bdate\b|\btime\b)", re.I)
_UPDATED_CLASS = re.compile(r"updat|modif|revis", re.I)
_PUBLISHED_CLASS = re.compile(r"publish|posted|pubdate", re.I)


def _updated_class(cls: str) -> bool:
    # "published updated" (one stamp marked as both, as blog themes do) is the publication date.
    return bool(_UPDATED_CLASS.search(cls)) and not _PUBLISHED_CLASS.search(cls)
_DEK_CLASS = re.compile(r"(?:\bdek\b|standfirst|sub-?title|sub-?headline|sub-?head|\bdeck\b|\bstrap(?:line)?\b|"
                        r"article-?summary|article__summary|story-?summary|\bkicker-?sub\b|\bexcerpt\b|lede-?text)",
                        re.I)
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|\bsource\b|attribution|image-?byline|caption-?byline",
                           re.I)
_SKIP_ANCESTORS = {"nav", "aside", "footer", "header-nav"}
_SKIP_CLASS = re.compile(r"related|recommend|promo|newsletter|sidebar|trending|most-?read|popular|comment|"
                         r"footer|nav(?:bar|igation)?\b|menu|teaser|outbrain|taboola", re.I)


def clean(s) -> str:
    """Return `s` as one line: whitespace runs collapsed, ends stripped, character references decoded."""
    if not isinstance(s, str):
        return ""
    for _ in range(2):  # pages escape metadata twice ("&amp;#8217;"): no character reference may reach a field
        if "&" not in s:
            break
        s = html.unescape(s)
    return re.sub(r"\s+", " ", s).strip()


def text_of(el) -> str:
    """Return an element's visible text on one line."""
    try:
        return clean(" ".join(el.itertext()))
    except (ValueError, TypeError):
        return ""


def _in_furniture(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in _SKIP_ANCESTORS or _SKIP_CLASS.search(anc.get("class") or "") and anc.tag != "body":
            return True
    return False


def _author_link(el) -> bool:
    """Tell whether an element links to its writer's page as rel=author says (a link's path alone is no sign: a
    profile or people link names people the story is about, and "View all" links share the writer's path)."""
    return el.get("rel") == "author"


_MEDIA_TYPE = re.compile(r"image|photo|video|media", re.I)


def _media_credit(el) -> bool:
    """Tell whether an element sits in a figure or a picture's own item: its author is the photographer."""
    for anc in el.iterancestors():
        if anc.tag in ("figure", "figcaption") or \
                anc.get("itemscope") is not None and _MEDIA_TYPE.search(anc.get("itemtype") or ""):
            return True
    return False


def main_container(tree):
    """Return the element holding the article: the <article> (or articleBody) with the most paragraph text."""
    cands = tree.xpath('//article | //*[@itemprop="articleBody"] | //main')
    best, score = None, 0
    for el in cands[:50]:
        n = sum(len(text_of(p)) for p in el.iter("p"))
        if n > score:
            best, score = el, n
    return best if best is not None else (tree.find(".//body") if tree.find(".//body") is not None else tree)


def _figures(container) -> list[dict]:
    figs, last_p = [], None
    for el in container.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "p" and not any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
            t = text_of(el)
            if len(t.split()) >= 5:
                last_p = t
        if el.tag != "figure" or _in_furniture(el):
            continue
        img = next(iter(el.iter("img")), None)
        src = None
        if img is not None:
            src = img.get("src") or img.get("data-src") or img.get("data-original")
            if src and src.startswith("data:"):
                src = img.get("data-src")
        cap_el = next(iter(el.iter("figcaption")), None)
        credit = None
        caption = None
        if cap_el is not None:
            credit_els = [c for c in cap_el.iter() if isinstance(c.tag, str) and c is not cap_el
                          and _CREDIT_CLASS.search(c.get("class") or "")]
            if credit_els:
                credit = text_of(credit_els[0])
                parts = list(cap_el.itertext())
                whole = clean(" ".join(parts))
                caption = clean(whole.replace(credit, "")) if credit else whole
            else:
                caption = text_of(cap_el)
        else:
            credit_els = [c for c in el.iter() if isinstance(c.tag, str) and _CREDIT_CLASS.search(c.get("class") or "")]
            if credit_els:
                credit = text_of(credit_els[0])
        if not caption and img is not None and clean(img.get("alt")) and len(clean(img.get("alt")).split()) >= 4:
            caption = None  # alt text is not a caption the page shows
        if caption or credit:
            figs.append({"file": src, "caption": caption or None, "credit": credit or None, "after": last_p})
    return figs[:30]


def _bylines(container) -> list[str]:
    """Return the texts of the container's byline elements and writers' links, co-authors' links as one line."""
    bylines: list[str] = []
    for el in container.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "img", "time"):
            continue
        by_text = el.tag in ("li", "p", "div", "span") and re.match(r"\s*by\s*:?\s*$", el.text or "", re.I) and \
            len(el) > 0 and len(text_of(el)) <= 160  # "By: <a>Jane Doe</a>, <a>John Roe</a>" without a class
        if (_BYLINE_CLASS.search(el.get("class") or "") or _author_link(el) or by_text) and not _in_furniture(el):
            blocks = [c for c in el if isinstance(c.tag, str) and c.tag in ("div", "p", "li") and text_of(c)]
            if len(blocks) >= 2:
                # Blocks inside a byline (name, outlet, time) are its parts: also read kept apart, not run together.
                parts = " · ".join(text_of(c) for c in blocks)
                if len(parts) <= 200 and parts not in bylines:
                    bylines.append(parts)
            t = text_of(el)
            up = el.getparent()
            links = [a for a in up.iter("a") if _author_link(a)] if _author_link(el) and up is not None else []
            if len(links) >= 2:  # "By <a rel=author>A</a> and <a rel=author>B</a>": every co-author's link
                t = "By " + " and ".join(text_of(a) for a in links[:6])
            if t and len(t) <= 200 and t not in bylines:
                bylines.append(t)
    return bylines


# Complexity kept: one case per kind of page element.
def read_markup(tree, container, pm) -> None:  # noqa: C901, PLR0912
    """Add to PageMeta `pm` what visible markup offers: itemprop, <time>, <h1>, byline and dek elements, figures."""
    for el in tree.xpath('//*[@itemprop="datePublished"]')[:3]:
        val = el.get("content") or el.get("value") or el.get("datetime") or text_of(el)
        if val:
            pm.published.append((val, "itemprop"))
    for el in tree.xpath('//*[@itemprop="dateModified"]')[:3]:
        val = el.get("content") or el.get("datetime") or text_of(el)
        if val:
            pm.modified.append((val, "itemprop"))
    for el in tree.xpath('//*[@itemprop="author"]')[:6]:
        name = el.xpath('.//*[@itemprop="name"]')
        val = (name[0].get("content") or text_of(name[0])) if name else (el.get("content") or text_of(el))
        if val and not _in_furniture(el) and not _media_credit(el):
            pm.authors.append((val, "itemprop"))
    h1s = [h for h in container.iter("h1") if text_of(h)] or [h for h in tree.iter("h1") if text_of(h)]
    if h1s:
        pm.h1 = text_of(h1s[0])
        pm.h1_in_article = any(h is h1s[0] for h in container.iter("h1"))
    pm.h1s = [text_of(h) for h in h1s] + [text_of(h) for h in tree.iter("h1") if h not in h1s and text_of(h)]
    pm.h1s = pm.h1s[:10]
    title = tree.find(".//title")
    if title is not None and text_of(title):
        pm.titles.append((text_of(title), "title"))
    times = list(container.iter("time")) or list(tree.iter("time"))
    for t in times[:10]:
        if _in_furniture(t):
            continue
        cls = " ".join(filter(None, [t.get("class"), t.getparent().get("class") if t.getparent() is not None
                                     else None, t.get("itemprop")]))
        text = text_of(t) if t.getparent() is None else text_of(t.getparent()) or text_of(t)
        kind = "updated" if _updated_class(cls) or re.match(r"\W*(?:updated|modified)", text, re.I) else "time"
        val = t.get("datetime") or t.get("content")
        if val:
            (pm.modified if kind == "updated" else pm.published).append((val, "time"))
        pm.visible_dates.append((text_of(t), kind))
    n = len(pm.visible_dates)
    for where, kind in ((container, "date-class"), (tree, "page-class")):
        # The article's container first; a page whose container shows no date: the date-marked elements of the
        # whole page (kind "page-class", weaker: outside the article they may date something else).
        for el in where.iter():
            if not isinstance(el.tag, str) or el.tag in ("script", "style", "time", "meta", "a", "img"):
                continue
            cls = (el.get("class") or "") + " " + (el.get("id") or "")
            if _DATE_CLASS.search(cls) and len(text_of(el)) < 120 and not _in_furniture(el):
                pm.visible_dates.append((text_of(el), "updated" if _updated_class(cls) else kind))
        if len(pm.visible_dates) > n or where is tree:
            break
    bylines = _bylines(container)
    if not bylines and h1s and h1s[0].getparent() is not None:
        # The article's container left the header out: the byline beside the headline, in the <h1>'s block.
        bylines = _bylines(h1s[0].getparent())
    for t in bylines[:4]:
        pm.authors.append((t, "byline"))
    for el in container.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "img"):
            continue
        if _DEK_CLASS.search((el.get("class") or "") + " " + (el.get("id") or "")) and not _in_furniture(el):
            t = text_of(el)
            if 4 <= len(t.split()) <= 70:
                pm.deks.append((t, "dek"))
                break
    pm.figures = _figures(container)
    lang = tree.get("lang") or tree.get("xml:lang") or next(iter(tree.xpath('//meta[@http-equiv="content-language"]'
                                                                          '/@content')), "")
    pm.lang = lang.strip().lower().replace("_", "-")
    body = tree.find(".//body")
    shown = text_of(body if body is not None else tree)
    pm.shown = re.sub(r"[\W_]+", "", shown.lower())
    pm.day_first = day_first_habit(shown)

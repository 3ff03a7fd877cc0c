"""What a web page says about its article in markup: JSON-LD, OpenGraph and meta tags, <time>, <h1>, bylines, figures.

`read_page(tree)` returns, for each field, candidates in order of trust, each tagged with where it was found
("json-ld", "og:title", "meta:author", "time", "h1", ...). Choosing among them and cleaning them is `htmlpage`'s job."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle",
                 "report", "liveblogposting", "techarticle", "socialmediaposting", "posting", "review",
                 "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle", "scholarlyarticle"}
PAGE_TYPES = {"webpage", "itempage", "collectionpage", "aboutpage", "qapage", "searchresultspage", "profilepage"}
# Meta names/properties for the first publication date, most trusted first; then last-modified ones.
PUBLISHED_META = ("article:published_time", "og:published_time", "article:published", "datepublished",
                  "parsely-pub-date", "sailthru.date", "article.published", "publish-date", "publish_date",
                  "publishdate", "pubdate", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date.created",
                  "article_date_original", "original-publish-date", "originalpublicationdate", "date",
                  "dc.date", "dcterms.date", "citation_publication_date", "release_date", "cxenseparse:recs:publishtime")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified",
                 "article.updated", "lastmod")
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator",
               "dcterms.creator", "citation_author", "twitter:creator:name")
_BYLINE_CLASS = re.compile(r"\b(?:by-?line|author|authors|writer|contributor|article-?author|story-?author|"
                           r"c-byline|byline__\w+|author-?name)\b", re.I)
_DATE_CLASS = re.compile(r"(?:publish|posted|pubdate|dateline|article-?date|story-?date|timestamp|entry-date|"
                         r"post-date|\bdate\b|\btime\b)", re.I)
_UPDATED_CLASS = re.compile(r"updat|modif|revis", re.I)
_DEK_CLASS = re.compile(r"(?:\bdek\b|standfirst|sub-?title|sub-?headline|sub-?head|\bdeck\b|\bstrap(?:line)?\b|"
                        r"article-?summary|article__summary|story-?summary|\bkicker-?sub\b|\bexcerpt\b|lede-?text)",
                        re.I)
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|\bsource\b|attribution|image-?byline|caption-?byline",
                           re.I)
_SKIP_ANCESTORS = {"nav", "aside", "footer", "header-nav"}
_SKIP_CLASS = re.compile(r"related|recommend|promo|newsletter|sidebar|trending|most-?read|popular|comment|"
                         r"footer|nav(?:bar|igation)?\b|menu|teaser|outbrain|taboola", re.I)


@dataclass
class PageMeta:
    """Candidates for each field, each a (value, source) pair, most trusted first."""

    titles: list = field(default_factory=list)
    descriptions: list = field(default_factory=list)
    deks: list = field(default_factory=list)
    authors: list = field(default_factory=list)       # (list of names or a raw string, source)
    publishers: list = field(default_factory=list)
    published: list = field(default_factory=list)
    modified: list = field(default_factory=list)
    visible_dates: list = field(default_factory=list)  # (element text, iso or None, source)
    figures: list = field(default_factory=list)        # dicts: file, caption, credit, after (text before it)
    h1: str | None = None
    og_type: str | None = None
    ld_article: bool = False
    url: str | None = None


def clean(s) -> str:
    """Return `s` as one line: whitespace runs collapsed, ends stripped, HTML-escaped quotes undone."""
    if not isinstance(s, str):
        return ""
    s = s.replace("&amp;", "&").replace("&quot;", '"').replace("&#39;", "'").replace("&#x27;", "'")
    return re.sub(r"\s+", " ", s).strip()


def text_of(el) -> str:
    """Return an element's visible text on one line."""
    try:
        return clean(" ".join(el.itertext()))
    except (ValueError, TypeError):
        return ""


def _types(obj: dict) -> set[str]:
    t = obj.get("@type", ())
    t = [t] if isinstance(t, str) else t if isinstance(t, list) else []
    return {x.lower().split("/")[-1] for x in t if isinstance(x, str)}


def _walk_ld(obj, out: list, depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(obj, list):
        for x in obj[:200]:
            _walk_ld(x, out, depth + 1)
    elif isinstance(obj, dict):
        out.append(obj)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"):
            if key in obj:
                _walk_ld(obj[key], out, depth + 1)


def json_ld(tree) -> list[dict]:
    """Return every JSON-LD object of the page (lists and @graph flattened), skipping blocks that do not parse."""
    objs: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]')[:30]:
        raw = (script.text or "").strip()
        if not raw or len(raw) > 2_000_000:
            continue
        raw = re.sub(r"^\s*<!--|-->\s*$|^\s*//\s*<!\[CDATA\[|//\s*\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:  # trailing commas are the commonest hand-written JSON-LD mistake
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                continue
        _walk_ld(data, objs)
    return objs


def _ld_names(value, graph: dict, want_person: bool) -> list[tuple[str, str]]:
    """Return (name, type) pairs of a JSON-LD author/publisher value (string, object, @id reference or list)."""
    if isinstance(value, list):
        return [n for v in value[:20] for n in _ld_names(v, graph, want_person)]
    if isinstance(value, str):
        return [(value, "")]
    if isinstance(value, dict):
        if "name" not in value and value.get("@id") in graph:
            value = graph[value["@id"]]
        name = value.get("name")
        if isinstance(name, list):
            name = next((n for n in name if isinstance(n, str)), None)
        if not isinstance(name, str) and ("givenName" in value or "familyName" in value):
            name = f"{value.get('givenName', '')} {value.get('familyName', '')}"
        if isinstance(name, str):
            return [(name, "organization" if _types(value) & {"organization", "newsmediaorganization",
                                                             "corporation"} else "person")]
    return []


def _meta(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if key and content and clean(content):
            if key in AUTHOR_META and key in found:
                found[key] += " and " + clean(content)  # several <meta name=author> tags: one per author
            else:
                found.setdefault(key, clean(content))
    return found


def _in_furniture(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in _SKIP_ANCESTORS or _SKIP_CLASS.search(anc.get("class") or "") and anc.tag != "body":
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
                parts = []
                for piece in cap_el.itertext():
                    parts.append(piece)
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


def read_page(tree) -> PageMeta:
    """Collect the field candidates a parsed HTML page offers, most trusted first."""
    pm = PageMeta()
    meta = _meta(tree)
    objs = json_ld(tree)
    graph = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str)}
    articles = [o for o in objs if _types(o) & ARTICLE_TYPES]
    pages = [o for o in objs if _types(o) & PAGE_TYPES]
    pm.ld_article = bool(articles)
    for group, tag in ((articles, "json-ld"), (pages, "json-ld:webpage")):
        for o in group[:3]:
            for key in ("headline", "name", "alternativeHeadline"):
                if isinstance(o.get(key), str) and clean(o[key]) and group is articles:
                    pm.titles.append((clean(o[key]), tag))
                    break
            if isinstance(o.get("description"), str) and group is articles:
                pm.descriptions.append((clean(o["description"]), tag))
            if o.get("author") is not None:
                pm.authors.append((_ld_names(o["author"], graph, True), tag))
            if o.get("creator") is not None and o.get("author") is None:
                pm.authors.append((_ld_names(o["creator"], graph, True), tag))
            for name, _ in _ld_names(o.get("publisher"), graph, False):
                pm.publishers.append((clean(name), tag))
            for key, dest in (("datePublished", pm.published), ("dateCreated", pm.published),
                              ("uploadDate", pm.published), ("dateModified", pm.modified)):
                if isinstance(o.get(key), str):
                    dest.append((o[key], tag if key == "datePublished" else f"{tag}:{key}"))
    pm.og_type = meta.get("og:type")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    pm.url = meta.get("og:url") or (canonical[0] if canonical else None)
    for key in ("og:title", "twitter:title", "parsely-title", "sailthru.title", "title", "dc.title"):
        if key in meta:
            pm.titles.append((meta[key], key if ":" in key else f"meta:{key}"))
    for key in ("og:description", "description", "twitter:description"):
        if key in meta:
            pm.descriptions.append((meta[key], key if ":" in key else f"meta:{key}"))
    for key in AUTHOR_META:
        if key in meta:
            pm.authors.append((meta[key], f"meta:{key}" if ":" not in key else key))
    for key in ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"):
        if key in meta and not meta[key].startswith("@"):
            pm.publishers.append((meta[key], key if ":" in key else f"meta:{key}"))
    for key in PUBLISHED_META:
        if key in meta:
            pm.published.append((meta[key], key if ":" in key else f"meta:{key}"))
    for key in MODIFIED_META:
        if key in meta:
            pm.modified.append((meta[key], key if ":" in key else f"meta:{key}"))
    container = main_container(tree)
    _markup(tree, container, pm)
    return pm


def _markup(tree, container, pm: PageMeta) -> None:
    """Add candidates read from visible markup: itemprop, <time>, <h1>, byline and dek elements, figures."""
    for el in tree.xpath('//*[@itemprop="datePublished"]')[:3]:
        val = el.get("content") or el.get("datetime") or text_of(el)
        if val:
            pm.published.append((val, "itemprop"))
    for el in tree.xpath('//*[@itemprop="dateModified"]')[:3]:
        val = el.get("content") or el.get("datetime") or text_of(el)
        if val:
            pm.modified.append((val, "itemprop"))
    for el in tree.xpath('//*[@itemprop="author"]')[:6]:
        name = el.xpath('.//*[@itemprop="name"]')
        val = (name[0].get("content") or text_of(name[0])) if name else (el.get("content") or text_of(el))
        if val and not _in_furniture(el):
            pm.authors.append((val, "itemprop"))
    h1s = [h for h in container.iter("h1") if text_of(h)] or [h for h in tree.iter("h1") if text_of(h)]
    if h1s:
        pm.h1 = text_of(h1s[0])
    title = tree.find(".//title")
    if title is not None and text_of(title):
        pm.titles.append((text_of(title), "title"))
    times = [t for t in container.iter("time")] or list(tree.iter("time"))
    for t in times[:10]:
        if _in_furniture(t):
            continue
        cls = " ".join(filter(None, [t.get("class"), t.getparent().get("class") if t.getparent() is not None
                                     else None, t.get("itemprop")]))
        text = text_of(t) if t.getparent() is None else text_of(t.getparent()) or text_of(t)
        kind = "updated" if _UPDATED_CLASS.search(cls) or re.match(r"\W*(?:updated|modified)", text, re.I) else "time"
        val = t.get("datetime") or t.get("content")
        if val:
            (pm.modified if kind == "updated" else pm.published).append((val, "time"))
        pm.visible_dates.append((text_of(t), kind))
    for el in container.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "time", "meta", "a", "img"):
            continue
        cls = (el.get("class") or "") + " " + (el.get("id") or "")
        if _DATE_CLASS.search(cls) and len(text_of(el)) < 120 and not _in_furniture(el):
            pm.visible_dates.append((text_of(el), "updated" if _UPDATED_CLASS.search(cls) else "date-class"))
    bylines = []
    for el in container.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "img", "time"):
            continue
        if (_BYLINE_CLASS.search(el.get("class") or "") or el.get("rel") == "author") and not _in_furniture(el):
            t = text_of(el)
            if t and len(t) <= 200 and t not in bylines:
                bylines.append(t)
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

"""What a web page says about its article in markup: JSON-LD, OpenGraph and meta tags, <time>, <h1>, bylines, figures.

`read_page(tree)` returns, for each field, candidates in order of trust, each tagged with where it was found
("json-ld", "og:title", "meta:author", "time", "h1", ...). Choosing among them and cleaning them is `htmlpage`'s job.
Meta tags are read here; JSON-LD is parsed in newskit.jsonld and visible markup read in newskit.pagemarkup."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newskit import lexicon
from newskit.html.jsonld import ARTICLE_TYPES, PAGE_TYPES, json_ld, ld_names, ld_types
from newskit.html.markup import clean, main_container, read_markup

# Meta names/properties for the first publication date, most trusted first; then last-modified ones.
PUBLISHED_META = lexicon.entries("meta/published")
MODIFIED_META = lexicon.entries("meta/modified")
AUTHOR_META = lexicon.entries("meta/author")

_SCRIPT_AUTHOR = re.compile(r"""\bauthor["']?\s*[:=]\s*\[?\s*["']([A-Z][^"'\\<>{}]{2,60})["']""")


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
    h1_in_article: bool = False                      # the <h1> sits in the article's container
    h1s: list = field(default_factory=list)            # every <h1> text of the page, the container's first
    og_type: str | None = None
    ld_article: bool = False
    url: str | None = None


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


# Complexity kept: one case per metadata source a page may carry.
def read_page(tree) -> PageMeta:  # noqa: C901, PLR0912
    """Collect the field candidates a parsed HTML page offers, most trusted first."""
    pm = PageMeta()
    meta = _meta(tree)
    objs = json_ld(tree)
    graph = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str)}
    articles = [o for o in objs if ld_types(o) & ARTICLE_TYPES]
    pages = [o for o in objs if ld_types(o) & PAGE_TYPES]
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
                pm.authors.append((ld_names(o["author"], graph, True), tag))
            if o.get("creator") is not None and o.get("author") is None:
                pm.authors.append((ld_names(o["creator"], graph, True), tag))
            for name, _ in ld_names(o.get("publisher"), graph, False):
                pm.publishers.append((clean(name), tag))
            for key, dest in (("datePublished", pm.published), ("dateCreated", pm.published),
                              ("uploadDate", pm.published), ("dateModified", pm.modified)):
                if isinstance(o.get(key), str):
                    dest.append((o[key], tag if key == "datePublished" else f"{tag}:{key}"))
    pm.og_type = meta.get("og:type")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    pm.url = meta.get("og:url") or (canonical[0] if canonical else None)
    for key in lexicon.entries("meta/title"):
        if key in meta:
            pm.titles.append((meta[key], key if ":" in key else f"meta:{key}"))
    for key in lexicon.entries("meta/description"):
        if key in meta:
            pm.descriptions.append((meta[key], key if ":" in key else f"meta:{key}"))
    for key in AUTHOR_META:
        if key in meta:
            pm.authors.append((meta[key], f"meta:{key}" if ":" not in key else key))
    for key in lexicon.entries("meta/publisher"):
        if key in meta and not meta[key].startswith("@"):
            pm.publishers.append((meta[key], key if ":" in key else f"meta:{key}"))
    for key in PUBLISHED_META:
        if key in meta:
            pm.published.append((meta[key], key if ":" in key else f"meta:{key}"))
    for key in MODIFIED_META:
        if key in meta:
            pm.modified.append((meta[key], key if ":" in key else f"meta:{key}"))
    for script in tree.xpath("//script[not(@type) or contains(@type, 'javascript')]")[:60]:
        # Pages that draw the byline with JavaScript still name the author in their page data.
        m = _SCRIPT_AUTHOR.search(script.text or "")
        if m:
            pm.authors.append((m.group(1), "script"))
            break
    container = main_container(tree)
    read_markup(tree, container, pm)
    return pm

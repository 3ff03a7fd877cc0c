"""Score newskit's HTML reading (headline, publication date, exact author list) beside trafilatura's own metadata
and htmldate, in the same run, on the same pages.

Pages come from the project's gold page sets, `web` and `web_mercury` by default (gold.jsonl: saved article pages
with title, authors and date; dates.jsonl: more pages with a date only), each scored as `eval/run.py parse-html`
does; or from a FOLDER of NAME.html with NAME.gold.json ({"title", "published", "authors"}), e.g. tests/html/pages.
Without pages it says so and exits 0.

    python bench/html_quality.py [FOLDER] [--sets web,web_mercury] [--show]
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA


def norm(s) -> str:
    return " ".join((s or "").replace("\u2019", "'").replace("\u2018", "'").split()).lower()


def web_pages(name: str = "web") -> list[tuple[Path, dict]]:
    """Return (page, gold) pairs from DATA/NAME: gold has title/authors/published where known."""
    web = DATA / name
    pages = []
    if (web / "gold.jsonl").exists():
        for line in (web / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                pages.append((web / g["source_html"], {"title": g.get("title"), "authors": g.get("authors") or [],
                                                       "published": g.get("date")}))
    if (web / "dates.jsonl").exists():
        for line in (web / "dates.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                pages.append((web / g["file"], {"published": g["date"]}))
    return [(p, g) for p, g in pages if p.exists()]


def folder_pages(folder: Path) -> list[tuple[Path, dict]]:
    return [(p, json.loads(p.with_name(p.stem + ".gold.json").read_text(encoding="utf-8")))
            for p in sorted(folder.glob("*.htm*")) if p.with_name(p.stem + ".gold.json").exists()]


def trafilatura_fields(html: str) -> dict:
    """Return title, date and author list as trafilatura's own metadata gives them."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return {"title": None, "published": None, "authors": []}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"title": doc.title, "published": (doc.date or "")[:10] or None, "authors": authors}


def htmldate_fields(html: str) -> dict:
    """Return htmldate's original publication date alone (it gives no title or authors)."""
    from htmldate import find_date

    return {"title": None, "published": find_date(html, original_date=True, extensive_search=True), "authors": []}


def newskit_fields(html: str, use_htmldate: bool = True) -> dict:
    from newskit.errors import InputError
    from newskit.html.fields import FieldChooser
    from newskit.html.page import article_from_html

    saved = FieldChooser.htmldate
    if not use_htmldate:
        FieldChooser.htmldate = lambda self: None
    try:
        _, art = article_from_html(html)
    except InputError as exc:
        return {"title": None, "published": None, "authors": [], "error": exc.code}
    finally:
        FieldChooser.htmldate = saved
    return {"title": art.headline, "published": art.published, "authors": list(art.authors)}


SYSTEMS = {"newskit": newskit_fields,
           "newskit, no htmldate": lambda html: newskit_fields(html, use_htmldate=False),
           "trafilatura": trafilatura_fields,
           "htmldate": htmldate_fields}
FIELDS = {"newskit": ("title", "published", "authors"), "newskit, no htmldate": ("published",),
          "trafilatura": ("title", "published", "authors"), "htmldate": ("published",)}


def ok(key: str, found: dict, gold: dict) -> bool:
    if key == "title":
        return norm(found["title"]) == norm(gold["title"])
    if key == "authors":
        return {norm(a) for a in found["authors"]} == {norm(a) for a in gold["authors"]}
    return found["published"] == gold["published"]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", help="NAME.html + NAME.gold.json pairs (default: the shared web pages)")
    ap.add_argument("--sets", default="web,web_mercury", help="gold page sets to score (default web,web_mercury)")
    ap.add_argument("--show", action="store_true", help="print every miss")
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)  # the libraries' warnings about odd pages are not results
    if args.folder:
        score(folder_pages(Path(args.folder)), args.folder, args.show)
        return
    for name in args.sets.split(","):
        score(web_pages(name), str(DATA / name), args.show)


def score(pages: list[tuple[Path, dict]], where: str, show: bool) -> None:
    from newskit.io.inputs import decode

    if not pages:
        print(f"no pages with gold in {where}: nothing to score")
        return
    # Over the pages whose gold has the field, as eval/run.py parse-html counts them.
    has = {"title": [g for _, g in pages if g.get("title")], "authors": [g for _, g in pages if g.get("authors")],
           "published": [g for _, g in pages if g.get("published")]}
    hits = {name: dict.fromkeys(FIELDS[name], 0) for name in SYSTEMS}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    for fn in SYSTEMS.values():  # imports and first-call set-up are not per-page costs
        fn(decode(pages[0][0].read_bytes()))
    for path, gold in pages:
        html = decode(path.read_bytes())
        for name, fn in SYSTEMS.items():
            t = time.perf_counter()
            found = fn(html)
            seconds[name] += time.perf_counter() - t
            for key in FIELDS[name]:
                if not gold.get(key):
                    continue
                good = ok(key, found, gold)
                hits[name][key] += good
                if not good and show:
                    print(f"  {name:21s} {path.name} {key}: {found.get(key)!r} (gold {gold.get(key)!r})")
    print(f"{len(pages)} pages from {where} "
          f"(with gold: title {len(has['title'])}, authors {len(has['authors'])}, date {len(has['published'])})")
    print(f"{'system':21s} {'headline':>8s} {'date':>6s} {'authors':>8s} {'ms/page':>8s}")
    for name in SYSTEMS:
        cells = [f"{hits[name][k] / max(len(has[k]), 1):.3f}" if k in hits[name] else "-"
                 for k in ("title", "published", "authors")]
        print(f"{name:21s} {cells[0]:>8s} {cells[1]:>6s} {cells[2]:>8s} {1000 * seconds[name] / len(pages):8.1f}")


if __name__ == "__main__":
    main()

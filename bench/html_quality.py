"""Score newskit's HTML reading (title, publication date, exact author list) beside trafilatura called directly.

A folder holds saved pages `NAME.html` with gold `NAME.gold.json`: {"title", "published": "YYYY-MM-DD",
"authors": [str]}. Pages without gold are skipped. Default folder: tests/pages.

    python bench/html_quality.py [FOLDER] [--show]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def norm_title(s) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().casefold()


def norm_authors(names) -> list[str]:
    return sorted(re.sub(r"\s+", " ", unicodedata.normalize("NFKC", n).replace("’", "'")).strip().casefold()
                  for n in names or [])


def trafilatura_fields(html: str) -> dict:
    """Return title, date and author list as trafilatura's bare_extraction gives them."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return {"title": None, "published": None, "authors": []}
    authors = [a.strip() for a in re.split(r";", doc.author or "") if a.strip()]
    return {"title": doc.title, "published": (doc.date or "")[:10] or None, "authors": authors}


def newskit_fields(html: str) -> dict:
    from newskit.errors import InputError
    from newskit.html.page import article_from_html

    try:
        _, art = article_from_html(html)
    except InputError as exc:
        return {"title": None, "published": None, "authors": [], "error": exc.code}
    return {"title": art.headline, "published": art.published, "authors": list(art.authors)}


def score(found: dict, gold: dict) -> dict:
    return {"title": norm_title(found["title"]) == norm_title(gold["title"]),
            "published": (found["published"] or None) == (gold.get("published") or None),
            "authors": norm_authors(found["authors"]) == norm_authors(gold.get("authors"))}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "pages"))
    ap.add_argument("--show", action="store_true", help="print every miss")
    args = ap.parse_args(argv)
    from newskit.io.inputs import decode

    pages = sorted(p for p in Path(args.folder).glob("*.htm*") if p.with_name(p.stem + ".gold.json").exists())
    if not pages:
        sys.exit(f"no NAME.html + NAME.gold.json pairs in {args.folder}")
    systems = {"newskit": newskit_fields, "trafilatura": trafilatura_fields}
    totals = {name: {"title": 0, "published": 0, "authors": 0} for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    for fn in systems.values():  # imports and first-call set-up are not per-page costs
        fn(decode(pages[0].read_bytes()))
    for page in pages:
        gold = json.loads(page.with_name(page.stem + ".gold.json").read_text(encoding="utf-8"))
        html = decode(page.read_bytes())
        for name, fn in systems.items():
            t = time.perf_counter()
            found = fn(html)
            seconds[name] += time.perf_counter() - t
            for key, ok in score(found, gold).items():
                totals[name][key] += ok
                if not ok and args.show:
                    print(f"  {name:11s} {page.name} {key}: {found.get(key)!r} (gold {gold.get(key)!r})")
    n = len(pages)
    print(f"{n} pages from {args.folder}")
    print(f"{'system':12s} {'title':>6s} {'date':>6s} {'authors':>8s} {'ms/page':>8s}")
    for name in systems:
        t = totals[name]
        print(f"{name:12s} {t['title'] / n:6.2f} {t['published'] / n:6.2f} {t['authors'] / n:8.2f} "
              f"{1000 * seconds[name] / n:8.1f}")


if __name__ == "__main__":
    main()

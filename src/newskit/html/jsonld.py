"""JSON-LD: the schema.org objects a page embeds, flattened, and the names in their author and publisher values."""
from __future__ import annotations

import json
import re

from newskit import lexicon

ARTICLE_TYPES = lexicon.words("schema_org/article_types")
PAGE_TYPES = lexicon.words("schema_org/page_types")

def ld_types(obj: dict) -> set[str]:
    """Return the lowercased schema.org @type names of a JSON-LD object."""
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
        except RecursionError:  # nested past what any real page holds: the page is read without this block
            continue
        except ValueError:
            try:  # trailing commas are the commonest hand-written JSON-LD mistake
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except (ValueError, RecursionError):
                continue
        _walk_ld(data, objs)
    return objs


def ld_names(value, graph: dict, want_person: bool) -> list[tuple[str, str]]:
    """Return (name, type) pairs of a JSON-LD author/publisher value (string, object, @id reference or list)."""
    if isinstance(value, list):
        return [n for v in value[:20] for n in ld_names(v, graph, want_person)]
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
            return [(name, "organization" if ld_types(value) & {"organization", "newsmediaorganization",
                                                              "corporation"} else "person")]
    return []

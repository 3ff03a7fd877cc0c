"""Cross-document identity scores on a MEANTIME-style corpus whose entities carry corpus-level instance ids.

Every gold person, organization or place that has an `instance_id` is one real-world thing across the corpus.
Its name mentions are the mentions marked NAM, and, for mentions the corpus layer added without a syntactic type,
those written as a name: starting with a capital, not a pronoun, not a list ("Boeing and Airbus"). A gold mention
is *found* when a predicted entity of its article has a mention overlapping it (the entity of the gold type
first, then the one overlapping most). Each found mention then has a gold cluster (its instance) and a predicted
one (the identity of its entity), and the scores compare the two clusterings:
- B-cubed precision, recall and F1 (Bagga & Baldwin, 1998) over the found mentions;
- split rate: found instances whose mentions carry two identities or more (`split_rate_multi`: the same over
  instances found in two articles or more, the ones an archive-wide key is for);
- merge rate: identities whose mentions belong to two instances or more.
Identities are scored three ways: `linked` (keys after `newskit link` over the whole corpus), `keys` (each
article's own keys) and `names` (lower-cased name plus type: grouping an archive on names). Stdlib only.
"""
from __future__ import annotations

import io
import json

from newskit.identity import link_lines
from newskit.identity.link import local_key

from .meantime import TYPE_MAP, MeantimeDoc
from .metrics import f1

_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their", "our"}


def _is_name(m: dict) -> bool:
    if m.get("syntactic_type"):
        return m["syntactic_type"] == "NAM"
    text = m["text"]
    return text[:1].isupper() and text.lower() not in _PRONOUNS and not any(
        f" {w} " in f" {text} " for w in ("and", "or", "nor"))


def gold_mentions(doc: MeantimeDoc) -> list[dict]:
    """Return the name mentions of a document's instances: start, end, type (PER/ORG/LOC), instance."""
    out = []
    for e in doc.linked:
        if e["type"] in ("PER", "ORG", "LOC"):
            out += [{"start": m["start"], "end": m["end"], "type": e["type"], "instance": e["instance"]}
                    for m in e["mentions"] if _is_name(m)]
    return out


def _mapped(g: dict, entities: list[dict]) -> int | None:
    want = {v: k for k, v in TYPE_MAP.items()}[g["type"]]
    best = None
    for i, e in enumerate(entities):
        over = max((min(g["end"], m["end"]) - max(g["start"], m["start"]) for m in e.get("mentions") or []),
                   default=0)
        if over > 0 and (best is None or (e.get("type") != want, -over, i) < best):
            best = (e.get("type") != want, -over, i)
    return None if best is None else best[2]


def _identity(e: dict, how: str):
    if how == "names":
        return (" ".join(str(e.get("name") or "").replace("\u2019", "'").split()).lower(), e.get("type"))
    return local_key(e)  # the record's key, or the one its name, type and aliases give


def score_identity(pairs: list[tuple[MeantimeDoc, dict]]) -> dict:
    """Return cross-document scores for (gold doc, record) pairs: `linked`, `keys` and `names` identities."""
    lines = [json.dumps(r, ensure_ascii=False) for _, r in pairs]
    out = io.StringIO()
    link_lines(lines, lines, out)
    linked = [json.loads(x) for x in out.getvalue().splitlines()]
    scores = {}
    for how, records in (("linked", linked), ("keys", [r for _, r in pairs]), ("names", [r for _, r in pairs])):
        elements = []
        for (doc, _), record in zip(pairs, records, strict=True):
            ents = record.get("entities") or []
            for g in gold_mentions(doc):
                i = _mapped(g, ents)
                if i is not None:
                    elements.append((g["instance"], _identity(ents[i], how), doc.id))
        scores[how] = _cluster_scores(elements)
    return scores


def _cluster_scores(elements: list[tuple]) -> dict:
    gold: dict = {}
    pred: dict = {}
    for n, (g, p, _) in enumerate(elements):
        gold.setdefault(g, set()).add(n)
        pred.setdefault(p, set()).add(n)
    total = len(elements)
    if not total:
        return {"bcubed": (0.0, 0.0, 0.0), "split_rate": 0.0, "split_rate_multi": 0.0, "merge_rate": 0.0,
                "instances": 0, "mentions": 0}
    p = sum(len(gold[g] & pred[q]) / len(pred[q]) for g, q, _ in elements) / total
    r = sum(len(gold[g] & pred[q]) / len(gold[g]) for g, q, _ in elements) / total
    ids = {g: {elements[n][1] for n in ns} for g, ns in gold.items()}
    docs = {g: {elements[n][2] for n in ns} for g, ns in gold.items()}
    multi = [g for g in gold if len(docs[g]) > 1]
    merged = sum(1 for ns in pred.values() if len({elements[n][0] for n in ns}) > 1)
    return {"bcubed": (p, r, f1(p, r)),
            "split_rate": sum(len(v) > 1 for v in ids.values()) / len(gold),
            "split_rate_multi": sum(len(ids[g]) > 1 for g in multi) / len(multi) if multi else 0.0,
            "merge_rate": merged / len(pred), "instances": len(gold), "mentions": total}

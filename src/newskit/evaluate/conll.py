"""CoNLL-2003 NER files and the person/place/organization mention scores newskit is measured with.

`read_conll(path)` splits the file at -DOCSTART- lines and joins each document's tokens into text, one sentence
a line, with gold PER/LOC/ORG/MISC spans from the last column (IOB1 or IOB2). `score_ner(pairs)` counts every
predicted mention of a person, place or organization entity: strict mention precision/recall/F1 overall and per
type, and a document-level score on the unique names a reader sees. Stdlib only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newskit.lexicon import norm

from .confusion import per_type
from .meantime import GLUE_LEFT, GLUE_RIGHT, TYPE_MAP, entities_of
from .metrics import f1, prf

TYPES = ("PER", "LOC", "ORG")


@dataclass
class ConllDoc:
    """One CoNLL-2003 document: text and gold spans (dicts: start, end, type, text)."""

    id: str
    text: str
    gold: list[dict] = field(default_factory=list)


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return (first, end, type) token ranges from IOB1 or IOB2 tags."""
    out: list[tuple[int, int, str]] = []
    start: int | None = None
    kind: str | None = None
    for i, tag in enumerate(tags + ["O"]):
        new = tag[2:] if tag != "O" else None
        if tag == "O" or tag.startswith("B-") or new != kind:
            if start is not None and kind is not None:
                out.append((start, i, kind))
            start, kind = (i, new) if tag != "O" else (None, None)
    return out


_TAG = re.compile(r"O|[BI]-[A-Z]+")


def _documents(lines):
    doc, sent = [], []
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if sent:
                doc.append(sent)
            if doc:
                yield doc
            doc, sent = [], []
        elif not line.strip():
            if sent:
                doc.append(sent)
            sent = []
        else:
            cols = line.split()
            if len(cols) < 2 or not _TAG.fullmatch(cols[-1]):
                raise ValueError(f"line {number} is not CoNLL-2003 (token ... IOB-tag)")
            sent.append((cols[0], cols[-1]))
    if sent:
        doc.append(sent)
    if doc:
        yield doc


def read_conll(path: str) -> list[ConllDoc]:
    """Read a CoNLL-2003 file into documents with text offsets for every gold span."""
    with open(path, encoding="utf-8") as fh:
        docs = list(_documents(fh))
    out = []
    for n, sents in enumerate(docs):
        text, gold = "", []
        for sent in sents:
            where, prev = [], None
            for word, _ in sent:
                if prev is not None and word not in GLUE_LEFT and prev not in GLUE_RIGHT:
                    text += " "
                where.append((len(text), len(text) + len(word)))
                text += word
                prev = word
            for a, b, kind in _spans([t for _, t in sent]):
                s, e = where[a][0], where[b - 1][1]
                gold.append({"start": s, "end": e, "type": kind, "text": text[s:e]})
            text += "\n"
        out.append(ConllDoc(id=f"conll-{n:03d}", text=text, gold=gold))
    return out


def score_ner(pairs) -> dict:
    """Score predicted entity mentions against gold spans: mention P/R/F overall and per type, document-level P/R/F.

    `pairs` holds (gold doc, prediction) where the gold doc is a ConllDoc (or a dict with "gold") and the
    prediction a record dict with "entities", or a list of Entity objects or dicts."""
    tp = n_pred = n_gold = 0
    golds: list = []
    doc_tp_r = doc_gold = doc_tp_p = doc_pred = 0
    for gold_doc, record in pairs:
        spans = gold_doc.gold if isinstance(gold_doc, ConllDoc) else gold_doc["gold"]
        golds.append((spans, record))
        gold = {(g["start"], g["end"], g["type"]) for g in spans if g["type"] in TYPES}
        pred, names = set(), []
        for ent in entities_of(record):
            kind = TYPE_MAP.get(ent.get("type") or "")
            if not kind:
                continue
            forms = {norm(ent.get("name", ""))}
            for m in ent.get("mentions", []):
                pred.add((m["start"], m["end"], kind))
                forms.add(norm(m.get("text", "")))
            names.append((kind, forms))
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
        # the unique names a reader would see, matched by any form an entity was written in
        gold_names = {(g["type"], norm(g["text"])) for g in spans if g["type"] in TYPES}
        seen = {(kind, f) for kind, forms in names for f in forms}
        doc_tp_r += len(gold_names & seen)
        doc_gold += len(gold_names)
        doc_pred += len(names)
        doc_tp_p += sum(1 for kind, forms in names if any((kind, f) in gold_names for f in forms))
    doc_p = doc_tp_p / doc_pred if doc_pred else 0.0
    doc_r = doc_tp_r / doc_gold if doc_gold else 0.0
    return {"mention": prf(tp, n_pred, n_gold), "per_type": per_type(golds, TYPES),
            "document": (doc_p, doc_r, f1(doc_p, doc_r))}

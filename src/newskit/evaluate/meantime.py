"""MEANTIME (NewsReader) gold files and the entity-list scores newskit is measured with.

`read_meantime(path)` rebuilds the article text (headline line, date line, then one sentence a line) from the
tokens and returns the gold entities, each with its mentions (offsets, syntactic type). `score_entities(pairs)`
gives list recall/precision, split rate and merge rate: a gold entity (PER/ORG/LOC with a proper-name mention) is
found when a predicted entity of the same type has a mention overlapping one of its name mentions; it is split
when more than one predicted entity does; a predicted entity is merged when it overlaps two gold entities.
Stdlib only.
"""
from __future__ import annotations

import glob
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from .metrics import f1

TYPE_MAP = {"person": "PER", "place": "LOC", "organization": "ORG"}
# Tokens written without a space before (punctuation, clitics) or after (opening brackets, currency).
GLUE_LEFT = {",", ".", ";", ":", ")", "]", "}", "'s", "n't", "'", "%", "?", "!", "'re", "'ve", "'ll", "'d", "'m"}
GLUE_RIGHT = {"(", "[", "{", "$"}


@dataclass
class MeantimeDoc:
    """One MEANTIME article: text, creation date, gold entities (dicts: type, name, mentions) and name mentions."""

    id: str
    text: str
    published: str | None = None
    entities: list[dict] = field(default_factory=list)
    gold: list[dict] = field(default_factory=list)
    linked: list[dict] = field(default_factory=list)  # entities with a corpus-level instance id (cross-document)


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"(\d\d)-(\d\d)-(\d{4})$", value)  # some creation times are written DD-MM-YYYY
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else value[:10]


def read_meantime(path: str) -> MeantimeDoc:
    """Read one MEANTIME XML file into text with character offsets for every gold entity mention."""
    root = ET.parse(path).getroot()
    parts: list[str] = []
    length = 0
    offsets: dict[str | None, tuple[int, int]] = {}
    prev_tok, prev_sent = None, None
    for tok in root.iter("token"):
        sent, word = tok.get("sentence"), tok.text or ""
        sep = ""
        if prev_sent is not None and sent != prev_sent:
            sep, prev_tok = "\n", None
        elif prev_tok is not None and word not in GLUE_LEFT and prev_tok not in GLUE_RIGHT:
            sep = " "
        parts.append(sep)
        length += len(sep)
        offsets[tok.get("t_id")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        prev_tok, prev_sent = word, sent
    parts.append("\n")
    text = "".join(parts)
    mentions: dict[str | None, dict] = {}
    entities: dict[str | None, dict] = {}
    created = None
    markables = root.find("Markables")
    for el in markables if markables is not None else []:
        ids = [a.get("t_id") for a in el.findall("token_anchor")]
        if el.tag == "ENTITY_MENTION" and ids:
            a, b = offsets[ids[0]][0], offsets[ids[-1]][1]
            mentions[el.get("m_id")] = {"start": a, "end": b, "text": text[a:b],
                                        "syntactic_type": el.get("syntactic_type")}
        elif el.tag == "ENTITY":
            entities[el.get("m_id")] = {"type": el.get("ent_type"), "name": el.get("TAG_DESCRIPTOR"),
                                        "mentions": [], "instance": el.get("instance_id")}
        elif el.tag == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
            created = el.get("value")
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag != "REFERS_TO":
            continue
        target_el = rel.find("target")
        if target_el is None:
            continue
        target = target_el.get("m_id")
        for src in rel.findall("source"):
            m = mentions.get(src.get("m_id"))
            if m is not None and target in entities:
                entities[target]["mentions"].append(m)
    kept = [e for e in entities.values() if e["type"] in ("PER", "ORG", "LOC")
            and any(m["syntactic_type"] == "NAM" for m in e["mentions"])]
    names = [{"start": m["start"], "end": m["end"], "type": e["type"], "text": m["text"]}
             for e in kept for m in e["mentions"] if m["syntactic_type"] == "NAM"]
    return MeantimeDoc(id=root.get("doc_name") or os.path.basename(path)[:-4], text=text, published=_iso(created),
                       entities=kept, gold=sorted(names, key=lambda g: g["start"]),
                       linked=[e for e in entities.values() if e["instance"]])


def read_meantime_dir(folder: str) -> list[MeantimeDoc]:
    """Read every MEANTIME XML file under `folder` (corpus_*/ subfolders included), in name order."""
    paths = sorted(glob.glob(os.path.join(folder, "**", "*.xml"), recursive=True))
    return [read_meantime(p) for p in paths]


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def entities_of(record) -> list[dict]:
    """Return a record's entities as dicts, whether it is a record dict or a list of entities."""
    if isinstance(record, dict):
        return record.get("entities", [])
    return [e.to_dict() if hasattr(e, "to_dict") else e for e in record]


def score_entities(pairs) -> dict:
    """Score predicted entity lists against MEANTIME gold: list P/R/F, split rate, merge rate, counts.

    `pairs` holds (gold doc, prediction) where the prediction is a record dict with "entities", or a list of
    Entity objects or dicts."""
    found = n_gold = correct = n_pred = split = merged = 0
    for gold, record in pairs:
        golds = gold.entities if isinstance(gold, MeantimeDoc) else gold["entities"]
        golds = [(e["type"], [m for m in e["mentions"] if m.get("syntactic_type") == "NAM"]) for e in golds]
        preds = [(TYPE_MAP.get(e.get("type") or ""), e.get("mentions", [])) for e in entities_of(record)]
        preds = [(t, ms) for t, ms in preds if t]
        n_gold += len(golds)
        n_pred += len(preds)
        for gt, gms in golds:
            hits = sum(1 for pt, pms in preds if pt == gt and any(_overlap(a, b) for a in pms for b in gms))
            found += hits > 0
            split += hits > 1
        for pt, pms in preds:
            hits = sum(1 for gt, gms in golds if gt == pt and any(_overlap(a, b) for a in pms for b in gms))
            correct += hits > 0
            merged += hits > 1
    p = correct / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    return {"list": (p, r, f1(p, r)),
            "split_rate": split / found if found else 0.0, "merge_rate": merged / correct if correct else 0.0,
            "counts": {"gold": n_gold, "pred": n_pred}}

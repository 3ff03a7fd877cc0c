"""Plain spaCy as a stand-in for `newskit entities`, so the project's scorers can put the base model beside newskit.

    python bench/spacy_entities.py entities --input-format jsonl --jsonl -  < corpus.jsonl

Reads JSON Lines articles ({"id", "text"}) on stdin and writes one record per article: the base model's own
doc.ents (no newskit recognizer, merge or vote) grouped by exact text and type, PERSON -> person, GPE/LOC/FAC ->
place, ORG -> organization. Any scorer that takes a `--cmd` can run it in place of newskit (the arguments before
stdin are accepted and ignored).
"""
from __future__ import annotations

import json
import sys

from common import raw_pipeline

RAW_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization"}


def record(rid, doc) -> dict:
    groups: dict[tuple[str, str], list[dict]] = {}
    for e in doc.ents:
        kind = RAW_TYPES.get(e.label_)
        if kind:
            groups.setdefault((kind, e.text), []).append({"start": e.start_char, "end": e.end_char, "text": e.text})
    entities = [{"id": f"E{i}", "name": name, "type": kind, "mentions": ms}
                for i, ((kind, name), ms) in enumerate(groups.items(), 1)]
    return {"id": rid, "entities": entities}


def main() -> int:
    nlp = raw_pipeline("entities")
    rows = [json.loads(line) for line in sys.stdin if line.strip()]
    for n, (row, doc) in enumerate(zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16)), 1):
        print(json.dumps(record(row.get("id", str(n)), doc)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

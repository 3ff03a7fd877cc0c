"""Score newskit on a user's own gold files (MEANTIME XML, CoNLL-2003, TimeML, geoparsing XML) with the benchmark
metrics."""
from __future__ import annotations

import os
from pathlib import Path

from newskit.evaluate.confusion import confusion, per_type
from newskit.evaluate.conll import read_conll, score_ner
from newskit.evaluate.crossdoc import score_identity
from newskit.evaluate.geoparse import is_geo_xml, read_geo, score_geo
from newskit.evaluate.meantime import read_meantime, read_meantime_dir, score_entities
from newskit.evaluate.timeml import read_timeml, read_timeml_dir, score_dates
from newskit.io.inputs import Source
from newskit.pipeline import analyze

FORMATS = ("meantime", "crossdoc", "conll", "timeml", "geo")


def guess_format(path: str) -> str:
    """Return the gold format of a file or folder from its extension (or its files' extensions)."""
    p = Path(path)
    names = [p.name] if p.is_file() else [f.name for f in p.rglob("*") if f.is_file()]
    if any(n.endswith(".tml") for n in names):
        return "timeml"
    if any(n.endswith(".xml") for n in names):
        xml = [str(p)] if p.is_file() else [str(f) for f in p.rglob("*.xml")]
        return "geo" if xml and all(is_geo_xml(f) for f in xml) else "meantime"
    return "conll"


def _read(fmt: str, path: str) -> list:
    if fmt == "timeml":
        return _named(read_timeml_dir, path) if os.path.isdir(path) else [_named(read_timeml, path)]
    if fmt in ("meantime", "crossdoc"):
        return _named(read_meantime_dir, path) if os.path.isdir(path) else [_named(read_meantime, path)]
    if fmt == "geo":
        files = sorted(str(f) for f in Path(path).rglob("*.xml")) if os.path.isdir(path) else [path]
        return [d for f in files for d in _named(read_geo, f)]
    files = sorted(str(f) for f in Path(path).rglob("*") if f.is_file()) if os.path.isdir(path) else [path]
    return [d for f in files for d in _named(read_conll, f)]


def _named(read, path: str):
    """Call a gold reader, naming the file in any error it raises ("ap.txt: line 1 is not CoNLL-2003")."""
    try:
        return read(path)
    except (OSError, ValueError, SyntaxError, UnicodeError) as exc:
        # SyntaxError: xml.etree's ParseError for broken MEANTIME/TimeML files.
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ValueError(f"{path}: {reason}") from None


def evaluate(paths: list[str], fmt: str | None = None, *, model: str | None = None, workers: int = 1) -> dict:
    """Run newskit over gold documents and return their scores (dates for TimeML, entities otherwise)."""
    pairs_by_kind: dict[str, list] = {}
    for path in paths:
        kind = fmt or guess_format(path)
        docs = _read(kind, path)
        dated = kind in ("timeml", "meantime", "crossdoc", "geo")
        tasks = ("parse", "dates") if kind == "timeml" else ("parse", "entities", "dates")
        sources = [Source(d.id, d.text, "text", d.published if dated else None) for d in docs]
        # The scorers read predictions in the record's JSON shape, the shape saved --jsonl output and the reference
        # scorer share, so a run and a file of records score alike.
        records = (r.to_dict() for r in analyze(sources, tasks, model=model, workers=workers))
        pairs_by_kind.setdefault(kind, []).extend(zip(docs, records))
    scores: dict = {}
    for kind, pairs in pairs_by_kind.items():
        if not pairs or (kind == "conll" and not any(d.gold for d, _ in pairs)):
            raise ValueError(f"no {kind} gold documents found in {', '.join(paths)}")
        out = scores[kind] = {"documents": len(pairs)}
        if kind == "timeml":
            out["dates"] = score_dates([(d.gold, r.get("dates", [])) for d, r in pairs])
        elif kind == "geo":
            out["geo"] = score_geo(pairs)
        elif kind == "crossdoc":
            out["identity"] = score_identity([(d, r) for d, r in pairs])
        elif kind == "meantime":
            out["entities"] = score_entities(pairs)
            out["per_type"] = per_type([(d.gold, r) for d, r in pairs], ("PER", "LOC", "ORG"))
            out["confusion"] = confusion([(d.gold, r) for d, r in pairs], ("PER", "LOC", "ORG"))
        else:
            out["ner"] = score_ner(pairs)
            out["confusion"] = confusion([(d.gold, r) for d, r in pairs], ("PER", "LOC", "ORG", "MISC"))
    return scores

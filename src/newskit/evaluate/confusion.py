"""Per-type mention scores and a gold type x predicted type confusion table, for any gold corpus with name spans.

Both take gold mentions as dicts (start, end, type) in the corpus's own types (CoNLL PER/LOC/ORG/MISC, MEANTIME
PER/LOC/ORG) and a prediction as a record dict or a list of entities. A predicted mention's type is its entity's
type mapped to PER/LOC/ORG (person/place/organization); any other newskit type (event, nationality, ...) is
"OTHER". Stdlib only.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from newskit.evaluate.meantime import TYPE_MAP, entities_of
from newskit.evaluate.metrics import prf

OTHER = "OTHER"
NONE = "-"  # no gold span (a row) or no predicted span (a column) at that place


def predicted_mentions(record) -> list[tuple[int, int, str]]:
    """Return (start, end, type) of every predicted mention, typed PER/LOC/ORG or OTHER, in text order."""
    out = set()
    for ent in entities_of(record):
        kind = TYPE_MAP.get(ent.get("type") or "", OTHER)
        for m in ent.get("mentions", []):
            out.add((m["start"], m["end"], kind))
    return sorted(out)


def per_type(pairs, types) -> dict[str, tuple[float, float, float]]:
    """Return strict (exact span and type) mention precision, recall and F1 for each type in `types`.

    `pairs` holds (gold mention dicts, prediction)."""
    counts = {t: [0, 0, 0] for t in types}
    for gold, record in pairs:
        g = {(x["start"], x["end"], x["type"]) for x in gold if x["type"] in counts}
        p = {x for x in predicted_mentions(record) if x[2] in counts}
        for t, c in counts.items():
            gt = {x for x in g if x[2] == t}
            pt = {x for x in p if x[2] == t}
            c[0] += len(gt & pt)
            c[1] += len(pt)
            c[2] += len(gt)
    return {t: prf(*c) for t, c in counts.items()}


class _Spans:
    """Spans (start, end, ...) indexed by start, so the ones that can overlap a span are found by bisection: a span
    overlapping [a, b) starts before b and, being at most LONG long, after a - LONG. Longer spans are few (they
    cannot be many without overlapping) and are always looked at, so one huge span does not widen every search. A
    document's mentions are then matched in n log n, not n x m (a one-document file of 60,000 mentions took hours)."""

    LONG = 256

    def __init__(self, spans) -> None:
        short = [i for i, s in enumerate(spans) if s[1] - s[0] <= self.LONG]
        self.long = [i for i, s in enumerate(spans) if s[1] - s[0] > self.LONG]
        self.order = sorted(short, key=lambda i: spans[i][0])
        self.spans = spans
        self.starts = [spans[i][0] for i in self.order]

    def near(self, span: tuple[int, int]) -> list:
        """Return the spans that may overlap or equal `span`, in their original order."""
        lo = bisect_left(self.starts, span[0] - self.LONG)
        hi = bisect_right(self.starts, span[1])
        return [self.spans[i] for i in sorted(self.order[lo:hi] + self.long)]


def _best(span: tuple[int, int], others: _Spans) -> tuple[int, int, str] | None:
    """Return the span of `others` with the same offsets as `span`, else the one overlapping it most, else None."""
    best, best_len = None, 0
    for o in others.near(span):
        if (o[0], o[1]) == span:
            return o
        overlap = min(span[1], o[1]) - max(span[0], o[0])
        if overlap > best_len:
            best, best_len = o, overlap
    return best


def confusion(pairs, gold_types) -> dict:
    """Return the gold type x predicted type table of mentions, and how many matched only partly.

    Each gold mention goes to the column of the predicted mention with its exact span, else of the one overlapping
    it most (counted in "partial"), else to NONE. Each predicted mention no gold mention overlaps is counted in
    row NONE under its own type. Result: {"rows": [...], "columns": [...], "table": {row: {column: n}},
    "partial": {row: n}}."""
    rows = list(gold_types) + [NONE]
    columns = ["PER", "LOC", "ORG", OTHER, NONE]
    table = {r: dict.fromkeys(columns, 0) for r in rows}
    partial = dict.fromkeys(gold_types, 0)
    for gold, record in pairs:
        preds = predicted_mentions(record)
        golds = [(x["start"], x["end"], x["type"]) for x in gold if x["type"] in partial]
        pred_index, gold_index = _Spans(preds), _Spans(golds)
        for start, end, kind in golds:
            hit = _best((start, end), pred_index)
            table[kind][hit[2] if hit else NONE] += 1
            if hit and (hit[0], hit[1]) != (start, end):
                partial[kind] += 1
        for start, end, kind in preds:
            if _best((start, end), gold_index) is None:
                table[NONE][kind] += 1
    return {"rows": rows, "columns": columns, "table": table, "partial": partial}

"""Per-type mention scores and the gold x predicted type table."""
from __future__ import annotations

import pytest

from newskit.evaluate.confusion import NONE, OTHER, confusion, per_type, predicted_mentions
from newskit.output.render import confusion_lines

TEXT = "Airbus sold jets to Qantas in Sydney, said Tom Enders of EADS."
GOLD = [{"start": 0, "end": 6, "type": "ORG"}, {"start": 20, "end": 26, "type": "ORG"},
        {"start": 30, "end": 36, "type": "LOC"}, {"start": 43, "end": 53, "type": "PER"},
        {"start": 57, "end": 61, "type": "ORG"}]


def _m(start, end):
    return {"start": start, "end": end, "text": TEXT[start:end]}


PRED = {"entities": [
    {"type": "organization", "mentions": [_m(0, 6)]},           # right
    {"type": "person", "mentions": [_m(20, 26)]},                # ORG read as a person
    {"type": "place", "mentions": [_m(30, 36)]},                 # right
    {"type": "person", "mentions": [_m(47, 53)]},                # "Enders": right type, part of the span
    {"type": "event", "mentions": [_m(12, 16)]},                 # "jets": nothing in the gold there
]}


def test_predicted_mentions_map_types():
    assert predicted_mentions(PRED) == [(0, 6, "ORG"), (12, 16, OTHER), (20, 26, "PER"), (30, 36, "LOC"),
                                        (47, 53, "PER")]


def test_per_type_is_strict():
    s = per_type([(GOLD, PRED)], ("PER", "LOC", "ORG"))
    assert s["LOC"] == (1.0, 1.0, 1.0)
    assert s["ORG"] == pytest.approx((1.0, 1 / 3, 0.5))
    assert s["PER"] == (0.0, 0.0, 0.0)  # one span wrong by a word, one mistyped


def test_confusion_table():
    c = confusion([(GOLD, PRED)], ("PER", "LOC", "ORG"))
    t = c["table"]
    assert t["ORG"] == {"PER": 1, "LOC": 0, "ORG": 1, OTHER: 0, NONE: 1}
    assert t["PER"]["PER"] == 1 and c["partial"]["PER"] == 1
    assert t["LOC"]["LOC"] == 1
    assert t[NONE] == {"PER": 0, "LOC": 0, "ORG": 0, OTHER: 1, NONE: 0}
    # every gold mention lands in exactly one cell of its row
    assert sum(t["ORG"].values()) == 3 and sum(t["PER"].values()) == 1


def test_confusion_lines_render_every_row():
    lines = confusion_lines(confusion([(GOLD, PRED)], ("PER", "LOC", "ORG")))
    assert lines[0].split()[:3] == ["gold", "\\", "predicted"]
    assert [ln.split()[0] for ln in lines[1:]] == ["PER", "LOC", "ORG", NONE]
    assert lines[3].split() == ["ORG", "1", "0", "1", "0", "1", "0"]


def _best_by_scan(span, others):
    """The definition the indexed match must keep: the exact span first, else the largest overlap, first wins."""
    best, best_len = None, 0
    for o in others:
        if (o[0], o[1]) == span:
            return o
        overlap = min(span[1], o[1]) - max(span[0], o[0])
        if overlap > best_len:
            best, best_len = o, overlap
    return best


def test_indexed_matching_equals_a_full_scan_on_nested_and_tied_spans():
    import random

    from newskit.evaluate.confusion import _best, _Spans

    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(0, 200)
            spans.append((a, a + rng.choice((1, 2, 5, 9, 40, 300)), rng.choice(("PER", "LOC", "ORG"))))
        index = _Spans(spans)
        for _ in range(20):
            a = rng.randint(0, 220)
            probe = (a, a + rng.randint(0, 30))
            assert _best(probe, index) == _best_by_scan(probe, spans)


def test_confusion_of_a_long_document_counts_every_mention_once():
    gold, mentions = [], []
    for i in range(5_000):
        start = i * 20
        gold.append({"start": start, "end": start + 8, "type": "PER"})
        mentions.append({"start": start, "end": start + (8 if i % 2 else 5), "text": "x"})
    c = confusion([(gold, {"entities": [{"type": "person", "mentions": mentions}]})], ("PER", "LOC", "ORG"))
    assert c["table"]["PER"]["PER"] == 5_000 and c["partial"]["PER"] == 2_500


def test_one_huge_span_does_not_make_every_match_a_full_scan():
    from newskit.evaluate.confusion import _Spans

    spans = [(0, 1_000_000, "PER")] + [(i * 10, i * 10 + 4, "LOC") for i in range(10_000)]
    index = _Spans(spans)
    near = index.near((50_000, 50_004))
    assert near[0] == spans[0] and (50_000, 50_004, "LOC") in near and len(near) < 40

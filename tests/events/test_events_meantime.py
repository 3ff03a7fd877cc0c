"""Accuracy floor on MEANTIME's event layer, scored by the project's reference scorer in ../shared/eval.

Floors sit a little under the measured dev numbers (recall 0.73, precision 0.99, who 0.93, when 0.87, status 0.97),
so a change that loses events, actors, dates or plans fails here like a broken behaviour would."""
from __future__ import annotations

import pytest

from newskit.io.inputs import source_from_text
from newskit.pipeline import COMMAND_TASKS, build_record

from conftest import reference_scorer, shared_data

FLOORS = {"recall": 0.70, "precision": 0.95, "who": 0.90, "when": 0.80, "status": 0.95}


@pytest.fixture(scope="module")
def scores(nlp):
    shared_data("meantime")
    gold, score = reference_scorer("gold", "score")
    docs = list(gold.meantime_docs())
    pairs = []
    for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        source = source_from_text(d["text"], d["id"], d.get("published"))
        pairs.append((d, build_record(source, doc, COMMAND_TASKS["events"]).to_dict()))  # the scorer reads JSON
    return score.event_scores(pairs)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_meantime_event_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], (metric, scores[metric], scores["counts"])

"""Cross-document identity scores on a two-article corpus written for the test (no model)."""
from __future__ import annotations

import pytest

from newskit.evaluate.crossdoc import gold_mentions, score_identity
from newskit.evaluate.meantime import read_meantime


def _doc(tmp_path, name, words, mentions):
    """A MEANTIME-style file: one sentence of `words`; `mentions` are (token numbers, syntactic type, instance)."""
    toks = "".join(f'<token number="{i}" sentence="0" t_id="{i + 1}">{w}</token>' for i, w in enumerate(words))
    marks, ents, rels = [], [], []
    for n, (idx, syn, inst, typ) in enumerate(mentions, 1):
        anchors = "".join(f'<token_anchor t_id="{i + 1}"/>' for i in idx)
        syn_attr = f' syntactic_type="{syn}"' if syn else ""
        marks.append(f'<ENTITY_MENTION m_id="{n}"{syn_attr}>{anchors}</ENTITY_MENTION>')
        ents.append(f'<ENTITY m_id="{100 + n}" ent_type="{typ}" TAG_DESCRIPTOR="x" instance_id="{inst}"/>')
        rels.append(f'<REFERS_TO r_id="{n}"><source m_id="{n}"/><target m_id="{100 + n}"/></REFERS_TO>')
    xml = (f'<?xml version="1.0" ?><Document doc_id="{name}" doc_name="{name}">{toks}<Markables>{"".join(marks)}'
           f'{"".join(ents)}</Markables><Relations>{"".join(rels)}</Relations></Document>')
    path = tmp_path / f"{name}.xml"
    path.write_text(xml, encoding="utf-8")
    return read_meantime(str(path))


def _entity(eid, name, type_, doc, text, aliases=()):
    start = doc.text.index(text)
    return {"id": eid, "name": name, "type": type_, "aliases": list(aliases),
            "mentions": [{"start": start, "end": start + len(text), "text": text}]}


@pytest.fixture()
def corpus(tmp_path):
    one = _doc(tmp_path, "one", ["Kestrel", "Aviation", "Corp.", "hired", "Mira", "Solberg", "."],
               [([0, 1, 2], "NAM", "kestrel", "ORG"), ([4, 5], None, "solberg", "PER")])
    two = _doc(tmp_path, "two", ["Kestrel", "Aviation", "said", "Solberg", "and", "she", "agreed", "."],
               [([0, 1], None, "kestrel", "ORG"), ([3], None, "solberg", "PER"), ([5], "PRO", "solberg", "PER")])
    return one, two


def test_gold_names_leave_out_pronouns(corpus):
    _, two = corpus
    assert [(g["instance"], two.text[g["start"]:g["end"]]) for g in gold_mentions(two)] == \
        [("kestrel", "Kestrel Aviation"), ("solberg", "Solberg")]


def test_keys_and_link_score_above_names(corpus):
    one, two = corpus
    r1 = {"id": "one", "entities": [_entity("E1", "Kestrel Aviation Corp.", "organization", one,
                                            "Kestrel Aviation Corp."),
                                    _entity("E2", "Mira Solberg", "person", one, "Mira Solberg")]}
    r2 = {"id": "two", "entities": [_entity("E1", "Kestrel Aviation", "organization", two, "Kestrel Aviation"),
                                    _entity("E2", "Solberg", "person", two, "Solberg")]}
    scores = score_identity([(one, r1), (two, r2)])
    assert scores["names"]["split_rate_multi"] == 1.0  # both split across the two articles
    assert scores["keys"]["split_rate_multi"] == 0.5  # the legal form no longer splits the company
    assert scores["linked"]["split_rate_multi"] == 0.0 and scores["linked"]["bcubed"] == (1.0, 1.0, 1.0)
    assert scores["linked"]["merge_rate"] == 0.0 and scores["linked"]["mentions"] == 4

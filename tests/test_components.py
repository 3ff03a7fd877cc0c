"""newskit's spaCy components in a pipeline of your own: `newskit_entities` finds what the command line finds."""
from __future__ import annotations

import pytest
import spacy

import newskit
from newskit.nlp import DEFAULT_MODEL

STORY = """Ferry service resumes across the sound
By Marta Olsen

BERGEN, Norway (Coastal Wire) - The Hordaland Ferry Company restarted its crossings on Tuesday after the storm
damage was repaired, director Ingrid Vik told reporters in Bergen.
"We owe our passengers a calm winter," Vik said, adding that the Norwegian Coastal Administration had approved
the repairs. Olsen reported from Stavanger.
"""


@pytest.fixture(scope="module")
def own_pipeline():
    """A plain spaCy pipeline, as a user loads it: none of newskit's components yet."""
    nlp = spacy.load(DEFAULT_MODEL)
    assert "newskit_ner" not in nlp.pipe_names and "newskit_lines" not in nlp.pipe_names
    nlp.add_pipe("newskit_entities")
    return nlp


def test_the_component_gives_the_command_lines_entities(own_pipeline):
    # Before: the component ran on the pipeline as it came (no newskit recognizer, no line splitter, no article
    # fields), so its entities differed from `newskit entities` and byline authors lost their role.
    doc = own_pipeline(STORY)
    record = newskit.analyze_text(STORY, tasks=("parse", "entities"))
    assert doc._.newskit_entities == [e.to_dict() for e in record.entities]
    assert {"newskit_lines", "newskit_ner", "newskit_ner_merge"} <= set(own_pipeline.pipe_names)
    assert "Ingrid Vik" in {e["name"] for e in doc._.newskit_entities}


def test_adding_the_component_twice_adds_newskits_pipes_once(own_pipeline):
    own_pipeline.add_pipe("newskit_entities", name="again")
    assert own_pipeline.pipe_names.count("newskit_ner") == 1
    own_pipeline.remove_pipe("again")


def test_the_component_pipeline_keeps_a_title_with_its_sentence(own_pipeline):
    # The command line's tokenizer keeps "Sgt." and "Sept." whole; a pipeline made newskit's by the component must
    # too, or its sentences (and the quotes and events read from them) differ from the command line's.
    text = '"The road stays shut," Sgt. Tom Baird said on Sept. 4.'
    assert [s.text for s in own_pipeline(text).sents] == [text]

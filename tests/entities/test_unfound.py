"""Names neither model labels in the merged layer (newskit.entities.unfound): proposed where the words around them
call them names, typed by the vote; capitalized common words stay out. Sentences written for these tests."""
from __future__ import annotations

import pytest

from newskit.entities import unfound
from newskit.entities.evidence import Dictionary
from newskit.entities.extract import extract_entities

# (text, name, type): the recognizer leaves these out and the base model alone (or no model) reads them as names
FOUND = [
    ("Hummer goes to a builder of road equipment from Sichuan, GM said on Tuesday.", "GM", "organization"),
    ("Citigroup shares slid 6 percent on Friday as the bank cut its outlook.", "Citigroup", "organization"),
    # opening a line "Saturn" is read as a common noun, yet its dealers make it the carmaker's brand
    ("Saturn dealers across Ohio have had no new cars since spring.\n\nSaturn was launched by General Motors in "
     "1990 as a new kind of car company.", "Saturn", "organization"),
    # a name no layer labelled is a place only on a place's evidence: speaking is a body's or a person's
    ("KWTB suggested that the mayor would not run again.", "KWTB", "organization"),
]

# (text, word): a capitalized dictionary word the tagger reads as a proper noun is no name, whatever its context
NOT_FOUND = [
    ("Family doctors in the county said the new rules were confusing.", "Family"),
    ("Eyewitnesses said the van was going far too fast.", "Eyewitnesses"),
    ("Controversial plans for a bypass were shelved on Monday.", "Controversial"),
]


def _types(nlp, text: str, name: str) -> list[str]:
    return [e.type for e in extract_entities(nlp(text)) if any(m.text == name for m in e.mentions)]


@pytest.mark.parametrize("text, name, expected", FOUND, ids=[n for _, n, _ in FOUND])
def test_a_name_its_context_calls_one_is_found(nlp, text, name, expected):
    assert _types(nlp, text, name) == [expected]


@pytest.mark.parametrize("text, word", NOT_FOUND, ids=[w for _, w in NOT_FOUND])
def test_a_capitalized_common_word_is_not_proposed(nlp, text, word):
    assert _types(nlp, text, word) == []


def test_nothing_is_proposed_without_a_dictionary(nlp):
    doc = nlp("Hummer goes to a builder of road equipment from Sichuan, GM said on Tuesday.")
    taken = bytearray(len(doc))
    assert unfound.propose(doc, taken, list(doc.ents), set(), Dictionary()) == []

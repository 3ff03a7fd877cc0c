"""Titles read from the parse: offices in apposition written with capitals, and which capitalized words stay."""
from __future__ import annotations

from newskit.entities import extract_entities


def _titles(nlp, text):
    return {e.name: e.titles for e in extract_entities(nlp(text)) if e.type == "person"}


def test_a_capitalized_office_in_apposition_is_a_title(nlp):
    titles = _titles(nlp, "Priya Raman, Chief Financial Officer of Corvale Foods, said sales rose in March.")
    assert titles["Priya Raman"] == ("Chief Financial Officer",)


def test_which_office_words_stay_in_the_title(nlp):
    titles = _titles(nlp, "House Majority Leader Tomas Reyes scheduled the vote for Friday.")
    assert titles["Tomas Reyes"] == ("Majority Leader",)

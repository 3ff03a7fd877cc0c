"""A wire story's sign-off ("-- Ana Ruiz, Lisbon Newsroom +351 1 555 0101"): page furniture for the layout, but its
names are read, as CoNLL-2003 marks them: the reporter a person, a desk written with a capital an organization, the
city before a lower-case "newsroom" a place (newskit.entities.span.is_signoff, rules)."""
from __future__ import annotations

import pytest

from newskit.article.builder import parse_article
from newskit.entities.extract import extract_entities
from newskit.entities.span import is_signoff

STORY = ("PORT OF LISBON TO EXPAND CONTAINER TERMINAL\nLISBON 1996-12-05\n"
         "The port of Lisbon said on Thursday it would spend 40 million dollars on a bigger container terminal.\n"
         "Work will start next spring and end in 1999, the port authority said in a statement.\n")


@pytest.mark.parametrize("line", ["-- Ana Ruiz, Lisbon Newsroom +351 1 555 0101", "-- Oslo newsroom, +47 22 00 11 22",
                                  "-- Tom Baird (212) 555-0199, e-mail: tom.baird@example.com",
                                  "-- Harbour Desk, 212-555-0142"])
def test_a_sign_off_line(line):
    assert is_signoff(line)


@pytest.mark.parametrize("line", ["-- The shares were down 1/16 at 3-11/16.",
                                  "Ana Ruiz, Lisbon Newsroom +351 1 555 0101",
                                  "-- Call the port on 555 0101 for details and bookings"])
def test_no_sign_off(line):
    assert not is_signoff(line)


@pytest.mark.parametrize("signoff, names", [
    ("-- Ana Ruiz, Lisbon Newsroom +351 1 555 0101", {("Ana Ruiz", "person"), ("Lisbon Newsroom", "organization")}),
    ("-- Porto newsroom, +351 2 555 0101", {("Porto", "place")}),
])
def test_the_names_of_a_sign_off_are_read(nlp, signoff, names):
    text = STORY + signoff + "\n"
    at = len(STORY)
    got = {(m.text, e.type) for e in extract_entities(nlp(text), parse_article(text)) for m in e.mentions
           if m.start >= at}
    assert got == names

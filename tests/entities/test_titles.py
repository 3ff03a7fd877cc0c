"""Titles read from the parse: offices in apposition written with capitals, and which capitalized words stay."""
from __future__ import annotations

from newskit.entities import extract_entities
from newskit.entities.titles import office_before


def _titles(nlp, text):
    return {e.name: e.titles for e in extract_entities(nlp(text)) if e.type == "person"}


def test_a_capitalized_office_in_apposition_is_a_title(nlp):
    titles = _titles(nlp, "Priya Raman, Chief Financial Officer of Corvale Foods, said sales rose in March.")
    assert titles["Priya Raman"] == ("Chief Financial Officer",)


def test_which_office_words_stay_in_the_title(nlp):
    titles = _titles(nlp, "House Majority Leader Tomas Reyes scheduled the vote for Friday.")
    assert titles["Tomas Reyes"] == ("Majority Leader",)


def test_an_office_of_a_body_named_before_the_holder_is_the_holders_title(nlp):
    titles = _titles(nlp, "The memo reached Deputy Commissioner of the Coast Guard for Logistics Helen Marsh on "
                          "Monday, and the Director of Corvale Foods Priya Raman replied.")
    assert titles["Helen Marsh"] == ("Deputy Commissioner",)
    assert titles["Priya Raman"] == ("Director",)


def test_a_name_after_a_body_without_an_office_gets_no_title_from_it(nlp):
    titles = _titles(nlp, "The report of the Coast Guard reached Helen Marsh on Monday.")
    assert titles.get("Helen Marsh", ()) == ()


def test_an_office_of_a_body_is_not_given_to_a_person_after_a_verb(nlp):
    titles = _titles(nlp, "The Director of Finance said Helen Marsh would leave.")
    assert "Director" not in titles.get("Helen Marsh", ())


def test_a_lowercase_word_before_of_is_no_office_of_the_next_name(nlp):
    doc = nlp.make_doc("Olsen, the editor of Harbor Lights Marcus Bell, left; the Editor of Harbor Lights Ann Cole "
                       "stayed.")
    bell, cole = [i for i, t in enumerate(doc) if t.text in ("Marcus", "Ann")]
    assert office_before(doc, bell - 1) is None
    assert office_before(doc, cole - 1) is not None


def test_a_firm_whose_name_opens_with_a_title_word_is_no_part_of_the_title(nlp):
    titles = _titles(nlp, "General Motors Chief Executive Rick Wagoner told analysts the plant would close.")
    assert titles["Rick Wagoner"] == ("Chief Executive",)


def test_a_hyphenated_title_before_the_name_is_kept_whole(nlp):
    titles = _titles(nlp, "President-elect Marta Velasquez said on Sunday that the plant was vital. Vice "
                          "President-elect Oren Blakely agreed.")
    assert titles["Marta Velasquez"] == ("President-elect",)
    assert titles["Oren Blakely"] == ("Vice President-elect",)

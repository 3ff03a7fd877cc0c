"""Spans that run two names of one article together are cut into those names; a long name cut before its acronym
is made whole."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from newskit.article import parse_article
from newskit.entities import extract_entities
from newskit.entities.clean import _country_and_acronym, _person_after_body, ner_mentions, trim
from newskit.entities.mentions import _quoted_nicknames, _spell_out, _split_joined
from newskit.entities.span import Layout, Mention


def _mention(doc, text: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return Mention(span.start_char, span.end_char, span.text, label, span.start, span.end, "ner")


def _texts(doc, parts: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(doc[a:b].text, label) for a, b, label in parts]


@pytest.mark.parametrize(("sentence", "span", "parts"), [
    ("She met the Under Secretary of the Navy Margaret Tamsin today.", "Navy Margaret Tamsin",
     [("Navy", "ORG"), ("Margaret Tamsin", "PERSON")]),
    ("Deputy Director of the Coast Guard for Operations Peter Olafsen spoke. The Coast Guard agreed.",
     "Coast Guard for Operations Peter Olafsen", [("Coast Guard", "ORG"), ("Peter Olafsen", "PERSON")]),
    ("Deputy Commissioner of the Coast Guard for Logistics Helen Marsh spoke.", "Logistics Helen Marsh",
     [("Helen Marsh", "PERSON")]),  # the span opens inside the part of the body the office runs
])
def test_the_holder_of_an_office_is_cut_from_the_body_the_office_belongs_to(nlp, sentence, span, parts):
    doc = nlp.make_doc(sentence)
    m = _mention(doc, span, "ORG")
    assert _texts(doc, _person_after_body(doc, m.tstart, m.tend, "ORG")) == parts


@pytest.mark.parametrize(("sentence", "span"), [
    ("He joined the Bank of Montreal Harbour Branch last year.", "Montreal Harbour Branch"),  # no office before it
    ("Director of the Institute for Marine Studies Karl Brandt spoke.", "Institute for Marine Studies"),  # "for" kept
    ("The Secretary of the Treasury said so.", "Treasury"),  # no holder named
])
def test_a_body_without_a_holder_or_an_office_stays_whole(nlp, sentence, span):
    doc = nlp.make_doc(sentence)
    m = _mention(doc, span, "ORG")
    assert _person_after_body(doc, m.tstart, m.tend, "ORG") == [(m.tstart, m.tend, "ORG")]


@pytest.mark.parametrize(("sentence", "span", "acronym"), [
    ("Deal for UK NHS trusts. The National Health Service (NHS) signed it.", "UK NHS", "NHS"),
    ("The UK MoD bought boats. The Ministry of Defence (MoD) paid for them.", "UK MoD", "MoD"),
])
def test_a_country_code_before_an_acronym_the_article_uses_alone_is_a_place_of_its_own(nlp, sentence, span,
                                                                                         acronym):
    doc = nlp.make_doc(sentence)
    m = _mention(doc, span, "ORG")
    assert _texts(doc, _country_and_acronym(doc, m.tstart, m.tend, "ORG")) == [("UK", "GPE"), (acronym, "ORG")]


@pytest.mark.parametrize("sentence", [
    "Deal for UK NHS trusts was signed.",  # the acronym never stands alone
    "The US Navy sailed.",  # not an acronym
])
def test_a_country_before_a_name_stays_one_span_otherwise(nlp, sentence):
    doc = nlp.make_doc(sentence)
    span = "UK NHS" if "NHS" in sentence else "US Navy"
    m = _mention(doc, span, "ORG")
    assert _country_and_acronym(doc, m.tstart, m.tend, "ORG") == [(m.tstart, m.tend, "ORG")]


def test_two_parties_glued_by_a_hyphen_before_a_noun_are_two_names(nlp):
    doc = nlp("Leaked memos shake Vantor-Coast Guard supply talks. Vantor denied it. The Coast Guard declined.")
    found = [_mention(doc, "Vantor-Coast Guard", "ORG"), _mention(doc, "Vantor", "ORG", 1),
             _mention(doc, "Coast Guard", "ORG", 1)]
    assert [m.text for m in _split_joined(doc, found, Layout(None))] == ["Vantor", "Coast Guard", "Vantor",
                                                                         "Coast Guard"]


def test_a_hyphenated_name_used_as_a_name_stays_whole(nlp):
    doc = nlp("Bids came from Orlen-Marquet and others. Orlen and Marquet had talked for months.")
    found = [_mention(doc, "Orlen-Marquet", "ORG"), _mention(doc, "Orlen", "ORG", 1),
             _mention(doc, "Marquet", "ORG", 1)]
    assert [m.text for m in _split_joined(doc, found, Layout(None))] == ["Orlen-Marquet", "Orlen", "Marquet"]


def test_a_family_name_opening_a_sentence_after_u_s_is_the_person(nlp):
    doc = nlp("Dana Whitlock spoke first. Sales doubled in the U.S. Whitlock also said prices would fall.")
    found = [_mention(doc, "Dana Whitlock", "PERSON"), _mention(doc, "U.S. Whitlock", "ORG")]
    out = _split_joined(doc, found, Layout(None))
    assert [(m.text, m.label) for m in out] == [("Dana Whitlock", "PERSON"), ("U.S.", "GPE"), ("Whitlock", "PERSON")]
    assert all(doc.text[m.start:m.end] == m.text for m in out)


def test_a_long_name_cut_at_and_takes_the_words_its_acronym_stands_for(nlp):
    text = "The Northern Rail and Tram Authority (NRTA) raised fares."
    doc = nlp.make_doc(text)
    found = [_mention(doc, "Northern Rail", "ORG"), _mention(doc, "NRTA", "ORG")]
    out = _spell_out(doc, found)
    assert [m.text for m in out] == ["Northern Rail and Tram Authority", "NRTA"]
    assert text[out[0].start:out[0].end] == out[0].text and doc[out[0].tstart:out[0].tend].text == out[0].text


def test_a_name_followed_by_an_unrelated_acronym_is_not_grown(nlp):
    doc = nlp.make_doc("Northern Rail and Mersey Buses (UNITE) walked out.")
    found = [_mention(doc, "Northern Rail", "ORG"), _mention(doc, "UNITE", "ORG")]
    assert [m.text for m in _spell_out(doc, found)] == ["Northern Rail", "UNITE"]


def test_an_office_holder_in_an_article_is_a_person_and_the_body_an_organization(nlp):
    text = ("Pentagon emails leaked\nMay 3, 2004\nThe memo went to Assistant Secretary of the Navy for Logistics "
            "Harold Quimby on Monday. The Navy said it would reply.")
    ents = extract_entities(nlp(text), parse_article(text))
    people = {e.name for e in ents if e.type == "person"}
    orgs = {e.name for e in ents if e.type == "organization"}
    assert "Harold Quimby" in people
    assert not any("Quimby" in o or "Logistics" in o for o in orgs)


def test_a_person_span_that_took_in_the_body_of_an_office_gives_the_body_back(nlp):
    doc = nlp.make_doc("Secretary of the Army Susan Ostrow toured the base.")
    m = _mention(doc, "Army Susan Ostrow", "PERSON")
    assert _texts(doc, _person_after_body(doc, m.tstart, m.tend, "PERSON")) == [("Army", "ORG"),
                                                                                 ("Susan Ostrow", "PERSON")]
    only = _mention(doc, "Susan Ostrow", "PERSON")  # a person span that is just the holder stays as it is
    assert _person_after_body(doc, only.tstart, only.tend, "PERSON") == [(only.tstart, only.tend, "PERSON")]


def test_a_name_does_not_end_in_a_joining_word(nlp):
    doc = nlp.make_doc("The Bank of Tasmania for years refused.")
    assert doc[trim(doc, 1, 5, "ORG")[0]:trim(doc, 1, 5, "ORG")[1]].text == "Bank of Tasmania"
    assert doc[slice(*trim(doc, 1, 4, "ORG"))].text == "Bank of Tasmania"


def test_a_family_name_after_a_firms_legal_form_is_the_person(nlp):
    doc = nlp("Dana Whitlock runs Corvale Foods. Sales rose at Corvale Foods Inc. Whitlock said costs fell.")
    found = [_mention(doc, "Dana Whitlock", "PERSON"), _mention(doc, "Corvale Foods", "ORG"),
             _mention(doc, "Corvale Foods Inc. Whitlock", "ORG")]
    out = _split_joined(doc, found, Layout(None))
    assert [(m.text, m.label) for m in out][2:] == [("Corvale Foods Inc.", "ORG"), ("Whitlock", "PERSON")]


def test_a_place_cut_after_of_is_joined_to_the_name_right_after_it(nlp):
    doc = nlp.make_doc("Ships crossed the Gulf of Tarsis at dawn near the Bank of Leeds for Harwick.")
    doc.ents = [Span(doc, 3, 5, label="LOC"), Span(doc, 5, 6, label="LOC"), Span(doc, 10, 14, label="ORG"),
                Span(doc, 14, 15, label="PERSON")]
    assert [(m.text, m.label) for m in ner_mentions(doc, Layout(None))] == [
        ("Gulf of Tarsis", "LOC"), ("Bank of Leeds", "ORG"), ("Harwick", "PERSON")]


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
def test_a_nationality_before_a_given_and_family_name_is_left_out_of_the_person(nlp, label):
    doc = nlp.make_doc("Canadian Laura Brisbois won the final.")
    doc.ents = [Span(doc, 0, 3, label=label)]
    assert [(m.text, m.label) for m in ner_mentions(doc, Layout(None))] == [("Laura Brisbois", "PERSON")]


@pytest.mark.parametrize(("sentence", "end"), [
    ("Canadian Pacific Railway cut jobs.", 3),  # no given name after the adjective: a firm
    ("Canadian Laura won.", 2),  # too short to be adjective, given name and family name
])
def test_a_nationality_opening_another_name_stays(nlp, sentence, end):
    doc = nlp.make_doc(sentence)
    doc.ents = [Span(doc, 0, end, label="ORG")]
    assert [m.text for m in ner_mentions(doc, Layout(None))] == [doc[0:end].text]


def test_a_joined_name_takes_the_type_of_its_head(nlp):
    doc = nlp.make_doc("Fans filled Bank of Carolina Stadium while the University of Tarsis lost.")
    doc.ents = [Span(doc, 2, 4, label="ORG"), Span(doc, 4, 6, label="FAC"), Span(doc, 8, 10, label="ORG"),
                Span(doc, 10, 11, label="GPE")]
    assert [(m.text, m.label) for m in ner_mentions(doc, Layout(None))] == [
        ("Bank of Carolina Stadium", "FAC"), ("University of Tarsis", "ORG")]


def test_a_lone_joining_word_is_no_name_and_joins_nothing(nlp):
    doc = nlp.make_doc("Schools in Black and Brown towns stayed open.")
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 3, 4, label="ORG"), Span(doc, 4, 5, label="ORG")]
    assert [m.text for m in ner_mentions(doc, Layout(None))] == ["Black", "Brown"]


def test_a_saints_town_is_not_cut_before_a_given_name_the_article_uses(nlp):
    doc = nlp("Louis Marchand flew home. Fans in St. Louis cheered.")
    found = [_mention(doc, "Louis Marchand", "PERSON"), _mention(doc, "St. Louis", "GPE")]
    assert [m.text for m in _split_joined(doc, found, Layout(None))] == ["Louis Marchand", "St. Louis"]


def test_a_nickname_in_quotes_inside_a_name_makes_one_person(nlp):
    text = ('Margaret "Peggy" Alder took over the carmaker, and Theodore J. \u201cTed\u201d Brandt Jr. stays on. '
            'Plants in Dayton "Ohio" Mills stay open.')
    doc = nlp.make_doc(text)
    found = [_mention(doc, "Margaret", "ORG"), _mention(doc, "Peggy", "PERSON"), _mention(doc, "Alder", "GPE"),
             _mention(doc, "Dayton", "GPE"), _mention(doc, "Mills", "PERSON")]
    out = _quoted_nicknames(doc, found, Layout(None))
    assert [(m.text, m.label) for m in out] == [('Margaret "Peggy" Alder', "PERSON"),
                                                ("Theodore J. \u201cTed\u201d Brandt Jr.", "PERSON"),
                                                ("Dayton", "GPE"), ("Mills", "PERSON")]
    assert all(text[m.start:m.end] == m.text for m in out)


def test_a_name_with_a_quoted_nickname_is_keyed_and_shortened_as_the_person(nlp):
    text = ('Frederick "Fritz" Kessel became chief executive of the carmaker on Monday. Fritz Kessel said the '
            'company would shrink. Kessel thanked the workers.')
    doc = nlp(text)
    people = [e for e in extract_entities(doc, parse_article(text)) if e.type == "person"]
    assert [(e.name, e.key) for e in people] == [('Frederick "Fritz" Kessel', "person:frederick kessel")]
    assert set(people[0].aliases) == {"Fritz Kessel", "Kessel"}


@pytest.mark.parametrize(("sentence", "span", "kept"), [
    ("Shares of Harwick Mining fell sharply.", "Shares of Harwick Mining", "Harwick Mining"),
    ("Workers at Delmont Motors voted on Friday.", "Workers at Delmont Motors", "Delmont Motors"),
    ("Officials of the Ostrander Group declined to comment.", "Officials of the Ostrander Group",
     "the Ostrander Group"),
    ("Friends of the Marsh met on Friday.", "Friends of the Marsh", "Friends of the Marsh"),  # a name of its own
])
def test_what_a_body_has_or_who_works_for_it_is_cut_from_the_front_of_its_name(nlp, sentence, span, kept):
    from newskit.entities.clean import _owned_lead

    doc = nlp.make_doc(sentence)
    m = _mention(doc, span, "ORG")
    s, e = _owned_lead(doc, m.tstart, m.tend, "ORG")
    assert doc[s:e].text == kept


@pytest.mark.parametrize(("sentence", "span", "alone", "parts"), [
    ("Talks with Corran and Bank of Tessaly Corp. failed. Bank of Tessaly said so.",
     "Corran and Bank of Tessaly Corp.", ["Bank of Tessaly"], ["Corran", "Bank of Tessaly Corp."]),
    ("Talks with Corran and Bank of Tessaly Corp. failed, Corran said.", "Corran and Bank of Tessaly Corp.",
     ["Corran"], ["Corran", "Bank of Tessaly Corp."]),
    # a firm whose own name holds "and": its parts are no names of the article alone
    ("Pryor and Gamble Co. rose.", "Pryor and Gamble Co.", [], ["Pryor and Gamble Co."]),
    # nor is the model's piece of the same name written again
    ("Pies and Pints opened. Fans of Pies and Pints came.", "Pies and Pints", ["Pies"], ["Pies and Pints"]),
])
def test_two_firms_run_together_are_cut_when_the_article_names_one_alone(nlp, sentence, span, alone, parts):
    from newskit.entities.clean import _coordinated

    doc = nlp.make_doc(sentence)
    m = _mention(doc, span, "ORG")
    spans = {}  # each name the model found alone: its last occurrence in the sentence
    for name in alone:
        start = sentence.rindex(name)
        spans[name] = [(start, start + len(name))]
    assert [doc[a:b].text for a, b in _coordinated(doc, m.tstart, m.tend, "ORG", spans)] == parts


@pytest.mark.parametrize(("sentence", "first", "second", "names"), [
    ("Marrow Stanton and Goldwin Sachs fell.", "Marrow Stanton and", "Goldwin Sachs",
     ["Marrow Stanton and", "Goldwin Sachs"]),
    ("The Department of Health and Human Services met.", "Department of Health and", "Human Services",
     ["Department of Health and Human Services"]),  # the last word names the one body
    ("The Bay of Biscay was calm.", "Bay of", "Biscay", ["Bay of Biscay"]),
])
def test_two_names_the_model_found_either_side_of_and_stay_two(nlp, sentence, first, second, names):
    from newskit.entities.clean import _glued

    doc = nlp.make_doc(sentence)
    a, b = _mention(doc, first, "ORG"), _mention(doc, second, "ORG")
    doc.ents = [Span(doc, a.tstart, a.tend, label="ORG"), Span(doc, b.tstart, b.tend, label="ORG")]
    assert [doc[s:e].text for s, e, _ in _glued(doc)] == names


@pytest.mark.parametrize(("sentence", "spans", "names"), [
    ("Corwen's Ratings Services cut the bank.", ["Corwen", "Ratings Services"], ["Corwen's Ratings Services"]),
    ("Hallam's Corp. rose.", ["Hallam", "'s Corp."], ["Hallam's Corp."]),
    ("Tessaly's Harbor Authority met.", ["Tessaly", "Harbor Authority"], ["Tessaly", "Harbor Authority"]),
])
def test_a_firm_named_with_a_possessive_is_one_name(nlp, sentence, spans, names):
    from newskit.entities.clean import _glued

    doc = nlp.make_doc(sentence)
    ms = [_mention(doc, t, "ORG") for t in spans]
    doc.ents = [Span(doc, m.tstart, m.tend, label="ORG") for m in ms]
    assert [doc[s:e].text for s, e, _ in _glued(doc)] == names


def test_a_firm_named_with_a_possessive_keeps_its_service_name_whole(nlp):
    from newskit.entities.clean import _cut

    doc = nlp.make_doc("Corwen's Investors Service and Aldine Computer's Mac OS were named.")
    firm, product = _mention(doc, "Corwen's Investors Service", "ORG"), _mention(doc, "Aldine Computer's Mac OS", "ORG")
    assert [doc[s:e].text for s, e in _cut(doc, firm.tstart, firm.tend, "ORG")] == ["Corwen's Investors Service"]
    assert [doc[s:e].text for s, e in _cut(doc, product.tstart, product.tend, "ORG")] == ["Aldine Computer", "Mac OS"]


def test_a_firms_first_word_left_out_is_given_back_where_the_story_writes_the_two_together(nlp):
    from newskit.entities.clean import _glued

    doc = nlp.make_doc("KLMorgan Chase & Co. bought it. KLMorgan Chase said so. Acme Chase & Co. did not.")
    spans = [_mention(doc, "Chase & Co.", "ORG"), _mention(doc, "KLMorgan Chase", "ORG", 1),
             _mention(doc, "Chase & Co.", "ORG", 1)]
    doc.ents = [Span(doc, m.tstart, m.tend, label="ORG") for m in spans]
    assert [doc[s:e].text for s, e, _ in _glued(doc)] == ["KLMorgan Chase & Co.", "KLMorgan Chase", "Chase & Co."]
    doc = nlp.make_doc("KLMorgan Chase & Co. bought it. KLMorgan shares rose.")
    spans = [_mention(doc, "Chase & Co.", "ORG"), _mention(doc, "KLMorgan", "ORG", 1)]
    doc.ents = [Span(doc, m.tstart, m.tend, label="ORG") for m in spans]
    assert [doc[s:e].text for s, e, _ in _glued(doc)] == ["KLMorgan Chase & Co.", "KLMorgan"]
    # the model's two names side by side, the second ending in a legal form: one firm
    doc = nlp.make_doc("Banks including KLMorgan Chase & Co. and Velt Inc. rose.")
    spans = [_mention(doc, "KLMorgan", "ORG"), _mention(doc, "Chase & Co.", "ORG"), _mention(doc, "Velt Inc.", "ORG")]
    doc.ents = [Span(doc, m.tstart, m.tend, label="ORG") for m in spans]
    assert [doc[s:e].text for s, e, _ in _glued(doc)] == ["KLMorgan Chase & Co.", "Velt Inc."]


def test_a_firm_ending_a_sentence_on_its_legal_form_does_not_take_the_next_sentences_first_word(nlp):
    text = ("Bond prices rose, said Tamsin Rowe, an economist at Harlow Pryce & Co. Copper fell 2 percent on the "
            "London market. Gold was flat.")
    ents = extract_entities(nlp(text), parse_article(text))
    orgs = {e.name for e in ents if e.type == "organization"}
    assert "Harlow Pryce & Co." in orgs
    assert not any("Copper" in e.name for e in ents)


def test_a_datelines_dash_after_a_state_abbreviation_ends_the_place(nlp):
    # "Wal - Mart" (a word on each side of a spaced hyphen) is one detokenized name; a dot before the dash is an
    # abbreviation's, and the dash the dateline's
    text = "Carrier takes over rival\n\nAUBURN HILLS, Mich. - Fiat took control of Chrysler on Wednesday.\n"
    doc = nlp(text)
    names = {m.text for e in extract_entities(doc, parse_article(text)) for m in e.mentions}
    assert "Mich." in names and not any(" - " in n for n in names)


@pytest.mark.parametrize(("sentence", "names"), [
    ("A rescue for General Motors and Chrysler died in the Senate on Thursday.", {"General Motors", "Chrysler"}),
    ("Lehman Brothers and Merrill Lynch fell sharply in early trading.", {"Lehman Brothers", "Merrill Lynch"}),
    # a firm named for two people holds "and" itself
    ("Procter and Gamble raised its prices on Friday.", {"Procter and Gamble"}),
])
def test_two_firms_joined_by_and_are_two_names(nlp, sentence, names):
    found = {m.text for e in extract_entities(nlp(sentence)) for m in e.mentions if e.type == "organization"}
    assert names <= found and not any(" and " in n for n in found - names)

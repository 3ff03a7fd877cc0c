"""The CoNLL recognizer's names merged with the base model's other types; one type per name; BILUO decoding."""
from __future__ import annotations

from spacy.tokens import Span

from blank_spans import labels as _labels
from blank_spans import make_doc as _doc
from blank_spans import span as _span
from newskit.entities.combine import combine
from newskit.entities.tagger import decode


def test_conll_names_win_and_other_types_stay():
    doc = _doc("Airbus chief Tom Enders said on Monday in Toulouse that French buyers paid $5 billion.")
    conll = [_span(doc, "Airbus", "ORG"), _span(doc, "Tom Enders", "PER"), _span(doc, "Toulouse", "LOC"),
             _span(doc, "French", "MISC")]
    base = [_span(doc, "Airbus", "PERSON"), _span(doc, "Tom Enders", "PERSON"), _span(doc, "Monday", "DATE"),
            _span(doc, "Toulouse", "GPE"), _span(doc, "French", "NORP"), _span(doc, "$5 billion", "MONEY")]
    assert _labels(combine(conll, base)) == [("Airbus", "ORG"), ("Tom Enders", "PERSON"), ("Monday", "DATE"),
                                             ("Toulouse", "GPE"), ("French", "NORP"), ("$5 billion", "MONEY")]


def test_base_names_the_conll_layer_left_out_are_dropped_unless_asked():
    doc = _doc("Reuters reported that Acme Corp grew.")
    base = [_span(doc, "Reuters", "ORG"), _span(doc, "Acme Corp", "ORG")]
    conll = [_span(doc, "Acme Corp", "ORG")]
    assert _labels(combine(conll, base)) == [("Acme Corp", "ORG")]
    assert _labels(combine(conll, base, keep_base_names={"ORG"})) == [("Reuters", "ORG"), ("Acme Corp", "ORG")]


def test_a_base_name_inside_a_misc_span_is_not_kept():
    doc = _doc("He won the Boston Marathon.")
    base = [_span(doc, "Boston", "GPE")]
    conll = [_span(doc, "Boston Marathon", "MISC")]
    assert combine(conll, base, keep_base_names={"ORG"}) == []


def test_numbers_and_dates_beat_a_colliding_name():
    doc = _doc("The 1996 Olympics ended.")
    base = [_span(doc, "1996", "DATE")]
    conll = [_span(doc, "1996 Olympics", "ORG")]
    assert _labels(combine(conll, base)) == [("1996", "DATE")]


def test_a_place_keeps_the_base_models_finer_label():
    doc = _doc("They crossed the Alps.")
    assert _labels(combine([_span(doc, "Alps", "LOC")], [_span(doc, "Alps", "LOC")])) == [("Alps", "LOC")]
    assert _labels(combine([_span(doc, "Alps", "LOC")], [])) == [("Alps", "GPE")]


def test_decode_reads_biluo_and_ill_formed_runs():
    assert decode(["B-PER", "L-PER", "O", "U-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert decode(["I-ORG", "I-ORG", "B-PER", "I-PER", "O"]) == [(0, 2, "ORG"), (2, 4, "PER")]
    assert decode(["B-ORG", "I-ORG", "L-LOC"]) == [(0, 3, "ORG")]  # one name, the label most words carry
    assert decode(["B-ORG", "U-PER", "B-LOC"]) == [(0, 1, "ORG"), (1, 2, "PER"), (2, 3, "LOC")]
    assert decode(["U-ORG", "U-ORG"]) == [(0, 1, "ORG"), (1, 2, "ORG")]
    assert decode([]) == []


def test_combined_spans_are_valid_ents():
    doc = _doc("Airbus and Boeing met in Paris.")
    doc.ents = combine([_span(doc, "Airbus", "ORG"), _span(doc, "Paris", "LOC")],
                       [Span(doc, 0, 3, label="ORG")])
    assert _labels(doc.ents) == [("Airbus", "ORG"), ("Paris", "GPE")]


def test_a_person_cut_short_takes_the_base_models_whole_name():
    doc = _doc("Foreign Minister Choe Sun-hui’s trip and Jesse Owens's record.")
    conll = [_span(doc, "Choe", "PER"), _span(doc, "Sun", "MISC"), _span(doc, "Jesse Owens", "PER")]
    base = [_span(doc, "Choe Sun-hui", "PERSON"), _span(doc, "Jesse Owens's", "PERSON")]
    assert _labels(combine(conll, base)) == [("Choe Sun-hui", "PERSON"), ("Jesse Owens", "PERSON")]


def test_a_capitals_label_before_a_colon_is_not_a_name():
    doc = _doc("A view of Pyongyang. PHOTO: Unsplash\nBRUSSELS: The EU met.")
    conll = [_span(doc, "Pyongyang", "LOC"), _span(doc, "PHOTO", "LOC"), _span(doc, "BRUSSELS", "LOC"),
             _span(doc, "EU", "ORG")]
    base = [_span(doc, "Pyongyang", "GPE"), _span(doc, "BRUSSELS", "GPE")]
    assert _labels(combine(conll, base)) == [("Pyongyang", "GPE"), ("BRUSSELS", "GPE"), ("EU", "ORG")]


def test_a_company_named_with_a_rank_is_the_company():
    doc = _doc("Helix Motors bought General Electric.")
    conll = [_span(doc, "Helix Motors", "ORG"), _span(doc, "Electric", "PER")]
    base = [_span(doc, "Helix Motors", "ORG"), _span(doc, "General Electric", "ORG")]
    assert _labels(combine(conll, base)) == [("Helix Motors", "ORG"), ("General Electric", "ORG")]


def test_a_nationality_word_the_recognizer_reads_apart_does_not_widen_a_person_into_a_firm():
    doc = _doc("American Dennis Mitchell won the 100 metres.")
    conll = [_span(doc, "American", "MISC"), _span(doc, "Dennis Mitchell", "PER")]
    base = [_span(doc, "American Dennis Mitchell", "ORG")]
    assert ("Dennis Mitchell", "PERSON") in _labels(combine(conll, base))


def test_a_city_after_visit_stays_a_city_not_its_club():
    doc = _doc("Weber will visit Hamburg. Hamburg beat Bremen.")
    conll = [_span(doc, "Weber", "PER"), _span(doc, "Hamburg", "ORG"), _span(doc, "Hamburg", "ORG", 1),
             _span(doc, "Bremen", "ORG")]
    base = [_span(doc, "Weber", "PERSON"), _span(doc, "Hamburg", "GPE"), _span(doc, "Hamburg", "GPE", 1)]
    # one name, one type: the base model and the gazetteer make Hamburg the city in both sentences
    assert _labels(combine(conll, base)) == [("Weber", "PERSON"), ("Hamburg", "GPE"), ("Hamburg", "GPE"),
                                             ("Bremen", "ORG")]


def test_abutting_pieces_of_one_base_name_are_rejoined():
    doc = _doc("Envoys of the People's Republic of China met Germany France officials.")
    conll = [_span(doc, "People", "LOC"), _span(doc, "'s", "LOC"), _span(doc, "Republic of", "LOC"),
             _span(doc, "China", "LOC"), _span(doc, "Germany", "LOC"), _span(doc, "France", "LOC")]
    base = [_span(doc, "the People's Republic of China", "GPE"), _span(doc, "Germany", "GPE"),
            _span(doc, "France", "GPE")]
    assert _labels(combine(conll, base)) == [("People's Republic of China", "GPE"), ("Germany", "GPE"),
                                             ("France", "GPE")]
    # pieces the CoNLL layer typed differently, or that leave a base word uncovered, stay as they are
    conll = [_span(doc, "People", "LOC"), _span(doc, "Republic of", "ORG"), _span(doc, "China", "LOC")]
    assert [t for t, _ in _labels(combine(conll, base[:1]))] == ["People", "Republic of", "China"]
    conll = [_span(doc, "Republic of", "LOC"), _span(doc, "China", "LOC")]
    assert [t for t, _ in _labels(combine(conll, base[:1]))] == ["Republic of", "China"]
    doc = _doc("Officials of the state Department of Revenue said so.")
    conll = [_span(doc, "state", "ORG"), _span(doc, "Department of Revenue", "ORG")]
    base = [_span(doc, "the state Department of Revenue", "ORG")]
    assert [t for t, _ in _labels(combine(conll, base))] == ["state", "Department of Revenue"]


def test_a_maker_and_its_model_designation_are_one_product():
    doc = _doc("Norwind ordered six Kestrel K450 jets and two Vela 919s from the maker.")
    conll = [_span(doc, "Norwind", "ORG"), _span(doc, "Kestrel K450", "MISC"), _span(doc, "Vela", "MISC")]
    base = [_span(doc, "Norwind", "ORG"), _span(doc, "six", "CARDINAL"), _span(doc, "Kestrel", "ORG"),
            _span(doc, "K450", "PRODUCT"), _span(doc, "two", "CARDINAL"), _span(doc, "Vela", "ORG")]
    assert _labels(combine(conll, base)) == [("Norwind", "ORG"), ("six", "CARDINAL"), ("Kestrel K450", "PRODUCT"),
                                             ("two", "CARDINAL"), ("Vela 919s", "PRODUCT")]


def test_a_designation_the_base_model_calls_a_product_is_no_organization():
    doc = _doc("Deliveries of the K450 and of the Orbo X7 slipped to spring.")
    conll = [_span(doc, "K450", "ORG"), _span(doc, "Orbo", "ORG")]
    base = [_span(doc, "K450", "PRODUCT"), _span(doc, "Orbo X7", "PRODUCT"), _span(doc, "spring", "DATE")]
    assert _labels(combine(conll, base)) == [("K450", "PRODUCT"), ("Orbo X7", "PRODUCT"), ("spring", "DATE")]


def test_a_name_before_a_score_or_a_year_is_no_product():
    doc = _doc("Harlow 3 1 0 2 and Dunmore 1998 results.")
    conll = [_span(doc, "Harlow", "MISC"), _span(doc, "Dunmore", "MISC")]
    base = [_span(doc, "Harlow", "ORG"), _span(doc, "Dunmore", "ORG"), _span(doc, "1998", "DATE")]
    assert "PRODUCT" not in {label for _, label in _labels(combine(conll, base))}


def test_a_place_the_conll_layer_cut_short_takes_the_base_models_whole_name():
    doc = _doc("The fair opened in the Halvard North Exhibition Hall on Friday; flights left Tarnby Regional Airport.")
    conll = [_span(doc, "North Exhibition Hall", "LOC"), _span(doc, "Tarnby Regional", "LOC")]
    base = [_span(doc, "the Halvard North Exhibition Hall", "FAC"), _span(doc, "Friday", "DATE"),
            _span(doc, "Tarnby Regional Airport", "FAC")]
    assert _labels(combine(conll, base)) == [("Halvard North Exhibition Hall", "FAC"), ("Friday", "DATE"),
                                             ("Tarnby Regional Airport", "FAC")]


def test_a_base_place_running_past_a_comma_does_not_widen_the_conll_place():
    doc = _doc("She lives in Dunmore, Ohio now.")
    conll = [_span(doc, "Dunmore", "LOC"), _span(doc, "Ohio", "LOC")]
    base = [_span(doc, "Dunmore, Ohio", "GPE")]
    assert _labels(combine(conll, base)) == [("Dunmore", "GPE"), ("Ohio", "GPE")]


def test_a_name_with_a_middle_initial_the_recognizer_types_apart_is_one_person():
    doc = _doc("Maren T. Holloway, the lender's chair, said rates would rise. Oslo Harbour Port Jensen agreed.")
    conll = [_span(doc, "Maren", "LOC"), _span(doc, "T. Holloway", "PER"), _span(doc, "Oslo Harbour", "LOC"),
             _span(doc, "Port Jensen", "PER")]
    base = [_span(doc, "Maren T. Holloway", "PERSON"), _span(doc, "Oslo Harbour Port Jensen", "PERSON")]
    # without an initial between them, pieces of two types stay two names, whatever the base model read
    assert _labels(combine(conll, base)) == [("Maren T. Holloway", "PERSON"), ("Oslo Harbour", "GPE"),
                                             ("Port Jensen", "PERSON")]

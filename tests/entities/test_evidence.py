"""The article-level type vote: evidence, not mention counts, decides a name's one type."""
from __future__ import annotations

from blank_spans import NLP
from blank_spans import labels as _labels
from blank_spans import make_doc as _doc
from blank_spans import span as _span
from newskit.entities import evidence
from newskit.entities.combine import combine
from newskit.nlp import verify_model


def test_weights_are_shipped_and_match_the_features():
    w = evidence.weights()
    assert w is not None and len(w) == len(evidence.CLASSES)
    assert all(len(row) == len(evidence.FEATURES) for row in w)


def test_the_learned_files_match_their_pinned_hashes():
    assert verify_model(evidence.PACKAGE, evidence.HASHES) == []
    listed = [ln.split()[1] for ln in evidence.HASHES.read_text(encoding="utf-8").splitlines()
              if ln.strip() and not ln.startswith("#")]
    assert listed == ["data/type_vote.json", "lexicon/names/given_names.txt"]


def test_a_one_word_firm_the_recognizer_calls_a_person_is_no_person_without_person_evidence():
    doc = _doc("Chrysler cut jobs on Tuesday. Shares of Chrysler fell after the automaker warned.")
    names = [_span(doc, "Chrysler", "PERSON"), _span(doc, "Chrysler", "PERSON", 1)]
    base = [_span(doc, "Chrysler", "ORG"), _span(doc, "Chrysler", "ORG", 1)]
    assert {s.label_ for s in evidence.vote(names, base)} == {"ORG"}


def test_more_mentions_do_not_outvote_the_evidence():
    doc = _doc("Tesla rose. Tesla fell. Tesla held. Shares of Tesla gained.")
    names = [_span(doc, "Tesla", "PERSON", i) for i in range(3)] + [_span(doc, "Tesla", "ORG", 3)]
    assert {s.label_ for s in evidence.vote(names, [])} == {"ORG"}


def test_a_surname_of_a_full_name_in_the_article_stays_a_person():
    doc = _doc("Mary Barra spoke first. Later Barra said the plan would work.")
    names = [_span(doc, "Mary Barra", "PERSON"), _span(doc, "Barra", "PERSON")]
    base = [_span(doc, "Mary Barra", "PERSON"), _span(doc, "Barra", "ORG")]
    assert _labels(evidence.vote(names, base)) == [("Mary Barra", "PERSON"), ("Barra", "PERSON")]


def test_a_one_word_name_is_a_place_only_with_place_evidence():
    doc = _doc("Unilever raised prices. Floods hit villages in Lahore.")
    names = [_span(doc, "Unilever", "GPE"), _span(doc, "Lahore", "LOC")]
    base = [_span(doc, "Unilever", "ORG"), _span(doc, "Lahore", "GPE")]
    assert _labels(evidence.vote(names, base)) == [("Unilever", "ORG"), ("Lahore", "LOC")]


def test_place_evidence_keeps_a_one_word_name_from_being_a_person():
    doc = _doc("Floods hit villages in Lahore on Monday.")
    names = [_span(doc, "Lahore", "PERSON")]
    assert [s.label_ for s in evidence.vote(names, [_span(doc, "Lahore", "GPE")])] != ["PERSON"]


def test_a_seat_of_government_that_acts_is_an_organization():
    doc = _doc("Kremlin spokesperson Ivan Sorokin said the Kremlin had no comment.")
    names = [_span(doc, "Kremlin", "GPE"), _span(doc, "Ivan Sorokin", "PERSON"), _span(doc, "Kremlin", "GPE", 1)]
    assert _labels(evidence.vote(names, [])) == [("Kremlin", "ORG"), ("Ivan Sorokin", "PERSON"), ("Kremlin", "ORG")]


def test_a_cue_noun_opening_the_sentence_is_cut_off_the_name():
    doc = _doc("Chipmaker Qualcomm agreed to buy a rival.")
    assert _labels(combine([_span(doc, "Chipmaker Qualcomm", "PER")], [])) == [("Qualcomm", "ORG")]


def test_the_dictionary_comes_from_the_pipelines_lemmatizer(nlp):
    words = evidence.dictionary(nlp)
    assert {"farmer", "engineer"} <= words.nouns and {"tell", "here"} <= words.words
    assert evidence.dictionary(NLP) == evidence.Dictionary()  # a blank pipeline has no lemmatizer


def test_a_title_inside_a_person_span_keeps_the_words_before_it_out_of_the_name():
    doc = _doc("Yesterday Winnipeg Mayor Brian Bowman opened the bridge.")
    assert evidence.name_words(_span(doc, "Winnipeg Mayor Brian Bowman", "PERSON")) == {"brian", "bowman"}


def test_a_place_and_a_title_are_no_full_name():
    doc = _doc("The Halifax Mayor spoke. Mayor Savage spoke too.")
    assert evidence.name_words(_span(doc, "Halifax Mayor", "PERSON")) == set()
    assert evidence.name_words(_span(doc, "Mayor Savage", "PERSON")) == {"savage"}


def test_a_common_word_opening_a_sentence_makes_no_full_name_unless_it_is_a_given_name():
    words = evidence.Dictionary(words=frozenset({"generally", "rose"}))
    doc = _doc("Generally Regina came out ahead.")
    assert evidence.name_words(_span(doc, "Generally Regina", "PERSON"), words) == set()
    doc = _doc("Rose Tremblay came out ahead.")
    assert evidence.name_words(_span(doc, "Rose Tremblay", "PERSON"), words) == {"rose", "tremblay"}


def test_a_word_capitalized_inside_a_sentence_elsewhere_is_no_common_word():
    words = evidence.Dictionary(words=frozenset({"generally"}))
    doc = _doc("Generally Lopez won. Fans cheered for Generally Lopez again.")
    assert evidence.name_words(_span(doc, "Generally Lopez", "PERSON"), words) == {"generally", "lopez"}


def test_a_city_beside_a_title_does_not_get_the_full_name_cue():
    doc = _doc("Saskatoon Mayor said no. Officials in Saskatoon agreed.")
    names = [_span(doc, "Saskatoon Mayor", "PERSON"), _span(doc, "Saskatoon", "PERSON", 1)]
    pwords = evidence.person_words(names)
    x = evidence.features([names[1]], [], pwords)
    assert x[evidence.FEATURES.index("full_name")] == 0.0
    assert [s.label_ for s in evidence.vote(names, [])][1] != "PERSON"


def test_a_name_the_article_writes_with_a_legal_form_is_a_firm_at_every_mention():
    doc = _doc("Marchetti said profits rose. Marchetti Cables grew fastest. Marchetti SpA chairman Luca Neri spoke.")
    names = [_span(doc, "Marchetti", "PERSON"), _span(doc, "Marchetti Cables", "PERSON"),
             _span(doc, "Marchetti SpA", "PERSON"), _span(doc, "Luca Neri", "PERSON")]
    labels = {s.text: s.label_ for s in evidence.vote(names, [])}
    assert labels["Marchetti"] == "ORG" and labels["Marchetti SpA"] == "ORG"
    assert labels["Luca Neri"] == "PERSON"


def test_a_legal_form_does_not_outweigh_a_title():
    doc = _doc("Mr. Weller said he would stay. Weller Inc makes valves.")
    names = [_span(doc, "Weller", "PERSON"), _span(doc, "Weller Inc", "ORG")]
    assert [s.label_ for s in evidence.vote(names, []) if s.text == "Weller"] == ["PERSON"]


def test_the_firm_names_of_an_article():
    doc = _doc("Jones Medical Industries Inc said. Acme Corp. agreed. Inc. magazine wrote.")
    assert {"jones", "jones medical industries", "acme"} <= evidence.firm_names(doc)
    assert "magazine" not in evidence.firm_names(doc)


def test_a_name_of_a_results_line_and_the_doc_keeps_no_cached_text():
    doc = _doc("Results on Saturday:\nHalifax 2 Wrexham 1\nThe Halifax manager was pleased.")
    names = [_span(doc, "Halifax", "ORG"), _span(doc, "Wrexham", "ORG"), _span(doc, "Halifax", "ORG", 1)]
    assert [evidence.in_results_line(s) for s in names] == [True, True, False]
    # the vote runs on the pieces of a long article, which are merged later: no text may be cached on them
    assert "newskit_text" not in doc.user_data


def _cues(nlp, text: str, name: str, nth: int = 0) -> dict[str, float]:
    doc = nlp(text)
    return dict(zip(evidence.FEATURES, evidence.features([_span(doc, name, "PERSON", nth)], [], set())))


def test_an_apposition_says_what_a_name_is(nlp):
    doc = nlp("Castlegate Mutual, the Leeds building society, was taken over. Okafor, the club's striker, scored.")
    assert evidence.apposition(_span(doc, "Castlegate Mutual", "ORG")).text == "society"
    assert evidence.apposition(_span(doc, "Okafor", "PERSON")).text == "striker"
    firm = _cues(nlp, "Castlegate Mutual, the Leeds building society, was taken over.", "Castlegate Mutual")
    assert (firm["org_appos"], firm["person_appos"]) == (1.0, 0.0)
    player = _cues(nlp, "Okafor, the club's striker, scored twice.", "Okafor")
    assert (player["org_appos"], player["person_appos"]) == (0.0, 1.0)


def test_an_age_between_commas_is_a_persons(nlp):
    assert _cues(nlp, "Halvorsen, 64, told reporters the union would fight.", "Halvorsen")["person_appos"] == 1.0
    assert _cues(nlp, "Halvorsen said 64 people had been hired.", "Halvorsen")["person_appos"] == 0.0


def test_what_is_acquired_or_sold_to_is_a_firm_but_a_sold_player_is_not(nlp):
    assert _cues(nlp, "The fund acquired Brightwater Logistics last year.", "Brightwater Logistics")["bought"] == 1.0
    assert _cues(nlp, "The lender was sold to Hollister Federal on Friday.", "Hollister Federal")["bought"] == 1.0
    assert _cues(nlp, "Santander announced the takeover of Sovereign on Monday.", "Sovereign")["bought"] == 1.0
    assert _cues(nlp, "Chelsea sold Okafor to a Chinese club for $15 million.", "Okafor")["bought"] == 0.0


def test_a_score_in_prose_marks_the_sides_but_set_scores_do_not(nlp):
    text = "Aston Villa beat Chelsea 2-1 on Saturday."
    assert _cues(nlp, text, "Aston Villa")["score"] == 1.0 and _cues(nlp, text, "Chelsea")["score"] == 1.0
    assert _cues(nlp, "Nadia Petrova beat Elena Ruiz 6-3 6-4 in the final.", "Elena Ruiz")["score"] == 0.0


def test_which_after_a_name_is_a_things(nlp):
    assert _cues(nlp, "Nissan, which had held talks with the carmaker, ended them.", "Nissan")["which"] == 1.0
    assert _cues(nlp, "Okafor, who had held talks with the carmaker, ended them.", "Okafor")["which"] == 0.0


def test_organization_evidence_outweighs_both_models_reading_a_person_or_a_place(nlp):
    doc = nlp("Castlegate Mutual, the Leeds building society, said profits fell.")
    name = _span(doc, "Castlegate Mutual", "PERSON")
    assert _labels(evidence.vote([name], [_span(doc, "Castlegate Mutual", "PERSON")])) == [("Castlegate Mutual",
                                                                                             "ORG")]
    doc = nlp("Northern Rock, the mortgage lender, will cut 800 jobs.")
    name = _span(doc, "Northern Rock", "GPE")
    assert _labels(evidence.vote([name], [_span(doc, "Northern Rock", "GPE")])) == [("Northern Rock", "ORG")]


def test_a_title_in_an_apposition_keeps_a_person_who_heads_a_firm(nlp):
    doc = nlp("Mary Okafor, the lender's chief executive, said it would cut jobs.")
    name = _span(doc, "Mary Okafor", "PERSON")
    assert _labels(evidence.vote([name], [_span(doc, "Mary Okafor", "PERSON")])) == [("Mary Okafor", "PERSON")]


def test_a_name_ending_in_a_firms_or_a_places_word_is_no_person_whatever_given_name_opens_it(nlp):
    doc = nlp("Adam Air cancelled its evening flights. Fans waited outside Grace Road for hours.")
    names = [_span(doc, "Adam Air", "PERSON"), _span(doc, "Grace Road", "PERSON")]
    voted = dict(_labels(evidence.vote(names, list(names))))
    assert voted["Adam Air"] != "PERSON" and voted["Grace Road"] != "PERSON"


def test_a_given_name_alone_does_not_make_a_person_of_what_both_models_call_an_organization(nlp):
    doc = nlp("Dana Velmor said sales rose. Critics said the Dana Velmor plan cost too much.")
    names = [_span(doc, "Dana Velmor", "ORG"), _span(doc, "Dana Velmor", "ORG", 1)]
    assert {s.label_ for s in evidence.vote(names, list(names))} == {"ORG"}


def test_the_names_of_a_cricket_scorecard_are_players():
    doc = _doc("Kent\nT. Marsh c Okonkwo b Pellegrini 41\nS. Ferris not out 22\nBowling: Pellegrini 10-1-38-2, "
               "Okonkwo\n8-0-41-0\nOfficials said Kent would run out of money by 2031")
    names = [_span(doc, "Okonkwo", "ORG"), _span(doc, "Pellegrini", "ORG"), _span(doc, "Ferris", "ORG"),
             _span(doc, "Pellegrini", "ORG", 1), _span(doc, "Okonkwo", "ORG", 1), _span(doc, "Kent", "ORG"),
             _span(doc, "Kent", "ORG", 1)]
    assert [evidence.in_scorecard(s) for s in names] == [True, True, True, True, True, False, False]


def test_scorers_with_the_minute_and_numbered_players_are_players():
    doc = _doc("Scorers: Tomas Brandt (12th), Ana Lopes (80th)\nWalden - 1 - Piet Kramer; 2 - Joao Reis\n"
               "Walden won 2-0 in Leeds (Yorkshire) on Sunday")
    names = [_span(doc, "Tomas Brandt", "ORG"), _span(doc, "Ana Lopes", "ORG"), _span(doc, "Piet Kramer", "ORG"),
             _span(doc, "Joao Reis", "ORG"), _span(doc, "Walden", "ORG"), _span(doc, "Leeds", "ORG"),
             _span(doc, "Walden", "ORG", 1)]
    assert [evidence.in_scorecard(s) for s in names] == [True, True, True, True, False, False, False]


def test_keys_and_line_ends_stay_each_docs_own_when_docs_interleave():
    # What the vote reads of a doc is kept for the last doc only: a name of another doc in between must not get
    # the first doc's key or line ends back.
    first = NLP.make_doc("Harbour Board\nThe Harbour Board's chair spoke.")
    second = NLP.make_doc("Kestrel Mills said.\nNo line here")
    for _ in range(2):
        assert evidence.key(first[0:2]) == "harbour board"
        assert evidence.key(second[0:2]) == "kestrel mills"
        assert evidence.key(first[4:7]) == "harbour board"  # "Harbour Board's": the possessive dropped
        assert evidence._short_line(first[0:2]) == ("Harbour Board\n", 0)
        assert evidence._short_line(second[0:2]) == ("Kestrel Mills said.\n", 0)
    assert evidence.same_word(first[0]) == [0, 4]

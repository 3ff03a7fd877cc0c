"""Grouping decisions on hand-built mentions (no model): which names are one entity and which stay apart."""
from __future__ import annotations

from newskit.entities import grouping
from newskit.entities.span import Mention


def _mentions(text, spans):
    """Mentions of (word, label) pairs, each at the next occurrence of its word after the previous mention."""
    out, pos = [], 0
    for word, label in spans:
        a = text.index(word, pos)
        out.append(Mention(a, a + len(word), word, label, 0, 0))
        pos = a + len(word)
    return out


def _groups(text, spans):
    ms = _mentions(text, spans)
    return ms, [[ms[i].text for i in cl] for cl in grouping.group(ms, text)]


def test_airline_short_name_typed_place_joins_the_airline():
    text = ("Boeing hands its last 717 to AirTran, closing a chapter.\n"
            "AirTran Airways took the jet on Tuesday, and AirTran Airways will fly it from Atlanta.")
    ms, groups = _groups(text, [("Boeing", "ORG"), ("AirTran", "GPE"), ("AirTran Airways", "ORG"),
                                ("AirTran Airways", "ORG"), ("Atlanta", "GPE")])
    assert ["AirTran", "AirTran Airways", "AirTran Airways"] in groups
    assert ms[1].label == "ORG" and ms[4].label == "GPE"


def test_place_a_firm_is_named_after_stays_a_place():
    # a state, a big city or a country the firm takes its name from is still the place
    text = "Texas Instruments cut jobs in Dallas. Texas lost 2,000 of them; Dallas Semiconductor hired."
    ms, groups = _groups(text, [("Texas Instruments", "ORG"), ("Dallas", "GPE"), ("Texas", "GPE"),
                                ("Dallas Semiconductor", "ORG")])
    assert ms[2].label == "GPE" and ms[1].label == "GPE"
    assert ["Texas"] in groups and ["Dallas"] in groups


def test_name_the_text_places_is_not_the_firm():
    text = "Nortel Networks opened a plant near Kanata. Kanata Systems, a supplier, and Kanata, Ontario gained."
    ms, groups = _groups(text, [("Nortel Networks", "ORG"), ("Kanata", "GPE"), ("Kanata Systems", "ORG"),
                                ("Kanata", "GPE"), ("Ontario", "GPE")])
    assert ms[1].label == "GPE" and ms[3].label == "GPE"
    assert ["Kanata", "Kanata"] in groups


def test_short_name_of_two_firms_stays_apart():
    text = "Apple Corps sued Apple Computer over the logo. Apple said the suit had no merit."
    ms, groups = _groups(text, [("Apple Corps", "ORG"), ("Apple Computer", "ORG"), ("Apple", "GPE")])
    assert ["Apple"] in groups and len(groups) == 3


def test_name_cut_short_joins_the_name_it_starts():
    text = ("The jet landed at Singapore's Changi International Airport on Friday.\n"
            "Crowds waited at Changi International Airport for hours.")
    _, groups = _groups(text, [("Singapore", "GPE"), ("Changi International", "FAC"),
                               ("Changi International Airport", "FAC")])
    assert ["Changi International", "Changi International Airport"] in groups


def test_short_name_also_used_alone_is_not_cut_short():
    # "Apple" read once in "Apple TV" but also alone: the firm and its product stay two entities
    text = "Apple Inc. showed Apple TV on Tuesday. Apple TV costs $299, Apple said."
    _, groups = _groups(text, [("Apple Inc.", "ORG"), ("Apple", "ORG"), ("Apple TV", "ORG"), ("Apple", "ORG")])
    assert ["Apple TV"] in groups and ["Apple Inc.", "Apple", "Apple"] in groups


def test_long_name_cut_at_and_joins_its_acronym():
    text = ("Airbus parent European Aeronautic Defence and Space Company EADS N.V. (EADS) won the deal. "
            "EADS will build the jets with Northrop Grumman and Airbus.")
    _, groups = _groups(text, [("Airbus", "ORG"), ("European Aeronautic Defence", "ORG"), ("EADS", "ORG"),
                               ("EADS", "ORG"), ("EADS", "ORG"), ("Northrop Grumman", "ORG"), ("Airbus", "ORG")])
    assert ["European Aeronautic Defence", "EADS", "EADS", "EADS"] in groups
    assert ["Northrop Grumman"] in groups  # "Northrop Grumman and Airbus" is two firms, no acronym spells it


def test_name_before_a_title_and_a_person_is_their_place_or_employer():
    text = ("Texas Governor Rick Perry met Ryanair CEO Michael O'Leary in Austin. "
            "Russian President Vladimir Putin was not there, Ryanair said.")
    ms, groups = _groups(text, [("Texas", "ORG"), ("Rick Perry", "PERSON"), ("Ryanair", "PERSON"),
                                ("Michael O'Leary", "PERSON"), ("Austin", "GPE"), ("Russian", "NORP"),
                                ("Vladimir Putin", "PERSON"), ("Ryanair", "PERSON")])
    assert [m.label for m in ms] == ["GPE", "PERSON", "ORG", "PERSON", "GPE", "NORP", "PERSON", "ORG"]
    assert ["Ryanair", "Ryanair"] in groups and ["Rick Perry"] in groups


def test_a_person_named_before_a_title_word_in_a_list_stays_a_person():
    # no title word between the two names: "Bob Riley, Rick Perry" is two people
    text = "Bob Riley and Rick Perry spoke."
    ms, _ = _groups(text, [("Bob Riley", "PERSON"), ("Rick Perry", "PERSON")])
    assert [m.label for m in ms] == ["PERSON", "PERSON"]


def test_acronym_forms_of_organization_names():
    text = "General Motors Corp. cut jobs. GM shares fell in the US; GM-branded cars and FM radio ads too."
    forms = grouping.acronym_forms({"General Motors Corp.", "United States", "Ford Motor"}, text)
    assert forms == {"GM": "ORG"}  # no country code, no acronym the text never writes alone


def test_acronym_the_model_missed_joins_its_firm(nlp):
    from newskit.entities.extract import extract_entities

    text = ("Carmaker to cut jobs\nNovember 21, 2008\nGeneral Motors Corp. said on Friday it would cut 10,000 "
            "salaried jobs. GM shares fell 9 percent in New York. GM chief executive Rick Wagoner said GM "
            "could run out of cash.\n")
    ents = extract_entities(nlp(text))
    gm = [e for e in ents if "GM" in [m.text for m in e.mentions]]
    assert len(gm) == 1 and gm[0].type == "organization"
    assert [m.text for m in gm[0].mentions] == ["General Motors Corp.", "GM", "GM", "GM"]


def test_legal_form_read_apart_goes_back_to_its_firm():
    from newskit.entities.mentions import join_legal_forms

    text = "Ford Motor Co. and Chrysler LLC asked for loans; Fiat and Inc. magazine did not."
    ms = _mentions(text, [("Ford Motor Co.", "ORG"), ("Chrysler", "ORG"), ("LLC", "ORG"), ("Fiat", "ORG"),
                          ("Inc.", "ORG")])
    assert [m.text for m in join_legal_forms(text, ms)] == ["Ford Motor Co.", "Chrysler LLC", "Fiat", "Inc."]


def test_state_after_in_town_is_a_place_not_a_person():
    import spacy

    from newskit.entities import cities

    doc = spacy.blank("en")("They will build the jets in Mobile, Alabama. Alabama pays for roads, Georgia said.")

    def mention(word, label, nth=0):
        toks = [t for t in doc if t.text == word]
        t = toks[nth]
        return Mention(t.idx, t.idx + len(t), word, label, t.i, t.i + 1)

    ms = [mention("Mobile", "GPE"), mention("Alabama", "PERSON"), mention("Alabama", "PERSON", 1),
          mention("Georgia", "PERSON")]
    cities.retype_cities(doc, ms)
    # one name, one type; a state never placed after "in Town, " keeps the model's label
    assert [m.label for m in ms] == ["GPE", "GPE", "GPE", "PERSON"]


def test_a_person_whose_aide_is_named_stays_a_person():
    text = "Hillary Clinton spoke in Ohio. Clinton spokesman Brian Fallon said Clinton would win."
    ms, groups = _groups(text, [("Hillary Clinton", "PERSON"), ("Ohio", "GPE"), ("Clinton", "PERSON"),
                                ("Brian Fallon", "PERSON"), ("Clinton", "PERSON")])
    assert [m.label for m in ms] == ["PERSON", "GPE", "PERSON", "PERSON", "PERSON"]
    assert ["Hillary Clinton", "Clinton", "Clinton"] in groups


def test_a_chamber_is_not_short_for_its_committee():
    text = "The House Intelligence Committee met. The House voted, and the State Department agreed with State."
    ms, groups = _groups(text, [("House Intelligence Committee", "ORG"), ("House", "GPE"),
                                ("State Department", "ORG"), ("State", "GPE")])
    assert ms[1].label == "GPE" and ["House"] in groups and ["State"] in groups


def test_a_company_with_and_without_its_legal_form_is_one_even_when_typed_a_person():
    text = "Brannock Turbines Inc. will hire 200 welders. Brannock Turbines said the jobs start in June."
    ms, groups = _groups(text, [("Brannock Turbines Inc.", "ORG"), ("Brannock Turbines", "PERSON")])
    assert groups == [["Brannock Turbines Inc.", "Brannock Turbines"]]
    assert ms[1].label == "ORG"


def test_a_lone_head_word_joins_the_one_name_it_heads():
    text = ("The Eastvale District Council met on Monday. The Council backed the bypass.\n"
            "Leeds City drew again. City have not won since March.\n"
            "The Royal Corps of Signals will help. The Corps sent 40 engineers.")
    _, groups = _groups(text, [("Eastvale District Council", "ORG"), ("Council", "ORG"), ("Leeds City", "GPE"),
                               ("City", "ORG"), ("Royal Corps of Signals", "ORG"), ("Corps", "ORG")])
    assert ["Eastvale District Council", "Council"] in groups
    assert ["Leeds City", "City"] in groups
    assert ["Royal Corps of Signals", "Corps"] in groups


def test_a_head_word_fitting_two_names_stays_apart():
    text = "The Eastvale District Council and the Northmoor Parish Council disagree. The Council will vote."
    _, groups = _groups(text, [("Eastvale District Council", "ORG"), ("Northmoor Parish Council", "ORG"),
                               ("Council", "ORG")])
    assert ["Council"] in groups


def test_a_state_abbreviation_is_the_state():
    text = "TULSA, Okla. - Storms crossed Oklahoma overnight, and Okla. officials opened shelters."
    _, groups = _groups(text, [("TULSA", "GPE"), ("Okla.", "GPE"), ("Oklahoma", "GPE"), ("Okla.", "GPE")])
    assert ["Okla.", "Oklahoma", "Okla."] in groups


def test_a_body_is_not_the_short_name_of_a_title_and_person_glued_to_it():
    text = "The Senate passed it. Senate Finance Committee Chair Oren Blakely voted no; the Senate adjourned."
    _, groups = _groups(text, [("Senate", "ORG"), ("Senate Finance Committee Chair Oren Blakely", "ORG"),
                               ("Senate", "ORG")])
    assert ["Senate", "Senate"] in groups


def test_a_chamber_is_not_short_for_the_one_committee_named():
    text = "In 2009 the Senate voted 71-28. Tamsin Reyes sits on the Senate Veterans Affairs Committee."
    _, groups = _groups(text, [("Senate", "ORG"), ("Senate Veterans Affairs Committee", "ORG")])
    assert ["Senate"] in groups and ["Senate Veterans Affairs Committee"] in groups


def test_a_firm_named_after_its_founder_family_stays_the_firm_beside_the_family_member():
    text = ("Halvorsen Tractor Co. chairman Erik Halvorsen said Halvorsen would build a plant. "
            "Halvorsen shares rose, and Erik Halvorsen thanked workers.")
    ms, groups = _groups(text, [("Halvorsen Tractor Co.", "ORG"), ("Erik Halvorsen", "PERSON"), ("Halvorsen", "ORG"),
                                ("Halvorsen", "ORG"), ("Erik Halvorsen", "PERSON")])
    assert groups == [["Halvorsen Tractor Co.", "Halvorsen", "Halvorsen"], ["Erik Halvorsen", "Erik Halvorsen"]]


def test_the_bare_family_name_the_model_read_as_the_firm_stays_the_firm_unless_addressed_as_a_person():
    # "Mr. Halvorsen" anywhere makes every bare "Halvorsen" a person: only the addressed one is
    text = ("Halvorsen Tractor Co. chairman Erik Halvorsen Jr. said Halvorsen would cut jobs. Mr. Halvorsen said he "
            "had no choice, and Halvorsen shares rose.")
    ms, groups = _groups(text, [("Halvorsen Tractor Co.", "ORG"), ("Erik Halvorsen Jr.", "PERSON"),
                                ("Halvorsen", "ORG"), ("Halvorsen", "ORG"), ("Halvorsen", "ORG")])
    assert groups == [["Halvorsen Tractor Co.", "Halvorsen", "Halvorsen"], ["Erik Halvorsen Jr.", "Halvorsen"]]
    assert [m.label for m in ms] == ["ORG", "PERSON", "ORG", "PERSON", "ORG"]
    # the person the model reads in the bare name stays the person, beside a firm of his name
    text = "Erik Halvorsen spoke. Halvorsen Resorts Inc. lost money, and Halvorsen said he would run."
    ms, groups = _groups(text, [("Erik Halvorsen", "PERSON"), ("Halvorsen Resorts Inc.", "ORG"),
                                ("Halvorsen", "PERSON")])
    assert ["Erik Halvorsen", "Halvorsen"] in groups and ms[2].label == "PERSON"


def test_a_family_name_the_model_called_a_firm_still_joins_the_person_without_such_a_firm():
    text = "Erik Halvorsen won the vote. Halvorsen said he was pleased."
    ms, groups = _groups(text, [("Erik Halvorsen", "PERSON"), ("Halvorsen", "ORG")])
    assert groups == [["Erik Halvorsen", "Halvorsen"]]


def test_a_family_name_beside_a_group_that_is_no_firm_still_joins_the_person():
    text = "Erik Halvorsen spoke. The Halvorsen Camp cheered, and Halvorsen waved."
    ms, groups = _groups(text, [("Erik Halvorsen", "PERSON"), ("Halvorsen Camp", "ORG"), ("Halvorsen", "ORG")])
    assert any("Erik Halvorsen" in g and "Halvorsen" in g for g in groups)


def test_a_clipped_name_joins_the_one_body_it_clips():
    text = ("The Federal Reserve left rates alone on Wednesday. Traders had expected the Fed to wait, and "
            "Citigroup and Halverton Group rose. Citi led the gains.")
    ms, groups = _groups(text, [("Federal Reserve", "ORG"), ("Fed", "ORG"), ("Citigroup", "ORG"),
                                ("Halverton Group", "ORG"), ("Citi", "PERSON")])
    assert ["Federal Reserve", "Fed"] in groups
    assert ["Citigroup", "Citi"] in groups  # the model's person guess for the clipping does not keep it apart


def test_a_word_that_opens_a_name_of_the_story_is_no_clipping_of_another():
    # "Ford" opens "Ford Motor Co.", so it is not short for "Fordham University"; "Apple" is no clipping of
    # "AppleInsider"; "Congress" is not short for the "Congressional Budget Office"; a given name is no clipping
    text = ("Ford Motor Co. hired a Fordham University economist. Ford said so to AppleInsider, not Apple. "
            "Congress asked the Congressional Budget Office. Rob Marsh of Robotics Holdings spoke; Rob laughed.")
    _, groups = _groups(text, [("Ford Motor Co.", "ORG"), ("Fordham University", "ORG"), ("Ford", "ORG"),
                               ("AppleInsider", "ORG"), ("Apple", "ORG"), ("Congress", "ORG"),
                               ("Congressional Budget Office", "ORG"), ("Rob Marsh", "PERSON"),
                               ("Robotics Holdings", "ORG"), ("Rob", "PERSON")])
    assert ["Fordham University"] in groups and ["AppleInsider"] in groups and ["Apple"] in groups
    assert ["Congress"] in groups and ["Robotics Holdings"] in groups
    assert ["Rob Marsh", "Rob"] in groups


def test_an_acronym_may_keep_the_letter_of_group():
    text = "The American International Group sought a loan. AIG shares fell, and the insurer cut staff."
    _, groups = _groups(text, [("American International Group", "ORG"), ("AIG", "ORG")])
    assert ["American International Group", "AIG"] in groups


def test_a_blend_of_the_first_letters_of_a_names_words_joins_that_name():
    text = ("Washington Mutual Inc. failed on Thursday. WaMu had 2,200 branches; BlackRock and Black Rock Partners "
            "did not.")
    _, groups = _groups(text, [("Washington Mutual Inc.", "ORG"), ("WaMu", "PERSON"), ("BlackRock", "ORG"),
                               ("Black Rock Partners", "ORG")])
    assert ["Washington Mutual Inc.", "WaMu"] in groups
    assert ["BlackRock"] in groups  # the whole words run together are the spacing of another name, not a blend


def test_a_clipping_of_a_body_and_of_its_branch_joins_the_body():
    text = "The Federal Reserve Bank of New York lent the money, and the Federal Reserve approved it. The Fed said so."
    _, groups = _groups(text, [("Federal Reserve Bank of New York", "ORG"), ("Federal Reserve", "ORG"),
                               ("Fed", "ORG")])
    assert ["Federal Reserve", "Fed"] in groups and ["Federal Reserve Bank of New York"] in groups


def test_a_clipping_joins_a_body_named_with_its_country_in_front():
    text = "The U.S. Federal Reserve cut rates to zero. The Fed said it would buy bonds, and Britain's Fenwick rose."
    _, groups = _groups(text, [("U.S. Federal Reserve", "ORG"), ("Fed", "ORG"), ("Britain", "GPE"),
                               ("Fenwick", "ORG")])
    assert ["U.S. Federal Reserve", "Fed"] in groups and ["Fenwick"] in groups


def test_a_legal_form_the_model_cut_at_a_dot_is_given_back():
    from newskit.entities.mentions import join_legal_forms

    text = "Torvani S.p.A. signed, and Brisa S.p. said no."
    ms = _mentions(text, [("Torvani S.p.", "ORG"), ("A.", "ORG"), ("Brisa S.p.", "ORG")])
    assert [m.text for m in join_legal_forms(text, ms)] == ["Torvani S.p.A.", "Brisa S.p."]


def test_a_legal_form_the_tokenizer_cut_after_its_first_dot_is_given_back():
    from newskit.entities.mentions import join_legal_forms

    text = "It is run by Torvani S.p.A .\nBrisa S.p.A.\nShares of Melko S.p.A fell, and Pell S.p. rose."
    ms = _mentions(text, [("Torvani S.p", "ORG"), ("Brisa S.p", "ORG"), ("A.", "ORG"), ("Melko S.p", "ORG")])
    assert [m.text for m in join_legal_forms(text, ms)] == ["Torvani S.p.A", "Brisa S.p.A.", "Melko S.p.A"]


def test_one_persons_full_names_written_two_ways_are_one_entity():
    text = ("Treasury Secretary Timothy Geithner spoke on Tuesday. Tim Geithner said rates would stay low. "
            "Dana Reyes and Dana Reyes Jr. came too; George W. Bush met George H.W. Bush, and George Bush waved.")
    _, groups = _groups(text, [("Timothy Geithner", "PERSON"), ("Tim Geithner", "PERSON"), ("Dana Reyes", "PERSON"),
                               ("Dana Reyes Jr.", "PERSON"), ("George W. Bush", "PERSON"),
                               ("George H.W. Bush", "PERSON"), ("George Bush", "PERSON")])
    assert ["Timothy Geithner", "Tim Geithner"] in groups
    assert ["Dana Reyes"] in groups and ["Dana Reyes Jr."] in groups  # a son is not his father
    bush = next(g for g in groups if "George W. Bush" in g)
    assert "George H.W. Bush" not in bush  # never joined through a name that fits both


def test_one_name_qualified_by_two_areas_is_two_places():
    text = ("The band played Portland, Maine on Friday and Portland, Oregon on Sunday. "
            "Portland cheered louder, the drummer said of the second night.")
    ms, groups = _groups(text, [("Portland", "GPE"), ("Maine", "GPE"), ("Portland", "GPE"), ("Oregon", "GPE"),
                                ("Portland", "GPE")])
    clusters = [sorted(cl) for cl in grouping.group(ms, text) if ms[cl[0]].text == "Portland"]
    assert sorted(clusters) == [[0], [2, 4]]  # the unqualified one follows the nearest qualified name before it


def test_one_qualifier_keeps_a_name_one_place():
    text = "Flood waters reached Paris, Texas on Monday. Paris opened two shelters."
    _, groups = _groups(text, [("Paris", "GPE"), ("Texas", "GPE"), ("Paris", "GPE")])
    assert ["Paris", "Paris"] in groups

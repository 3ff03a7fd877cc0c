"""Entities on the seed article and on small snippets, one phenomenon each."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskit.entities.extract import extract_entities
from newskit.record import Article, LayoutLine

SEED_FIELDS = [  # (line prefix, field) in the seed's order; the rest is body
    ("North Korea ready", "headline"), ("For the head of state", "subheadline"), ("Kim Arin", "byline"),
    ("The Korea Herald", "publisher"), ("micha-brandli", "image"), ("An image from", "caption"),
    ("January 22, 2024", "date"), ("scroll to top", "boilerplate")]


def seed_article(text: str) -> Article:
    """Build the Article the parser is expected to give for the seed (by hand, so these tests stand alone)."""
    layout, pos, seen_head = [], 0, set()
    for line in text.split("\n"):
        if line.strip():
            field = "body"
            for prefix, f in SEED_FIELDS:
                if line.startswith(prefix) and (f, prefix) not in seen_head:
                    field = f
                    if f in ("headline", "subheadline"):
                        seen_head.add((f, prefix))
                    break
            layout.append(LayoutLine(pos, pos + len(line), line, field=field))
        pos += len(line) + 1
    return Article(headline=layout[0].text, authors=("Kim Arin",), publisher="The Korea Herald",
                   layout=tuple(layout), paragraphs=())


@pytest.fixture(scope="module")
def seed_entities(seed_doc, seed_text):
    return extract_entities(seed_doc, seed_article(seed_text))


def by_name(ents, name):
    found = [e for e in ents if e.name == name]
    assert found, f"{name!r} not in {[e.name for e in ents]}"
    return found[0]


def run(nlp, text, **kw):
    return extract_entities(nlp(text), **kw)


def test_seed_people(seed_entities):
    people = {e.name for e in seed_entities if e.type == "person" and e.role != "author"}
    assert people == {"Vladimir Putin", "Kim Jong-un", "Choe Sun-hui", "Sergei Lavrov", "Dmitry Peskov",
                      "Sergei Shoigu"}
    kim = by_name(seed_entities, "Kim Arin")
    assert kim.role == "author" and kim.count == 2


def test_seed_titles_and_short_names(seed_entities):
    putin, choe = by_name(seed_entities, "Vladimir Putin"), by_name(seed_entities, "Choe Sun-hui")
    assert "President" in putin.titles
    assert "Foreign Minister" in choe.titles
    assert any("spokesperson" in t for t in by_name(seed_entities, "Dmitry Peskov").titles)
    assert "Putin" in putin.aliases and putin.count == 6
    assert "Choe" in choe.aliases and choe.count == 2


def test_seed_places_and_orgs(seed_entities):
    places = {e.name for e in seed_entities if e.type == "place"}
    assert {"North Korea", "Russia", "Pyongyang", "Moscow", "Seoul", "South Korea", "Ukraine", "Japan",
            "United States", "Vostochny Spaceport"} <= places
    nk = by_name(seed_entities, "North Korea")
    assert "DPRK" in nk.aliases and any("Democratic People" in a for a in nk.aliases)
    orgs = {e.name for e in seed_entities if e.type == "organization"}
    assert {"Korea Central News Agency", "Ministry of National Defense",
            "United Nations Security Council", "Unsplash"} <= orgs
    # "Kremlin spokesperson": the office or the place; the CoNLL-trained recognizer reads it as the place
    assert "Kremlin" in orgs | places
    assert "KCNA" in by_name(seed_entities, "Korea Central News Agency").aliases


def test_seed_mentions_are_clean(seed_entities, seed_text):
    for e in seed_entities:
        for m in e.mentions:
            assert seed_text[m.start:m.end] == m.text
            assert m.text == m.text.strip() and "\n" not in m.text
            assert not re.search(r"['\u2019]s$", m.text)
    assert not any("jpg" in m.text for e in seed_entities for m in e.mentions)
    assert not any("scroll" in m.text.lower() for e in seed_entities for m in e.mentions)


def test_seed_ranking_and_ids(seed_entities):
    assert [e.id for e in seed_entities] == [f"E{i}" for i in range(1, len(seed_entities) + 1)]
    sal = [e.salience for e in seed_entities]
    assert sal == sorted(sal, reverse=True) and all(0 <= s <= 1 for s in sal)
    assert seed_entities[0].name == "North Korea"
    assert by_name(seed_entities, "Vladimir Putin").salience > by_name(seed_entities, "Sergei Shoigu").salience
    assert by_name(seed_entities, "Kim Arin").salience < by_name(seed_entities, "Kim Jong-un").salience


def test_seed_events_and_dateline(seed_entities, seed_text):
    events = {e.name for e in seed_entities if e.type == "event"}
    assert {"state visit", "summit", "talks", "drills"} <= events
    seoul = by_name(seed_entities, "Seoul")
    assert any(m.text == "SEOUL" for m in seoul.mentions)


def test_hyphenated_and_particle_names(nlp):
    ents = run(nlp, "Islamic State leader Abu Bakr al-Baghdadi was killed, said European Commission President "
                    "Ursula von der Leyen. Baghdadi had led the group since 2010.")
    names = {e.name for e in ents if e.type == "person"}
    assert {"Abu Bakr al-Baghdadi", "Ursula von der Leyen"} <= names
    assert by_name(ents, "Abu Bakr al-Baghdadi").count == 2
    assert "President" in by_name(ents, "Ursula von der Leyen").titles


def test_shared_surnames_stay_apart(nlp):
    ents = run(nlp, "North Korean leader Kim Jong-un met his sister Kim Yo-jong in Pyongyang. "
                    "Kim Jong-un later spoke. Kim said the talks went well.")
    jong_un, yo_jong = by_name(ents, "Kim Jong-un"), by_name(ents, "Kim Yo-jong")
    assert not {m.start for m in jong_un.mentions} & {m.start for m in yo_jong.mentions}
    # the ambiguous "Kim" goes to the nearest full name before it
    assert jong_un.count == 3 and yo_jong.count == 1


def test_acronyms_with_and_without_parentheses(nlp):
    ents = run(nlp, "The Government Accountability Office (GAO) criticized the plan. The GAO said it erred. "
                    "The North Atlantic Treaty Organization met in Brussels, where NATO leaders spoke.")
    assert "GAO" in by_name(ents, "Government Accountability Office").aliases
    assert "NATO" in by_name(ents, "North Atlantic Treaty Organization").aliases


def test_country_variants(nlp):
    ents = run(nlp, "The U.S. and the United States of America are the same. America is big. Officials in "
                    "the UK and Britain agreed. The DPRK, or North Korea, fired a missile.")
    assert {"U.S.", "America"} <= set(by_name(ents, "United States").aliases)
    assert {"UK", "Britain"} <= set(by_name(ents, "United Kingdom").aliases)
    assert "DPRK" in by_name(ents, "North Korea").aliases


def test_titles_from_apposition_and_honorifics(nlp):
    ents = run(nlp, "Sergei Shoigu, the Russian defense minister, visited Pyongyang. Mr. Shoigu met reporters.")
    shoigu = by_name(ents, "Sergei Shoigu")
    assert "defense minister" in shoigu.titles and shoigu.count == 2
    assert not any(m.text.startswith("Mr") for m in shoigu.mentions)


def test_photo_credit_agency(nlp):
    ents = run(nlp, "Officials met on Monday.\n\nA crowd in Seoul. (AP Photo/Ahn Young-joon)\n\nPHOTO: Getty Images")
    orgs = {e.name for e in ents if e.type == "organization"}
    assert {"AP", "Getty Images"} <= orgs


def test_other_types_only_on_request(nlp):
    text = "Russians read the Treaty of Versailles."  # people: "Russian officials" would name Russia, a place
    assert not [e for e in run(nlp, text) if e.type == "nationality"]
    assert [e for e in run(nlp, text, all_types=True) if e.type == "nationality"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list("abcKLMN -’'.,()\n/") + ["Putin ", "North Korea", "U.S. ", "Kim Jong-un",
                                                             "SEOUL – ", "KCNA", "PHOTO: ", "Mr. "]),
                max_size=40).map("".join) | st.text(max_size=80))
def test_never_crashes_and_offsets_match(nlp, text):
    for e in extract_entities(nlp(text)):
        assert e.mentions
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def _mentions(text, spans):
    from newskit.entities.mentions import Mention

    out = []
    for word, label in spans:
        a = text.index(word)
        out.append(Mention(a, a + len(word), word, label, 0, 0))
    return out


def test_country_prefixed_acronym_joins_the_bare_name():
    from newskit.entities import grouping as aliases

    text = "The USAF said the Air Force would decide."
    ms = _mentions(text, [("USAF", "ORG"), ("Air Force", "ORG")])
    assert len(aliases.group(ms, text)) == 1


def test_firm_named_like_a_person_is_a_firm():
    from newskit.entities import grouping as aliases

    text = "Lockheed said it would appeal. Lockheed Martin builds jets."
    ms = _mentions(text, [("Lockheed", "ORG"), ("Lockheed Martin", "PERSON")])
    clusters = aliases.group(ms, text)
    assert ms[1].label == "ORG" and len(clusters) == 1
    # a person called by the family name keeps the person label
    text = "Ford said. Henry Ford spoke and Ford left."
    ms = _mentions(text, [("Ford", "ORG"), ("Henry Ford", "PERSON")])
    aliases.group(ms, text)
    assert ms[1].label == "PERSON"


def test_organization_noun_before_a_name(nlp):
    ents = run(nlp, "Apple's iTunes store passed U.S. electronics retailer Best Buy in music sales last year.")
    assert by_name(ents, "Best Buy").type == "organization"


def test_transcript_speaker_labels_do_not_swallow_the_sentence(nlp):
    from newskit.entities.extract import extract_entities

    text = ("Debate transcript\n\n\"WALLACE: Let’s start with breaking news on the debate story tonight.\n\n"
            "\"PENCE: Well, look, this is America, Chris.\n\n\"WALLACE: If I may, sir, will she be there?\n")
    names = {e.name for e in extract_entities(nlp(text))}
    assert not any(":" in n for n in names), names


def test_city_with_region_groups_with_the_bare_city(nlp):
    from newskit.entities.extract import extract_entities

    text = ("Water crisis\n\nFLINT, Mich. – Officials met on Monday.\n\n"
            "Residents of Flint, Mich., have waited two years. Flint now has new pipes.\n")
    places = [e for e in extract_entities(nlp(text)) if e.type == "place" and "flint" in e.name.lower()]
    assert len(places) == 1 and places[0].count >= 2


def test_a_surname_addressed_as_mr_is_a_person(nlp):
    from newskit.entities.extract import extract_entities

    text = ("Sanders urges focus\n\nVoters do not agree with Trump, Sanders said on Friday.\n\n"
            "\"Mr. Trump, do you really think that?\" he asked. Trump did not answer.\n")
    ents = {e.name: e.type for e in extract_entities(nlp(text))}
    assert ents.get("Trump") == "person"


def _entities(nlp, text):
    from newskit.article.builder import parse_article

    return extract_entities(nlp(text), parse_article(text))


def test_names_in_capitals_take_the_best_cased_form(nlp):
    text = ("Senate backs stopgap bill\n\nBy RUTH OKAFOR and DANIEL PRICE\n\n"
            "WASHINGTON (AP) — The Senate approved a short-term bill on Thursday, and aides in Washington "
            "said the House would vote next.\n\nNATO officials were not involved.\n")
    ents = _entities(nlp, text)
    names = {e.name for e in ents}
    assert {"Ruth Okafor", "Washington"} <= names
    assert sorted(n for n in names if n.isupper()) == ["AP", "NATO"]  # acronyms have no other form
    washington = next(e for e in ents if e.name == "Washington")
    assert washington.count == 2 and washington.type == "place"


def test_dateline_city_alone_is_recased(nlp):
    text = "Port reopens\n\nNEW ORLEANS (AP) — The port reopened on Friday after the storm, officials said.\n"
    names = {e.name for e in _entities(nlp, text)}
    assert "New Orleans" in names and "NEW ORLEANS" not in names


def test_a_place_opening_a_date_line_is_a_place(nlp):
    text = ("Harbour strike ends\nHALIFAX 2024-03-08\nDock workers returned to work on Friday after a nine-day "
            "strike.\n")
    ents = _entities(nlp, text)
    assert [e.type for e in ents if any(m.text == "HALIFAX" for m in e.mentions)] == ["place"]


def test_a_date_stamp_word_is_no_place(nlp):
    text = "Harbour strike ends\nUPDATED 2024-03-08\nDock workers returned to work on Friday.\n"
    assert not [e for e in _entities(nlp, text) if any("UPDATED" in m.text for m in e.mentions)]


def test_rivers_and_cities_are_places(nlp):
    text = ("Rain floods northern towns\n\nThe River Ouse rose two metres overnight. In France, Lyon also had "
            "heavy rain, and officials in Lyon shut three bridges. The Kremlin said nothing.\n")
    by_name = {e.name: e for e in _entities(nlp, text)}
    assert by_name["River Ouse"].type == "place"
    assert by_name["Lyon"].type == "place" and by_name["Lyon"].count == 2


def test_photo_credit_outlet_ranks_last_as_credit(nlp):
    text = ("Rain floods northern towns\n\nPhoto: Unsplash\n\nThe River Ouse rose overnight and the Kremlin "
            "said nothing about the Russian floods.\n")
    ents = _entities(nlp, text)
    credit = next(e for e in ents if e.name == "Unsplash")
    assert credit.role == "credit" and ents[-1] is credit
    assert credit.to_dict()["role"] == "credit"


def test_relational_nouns_are_not_titles(nlp):
    text = ("Foreign Minister Annalena Baerbock met her Russian counterpart, Sergei Lavrov, in Geneva. "
            "Her colleague, Tom Reed, and his old rival, Marc Dubois, stayed home. A friend, Paul Weller, "
            "drove them.")
    by_name = {e.name: e for e in extract_entities(nlp(text))}
    for who in ("Sergei Lavrov", "Tom Reed", "Marc Dubois", "Paul Weller"):
        assert by_name[who].titles == (), who
    assert by_name["Annalena Baerbock"].titles == ("Foreign Minister",)


@pytest.mark.parametrize("byline", ["Nora Quill | Sports Reporter", "Nora Quill, Harbour Correspondent"])
def test_a_job_in_the_byline_is_no_entity(nlp, byline):
    # Issue 25, item 2: the job after a bar gave an entity "Reporter" (or "Sports").
    from newskit import parse_article
    text = ("Westcombe keeper saves a late penalty to seal the cup win\n\n" + byline + "\nMarch 14, 2023\n\n"
            "Westcombe Rovers reached the county cup final on Saturday after their goalkeeper saved a penalty.\n\n"
            "The manager, Tom Becker, said the squad had earned the result after a difficult month.\n")
    art = parse_article(text)
    assert art.authors == ("Nora Quill",)
    ents = extract_entities(nlp(text), art)
    job_words = {"sports", "reporter", "harbour", "correspondent"}
    assert not [e.name for e in ents if set(e.name.lower().split()) & job_words]
    assert by_name(ents, "Nora Quill").role == "author" and by_name(ents, "Tom Becker").type == "person"


@pytest.mark.parametrize("text, name", [
    ("TENNIS - HALVORSEN BEATS KRAMER TO REACH FINAL\nTomas Halvorsen beat Erik Kramer 6-3 6-4 on Sunday to reach "
     "his first final.", "HALVORSEN"),
    ("ROWING - OKAFOR KEEPS TITLE IN HEAVY RAIN\nLONDON 2021-06-12\nMara Okafor kept her sculls title on Saturday, "
     "beating a field of twelve.", "OKAFOR"),
])
def test_a_wire_headline_names_people_by_family_name_in_capitals(nlp, text, name):
    # the story writes the full name; its capitals headline gives only the family name, as wire sports stories do
    people = [e for e in extract_entities(nlp(text)) if e.type == "person"]
    assert any(name in [m.text for m in e.mentions] for e in people)


def test_the_venue_of_a_fixture_is_a_place_where_the_table_names_the_club(nlp):
    # CoNLL-2003 marks the name after "AT" in a schedule as the place the game is played in
    text = ("Portland stay top of the table after a late win.\nStandings after Saturday's games:\n"
            "PORTLAND 74 59 .556 -\nSACRAMENTO 70 63 .526 4\nFRESNO 61 72 .459 13\nSunday's games:\n"
            "SACRAMENTO AT PORTLAND\n")
    venue = text.rindex("PORTLAND")
    types = {m.start: e.type for e in extract_entities(nlp(text)) for m in e.mentions}
    assert types[venue] == "place"
    assert types[text.index("PORTLAND")] == "organization"


@pytest.mark.parametrize("text, name", [
    ("BANK OF ENGLAND HOLDS RATES\nLONDON 2021-03-18\nThe Bank of England kept its main rate at 0.1 percent on "
     "Thursday as England eased its lockdown.", "BANK OF ENGLAND"),
    ("BANK OF JAPAN HOLDS RATES\nTOKYO 2021-03-18\nThe Bank of Japan kept its main rate on Thursday as Japan eased "
     "its curbs.", "BANK OF JAPAN"),
])
def test_a_capitals_headline_keeps_the_whole_name_the_story_writes(nlp, text, name):
    # the model reads only the country in the headline; the story's longer name, set in capitals there, is the name
    ents = extract_entities(nlp(text))
    assert [e.type for e in ents if name in [m.text for m in e.mentions]] == ["organization"]


def test_a_label_in_capitals_before_a_dash_is_no_dateline(nlp):
    from newskit.article.builder import parse_article

    text = ("RICE REPORT\nBANGKOK 1996-08-28\nNOTE - Prices are in baht per tonne.\n"
            "MARKET TALK - Traders in Bangkok expect firm prices.\nITALY - Bond futures held steady in Milan.\n")
    got = {m.text: e.type for e in extract_entities(nlp(text), parse_article(text)) for m in e.mentions}
    assert "NOTE" not in got and "MARKET TALK" not in got
    assert got["ITALY"] == "place" and got["BANGKOK"] == "place"


def test_a_headlines_short_form_read_as_a_place_takes_the_type_of_the_full_name_below_it(nlp):
    # both models read the headline's "Court" as a place: one mention each way, and the body's reading decides
    ents = _entities(nlp, "Court blocks bid\n\nThe Ohio Supreme Court on Thursday blocked the move.\n")
    court = next(e for e in ents if e.name == "Ohio Supreme Court")
    assert court.type == "organization"
    assert [m.text for m in court.mentions] == ["Court", "Ohio Supreme Court"]

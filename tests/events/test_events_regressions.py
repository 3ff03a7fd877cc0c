"""Events once read wrong from real news, reproduced on snippets written for these tests: furniture, apposition,
who acts in reported words."""
from __future__ import annotations

from newskit.article import parse_article
from newskit.dates.extract import extract_dates
from newskit.entities.extract import extract_entities
from newskit.events.extract import extract_events


def _events(nlp, text, published="2024-05-02"):
    doc = nlp(text)
    article = parse_article(text)
    entities = extract_entities(doc, article)
    events = extract_events(doc, entities, extract_dates(doc, published), published=published, article=article)
    names = {e.id: e.name for e in entities}
    return events, names


def test_no_events_from_related_links_and_sign_offs(nlp):
    text = ("Dockers strike at Rotterdam port\n\n"
            "ROTTERDAM (Reuters) - Dock workers at Rotterdam walked out on Tuesday, the FNV union said.\n\n"
            "Related: Farmers block roads near Lille in protest over diesel prices\n\n"
            "Reporting by Lotte de Vries; Editing by Simon Carr\n")
    events, _ = _events(nlp, text)
    furniture_start = text.index("Related:")
    assert events
    assert all(e.trigger.start < furniture_start for e in events), [(e.type, e.trigger.text) for e in events]


def test_subject_in_apposition_acts(nlp):
    events, names = _events(nlp, "The governor of Vermont, Phil Carver, resigned on Monday, his office said.")
    (resign,) = [e for e in events if e.predicate == "resign"]
    assert resign.type == "resignation"
    assert [names[i] for i in resign.who] == ["Phil Carver"]


def test_quoted_we_is_not_the_speaker_alone(nlp):
    text = ('Coach Marta Ruiz praised Lena Obi after the final. "We showed real courage," Ruiz said.')
    events, names = _events(nlp, text)
    for e in events:
        if e.predicate == "show":
            assert "Marta Ruiz" not in [names[i] for i in e.who]


def test_quoted_we_is_not_the_last_organization(nlp):
    text = ('The Iowa National Guard flew supplies to Cedar Rapids. "We have never seen the river this high," '
            'said Dale Moss, who has farmed there for forty years.')
    events, names = _events(nlp, text)
    for e in events:
        if e.predicate == "see":
            assert "Iowa National Guard" not in [names[i] for i in e.who]


def test_labour_strike_and_missile_strike(nlp):
    events, _ = _events(nlp, "Bus drivers in Leeds went on strike on Friday over pay.")
    assert [e.type for e in events if e.trigger.text == "strike"] == ["protest"]
    events, _ = _events(nlp, "Drones carried out a strike on Odesa on Sunday, Ukraine's air force said.")
    assert [e.type for e in events if e.trigger.text == "strike"] == ["attack"]


def test_a_flood_is_a_disaster(nlp):
    events, _ = _events(nlp, "The Elbe flooded Dresden on Sunday and 3,000 people left their homes.")
    assert "disaster" in [e.type for e in events]


def test_there_is_the_city_named_before_not_a_country_adjective(nlp):
    text = ("Ana Ruiz, who stayed in Lisbon until Sunday as the guest of her Portuguese counterpart, "
            "held talks with the prime minister there.")
    events, names = _events(nlp, text)
    (talks,) = [e for e in events if e.trigger.text == "talks"]
    assert [names[i] for i in talks.where] == ["Lisbon"]

"""Clubs and teams named by their city (newskit.entities.sides), the sides and scorers of a results table (rules): an
organization where the story gives them as a side that played, a place where it places a game there; a national
side named by its country stays a place, as CoNLL-2003 marks it."""
from __future__ import annotations

from newskit.article.builder import parse_article
from newskit.entities.extract import extract_entities


def types(nlp, text: str) -> dict[str, set[str]]:
    """Return each mention's text with the types of the entities it belongs to."""
    out: dict[str, set[str]] = {}
    for e in extract_entities(nlp(text), parse_article(text)):
        for m in e.mentions:
            out.setdefault(m.text, set()).add(e.type)
    return out


def test_a_city_that_wins_with_a_score_is_the_club(nlp):
    got = types(nlp, "HOCKEY - ROUNDUP\nDENVER 1996-12-03\nPortland beat Houston 4-2 on Tuesday.\n"
                     "Portland have won six games in a row, and Houston play again on Friday.\n")
    assert got["Portland"] == {"organization"} and got["Houston"] == {"organization"}


def test_where_the_game_is_played_stays_a_place(nlp):
    got = types(nlp, "BASEBALL - ROUNDUP\nNEW YORK 1996-09-01\nIn Milwaukee, Ivo Brandt hit two home runs as the "
                     "Oakland Athletics beat the Milwaukee Brewers 6-4.\nOakland have won five in a row.\n")
    assert got["Milwaukee"] == {"place"}
    assert got["Oakland"] == {"organization"}  # "Oakland" of "Oakland Athletics" in a story of games


def test_a_national_side_stays_a_place(nlp):
    got = types(nlp, "SOCCER - FRIENDLY\nLONDON 1996-11-10\nScotland beat Norway 2-1 in Glasgow on Sunday.\n")
    assert got["Scotland"] == {"place"} and got["Norway"] == {"place"}


def test_a_city_in_a_story_of_no_game_stays_a_place(nlp):
    got = types(nlp, "TRAM LINE OPENS\nPORTLAND 1996-12-03\nPortland opened its new tram line on Tuesday.\n"
                     "Officials in Houston said they would study the line.\n")
    assert "organization" not in got.get("Portland", set()) | got.get("Houston", set())


def test_the_sides_of_a_score_line_are_found_whatever_word_they_are(nlp):
    got = types(nlp, "RUGBY UNION - CLUB RESULTS\nLONDON 1996-12-07\nResults of club matches on Saturday:\n"
                     "Sale 24 Wasps 19\nOrrell 10 Bath 31\n")
    assert got["Sale"] == {"organization"} and got["Wasps"] == {"organization"}


def test_a_row_of_decimals_names_no_side(nlp):
    got = types(nlp, "HARBIN TOOLS RESULTS\nTOKYO 1996-12-03\nResults of Harbin Tools for the half year:\n"
                     "Sales 9.06 9.31 8.42\nCurrent 1.30 1.35 1.09\n")
    assert "Sales" not in got and "Current" not in got


def test_a_scorecard_with_no_prose_around_it_is_read(nlp):
    got = types(nlp, "CRICKET - SCOREBOARD\nPERTH 1996-12-14\nScoreboard on the first day:\n"
                     "Tobin Vane c Ardley b Pruitt 31\nMarco Hale not out 12\nExtras (lb-2) 2\n"
                     "Bowling: Pruitt 11-2-30-1, Kesterton 9-1-41-0\n")
    assert {"Tobin Vane", "Pruitt", "Kesterton"} <= {t for t, ty in got.items() if "person" in ty}


def test_a_name_with_the_minute_in_a_match_summary_is_the_scorer(nlp):
    got = types(nlp, "SOCCER - DUTCH SUMMARIES\nAMSTERDAM 1996-12-08\nSummaries of Dutch league matches on Sunday:\n"
                     "Utrecht 2 (Veldkamp 12th, Brugge 80th pen) Volendam 1 (Hartman 55th)\n")
    assert {"Veldkamp", "Brugge", "Hartman"} <= {t for t, ty in got.items() if ty == {"person"}}
    assert got["Utrecht"] == {"organization"}


def test_a_date_with_an_ordinal_is_no_scorer(nlp):
    got = types(nlp, "TALKS RESUME\nGENEVA 1996-12-08\nThe talks will resume in Geneva (August 24th, at the latest).\n")
    assert "August" not in got


def test_two_towns_a_fixture_joins_are_the_clubs(nlp):
    got = types(nlp, "Tottenham host Brighton on Sunday, and Wigan visit Norwich. Ipswich travel to Hull.\n")
    assert all(got[name] == {"organization"} for name in ("Tottenham", "Brighton", "Wigan", "Norwich", "Ipswich"))


def test_a_visit_between_capitals_is_no_fixture(nlp):
    got = types(nlp, "The prime minister will visit Berlin next week. Paris hosts Berlin's mayor on Friday.\n")
    assert got["Paris"] == {"place"} and got["Berlin"] == {"place"}


def test_in_a_story_of_games_a_side_that_loses_needs_no_score_of_its_own(nlp):
    got = types(nlp, "Real Madrid beat Sevilla 2-0 on Sunday. Atletico lost to Getafe on Saturday.\n")
    assert got["Getafe"] == {"organization"}

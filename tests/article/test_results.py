"""Sports results set as lines of their own: score lines and standings rows, found and kept as the story's content."""
from __future__ import annotations

import pytest

from newskit.article.builder import parse_article
from newskit.article.results import is_results_line, result_names

SIDES = [
    ("Halifax 2 Wrexham 1", ["Halifax", "Wrexham"]),
    ("Stockport 0 Forest Green Rovers 3 (half time 0-1)", ["Stockport", "Forest Green Rovers"]),
    ("BARNSLEY 5 4 1 0 12 3 13", ["BARNSLEY"]),
    ("Kansas City 61 74 .452 20", ["Kansas City"]),
    ("St Mirren 40 31 .563 5 1/2", ["St Mirren"]),
    ("In Tromso: Lyngen (Norway) 3 Dunmore Rovers (Ireland) 1 (2-0)", ["Lyngen", "Dunmore Rovers"]),
]

NOT_RESULTS = ["The club scored 3 goals in 2 games", "Tuesday 12 March 2024", "W D L F A Pts",
               "He said Alloa v Brechin was a dull game", "He met Ana Ruiz (Spain) on Monday",
               "Harbour strike ends after 9 days", "Updated 5:12", "1. Markets rally as rates hold at 5",
               "Read more (Opinion) 10:45"]
PLACINGS = ["1. Ines Barrow (Kenya) 13:02.45", "7 Mia Holt (Norway) 2:01.3",
            "Ana Ruiz (Spain) beat Mia Holt (Norway) 2-0", "Ana Ruiz (Spain) beat Mia Holt (Norway) 2-0,"]
# lines of a match report's tables that name players
PLAYERS = ["7. Ana Ruiz (Spain) Festina same time", "4 - Ivo Bek (Czech Republic) beat Tom Ames (Canada) 15-9",
           "Ana Ruiz (Spain) beat Mia Holt (Norway), walkover", "Lyngen - Ola Dahl (10th), Ivo Bek (72nd)"]
# a list of fixtures, wrapped over lines
FIXTURES = ["Alloa v Brechin, Forfar v St Mirren, Partick v", "Cowdenbeath, Dumbarton v Stranraer."]


@pytest.mark.parametrize("line, names", SIDES)
def test_the_sides_of_a_results_line(line, names):
    assert [line[a:b] for a, b in result_names(line)] == names


@pytest.mark.parametrize("line", PLACINGS)
def test_a_placing_is_a_results_line_that_names_no_side(line):
    assert is_results_line(line) and result_names(line) == []


@pytest.mark.parametrize("line", PLAYERS)
def test_a_line_naming_players_with_their_country_or_minute_is_a_results_line(line):
    assert is_results_line(line)


@pytest.mark.parametrize("line", FIXTURES)
def test_a_list_of_fixtures_is_a_results_line(line):
    assert is_results_line(line)


@pytest.mark.parametrize("line", NOT_RESULTS)
def test_other_lines_are_no_results(line):
    assert not is_results_line(line)


def test_a_results_table_closing_a_story_is_content_not_furniture():
    text = ("Barnsley stay top after late winner\n\nBarnsley beat Stockport with a goal in the last minute on "
            "Saturday to stay top of the table, three points clear of Halifax.\n\nStandings after Saturday's games:\n"
            "Barnsley 5 4 1 0 12 3 13\nHalifax 5 3 1 1 9 5 10\nStockport 5 1 1 3 4 8 4\n")
    fields = {ln.text: ln.field for ln in parse_article(text).layout}
    assert fields["Halifax 5 3 1 1 9 5 10"] == "body"
    assert fields["Stockport 5 1 1 3 4 8 4"] == "body"


def test_placings_closing_a_story_are_content():
    text = ("Barrow wins the 5,000 metres\n\nInes Barrow of Kenya won the women's 5,000 metres on Sunday in the "
            "fastest time of the year, ahead of two Norwegians.\n\nWomen's 5,000 metres final:\n"
            "1. Ines Barrow (Kenya) 14:28.41\n2. Mia Holt (Norway) 14:30.02\n3. Kari Lund (Norway) 14:31.77\n")
    fields = {ln.text: ln.field for ln in parse_article(text).layout}
    assert fields["2. Mia Holt (Norway) 14:30.02"] == "body"


TABLES = [
    ("Final standings:", ["Leeds 40 points", "Derby 38", "Hull 35"]),
    ("Scores:", ["Kent 301 and 144-3 declared", "Essex 212 and 98"]),
    ("Race result:", ["1. Mia Holt (Norway) Alpine 1:31:02.114", "2. Ana Ruiz (Spain) Haas 12.402 seconds behind"]),
    ("Women's final:", ["Ana Ruiz (Spain) beat Mia Holt (Norway) 6-3 4-6 7-5"]),
    ("Leading scores:", ["68 Tom Reed, Ian Marsh (Wales), Carl", "Dunne, Mark Booth", "70 Sam Hale"]),
]


@pytest.mark.parametrize("heading, rows", TABLES, ids=[t[0] for t in TABLES])
def test_a_results_table_of_names_and_figures_is_content(heading, rows):
    # short rows with a few figures and the table's own words, under a heading or one beside another
    text = ("Leeds take the title on the last day\n\nLeeds won the title on Sunday after a tense afternoon in "
            "which three sides could still have finished first, their coach said after the game.\n\n"
            f"{heading}\n" + "\n".join(rows) + "\n")
    fields = {ln.text: ln.field for ln in parse_article(text).layout}
    assert [fields[r] for r in rows] == ["body"] * len(rows)
    assert fields[heading] == "boilerplate"


def test_page_labels_with_numbers_stay_furniture():
    text = ("Harbour strike ends after nine days\n\nDock workers went back to work on Monday after the port and "
            "the union agreed a pay rise of four percent over two years, the union's leader said.\n\n"
            "See photos from this story:\n4 PHOTOS\nComments (19)\n>247Sports\n")
    fields = {ln.text: ln.field for ln in parse_article(text).layout}
    assert {fields[x] for x in ("4 PHOTOS", "Comments (19)", ">247Sports")} == {"boilerplate"}


@pytest.mark.parametrize("line", ["Tobin Vane c Ardley b Pruitt 31", "Marco Hale not out 12", "K. Orme lbw b Pruitt 4",
                                  "Bowling: Pruitt 11-2-30-1, Kesterton 9.3-1-41-0"])
def test_a_line_of_a_cricket_scorecard_is_a_results_line(line):
    assert is_results_line(line)


@pytest.mark.parametrize("line", ["He was not out 57 times in his career", "The vote was 5-4 in favour",
                                  "Photo by Ana Ruiz 2020"])
def test_prose_with_figures_is_no_scorecard_line(line):
    assert not is_results_line(line)

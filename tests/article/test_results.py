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
]

NOT_RESULTS = ["The club scored 3 goals in 2 games", "Tuesday 12 March 2024", "W D L F A Pts",
               "Harbour strike ends after 9 days", "1. Ines Barrow (Kenya) 13:02.45"]


@pytest.mark.parametrize("line, names", SIDES)
def test_the_sides_of_a_results_line(line, names):
    assert [line[a:b] for a, b in result_names(line)] == names


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

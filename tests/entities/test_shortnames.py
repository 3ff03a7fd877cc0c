"""People, places and organizations named by one word on short stories of the kinds the type vote misread
(data/shortnames.txt, written for these tests): carmakers and banks whose chiefs the story calls by surname, stock
markets, football clubs named by their towns and their leagues, parties and their leaders. Scored as CoNLL-2003 is
(exact spans; MISC not scored), each half against its own floor."""
from __future__ import annotations

from pathlib import Path

import pytest

from marked_stories import mention_f1, stories

STORIES = Path(__file__).parent / "data" / "shortnames.txt"
# mention F1 floors, a few points under what the pipeline scores (0.892, 0.891 and 0.835 when they were set; the
# code before the story's own person and side cues scored 0.803, 0.840 and 0.835): half A was read while tuning, B
# was not at first (one of its errors later prompted a change, dropped), C was written after that and scored only
# at the end
FLOORS = {"A": 0.86, "B": 0.86, "C": 0.80}


def test_the_stories_are_read_back_with_their_marks():
    text, gold = stories(STORIES, "A")[0]
    assert text.startswith("Ford will cut another 4,000 salaried jobs")
    assert {text[a:b] for a, b, t in gold} >= {"Ford", "Mulally", "Dearborn"}
    assert [len(stories(STORIES, half)) for half in "ABC"] == [10, 10, 8]


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_mention_f1_on_each_half_clears_its_floor(nlp, half):
    assert mention_f1(nlp, STORIES, half) >= FLOORS[half]

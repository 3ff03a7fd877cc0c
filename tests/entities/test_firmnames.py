"""Firms whose names read like a person's on short market and carmaker stories (data/firmnames.txt, written for
these tests): banks whose shares move by a percentage, firms listed beside other firms or after a plural firm
noun. Scored as CoNLL-2003 is (exact spans; MISC not scored), each half against its own floor."""
from __future__ import annotations

from pathlib import Path

import pytest

from marked_stories import mention_f1, stories

STORIES = Path(__file__).parent / "data" / "firmnames.txt"
# mention F1 floors, a few points under what the pipeline scores (0.902 and 0.889 when they were set; 0.863 and
# 0.815 before the vote's price-move, list and counterpart cues): half A was read while tuning them, B was not
FLOORS = {"A": 0.88, "B": 0.86}


def test_the_stories_are_read_back_with_their_marks():
    text, gold = stories(STORIES, "A")[0]
    assert text.startswith("Bank shares led the market higher")
    assert {text[a:b] for a, b, t in gold} >= {"JPMorgan Chase", "Wells Fargo", "Boston"}
    assert [len(stories(STORIES, half)) for half in "AB"] == [5, 5]


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_mention_f1_on_each_half_clears_its_floor(nlp, half):
    assert mention_f1(nlp, STORIES, half) >= FLOORS[half]

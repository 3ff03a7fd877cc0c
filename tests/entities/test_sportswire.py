"""People, places and organizations on short sports and general wire stories in the manner of December 1996
(data/sportswire.txt, written for these tests): results tables and standings of many sports, clubs named by their
city, national sides, North American leagues, cricket scorecards, tennis, golf, skiing; politics and business with
datelines. Scored as CoNLL-2003 is (exact spans; MISC not scored), each half against its own floor."""
from __future__ import annotations

from pathlib import Path

import pytest

from marked_stories import mention_f1, stories

STORIES = Path(__file__).parent / "data" / "sportswire.txt"
# mention F1 floors, a few points under what the pipeline scores (0.918 and 0.904 when they were set; the code
# before the sides, scorecard and heading rules scored 0.868 and 0.865): half A was read while tuning, B was not
FLOORS = {"A": 0.90, "B": 0.88}


def test_the_stories_are_read_back_with_their_marks():
    text, gold = stories(STORIES, "A")[0]
    assert text.startswith("SOCCER - ENGLISH LEAGUE RESULTS")
    assert {text[a:b] for a, b, t in gold if t == "ORG"} >= {"Aston Villa", "Leeds", "Port Vale", "Newcastle"}
    assert len(stories(STORIES, "A")) == len(stories(STORIES, "B")) == 16


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_mention_f1_on_each_half_clears_its_floor(nlp, half):
    assert mention_f1(nlp, STORIES, half) >= FLOORS[half]

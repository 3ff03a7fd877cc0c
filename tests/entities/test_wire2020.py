"""People, places and organizations on short wire stories of 2020 (data/wire2020.txt, written for these tests):
vaccine makers, health agencies, apps, elections, central banks, courts, football, tennis and motor racing results,
lockdown travel. Scored as CoNLL-2003 is (exact spans; MISC not scored), each half against its own floor."""
from __future__ import annotations

from pathlib import Path

import pytest

from marked_stories import mention_f1, stories

STORIES = Path(__file__).parent / "data" / "wire2020.txt"
# mention F1 floors, a few points under what the pipeline scores: half A was read while tuning, half B was not
FLOORS = {"A": 0.90, "B": 0.82}


def test_the_stories_are_read_back_with_their_marks():
    text, gold = stories(STORIES, "A")[0]
    assert text.startswith("MODERNA SAYS VACCINE")
    assert sorted(text[a:b] for a, b, t in gold if t == "PER") == ["Anthony Fauci", "Stephane Bancel"]
    assert len(stories(STORIES, "A")) == len(stories(STORIES, "B")) == 16


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_mention_f1_on_each_half_clears_its_floor(nlp, half):
    assert mention_f1(nlp, STORIES, half) >= FLOORS[half]

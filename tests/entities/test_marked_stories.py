"""People, places and organizations on the own-words story sets under tests/entities/data (written for these tests;
each file's header says what it holds and how its names are marked). Each set is scored as CoNLL-2003 is (exact
spans; MISC not scored, so a product or an index typed an organization counts against precision), each half
against its own floor: a few points under what the pipeline scored when the floor was set. Half A of every set was
read while tuning; the others were kept as the check."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from marked_stories import mention_f1, stories

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class StorySet:
    """A set and what reading its first story back must give: its opening words, names marked in it (of one type
    with `kind`; exactly these, in order, with `exact`), names that must stay unmarked, and the stories per half."""

    file: str
    floors: dict[str, float]
    opening: str
    names: tuple[str, ...]
    counts: dict[str, int]
    kind: str | None = None
    exact: bool = False
    unmarked: tuple[str, ...] = field(default=())


SETS = [
    # short wire stories of 2020: vaccine makers, health agencies, apps, elections, central banks, courts, football,
    # tennis and motor racing results, lockdown travel
    StorySet("wire2020.txt", {"A": 0.90, "B": 0.82}, "MODERNA SAYS VACCINE", ("Anthony Fauci", "Stephane Bancel"),
             {"A": 16, "B": 16}, kind="PER", exact=True),
    # sports and general wire in the manner of December 1996: results tables and standings, clubs named by their
    # city, national sides, North American leagues, cricket scorecards, tennis, golf, skiing; politics and business
    # with datelines. Floors set at 0.918 / 0.904; the code before the sides, scorecard and heading rules scored
    # 0.868 / 0.865
    StorySet("sportswire.txt", {"A": 0.90, "B": 0.88}, "SOCCER - ENGLISH LEAGUE RESULTS",
             ("Aston Villa", "Leeds", "Port Vale", "Newcastle"), {"A": 16, "B": 16}, kind="ORG"),
    # business stories of the kinds the product and index steps are for: carmakers, their brands and models, stock
    # markets and their indices, phones, planes and e-readers. Floors set at 0.931 / 0.871; the code before the
    # thing-reading cues scored 0.855 / 0.861
    StorySet("autowire.txt", {"A": 0.90, "B": 0.84}, "Ford said on Monday that sales of the Focus",
             ("Ford", "Mark Fields", "Texas"), {"A": 13, "B": 12}, unmarked=("Focus",)),  # a product: MISC
    # one-word names of the kinds the type vote misread: carmakers and banks whose chiefs the story calls by surname,
    # stock markets, football clubs named by their towns and their leagues, parties and their leaders. Floors set at
    # 0.892 / 0.891 / 0.835; the code before the story's own person and side cues scored 0.803 / 0.840 / 0.835. B was
    # not read at first (one of its errors later prompted a change, dropped); C was written after that and scored
    # only at the end
    StorySet("shortnames.txt", {"A": 0.86, "B": 0.86, "C": 0.80}, "Ford will cut another 4,000 salaried jobs",
             ("Ford", "Mulally", "Dearborn"), {"A": 10, "B": 10, "C": 8}),
    # firms whose names read like a person's: banks whose shares move by a percentage, firms listed beside other
    # firms or after a plural firm noun. Floors set at 0.902 / 0.889; the code before the vote's price-move, list and
    # counterpart cues scored 0.863 / 0.815
    StorySet("firmnames.txt", {"A": 0.88, "B": 0.86}, "Bank shares led the market higher",
             ("JPMorgan Chase", "Wells Fargo", "Boston"), {"A": 5, "B": 5}),
]


@pytest.mark.parametrize("story_set", SETS, ids=[s.file for s in SETS])
def test_the_stories_are_read_back_with_their_marks(story_set):
    path = DATA / story_set.file
    text, gold = stories(path, "A")[0]
    assert text.startswith(story_set.opening)
    marked = [text[a:b] for a, b, t in gold if story_set.kind is None or t == story_set.kind]
    if story_set.exact:
        assert sorted(marked) == sorted(story_set.names)
    else:
        assert set(marked) >= set(story_set.names)
    assert not set(story_set.unmarked) & {text[a:b] for a, b, t in gold}
    assert {half: len(stories(path, half)) for half in story_set.counts} == story_set.counts


@pytest.mark.parametrize(("story_set", "half"), [(s, h) for s in SETS for h in sorted(s.floors)],
                         ids=[f"{s.file}-{h}" for s in SETS for h in sorted(s.floors)])
def test_mention_f1_on_each_half_clears_its_floor(nlp, story_set, half):
    assert mention_f1(nlp, DATA / story_set.file, half) >= story_set.floors[half]

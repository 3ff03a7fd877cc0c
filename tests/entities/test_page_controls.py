"""A browser copy of a news page keeps the page's controls and time stamps on lines of their own ("Expand", "Scroll
to Continue", "Last Updated: 24 minutes ago"); their capitalized words are no people, places or organizations. The
pages below are written for these tests after the layouts of real news sites."""
from __future__ import annotations

import pytest

from newskit.article import parse_article
from newskit.entities.extract import extract_entities

PAGES = [
    "Harbour bridge reopens after two years\n\nBy Ann Lee\nMarch 3, 2021, 9:12 AM UTC / Updated March 3, 2021, "
    "4:10 PM UTC\n\nExpand\n\nLYON - Paul Girard, the city's mayor, reopened the harbour bridge on Monday.\n\n"
    "Scroll to Continue\n\nThe bridge had been closed since a barge hit it in 2019, Girard said.\n",
    "House prices fall for a third month\n\nJo Park · Wire News · Posted: Oct 14, 2022 9:27 AM ET | Last Updated: 24 "
    "minutes ago\n\nUnmute\n\nHome prices in Toronto fell 3 percent in September, the Canadian Real Estate "
    "Association said on Friday.\n\nReply\n",
]


@pytest.mark.parametrize("page", PAGES)
def test_page_controls_and_stamps_are_no_entities(nlp, page):
    names = {m.text for e in extract_entities(nlp(page), parse_article(page)) for m in e.mentions}
    assert not names & {"Updated", "Posted", "Expand", "Continue", "Unmute", "Reply"}, names


def test_the_story_around_them_keeps_its_names(nlp):
    page = PAGES[0]
    found = {(e.type, e.name) for e in extract_entities(nlp(page), parse_article(page))}
    assert ("person", "Paul Girard") in found and ("place", "Lyon") in found

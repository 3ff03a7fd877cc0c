"""The article parser on the seed, on hand-written articles in real sites' layouts, and on arbitrary text."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit import parse_article

ARTICLES = Path(__file__).parent / "layouts"
CASES = sorted(p for p in ARTICLES.glob("*.txt"))


def _read(path: Path) -> str:
    # Bytes, not text mode: CRLF must survive so offsets index the file as it is.
    return path.read_bytes().decode("utf-8")


def test_seed_fields(seed_text):
    a = parse_article(seed_text)
    assert a.headline == "North Korea ready to welcome Putin’s state visit"
    assert a.subheadline == "For the head of state of Russia, it would mark his first North Korea trip in 24 years."
    assert a.authors == ("Kim Arin",)
    assert a.publisher == "The Korea Herald"
    assert a.published == "2024-01-22"
    assert a.dateline == "SEOUL"
    assert [(i.file, i.caption, i.credit) for i in a.images] == [
        ("micha-brandli-xTEagVRu_1U-unsplash.jpg", "An image from the city of Pyongyang.", "Unsplash")]
    assert a.paragraphs[0].text.startswith("North Korea says it is ready")
    assert not any("scroll to top" in p.text for p in a.paragraphs)
    assert [b.text for b in a.boilerplate] == ["scroll to top"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_article_cases(path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    text = _read(path)
    a = parse_article(text)
    for key in ("headline", "subheadline", "publisher", "published", "dateline"):
        if key in expected:
            assert getattr(a, key) == expected[key], key
    if "authors" in expected:
        assert list(a.authors) == expected["authors"]
    if "images" in expected:
        got = [{"file": i.file, "caption": i.caption, "credit": i.credit} for i in a.images]
        assert got == expected["images"]
    if "body_starts" in expected:
        assert a.paragraphs and a.paragraphs[0].text.startswith(expected["body_starts"])
    for s in expected.get("body_excludes", []):
        assert not any(s in p.text for p in a.paragraphs), s
    boiler = " ".join(b.text for b in a.boilerplate)
    for s in expected.get("boilerplate_includes", []):
        assert s in boiler, s
    _check_invariants(text, a)


_BODY = ("The city council voted on Monday to approve a new budget that raises spending on parks and libraries by "
         "nearly a fifth, officials said.\n\nThe measure passed 7-2 after a debate that lasted more than four hours.\n")
_HEAD = "Council approves budget with big boost for parks and libraries"


@pytest.mark.parametrize("top, authors, published, publisher", [
    ("Skip to content\nHome\nNews\nSport\nWorld\nAsia\n{h}\n2 hours ago\nShare\nSave\n", [], None, None),
    ("{h} - The Springfield Post\n\n", [], None, "The Springfield Post"),
    ("News › Local › City Hall\n{h}\nBy JANE DOE\nJan. 22, 2024, 9:30 AM ET\n", ["Jane Doe"], "2024-01-22", None),
    ("Home\nCity\n{h}\nJane Doe\n@janedoe\nJanuary 22, 2024 | Updated: January 23, 2024\n", ["Jane Doe"],
     "2024-01-22", None),
    ("{h}\nJane Doe · 5 min read · Jan 22, 2024\nListen to this article · 5 min\n", ["Jane Doe"], "2024-01-22", None),
    ("Sign in\nUK\nWorld\n{h}\nFirst published on Mon 22 Jan 2024\nBy Jane Doe and John Roe | The Washington Post\n",
     ["Jane Doe", "John Roe"], "2024-01-22", "The Washington Post"),
])
def test_header_forms(top, authors, published, publisher):
    text = top.format(h=_HEAD) + _BODY
    a = parse_article(text)
    assert (a.headline, list(a.authors), a.published, a.publisher) == (_HEAD, authors, published, publisher)
    assert a.paragraphs[0].text.startswith("The city council voted")
    _check_invariants(text, a)


def _check_invariants(text, a):
    for item in list(a.layout) + list(a.paragraphs) + list(a.boilerplate) + [s for i in a.images for s in i.spans]:
        assert text[item.start:item.end] == item.text
    covered = [False] * len(text)
    for ln in a.layout:
        for k in range(ln.start, ln.end):
            covered[k] = True
    for k, ch in enumerate(text):
        if not ch.isspace():
            assert covered[k], f"character {k} ({text[max(0, k - 20):k + 20]!r}) lost"


_pieces = st.sampled_from(["\n", "\r\n", "\r", "\n\n", " ", "\t", "By Jane Doe", "January 22, 2024", "SEOUL – ",
                           "photo.jpg", "PHOTO: Unsplash", "scroll to top", "“", "”", "\x00", "\x0b", "\u2028",
                           "The Korea Herald", "Advertisement", "(AP) — ", "Updated 3:15 PM"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=40), _pieces), max_size=40).map("".join))
def test_never_raises_and_loses_nothing(text):
    a = parse_article(text)
    _check_invariants(text, a)
    if a.published:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", a.published)


@settings(max_examples=20, deadline=None)
@given(st.text(min_size=1, max_size=100).map(lambda t: t.replace("\n", " ").replace("\r", " ") * 200))
def test_long_lines_without_newlines(text):
    _check_invariants(text, parse_article(text))


# Issue 12 (1): a date or byline line at the end of a blog post gives the publication date and the author.
_POST = ("Notes from the allotment\n\nLast spring the plot flooded twice, and we lost most of the beans.\n\n"
         "This year we raised the beds by a foot and dug a channel along the hedge.\n\n")


@pytest.mark.parametrize("last, authors", [
    ("Posted by Sam Ortega on 3 June 2022", ["Sam Ortega"]),
    ("June 3, 2022", []),
    ("Published: 3 June 2022", []),
    ("Sam Ortega, June 3, 2022", ["Sam Ortega"]),
])
def test_closing_line_dates_the_post(last, authors):
    text = _POST + last + "\n"
    a = parse_article(text)
    assert (a.published, list(a.authors)) == ("2022-06-03", authors)
    assert not any(last in p.text for p in a.paragraphs)
    _check_invariants(text, a)


_SHORT_POST = ("Why the lane keeps flooding\n\nThe brook burst its banks again last spring, and the council says "
               "little has changed.\n\nNeighbours have asked for sandbags before winter.\n\n")


@pytest.mark.parametrize("last", ["Posted by Sam Ortega on 3 June 2022", "June 3, 2022"])
def test_closing_line_of_a_short_post_keeps_its_body(last):
    # A signature under two short paragraphs is no header: the paragraphs above it stay the body.
    a = parse_article(_SHORT_POST + last + "\n")
    assert a.published == "2022-06-03"
    assert [p.text[:13] for p in a.paragraphs] == ["The brook bur", "Neighbours ha"]
    assert a.subheadline is None


def test_closing_line_anchors_relative_dates():
    from newskit.pipeline import analyze_text

    record = analyze_text(_POST + "Posted by Sam Ortega on 3 June 2022\n", tasks=("parse", "dates"))
    assert record.article.published == "2022-06-03"
    value = {d.text: d.value for d in record.dates}["Last spring"]
    assert value[:4] in ("2021", "2022")  # resolved against the post's date, not left as XXXX-SP


# Issue 12 (5): an AP story's "___" separator and contributor line are furniture, not paragraphs.
def test_wire_separator_and_contributor_line():
    text = ("Harbour strike ends after nine days\n\nBy JANE DOE\n\nPORT ELLIS, Maine (AP) — Dock workers returned on "
            "Monday after a nine-day strike over pay.\n\nThe union said members approved the deal by a wide margin.\n\n"
            "___\n\nAssociated Press writers Jo Park in Boston and Sam Ortega in New York contributed to this "
            "report.\n")
    a = parse_article(text)
    assert [p.text[:10] for p in a.paragraphs] == ["Dock worke", "The union "]
    assert any(b.text == "___" for b in a.boilerplate)
    assert any(b.text.startswith("Associated Press writers") for b in a.boilerplate)
    _check_invariants(text, a)


def test_short_date_lines_read_months_from_the_one_month_table():
    # Issue 10: one month table. The header's own "Mar[a-z]*" list took "Marching 12" and "Mayor 3" for dates.
    from newskit.article.header import _SHORT_DATE, _YEARLESS

    assert _YEARLESS.match("Posted on Tue, March 3 at 10:30 am") and _SHORT_DATE.match("Sept. 4")
    assert not _SHORT_DATE.match("Marching 12 miles") and not _YEARLESS.match("Mayor 3")


@pytest.mark.parametrize("stamp", ["SAN DIEGO 2021-03-04", "PUERTO RICO CITY, Texas 2021-03-04",
                                   "CAPE TOWN 1997-01-12"])
def test_wire_date_stamp_is_no_byline(stamp):
    # a wire story's city in capitals before its filing date reads like a name in capitals, but is the dateline
    a = parse_article(f"Water utility raises its prices for the first time in years\n{stamp}\n"
                      "The city's water utility said on Thursday it would raise prices by four percent.\n")
    assert a.authors == ()
    assert a.published == stamp[-10:]

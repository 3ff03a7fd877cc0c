"""Pasted real pages: the header and footer forms browsers copy out of news sites, blogs and newsrooms.

Each case is a real page's layout, shortened and reworded: the lines around the article are kept in their order and
shape (menus, kickers, labels, share bars, date stamps), the article itself is a stand-in."""
from __future__ import annotations

import pytest

from newskit import parse_article
from newskit.article.bylines import parse_byline
from newskit.article.pubdate import find_date
from pasted import parse_checked

BODY = ("The harbour authority said on Monday that the ferry terminal would close for repairs after inspectors found "
        "cracks in two of its piers.\n\nThe closure is expected to last until the end of the summer, officials said.\n")
HEAD = "Ferry terminal to close for pier repairs after inspection"


def parse(top: str, tail: str = ""):
    return parse_checked(top.format(h=HEAD) + BODY + tail)


# --- dates -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, iso", [
    ("Tue 14 Mar 2023 09.30 GMT Last modified on Tue 14 Mar 2023 11.05 GMT", "2023-03-14"),  # UK broadsheet
    ("03.14.2023", "2023-03-14"),                       # tech magazine, US order with dots
    ("14 Mar, 2023", "2023-03-14"),
    ("14. March, 2023", "2023-03-14"),                  # European style
    ("14/03/2023", "2023-03-14"),                       # day first, unambiguous
    ("03/14/23", "2023-03-14"),                         # two-digit year
    ("2023-03-14", "2023-03-14"),
    ("March 14th, 2023", "2023-03-14"),
    ("Published: 14 March 2023", "2023-03-14"),
    ("Published Tuesday 14 March 2023 Published Tue 14 Mar 2023", "2023-03-14"),  # health site, stamp twice
    ("Mar. 14, 2023, 10:00 PM UTC / Updated Mar. 15, 2023, 12:43 PM UTC", "2023-03-14"),  # updated shown second
])
def test_date_line_forms(line, iso):
    art = parse("Home\nWorld\n{h}\nBy Jane Doe\n" + line + "\n")
    assert (art.headline, art.published) == (HEAD, iso)


def test_updated_is_not_the_publication_date_when_the_original_is_shown():
    art = parse("{h}\nBy Jane Doe\nUpdated March 15, 2023\nPublished March 14, 2023\n")
    assert (art.published, art.updated) == ("2023-03-14", "2023-03-15")


def test_day_first_habit_decides_an_ambiguous_date():
    # A European newsroom: one date reads only day first (21/03/2023), so 03/04/2023 is 3 April.
    art = parse("{h}\nBy Jane Doe\n03/04/2023\n", "\nThe next board meeting is set for 21/03/2023.\n")
    assert art.published == "2023-04-03"
    assert parse("{h}\nBy Jane Doe\n03/04/2023\n").published == "2023-03-04"  # US order otherwise


def test_outlet_glued_to_its_date():
    # A portal's header copies as "Yahoo FinanceOctober 13, 2016" under the author and the job line.
    art = parse("{h}\nBen Cole\nGames Editor\nDaily FinanceOctober 13, 2016\nShare\nTweet\n")
    assert (art.authors, art.published) == (("Ben Cole",), "2016-10-13")


def test_relative_stamp_gives_no_date():
    art = parse("{h}\nBy Jane Doe\n2 hours ago\n")
    assert art.published is None and art.authors == ("Jane Doe",)


def test_lead_date_opens_the_first_paragraph():
    # A health site: "Feb. 23, 2015 -- Text" with the byline, a degree and the outlet line above.
    text = f"{HEAD}\n\nBy Brenda Lowe, MA\nMedNews Health News\nReviewed by Sam Ode, MD\n\n" \
           "Feb. 23, 2015 -- " + BODY
    art = parse_article(text)
    assert (art.published, art.authors) == ("2015-02-23", ("Brenda Lowe",))
    assert art.paragraphs[0].text.startswith("The harbour authority")


# --- dates and bylines at the foot of the article ----------------------------------------------------------------
@pytest.mark.parametrize("tail, authors", [
    ("Posted on March 14, 2023 by Jane Doe\n", ("Jane Doe",)),
    ("March 14, 2023Jane Doe\nLeave a comment\n", ("Jane Doe",)),          # date glued to the author by the copy
    ("Posted by Jane Doe at 12:55 AM on March 14, 2023\nEmail ThisBlogThis!Share to Twitter\nLabels: Ports\n",
     ("Jane Doe",)),
    ("Posted by Jane Doe on 14 March 2023\n", ("Jane Doe",)),
    ("Jane Doe, March 14, 2023\n", ("Jane Doe",)),
    ("Published: 14 March 2023\n", ()),
    ("March 14, 2023\n", ()),
])
def test_closing_date_and_byline(tail, authors):
    art = parse("{h}\n\n", "\n" + tail)
    assert (art.headline, art.published, art.authors) == (HEAD, "2023-03-14", authors)
    assert not any("2023" in p.text for p in art.paragraphs)


def test_header_byline_wins_over_a_closing_one():
    art = parse("{h}\nBy John Roe\nMarch 10, 2023\n", "\nPosted by Jane Doe on 14 March 2023\n")
    assert (art.published, art.authors) == ("2023-03-10", ("John Roe",))


# --- headlines -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("top, dek", [
    # A US broadsheet: "Supported by", headline, dek, then an "Image" label and the photo's caption.
    ("Supported by\n{h}\nThe piers were built in 1911 and have not been rebuilt since, records show.\nImage\n"
     "A crane lifts a beam at the terminal on Monday.CreditJo Park/Harbour Times\nBy Jane Doe\nMarch 14, 2023\n",
     "The piers were built in 1911 and have not been rebuilt since, records show."),
    # A cable network: kicker, headline, dek, a stray link label, then the date and byline.
    ("World\n\n{h}\n\nRepairs will cost more than expected, the authority said in a statement on Monday.\n"
     "Get more newson\n\nMar. 14, 2023, 10:00 PM UTC\nBy Jane Doe and John Roe\n",
     "Repairs will cost more than expected, the authority said in a statement on Monday."),
    # A UK broadsheet: headline, a caption, a staff line, then the date.
    ("{h}\nA ferry waits at the terminal in 2019 (Photo: Jo Park/Harbour Times)\nOur Foreign Staff\n"
     "14 March 2023 • 2:15pm\n", None),
    # A tech site: masthead, section twice, the headline twice (page title and heading), the dek, the byline.
    ("HarbourTech\nTech Industry\n{h}\n{h}\nInspectors found cracks in two of the piers, and more may follow.\n"
     "Tech Industry\nby Jane Doe March 14, 2023 11:00 PM PST\n@janedoe\n",
     "Inspectors found cracks in two of the piers, and more may follow."),
])
def test_headline_among_labels(top, dek):
    art = parse(top)
    assert (art.headline, art.subheadline, art.published) == (HEAD, dek, "2023-03-14")


def test_menus_breadcrumbs_and_sign_in_are_not_the_headline():
    art = parse("Sign in / Sign up\nNews › Local › Harbour\nMenu\n{h}\nBy Jane Doe\nMarch 14, 2023\n")
    assert (art.headline, art.authors) == (HEAD, ("Jane Doe",))


# --- bylines ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, names", [
    ("ByJane Doe", ["Jane Doe"]),                                    # glued by the copy
    ("By Jane Doe, MA", ["Jane Doe"]),                               # a degree
    ("By JANE DOE March 14, 2023 3:46 PM Good Morning Show", ["Jane Doe"]),
    ("By JANE DOE MAR. 14, 2023", ["Jane Doe"]),
    ("Jane Doe - Mar 14, 2023 8:02 pm UTC", ["Jane Doe"]),
    ("by Jane Doe @janedoe March 14, 2023: 12:41 PM ET", ["Jane Doe"]),
    ("By Jane Doe March 14 at 3:57 PM Follow @janedoe", ["Jane Doe"]),
    ("Jane Doe 1 day ago", ["Jane Doe"]),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("By Ann Lee, Bo Park and Cy Young", ["Ann Lee", "Bo Park", "Cy Young"]),
    ("By Jane Doe, Senior Staff Technologist, Harbour Speech, Privacy, and Technology Project", ["Jane Doe"]),
    ("By J. K. Rowling", ["J. K. Rowling"]),
    ("By Martin Luther King Jr.", ["Martin Luther King Jr."]),
    ("Ann B.", ["Ann B."]),
    ("Richard (R.J.) Eskow", ["Richard (R.J.) Eskow"]),
    ("On 6/13/2018 by @harbourwriter", ["@harbourwriter"]),
])
def test_byline_forms(line, names):
    assert parse_byline(line)[0] == names


@pytest.mark.parametrize("line", ["Share Tweet Email Save More", "Watch", "Listen", "From the section Business",
                                  "Older Article", "Google Scholar", "Resize Text", "Print Article", "Staff reporter",
                                  "Health News"])
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_byline_on_two_lines_with_a_job_line():
    # A regional daily: "By" alone, the name, the job line; the date above.
    art = parse("{h}\nMarch 14, 2023 at 6:01 am Updated March 15, 2023 at 3:33 pm\nBy\nJane Doe\n"
                "Harbour Times business reporter\n")
    assert (art.authors, art.published) == (("Jane Doe",), "2023-03-14")


def test_outlet_line_under_the_byline_is_not_an_author():
    art = parse("{h}\nBy Jane Doe, MA\nMedNews Health News\nMarch 14, 2023\n")
    assert art.authors == ("Jane Doe",)


def test_labelled_byline_outranks_link_labels_read_as_names():
    # A US broadsheet copy: the section and share-bar labels look like two-word names; the real byline comes later.
    art = parse("Sections\n{h}\nMiddle East\nShare on Facebook\nMore Options\nResize Text\nPrint Article\n"
                "Comments\nBy Jane Doe March 14 at 3:57 PM Follow @janedoe\n")
    assert art.authors == ("Jane Doe",)


def test_name_above_the_headline():
    # A blogging platform: the author's name, "Follow" and "on Mar 14 · 5 min read" come before the story.
    art = parse("Sign in / Sign up\nJane Doe\nFollow\non Mar 14 · 5 min read\nNext story\n{h}\n")
    assert (art.headline, art.authors, art.published) == (HEAD, ("Jane Doe",), None)


def test_bare_names_count_only_in_one_block():
    # A magazine: the author under the dek, then share-bar words and a caption that opens with two names.
    art = parse("{h}\nRepairs will cost more than expected, the authority said.\nJane Doe\nShare\n0\n"
                "All Share Services\nPort Ellis, Bay Harbour (Credit: AP/Jo Park)\n")
    assert art.authors == ("Jane Doe",)


def test_glued_date_on_a_line_of_its_own_is_found():
    assert find_date("Harbour TimesMarch 14, 2023")[0] == "2023-03-14"
    assert find_date("By JANE SOLOMON JULY 29, 2016")[0] == "2016-07-29"  # "MON JULY" is not a weekday

"""HTML input: article text and fields read from saved web pages, their sources, offsets, and failures as errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskit.cli import cli
from newskit.errors import InputError
from newskit.html import page as htmlpage
from newskit.html.page import article_from_html
from newskit.io.inputs import decode, read_inputs
from newskit.pipeline import analyze

PAGES = Path(__file__).resolve().parent / "pages"
ARTICLES = sorted(p for p in PAGES.glob("*.html") if p.with_suffix(".gold.json").exists())


def page(name: str) -> str:
    return decode((PAGES / name).read_bytes())


def check_offsets(text, art):
    spans = list(art.layout) + list(art.paragraphs) + list(art.boilerplate) + [s for i in art.images for s in i.spans]
    for s in spans:
        assert text[s.start:s.end] == s.text, s
    # No line of the text lost: every non-blank line is covered by the layout.
    covered = set()
    for ln in art.layout:
        covered.update(range(ln.start, ln.end))
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            assert any(i in covered for i in range(pos, pos + len(line))), line
        pos += len(line) + 1


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_gold_fields_and_offsets(path):
    text, art = article_from_html(page(path.name))
    gold = json.loads(path.with_suffix(".gold.json").read_text())
    assert art.headline == gold["title"]
    assert art.published == gold["published"]
    assert list(art.authors) == gold["authors"]
    assert art.paragraphs and all(p.text in text for p in art.paragraphs)
    check_offsets(text, art)
    assert text.splitlines()[0] == art.headline  # the layout the plain-text parser expects: headline first


def test_json_ld_wins_and_says_so():
    text, art = article_from_html(page("01_jsonld_news.html"))
    # datePublished (local date), not dateModified nor the UTC article:published_time (2024-03-15).
    assert (art.published, art.updated) == ("2024-03-14", "2024-03-16")
    assert art.sources["published"] == "json-ld" and art.sources["headline"] == "json-ld"
    assert art.authors == ("Maria Gonzalez", "Derek O'Neill")  # "Coastal Ledger Staff" meta author is not used
    assert art.publisher == "The Coastal Ledger" and art.sources["publisher"] == "og:site_name"
    assert art.subheadline.startswith("Commuters cheer") and art.sources["subheadline"] == "dek"
    assert art.dateline == "PORT ELLIS, Maine"
    assert not art.paragraphs[0].text.startswith("PORT ELLIS")
    assert "Related stories" not in text and "All rights reserved" not in text


def test_figures_captions_and_credits():
    text, art = article_from_html(page("01_jsonld_news.html"))
    lead, girder = art.images
    assert lead.file.endswith("bridge-2024.jpg")
    assert lead.caption == "Cars cross the Harbor Bridge on Thursday evening, hours after it reopened."
    assert lead.credit == "Ana Ruiz / The Coastal Ledger"
    assert [s.text for s in lead.spans] == [lead.caption, lead.credit]
    # The second figure sits after the paragraph it follows on the page.
    assert text.index("The $48 million repair") < girder.spans[0].start < text.index("Officials said")
    _, art = article_from_html(page("04_magazine_figure.html"))
    (img,) = art.images
    assert (img.caption, img.credit) == ("The Nightjet from Vienna pulls into Brussels-Midi shortly after dawn.",
                                         "Getty Images")


def test_site_suffix_stripped_and_byline_cleaned():
    text, art = article_from_html(page("03_title_suffix.html"))
    assert art.headline == "Fed holds rates steady as inflation cools"  # not "… | Business | Metro Times"
    assert art.authors == ("Karen White",)  # not "KAREN WHITE, Staff Writer"
    assert art.sources["published"] == "time"
    assert "Reporting by Karen White; Editing by Paul Simmons" in [b.text for b in art.boilerplate]
    _, art = article_from_html(page("02_og_blog.html"))
    assert art.headline == "Ten years of growing tomatoes on a balcony"
    assert art.published == "2023-06-03" and art.updated == "2024-01-10"
    assert "Great tips" not in _  # comments are not the article


def test_organization_author_is_not_a_person():
    _, art = article_from_html(page("08_wire_org_author.html"))
    assert art.authors == ("Rosa Medina", "Tom Hart") and art.sources["authors"] == "byline"
    assert art.published == "2024-01-31"  # article:published_time, not the earlier-listed modified time


def test_text_heuristics_when_the_page_has_no_metadata():
    text, art = article_from_html(page("09_no_metadata.html"))
    assert art.sources == {"headline": "h1", "authors": "text-byline", "published": "date-line"}
    assert [ln.field for ln in art.layout[:3]] == ["headline", "byline", "date"]


@pytest.mark.parametrize("html, code", [
    (page("05_listing.html"), "not-article"),
    ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "not-article"),
    ("".join(chr(c) for c in range(1, 31)) * 200 + "<p>", "binary"),
    ("just some words, no markup at all", "not-article"),
    ("<html><body><article>" + "<p>Hello there, world.</p>" * 10, "not-article"),
    ("<p>" + "word " * 30 + "</p>" * 3 + "x" * (htmlpage.MAX_HTML_CHARS + 1), "too-large"),
    ("<html><body>" + "<span>x</span>" * (htmlpage.MAX_ELEMENTS + 1) + "</body></html>", "too-large"),
])
def test_bad_pages_are_errors(html, code):
    with pytest.raises(InputError) as exc:
        article_from_html(html)
    assert exc.value.code == code


def test_truncated_page_still_gives_its_article():
    text, art = article_from_html(page("06_truncated.html"))
    assert art.headline == "Harbor bridge reopens after two-year repair" and len(art.paragraphs) >= 3
    check_offsets(text, art)


def test_time_limit_stops_slow_pages(monkeypatch):
    monkeypatch.setattr(htmlpage, "TIME_LIMIT", 0.001)
    html = page("01_jsonld_news.html").replace("<p>", "<p><span>a</span>" * 2000, 1)
    with pytest.raises(InputError) as exc:
        for _ in range(50):
            article_from_html(html)
    assert exc.value.code == "too-large"


def test_sources_from_jsonl_html_records():
    recs = [r.to_dict() for r in analyze(read_inputs([str(PAGES / "10_records.jsonl")]), ("parse",))]
    assert recs[0]["id"] == "bridge" and recs[0]["meta"] == {"section": "local"}
    assert recs[0]["article"]["headline"] == "Harbor bridge reopens after two-year repair"
    for span in recs[0]["article"]["paragraphs"]:
        assert recs[0]["text"][span["start"]:span["end"]] == span["text"]
    assert recs[1] == {"id": "listing", "error": {"code": "not-article", "message": recs[1]["error"]["message"]}}


def test_cli_parse_html_json():
    result = CliRunner().invoke(cli, ["parse", str(PAGES / "04_magazine_figure.html"), "--json"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output)
    art = rec["article"]
    assert art["headline"] == "The quiet comeback of the night train" and art["sources"]["published"] == "json-ld"
    for span in art["paragraphs"] + list(art["layout"]):
        assert rec["text"][span["start"]:span["end"]] == span["text"]


def test_cli_html_failures_are_error_records():
    result = CliRunner().invoke(cli, ["parse", str(PAGES / "05_listing.html"), str(PAGES / "07_binary.html"),
                                      str(PAGES / "02_og_blog.html"), "--jsonl"])
    assert result.exit_code == 1
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("error", {}).get("code") for r in recs] == ["not-article", "binary", None]


def test_cli_input_format_html_on_stdin():
    result = CliRunner().invoke(cli, ["parse", "--input-format", "html", "--json", "-"],
                                input=(PAGES / "09_no_metadata.html").read_bytes())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["authors"] == ["Alex Kim"]


_PIECES = st.sampled_from(["<p>", "</p>", "<div class='byline'>By Ann Lee</div>", "<h1>", "</h1>", "<figure>",
                           "<figcaption>", "</figcaption>", "</figure>", "<article>", "<time datetime='2024-02-30'>",
                           "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": [",
                           "</script>", "<meta property='og:title' content='A | B'>", "SEOUL — ", "\u00a0", "&amp;",
                           "The mayor said on Tuesday that the new budget would pass before the end of the month. "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40))
def test_any_markup_gives_an_article_or_an_input_error(pieces):
    try:
        text, art = article_from_html("<html><body>" + "".join(pieces))
    except InputError as exc:
        assert exc.code in ("not-article", "binary", "too-large")
        return
    check_offsets(text, art)


def _deep_page(depth: int) -> str:
    words = ["council", "library", "budget", "mayor", "school", "bridge", "river", "market", "station",
             "museum", "harbour", "park"]
    paras = [f"<p>On day {i} the {w} committee met again and voted to keep the {w} open, the mayor said.</p>"
             for i, w in enumerate(words)]
    return ("<html><body><article><h1>A deep page</h1>" + "".join(paras[:8]) + "<div>" * depth
            + "".join(paras[8:10]) + "</div>" * depth + "".join(paras[10:]) + "</article></body></html>")


def test_deeply_nested_html_is_recovered_or_reported_as_truncated():
    # libxml2 drops everything after 256 levels of nesting: the text after the deep part must survive
    text, art = article_from_html(_deep_page(1_000))
    assert "day 9 the museum" in text and text.rstrip().endswith("keep the park open, the mayor said.")
    assert "text" not in art.sources
    # past the parser's larger limit the loss is said, never silent
    text, art = article_from_html(_deep_page(5_000))
    assert art.sources["text"] == "truncated" and "day 0 the council" in text


def test_character_references_never_reach_a_field():
    # Pages escape metadata once or twice ("&#8217;", "&amp;#8217;"); JSON-LD names arrive escaped too.
    _, art = article_from_html(page("13_h1_over_social_title.html"))
    fields = [art.headline, art.subheadline, art.publisher, *art.authors]
    assert not any(f and ("&#" in f or "&amp;" in f) for f in fields)
    assert art.publisher == "Bay Harbour Times & Courier"
    # The organisation and the site named as authors are not people.
    assert art.authors == ("Ana O’Neil",)


def test_visible_h1_beats_a_rewritten_social_title():
    _, art = article_from_html(page("13_h1_over_social_title.html"))
    assert art.headline == "Why the harbour’s piers are failing"
    assert art.sources["headline"] not in ("og:title", "json-ld")


def test_local_calendar_day_of_a_stamp_with_a_time_zone():
    # datePublished 21:11 at -05:00 is 02:11 UTC the next day: the page's own day is kept.
    _, art = article_from_html(page("13_h1_over_social_title.html"))
    assert art.published == "2023-11-08" and art.sources["published"] == "json-ld"


def test_utc_stamp_gives_way_to_the_day_the_page_shows():
    _, art = article_from_html(page("14_utc_stamp_shown_day.html"))
    assert art.published == "2023-11-08" and art.sources["published"] == "page-date"


_UTC_ONLY = """<html><head><title>Write about your core topics in depth</title>
<meta property="og:title" content="Write about your core topics in depth">
<meta property="article:published_time" content="2018-06-12T23:00:00.000Z"></head><body><article>
<h1>Write about your core topics in depth</h1><div class="meta">On 6/13/2018 by @harbourwriter</div>
<p>Writers find it hard to cover one narrow topic in depth, so they spread thin pieces over many topics instead,
and lose readers who wanted the whole story in one place.</p>
<p>A plan for depth starts from the questions readers ask, and answers each of them with care and examples.</p>
</article></body></html>"""


def test_htmldate_gives_the_local_day_of_a_utc_stamp():
    # 23:00 UTC on the 12th; the page shows the 13th only in text that is not marked as a date: htmldate reads it.
    _, art = article_from_html(_UTC_ONLY)
    assert art.published == "2018-06-13" and art.sources["published"] == "htmldate"


def test_lead_date_of_a_page_without_date_metadata():
    html = ("<html><head><title>Babies who eat peanuts early may avoid allergy</title></head><body><article>"
            "<h1>Babies who eat peanuts early may avoid allergy</h1><p>By Brenda Lowe, MA</p>"
            "<p>Feb. 23, 2015 -- Peanut allergies have been on the rise for a decade, with little hope of a cure, "
            "but a new study may offer a way to stem that rise.</p>"
            "<p>Parents have long been told to keep peanuts away from babies for fear of triggering an allergy.</p>"
            "</article></body></html>")
    _, art = article_from_html(html)
    assert art.published == "2015-02-23" and art.authors == ("Brenda Lowe",)


def test_short_article_is_read_and_listing_still_refused():
    text, art = article_from_html(page("15_short_note.html"))
    assert art.paragraphs and art.published == "2011-03-30"
    with pytest.raises(InputError):
        article_from_html(page("05_listing.html"))


_PARAS = ("<p>The harbour authority said on Tuesday that single fares on the Westcombe ferry will rise by 40 pence "
          "from April, the first increase in six years, citing fuel and crew costs.</p>"
          "<p>Commuters who hold season tickets will be spared the rise until their passes expire, a spokesperson "
          "for the authority said, adding that a consultation on weekend timetables would open next month.</p>")


def test_meta_written_with_value_instead_of_content_is_read():
    # Saved copies of some sites write <meta name=… value=…>: the author and date must still be found.
    html = ("<html><head><title>Ferry fares to rise</title>"
            '<meta name="author" value="Nora Quill">'
            '<meta value="2023-11-14T09:00:00" name="article:published_time">'
            "</head><body><article><h1>Ferry fares to rise</h1>" + _PARAS + "</article></body></html>")
    text, art = article_from_html(html)
    assert art.authors == ("Nora Quill",)
    assert art.sources["authors"] == "meta:author"
    assert art.published == "2023-11-14"


def test_a_description_the_page_never_shows_stays_out_of_the_text():
    # Issue 25, item 6: the JSON-LD description was written into the record's text, doubling its names and dates.
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry fares to rise",
          "description": "Westcombe ferry passengers face higher fares from April 2026, the authority confirmed."}
    html = ("<html><head><title>Ferry fares to rise</title><script type='application/ld+json'>" + json.dumps(ld) +
            "</script></head><body><article><h1>Ferry fares to rise</h1>" + _PARAS + "</article></body></html>")
    text, art = article_from_html(html)
    assert "April 2026" not in text
    assert art.subheadline is None
    shown = html.replace("<h1>Ferry fares to rise</h1>", "<h1>Ferry fares to rise</h1><p class='standfirst'>" +
                         ld["description"] + "</p>")
    text, art = article_from_html(shown)
    assert art.subheadline == ld["description"] and text.count("April 2026") == 1


def test_page_control_words_are_cut_from_html_bylines():
    html = ("<html><head><title>Ferry fares to rise</title></head><body><article><h1>Ferry fares to rise</h1>"
            "<div class='byline'>By Nora Quill Twitter</div>" + _PARAS + "</article></body></html>")
    _, art = article_from_html(html)
    assert art.authors == ("Nora Quill",)


def _dated_page(head: str = "", date_html: str = "", lang: str = "") -> str:
    return (f"<html{' lang=' + repr(lang) if lang else ''}><head><title>Ferry fares to rise</title>{head}</head>"
            f"<body><article><h1>Ferry fares to rise</h1>{date_html}" + _PARAS +
            "</article></body></html>")


@pytest.mark.parametrize("lang, iso", [("en-GB", "2023-03-04"), ("en-US", "2023-04-03"), ("", "2023-04-03")])
def test_day_order_of_a_numeric_date_follows_the_page_language(lang, iso):
    html = _dated_page(date_html="<span class='post-date'>04/03/2023</span>", lang=lang)
    assert article_from_html(html)[1].published == iso


def test_a_stamp_marked_published_and_updated_is_the_publication_date():
    # Blog themes mark the one stamp they show with both classes.
    html = _dated_page(date_html="<span class='published updated'>3/09/15 8:00am</span>", lang="en-US")
    assert article_from_html(html)[1].published == "2015-03-09"


def test_a_time_without_a_zone_gives_the_day_the_page_shows():
    head = '<meta name="article:published_time" value="2019-08-28T00:00:43.741">'
    html = _dated_page(head, "<time>Aug. 27, 2019</time>")
    assert article_from_html(html)[1].published == "2019-08-27"


def test_the_original_publication_stamp_wins_over_a_revision_stamp():
    head = ('<meta name="sailthru.date" value="2016-12-15T13:50:38Z">'
            '<meta name="og:article:published_time" value="2016-12-14T06:02:15Z">'
            '<meta name="og:article:modified_time" value="2016-12-15T13:50:38Z">')
    assert article_from_html(_dated_page(head))[1].published == "2016-12-14"


def test_an_agency_credited_as_the_author_is_the_publisher():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry fares to rise",
          "datePublished": "2023-03-14", "author": {"@type": "Organization", "name": "Harbour Wire"}}
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    _, art = article_from_html(_dated_page(head))
    assert art.authors == () and art.publisher == "Harbour Wire"
    assert art.sources["publisher"] == "json-ld:author"


def _person(name: str) -> str:
    return (f"<span itemprop='author' itemscope itemtype='https://schema.org/Person'>"
            f"<span itemprop='name'>{name}</span></span>")


@pytest.mark.parametrize("byline", [
    f"<p>By {_person('Nora Quill')} and {_person('Sam Hart')}</p>",
    "<div class='meta'>By <a rel='author' href='/nq'>Nora Quill</a> and <a rel='author' href='/sh'>Sam Hart</a></div>",
])
def test_every_co_author_the_markup_names_is_kept(byline):
    _, art = article_from_html(_dated_page(date_html=byline))
    assert art.authors == ("Nora Quill", "Sam Hart")


def test_the_photographer_credited_in_a_figure_is_no_author():
    figure = ("<figure><img src='quay.jpg'><figcaption>The old quay at dawn. <p class='credit' itemprop='author'>"
              "<span>Sam Hart</span></p></figcaption></figure>")
    _, art = article_from_html(_dated_page(date_html=figure + "<div class='byline'>By Nora Quill</div>"))
    assert art.authors == ("Nora Quill",)


@pytest.mark.parametrize("byline", ["By Gazette Staff", "By Our Harbour Staff"])
def test_a_newsroom_byline_credits_no_person(byline):
    _, art = article_from_html(_dated_page(date_html=f"<div class='byline'>{byline}</div>"))
    assert art.authors == ()


@pytest.mark.parametrize("lang, iso", [("en-AU", "2023-03-04"), ("en-US", "2023-04-03")])
def test_day_order_of_a_numeric_meta_date_follows_the_page_language(lang, iso):
    assert article_from_html(_dated_page('<meta name="date" content="04/03/2023">', lang=lang))[1].published == iso


def test_without_a_language_the_page_s_other_dates_give_the_day_order():
    # 15/03/2023 reads one way only: this site writes the day first, so its 04/03/2023 is 4 March.
    html = _dated_page('<meta name="date" content="04/03/2023">').replace(
        "</article>", "<p>Letters received by 15/03/2023 will be printed next week.</p></article>")
    assert article_from_html(html)[1].published == "2023-03-04"
    assert article_from_html(_dated_page('<meta name="date" content="04/03/2023">'))[1].published == "2023-04-03"


def test_a_surname_first_meta_author_is_one_person():
    _, art = article_from_html(_dated_page('<meta name="author" content="Quill, Nora">'))
    assert art.authors == ("Nora Quill",)


def test_a_page_with_absurdly_deep_json_ld_is_read_without_it():
    deep = "[" * 100_000 + "]" * 100_000
    body = "".join(f"<p>Paragraph {i}: the council met in Leeds on Monday and voted to keep the library open for "
                   "another year, the mayor said after the meeting.</p>" for i in range(5))
    html = (f'<html><head><script type="application/ld+json">{deep}</script></head>'
            f"<body><article><h1>Library stays open</h1>{body}</article></body></html>")
    text, article = article_from_html(html)
    assert article.headline == "Library stays open" and "council met in Leeds" in text


# --- round 3: profile links, doubled names, short site keys, a lone stamp, a date outside the article ------------
def test_an_author_field_of_profile_links_names_the_people():
    head = ('<meta property="article:author" content="https://harbourgazette.example/profile/nora-quill,'
            'https://harbourgazette.example/profile/sam-hart">')
    _, art = article_from_html(_dated_page(head))
    assert art.authors == ("Nora Quill", "Sam Hart")


def test_a_social_profile_link_is_no_author():
    head = '<meta property="article:author" content="https://www.facebook.com/harbourgazette">'
    assert article_from_html(_dated_page(head))[1].authors == ()


def test_a_byline_showing_the_name_twice_then_a_bio_gives_the_name():
    byline = "<div class='byline'>Nora Quill Nora Quill Writes about ferries, piers and the sea. + Follow</div>"
    assert article_from_html(_dated_page(date_html=byline))[1].authors == ("Nora Quill",)


def test_a_short_site_key_inside_a_name_does_not_make_it_the_site():
    # The host "no.ferries.example" gives the key "no", which is inside "Nora Quill".
    head = ('<meta property="og:url" content="https://no.ferries.example/fares">'
            '<meta name="author" content="Nora Quill">')
    assert article_from_html(_dated_page(head))[1].authors == ("Nora Quill",)


def test_a_lone_stamp_yields_to_the_date_the_page_shows(monkeypatch):
    # One metadata stamp two years after the date shown with the article (a re-import); htmldate, reading the page
    # on its own, finds the shown date too.
    monkeypatch.setattr(htmlpage.FieldChooser, "htmldate", lambda self: "2016-08-08")
    head = '<meta property="article:published_time" content="2018-01-19T17:06:07Z">'
    html = _dated_page(head, "<span class='post-date'>Aug 8, 2016</span>")
    assert article_from_html(html)[1].published == "2016-08-08"
    # Two stamps that agree stand, whatever htmldate says.
    head2 = head + '<meta name="date" content="2018-01-19">'
    assert article_from_html(_dated_page(head2, "<span class='post-date'>Aug 8, 2016</span>"))[1].published == \
        "2018-01-19"


def test_a_date_outside_the_article_container_is_read_in_the_page_s_day_order(monkeypatch):
    # htmldate reads 3/09/15 day first; the page is en-US, and its date sits in the header, outside <article>.
    monkeypatch.setattr(htmlpage.FieldChooser, "htmldate", lambda self: "2015-09-03")
    html = _dated_page(lang="en-US").replace("<body>", "<body><div class='publish-time'>3/09/15 8:00am</div>")
    assert article_from_html(html)[1].published == "2015-03-09"


def test_the_page_s_only_h1_outside_the_article_container_is_the_headline():
    # The social title is rewritten for sharing; the one heading the page shows sits in a header above <article>.
    html = ("<html><head><title>Ferry fares to rise</title>"
            "<meta property='og:title' content='You will pay more for the ferry this spring'></head><body>"
            "<header><h1>Ferry fares to rise by a tenth in the spring</h1></header><article>" + _PARAS +
            "</article></body></html>")
    assert article_from_html(html)[1].headline == "Ferry fares to rise by a tenth in the spring"


def test_a_byline_beside_the_headline_outside_the_article_container_is_read_in_parts():
    # The byline block (class "story_byline", an underscore) sits by the <h1> above <article>; its name, outlet and
    # time are separate blocks that must not run together into one "name".
    html = ("<html><head><title>Ferry fares to rise</title></head><body><header><h1>Ferry fares to rise</h1>"
            "<div class='story_byline'><div>By <span>Nora Quill</span></div><div>Westcombe Gazette</div>"
            "<div>Mar 14, 2023 at 9:05 am</div></div></header><article>" + _PARAS + "</article></body></html>")
    assert article_from_html(html)[1].authors == ("Nora Quill",)


def test_a_by_line_without_a_class_adds_the_co_author_the_markup_left_out():
    # The schema.org markup names one author; the "By:" line the page shows (no byline class) names two.
    head = "<meta itemprop='author' content='Nora Quill'>"
    line = ("<ul><li>By:  <a href='/writer/nora-quill/'><span>Nora Quill</span></a>, "
            "<a href='/writer/sam-hart/'><span>Sam Hart, Harbour Wire</span></a></li></ul>")
    assert article_from_html(_dated_page(head, line))[1].authors == ("Nora Quill", "Sam Hart")


def test_a_by_line_showing_the_name_twice_gives_it_once():
    line = "<p>by <a href='/nq'>Nora Quill</a> <span>Nora Quill</span> March 14, 2023</p>"
    assert article_from_html(_dated_page(date_html=line))[1].authors == ("Nora Quill",)


def test_a_side_panel_writer_yields_to_the_page_s_author_field():
    # The first byline-class element names the writer of a related story; the page's author field names another.
    head = "<meta name='author' content='Nora Quill'>"
    html = _dated_page(head, "<div class='social-author'><a class='author__name' href='/u/sam'>Sam Hart</a></div>")
    assert article_from_html(html)[1].authors == ("Nora Quill",)


def test_a_byline_agreeing_with_the_author_field_stands():
    head = "<meta name='author' content='Nora Quill'>"
    html = _dated_page(head, "<div class='byline'>By Nora Quill and Sam Hart</div>")
    assert article_from_html(html)[1].authors == ("Nora Quill", "Sam Hart")

"""HTML reports: escaping, one mark per entity mention at its offsets, dates with their values, the CLI's files,
and the seed's page in headless Chromium (highlights, no network, layout at desktop and phone width, screenshots)."""
from __future__ import annotations

import dataclasses
import html
import importlib.util
import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.cli import cli
from newskit.output import report
from newskit.output.report import render_index, render_report
from newskit.record import Article, DateMention, Entity, ErrorInfo, ErrorRecord, Geo, LayoutLine, Record, Span

from conftest import ROOT, SEED

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "area", "base", "source", "wbr"}


class Marks(HTMLParser):
    """Collect every element with data-start/data-end (entity marks and dates): attributes and text content,
    and check the markup is well nested."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict, list]] = []
        self.found: list[dict] = []
        self.paragraphs: list[str] = []  # text of the body's paragraphs
        self.in_main = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.stack.append((tag, dict(attrs), []))
        if tag == "main":
            self.in_main += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        open_tag, attrs, parts = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        if tag == "main":
            self.in_main -= 1
        content = "".join(parts)
        if tag == "p" and self.in_main and "class" not in attrs:
            self.paragraphs.append(content)
        if self.stack:
            self.stack[-1][2].append(content)
        if "data-start" in attrs:
            self.found.append({"tag": tag, **attrs, "content": content})

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)


def parse(page: str) -> Marks:
    p = Marks()
    p.feed(page)
    p.close()
    assert not p.stack, "unclosed elements"
    return p


def record_for(text: str, paragraphs, entities=(), dates=(), **article) -> Record:
    paras = tuple(Span(a, b, text[a:b]) for a, b in paragraphs)
    ents = tuple(Entity(id=f"E{i}", name=name, type=etype, label="", salience=1.0 / i,
                        mentions=tuple(Span(a, b, text[a:b]) for a, b in spans))
                 for i, (name, etype, spans) in enumerate(entities, 1))
    ds = tuple(DateMention(a, b, text[a:b], "DATE", v) for a, b, v in dates)
    return Record("t.txt", article=Article(paragraphs=paras, **article), entities=ents, dates=ds, quotes=(),
                  events=())


# ------------------------------------------------------------------------------------------------ unit tests

def test_article_text_is_escaped():
    text = 'Tom <b>&amp; Jerry</b> met in Paris & said "1 < 2 > 0".\n\n<script>alert(1)</script> AT&T\'s view.'
    p2 = text.index("<script>")
    paris = text.index("Paris")
    att = text.index("AT&T")
    rec = record_for(text, [(0, p2 - 2), (p2, len(text))],
                     [("Paris", "place", [(paris, paris + 5)]), ("AT&T", "organization", [(att, att + 4)])],
                     headline="<i>Headline</i> & more")
    page = render_report(rec, text)
    assert "<script>" not in page and "<b>" not in page and "<i>Headline" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Tom &lt;b&gt;&amp;amp; Jerry&lt;/b&gt;" in page
    assert "&quot;1 &lt; 2 &gt; 0&quot;" in page
    assert "&lt;i&gt;Headline&lt;/i&gt; &amp; more" in page
    marks = parse(page)
    assert marks.paragraphs == [text[:p2 - 2], text[p2:]]
    att_mark = [m for m in marks.found if m.get("data-entity") == "E2"]
    assert len(att_mark) == 1 and att_mark[0]["content"] == "AT&T" and att_mark[0]["title"].startswith("AT&T")


def test_marks_sit_at_the_mention_offsets_not_at_the_first_match():
    text = "Paris is far. The mayor of Paris said Paris will host it on Friday."
    second = text.index("Paris", 10)
    friday = text.index("Friday")
    rec = record_for(text, [(0, len(text))], [("Paris", "place", [(second, second + 5)])],
                     [(friday, friday + 6, "2024-01-19")])
    page = render_report(rec, text)
    body = page[page.index("<main>"):]
    assert "<p>Paris is far. The mayor of <mark" in body
    assert "</mark> said Paris will host" in body
    (mark,), = [[m for m in parse(page).found if m["tag"] == "mark"]]
    assert (int(mark["data-start"]), int(mark["data-end"]), mark["content"]) == (second, second + 5, "Paris")
    (date,) = [m for m in parse(page).found if m["tag"] == "span"]
    assert date["data-value"] == "2024-01-19" and "2024-01-19" in date["title"] and "Friday" in date["title"]


def test_dates_nest_with_entities_and_crossing_dates_stay_unmarked():
    text = "The 2024 Olympics open in July 2024 in Paris next week."
    ev, july, nxt = text.index("2024 Olympics"), text.index("July 2024"), text.index("Paris next")
    rec = record_for(text, [(0, len(text))],
                     [("2024 Olympics", "event", [(ev, ev + 13)]), ("Paris", "place", [(nxt, nxt + 5)])],
                     [(ev, ev + 4, "2024"), (july, july + 9, "2024-07"), (nxt + 2, nxt + 10, "2024-W05")])
    marks = parse(render_report(rec, text)).found
    by_start = {(m["tag"], int(m["data-start"])): m for m in marks}
    assert by_start[("mark", ev)]["content"] == "2024 Olympics"
    assert by_start[("span", ev)]["content"] == "2024"            # nested inside the event's mark
    assert by_start[("span", july)]["content"] == "July 2024"
    assert ("span", nxt + 2) not in by_start                      # crosses "Paris": left unmarked in the text
    assert by_start[("mark", nxt)]["content"] == "Paris"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet='ab <>&"\' é\n', min_size=1, max_size=60), st.data())
def test_any_text_round_trips_with_every_mention_marked_once(text, data):
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=10))))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    date_spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(1, 6)), max_size=3))
    dates = [(a, min(len(text), a + n), "2024") for a, n in date_spans if a < min(len(text), a + n)]
    rec = record_for(text, [(0, len(text))], [("X", "person", spans)] if spans else [], dates)
    marks = parse(render_report(rec, text))
    assert marks.paragraphs == [text]
    ents = sorted((int(m["data-start"]), int(m["data-end"]), m["content"]) for m in marks.found if m["tag"] == "mark")
    assert ents == [(a, b, text[a:b]) for a, b in spans]
    for m in marks.found:
        assert m["content"] == text[int(m["data-start"]):int(m["data-end"])]


def test_seed_every_mention_is_marked_once(nlp, seed_text):
    from newskit.io.inputs import source_from_text
    from newskit.pipeline import analyze

    rec = next(analyze([source_from_text(seed_text, id=str(SEED))]))
    page = render_report(rec, seed_text)
    marks = parse(page).found
    a = rec.article
    shown = [(p.start, p.end) for p in a.paragraphs]
    fields = ("headline", "subheadline", "publisher", "date", "dateline")
    shown += [(ln.start, ln.end) for ln in a.layout if ln.field in fields]
    shown += [(s.start, s.end) for img in a.images for s in img.spans]
    got = {}
    for m in marks:
        if m["tag"] == "mark":
            key = (m["data-entity"], int(m["data-start"]), int(m["data-end"]))
            assert key not in got, f"{key} marked twice"
            got[key] = m["content"]
    unmarked = []
    for e in rec.entities:
        for men in e.mentions:
            key = (e.id, men.start, men.end)
            if any(a <= men.start and men.end <= b for a, b in shown):
                assert got.pop(key) == men.text == seed_text[men.start:men.end]
            else:
                unmarked.append(men.text)
    assert not got, f"marks that are no mention: {got}"
    assert set(unmarked) <= {"Kim Arin"}  # the byline, shown as the authors field
    # Every date in the body carries its TIMEX3 value.
    values = {int(m["data-start"]): m for m in marks if m["tag"] == "span"}
    for d in rec.dates:
        assert values[d.start]["data-value"] == d.value and d.value in values[d.start]["title"]
    # Panels: people with titles and counts, places, organizations, a dated timeline, quotes with speakers.
    assert re.search(r'id="panel-person".*Vladimir Putin</a>.*6×.*President', page, re.S)
    for panel in ("panel-place", "panel-organization", "panel-events", "panel-quotes", "panel-dates"):
        assert f'id="{panel}"' in page
    timeline = page[page.index('id="panel-events"'):page.index('id="panel-quotes"')]
    assert timeline.index("2023-07") < timeline.index("2023-09") < timeline.index("2024-01-21")
    assert "Dmitry Peskov" in page[page.index('id="panel-quotes"'):]


def test_contrast_meets_wcag_aa():
    def lum(hex_colour):
        rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        return sum(w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
                   for w, c in zip((0.2126, 0.7152, 0.0722), rgb))

    def ratio(a, b):
        hi, lo = sorted((lum(a), lum(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    for bg, label in report.COLORS.values():
        assert ratio(report.FG, bg) >= 7, bg
        assert ratio(label, bg) >= 4.5, (label, bg)
        assert ratio(label, report.PANEL_BG) >= 4.5  # the swatch's colour beside panel text
    for fg in (report.FG, report.MUTED, report.LINK):
        assert ratio(fg, report.BG) >= 4.5 and ratio(fg, report.PANEL_BG) >= 4.5, fg


def test_index_lists_articles_and_failures():
    ok = record_for("Body text here.", [(0, 15)], [("Ann Lee", "person", [(0, 4)])], headline="A <headline>",
                    publisher="The Daily", published="2024-01-22")
    failed = ErrorRecord("in/b.txt", ErrorInfo("empty", "empty article"))
    page = render_index([("a.html", "in/a.txt", report.summary(ok)), ("", "in/b.txt", report.summary(failed))])
    assert '<a href="a.html">A &lt;headline&gt;</a>' in page
    assert "Monday 22 January 2024" in page and "1 person" in page
    assert "empty article [empty]" in page and "in/b.txt" in page


def test_index_lists_who_is_named_across_the_articles():
    def rec(headline, *ents):
        return report.summary(Record(headline, article=Article(headline=headline), entities=tuple(
            Entity(id=f"E{i}", name=n, type=t, label="", aliases=tuple(a), mentions=(Span(0, 1, "x"),))
            for i, (n, t, *a) in enumerate(ents, 1))))

    items = [("one.html", "1", rec("Mill reopens", ("Tessa Okafor", "person"), ("Rennick Mills Ltd", "organization",
                                                                                  "RML"))),
             ("two.html", "2", rec("Union signs", ("Okafor", "person"), ("RML", "organization"), ("Leeds", "place"))),
             ("three.html", "3", rec("Exports up", ("Tessa Okafor", "person")))]
    page = render_index(items)
    people = page.index("People")
    assert page.index("<b>Tessa Okafor</b> <span class=\"facts\">3 articles</span>") > people
    assert '<a href="two.html">Union signs</a>' in page[people:page.index('<ul class="index-list">')]
    assert "<b>Rennick Mills Ltd</b> <span class=\"facts\">2 articles</span>" in page
    assert "<b>Okafor</b>" not in page


def test_page_names_are_safe_and_unique():
    taken = {"index.html"}
    assert report.page_name("dir/a b.txt", taken) == "a-b.html"
    assert report.page_name("other/a b.txt", taken) == "a-b-2.html"
    assert report.page_name("index.html", taken) == "article-index.html"
    assert report.page_name("-", taken) == "article.html"
    assert report.page_name("../../etc/x", taken, "r-") == "r-x.html"


def test_human_dates():
    assert report.human_date("2024-01-21") == "Sunday 21 January 2024"
    assert report.human_date("2023-09") == "September 2023"
    assert report.human_date("2024-W03") == "week 3 of 2024 (15 Jan–21 Jan)"
    assert report.human_date("P24Y") == "24 years" and report.human_date("PT1H") == "1 hour"
    assert report.human_date("2024-03-16TMO") == "Saturday 16 March 2024, morning"
    assert report.human_date("2024-03-14T22:10") == "Thursday 14 March 2024, 22:10"
    assert report.human_date("PRESENT_REF") == "now" and report.human_date("XXXX-WXX-1") == "XXXX-WXX-1"


def test_human_dates_read_the_date_word_lists():
    # decades and centuries are E and C in the values the dates module writes, as in its unit table
    assert report.human_date("P2E") == "2 decades" and report.human_date("P1C") == "1 century"
    assert report.human_date("P3C") == "3 centuries" and report.human_date("P2L") == "2 millennia"
    assert report.human_date("2023-FA") == "autumn 2023" and report.human_date("PT30M") == "30 minutes"
    assert report.human_date("2024-03-16TMI") == "Saturday 16 March 2024, midday"


# ------------------------------------------------------------------------------------------------------- CLI

def test_cli_one_article_is_one_file(tmp_path):
    out = tmp_path / "r" / "report.html"
    res = CliRunner().invoke(cli, ["report", str(SEED), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == str(out)
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.html"]
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "All articles" not in page


def test_cli_several_articles_index_and_errors(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Mayor Ann Lee visits Paris\n\nAnn Lee said on Monday that Paris & Lyon are "
                               "\"<twinned>\".\n", encoding="utf-8")
    (src / "b.txt").write_text("", encoding="utf-8")
    out = tmp_path / "site.html"
    res = CliRunner().invoke(cli, ["report", str(src), str(SEED), "-o", str(out), "--published", "2024-01-22"])
    assert res.exit_code == 1
    assert res.stderr.strip() == f"newskit: {src / 'b.txt'}: empty article (no text) [empty]"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "site-000_e88cf532e1811814.html", "site-a.html",
                                                          "site.html"]
    index = out.read_text(encoding="utf-8")
    assert 'href="site-a.html"' in index and 'href="site-000_e88cf532e1811814.html"' in index
    assert "[empty]" in index
    page = (tmp_path / "site-a.html").read_text(encoding="utf-8")
    assert 'href="site.html"' in page and "&quot;&lt;twinned&gt;&quot;" in page

    res = CliRunner().invoke(cli, ["report", str(SEED), "-o", str(tmp_path / "dir")])
    assert res.exit_code == 0 and sorted(p.name for p in (tmp_path / "dir").iterdir()) == [
        "000_e88cf532e1811814.html", "index.html"]


def test_cli_failed_single_input_writes_nothing(tmp_path):
    res = CliRunner().invoke(cli, ["report", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 1 and "[not-found]" in res.stderr and "Traceback" not in res.output
    assert not (tmp_path / "x.html").exists()
    assert CliRunner().invoke(cli, ["report", str(SEED)]).exit_code == 2  # -o is required



def test_cli_creates_only_the_last_level_of_the_output_folder(tmp_path):
    # Issue 12.16: -o /nonexistent/dir/x.html silently created /nonexistent/dir. Only the last level is made, as
    # mkdir would; a missing parent is a one-line error and nothing is written.
    missing = tmp_path / "nonexistent" / "dir"
    for target in (missing / "x.html", missing / "pages"):
        res = CliRunner().invoke(cli, ["report", str(SEED), "-o", str(target)])
        assert res.exit_code == 1 and "Traceback" not in res.output
        assert f"cannot create {target.parent if target.suffix else target}" in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "nonexistent").exists()
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    res = CliRunner().invoke(cli, ["report", str(SEED), "-o", str(tmp_path / "taken" / "x.html")])
    assert res.exit_code == 1 and "a file of that name is in the way" in res.stderr
    res = CliRunner().invoke(cli, ["report", str(SEED), "-o", str(tmp_path / "new")])  # one level: created
    assert res.exit_code == 0 and (tmp_path / "new" / "index.html").exists()

# --------------------------------------------------------------------------------------------------- browser

def _bench():
    spec = importlib.util.spec_from_file_location("screenshot_report", ROOT / "bench" / "screenshot_report.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def browser():
    bench = _bench()
    if bench.find_chromium() is None:
        pytest.skip("chromium not found (apt-get install chromium)")
    return bench


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "seed.html"
    res = CliRunner().invoke(cli, ["report", str(SEED), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out


def test_browser_highlights_people_and_places(browser, seed_page):
    dom = browser.dump_dom(seed_page)
    marks = [m for m in parse(dom).found if m["tag"] == "mark"]
    people = {m["content"] for m in marks if m["data-type"] == "person"}
    places = {m["content"] for m in marks if m["data-type"] == "place"}
    assert {"Vladimir Putin", "Putin", "Choe Sun-hui", "Sergei Lavrov", "Dmitry Peskov", "Kim Jong-un",
            "Sergei Shoigu"} <= people
    assert {"North Korea", "Russia", "Pyongyang", "Moscow", "Seoul", "Ukraine"} <= places


def test_page_is_self_contained_and_makes_no_request(browser, seed_page, tmp_path):
    page = seed_page.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"@import|url\(|<script|<link|<iframe|<img|<object|<embed", page, re.I)
    assert browser.page_requests(seed_page) == []
    # The check can fail: a page with an external image and stylesheet is caught.
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<!DOCTYPE html><html><body><img src="http://example.invalid/x.png">'
                     '<link rel="stylesheet" href="https://fonts.example.invalid/a.css"></body></html>')
    assert set(browser.page_requests(leaky)) == {"http://example.invalid/x.png", "https://fonts.example.invalid/a.css"}


# Measured inside an iframe of the given width (headless Chromium will not make a window narrower than 500px
# for --dump-dom); the srcdoc frame shares the wrapper's origin, so it can report back on the wrapper's body.
_PROBE = """<script>
const m = document.querySelector("main").getBoundingClientRect(),
      a = document.querySelector("aside").getBoundingClientRect();
parent.document.body.setAttribute("data-probe", JSON.stringify({scrollWidth: document.documentElement.scrollWidth,
  width: innerWidth, mainBottom: m.bottom, mainRight: m.right, asideTop: a.top, asideLeft: a.left,
  bodySize: parseFloat(getComputedStyle(document.querySelector("main p")).fontSize),
  h1Size: parseFloat(getComputedStyle(document.querySelector("h1")).fontSize),
  pageHeight: document.documentElement.scrollHeight, asideHeight: a.height, height: innerHeight}));
</script></body>"""


@pytest.mark.parametrize("width", [1280, 390])
def test_layout_and_screenshots(browser, seed_page, tmp_path, width):
    probed = seed_page.read_text(encoding="utf-8").replace("</body>", _PROBE, 1)
    wrapper = tmp_path / "probe.html"
    wrapper.write_text(f'<!DOCTYPE html><html><body style="margin:0"><iframe width="{width}" height="900" '
                       f'style="border:0" srcdoc="{html.escape(probed, quote=True)}"></iframe></body></html>',
                       encoding="utf-8")
    proc = browser.run_chromium(wrapper.as_uri(), "--dump-dom", "--window-size=1400,1000")
    probe = json.loads(html.unescape(re.search(r'data-probe="([^"]*)"', proc.stdout).group(1)))
    assert probe["width"] == width
    assert probe["scrollWidth"] <= width, "the page scrolls sideways"
    assert 16 <= probe["bodySize"] <= 19 and probe["h1Size"] >= 1.5 * probe["bodySize"]
    if width < 800:
        assert probe["asideTop"] >= probe["mainBottom"], "panels should stack under the body on a phone"
    else:
        assert probe["asideLeft"] >= probe["mainRight"], "panels should sit beside the body on a desktop"
        # Issue 12.20: the panels ran to ~5,500px beside a ~2,000px article. They scroll within the viewport now,
        # so the page ends with the article (and its footer).
        assert probe["asideHeight"] <= probe["height"], "panels should scroll within the viewport"
        assert probe["pageHeight"] <= probe["mainBottom"] + 300, "the page should end where the article does"
    png = browser.screenshot(seed_page, tmp_path / f"report-{width}.png", width, 900)
    assert browser.colours(png) > 50, "blank screenshot"


def test_blank_screenshot_is_detected(browser, tmp_path):
    blank = tmp_path / "blank.html"
    blank.write_text('<!DOCTYPE html><html><body style="background:#123456"></body></html>')
    png = browser.screenshot(blank, tmp_path / "blank.png", 390, 300)
    assert browser.colours(png) == 1
    assert tuple(browser.png_pixels(png)[150, 200][:3]) == (0x12, 0x34, 0x56)


def test_control_and_bidi_characters_in_ids_are_not_written_raw():
    sid = "in/evil\u202eLMTH\x00.txt"
    page = render_index([("", sid, report.summary(ErrorRecord(sid, ErrorInfo("empty", "empty article"))))])
    assert "\u202e" not in page and "\x00" not in page and "in/evil\ufffdLMTH\ufffd.txt" in page


def test_map_panel_draws_resolved_places_escaped():
    text = "Crowds gathered in <Evil> & Paris today."
    evil, paris = text.index("<Evil>"), text.index("Paris")
    rec = record_for(text, [(0, len(text))], [("<Evil>", "place", [(evil, evil + 6)]),
                                              ("Paris", "place", [(paris, paris + 5)])])
    geo = Geo(geonameid=1, name="<script>alert(1)</script>", feature="city", country_code="FR", lat=48.85, lon=2.35)
    assert rec.entities is not None
    rec = dataclasses.replace(rec, entities=(dataclasses.replace(rec.entities[0], geo=geo),
                                             dataclasses.replace(rec.entities[1],
                                                                 geo=dataclasses.replace(geo, lat=43.3, lon=5.4))))
    page = render_report(rec, text)
    assert 'id="panel-map"' in page and page.count("<circle") == 2
    assert "<Evil>" not in page and "<script>" not in page and "&lt;Evil&gt;" in page
    assert re.search(r'<path class="land" d="M[\d. LMZ]+"', page)  # the world outline, inline
    assert "http" not in page.split('id="panel-map"')[1].split("</section>")[0]  # no tiles, no links out
    parse(page)  # well nested


def test_no_map_without_coordinates():
    text = "Crowds gathered in Paris today."
    paris = text.index("Paris")
    page = render_report(record_for(text, [(0, len(text))], [("Paris", "place", [(paris, paris + 5)])]), text)
    assert 'id="panel-map"' not in page


def test_header_shows_a_labelled_date_line_once():
    text = "Library to reopen\nPublished 12 November 2023\nThe library reopens on Monday.\n"
    start = text.index("Published")
    line = LayoutLine(start, start + 26, text[start:start + 26], field="date")
    rec = record_for(text, [(45, 75)], headline="Library to reopen", published="2023-11-12", layout=(line,))
    page = render_report(rec, text)
    assert "Published Published" not in re.sub(r"<[^>]+>", " ", page).replace("  ", " ")
    assert "12 November 2023" in page

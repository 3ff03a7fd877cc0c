"""Find an article's header in a page copy: the byline/date block, the headline above it among menus, and the dek.

A browser copy puts navigation, section links and kickers above the headline; the byline or date line below the
headline is the most reliable landmark, so the headline is searched for upwards from there."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from newskit.article.bylines import BYLINE, IMAGE_FILE, is_name, is_outlet, parse_byline, parse_dateline, split_credit
from newskit.article.furniture import is_furniture
from newskit.article.pubdate import UPDATED, date_share
from newskit.dates.words import MONTH

ANCHOR_WINDOW = 150  # menus above the headline can run to dozens of lines
PUBLISHER_CUE = re.compile(r"^(?:published\s+in|news\s+provided\s+by|provided\s+by|writer\s+for|source)\s*:?$", re.I)
_SITE_SUFFIX = re.compile(r"^\s*(?:[|–—]|-|::)\s*(?P<site>[^|]{2,60})$")


_STAMPED = re.compile(r"\d{4}|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b", re.I)
_SHORT_DATE = re.compile(rf"^(?:on\s+)?{MONTH}\s+\d{{1,2}}", re.I)
_YEARLESS = re.compile(r"^(?:(?:posted|published)\s+)?(?:on\s+)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
                       rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
                       r"(?:,?\s*(?:at\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
                       r"(?:\s*[·•|-]?\s*\d+\s*min(?:ute)?s?(?:\s+read)?)?$", re.I)
_READ_TIME = re.compile(r"^\W*(?:\d+\s+min(?:ute)?s?(?:\s+read)?)?\W*$", re.I)  # "4 min read", "·"
_LIST_LABEL = re.compile(r"^\W*(?:related(?:\s+(?:stories|articles|content|coverage|news|links))?|"
                         r"read\s+(?:more|next|also)|more\s+(?:stories|news|on\s+this|from\s+\S+(?:\s+\S+)?)|"
                         r"most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|recommended(?:\s+for\s+you)?|"
                         r"you\s+may\s+also\s+like|top\s+stories|latest(?:\s+news)?|editor['’]?s\s+picks?)\W*$", re.I)
_LONE_BY = re.compile(r"^(?:written\s+)?by:?$", re.I)
IMAGE_CAPTION = re.compile(r"^image\s+caption\s*,\s*", re.I)
PROSE_END = ('.', '?', '!', '"', '”', '’', "'", ')', '…')
_MENU_SEP = re.compile(r"\s+[|•·/]\s+")
_MENU_ITEM = re.compile(r"^[A-Z][\w’'-]*(?:\s+(?:&|and|[A-Z][\w’'-]*)){0,2}$")


def is_menu(text: str) -> bool:
    """Tell whether a line is a row of section links ("Home | News | Sport | Local News"): three or more short
    capitalised items between separators, no figure, and not opening with a person's name (a bare byline with its
    outlet and section does)."""
    items = _MENU_SEP.split(text)
    if len(items) >= 3 and all(_MENU_ITEM.match(i) for i in items) and not is_name(items[0]):
        return True
    return _trail(text)


def _trail(text: str) -> bool:
    # A breadcrumb trail copied without its separators: "Home TV & Movies TV & Movies Features" (from "Home" on,
    # capitalised section words only, one of them repeated), or "Home › News › Transport".
    words = text.replace("›", " ").replace("»", " ").replace(">", " ").split()
    if len(words) < 4 or len(words) > 12 or words[0] != "Home" or \
            not all(w[:1].isupper() or w == "&" for w in words):
        return False
    named = [w.lower() for w in words if w != "&"]
    return bool(re.search(r"[›»>]", text)) or len(named) > len(set(named))


@dataclass
class Line:
    start: int
    end: int
    text: str
    field: str = ""

    @cached_property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def prose(self) -> bool:
        return self.text.endswith(PROSE_END)


def split_lines(text: str) -> list[Line]:
    """Cut `text` into its non-blank lines, stripped, with their offsets."""
    lines = []
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            s = m.start() + (len(raw) - len(raw.lstrip()))
            lines.append(Line(s, s + len(stripped), stripped))
    return lines


def date_line(ln: Line) -> Literal["date", "updated"] | None:
    """Return "date" or "updated" when the line is mostly a date stamp, else None."""
    if len(ln.text) > 120 or date_share(ln.text) < 0.25:
        return None
    return "updated" if UPDATED.match(ln.text) else "date"


def _kind(ln: Line, prev: str = "", prev_text: str = "") -> str:
    """Classify a header line by its shape and the kind and text of the line before it."""
    if is_furniture(ln.text) or PUBLISHER_CUE.match(ln.text) or \
            re.match(r"^for\s+immediate\s+release\b", ln.text, re.I):
        return "boilerplate"
    if IMAGE_FILE.match(ln.text):
        return "image"
    if is_menu(ln.text):
        return "boilerplate"
    if IMAGE_CAPTION.match(ln.text) and ln.words > 2:
        return "caption"
    if PUBLISHER_CUE.match(prev_text) and ln.words <= 6 and ln.text[0].isupper() and not ln.prose:
        return "publisher"  # "Published in" / "News provided by" + the name
    # A caption or credit is at most a few sentences; longer lines are not worth the credit patterns.
    cap, credit, _ = split_credit(ln.text) if ln.words <= 60 else (ln.text, None, -1)
    if credit and not cap and (prev in ("image", "caption") or not is_outlet(ln.text)):
        return "credit"
    if credit and re.search(r"\b(?:credit|photo|photograph|illustration)\b", ln.text, re.I) and ln.words <= 60:
        return "caption"  # "Ayn Rand, Rand Paul (Credit: AP/…)": a caption that opens with names
    if parse_byline(ln.text):
        return "byline"
    dl = date_line(ln)
    if dl:
        return dl
    if _YEARLESS.match(ln.text):
        return "date"  # "on Mar 17 · 11 min read": a stamp without its year, which dates nothing
    if is_outlet(ln.text) or (prev == "byline" and _outlet_shape(ln.text)):
        return "publisher"
    if credit and ln.words <= 60:
        return "caption"
    if prev == "image" and ln.words <= 60 and not parse_dateline(ln.text):
        return "caption"
    return "text"


def _outlet_shape(s: str) -> bool:
    # A short Title-Case name opening with "The" right under a byline is the outlet ("The Manila Ledger").
    words = s.split()
    return 2 <= len(words) <= 5 and words[0] == "The" and all(w[0].isupper() for w in words) and not s.endswith(".")


def classify(lines: list[Line]) -> list[str]:
    """Return the kind of every line, each judged with the line before it."""
    kinds: list[str] = []
    prev, prev_text, titled = "", "", False
    demoted: list[int] = []
    for ln in lines:
        k = _kind(ln, prev, prev_text)
        if _LONE_BY.match(prev_text) and k in ("byline", "text") and parse_byline("By " + ln.text):
            # "By" on a line of its own, the name on the next: both are the byline.
            kinds[-1] = k = "byline"
        elif k == "byline" and not BYLINE.match(ln.text) and (not titled or prev in ("publisher", "menu")) and \
                not _STAMPED.search(ln.text):
            # A bare two-word name among menu links ("Asia Pacific", "Weather Alerts") is a link, not a byline:
            # a real one sits under a headline, a dek, a caption or a date, or carries a time stamp itself.
            k = "text"
            demoted.append(len(kinds))
        titled = titled or (k == "text" and ln.words >= 4)
        kinds.append(k)
        if k != "boilerplate":
            prev = "menu" if k == "text" and ln.words <= 3 else k
        prev_text = ln.text
    for i in demoted:
        # A name over a date ("Pippin Lee" / "Follow" / "on Mar 17 · 11 min read") is a byline even above the headline;
        # a reading time and separators may sit between them ("4 min read" / "·").
        j = next((j for j in range(i + 1, min(len(lines), i + 5)) if kinds[j] != "boilerplate" and
                  not _READ_TIME.match(lines[j].text)), None)
        if j is not None and (kinds[j] in ("date", "updated") or _SHORT_DATE.match(lines[j].text)):
            kinds[i] = "byline"
    return kinds


def body_like(ln) -> bool:
    """Tell whether a text line reads like a paragraph of the article rather than header metadata."""
    return bool(parse_dateline(ln.text) and ln.words >= 6) or ln.words >= 10 or (ln.prose and ln.words >= 6)


def find_anchor(lines, kinds, start: int) -> int | None:
    """Return the index of the byline (else the first date line under some headline) above the body, or None."""
    strong, date_at, seen_title = 0, None, False
    for i in range(start, min(len(lines), start + ANCHOR_WINDOW)):
        ln, kind = lines[i], kinds[i]
        if kind in ("byline", "date", "updated") and not any(k == "text" for k in kinds[i + 1:]):
            # Nothing but furniture below it: a signature closing a short post, which the trailer reads.
            break
        if kind == "byline":
            return i
        if kind in ("date", "updated") and date_at is None and seen_title:
            date_at = i
        if kind != "text":
            continue
        if (i > start and parse_dateline(ln.text) and ln.words >= 6) or ln.words >= 60:
            break
        seen_title = seen_title or ln.words >= 3
        if ln.prose and ln.words >= 20:
            strong += 1
            # Two paragraphs of prose: the body has begun, and any byline further down belongs to it.
            if strong >= 2:
                break
    return date_at


def body_anchor(lines, kinds, start: int) -> int | None:
    """Return the index of the first unmistakable body paragraph when text lines sit above it, else None."""
    for i in range(start, min(len(lines), start + ANCHOR_WINDOW)):
        ln = lines[i]
        if kinds[i] != "text":
            continue
        if (ln.prose and ln.words >= 12) or ln.words >= 25 or (parse_dateline(ln.text) and ln.words >= 6):
            return i if any(kinds[j] == "text" for j in range(start, i)) else None
    return None


def split_site(title: str) -> int | None:
    """Return where the site name starts in a title line "HEADLINE | Site Name" / "HEADLINE - The Outlet", else None."""
    m = re.search(r"\s+(?:\||[-–—]|::)\s+(?P<site>[^|–—]{2,50})$", title)
    if not m or len(title[:m.start()].split()) < 4:
        return None
    site = m.group("site").strip()
    words = site.split()
    # "| Site" is the title convention; after a dash only a name that is plainly an outlet.
    if len(words) > 4 or not all(w[0].isupper() or w[0].isdigit() for w in words) or site.endswith("."):
        return None
    if not m.group().strip().startswith("|") and not is_outlet(site):
        return None
    return m.start("site")


def _dek_like(ln) -> bool:
    return ln.words >= 15 or (ln.prose and ln.words >= 8)


def choose_headline(lines, kinds, start: int, anchor: int) -> tuple[int | None, int | None]:
    """Return the indexes of the headline and the dek (or None) among the text lines above `anchor`."""
    texts = [i for i in range(start, anchor) if kinds[i] == "text"]
    if not texts:
        return None, None
    # Labels between the headline block and the byline ("Image", "Get more news", "Our Foreign Staff") are skipped
    # when a longer line sits just above them.
    while len(texts) > 1 and lines[texts[-1]].words < 4 and \
            any(lines[i].words >= 4 for i in texts[-4:-1]):
        texts = texts[:-1]
    # Menus and kickers are a few words each; the headline and its dek are the last longer lines.
    run: list[int] = []
    for i in reversed(texts):
        if lines[i].words < 4 or len(run) == 3:
            break
        run.insert(0, i)
    if not run:
        return texts[-1], None
    if len(run) >= 2 and run[0] > 0 and _LIST_LABEL.match(lines[run[0] - 1].text):
        # Links under a "Related" / "Most read" label, then the headline (and its dek) over the byline.
        if _dek_like(lines[run[-1]]):
            return run[-2], run[-1]
        return run[-1], None
    if len(run) == 3 and lines[run[0]].words <= 5 and lines[run[0]].words < lines[run[1]].words:
        run = run[1:]
    if len(run) == 3:
        if lines[run[0]].text == lines[run[1]].text:
            return run[0], run[2]  # the headline twice (page title and heading), then the dek
        return run[0], run[1]  # a headline over summary bullets
    if len(run) == 2:
        a, b = lines[run[0]], lines[run[1]]
        if a.words <= 4 and b.words <= 16 and not b.prose:
            return run[1], None  # a rubric ("Policy & Public Interest") over the headline
        return run[0], run[1]
    i = run[0]
    k = texts.index(i)
    prev = texts[k - 1] if k else None
    # A short headline (under four words) over its dek.
    if _dek_like(lines[i]) and prev == i - 1 and lines[prev].words >= 3 and not lines[prev].prose:
        return prev, i
    return i, None


def meta_end(lines, kinds, anchor: int, is_furniture, headline: str | None = None) -> int:
    """Return the index of the first body line after the byline/date block that starts at `anchor`."""
    for i in range(anchor, len(lines)):
        if lines[i].text == headline:
            continue  # the headline shown again (page title and heading) is still header
        if kinds[i] == "text" and not is_furniture(lines[i].text) and body_like(lines[i]):
            return i
    return len(lines)


def site_suffix(title: str, headline: str) -> str | None:
    """Return the site name when `title` is the page title "HEADLINE | Site", else None."""
    if not title.startswith(headline) or title == headline:
        return None
    m = _SITE_SUFFIX.match(title[len(headline):])
    return m.group("site").strip() if m else None

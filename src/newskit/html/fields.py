"""Choose an article's fields among what its page offers: titles without site names, the first publication date,
clean author lists, the dek; trafilatura's own guesses only where the markup is silent."""
from __future__ import annotations

import datetime as dt
import re

from newskit import lexicon
from newskit.article.bylines import (
    AGENCIES,
    PARTICLES,
    ROLE_WORDS,
    UI_WORDS,
    is_outlet,
    parse_byline,
    title_case,
)
from newskit.article.pubdate import UPDATED, date_share, find_date, stamp_date
from newskit.dates.isodate import read_date
from newskit.html.meta import PageMeta, clean

_SEP = re.compile(r"\s+([|\-–—:·•»~/]|::)\s+")
_NOT_AUTHOR = lexicon.words("not_authors")
# Month names that are nobody's surname, cut when a date runs on into a byline ("JANE DOE December 16, 2016").
_MONTHS_NOT_NAMES = {"january", "february", "september", "october", "november", "december"}
_NAME_WORD = re.compile(rf"^(?:[A-ZÀ-Þ][\w'’.-]*|(?:{PARTICLES})|"
                        r"[A-Z]\.(?:[A-Z]\.)*|\((?:[A-Z]\.)+\))$")


def norm_key(s: str) -> str:
    """Return `s` reduced for comparing names and titles: lower case, no leading "the", letters and digits only."""
    return re.sub(r"[\W_]+", "", re.sub(r"^the ", "", lexicon.norm(s)))


def to_iso(value, dayfirst: bool | None = None) -> str | None:
    """Return the calendar date written in a metadata value (ISO 8601, epoch seconds, or prose), else None; a
    numeric day and month ("04/03/2023") in the order `dayfirst` gives (the page's language)."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    day = read_date(v, whole=False)
    if day is not None and 1900 <= day.year < 2100:  # "0001-01-01" and the like are a CMS's empty value
        return day.isoformat()
    if re.fullmatch(r"\d{10}(?:\d{3})?", v):
        secs = int(v[:10])
        return dt.datetime.fromtimestamp(secs, dt.timezone.utc).date().isoformat()
    found = find_date(v, dayfirst)
    return found[0] if found else None


# Languages and English locales that write numeric dates month first; every other tagged page writes them day first.
_MONTH_FIRST = ("en-us", "en-ca", "en-ph", "en-fm", "en-pr", "en-um", "en-as", "en-gu", "en-mh", "en-mp", "en-vi")


def day_first(lang: str) -> bool | None:
    """Tell from a page's language tag whether it writes 03/04/2023 day first; None when the tag does not say."""
    if not lang or lang in ("en", "und") or lang.startswith(_MONTH_FIRST):
        return None if lang in ("", "en", "und") else False
    return True


def _days(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _zone(value: str) -> str:
    """Return "utc" for a timestamp written in UTC, "local" for one with another offset, "naive" for a time without
    any (often UTC in fact), "date" for a day."""
    v = value.strip()
    if not re.search(r"\d[T ]\d\d?:\d\d", v):
        return "date"
    if re.search(r"(?:Z|[+-]00:?00|\bGMT|\bUTC)(?:\s*\(UTC\))?$", v) or re.search(r"GMT[+-]0000", v):
        return "utc"
    if not re.search(r"[+-]\d\d:?\d\d$|\b[A-Z]{2,4}T?$", v):
        return "naive"
    return "local"


def _tidy(s: str) -> str:
    # Element text is joined with spaces, which splits "Metroid</a>, One" into "Metroid , One".
    return re.sub(r"\s+(?=[,.;:!?’”)])|(?<=[“(‘])\s+", "", clean(s))


_COLLECTIVE = {"staff", "desk", "team", "newsroom", "reporters", "writers", "editors"}


_PROFILE = re.compile(r"^(?:https?://)?[^/]+/(?:[\w-]+/)*(?:profile|profiles|author|authors|people|staff|writers?|"
                      r"contributors?)/(?P<slug>[a-z]+(?:-[a-z]+){1,3})/?$", re.I)


def _profile_name(url: str) -> str:
    """Return the person a profile link names ("…/profile/jane-doe" → "Jane Doe"), else ""."""
    m = _PROFILE.match(url.strip())
    return " ".join(w.capitalize() for w in m.group("slug").split("-")) if m else ""


class FieldChooser:
    """Pick each field among the page's candidates, cleaned, and record where it came from in `sources`."""

    def __init__(self, pm: PageMeta, html: str):
        self.pm = pm
        self.html = html
        self._guess = None
        self._htmldate: str | None = None
        self.sources: dict = {}
        self.sites = self._site_names()
        said = day_first(pm.lang)
        # A page whose language does not say: the day order of the dates it shows that cannot be read both ways.
        self.dayfirst = said if said is not None else pm.day_first

    @property
    def guess(self):
        """Trafilatura's own metadata guesses (title, author, date, site name), read only when needed."""
        if self._guess is None:
            from trafilatura.metadata import extract_metadata

            try:
                self._guess = extract_metadata(self.html)
            except (ValueError, TypeError, AttributeError, RecursionError):
                from trafilatura.settings import Document

                self._guess = Document()
        return self._guess

    # --- choosing fields -------------------------------------------------------------------------------------
    def _site_names(self) -> list[str]:
        # "SITE.COM | BY: JANE DOE": a publisher value that credits the author names only the site.
        names = [re.split(r"\s*[|–—]\s*by\b", n, flags=re.I)[0] for n, _ in self.pm.publishers if n]
        url = self.pm.url or ""
        host = re.sub(r"^(?:https?://)?(?:www\d?\.|m\.|amp\.)?", "", url).split("/")[0]
        if host:
            names.append(host)
            names.append(host.split(".")[0])
        return [n for n in names if norm_key(n)]

    def _is_site(self, seg: str) -> bool:
        n = norm_key(seg)
        if not n:
            return False
        for site in self.sites:
            s = norm_key(site)
            # A short site key ("ma" of ma.ttias.be) is inside many names: it must be matched whole.
            if n == s or (len(seg.split()) <= 6 and ((len(n) >= 3 and n in s) or (len(s) >= 4 and s in n))):
                return True
        return bool(re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|news|co|io|info|us|ca|au|in)",
                                 seg.strip(), re.I))

    def strip_site(self, title: str) -> str:
        """Return a page title without the site name around it ("Headline | Site", "Site - Headline")."""
        m = re.match(r"^([^:|]{2,40}):\s+(?=\S)", title)  # "Site: Headline"
        if m and self._is_site(m.group(1)):
            title = title[m.end():]
        # Cut at separators, keeping each piece's offsets so that what remains is the title as written.
        cuts = [(m.start(), m.end(), m.group(1)) for m in _SEP.finditer(title)]
        lo, hi = 0, len(title)
        changed = True
        while cuts and changed:
            changed = False
            first, last = title[lo:cuts[0][0]], title[cuts[-1][1]:hi]
            if self._is_site(last) or (cuts[-1][2] == "|" and len(last.split()) <= 5):
                hi, cuts, changed = cuts[-1][0], cuts[:-1], True
            elif self._is_site(first):
                lo, cuts, changed = cuts[0][1], cuts[1:], True
            elif cuts[-1][2] in ("-", "–", "—") and len(last.split()) <= 4 and is_outlet(last):
                hi, cuts, changed = cuts[-1][0], cuts[:-1], True
        return title[lo:hi].strip() or title

    def title(self) -> tuple[str | None, str | None]:
        pm = self.pm
        shown = self._shown_title()
        if shown:
            # Credit the metadata when it says the same thing.
            same = next((src for t, src in pm.titles if self.strip_site(clean(t)) == shown), "h1")
            return shown, same
        cands = [(t, s) for t, s in pm.titles if s in ("json-ld", "og:title")]
        # A short <h1> ("Allergies Health Center") is more often a section name than the headline.
        h1_first = pm.h1 and not self._is_site(pm.h1) and len(pm.h1.split()) >= 4
        if h1_first:
            cands.append((pm.h1, "h1"))
        cands += [(t, s) for t, s in pm.titles if s not in ("json-ld", "og:title")]
        if pm.h1 and not h1_first and not self._is_site(pm.h1):
            cands.append((pm.h1, "h1"))
        for raw, src in cands + [(None, "trafilatura")]:
            if src == "trafilatura":
                raw = self.guess.title
                if not raw:
                    break
            t = self.strip_site(clean(raw))
            if t and not self._is_site(t) and len(t) >= 3:
                # The page's own <h1> is the headline as shown; a metadata title that only adds to it loses.
                if pm.h1 and src != "h1" and norm_key(pm.h1) != norm_key(t) and norm_key(pm.h1) and \
                        norm_key(pm.h1) in norm_key(t) and len(pm.h1.split()) >= 3:
                    return clean(pm.h1), "h1"
                return t, src
        return None, None

    def _shown_title(self) -> str | None:
        """Return the <h1> that is the headline as the page shows it, when one can be told apart."""
        metas = {norm_key(self.strip_site(clean(t))) for t, _ in self.pm.titles} - {""}
        for h in self.pm.h1s:
            # An <h1> that repeats a metadata title (anywhere on the page) is the headline in its shown spelling.
            if norm_key(h) in metas and len(h.split()) >= 2:
                return _tidy(h)
        h = self.pm.h1
        # Social titles are often rewritten for sharing: a headline-sized <h1> of the article wins over them.
        # The page's only <h1> is its headline too, where the article's container leaves the header out.
        if h and (self.pm.h1_in_article or len(self.pm.h1s) == 1) and len(h.split()) >= 4 and \
                not self._is_site(h) and not self._is_site(self.strip_site(h)):
            return _tidy(h)
        return None

    def publisher(self) -> tuple[str | None, str | None]:
        order = ("og:site_name", "json-ld", "meta:application-name", "json-ld:webpage", "meta:publisher",
                 "json-ld:author")
        for want in order:
            for name, src in self.pm.publishers:
                if src == want and name and not name.startswith("http"):
                    return name, src
        if self.guess.sitename and not self.guess.sitename.startswith("http"):
            return self.guess.sitename, "trafilatura"
        return None, None

    def published(self) -> tuple[str | None, str | None]:
        modified = next((d for d in (to_iso(v, self.dayfirst) for v, _ in self.pm.modified) if d), None)
        cands = self._stamps()
        if cands:
            iso, src, zone = self._pick_stamp(cands)
            if modified and modified < iso and _days(modified, iso) <= 1:
                return modified, src  # a "published" after the last change is a re-stamp
            hd = self.htmldate()
            lone = sum(_days(c[0], iso) <= 1 for c in cands) == 1
            if lone and hd and hd != modified and _days(hd, iso) > 1 and self._first_shown() == hd:
                # A lone stamp dating something else (a re-import, the site's page, a related item): the date the
                # page shows with the article, which htmldate found on its own too, is the article's.
                return hd, "htmldate"
            if zone in ("utc", "naive"):
                # A UTC stamp can fall on the next calendar day: the day the page shows is the local one.
                local = self._shown_day(iso)
                if local:
                    return local
            return iso, src
        for text, kind in self.pm.visible_dates:
            if kind != "updated" and not UPDATED.match(text) and date_share(text) >= 0.2:
                found = find_date(text, self.dayfirst)
                if found and (kind != "page-class" or self._htmldate_agrees(found[0])):
                    return found[0], "page-date"
        url = self.pm.url or ""
        m = re.search(r"/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:/|$|-)", url)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), "url"
            except ValueError:
                pass
        return None, None

    def _stamps(self) -> list[tuple[str, str, str]]:
        """Return (ISO date, source, zone) of the publication stamps, datePublished kinds before creation stamps."""
        primary = [(v, s) for v, s in self.pm.published if not s.endswith((":dateCreated", ":uploadDate"))]
        rest = [(v, s) for v, s in self.pm.published if s.endswith((":dateCreated", ":uploadDate"))]
        out = []
        for value, src in primary + rest:
            iso = to_iso(value, self.dayfirst)
            if iso:
                out.append((iso, src, _zone(value)))
        return out

    @staticmethod
    def _pick_stamp(cands: list[tuple[str, str, str]]) -> tuple[str, str, str]:
        # Stamps of the same article agree within a day; one written in local time (or without a time) gives the
        # calendar day of the page, else the earliest of the UTC ones is the original.
        near = [c for c in cands if _days(c[0], cands[0][0]) <= 1]
        local = [c for c in near if c[2] in ("local", "date")] or [c for c in near if c[2] == "naive"]
        if local:
            return local[0]
        pick = min(near, key=lambda c: c[0])
        if len({c[0] for c in near}) > 1:
            return pick[0], pick[1], "utc-checked"
        return pick

    def _htmldate_agrees(self, iso: str) -> bool:
        """Tell whether htmldate finds no date, or the same one (its day and month possibly swapped: the page's
        language, which it does not read, decides the order of a numeric date) as `iso`."""
        hd = self.htmldate()
        return not hd or hd == iso or (hd[:4] == iso[:4] and hd[5:7] == iso[8:10] and hd[8:10] == iso[5:7])

    def _first_shown(self) -> str | None:
        """Return the publication date the page first shows (the earliest date of that element), else None."""
        for text, kind in self.pm.visible_dates:
            if kind in ("updated", "page-class") or UPDATED.match(text):
                continue
            found = stamp_date(text, self.dayfirst)
            if found:
                return found[0]
        return None

    def _shown_day(self, iso: str) -> tuple[str, str] | None:
        """Return the page's own calendar day for a UTC stamp: a visible date a day apart, else htmldate's."""
        for text, kind in self.pm.visible_dates:
            if kind in ("updated", "page-class") or UPDATED.match(text):
                continue
            found = find_date(text, self.dayfirst)
            if found:
                # Only the article's own stamp, the first one shown; later ones date other stories.
                return (found[0], "page-date") if 0 < _days(found[0], iso) <= 1 else None
        hd = self.htmldate()
        if hd and 0 < _days(hd, iso) <= 1:
            return hd, "htmldate"
        return None

    def htmldate(self) -> str | None:
        """Return htmldate's original publication date of the page (it reads markup and the visible text)."""
        if self._htmldate is None:
            try:
                from htmldate import find_date as htmldate_find

                self._htmldate = htmldate_find(self.html, original_date=True, extensive_search=True) or ""
            except (ValueError, TypeError, AttributeError, RecursionError):
                self._htmldate = ""
        return to_iso(self._htmldate) if self._htmldate else None

    def updated(self) -> str | None:
        return next((d for d in (to_iso(v, self.dayfirst) for v, _ in self.pm.modified) if d), None)

    def authors(self) -> tuple[list[str], str | None, str | None]:
        """Return (names, source, the byline text the page shows for them or None)."""
        order = ("json-ld", "itemprop", "byline", "meta:author", "article:author", "meta:parsely-author",
                 "meta:sailthru.author", "meta:byl", "meta:dc.creator", "meta:dcterms.creator", "json-ld:webpage",
                 "script")
        shown = [v for v, s in self.pm.authors if s == "byline"]
        for want in order:
            for value, src in self.pm.authors:
                if src != want:
                    continue
                names = self.clean_authors(value, structured=src != "byline")
                if names and src == "itemprop":  # one element per person: the co-authors are in the next ones
                    more = [n for v, s in self.pm.authors if s == src for n in self.clean_authors(v)]
                    names = list(dict.fromkeys(names + more))
                if names and src == "byline":
                    # A byline element naming someone no author field of the page names (a related story's writer
                    # in a side panel) yields to the page's own author fields.
                    metas = [(n, s) for v, s in self.pm.authors if s.startswith("meta:") or s == "cxenseparse:author"
                             for n in [self.clean_authors(v)] if n]
                    if metas and not any(set(names) & set(n) for n, _ in metas):
                        names, src = metas[0]
                if names and src != "byline":
                    # The byline the page shows may credit co-authors the markup left out.
                    fuller = [n for v, s in self.pm.authors if s == "byline"
                              for n in [self.clean_authors(v, structured=False)] if set(names) < set(n)]
                    names = fuller[0] if fuller else names
                if names:
                    names = self._complete(names)
                    line = next((b for b in shown if all(n.lower() in b.lower() for n in names)), None)
                    return names, src, line
        return [], None, None

    def _complete(self, names: list[str]) -> list[str]:
        # A byline run on into a job title can lose a surname ("Mark Di" of "Mark Di Stefano BuzzFeed News
        # Reporter"): another source naming the same person in full restores it.
        others = [n for v, s in self.pm.authors if s != "byline"
                  for n in self.clean_authors(v, structured=True)]
        out = []
        for name in names:
            full = next((o for o in others if o.lower().startswith(name.lower() + " ")), None)
            out.append(full or name)
        return out

    def clean_authors(self, value, structured: bool = True) -> list[str]:
        """Return the person names in an author value: split, roles and site names dropped, deduplicated."""
        if isinstance(value, list):  # JSON-LD (name, type) pairs: organizations are publishers, not authors
            raws = [n for n, kind in value if kind != "organization"]
        else:
            raws = [value]
        names: list[str] = []
        for raw in raws:
            raw = clean(raw)
            if structured and re.match(r"^(?:https?:|www\.)", raw or "", re.I):
                # An author field holding profile links: the name is the link's last part ("/profile/jane-doe").
                raw = " and ".join(_profile_name(u) for u in re.split(r"[,\s]+", raw) if _profile_name(u))
            if not raw or re.match(r"^(?:https?:|www\.)", raw, re.I):
                continue
            twice = re.match(r"^((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s*\1\b", raw)
            if twice and not structured:
                raw = twice.group(1)  # "Jane Doe Jane Doe Writer of …": the name's link and its text, then a bio
            if not structured:
                found = parse_byline(raw)
                cands = found[0] if found else []
            else:
                raw = re.sub(r"^\s*(?:(?:written|posted|words|story|reported)\s+)?by\s*[:\-]?\s+", "", raw, flags=re.I)
                raw = re.sub(r"\s*(?:\||•|·)\s*.*$", "", raw)
                raw = re.sub(r"\S+@\S+|https?://\S+|@\w+", " ", raw)
                raw = re.sub(r"\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][\w&.' -]+$", "", raw)
                # "Quill, Nora": a catalogue's surname-first form of one name, not two people.
                raw = re.sub(r"^([A-Z][\w'’-]+),\s+([A-Z][\w'’-]+(?:\s+[A-Z]\.)?)$", r"\2 \1", raw.strip())
                cands = list(re.split(r"\s*(?:,\s*and\s+|\band\b|&|,|;|/)\s*", raw, flags=re.I))
            for c in cands:
                name = self._one_name(c)
                if name and name.lower() not in {n.lower() for n in names}:
                    names.append(name)
        return names[:12]

    def _one_name(self, s: str) -> str | None:
        t = clean(s).strip(" :-–—()")
        words = (t if re.search(r"(?:\b[A-Z]|\b[JS]r)\.$", t) else t.rstrip(". ")).split()
        dropped = set()
        while words and (words[-1].lower().strip(".,!") in ROLE_WORDS | UI_WORDS or
                         words[-1].lower().strip(".,") in _MONTHS_NOT_NAMES):
            dropped.add(words.pop().lower())  # "Jane Doe Twitter", "Jane Doe Link Copied", "JANE DOE December"
        if dropped & _COLLECTIVE and words and (len(words) == 1 or words[0].lower() in ("our", "the")):
            return None  # "Gazette Staff", "Our Foreign Staff", "The Metro Desk": the newsroom, not a person
        while words and words[0].lower().strip(".,") in ROLE_WORDS:
            words.pop(0)
        name = " ".join(words)
        if not name or name.lower() in _NOT_AUTHOR or not 1 <= len(words) <= 5 or re.search(r"\d", name):
            return None
        if self._is_site(name) or name in AGENCIES or (is_outlet(name) and len(words) > 1):
            return None
        if name.isupper() and len(name) > 3:
            name = title_case(name)
        words = name.split()
        if not all(_NAME_WORD.match(w) for w in words) or not words[0][0].isupper():
            return None
        return name

    def dek(self, headline: str | None, first_paras: list[str]) -> tuple[str | None, str | None]:
        cands = list(self.pm.deks) + [(d, s) for d, s in self.pm.descriptions]
        body = " ".join(first_paras)
        nbody = norm_key(body)
        for text, src in cands:
            text = clean(text)
            n = norm_key(text)
            if not n or len(text.split()) < 4 or (headline and n == norm_key(headline)):
                continue
            if src != "dek":
                # A description that repeats the lead, is cut off, or speaks for the whole site is not a dek; nor is
                # one the page never shows: written into the record's text, its names and dates would count twice.
                if n[:60] in nbody or text.endswith(("...", "…")) or len(text.split()) > 60:
                    continue
                if re.sub(r"[\W_]+", "", text.lower())[:60] not in self.pm.shown:
                    continue
                if any(norm_key(s) and norm_key(s) in n for s in self.sites if len(norm_key(s)) >= 4):
                    continue
            return text, src
        return None, None

    # --- the text --------------------------------------------------------------------------------------------

"""Who wrote and who published: bylines, author names, outlet names, photo credits and datelines."""
from __future__ import annotations

import re
from functools import lru_cache

from newskit import lexicon
from newskit.article.pubdate import find_date
from newskit.dates.words import MONTH

AGENCIES = lexicon.entries("agencies")
_AGENCY_RE = lexicon.alternation(AGENCIES)
OUTLET_WORDS = lexicon.words("outlet_words")
ROLE_WORDS = lexicon.words("byline_roles")
UI_WORDS = lexicon.words("byline_ui_words")
_NOT_PLACES = lexicon.words("dateline_not_places")
# Lowercase particles inside a name, as a regex alternation (also read by html.fields).
PARTICLES = lexicon.alternation(lexicon.words("names/lowercase_particles"))
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*|[A-Z][a-z]{1,2}[A-Z][a-zà-ÿ'’]+|"  # DiCaprio
                         r"[A-Z]\.|(?:[A-Z]\.){2,3}|[A-Z][A-Z'’]+(?:-[A-Z]{2,})?|"  # initials run together: "J.K."
                         r"\((?:[A-Z]\.)+\)|\([A-Z][a-z]+\)|"  # a nickname in brackets: "Richard (R.J.) Eskow"
                         rf"Mc[A-Z][a-z]+|O['’][A-Z][a-z]+|(?:{PARTICLES})"
                         r"|Jr\.?|Sr\.?|II|III|IV)$")
# "ByJane Doe": a page copy glues the label to the name, so a capital right after "By" also opens a byline.
BYLINE = re.compile(r"^\s*(?:(?:(?:posted|written|words|story|text|reported|compiled|analysis|opinion|commentary|"
                    r"column|essay|review)\s+by|by|"
                    r"(?:authors?|words|text|story|reporter|writer|contributors?)\s*:)\s*[:\-]?\s+"
                    r"|(?-i:By(?=[A-Z][a-z])))(?P<rest>.+)$", re.I)
# What follows the names on a byline line: a date (cut separately), a time, a relative stamp, a handle, a label.
_BYLINE_TAIL = re.compile(r"\s*(?:[-–—|·•,]\s*)?(?:\b(?:updated|published|posted|last\s+updated|first\s+published)\b"
                          r"|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b"
                          r"|\b\d{1,2}:\d\d\b|\bfollow\b|\b\d+\s+min(?:ute)?s?\s+read\b"
                          rf"|\b{MONTH}\s+\d{{1,2}}\b)"
                          r".*$", re.I)
# "Posted on March 14, 2023 by Jane Doe", "on March 10, 2015 by X", "March 14, 2023Jane Doe" (glued by the copy).
_DATE_CUE = re.compile(r"^\W*(?:(?:posted|published|written|first\s+published)\s*:?\s*)?(?:on\s+)?$", re.I)
_AFTER_DATE = re.compile(r"^(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*[,|·•—–-]?\s*"
                         r"(?:by\s+)?(?P<rest>.*)$", re.I)
# "By NAME, a senior reporter covering …": the appositive describes the author and is not another name.
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|who|is|our)\s+[a-z].*$")
# Medium-style one-liners: "NAME · 5 min read · Jan 22, 2024".
_INLINE_SEP = re.compile(r"\s+[·•]\s+")
_SPLIT = re.compile(r"\s*(?:,\s*and\s+|\band\b|&|,|;|\||\s[–—-](?=\s))\s*", re.I)  # "Jane Doe — Reporter"
_CREDIT_PREFIX = re.compile(r"(?:^|(?<=[.!?\s]))(?:photo(?:graph)?s?|pictures?|images?|credits?|photo\s+credit|"
                            r"illustration|source)\s*(?:by)?\s*[:/|]\s*(?P<credit>[^:]{2,80})$", re.I)
_CREDIT_WORDS = lexicon.alternation(lexicon.entries("credit_words"))
_CREDIT_PAREN = re.compile(rf"\((?P<credit>[^()]*(?:{_CREDIT_WORDS})[^()]*)\)\s*$", re.I)
_CREDIT_LEAD = re.compile(r"^(?:(?:photo(?:graph)?|illustration|image|video|animation|artwork)s?\s+(?:by|courtesy\s+of)"
                          r"|image\s+source\s*,|credit\s*(?:\.\.\.|…))\s*(?P<credit>[^.!?]{2,80})$", re.I)
_CREDIT_MARK = re.compile(r"(?:credit\s*(?:\.\.\.|…)|\[)\s*(?P<credit>[^\[\]]{2,80}?)\]?\s*$", re.I)
# "…sentence. NAME/Outlet" or "caption | NAME/Outlet/Agency": a person and the outlets, slash-separated.
_CREDIT_SLASH = re.compile(r"(?:(?<=[.!?”)]\s)|(?<=\|\s))(?P<credit>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*"
                           r"(?:\s*/\s*[A-Z][\w&’'.-]*(?:\s+[A-Z&][\w&’'.-]*){0,4}){1,3})\s*$")
# "…in 2023.CreditJane Roe/EPA": the label glued to the caption by the copy.
_CREDIT_GLUED = re.compile(r"(?<=[.!?”’)])\s*(?:Credit){1,2}\s*(?P<credit>[A-Z][^.!?]{1,80})$")
_CREDIT_SOURCES = lexicon.alternation(lexicon.entries("credit_sources"), space=r"\s+")
_CREDIT_TAIL = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?]))\s*"
                          r"(?P<credit>(?:[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}\s*/\s*)?"
                          rf"(?:{_CREDIT_SOURCES}))\s*$")
_CREDIT_PATTERNS = (_CREDIT_PAREN, _CREDIT_PREFIX, _CREDIT_MARK, _CREDIT_GLUED, _CREDIT_SLASH, _CREDIT_TAIL)
_TAIL_WORDS = tuple({w.split()[-1] for w in lexicon.entries("credit_sources")} |
                    {w.split("-")[-1] for w in lexicon.entries("credit_sources")})
IMAGE_FILE = re.compile(r"^\S*[\w%~-]\.(?:jpe?g|png|gif|webp|avif|svg|tiff?|bmp|heic)(?:\?\S*)?$", re.I)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}(?:,[ ][A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)?)?)"
    r"(?:,[ ](?P<date>[A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:,[ ]\d{4})?))?"
    r"(?:[ ]?(?:\((?P<agency>[^()]{2,30})\)|/(?P<wire>[A-Za-z ]{2,30})/))?"
    r"[ ]?(?:[-–—_:]{1,2}|--)(?:[ ]+|$)")


_INITIAL = re.compile(r"^[A-Z]\.$")
_RUN_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")
_ORG_HEADS = lexicon.words("org_heads")
# A name keeps its closing full stop when it ends in an initial or a suffix ("Ann B.", "Martin Luther King Jr.").
_KEEP_DOT = re.compile(r"(?:\b[A-Z]|\b[JS]r)\.$")
_NOT_NAME = lexicon.words("byline_not_name")
# A wire story's date stamp: the city in capitals (and its region) then the filing date, "HONG KONG 1996-08-30",
# "LA CORUNA, Spain 1996-08-31". Two words in capitals read like a name, but a byline never carries such a date.
_WIRE_STAMP = re.compile(r"^[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
                         r" \d{4}-\d\d-\d\d$")


# A page copy glues a byline's parts together: "Andrew HusbandTwitterNews & Culture Writer", "Howard BlumeStaff
# Writer", "Aja Romano@ajaromano", "Byby JANE DOE". A capitalised profile, job or outlet word run onto a lowercase
# letter opens a new part; "DiChristopher" or "McCarthy" (no such word after the join) stay whole.
_GLUE_WORD = re.compile(r"(?<=[a-z])(?=(?-i:[A-Z])[a-z]+(?![a-z]))")
_GLUED_HANDLE = re.compile(r"(?<=[\w.])@(?=\w)")
_BY_TWICE = re.compile(r"^\s*by\s*(?=by\b)", re.I)
# "Andrea WongAndrea Wong": a name shown twice (its link and its text), glued by the copy.
_NAME_TWICE = re.compile(r"\b((?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){1,3})\s*\1(?!\w)")
_GLUE_CUE = re.compile(r"(?-i:[a-z][A-Z])|@|/|^\s*by\s*by", re.I)


def unglue(s: str) -> str:
    """Return a byline with the parts a page copy glued together set apart by " · " (values only: not for offsets)."""
    if not _GLUE_CUE.search(s):
        return s
    s = _BY_TWICE.sub("", s)
    s = _NAME_TWICE.sub(r"\1", s)
    s = _GLUED_HANDLE.sub(" · @", s)
    s = re.sub(r"(?<=[a-z])/(?=\s*$|[A-Z])", " · ", s)  # "Jane Doe/", "Jane Doe/November 18, 2016"
    if not re.search(r"[a-z][A-Z]", s):
        return s
    out, pos = [], 0
    for m in _GLUE_WORD.finditer(s):
        word = re.match(r"[A-Z][a-z]+", s[m.start():]).group().lower()  # type: ignore[union-attr]
        if word in UI_WORDS or word in ROLE_WORDS or word in OUTLET_WORDS or word in _DATE_LABELS:
            out.append(s[pos:m.start()])
            pos = m.start()
    out.append(s[pos:])
    return " · ".join(out)


_DATE_LABELS = {"updated", "published", "posted", "first", "last"}


def ui_only(s: str) -> bool:
    """Tell whether a short line is made of page-control words only ("Social Sharing", "Play Video", "See More")."""
    words = re.findall(r"[A-Za-z]+", s)
    return bool(words) and len(words) <= 4 and all(w.lower() in UI_WORDS for w in words)


def is_name(s: str) -> bool:
    """Tell whether `s` looks like a person's name (2–5 capitalized words, no outlet, role or function words)."""
    words = s.replace(",", " ").split()
    if not 2 <= len(words) <= 5 or any(w.lower().strip(".") in _NOT_NAME and not _INITIAL.match(w) for w in words):
        return False
    if any(w.lower().strip(".") in OUTLET_WORDS | ROLE_WORDS for w in words):
        return False
    if _RUN_INITIALS.match(words[0]) and words[-1].lower() in _ORG_HEADS:
        return False  # "U.S. Army", "D.C. Police": initials before an organization's head word
    return all(_NAME_TOKEN.match(w) for w in words) and sum(w[0].isupper() for w in words) >= 2


def is_outlet(s: str) -> bool:
    """Tell whether a short line names a news outlet or agency ("The Korea Herald", "Reuters")."""
    s = s.strip()
    words = s.split()
    if not 1 <= len(words) <= 6 or s.endswith((".", "?", "!")) or not s[0].isupper() or ":" in s:
        return False  # "Weekly Address: Free College" is a title
    if re.fullmatch(_AGENCY_RE, s):
        return True
    caps = all(w[0].isupper() or w.lower() in ("of", "the", "and", "&", "de", "la") for w in words)
    return caps and any(w.lower().strip(".,") in OUTLET_WORDS for w in words[1:] + words[:1])


def title_case(name: str) -> str:
    """Return an ALL-CAPS name in title case ("JANE DOE" → "Jane Doe"); leave mixed case ("McCarthy") alone."""
    if name.isupper():
        titled = " ".join(w if _RUN_INITIALS.match(w) else "-".join(p.capitalize() for p in w.split("-"))
                          for w in name.split())
        return re.sub(r"\b([A-Z][’'])([a-z])", lambda m: m.group(1) + m.group(2).upper(), titled)
    return name


def split_names(rest: str) -> tuple[list[str], str | None]:
    """Split a byline's text into author names and an agency/outlet it names, dropping roles."""
    publisher = None
    found = find_date(rest)
    if found:
        rest = rest[:found[1]]
    handle = re.fullmatch(r"\s*(@\w{2,30})\s*", rest)
    if handle:
        return [handle.group(1)], None  # "On 6/13/2018 by @jdoe": the handle is all the credit there is
    rest = _BYLINE_TAIL.sub("", re.sub(r"(?<!\S)@\w+", " ", rest))
    rest = re.sub(r"\s+(?:on|at|in)\s+.*?\d{4}.*$|\s+(?:on|at|in)\s*$", "", rest)  # "Posted by X on March 3, 2023"
    # "By X at the Emirates Stadium", "By X and Y in Madrid", "by X in Valve": where the story was filed (or its
    # section) follows the names, and is no part of them.
    rest = re.sub(r"\s+(?:in|at|from)\s+(?:the\s+)?[A-Z].*$", "", rest)
    m = re.search(rf"(?:,|\||\s[-–—]|\s)\s*(?:the\s+)?({_AGENCY_RE})\s*$", rest)
    if m and rest[:m.start()].strip():
        publisher, rest = m.group(1), rest[:m.start()]
    names: list[str] = []
    pieces = re.split(f"({_SPLIT.pattern})", rest, flags=re.I)
    after_role = False
    for k in range(0, len(pieces), 2):
        part = pieces[k].strip(" :-–—")
        part = part if _KEEP_DOT.search(part) else part.strip(" .")
        joined = k > 0 and re.search(r"\band\b|&", pieces[k - 1], re.I)
        if not part:
            continue
        if any(w.lower().strip(".,") in ROLE_WORDS for w in part.split()) and not is_name(part):
            # "By X, Senior Staff Technologist, ACLU Speech, Privacy…": after a job title comes its description.
            after_role = True
        if all(w.lower().strip(".,") in ROLE_WORDS for w in part.split()):
            continue
        if is_outlet(part) and not is_name(part):
            publisher = publisher or part
            continue
        if after_role and not joined:
            continue
        words = [w for w in part.split() if w.lower().strip(".,") not in ROLE_WORDS]
        while words and words[-1].lower().strip(".,!") in UI_WORDS:
            words.pop()  # "Rebecca Hersher Twitter", "Steven Shepard Link Copied": controls beside the name
        cand = " ".join(words)
        if is_name(cand):
            names.append(title_case(cand))
    return names, publisher


def parse_byline(line: str) -> tuple[list[str], str | None] | None:
    """Return (authors, publisher) when `line` is a byline ("By X and Y", a bare name, "X, Reuters"), else None."""
    found = _parse_byline(line)
    return (list(found[0]), found[1]) if found else None


@lru_cache(maxsize=4096)  # the line kinds, the body and the line scorer all ask about the same header lines
def _parse_byline(line: str) -> tuple[tuple[str, ...], str | None] | None:
    found = _read_byline(line)
    return (tuple(found[0]), found[1]) if found else None


def _read_byline(line: str) -> tuple[list[str], str | None] | None:
    s = unglue(_NAME_TWICE.sub(r"\1", line.strip())) if len(line) <= 300 else line.strip()
    if ui_only(s) or _WIRE_STAMP.match(s):
        return None
    dated = _dated_byline(s)
    if dated:
        return dated
    m = BYLINE.match(s)
    if m and _WIRE_STAMP.match(m.group("rest")):
        return None  # the "By " a caller tries before a bare line
    if m:
        rest = m.group("rest").strip()
        if rest.isupper() and not _given_first(rest):
            return None  # "By AMERICAN LEAGUE": a heading in capitals the caller tried as a byline
        names, pub = split_names(_APPOSITIVE.sub("", _INLINE_SEP.split(m.group("rest"))[0]))
        return (names, pub) if names else None
    s = re.split(r"\s+[·•/]\s+", s)[0]  # "Jane Doe · The Outlet · Posted …", "Jane Doe / TNN / Updated …"
    if len(s) > 80 or s.endswith((".", "?", "!", ":")) and not _KEEP_DOT.search(s):
        return None
    found = find_date(s)
    if found and found[1] and s[found[1] - 1].isalpha():
        return None  # "Yahoo FinanceOctober 13, 2016": an outlet glued to its date line
    s = _BYLINE_TAIL.sub("", s[:found[1]] if found else s).strip(" ,|-–—")
    head = re.split(r"\s*[,|]\s*|\s+[-–—]\s+", s)
    if s.isupper() and not _given_first(head[0]):
        return None  # "EASTERN DIVISION", "ICE HOCKEY - NHL STANDINGS": a heading in capitals opens with no given name
    role = _role_tail(head[0])
    if role:
        return [title_case(role)], None
    if is_name(head[0]) or all(is_name(x) for x in re.split(r"\s+(?:and|&)\s+", head[0])):
        # "Jane Doe", "Jane Doe and John Roe": a bare byline names its people and nothing else.
        names, pub = split_names(s)
        if names and len(names) <= 4:
            return names, pub
    return None


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("names/given_names"))


def _given_first(name: str) -> bool:
    """Say whether a name opens with a given name or initials ("JANE DOE", "J. DOE", "N.R. DOE")."""
    first = name.split()[0] if name.split() else ""
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", first)) or first.casefold() in _given_names()


def _dated_byline(s: str) -> tuple[list[str], str | None] | None:
    # A date first, then the author: "Posted on March 14, 2023 by Jane Doe", "March 14, 2023Jane Doe".
    if len(s) > 120:
        return None
    found = find_date(s)
    if not found:
        return None
    # "Medical Daily 9/21/2016 Jane Doe": the outlet, its date stamp, then the author.
    outlet = s[:found[1]].strip(" ,|·•-–—")
    if not _DATE_CUE.match(s[:found[1]]) and not (is_outlet(outlet) and not is_name(outlet)):
        return None
    end = found[2]
    while True:  # "December 10, 2021April 9, 2019 by Jane Doe": the update and the original, then the author
        more = find_date(s[end:])
        if not more or s[end:end + more[1]].strip(" ,|·•-–—/"):
            break
        end += more[2]
    m = _AFTER_DATE.match(s[end:])
    rest = m.group("rest").strip() if m else ""
    if not rest:
        return None
    names, pub = split_names(rest)
    if outlet and not _DATE_CUE.match(s[:found[1]]):
        pub = pub or outlet
    return (names, pub) if names and len(names) <= 4 else None


def _role_tail(s: str) -> str | None:
    # A bare name run on into a job title ("Helen Marsh Environment correspondent"): the title ends in a role word.
    words = s.split()
    for k in (2, 3):
        rest = words[k:]
        if rest and len(rest) <= 4 and rest[-1].lower() in ROLE_WORDS and rest[0][0].isupper() \
                and is_name(" ".join(words[:k])):
            return " ".join(words[:k])
    return None


def split_credit(line: str) -> tuple[str, str | None, int]:
    """Split a caption line into (caption, credit, offset of the credit text), credit None when there is none."""
    s = line.rstrip()
    lead = _CREDIT_LEAD.match(s)
    if lead:
        return "", lead.group("credit").strip(), lead.start("credit")
    low = s.lower()
    # Each pattern needs a mark the line must hold; checking for it first spares most lines the search.
    cues = (s.endswith(")"), any(c in s for c in ":/|"), "[" in s or "credit" in low, "Credit" in s, "/" in s,
            s.endswith(_TAIL_WORDS))
    for pat, cue in zip(_CREDIT_PATTERNS, cues, strict=True):
        if not cue:
            continue
        m = pat.search(s)
        if m:
            credit = m.group("credit").strip()
            cap = s[:m.start()].rstrip(" |-–—[")
            if pat is _CREDIT_MARK and not cap.endswith((".", "”", "!", "?")) and "[" not in s:
                continue
            return cap, credit, m.start("credit")
    return s, None, -1


def parse_dateline(line: str) -> dict | None:
    """Return {"place", "agency", "end"} when a body line opens with a dateline ("SEOUL –", "LONDON (Reuters) -")."""
    m = DATELINE.match(line)
    if not m:
        return None
    place = m.group("place").rstrip(",")
    first = place.split(",")[0]
    if len(first) < 3 or not any(c.isalpha() for c in first) or first in _NOT_PLACES:
        return None
    agency = (m.group("agency") or m.group("wire") or "").strip() or None
    return {"place": place, "agency": agency, "end": m.end()}

"""Entity mentions from a spaCy Doc: the model's spans with their systematic errors fixed by general rules.

Fixes: whitespace, determiners and possessives trimmed; spans cut at line breaks and slashes; hyphenated and
particle names made whole; leading titles moved out of person names; country long names, wire and photo agencies
relabelled; ALL-CAPS dateline cities and photo-credit names added; nothing kept from boilerplate or image lines.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field as dc_field

from . import names, places

# Labels that name things; the numeric ones (DATE, MONEY, CARDINAL...) are other modules' business.
NAME_LABELS = {"PERSON", "GPE", "LOC", "FAC", "ORG", "EVENT", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
# Wire services and photo agencies: a closed, well-known class that the small model misses or mislabels as PERSON
# or PRODUCT, mostly because they appear in credits ("PHOTO: Unsplash") outside any sentence.
AGENCIES = {"AP", "AFP", "Reuters", "Getty Images", "Getty", "Unsplash", "Shutterstock", "Xinhua", "Yonhap",
            "EPA", "EPA-EFE", "Bloomberg", "TASS", "Kyodo", "Pixabay", "Pexels", "Alamy", "Associated Press",
            "Agence France-Presse", "Anadolu", "Sipa", "Corbis", "Newsis", "Interfax", "UPI", "PA", "dpa", "ANI",
            "PTI", "IANS", "Bernama", "Antara", "Wikimedia Commons", "iStock", "NurPhoto", "ZUMA", "WireImage"}
_AGENCY_KEYS = {a.lower() for a in AGENCIES}
# Last words that make a name an organization's, whatever label the model gave it.
ORG_HEADS = {"aircraft", "airlines", "airline", "airways", "air", "motors", "systems", "technologies", "technology",
             "industries", "electronics", "corp", "corporation", "inc", "co", "company", "ltd", "plc", "llc", "group",
             "holdings", "bank", "agency", "ministry", "department", "council", "committee", "party", "association",
             "university", "institute", "foundation", "federation", "union", "commission", "authority", "board",
             "records", "pictures", "studios", "entertainment", "communications", "networks", "software", "partners",
             "capital", "securities", "insurance", "pharmaceuticals", "laboratories", "labs", "energy", "petroleum",
             "railways", "police", "army", "navy", "command", "court", "parliament", "congress", "senate", "times",
             "post", "herald", "journal", "news", "magazine", "club", "fc", "team"}
# Titles that only people carry, so a span led by one is a person even if the model thought otherwise.
PERSON_TITLES = {"mr", "mrs", "ms", "dr", "spokesman", "spokeswoman", "spokesperson", "president", "minister",
                 "chancellor", "senator", "sen", "rep", "gov", "governor", "judge", "ambassador", "professor", "prof",
                 "premier", "mayor", "sir", "lord", "lady", "pope", "sheikh", "ayatollah", "archbishop", "rabbi",
                 "detective", "sergeant", "sgt", "lt", "col", "capt", "coach"}
# Lowercase nouns that, right before a name, say the name is an organization's ("retailer Best Buy", "German
# magazine Der Spiegel"): the model reads such two-word names as people.
ORG_CUES = {"retailer", "magazine", "newspaper", "daily", "weekly", "tabloid", "broadcaster", "network", "airline",
            "carrier", "airframer", "manufacturer", "maker", "automaker", "carmaker", "chipmaker", "company", "firm",
            "bank", "lender", "insurer", "conglomerate", "startup", "supplier", "publisher", "studio", "label",
            "website", "operator", "retail", "chain", "brand", "consortium", "contractor", "outlet", "channel"}
_SKIP_FIELDS = {"boilerplate", "image"}
_DETS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your"}
_CREDIT = re.compile(r"\b(?:photo(?:graph)?s?|images?|pictures?|credits?|source|courtesy|illustration)\b\s*"
                     r"(?:by|:|/|via|from)\s*", re.I)
_CREDIT_NAME = re.compile(r"[A-Z][\w.&'\u2019-]*(?:[ \-][A-Z][\w.&'\u2019-]*)*")
# "SEOUL –", "NEW YORK (AP) —", "AL-AIN , United Arab Emirates 1996-12-06", "LONDON 1996-08-30"
_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z'\u2019.\-]*(?: [A-Z][A-Z'\u2019.\-]*){0,3})(?=\s*(?:[,(\u2013\u2014]|-\s|\d))")


_LAST_TEXT: list = [None, ""]


def doc_text(doc) -> str:
    """Return `doc.text`, computed once per Doc: spaCy joins every token on each access, and the rules below ask
    for it hundreds of times per article. One entry is kept (a strong reference, so identity cannot be reused)."""
    if _LAST_TEXT[0] is not doc:
        _LAST_TEXT[0], _LAST_TEXT[1] = doc, doc.text
    return _LAST_TEXT[1]


# the long agency names, searched in one pass; short codes are only trusted where the model or a credit found them
_AGENCY_RE = re.compile(r"\b(?:%s)\b" % "|".join(
    re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True) if len(a) >= 3 and not a.isupper()))


@dataclass
class Mention:
    """One mention of a would-be entity: char offsets, token offsets, label and how it was found."""

    start: int
    end: int
    text: str
    label: str
    tstart: int
    tend: int
    source: str = "ner"
    field: str | None = None
    titles: list[str] = dc_field(default_factory=list)


class Layout:
    """Answer which article field a char offset falls in (None without an article)."""

    def __init__(self, article):
        lines = sorted(article.layout, key=lambda ln: ln.start) if article is not None else []
        self.starts = [ln.start for ln in lines]
        self.lines = lines

    def field_at(self, pos: int) -> str | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.lines[i].start <= pos < max(self.lines[i].end, self.lines[i].start + 1):
            return self.lines[i].field
        return None


def _make(doc, s: int, e: int, label: str, source: str, layout: Layout) -> Mention | None:
    if e <= s:
        return None
    a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    text = doc_text(doc)[a:b]
    if not any(c.isalpha() for c in text):
        return None
    return Mention(a, b, text, label, s, e, source, layout.field_at(a))


def _trim(doc, s: int, e: int, label: str) -> tuple[int, int]:
    """Drop edge whitespace, punctuation, determiners and possessive markers from a token range."""
    while s < e and (doc[s].is_space or (doc[s].is_punct and doc[s].text not in "(") or doc[s].lower_ in _DETS):
        s += 1
    while e > s and (doc[e - 1].is_space or (doc[e - 1].is_punct and doc[e - 1].text not in ").")
                     or doc[e - 1].lower_ in ("'s", "\u2019s", "'", "\u2019")):
        e -= 1
    if e > s and doc[e - 1].text == "." and e - s == 1:
        e -= 1
    return s, e


def _cut(doc, s: int, e: int, label: str) -> list[tuple[int, int]]:
    """Split a token range at line breaks and at slashes ("AP Photo/Ahn Young-joon")."""
    parts, a = [], s
    whole = doc[s:e].text
    split_possessive = label == "ORG" and not places.is_country_long_name(whole)
    for i in range(s, e):
        t = doc[i]
        # "San Jose - Cisco" is two names; "Wal - Mart" (one word on each side) is a detokenized hyphen
        spaced_dash = t.text in ("-", "\u2013", "\u2014", "--") and t.whitespace_ and i > s \
            and doc[i - 1].whitespace_ and (i - s > 1 or e - i > 2)
        possessive = split_possessive and t.lower_ in ("'s", "\u2019s") and i + 1 < e  # "Apple Computer's Mac OS"
        if t.is_space or t.text in ("/", "|") or "\n" in t.text or spaced_dash or possessive:
            parts.append((a, i))
            a = i + 1
        elif "\n" in t.whitespace_:
            parts.append((a, i + 1))
            a = i + 1
    parts.append((a, e))
    return [(x, y) for x, y in parts if y > x]


def _joined(doc, i: int) -> bool:
    """Return True when token i follows token i-1 without whitespace."""
    return i > 0 and doc[i - 1].whitespace_ == ""


def _extend_person(doc, s: int, e: int) -> tuple[int, int]:
    """Grow a person span over hyphenated parts (Sun-hui, al-Baghdadi) and inner particles (von der Leyen)."""
    n = len(doc)
    changed = True
    while changed:
        changed = False
        # "Choe Sun" + "-hui": a hyphen glued on both sides continues the name
        if e + 1 < n and doc[e].text in ("-", "\u2010") and _joined(doc, e) and _joined(doc, e + 1) \
                and doc[e + 1].is_alpha:
            e += 2
            changed = True
        # "al" "-" "Baghdadi" before the span
        if s >= 2 and doc[s - 1].text == "-" and _joined(doc, s) and _joined(doc, s - 1) and doc[s - 2].is_alpha \
                and (names.is_particle(doc[s - 2].text) or doc[s - 2].text[:1].isupper()):
            s -= 2
            changed = True
        # "Michael O'" + "Leary" (a tokenizer split after the apostrophe)
        if e < n and re.fullmatch(r"[A-Z]['\u2019]", doc[e - 1].text) and doc[e].text[:1].isupper() \
                and doc[e].is_alpha and "\n" not in doc[e - 1].whitespace_:
            e += 1
            changed = True
        # "Ursula von der" + "Leyen": trailing particles need the capitalized word after them
        j = e
        while j < n and names.is_particle(doc[j].text) and "\n" not in doc[j - 1].whitespace_:
            j += 1
        if j < n and (j > e or names.is_particle(doc[e - 1].text)) and doc[j].text[:1].isupper() \
                and doc[j].is_alpha and "\n" not in doc[j - 1].whitespace_:
            e = j + 1
            changed = True
    return s, e


def _person_or_org(doc, s: int, e: int, label: str) -> str:
    """Correct person/organization confusions the span's own words give away."""
    last = doc[e - 1].lower_.rstrip(".")
    if label in ("PERSON", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LOC") and last in ORG_HEADS and e - s > 1:
        return "ORG"  # "Douglas Aircraft", "Garuda Airlines": a person's name never ends in a firm's noun
    if label == "PERSON" and s > 0 and doc[s - 1].lower_ == "the" and doc[s].text[:1].isupper():
        return "ORG"  # "the Beatles": people do not take an article
    if label in ("PERSON", "GPE", "PRODUCT", "WORK_OF_ART", "NORP") and s > 0 and doc[s - 1].lower_ in ORG_CUES \
            and doc[s - 1].is_lower and doc[s].text[:1].isupper():
        return "ORG"  # "electronics retailer Best Buy", "German magazine Der Spiegel"
    if label != "PERSON" and e - s >= 2 and doc[s].lower_.rstrip(".") in PERSON_TITLES \
            and all(t.text[:1].isupper() for t in doc[s + 1:e]) and e - s <= 4:
        return "PERSON"  # "Spokeswoman Sandy Angers"
    return label


def _drop_photo(doc, s: int, e: int) -> tuple[int, int]:
    """Turn "AP Photo" into "AP": the agency is the name, "Photo" says what it supplied."""
    if e - s > 1 and doc[e - 1].lower_ in ("photo", "photos", "images", "pictures") and _is_agency(doc[s:e - 1].text) \
            and not _is_agency(doc[s:e].text):
        return s, e - 1
    return s, e


def _relabel(text: str, label: str) -> str:
    if label in ("ORG", "PERSON", "PRODUCT", "GPE", "NORP", "FAC", "WORK_OF_ART") and _is_agency(text):
        return "ORG"
    if label != "NORP" and label != "GPE" and places.is_country_long_name(text):
        return "GPE"
    if label in ("ORG", "LOC", "FAC", "PERSON") and places.country_code(text) and text[:1].isupper():
        return "GPE"
    return label


def _is_agency(text: str) -> bool:
    return " ".join(text.split()).lower() in _AGENCY_KEYS


def _ner_mentions(doc, layout: Layout) -> list[Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        parts = [_trim(doc, s, e, ent.label_) for s, e in _cut(doc, ent.start, ent.end, ent.label_)]
        parts = [_drop_photo(doc, s, e) for s, e in parts if e > s]
        # "AP Photo/Ahn Young-joon": beside an agency in a credit, a name is the photographer
        credit = len(parts) > 1 and any(_is_agency(doc[s:e].text) for s, e in parts)
        for s, e in parts:
            if e <= s:
                continue
            label = _person_or_org(doc, s, e, ent.label_)
            if credit:
                label = "ORG" if _is_agency(doc[s:e].text) else "PERSON"
            titles = []
            if label == "PERSON":
                # "Jobs as CEO": a lowercase word that is not a name particle ends the name
                cut = next((k for k in range(s + 1, e) if doc[k].is_lower and doc[k].is_alpha
                            and not names.is_particle(doc[k].text) and not _joined(doc, k)), e)
                s, e = _trim(doc, s, cut, label)
                if e <= s:
                    continue
                s, e = _extend_person(doc, s, e)
                k = names.leading_titles([t.text for t in doc[s:e]])
                titles = [doc[s:s + k].text] if k else []
                s += k
            m = _make(doc, s, e, label, "ner", layout)
            if m is None:
                continue
            m.label = _relabel(m.text, label)
            m.titles = [t for t in titles if not names.is_honorific(t)]
            out.append(m)
    return out


def _line_starts(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _token_range(doc, a: int, b: int) -> tuple[int, int] | None:
    span = doc.char_span(a, b, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def _rule_mentions(doc, layout: Layout, article) -> list[Mention]:
    """Add dateline cities and photo-credit agencies that the model misses."""
    out = []
    text = doc_text(doc)
    for pos, line in _line_starts(text):
        fld = layout.field_at(pos) if line.strip() else None
        if fld in _SKIP_FIELDS:
            continue
        m = _DATELINE.match(line)
        if m and sum(c.isalpha() for c in m.group(1)) >= 3 and fld in (None, "dateline", "body"):
            rest = line[m.end():]
            letters = [c for c in rest if c.isalpha()]
            # a dateline runs into ordinary text; a headline in capitals ("SOCCER - JAPAN WIN") does not
            if (not letters or any(c.islower() for c in letters)) and not _is_agency(m.group(1)):
                rng = _token_range(doc, pos + m.start(1), pos + m.end(1))
                if rng:
                    mm = _make(doc, *rng, "GPE", "dateline", layout)
                    if mm:
                        out.append(mm)
        for c in _CREDIT.finditer(line):
            n = _CREDIT_NAME.match(line, c.end())
            if not n:
                continue
            for part in re.split(r"/|\bvia\b|,|;", n.group(0)):
                part = part.strip()
                if not part:
                    continue
                a = pos + n.start() + n.group(0).index(part)
                rng = _token_range(doc, a, a + len(part))
                if rng is None:
                    continue
                # a single word after "PHOTO:" is a stock or wire agency; longer names are left to the model
                if _is_agency(part) or len(part.split()) == 1:
                    mm = _make(doc, *rng, "ORG", "credit", layout)
                    if mm:
                        out.append(mm)
    for m in _AGENCY_RE.finditer(text):
        rng = _token_range(doc, m.start(), m.end())
        mm = rng and _make(doc, *rng, "ORG", "agency", layout)
        if mm and mm.field not in _SKIP_FIELDS:
            out.append(mm)
    if article is not None and article.publisher:
        for m in re.finditer(re.escape(article.publisher), text):
            rng = _token_range(doc, m.start(), m.end())
            if rng:
                s, e = _trim(doc, *rng, "ORG")
                mm = _make(doc, s, e, "ORG", "publisher", layout)
                if mm and mm.field not in _SKIP_FIELDS:
                    out.append(mm)
    return out


def _resolve(mentions: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, preferring rules over the model, then longer spans."""
    rank = {"dateline": 0, "credit": 1, "publisher": 1, "agency": 2, "author": 0, "ner": 3}
    chosen: list[Mention] = []
    taken: set[int] = set()
    for m in sorted(mentions, key=lambda m: (rank.get(m.source, 4), -(m.end - m.start), m.start)):
        toks = set(range(m.tstart, m.tend))
        if toks & taken:
            continue
        taken |= toks
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def collect(doc, article=None) -> list[Mention]:
    """Return the cleaned name mentions of `doc`, non-overlapping, in text order."""
    layout = Layout(article)
    found = _ner_mentions(doc, layout) + _rule_mentions(doc, layout, article)
    if article is not None:
        for name in article.authors:
            for m in re.finditer(re.escape(name), doc_text(doc)):
                rng = _token_range(doc, m.start(), m.end())
                mm = rng and _make(doc, *rng, "PERSON", "author", layout)
                if mm and mm.field in ("byline", None):
                    out_field = mm.field
                    mm.field = out_field or "byline"
                    found.append(mm)
    found = [m for m in found if m.field not in _SKIP_FIELDS and not _is_file_name(m.text)]
    return _resolve(found)


def _is_file_name(text: str) -> bool:
    return bool(re.search(r"\.(jpe?g|png|gif|webp|svg|tiff?)\b", text, re.I))


def add_matches(doc, mentions: list[Mention], forms: dict[str, str], layout_article=None) -> list[Mention]:
    """Add token-aligned occurrences of known name forms (form -> label) not yet covered by a mention."""
    if not forms:
        return mentions
    layout = Layout(layout_article)
    taken = set()
    for m in mentions:
        taken.update(range(m.tstart, m.tend))
    pattern = re.compile(r"(?<![\w-])(%s)(?![\w-])" % "|".join(
        re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    added = []
    for hit in pattern.finditer(doc_text(doc)):
        rng = _token_range(doc, hit.start(), hit.end())
        if rng is None or doc[rng[0]].idx != hit.start() or set(range(*rng)) & taken:
            continue
        mm = _make(doc, *rng, forms[hit.group(1)], "match", layout)
        if mm and mm.text == hit.group(1) and mm.field not in _SKIP_FIELDS and mm.field != "byline":
            taken.update(range(*rng))
            added.append(mm)
    return sorted(mentions + added, key=lambda m: m.start)

"""Cleaning the model's entity spans: systematic errors fixed by general rules.

Whitespace, determiners and possessives trimmed; spans cut at line breaks and slashes; hyphenated and particle
names made whole; leading titles moved out of person names; country long names, wire and photo agencies relabelled.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.doctext import doc_text
from newskit.entities import cities, names, places
from newskit.entities.span import Layout, Mention, make_mention
from newskit.entities.titles import capitalized, office_before
from newskit.geo.gazetteer import gazetteer
from newskit.record import LABEL_TYPES

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from spacy.tokens import Doc, Span

# Labels that name things; the numeric ones (DATE, MONEY, CARDINAL...) are other modules' business.
NAME_LABELS = frozenset(LABEL_TYPES)
# Wire services and photo agencies: a closed, well-known class that the small model misses or mislabels as PERSON
# or PRODUCT, mostly because they appear in credits ("PHOTO: Unsplash") outside any sentence.
AGENCIES = lexicon.words("agencies")
_AGENCY_KEYS = {lexicon.norm(a) for a in AGENCIES}
ORG_HEADS = lexicon.words("org_heads")
PERSON_TITLES = lexicon.words("person_titles")
ORG_CUES = lexicon.words("org_cues")
_ORG_FIRST = frozenset(w.capitalize() for w in lexicon.words("org_first_words"))
_DETS = lexicon.words("determiners")
# Lowercase joining words inside names ("Bank of England", "Procter and Gamble") that never open or end one.
_TRAILING_GLUE = frozenset({"of", "for", "and", "the", "to", "at", "in", "on"})


def trim(doc: Doc, s: int, e: int, label: str) -> tuple[int, int]:
    """Drop edge whitespace, punctuation, determiners, joining words and possessive markers from a token range."""
    while s < e and ((t := doc[s]).is_space or (t.is_punct and t.text not in "(") or t.lower_ in _DETS
                     or t.text in _TRAILING_GLUE):
        s += 1
    while e > s and ((t := doc[e - 1]).is_space or (t.is_punct and t.text not in ").")
                     or t.lower_ in ("'s", "\u2019s", "'", "\u2019")
                     or t.text in _TRAILING_GLUE):  # "Defense for": a name never ends in "for"
        e -= 1
    if e > s and doc[e - 1].text == "." and e - s == 1:
        e -= 1
    return s, e


def _cut(doc: Doc, s: int, e: int, label: str) -> list[tuple[int, int]]:
    """Split a token range at line breaks, at slashes ("AP Photo/Ahn Young-joon") and where a sentence ends on a
    legal form inside it ("Jefferies & Co." + "Crude")."""
    parts, a = [], s
    whole = doc[s:e].text
    split_possessive = label == "ORG" and not places.is_country_long_name(whole)
    for i in range(s, e):
        t = doc[i]
        # "San Jose - Cisco" is two names; "Wal - Mart" (one word on each side) is a detokenized hyphen, but not
        # after an abbreviation's dot ("AUBURN HILLS, Mich. - Fiat took control": the dateline's dash)
        spaced_dash = t.text in ("-", "\u2013", "\u2014", "--") and t.whitespace_ and i > s \
            and doc[i - 1].whitespace_ and (i - s > 1 or e - i > 2 or doc[i - 1].text.endswith("."))
        # "Apple Computer's Mac OS"; not a firm named with a possessive ("Moody's Investors Service")
        possessive = split_possessive and t.lower_ in ("'s", "\u2019s") and i + 1 < e \
            and doc[e - 1].lower_.replace(".", "") not in _FIRM_TAILS
        slash = t.text == "|" or t.text == "/" and label != "INDEX"  # one index: "S&P/ASX 200"
        if t.is_space or slash or "\n" in t.text or spaced_dash or possessive:
            parts.append((a, i))
            a = i + 1
        elif i > a and (t.is_sent_start or t.tag_ in ("NN", "NNS")) and doc[i - 1].text.endswith(".") \
                and doc[i - 1].lower_.replace(".", "") in _SUFFIXES:
            # "analyst at Jefferies & Co. Crude oil fell": a sentence ends on the legal form that ends the firm's
            # name (the parser says so, or the word after is a common noun); the recognizer reads on into the next
            # sentence's first word, a name of its own only if it is no common noun ("Inc. Whitlock said")
            parts.append((a, i))
            a = i + (t.tag_ in ("NN", "NNS"))
        elif "\n" in t.whitespace_:
            parts.append((a, i + 1))
            a = i + 1
    parts.append((a, e))
    return [(x, y) for x, y in _colon_parts(doc, parts, label) if y > x]


_NAME_GLUE = lexicon.words("name_glue")
# Last words of a firm's name after a possessive that belong to the name: its legal form or "Service(s)"
_SUFFIXES = lexicon.words("corporate_suffixes")
_FIRM_TAILS = _SUFFIXES | {"service", "services"}


def _colon_parts(doc: Doc, parts: Iterable[tuple[int, int]], label: str) -> list[tuple[int, int]]:
    """Split at colons ("WALLACE: Let's start…", a transcript's speaker label) and drop pieces that are prose."""
    out = []
    for x, y in parts:
        cuts = [i for i in range(x, y) if doc[i].text == ":"]
        pieces = list(zip([x] + [i + 1 for i in cuts], cuts + [y]))
        prose = [any(t.is_alpha and t.is_lower and t.lower_ not in _NAME_GLUE for t in doc[a:b]) for a, b in pieces]
        if len(pieces) > 1 and label in ("WORK_OF_ART", "EVENT", "LAW", "PRODUCT"):
            if not any(prose):
                out.append((x, y))  # a title such as "Star Wars: Episode IV" keeps its colon
            # else the model read "SPEAKER: sentence" as a title; its label says nothing about the speaker
        else:
            out += [p for p, is_prose in zip(pieces, prose) if len(pieces) == 1 or not is_prose]
    return out


def _joined(doc: Doc, i: int) -> bool:
    """Return True when token i follows token i-1 without whitespace."""
    return i > 0 and doc[i - 1].whitespace_ == ""


def _extend_person(doc: Doc, s: int, e: int) -> tuple[int, int]:
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


def _person_or_org(doc: Doc, s: int, e: int, label: str) -> str:
    """Correct person/organization confusions the span's own words give away."""
    last = doc[e - 1].lower_.rstrip(".")
    # (a product whose name ends so is the product step's decision: "Garuda Airlines" a firm, "MacBook Air" no firm)
    if label in ("PERSON", "GPE", "NORP", "WORK_OF_ART", "LOC") and last in ORG_HEADS and e - s > 1 \
            and not (label in ("GPE", "LOC") and gazetteer().lookup(doc[s:e].text)):
        return "ORG"  # "Douglas Aircraft", "Garuda Airlines": a person's name never ends in a firm's noun, nor a
        # place's, unless the gazetteer knows the place by that name ("West Bank")
    if label in ("GPE", "LOC", "PERSON") and e - s >= 2 and doc[s].text in _ORG_FIRST \
            and cities.is_known_place(doc[s + 1:e].text):
        return "ORG"  # "Air China", "Air Canada": an airline named for its country or city
    if label in ("ORG", "PERSON", "PRODUCT", "NORP", "FAC") and last not in ORG_HEADS \
            and cities.is_feature([t.text for t in doc[s:e]]):
        return "LOC"  # "River Ouse", "Mount Kenya": a natural feature is a location
    if label == "PERSON" and s > 0 and doc[s - 1].lower_ == "the" and doc[s].text[:1].isupper() \
            and not _qualifies_noun(doc, e):
        return "ORG"  # "the Beatles": people do not take an article, unless the article is the noun's they qualify
    if label in ("PERSON", "GPE", "PRODUCT", "WORK_OF_ART", "NORP") and s > 0 and doc[s - 1].lower_ in ORG_CUES \
            and doc[s - 1].is_lower and doc[s].text[:1].isupper():
        return "ORG"  # "electronics retailer Best Buy", "German magazine Der Spiegel"
    if label != "PERSON" and e - s >= 2 and doc[s].lower_.rstrip(".") in PERSON_TITLES \
            and all(t.text[:1].isupper() for t in doc[s + 1:e]) and e - s <= 4:
        return "PERSON"  # "Spokeswoman Sandy Angers"
    return label


def _qualifies_noun(doc: Doc, e: int) -> bool:
    """Say whether the name ending at token e qualifies the common noun right after it ("the Marc Dutroux case", "the
    Dole campaign"): the article before it is the noun's."""
    return e < len(doc) and doc[e].is_lower and doc[e].tag_ in ("NN", "NNS")


def _opening_role(doc: Doc, s: int, e: int) -> int:
    """Return 1 when a person span of three words or more opens a sentence with a word for what the person does,
    capitalized only there, before a given name ("Fullback Andre Joubert", "Epidemiologist Ana Lopes"), else 0."""
    first = doc[s]
    if e - s < 3 or not first.is_title or not first.is_alpha or not (s == 0 or first.is_sent_start
                                                                      or "\n" in doc[s - 1].whitespace_):
        return 0
    given = names.given_names()
    return int(first.lower_ not in given and doc[s + 1].lower_ in given and doc[s + 1].is_title)


def _drop_photo(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Turn "AP Photo" into "AP": the agency is the name, "Photo" says what it supplied."""
    if e - s > 1 and doc[e - 1].lower_ in ("photo", "photos", "images", "pictures") and is_agency(doc[s:e - 1].text) \
            and not is_agency(doc[s:e].text):
        return s, e - 1
    return s, e


def _relabel(text: str, label: str) -> str:
    if label in ("ORG", "PERSON", "PRODUCT", "GPE", "NORP", "FAC", "WORK_OF_ART") and is_agency(text):
        return "ORG"
    if label != "NORP" and label != "GPE" and places.is_country_long_name(text):
        return "GPE"
    if label in ("ORG", "LOC", "FAC", "PERSON") and places.country_code(text) and text[:1].isupper():
        return "GPE"
    return label


def is_agency(text: str) -> bool:
    """Return True when `text` names a wire service or photo agency."""
    return lexicon.norm(text) in _AGENCY_KEYS


def _person_after_body(doc: Doc, s: int, e: int, label: str) -> list[tuple[int, int, str]]:
    """Split "Air Force James Roche" out of "Secretary of the Air Force James Roche": the model read the body an
    office belongs to and the office holder as one name. The holder is two or three capitalized words opening with
    a known given name; the body stops before a "for" that says which part of it the office runs ("the Air Force
    for Acquisition"), and a span that opens inside that part ("Logistics Helen Marsh" after "... for") keeps only
    the holder."""
    office = office_before(doc, s) if e - s >= 2 else None
    if office is None:
        return [(s, e, label)]
    given = names.given_names()
    holder = next((k for k in range(s + 1, e - 1) if e - k <= 3 and doc[k].lower_ in given
                   and all(capitalized(t) for t in doc[k:e])), e)
    if label == "PERSON":
        if holder == e:
            return [(s, e, label)]
        # "Navy Ray Mabus" read as one person after "Secretary of the": the body is a place or an organization
        kind = "GPE" if places.country_code(doc[s:holder].text) else "ORG"
        return [(holder, e, label)] if office[2] else [(s, holder, kind), (holder, e, label)]
    if office[2]:
        return [(holder, e, "PERSON")] if holder < e else [(s, e, label)]
    body = next((f for f in range(s + 2, holder) if doc[f].lower_ == "for" and _written_alone(doc, s, f)), holder)
    return [(s, body, label)] + ([(holder, e, "PERSON")] if holder < e else [])


def _written_alone(doc: Doc, s: int, e: int) -> bool:
    """Say whether the words of tokens s..e are written elsewhere in the doc without the "for" that follows them here
    (then "the Air Force" is a body of its own, and "for Acquisition" part of an office in it)."""
    text, name = doc_text(doc), doc[s:e].text
    at = doc[s].idx
    return any(m.start() != at and not text.startswith(" for ", m.end())
               for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))


def _is_acronym(word: str) -> bool:
    """Return True for an acronym: RAF, NHS, and the short mixed forms MoD, DoJ, DfE."""
    upper = sum(c.isupper() for c in word)
    return word.isalpha() and word[:1].isupper() and (word.isupper() and 2 <= len(word) <= 6
                                                      or upper >= 2 and len(word) <= 4)


def _country_and_acronym(doc: Doc, s: int, e: int, label: str) -> list[tuple[int, int, str]]:
    """Split "UK RAF" into the country and the body: a country written as its code, then an acronym the article
    also writes on its own ("the Royal Air Force (RAF)"). Kept whole when the acronym never stands alone."""
    if label == "PERSON" or e - s != 2:
        return [(s, e, label)]
    code, acr = doc[s].text, doc[s + 1].text
    if not (code.replace(".", "").isupper() and places.country_code(code)) \
            or not _is_acronym(acr) or places.country_code(acr):
        return [(s, e, label)]
    alone = any(t.text == acr and t.i != s + 1 and (t.i == 0 or doc[t.i - 1].text != code) for t in doc)
    return [(s, s + 1, "GPE"), (s + 1, e, "ORG")] if alone else [(s, e, label)]


def _nationality_before(doc: Doc, s: int, e: int) -> int:
    """Return 1 when a person span opens with a nationality adjective before a given name and a family name
    ("Australian Rodney Eyles"): the adjective says where the person is from, it is no part of the name."""
    if e - s < 3 or doc[s + 1].lower_ not in names.given_names() or not doc[s].text[:1].isupper() \
            or names.is_title_word(doc[s + 1].text) or not all(capitalized(t) for t in doc[s + 1:e]):
        return 0  # "Belgian King Baudouin": a title follows, the adjective is part of it
    return int(gazetteer().country_of_demonym(doc[s].text) is not None)


def _glued(doc: Doc, ents: Sequence[Span] | None = None) -> list[tuple[int, int, str]]:
    """Return the doc's entities as (start, end, label), a name the model cut after a joining word made whole:
    "Bay of" + "Biscay" is "Bay of Biscay" (two place or organization spans, the first ending in "of", "for" or
    "and", the second right after it); a firm named with a possessive ("Moody's Investors Service"); a firm's
    first word the model left out that the story names a firm, or writes with the next word as a name, elsewhere
    ("JPMorgan" + "Chase & Co." beside "JPMorgan" or "JPMorgan Chase"). `ents`: doc.ents, when read already."""
    out: list[tuple[int, int, str]] = []
    if ents is None:
        ents = doc.ents  # built anew from the tokens at every read
    written = {ent.text for ent in ents if " " in ent.text}
    firms = {ent.text for ent in ents if ent.label_ == "ORG"}
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev[1] == ent.start and prev[1] - prev[0] > 1 \
                and doc[prev[1] - 1].lower_ in ("of", "for", "and") and doc[prev[0]].text[:1].isupper() \
                and prev[2] in _JOINABLE and ent.label_ in _JOINABLE and ent[0].text[:1].isupper() \
                and not _two_names(doc, prev[0], prev[1] - 1, ent.end):
            # the head is the first part ("University of" + "Michigan") unless the second is a name with its own
            # head ("Bank of" + "America Stadium")
            out[-1] = (prev[0], ent.end, prev[2] if len(ent) == 1 else ent.label_)
            continue
        if prev is not None and prev[2] == ent.label_ == "ORG" and doc[ent.end - 1].lower_.replace(".", "") in \
                _FIRM_TAILS and _possessive_between(doc, prev[1], ent.start):
            # "Standard & Poor" + "'s" + "Ratings Services", "McDonald" + "'s Corp.": one firm named with a possessive
            out[-1] = (prev[0], ent.end, "ORG")
            continue
        if prev is not None and prev[2] == ent.label_ == "ORG" and prev[1] == ent.start and len(ent) > 1 \
                and doc[prev[1] - 1].whitespace_ == " " and doc[ent.end - 1].lower_.replace(".", "") in _SUFFIXES:
            out[-1] = (prev[0], ent.end, "ORG")  # "JPMorgan" + "Chase & Co.": a firm's name ends in its legal form
            continue
        start = ent.start
        if ent.label_ == "ORG" and start > (prev[1] if prev is not None else 0) and doc[start - 1].is_alpha \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].whitespace_ == " " \
                and (doc[start - 1].text in firms
                     or any(t.startswith(f"{doc[start - 1].text} {ent[0].text}") for t in written)):
            # "JPMorgan" left out of "Chase & Co.": the story names it a firm, or writes "JPMorgan Chase", elsewhere
            start -= 1
        out.append((start, ent.end, ent.label_))
    return out


_JOINABLE = frozenset({"ORG", "GPE", "LOC", "FAC"})


def _possessive_between(doc: Doc, end: int, start: int) -> bool:
    """Return True when only a possessive "'s" parts a name ending at token `end` from one starting at `start` (or
    the second opens with it)."""
    poss = ("'s", "\u2019s")
    return (start == end + 1 and doc[end].lower_ in poss) or (start == end and doc[start].lower_ in poss)


def _two_names(doc: Doc, s: int, i: int, e: int) -> bool:
    """Return True when the model's two names either side of "and" (token i) are two bodies, not one name it cut:
    both of two words or more, and the second ending in no word of a body's kind ("Morgan Stanley and" + "Goldman
    Sachs"; not "Department of Health and" + "Human Services", whose last word names the one body)."""
    return doc[i].lower_ == "and" and i - s >= 2 and e - i - 1 >= 2 \
        and all(t.text[:1].isupper() for t in doc[i + 1:e]) and doc[e - 1].lower_.strip(".") not in _BODY_KINDS


_OWNED = lexicon.words("owned_nouns")
# Last words naming the kind of body ("... and Human Services", "... and Telecommunications Administration")
_BODY_KINDS = ORG_HEADS | _FIRM_TAILS | {"administration", "bureau", "office", "directorate"}


def _owned_lead(doc: Doc, s: int, e: int, label: str) -> tuple[int, int]:
    """Drop what a body has or who works for it from the front of its name: "Shares of Bank of America", "Workers
    at General Motors" name the bank and the carmaker (lexicon/owned_nouns.txt, then "of", "in" or "at")."""
    if label == "ORG" and e - s > 2 and doc[s].lower_ in _OWNED and doc[s + 1].lower_ in ("of", "in", "at") \
            and not doc[s + 1].is_title:
        return s + 2, e
    return s, e


def _coordinated(doc: Doc, s: int, e: int, label: str, alone: dict[str, list[tuple[int, int]]]) \
        -> list[tuple[int, int]]:
    """Split an organization span that coordinates two names when the article writes one of them as a name of its
    own: "Barclays and Bank of America Corp." beside "Bank of America" is two banks. A firm whose own name holds
    "and" ("Procter and Gamble", "Johnson and Johnson") keeps it: its parts are not names of the article alone.
    `alone`: the text of each model entity of the article, with its character spans, so that a piece of the glued
    name written again does not count."""
    if label != "ORG":
        return [(s, e)]
    for i in range(s + 1, e - 1):
        if doc[i].lower_ != "and" or not (doc[s].text[:1].isupper() and doc[i + 1].text[:1].isupper()):
            continue
        left, right = doc[s:i].text, doc[i + 1:e]
        words = [t.text for t in right]
        while len(words) > 1 and words[-1].lower().replace(".", "") in _SUFFIXES:
            words.pop()  # "Bank of America Corp." is written "Bank of America" alone
        text, glued = doc.text, f"{left} {doc[i].text} {right.text}"
        here = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))

        def elsewhere(name: str, here: tuple[int, int] = here) -> list[tuple[int, int]]:
            return [(a, b) for a, b in alone.get(name, ()) if b <= here[0] or a >= here[1]]

        # a side written alone, not the model's piece of the same glued name written again ("Politics and Pies")
        if any(text.startswith(glued, a) for a, _ in elsewhere(left)) \
                or any(text.startswith(glued, b - len(glued)) for _, b in elsewhere(right.text)):
            return [(s, e)]
        if elsewhere(left) or elsewhere(right.text) or elsewhere(" ".join(words)) or _whole_firm(doc[s:i]):
            return [(s, i), (i + 1, e)]
        return [(s, e)]
    return [(s, e)]


_FIRM_HEADS = lexicon.words("firm_heads")


def _whole_firm(left: Span) -> bool:
    """Say whether the words before an "and" are a firm's whole name: two capitalized words or more ending in a
    business's word or a legal form ("General Motors and Chrysler", "Lehman Brothers and Merrill Lynch", "Ford Motor
    Co. and GM"); a firm named for two people holds "and" but ends in no such word ("Procter and Gamble"), nor does
    a body whose name runs on with "of" ("Office of Management and Budget")."""
    last = left[-1].lower_.replace(".", "") if len(left) else ""
    return len(left) >= 2 and all(t.text[:1].isupper() for t in left) and (last in _FIRM_HEADS or last in _SUFFIXES)


def ner_mentions(doc: Doc, layout: Layout) -> list[Mention]:
    """Return the model's name entities of `doc` as cleaned, relabelled mentions."""
    out = []
    alone: dict[str, list[tuple[int, int]]] = {}
    ents = doc.ents  # built anew from the tokens at every read: once here
    for ent in ents:
        alone.setdefault(ent.text, []).append((ent.start_char, ent.end_char))
    for start, end, ent_label in _glued(doc, ents):
        if ent_label not in NAME_LABELS:
            continue
        parts = [trim(doc, s, e, ent_label) for x, y in _cut(doc, start, end, ent_label)
                 for s, e in _coordinated(doc, *_owned_lead(doc, x, y, ent_label), ent_label, alone)]
        parts = [_drop_photo(doc, s, e) for s, e in parts if e > s]
        # "AP Photo/Ahn Young-joon": beside an agency in a credit, a name is the photographer
        credit = len(parts) > 1 and any(is_agency(doc[s:e].text) for s, e in parts)
        labelled = [(a, b, lab) for s, e in parts if e > s for x, y, lab0 in _person_after_body(doc, s, e, ent_label)
                    for a, b, lab in _country_and_acronym(doc, x, y, lab0)]
        for s, e, given_label in labelled:
            if e <= s:
                continue
            label = _person_or_org(doc, s, e, given_label)
            if label == "ORG" and e - s <= 4 and _nationality_before(doc, s, e):
                label = "PERSON"  # "American Dennis Mitchell": a nationality, a given name and a family name
            if credit:
                label = "ORG" if is_agency(doc[s:e].text) else "PERSON"
            titles = []
            if label == "PERSON":
                # "Jobs as CEO": a lowercase word that is not a name particle ends the name
                cut = next((k for k in range(s + 1, e) if doc[k].is_lower and doc[k].is_alpha
                            and not names.is_particle(doc[k].text) and not _joined(doc, k)), e)
                s, e = trim(doc, s, cut, label)
                if e <= s:
                    continue
                s, e = _extend_person(doc, s, e)
                s += _nationality_before(doc, s, e)
                k = names.leading_titles([t.text for t in doc[s:e]]) or _opening_role(doc, s, e)
                titles = [doc[s:s + k].text] if k else []
                s += k
            m = make_mention(doc, s, e, label, "ner", layout)
            if m is None:
                continue
            m.label = _relabel(m.text, label)
            m.titles = [t for t in titles if not names.is_honorific(t)]
            out.append(m)
    return out


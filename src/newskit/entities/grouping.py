"""Group mentions into entities without a knowledge base: same name, acronyms, country variants, short names.

Decisions that a wrong merge would make costly are taken conservatively: a short person name that fits two full
names goes to the nearest full mention before it (news style introduces a person in full, then uses the short
form until another person of that name is introduced), and to nobody when no full mention precedes it.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.entities import names, places
from newskit.entities.relabel import FAMILY, firm_first_words, relabel
from newskit.entities.relabel import majority_label as majority_label  # extract.py names it from here
from newskit.geo.candidates import areas_named
from newskit.geo.gazetteer import gazetteer

if TYPE_CHECKING:
    from collections.abc import Collection

    from newskit.entities.span import Mention

_FUNCTION_WORDS = lexicon.words("name_function_words")
_CORPORATE = lexicon.words("corporate_suffixes")
_ABBREVIATIONS = lexicon.words("common_abbreviations")
_STATES = lexicon.table("us_state_abbreviations")
_SHORT_HEADS = lexicon.words("short_heads")
# Organization names longer than this many words are not looked for at the start of longer names (none are).
_MAX_PREFIX_WORDS = 12
# Last words of a body inside a larger one: the words before them name the parent ("the Senate" is not short
# for "the Senate Armed Services Committee"), where "Northrop" is short for "Northrop Grumman".
_SUB_BODIES = frozenset({"committee", "subcommittee", "caucus", "panel", "delegation"})


@lru_cache(maxsize=16384)
def norm(text: str) -> str:
    """Return the comparison key of a name: casefolded, straight apostrophes, no leading article or dots."""
    t = re.sub(r"^the ", "", lexicon.norm(text))
    t = re.sub(r"'s$", "", t)
    if re.fullmatch(r"(?:\w\.)+\w?\.?", t):  # U.S. -> us, U.N. -> un
        t = t.replace(".", "")
    return t.strip(" .,")


@lru_cache(maxsize=16384)
def acronym_of(text: str) -> str | None:
    """Return the letters of `text` when it is written as an acronym (KCNA, U.N., DPRK, EADS N.V.; "BofA" gives BOA),
    else None."""
    words = text.split()
    while len(words) > 1 and words[-1].lower().replace(".", "") in _CORPORATE | {"nv"}:
        words.pop()
    t = "".join(words).replace(".", "").replace("&", "")
    if 2 <= len(t) <= 7 and t.isalpha() and t.isupper():
        return t
    return of_acronym(t)


def of_acronym(text: str) -> str | None:
    """Return the letters of an acronym that writes its "of" small ("BofA" of "Bank of America" -> BOA, "BoE"),
    else None."""
    of = _OF_ACRONYM.fullmatch(text)
    return f"{of.group(1)}O{of.group(2)}" if of else None


_OF_ACRONYM = re.compile(r"([A-Z]{1,2})(?:of|o)([A-Z]{1,2})")


_WORD_FORMS = frozenset({"group", "corp", "corporation", "company", "co"})


@lru_cache(maxsize=16384)
def initials(text: str) -> frozenset[str]:
    """Return the acronyms a long name can take: "Korea Central News Agency" -> {"KCNA"}."""
    words = [w.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.)+", w) else w
             for w in re.split(r"[\s\-]+", text.replace("\u2019", "'")) if w]
    # "American International Group" is AIG, the "Federal Deposit Insurance Corp." the FDIC: the legal forms that
    # are words keep their letter in some acronyms
    kept: list[str] = []
    while len(words) > 2 and words[-1].lower().strip(".,") in _CORPORATE | {"nv", "n.v"}:
        last = words.pop()  # "European Aeronautic Defence and Space NV" is EADS, not EADSN
        kept = [last] if last.lower().strip(".,") in _WORD_FORMS else kept
    words = [w for w in words if w.lower() not in ("the",) or w is not words[0]]
    if len(words) < 2:
        return frozenset()
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    out = set()
    for ws in (content, [w for w in words if w.lower() != "the"], content + kept):
        if len(ws) >= 2 and all(w[:1].isalpha() for w in ws):
            # "U.S. Air Force" -> USAF: a dotted abbreviation gives all its letters
            out.add("".join(w if w.isupper() and len(w) <= 3 else w[0] for w in ws).upper())
            out.add("".join(w[0] for w in ws).upper())
    return frozenset(out)


def acronym_forms(texts: Collection[str], text: str) -> dict[str, str]:
    """Return the acronyms of organization names (`texts`) that `text` writes as a word of their own, each with
    the label ORG: the model finds "General Motors Corp." but not the "GM" the story then uses. Only letters of
    two or more words, never a country's code ("US" of "United States") or a common abbreviation ("FM", "PM")."""
    out: dict[str, str] = {}
    if not texts:
        return out
    written = set(_CAPS_WORD.findall(text))
    for t in texts:
        for a in initials(t):
            if a in written and a not in out and a.lower() not in _ABBREVIATIONS and not places.country_code(a):
                out[a] = "ORG"
    return out


_CAPS_WORD = re.compile(r"(?<![\w-])[A-Z]{2,12}(?![\w-])")


def _contains_in_order(acr: str, text: str) -> bool:
    """Schwartz-Hearst test for "Long Form (LF)": the letters appear in order, the first at a word start."""
    words = text.lower().split()
    if not words or words[0][0] != acr[0].lower():
        return False
    rest = " ".join(words)
    i = 0
    for ch in acr.lower():
        i = rest.find(ch, i)
        if i < 0:
            return False
        i += 1
    return True


class _Union:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


def group(mentions: list[Mention], text: str, authors: set[str] | None = None) -> list[list[int]]:
    """Return clusters of mention indices, each one entity, in order of first mention."""
    n = len(mentions)
    uf = _Union(n)
    authors = {norm(a) for a in (authors or ())}
    keys = [norm(m.text) for m in mentions]
    country = [places.country_code(m.text) if m.label in ("GPE", "LOC", "ORG") else None for m in mentions]
    family = [FAMILY.get(m.label, m.label) for m in mentions]
    first: dict[tuple[str, str | None], int] = {}
    namesakes = _namesakes(mentions, text)
    short = relabel(mentions, keys, family, text, lambda: _short_people(mentions, keys, family, authors))
    for i, k in enumerate(keys):
        if i in short:
            continue  # short person names are placed one by one below, never glued together first
        # the same name is one entity whatever label the model gave each occurrence (people and things apart)
        fam = "person" if family[i] == "person" else ("event" if family[i] == "event" else "thing")
        if mentions[i].label in ("GPE", "LOC") and ", " in mentions[i].text:
            k = norm(mentions[i].text.split(", ")[0])  # "Flint, Mich." is the Flint of "FLINT" and "Flint"
        elif mentions[i].label in ("GPE", "LOC") and mentions[i].text.lower() in _STATES:
            k = norm(_STATES[mentions[i].text.lower()])  # "OMAHA, Neb." names Nebraska
        key = ("c", country[i]) if country[i] else (fam, k + namesakes.get(i, ""))
        if fam == "thing" and not country[i] and (k in authors):
            key = ("person", k)
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i
    _group_acronyms(mentions, keys, family, text, uf)
    _group_corporate(mentions, keys, family, uf)
    _group_cut_short(mentions, family, text, uf)
    _group_clippings(mentions, keys, family, uf)
    _group_heads(mentions, keys, family, uf)
    _group_people(mentions, keys, family, uf, short)
    _group_full_names(mentions, family, uf)
    clusters: dict[int, list[int]] = {}
    for i in range(n):
        clusters.setdefault(uf.find(i), []).append(i)
    return sorted(clusters.values(), key=lambda c: mentions[c[0]].start)


_QUALIFIED = re.compile(r"\s*,\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)")


def _area(words: str) -> str | None:
    """Return the gazetteer id of the state, region or country `words` name ("Texas", "Tex.", "France"), else None."""
    areas = areas_named(gazetteer(), words)
    return str(areas[0].geonameid) if areas else None


def _namesakes(mentions: list[Mention], text: str) -> dict[int, str]:
    """Return a suffix for the key of each place mention of a name the article qualifies with two different states
    or countries ("Paris, Texas" and "Paris, France" are two places): the mention's own qualifier, else that of the
    nearest qualified mention of the name before it (the first after, when none precedes). A name qualified one way
    only keeps one key: "Paris, Texas" and a later "Paris" are one town."""
    quals: dict[str, list[tuple[int, str]]] = {}
    for i, m in enumerate(mentions):
        if m.label not in ("GPE", "LOC"):
            continue
        head, _, rest = m.text.partition(", ")
        after = _QUALIFIED.match(text, m.end)
        area = _area(rest) if rest else (_area(after.group(1)) if after else None)
        quals.setdefault(norm(head), []).append((i, area or ""))
    out: dict[int, str] = {}
    for seen in quals.values():
        named = [(i, a) for i, a in seen if a]
        if len({a for _, a in named}) < 2:
            continue
        for i, area in seen:
            if not area:
                before = [a for j, a in named if j < i]
                area = before[-1] if before else named[0][1]
            out[i] = "|" + area
    return out


_CONTINUATION = re.compile(r"(?: (?:and|&|of|for|the|[A-Z][\w'&-]*)){1,6}")


def _continued_initials(m: Mention, text: str) -> frozenset[str]:
    """Return the acronyms of the longer name the text spells out past a mention the model cut at "and" or "of":
    "European Aeronautic Defence" read in "European Aeronautic Defence and Space Company EADS" gives EADS."""
    more = _CONTINUATION.match(text, m.end)
    if not more:
        return frozenset()
    words = more.group(0).split()
    out: set[str] = set()
    for k in range(1, len(words) + 1):
        if words[k - 1][:1].isupper():
            out |= {a for a in initials(f"{m.text} {' '.join(words[:k])}") if len(a) >= 3}
    return frozenset(out)


def _group_acronyms(mentions: list[Mention], keys: list[str], family: list[str], text: str, uf: _Union) -> None:
    longs: dict[str, set[int]] = {}
    for i, m in enumerate(mentions):
        if family[i] in ("person", "event") or acronym_of(m.text):
            continue
        for a in initials(m.text) | _continued_initials(m, text):
            longs.setdefault(a, set()).add(i)
    by_end: dict[int, list[int]] = {}
    for j, m in enumerate(mentions):
        by_end.setdefault(m.end, []).append(j)
    for i, m in enumerate(mentions):
        acr = acronym_of(m.text)
        if not acr or family[i] == "person":
            continue
        # "Long Form (ACR)": the mention right before the parenthesis, by the Schwartz-Hearst letter test
        before = text[max(0, m.start - 2):m.start]
        if before.endswith("("):
            prev = sorted(j for end in range(m.start - 3, m.start + 1) for j in by_end.get(end, ())
                          if j < i and family[j] != "person")
            if prev and _contains_in_order(acr, mentions[prev[-1]].text):
                uf.union(prev[-1], i)
                continue
        cands = longs.get(acr, set())
        if not cands:
            # "USAF" for "Air Force", "UKIP" for "Independence Party": a country abbreviation before the initials
            for k in (2, 3):
                if len(acr) - k >= 2 and places.country_code(acr[:k]):
                    cands = longs.get(acr[k:], set())
                    if cands:
                        break
        roots = {uf.find(j) for j in cands}
        if len(roots) == 1:  # an acronym that fits two different long names stays apart
            uf.union(next(iter(cands)), i)


def _group_cut_short(mentions: list[Mention], family: list[str], text: str, uf: _Union) -> None:
    """Join a place or organization name the model cut short to the longer name the text spells out right there
    and uses elsewhere: "Changi International" read in "Changi International Airport". The longer name must start
    at every occurrence of the short one (else the short name is used alone too: "Apple" and "Apple TV") and be
    one entity."""
    longer: dict[str, set[str]] = {}
    at: dict[str, list[int]] = {}
    for j, m in enumerate(mentions):
        if family[j] in ("place", "organization") and " " in m.text:
            longer.setdefault(m.text.split(" ", 1)[0], set()).add(m.text)
            at.setdefault(m.text, []).append(j)
    same: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if family[i] in ("place", "organization"):
            same.setdefault(m.text, []).append(i)
    for short, idx in same.items():
        if places.country_code(short):
            continue  # "USA" of "USA Today": the model's cut is wrong, but the country is no part of the paper
        fits = {t for t in longer.get(short.split(" ", 1)[0], ()) if len(t) > len(short) and not t[len(short)].isalnum()
                and all(text.startswith(t, mentions[i].start) for i in idx)}
        roots = {uf.find(j) for t in fits for j in at[t]}
        if len(roots) == 1:
            uf.union(idx[0], roots.pop())


def clipping_of(short: str, name: str) -> bool:
    """Return True when the one word `short` is a clipping of the organization name `name` (both as written): the
    first letters of its first word, three at least and about half the word at most, as a clipping is ("Fed" of
    "Federal Reserve"), a one-word name less the legal form glued to it ("Citi" of "Citigroup"), or the first
    letters of its words run together ("WaMu" of "Washington Mutual", "FedEx" of "Federal Express Corp."); not a
    word and its derivation ("Congress", "Congressional"), nor a word that opens a compound written with an inner
    capital ("Apple" of "AppleInsider", "Mac" of "MacBook Air"). A country's name before the name is no part of
    it: "Fed" clips the "U.S. Federal Reserve" too."""
    name = _after_country(name)
    parts = _BLEND.findall(short) if _BLENDED.fullmatch(short) else []
    if parts:
        words = [w for w in name.split() if w.lower() not in _FUNCTION_WORDS]
        return len(words) >= len(parts) and all(len(p) < len(w) and w.startswith(p) for p, w in zip(parts, words))
    short = short.lower()
    first = name.split(" ", 1)[0]
    if not 3 <= len(short) < len(first) or first[:len(short)].lower() != short \
            or (first[len(short)].isupper() and not first.isupper()):
        return False
    if " " not in name:
        return first[len(short):].lower() in _CORPORATE
    return 2 * len(short) <= len(first) + 1


def _after_country(name: str) -> str:
    """Return an organization's name without the country's name it opens with ("U.S. Federal Reserve")."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n + 1 and places.country_code(" ".join(words[:n])):
            return " ".join(words[n:])
    return name


_BLEND = re.compile(r"[A-Z][a-z]+")
_BLENDED = re.compile(r"(?:[A-Z][a-z]+){2,3}")


def _group_clippings(mentions: list[Mention], keys: list[str], family: list[str], uf: _Union) -> None:
    """Join a one-word clipping ("the Fed", "Citi") to the one organization name of the story it clips ("Federal
    Reserve", "Citigroup"), or to the one whose words open all the others it clips (the "Federal Reserve", not
    the "Federal Reserve Bank of New York"). The clipping may carry another type (the model calls an unknown short
    word a person or place), never when it is a given name ("Rob" is not "Robotics Inc.") or written in capitals
    (an acronym), nor when the word opens a longer name of the story itself ("Ford" beside "Ford Motor" is not
    short for "Fordham")."""
    longs = [(k, j) for j, k in enumerate(keys) if family[j] == "organization"]
    if not longs:
        return
    given = names.given_names()
    heads = {kk.split(" ", 1)[0] for kk, _ in longs if " " in kk}  # "Ford" of "Ford Motor" is no clipping of "Fordham"
    fitting: dict[str, list[tuple[str, int]]] = {}  # per text of a would-be clipping: the names it clips
    for i, k in enumerate(keys):
        m = mentions[i]
        if " " in k or len(k) < 3 or k in heads or m.text.isupper() or not m.text[:1].isupper() or family[i] not in (
                "organization", "person", "place") or (family[i] != "organization" and k in given):
            continue
        if m.text not in fitting:
            fitting[m.text] = [(kk, j) for kk, j in longs if clipping_of(m.text, mentions[j].text)]
        fits = fitting[m.text]
        roots = {uf.find(j) for _, j in fits}
        parent = parent_name([kk for kk, _ in fits]) if len(roots) > 1 else None
        if parent is not None:  # "Fed" beside "Federal Reserve" and "Federal Reserve Bank of New York"
            roots = {uf.find(j) for kk, j in fits if kk == parent}
        if len(roots) == 1:
            uf.union(i, roots.pop())


def parent_name(names_: list[str]) -> str | None:
    """Return the one name of `names_` whose words open every other ("federal reserve" of "federal reserve bank
    of new york"), or None."""
    shortest = min(names_, key=len, default=None)
    if shortest is None or not all(n == shortest or n.startswith(shortest + " ") for n in names_):
        return None
    return shortest


def _group_heads(mentions: list[Mention], keys: list[str], family: list[str], uf: _Union) -> None:
    """Join a lone head word ("the Council", "City", "the Corps") to the one longer place or organization name of
    the story it heads: its last word, or the word before "of" ("U.S. Army Corps of Engineers")."""
    heads: dict[str, set[int]] = {}
    for j, k in enumerate(keys):
        if family[j] in ("place", "organization") and " " in k:
            words = k.split(" of ")[0].split()
            if len(words) > 1:
                heads.setdefault(words[-1], set()).add(j)
    for i, k in enumerate(keys):
        if family[i] in ("place", "organization") and k in _SHORT_HEADS and mentions[i].text[:1].isupper():
            roots = {uf.find(j) for j in heads.get(k, ())}
            if len(roots) == 1:
                uf.union(i, roots.pop())


def _title_and_name(words: list[str]) -> bool:
    """Return True for a name the model glued to a title and a person ("senate finance committee chair oren
    blakely"): a title word inside it followed by two or more words that are no legal form."""
    for p in range(1, len(words) - 2):
        rest = words[p + 1:]
        if names.is_title_word(words[p]) and not any(w.strip(".,") in _CORPORATE for w in rest):
            return True
    return False


def _group_corporate(mentions: list[Mention], keys: list[str], family: list[str], uf: _Union) -> None:
    """Join "Boeing" and "Boeing Co." (a name plus a legal-form suffix, even when the model took the bare name for
    a person), "Northrop" and "Northrop Grumman" (a leading word of exactly one longer organization name that is
    not a title and a person, "Senate Agriculture Committee Chair Lila Montrose", nor a committee or a branch of
    the body the words name, "the Federal Reserve Bank of New York"), "U.S. Air Force" and "Air Force" (a country
    prefix)."""
    orgs = {k: i for i, k in enumerate(keys) if family[i] == "organization"}
    for k, i in orgs.items():
        words = k.split()
        if len(words) > 1 and places.country_code(words[0]) and " ".join(words[1:]) in orgs:
            uf.union(i, orgs[" ".join(words[1:])])
    # leading word runs of each name -> the longer names that start with them (a dict, not a scan per name)
    starts: dict[str, list[int]] = {}
    for kk, at in orgs.items():
        words = kk.split(" ")[:_MAX_PREFIX_WORDS + 1]
        if _title_and_name(words) or kk.rsplit(" ", 1)[-1] in _SUB_BODIES:
            continue
        for n in range(1, len(words)):
            if "of" not in words[n + 1:]:  # "Federal Reserve" is not short for "Federal Reserve Bank of New York"
                # "Moody's" opens "Moody's Investors Service" as "Moody" (a key drops the final "'s")
                starts.setdefault(re.sub(r"'s$", "", " ".join(words[:n])), []).append(at)
    for k, i in orgs.items():
        if acronym_of(k.upper()) and len(k) <= 3:
            continue
        longer = {uf.find(j) for j in starts.get(k, ())}
        if len(longer) == 1:
            uf.union(i, longer.pop())
    _group_legal_forms(mentions, keys, family, uf)


def _group_legal_forms(mentions: list[Mention], keys: list[str], family: list[str], uf: _Union) -> None:
    """Join "Boeing Co." to "Boeing": a name whose legal-form suffixes stripped leave another organization's name,
    or a person's when the model took the bare company name for one (the legal form says it is the company)."""
    base: dict[tuple[str, str], int] = {}
    for i, k in enumerate(keys):
        if family[i] in ("organization", "person"):
            base.setdefault((family[i], k), i)
    for i, k in enumerate(keys):
        if family[i] != "organization":
            continue
        words = k.replace(".", "").replace(",", "").split()
        while len(words) > 1 and words[-1] in _CORPORATE:
            words.pop()
            bare = " ".join(words)
            j = base.get(("organization", bare))
            if j is None and ("person", bare) in base:
                # "Halvorsen Robotics Inc." then "Halvorsen Robotics": the legal form says it is the company
                j = base[("person", bare)]
                for m in (x for x in range(len(keys)) if keys[x] == bare and family[x] == "person"):
                    mentions[m].label, family[m] = "ORG", "organization"
            if j is not None:
                uf.union(i, j)
                break


def _short_people(mentions: list[Mention], keys: list[str], family: list[str],
                  authors: set[str]) -> dict[int, list[int]]:
    """Return, for each mention that is a short form of a fuller person name in the text, the candidate mentions.

    Linear in the mentions: full names are indexed by their words (a short form always ends with, or is, one of
    them), and the answer is worked out once per distinct short text; mentions of one text share one list."""
    by_text: dict[str, list[int]] = {}
    for j, m in enumerate(mentions):
        if family[j] == "person" and len(names.name_tokens(m.text)) >= 2:
            by_text.setdefault(m.text, []).append(j)
    index: dict[str, list[str]] = {}
    for full in by_text:
        for word in {x for w in names.name_tokens(full) for x in (w, w.split("-", 1)[-1])}:
            index.setdefault(word, []).append(full)
    # the first words of firms' names: "Ford" the model calls a firm, beside "Ford Motor Co.", is the firm even where
    # the story also names William Clay Ford Jr. (a legal form says it is a firm: not "Clinton Camp")
    leading = firm_first_words(keys, family)
    memo: dict[str, list[int]] = {}
    out = {}
    for i, m in enumerate(mentions):
        if family[i] != "person" and not (len(keys[i].split()) == 1 and m.source in ("ner", "match")
                                          and m.label in ("ORG", "GPE", "NORP", "LOC", "PRODUCT")
                                          and not places.country_code(m.text)
                                          and not (family[i] == "organization" and keys[i] in leading)):
            continue
        if m.text not in memo:
            s = names.name_tokens(m.text)
            fulls = [f for f in index.get(s[-1], ()) if names.is_short_form(m.text, f)] if s else []
            cands = sorted(j for f in fulls for j in by_text[f])
            # byline authors are not who a short name in the story refers to, unless nobody else fits
            memo[m.text] = [j for j in cands if keys[j] not in authors] or cands
        if memo[m.text]:
            out[i] = memo[m.text]
    return out


def _group_full_names(mentions: list[Mention], family: list[str], uf: _Union) -> None:
    """Join one person's full names written two ways in the story: a nickname of the given name, a middle name or
    initial added ("Timothy Geithner", "Tim Geithner"; `names.same_person`); never a father and his son "Jr."
    (the suffixes differ), nor a name that fits two full names that do not fit each other ("George Bush" beside
    "George W. Bush" and "George H.W. Bush")."""
    by_family: dict[str, dict[str, list[int]]] = {}
    for i, m in enumerate(mentions):
        toks = names.name_tokens(m.text) if family[i] == "person" else ()
        if len(toks) >= 2:
            by_family.setdefault(toks[-1], {}).setdefault(m.text, []).append(i)
    for texts in by_family.values():
        if len(texts) < 2:
            continue
        fits, torn = names.fits_and_torn(texts, _one_person)
        for a in sorted(set(texts) - torn):
            for b in fits[a]:
                # never through a name another rule joined to someone the other name does not fit
                held = [t for t in texts if uf.find(texts[t][0]) in (uf.find(texts[a][0]), uf.find(texts[b][0]))]
                if b not in torn and all(_one_person(x, y) for x in held for y in held if x < y):
                    uf.union(texts[a][0], texts[b][0])


def _one_person(a: str, b: str) -> bool:
    """`names.one_person_in_story` of two names as written."""
    return names.one_person_in_story(a.lower(), b.lower())


def _group_people(mentions: list[Mention], keys: list[str], family: list[str], uf: _Union,
                  short: dict[int, list[int]]) -> None:
    alone: dict[str, int] = {}
    # per shared candidate list: (distinct people, sorted (start, index) pairs)
    seen: dict[int, tuple[set[tuple[str, ...]], list[tuple[int, int]]]] = {}
    for i, cands in short.items():
        m = mentions[i]
        if id(cands) not in seen:
            seen[id(cands)] = ({names.name_tokens(mentions[j].text) for j in cands},
                               sorted((mentions[j].start, j) for j in cands))
        people, by_start = seen[id(cands)]
        if len(people) > 1:
            k = bisect.bisect_left(by_start, (m.start, -1))
            if k == 0:
                # ambiguous and nobody introduced yet: the short form stays an entity of its own
                if keys[i] in alone:
                    uf.union(alone[keys[i]], i)
                else:
                    alone[keys[i]] = i
                continue
            # the nearest full mention before it (the first of several at the same start)
            start = by_start[k - 1][0]
            target = by_start[bisect.bisect_left(by_start, (start, -1))][1]
        else:
            target = cands[0]
        if family[i] != "person":
            # a lone word the model took for a place or firm, that is the family name of a person in the story
            mentions[i].label = "PERSON"
            family[i] = "person"
        uf.union(i, target)

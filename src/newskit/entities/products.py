"""Products and market indices among an article's names: things a firm makes, and the numbers a market is read by,
are no organizations, though both models read most of them as one ("iPhone", "MacBook Air", "the Dreamliner", "Dow
Jones Industrial Average", "FTSE 100").

Every name (all mentions of the same words, as the type vote groups them, a leading "the" aside) gets the product
evidence the article gives it, weighed against its organization evidence; where the product evidence wins by
NEEDED, every mention becomes a PRODUCT. A strong cue counts STRONG, a weak one 1, each once; a name the vote made a
person needs a strong one. Two rounds, so a name beside or closing a product found in the first is weighed with it.

  strong  a lowercase letter before the first capital ("iPhone"; "eBay" is a firm too, so organization evidence
          weighs against it); a version or model designation in the name ("OS X", "iOS 5", "Embraer E195") or
          before it ("the 787 Dreamliner"); the name closing a product's name in the article ("Dreamliner" of
          "Boeing 787 Dreamliner", "Volt" of "Chevrolet Volt"); "version of X"; an apposition whose head noun is a
          made thing ("X, the newest version of ...", "X, a plug-in hybrid"); a product noun before it ("the drug X").
  weak    a product noun right after it ("the X laptop", "X owners"); a version number ending it ("Pixel 8");
          "owners of the X"; "an X" heading its phrase; the object of a verb of making things public or using them
          ("unveiled the X", "drive the X"); "the new X"; coordination with a product; the base model's PRODUCT
          label (it gives sports clubs and candidates one too).
  against a firm's noun before it or a legal form after it ("automaker X", "X Inc."), "shares of X", "X's chief
          executive" and the other nouns of a firm's people after it, the subject of a verb of saying, making or
          trading ("X said it", "X merged"), the first word of a firm's full name in the article ("Ford" of "Ford
          Motor Co."); never a product: a known place, a person's full name.

A maker's name with a model designation after it is one product where a verb or a product noun follows ("the final
Douglas 717 was"); not over a possessive ("Boeing's 787": Boeing stays the organization) or a firm's own noun ("an
American Airlines 777").

A market index is a name whose last word is an index's ("Industrial Average", "Composite", "Index"), one followed
by "index", or "the X" / "Japan's X" / a name ending in a number that a market verb moves by a percentage or by 20
or more (or decimal) points ("the Nikkei fell 120 points"); never a known place, a person or a nationality (polls
move those). A number right after its name is part of it ("FTSE 100", "S&P 500"). It is labelled INDEX; the
recognizer's MISC names (where CoNLL-2003 files indices) are looked at too. A currency code next to an amount
("$99 USD") is no name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newskit import lexicon
from newskit.entities import cities, evidence, names
from newskit.quotes.cues import guess_base

# The labels a product or index may have been given by the layers before this step.
RETYPED = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
_PRODUCT_NOUNS = lexicon.words("product_nouns")
_PRODUCT_VERBS = lexicon.words("product_verbs")
_INDEX_HEADS = lexicon.words("index_heads")
_MOVES = lexicon.words("market_moves")
_ORG_HEADS = lexicon.words("org_heads")
_LEGAL = lexicon.words("corporate_suffixes")
# After a name, only these say it is an index: "the Battleground States average" is a poll's average.
_INDEX_NOUNS = frozenset({"index", "indexes", "indices"})
_MARKETS = frozenset({"exchange", "market", "board"})  # "the American Stock Exchange index": the exchange's index
_CURRENCIES = lexicon.words("currency_codes")
_IRREGULAR = lexicon.table("irregular_verbs")
_SPEECH = lexicon.words("speech_verbs")
_FIRM_VERBS = lexicon.words("firm_verbs") | _PRODUCT_VERBS
_SPOKESPEOPLE = lexicon.words("spokesperson_nouns")
# Product nouns that come before people's names too ("model Kate Moss").
_BEFORE_PEOPLE = frozenset({"model", "models", "owners", "users", "version", "versions", "line",
                            "lineup", "engine", "engines"})
_USERS = frozenset({"owners", "users", "drivers", "buyers", "pilots", "customers", "fans", "players"})
_NEWNESS = frozenset({"new", "newest", "latest", "upcoming", "forthcoming", "next", "original", "first"})
# "iPhone", "eBay", "iOS": lowercase letters, then a capital, inside one word.
_LOWER_CAMEL = re.compile(r"[a-z]{1,2}[A-Z][A-Za-z]*")
# A version or model number inside a name: "5", "10.4", "1.1.1", "X" after "OS", "A380", "G6", "787".
_VERSION = re.compile(r"\d+(?:\.\d+)*[a-z]?|[A-Z]{1,3}-?\d{1,4}[A-Za-z]{0,3}|\d{2,4}[A-Z]{1,3}")
# A maker's model designation: "A380", "787", "737-800", "G6", "MD-95" (not a plain count of one or two digits).
_DESIGNATION = re.compile(r"[A-Z]{1,3}-?\d{1,4}(?:-\d{1,4})?[A-Za-z]{0,3}|\d{3,4}(?:-\d{1,4})?[A-Z]{0,3}")
# A version number that may end a product's name: "8", "11", "2.0", "10.4".
_SHORT_VERSION = re.compile(r"\d{1,2}(?:\.\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")
STRONG = 2  # the evidence one strong cue gives; a weak cue gives 1
NEEDED = 2  # product evidence a name needs, beyond its organization evidence


@dataclass(frozen=True)
class Known:
    """The products an article already names: the base model's PRODUCT spans and the merged PRODUCT spans (a
    maker with a model designation, names decided here), with the keys of the names closing them (see _tails)."""

    base: tuple[Span, ...] = ()
    products: tuple[Span, ...] = ()
    tails: frozenset[str] = frozenset()
    firms: frozenset[str] = frozenset()  # see _firms


def retype(spans: list[Span], base: Iterable[Span], misc: Iterable[Span] = ()) -> list[Span]:
    """Return `spans` (one doc's merged entities, in text order) with market indices labelled INDEX, products
    PRODUCT and currency codes next to an amount dropped; every mention of a name changes together. `misc`: the
    recognizer's MISC names (CoNLL-2003 files indices there), looked at for indices only.

    Two rounds: a name beside or closing a product decided in the first round ("the iMac and the MacBook Pro",
    "Tiger" of "OS X Tiger") is weighed again with it."""
    spans = [_maker_model(s) for s in spans if not _currency(s)]
    taken = bytearray(len(spans[0].doc)) if spans else bytearray()
    for s in spans:
        taken[s.start:s.end] = b"\x01" * len(s)
    extra = [s for s in misc if not any(taken[s.start:s.end])]
    if not spans and not extra:
        return spans
    out: dict[int, Span] = {}
    groups = _groups([s for s in spans if s.label_ in RETYPED])
    for group in list(groups.values()) + list(_groups(extra).values()):
        whole = [_index_name(s) for s in group]
        if is_index(whole):
            for s, w in zip(group, whole):
                out[id(s)] = Span(s.doc, w.start, w.end, label="INDEX")
    base_products = tuple(b for b in base if b.label_ == "PRODUCT")
    firms = _firms(spans)
    for _ in range(2):
        made = tuple(out.get(id(s), s) for s in spans if out.get(id(s), s).label_ == "PRODUCT")
        known = Known(base_products, made, frozenset(_tails(made)), firms)
        for key, group in groups.items():
            if group[0].label_ != "PRODUCT" and id(group[0]) not in out and is_product(group, known, key):
                for s in group:
                    out[id(s)] = _with_version(s)
    found = [out.get(id(s), s) for s in spans] + [out[id(s)] for s in extra if id(s) in out]
    return _joined(_no_overlaps(found))


def _joined(spans: list[Span]) -> list[Span]:
    """Make one product of a product and the variant's name right after it, in capitals or with a number ("Boeing
    737" + "MAX", "Airbus A330" + "MRTT"); not a word name ("a 2008 Ford F-250 Berry was driving": the driver)."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "PRODUCT" and s.start == prev.end and s.label_ in RETYPED \
                and s.label_ != "NORP" and "\n" not in s.doc.text[prev.start_char:s.end_char] \
                and (s.text.isupper() or any(c.isdigit() for c in s.text)):
            out[-1] = Span(s.doc, prev.start, s.end, label="PRODUCT")
            continue
        out.append(s)
    return out


def _groups(spans: list[Span]) -> dict[str, list[Span]]:
    """Return the mentions of each name by the type vote's key (newskit.entities.evidence.key), less a leading
    "the" the model took into the name ("The Volt" is the Volt)."""
    out: dict[str, list[Span]] = {}
    for s in spans:
        k = evidence.key(s)
        out.setdefault(k[4:] if k.startswith("the ") else k, []).append(s)
    return out


def _maker_model(span: Span) -> Span:
    """Return a maker's name and the model designation after it as one product ("The final Boeing 717 was",
    "Rolls-Royce Trent 900 engines"); other spans unchanged. After a plain number, only a product noun or a verb
    may follow (a score table goes on with the next name: "Melrose 107 Stirling County"). Not over a possessive:
    "Boeing's 787" names the maker on its own, and the maker stays an organization."""
    doc = span.doc
    if span.label_ not in ("ORG", "PERSON", "GPE") or span[-1].lower_ in _ORG_HEADS:
        return span  # "an American Airlines 777": the firm that flies it, named as a firm
    i = span.end
    if i >= len(doc) or not _DESIGNATION.fullmatch(doc[i].text) or _YEAR.fullmatch(doc[i].text):
        return span
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    ends = nxt is None or nxt.pos_ in ("VERB", "AUX") or nxt.lower_ in _PRODUCT_NOUNS and nxt.pos_ == "NOUN"
    if not ends and not doc[i].text.isdigit():
        ends = nxt is not None and nxt.is_punct and nxt.text not in ("-", "/", "(")
    return Span(doc, span.start, i + 1, label="PRODUCT") if ends else span


def _no_overlaps(spans: list[Span]) -> list[Span]:
    """Return the spans in text order without those a widened name now covers ("500" of "S&P 500" as a number)."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for s in spans:
        if kept and s.start < kept[-1].end:
            continue
        kept.append(s)
    return kept


def _currency(span: Span) -> bool:
    """Say whether a name is a currency code written beside an amount ("$249 USD", "USD$ 23 billion", "(USD)")."""
    if span.text not in _CURRENCIES:
        return False
    doc = span.doc
    near = [doc[i] for i in (span.start - 2, span.start - 1, span.end, span.end + 1) if 0 <= i < len(doc)]
    return any(t.like_num or t.is_currency or t.text in ("$", "\u20ac", "\u00a3") for t in near)


def _version_after(span: Span) -> bool:
    """Say whether a version number follows a product's name and ends it ("the new Pixel 8 has", "iOS 5."): a
    number of one or two digits or a dotted one, then a lowercase word or a sentence's punctuation (not a score
    table's next name or number)."""
    doc = span.doc
    if span.end >= len(doc) or not _SHORT_VERSION.fullmatch(doc[span.end].text) or not doc[span.end - 1].whitespace_:
        return False
    nxt = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return nxt is None or nxt.text in (".", ",", ";", ":", ")") or (nxt.is_alpha and nxt.is_lower)


def _with_version(span: Span) -> Span:
    """Return a product's mention as PRODUCT, with the version number that ends its name ("Pixel" + "8")."""
    return Span(span.doc, span.start, span.end + _version_after(span), label="PRODUCT")


def _index_name(span: Span) -> Span:
    """Return the whole name of a possible index: the name with the capitalized words that close it in an index's
    last word ("Dow Jones" + "Industrial Average") or the number that completes it ("FTSE" + "100")."""
    doc = span.doc
    end = span.end
    for k in range(1, 4):
        words = doc[end:end + k]
        if len(words) == k and all(t.is_title for t in words) and words[-1].lower_ in _INDEX_HEADS:
            return Span(doc, span.start, end + k)
    if end + 1 < len(doc) and doc[end].text in ("'s", "\u2019s") and doc[end + 1].text.isdigit():
        end += 1  # "Standard & Poor's 500"
    if end < len(doc) and doc[end].text.isdigit() and not _YEAR.fullmatch(doc[end].text) \
            and doc[end - 1].whitespace_ and not (end + 1 < len(doc) and doc[end + 1].text in ("-", "/", "for")):
        return Span(doc, span.start, end + 1)  # not a score ("England 292-8")
    return span


# ------------------------------------------------------------------------------------------------ market indices


def is_index(group: list[Span]) -> bool:
    """Say whether a name is a market index: its last word an index's ("Nasdaq Composite"), "index" after it, or
    the text moving it by points ("the Dow fell 120 points")."""
    first = group[0]
    words = first.text.split()
    if first.label_ in ("PERSON", "NORP"):
        return False  # "Tenney gained 25 points", "the Tories fell 3 percent": a poll moves people and parties
    if cities.is_known_place(first.text) or cities.is_known_place(words[0] if words else ""):
        return False  # "England 292-8 closed on...": a side named for its country, not an index
    if len(words) >= 2 and words[-1].casefold() in _INDEX_HEADS and words[-1][:1].isupper():
        return True
    if words and words[-1].casefold() not in _ORG_HEADS | _MARKETS \
            and any(s.end < len(s.doc) and s.doc[s.end].lower_ in _INDEX_NOUNS for s in group):
        return True  # "the Hang Seng index", not the index of an exchange ("the American Stock Exchange index")
    return any(_moves(s) for s in group)


def _moves(span: Span) -> bool:
    """Say whether the text moves the name as a market moves: "the X", "Japan's X" or a name ending in a number
    ("the S&P 500") the subject of "fell", "rose", "closed"... by points or a percentage ("the Nikkei fell 120
    points", "the Nasdaq fell 3 percent"): a firm's name takes no "the" or number, and a candidate a poll moves
    no article ("Smith gained 25 points"). The name heads its phrase ("the DSE all share price index closed" moves
    the index, not the exchange)."""
    doc = span.doc
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in _INDEX_HEADS:
        root = root.head  # "the Nikkei average fell"
    if root.dep_ not in ("nsubj", "nsubjpass") or not _verb_in(root.head, _MOVES):
        return False
    verb = root.head
    nxt = span.end + (span.end < len(doc) and doc[span.end].lower_ in _INDEX_HEADS)  # "the Nikkei average fell"
    if nxt < len(doc) and nxt != verb.i and doc[nxt].pos_ not in ("AUX", "ADV", "PUNCT"):
        return False
    named = span[-1].text.isdigit() or span.start > 0 and doc[span.start - 1].lower_ in ("the", "'s", "\u2019s")
    if not named:
        return False
    for t in doc[verb.i + 2:min(len(doc), verb.i + 8)]:
        num, before = doc[t.i - 1], doc[t.i - 2]
        if before.lower_ in ("to", "at", "than", "by") or not num.like_num:
            continue  # a level ("fell to 30 percent") or a margin ("winning by ten points"), not a move
        if t.lower_ in ("points", "pts") and _many_points(num.text) or t.lower_ in ("percent", "%"):
            return True
    return False


def _many_points(number: str) -> bool:
    """Say whether a number of points is an index's move (decimals or 20 and more: "1.66 points", "210 points"),
    not a poll's or a game's ("five points", "up 3 points")."""
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return False
    return "." in number or value >= 20


# ------------------------------------------------------------------------------------------------ products


def is_product(group: list[Span], known: Known, key: str = "") -> bool:
    """Say whether a name is a product: its product evidence (see the module's table) beats its organization
    evidence by NEEDED; a name the vote made a person needs a strong cue among it. `key`: the words the name is
    grouped by (evidence.key of its first mention by default)."""
    if _not_a_product(group):
        return False
    strong, weak = product_cues(group, known, key)
    if group[0].label_ == "PERSON" and not strong:
        return False  # the vote gives a one-word name a person only on person evidence ("the new Rubio supporters")
    return STRONG * strong + weak - organization_evidence(group, known.firms) >= NEEDED


def _not_a_product(group: list[Span]) -> bool:
    """A known place, or a person with a full name ("Tim Cook"), is never a product."""
    first = group[0]
    if cities.is_known_place(first.text):
        return True
    toks = names.name_tokens(first.text)
    return first.label_ == "PERSON" and len(toks) >= 2 and toks[0].casefold() in names.given_names()


def product_cues(group: list[Span], known: Known, key: str = "") -> tuple[int, int]:
    """Return how many strong and how many weak product cues a name has (each cue counted once)."""
    first = group[0]
    head_word = first.text.split()[0] if first.text.split() else ""
    strong = [
        bool(_LOWER_CAMEL.fullmatch(head_word.rstrip("'s"))),
        _versioned(first),
        (key or evidence.key(first)) in known.tails,
        any(_version_of(s) or _apposition(s) or _designated(s) or _kind_before(s) for s in group),
    ]
    weak = [
        any(_covered_by(s, known.base) for s in group),
        any(_noun_after(s) for s in group),
        any(_version_after(s) or _used(s) for s in group),
        any(_indefinite(s) for s in group),  # "an Oscar", "a Kennedy" too
        any(_made_public(s) for s in group),
        any(_said_new(s) for s in group),
        any(_beside_a_product(s, known.products) for s in group),
    ]
    return sum(strong), sum(weak)


def organization_evidence(group: list[Span], firms: frozenset[str] = frozenset()) -> int:
    """Return the organization evidence of a name: STRONG per cue (a firm's noun or legal form, shares of it, its
    executives or spokesman, it speaking or making, the name opening a firm's full name in the article: "Ford" of
    "Ford Motor Co.")."""
    cues = [
        any(evidence.org_cue(s) for s in group),
        any(_acts(s) for s in group),
        any(_has_people(s) for s in group),
        evidence.key(group[0]) in firms,
    ]
    return STRONG * sum(cues)


def _firms(spans: Iterable[Span]) -> frozenset[str]:
    """Return the first words of the article's firm names that end in a firm's noun or legal form ("ford" of "Ford
    Motor Co.", "boeing" of "Boeing Company")."""
    out = set()
    for s in spans:
        words = evidence.key(s).split()
        if s.label_ == "ORG" and len(words) >= 2 and (words[-1].rstrip(".") in _LEGAL or words[-1] in _ORG_HEADS):
            out.add(words[0])
    return frozenset(out)


def _beside_a_product(span: Span, products: Iterable[Span]) -> bool:
    """Say whether the name is coordinated with a product's name ("the iMac and the new MacBook Pro")."""
    root = span.root
    others = {t.i for t in root.conjuncts}
    return bool(others) and any(p.start <= i < p.end for p in products for i in others)


def _covered_by(span: Span, spans: Iterable[Span]) -> bool:
    return any(b.start <= span.start and span.end <= b.end for b in spans)


def _versioned(span: Span) -> bool:
    """Say whether a name of two or more words holds a version or model designation ("Mac OS X", "iOS 5",
    "iPod Software 1.1.1"), not a year."""
    toks = [t for t in span if not t.is_punct]
    if len(toks) < 2 or any(_YEAR.fullmatch(t.text) for t in toks):
        return False  # "England 1996-08-31": a dateline, no version
    for prev, tok in zip(toks, toks[1:]):
        if tok.text == "X" and prev.text == "OS":
            return True
        if _VERSION.fullmatch(tok.text) and not _YEAR.fullmatch(tok.text):
            return True
    return False


def _tails(products: Iterable[Span]) -> set[str]:
    """Return the keys of the names that close a product's name: its capitalized words after a designation
    ("Dreamliner" of "Boeing 787 Dreamliner", "Tiger" of "Mac OS X Tiger"), or its last word after the maker's
    ("Volt" of "Chevrolet Volt", "Escalade" of "Cadillac Escalade"); a plural tail gives its singular too."""
    out: set[str] = set()
    for p in products:
        toks = [t for t in p if t.is_alpha]
        tails = [toks[-1:]] if len(toks) >= 2 and toks[0].text[:1].isupper() and toks[0].lower_ != "the" else []
        for i in range(1, len(toks)):
            if any(_VERSION.fullmatch(t.text) or t.text == "X" for t in p[:toks[i].i - p.start]):
                tails.append(toks[i:])
                break
        for tail in tails:
            if all(t.text[:1].isupper() for t in tail):
                name = " ".join(t.text for t in tail).casefold()
                out.update((name, name[:-1]) if name.endswith("s") else (name,))
    return out


def _designated(span: Span) -> bool:
    """Say whether a model designation comes right before a name in the singular ("the 787 Dreamliner", "the
    A380 Superjumbo"): a count would take the plural ("60 Dreamliners")."""
    doc = span.doc
    if not span.start or span[-1].tag_ == "NNPS" or span.text.endswith("s"):
        return False
    prev = doc[span.start - 1]
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev.text.isdigit() and (span.start < 2 or doc[span.start - 2].lower_ != "the"):
        return False  # a number is a designation after "the" ("the 787 X"), else a count or score ("his 121 RBI")
    return bool(_DESIGNATION.fullmatch(prev.text)) and not _YEAR.fullmatch(prev.text) \
        and not (nxt is not None and (nxt.like_num or nxt.is_alpha and nxt.is_lower and nxt.pos_ == "NOUN"))


def _version_of(span: Span) -> bool:
    """Say whether the text calls the name a version or model of something ("version of X"); not an edition ("the
    latest edition of France Football": a magazine)."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" \
        and doc[span.start - 2].lower_ in ("version", "versions", "model", "models", "successor")


def _apposition(span: Span) -> bool:
    """Say whether an apposition after the name calls it a made thing: "X, the newest version of ...", "X, a
    smartphone", "X - a notebook computer"."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text not in (",", "-", "\u2013", "\u2014", "("):
        return False
    if doc[i + 1].lower_ not in ("a", "an", "the"):
        return False
    for tok in doc[i + 2:min(len(doc), i + 8)]:
        glued = tok.text == "-" and not tok.whitespace_ or tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" \
            and not tok.whitespace_ or doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
        if glued:
            continue  # "a plug-in hybrid"
        if tok.pos_ == "NOUN" and tok.dep_ not in ("compound", "poss"):
            # the apposition's head noun says what it is: "the Volgograd side" is a club, "a former model" a person,
            # "the party line" no product line ("the plane's captain": the owner's noun is not the head)
            return tok.lower_ in _PRODUCT_NOUNS - _BEFORE_PEOPLE | {"version", "versions"}
        if tok.is_punct or tok.pos_ not in ("ADJ", "ADV", "PROPN", "NUM", "PART", "NOUN"):
            return False
    return False


def _noun_after(span: Span) -> bool:
    """Say whether a product noun follows the name ("the X laptop", "X owners") and the name is no firm's name
    qualifying it ("Boeing jets" is qualified by its maker: a maker's mentions are said, own shares, employ)."""
    doc = span.doc
    i = span.end + (span.end < len(doc) and bool(_DESIGNATION.fullmatch(doc[span.end].text)))
    return i < len(doc) and doc[i].lower_ in _PRODUCT_NOUNS and doc[i].pos_ == "NOUN"


def _kind_before(span: Span) -> bool:
    """Say whether a product noun right before the name says what kind of thing it is ("the drug Paxlovid", "the
    app X", "its new smartphone X"); not a noun that also comes before people ("model", "player")."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start else None
    return prev is not None and prev.is_lower and prev.lower_ in _PRODUCT_NOUNS - _BEFORE_PEOPLE \
        and prev.pos_ == "NOUN"


def _used(span: Span) -> bool:
    """Say whether the text names the name's owners, users or drivers ("owners of the X", "X users")."""
    doc = span.doc
    i = span.start - (span.start > 0 and doc[span.start - 1].lower_ in ("the", "a", "an"))
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _USERS


def _indefinite(span: Span) -> bool:
    """Say whether the name takes an indefinite article and heads its noun phrase ("an iPhone", "a Kindle"): a
    firm or a place rarely does ("a Boeing spokesman" is the firm qualifying a noun); a nationality does ("a
    Briton"), so not one the base model calls so."""
    doc = span.doc
    if span.label_ == "NORP" or not span.start or doc[span.start - 1].lower_ not in ("a", "an"):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    # the name heads the phrase: no noun, number or other name after it ("an American Airlines 777", "a Ford plant")
    return nxt is None or nxt.is_punct or nxt.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "ADV", "PART")


def _made_public(span: Span) -> bool:
    """Say whether the name, or the noun it names ("the X phone"), is the object of a verb of making things public
    or using them ("unveiled the X", "the X was launched", "drive the X")."""
    tok = span.root
    if tok.dep_ == "compound" and tok.head.i >= span.end:
        if tok.head.lower_ not in _PRODUCT_NOUNS:
            return False  # "roll back the EPA regulations": the rules are what is acted on
        tok = tok.head
    return tok.dep_ in ("dobj", "nsubjpass") and _verb_in(tok.head, _PRODUCT_VERBS)


def _said_new(span: Span) -> bool:
    """Say whether the text calls the name new or latest ("the new iPod", "the latest MacBook")."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ in _NEWNESS \
        and doc[span.start - 2].lower_ in ("the", "its", "their") and not _qualifies(span)


def _qualifies(span: Span) -> bool:
    """Say whether the name only qualifies a common noun after it that is no product noun ("the new EPA rules")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.pos_ == "NOUN" and nxt.lower_ not in _PRODUCT_NOUNS


def _acts(span: Span) -> bool:
    """Say whether the name is the subject of a verb of saying, making or trading ("X said", "X introduced the
    MD-95", "X merged with Boeing"): firms do so, the things they make do not."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    # a verb of saying with what is said ("X said it would"); "cut" is one too, but a drug cuts stays
    return _verb_in(verb, _FIRM_VERBS) or _verb_in(verb, _SPEECH) and any(c.dep_ == "ccomp" for c in verb.children)


def _has_people(span: Span) -> bool:
    """Say whether the text gives the name executives or a spokesman ("X's chief executive", "an X spokesman")."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text in ("'s", "\u2019s", "'"):
        i += 1
    return i < len(doc) and (doc[i].lower_ in _SPOKESPEOPLE or doc[i].lower_ in ("chief", "ceo", "executive",
                                                                                 "executives", "president",
                                                                                 "chairman", "employees", "workers"))


def _verb_in(tok: Token, verbs: frozenset[str]) -> bool:
    """Say whether a verb's lemma is one of `verbs`, guessing the lemma from its form where the pipeline runs
    without a lemmatizer (the entities task does: "unveiled", "releases", "fell")."""
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    w = tok.lower_
    if (tok.lemma_ and tok.lemma_.lower() in verbs) or w in verbs or _IRREGULAR.get(w) in verbs:
        return True
    return guess_base(w, verbs.__contains__) is not None

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
          "Boeing 787 Dreamliner", "Volt" of "Chevrolet Volt"), or opened by a one-word product ("Mac App Store"
          after "the Mac"), or in parentheses right after one ("Software Development Kit (SDK)"); "version of
          (its) X"; an apposition whose head noun is a made thing ("X, the newest version of ...", "X, a plug-in
          hybrid"); a product noun before it ("the drug X"); "a/an X" used or made public ("drove a hybrid X"); a
          maker and a model (below) whose last word the article writes "the X" on its own ("Jeep Wrangler" ... "the
          Wrangler sold well": a model's short form takes "the", a person's does not: "the Hill", "the Clinton of
          lore" give nothing).
  weak    a product noun right after it ("the X laptop", "X owners"); a version number ending it ("Pixel 8");
          "owners of the X", "sales of the X"; "a/an (adjectives) X" heading its phrase; the object of a verb of
          making things public or using them ("unveiled the X", "drive the X"); "the new X"; coordination with a
          product; the base model's PRODUCT label (it gives sports clubs and candidates one too); a maker and a
          model, in an article that talks of made things (a product noun or verb): two words, the first a maker
          ("Ford" ... "Ford Escape"; not a plural, a firm's or an institution's noun: "Cleveland Indians", "Ford
          Motor", "National Assembly"), and "the Maker Model" heading its phrase where no mention is bare ("between
          Boeing and Northrop Grumman": a firm); a designation alone ("40,000 F-150 pickups"). A maker is a firm
          the article shows making, selling or owning things, with a firm's noun, legal form, executives, dealers
          or a brand ("Ford sold 40,000 pickups", "Hallbrook Motors", "Chevrolet dealers"); an agency or an armed
          group named alone is none ("the CIA Annex", "the Nusra Front").
  against a firm's noun before it or a legal form after it ("automaker X", "X Inc."), "shares of X", "X's chief
          executive" and the other nouns of a firm's people after it, the subject of a verb of saying, making or
          trading ("X said it", "X merged"; "the X sold well" has no object: a made thing selling), the first word
          of a firm's full name in the article ("Ford" of "Ford Motor Co."); never a product: a known place (unless
          it closes a maker's model and is written "the X": "Chevrolet Malibu"), a person's full name (not with a
          version: "Mac OS X Lion"), a name ending in a legal form or a firm's noun ("G4S Secure Solutions USA
          Inc.", "the Eric Trump Foundation"; "MacBook Air" and "iPod Software" are products).

A name the vote made a person needs a strong cue, or to open with a maker of the article ("the Jeep Wrangler").
The maker of a product the article names after it ("Vantor" of "the Vantor Fold") is an organization where the
article gives it a firm's evidence, whatever the vote said. A carmaker's brand run as a unit ("its Hummer brand",
"Saturn dealers", "close Saturn and Pontiac") is an organization, as MEANTIME and CoNLL-2003 annotate one, and so is
the base model's product ending in a firm's noun ("Garuda Airlines").

A maker's name with a model designation after it is one product where a verb or a product noun follows ("the final
Douglas 717 was"); not over a possessive ("Boeing's 787": Boeing stays the organization) or a firm's own noun ("an
American Airlines 777").

A market index is a name whose last word is an index's ("Industrial Average", "Composite", "Index"; lowercase as
news writes it: "Dow Jones industrial average", "Nasdaq composite"), one followed by "index", or "the X" / "Japan's
X" / a name ending in a number that a market verb moves by a percentage or by 20 or more (or decimal) points ("the
Nikkei fell 120 points", "the FTSE 100 in London fell 2 percent"); never a known place, a nationality or a person
(polls move those), unless the person is written "the X" (an unseen index the models took for a surname). A number
right after its name is part of it ("FTSE 100", "S&P 500"). "The X" that opens an index's name in the article is
that index ("the Dow" after "the Dow Jones industrial average") unless it has a firm's evidence (an exchange:
"Nasdaq said"). It is labelled INDEX; the recognizer's MISC names (where CoNLL-2003 files indices) are looked at
too. A currency code next to an amount ("$99 USD") is no name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from newskit import lexicon
from newskit.entities import cities, evidence, names
from newskit.entities.verbs import verb_in
from newskit.geo.gazetteer import gazetteer

# The labels a product or index may have been given by the layers before this step.
RETYPED = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
# Other labels the base model gives a model's designation ("40,000 T-250 pickups" as a LAW).
_OTHER = frozenset({"LAW", "WORK_OF_ART", "EVENT"})
_PRODUCT_NOUNS = lexicon.words("product_nouns")
_PRODUCT_VERBS = lexicon.words("product_verbs")
_INDEX_HEADS = lexicon.words("index_heads")
_INDEX_WORDS = lexicon.words("index_name_words")
_MOVES = lexicon.words("market_moves")
_ORG_HEADS = lexicon.words("org_heads")
_INSTITUTIONS = lexicon.words("institution_heads")  # "the White House" ... "the House": no model
_LEGAL = lexicon.words("corporate_suffixes")
# After a name, only these say it is an index: "the Battleground States average" is a poll's average.
_INDEX_NOUNS = frozenset({"index", "indexes", "indices"})
_MARKETS = frozenset({"exchange", "market", "board"})  # "the American Stock Exchange index": the exchange's index
_CURRENCIES = lexicon.words("currency_codes")
_SPEECH = lexicon.words("speech_verbs")
_FIRM_VERBS = lexicon.words("firm_verbs") | _PRODUCT_VERBS
_SPOKESPEOPLE = lexicon.words("spokesperson_nouns")
# Product nouns that come before people's names too ("model Kate Moss").
_BEFORE_PEOPLE = frozenset({"model", "models", "owners", "users", "version", "versions", "line",
                            "lineup", "engine", "engines"})
_USERS = frozenset({"owners", "users", "drivers", "buyers", "pilots", "customers", "fans", "players"})
# What is counted of a made thing, "of the X": "sales of the Malibu" (a firm's sales are "of Boeing")
_SOLD_OF = frozenset({"sales", "deliveries", "production", "recall"})
# Nouns before "of the X" that say the X is a made thing: "sales of the Focus", "owners of the Prius".
_THINGS_OF = _SOLD_OF | {"owners", "users", "drivers", "buyers", "price", "launch", "successor", "version",
                         "versions"}
# A made thing's parts and properties, owned by "the X": "the Volt's battery", "the Dreamliner's wings".
_PARTS = lexicon.words("product_parts")
_BE = frozenset({"be"})
# Verbs whose object written "the X" is a made thing ("offer the Zoe", "makes the Trent 900"); a firm sold or made
# takes no article ("sell Hummer"), nor does a person
_MAKE_OR_SELL = frozenset({"sell", "offer", "make", "produce", "manufacture"})
_NAMING = frozenset({"name", "call", "dub", "christen"})  # "a jet dubbed the Skyhopper"
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
# Last words of a two-word name that make it no maker's model: a firm's ("Ford Motor", "Apple Computer", "Airbus
# Military") or a thing's no firm sells ("Gallup Poll", "Smithsonian Museum", "European Continent").
_MAKERS_NOUNS = frozenset({"motor", "computer", "military", "financial", "auto", "international", "industrie",
                           "corps", "music", "media", "mobile", "credit", "americas", "europe", "asia", "china",
                           "poll", "survey", "museum", "continent", "center", "centre", "prize", "award", "fund",
                           "pac"})
_GLUE = frozenset({"of", "and", "the", "for", "in", "at", "to", "on", "de"})  # "Star of" is no maker's model
# A maker's trade after its name ("Hallbrook Motors", "Ford Motor Co.", "Nortek Auto").
_TRADES = frozenset({"motor", "motors", "auto", "automotive", "cars", "group", "company", "industries",
                     "electronics", "holdings"})
_TITLES = lexicon.words("person_titles")
# Words after a number that make it a quantity, not a version: "X 20 percent", "X 3 points".
_MEASURES = frozenset({"percent", "pct", "per", "points", "point", "million", "billion", "thousand", "years",
                       "year", "months", "days", "times", "cents", "shares"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
_BRAND_LABELS = frozenset({"PERSON", "PRODUCT", "GPE", "LOC"})  # what the models call a brand ("Hummer", "Saturn")
# Nouns after a brand that a firm runs as a division: "its Hummer brand", "Saturn dealers".
_BRAND_NOUNS = frozenset({"brand", "brands", "division", "dealers", "dealer", "dealerships", "dealership",
                          "franchise", "franchises", "unit", "units", "subsidiary", "arm"})
# Firm verbs a made thing is the subject of too, without an object: "the Wrangler sold well", "it is built in Ohio".
_TRANSITIVE = frozenset({"sell", "build", "make", "produce", "manufacture"})
_QUOTES = frozenset({'"', "`", "``", "\u201c"})  # opening quotation marks, as the tokenizer gives them
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
    makers: frozenset[str] = frozenset()  # the article's makers ("ford", "hallbrook"; see _trades and _makers)
    definite: frozenset[str] = frozenset()  # see _definite
    heads: frozenset[str] = frozenset()  # one-word products, opening a name of a product's ("Mac" of "Mac App Store")
    talk: bool = False  # the article talks of made things: a product noun or verb ("pickups", "phone", "built")


def retype(spans: list[Span], base: Iterable[Span], misc: Iterable[Span] = ()) -> list[Span]:
    """Return `spans` (one doc's merged entities, in text order) with market indices labelled INDEX, products
    PRODUCT, firms' brands and makers ORG, and currency codes next to an amount dropped; every mention of a name
    changes together. `misc`: the recognizer's MISC names (CoNLL-2003 files indices, designations and brands
    there), looked at for those only."""
    spans = [_maker_model(s) for s in spans if not _currency(s)]
    taken = bytearray(len(spans[0].doc)) if spans else bytearray()
    for s in spans:
        taken[s.start:s.end] = b"\x01" * len(s)
    extra = [s for s in misc if not any(taken[s.start:s.end])]
    if not spans and not extra:
        return spans
    out: dict[int, Span] = {}
    groups = _groups([s for s in spans if s.label_ in RETYPED])
    _indices(groups, _groups(extra), out)
    # a model's designation the recognizer alone found ("40,000 F-150 pickups"): weighed as a name of its own
    models = {k: g for k, g in _groups([s for s in extra if id(s) not in out and _designation_only(s)]
                                       + [s for s in spans if s.label_ in _OTHER and _designation_only(s)]).items()
              if k not in groups}
    firms = _firms(spans)
    _products(spans, groups, models, base, firms, out)
    _firms_and_brands(spans, groups, _groups([s for s in extra if id(s) not in out]), firms, out)
    found = [out.get(id(s), s) for s in spans] + [out[id(s)] for s in extra if id(s) in out]
    return _joined(_no_overlaps(found))


def _set(group: Iterable[Span], label: str, out: dict[int, Span]) -> None:
    for s in group:
        out[id(s)] = Span(s.doc, s.start, s.end, label=label)


def _indices(groups: dict[str, list[Span]], extras: dict[str, list[Span]], out: dict[int, Span]) -> None:
    """Label the market indices among the names (see is_index) and their short forms INDEX in `out`, each mention
    with the words that complete its name ("Dow Jones" + "industrial average")."""
    for group in list(groups.values()) + list(extras.values()):
        whole = [_index_name(s) for s in group]
        if is_index(whole):
            extended = any(len(w) > len(s) for s, w in zip(group, whole))
            for s, w in zip(group, whole):
                # where the index's name is the maker's and more ("Standard & Poor's 500"), the maker's name alone is
                # the index only where it is written as one ("the Dow Jones closed"): "Standard & Poor's said it
                # might cut GM's rating" is the firm
                if not extended or len(w) > len(s) or is_index([s]) \
                        or _named(s) and not organization_evidence([s]):
                    out[id(s)] = Span(s.doc, w.start, w.end, label="INDEX")
    found = [s for s in out.values() if s.label_ == "INDEX"]
    for group in _short_indices(groups, found):
        _set((s for s in group if id(s) not in out), "INDEX", out)


def _products(spans: list[Span], groups: dict[str, list[Span]], models: dict[str, list[Span]], base: Iterable[Span],
              firms: frozenset[str], out: dict[int, Span]) -> None:
    """Label the products among the names PRODUCT in `out`. Two rounds: a name beside, closing or opened by a
    product decided in the first round ("the iMac and the MacBook Pro", "Tiger" of "OS X Tiger", "Mac App Store")
    is weighed again with it."""
    base_products = tuple(b for b in base if b.label_ == "PRODUCT")
    makers = _makers(spans) | frozenset(k for k, g in groups.items() if " " not in k and (
        g[0].label_ == "ORG" and _trades(g) or g[0].label_ in _BRAND_LABELS and is_brand(g, spans)))
    definite = _definite(groups)
    talk = bool(spans) and any(t.lower_ in _PRODUCT_NOUNS and t.pos_ == "NOUN" or verb_in(t, _PRODUCT_VERBS)
                               for t in spans[0].doc)
    for _ in range(2):
        made = tuple(out.get(id(s), s) for s in spans if out.get(id(s), s).label_ == "PRODUCT")
        heads = frozenset(k for s in made if " " not in (k := evidence.key(s).removeprefix("the ")))
        known = Known(base_products, made, frozenset(_tails(made)), firms, makers, definite, heads, talk)
        decided = len(out)
        for key, group in list(groups.items()) + list(models.items()):
            if group[0].label_ != "PRODUCT" and id(group[0]) not in out and is_product(group, known, key):
                for s in group:
                    out[id(s)] = _with_version(s)
        if len(out) == decided:
            break  # no product found this round: the next would weigh the same names with the same evidence


def _firms_and_brands(spans: list[Span], groups: dict[str, list[Span]], extras: dict[str, list[Span]],
                      firms: frozenset[str], out: dict[int, Span]) -> None:
    """Label ORG in `out` the makers of the article's products the vote made persons or places (is_maker), firms'
    brands (is_brand; also where only the recognizer found them, as MISC: "close 300 Stavro dealers") and the base
    model's products named as firms ("Garuda Airlines")."""
    made = tuple(out.get(id(s), s) for s in spans if out.get(id(s), s).label_ == "PRODUCT")
    for group in groups.values():
        if id(group[0]) not in out and is_maker(group, made, firms):
            _set(group, "ORG", out)
    decided = [out.get(id(s), s) for s in spans]
    for key, group in groups.items():
        if group[0].label_ in _BRAND_LABELS and id(group[0]) not in out \
                and (is_brand(group + extras.get(key, []), decided) or _firm_named(group)):
            _set(group + extras.get(key, []), "ORG", out)  # the recognizer's MISC mentions too ("its Hummer brand")
    for key, group in extras.items():
        if key not in groups and group[0][0].is_title and _firms_brand(group) and not any(id(s) in out for s in group):
            _set(group, "ORG", out)


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
    if span.label_ not in ("ORG", "PERSON", "GPE", "FAC") or span[-1].lower_ in _ORG_HEADS:
        return span  # "an American Airlines 777": the firm that flies it, named as a firm
    i = span.end
    if i >= len(doc) or not _DESIGNATION.fullmatch(doc[i].text) or _YEAR.fullmatch(doc[i].text):
        return span
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    # a verb, a product noun, or the model's name in quotation marks ('Boeing 787 "Dreamliner" makes maiden flight')
    ends = nxt is None or nxt.pos_ in ("VERB", "AUX") or nxt.lower_ in _PRODUCT_NOUNS and nxt.pos_ == "NOUN" \
        or _quoted_name_at(doc, i + 1)
    if not ends and not doc[i].text.isdigit():  # "the Pontiac G6 and the Chevrolet Malibu"
        ends = nxt is not None and (nxt.is_punct and nxt.text not in ("-", "/", "(") or nxt.lower_ in ("and", "or"))
    return Span(doc, span.start, i + 1, label="PRODUCT") if ends else span


def _quoted_name_at(doc: Doc, i: int) -> bool:
    """Say whether an opening quotation mark at token i starts a capitalized name ('787 "Dreamliner"', the
    tokenizer may split a typewriter's `` in two)."""
    j = i
    while j < len(doc) and j - i < 2 and doc[j].text in _QUOTES:
        j += 1
    return i < j < len(doc) and doc[j].is_title


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
    return nxt is None or nxt.text in (".", ",", ";", ":", ")") \
        or (nxt.is_alpha and nxt.is_lower and nxt.lower_ not in _MEASURES)  # "Daewoo Information 20 percent"


def _with_version(span: Span) -> Span:
    """Return a product's mention as PRODUCT, with the version number that ends its name ("Pixel" + "8")."""
    return Span(span.doc, span.start, span.end + _version_after(span), label="PRODUCT")


def _index_name(span: Span) -> Span:
    """Return the whole name of a possible index: the name with the words that close it in an index's last word,
    capitalized ("Dow Jones" + "Industrial Average") or lowercase as news often writes them ("Dow Jones" +
    "industrial average", "Nasdaq" + "composite"), or the number that completes it ("FTSE" + "100"), after a second
    maker's name glued on by a slash ("S&P" + "/ASX 200"). A lone lowercase "average" or "index" stays out ("the
    Nikkei average": the Nikkei)."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].text == "/" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_upper and doc[end + 1].is_alpha:
        end += 2  # two index makers' names glued by a slash: "S&P/ASX 200", "S&P/TSX composite"
        span = Span(doc, span.start, end)
    for k in range(1, 4):
        words = doc[end:end + k]
        if len(words) == k and words[-1].lower_ in _INDEX_HEADS \
                and (all(t.is_title for t in words) or _lowercase_tail(words)):
            return Span(doc, span.start, end + k)
    if end + 1 < len(doc) and doc[end].text in ("'s", "\u2019s") and doc[end + 1].text.isdigit():
        end += 1  # "Standard & Poor's 500"
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    if end < len(doc) and doc[end].text.isdigit() and doc[end - 1].whitespace_ \
            and not (nxt is not None and nxt.text in ("-", "/", "for")) \
            and (not _YEAR.fullmatch(doc[end].text) or nxt is not None and nxt.pos_ in ("VERB", "AUX")):
        return Span(doc, span.start, end + 1)  # not a score ("England 292-8"); a year only if a verb follows
    return span                                 # ("the Russell 2000 lost 6 percent")


def _lowercase_tail(words: Span) -> bool:
    """Say whether lowercase words after a name close an index's name: "composite", or index-name words before an
    index's last word ("industrial average"); not a poll's ("the Real Clear Politics polling average")."""
    if not all(t.is_lower for t in words) or words[-1].lower_ in _INDEX_NOUNS:
        return False
    if len(words) == 1:
        return words[0].lower_ == "composite"
    return all(t.lower_ in _INDEX_WORDS for t in words[:-1])


# ------------------------------------------------------------------------------------------------ market indices


def is_index(group: list[Span]) -> bool:
    """Say whether a name is a market index: its last word an index's ("Nasdaq Composite"), "index" after it, or
    the text moving it by points ("the Dow fell 120 points")."""
    first = group[0]
    words = first.text.split()
    if first.label_ == "PERSON":
        # "Tenney gained 25 points": a poll moves people, never written "the X" ("the Kospi climbed 2 percent", an
        # unseen index the models took for a surname)
        return any(s.start and s.doc[s.start - 1].lower_ == "the" and _moves(s) for s in group)
    if first.label_ == "NORP":
        return False  # "the Tories fell 3 percent": a poll moves parties
    if len(words) >= 2 and words[-1].casefold() in _INDEX_HEADS \
            and (words[-1][:1].isupper() or words[-1] == "composite" or words[-2] in _INDEX_WORDS):
        return True  # "the Shanghai Composite" too
    if cities.is_known_place(first.text) or cities.is_known_place(words[0] if words else ""):
        return False  # "England 292-8 closed on...": a side named for its country, not an index
    if words and words[-1].casefold() not in _ORG_HEADS | _MARKETS \
            and any(s.end < len(s.doc) and s.doc[s.end].lower_ in _INDEX_NOUNS for s in group):
        return True  # "the Hang Seng index", not the index of an exchange ("the American Stock Exchange index")
    return any(_moves(s) for s in group)


def _short_indices(groups: dict[str, list[Span]], indices: list[Span]) -> list[list[Span]]:
    """Return the names that are an index's short form: one word written "the X" that opens an index's name in the
    article ("the Dow" after "the Dow Jones industrial average", "the Nasdaq" after "the Nasdaq composite"), with no
    firm's evidence ("Nasdaq said it would list...": the exchange)."""
    heads = {evidence.key(i).removeprefix("the ").split()[0] for i in indices if len(i) >= 2}
    out = []
    for key, group in groups.items():
        if key in heads and len(key.split()) == 1 and group[0].label_ not in ("PERSON", "NORP", "INDEX") \
                and any(s.start and s.doc[s.start - 1].lower_ == "the" for s in group) \
                and not organization_evidence(group):
            out.append(group)
    return out


def _moves(span: Span) -> bool:
    """Say whether the text moves the name as a market moves: "the X", "Japan's X" or a name ending in a number
    ("the S&P 500") the subject of "fell", "rose", "closed"... by points or a percentage ("the Nikkei fell 120
    points", "the Nasdaq fell 3 percent"): a firm's name takes no "the" or number, and a candidate a poll moves
    no article ("Smith gained 25 points"). The name heads its phrase ("the DSE all share price index closed" moves
    the index, not the exchange)."""
    doc = span.doc
    root = span.root
    if root.dep_ in ("compound", "nmod") and root.head.lower_ in _INDEX_HEADS and root.head.i >= span.end:
        root = root.head  # "the Nikkei average fell", "Japan's Nikkei 225 average rose"
    subject = root
    while subject.dep_ == "conj" and subject.head.i < subject.i \
            and (subject.head.pos_ in ("PROPN", "NUM") or subject.head.lower_ in _INDEX_HEADS):
        subject = subject.head  # "the DAX in Frankfurt and the CAC 40 in Paris each shed 7 percent"; not a name
        # the parser joins to a common noun ("sales of the Camry and the Corolla rose": the sales rose)
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return _named(span) and _moved_by(doc, span.end)  # "with London's FTSE 100 down 8 percent"
    verb: Token | None = subject.head
    if verb_in(subject.head, _BE) and subject.head.i > subject.i:
        # a move said with "be" and no verb of moving: "Britain's FTSE 100 was up 0.3 percent"
        return _named(span) and _moved_by(doc, subject.head.i + 1)
    if not verb_in(subject.head, _MOVES):
        # the move in a clause of the subject's verb: "the FTSE 100 suffered its largest fall, dropping 391 points"
        verb = next((c for c in subject.head.children if c.dep_ in ("advcl", "conj") and c.i > c.head.i
                     and c.tag_ != "VBN" and verb_in(c, _MOVES)
                     and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)), None)
    if verb is None:
        return False
    nxt = span.end + (span.end < len(doc) and doc[span.end].lower_ in _INDEX_HEADS)  # "the Nikkei average fell"
    phrase = nxt < len(doc) and doc[nxt].dep_ in ("prep", "cc") and doc[nxt].head.i == root.i
    if phrase:
        nxt = subject.right_edge.i + 1  # "the FTSE 100 in London fell", "the DAX and the CAC 40 fell"
    # "the DSE all share price index closed" is the index's; "the Dow and the S&P 500 both lost" moves each
    if nxt < len(doc) and nxt != subject.head.i and doc[nxt].pos_ not in ("AUX", "ADV", "PUNCT") \
            and doc[nxt].lower_ not in ("each", "both"):
        return False
    named = _named(span)
    # a headline drops its articles ("Dow falls 508 points"): there only a market's move, not a poll's ("Smith gains
    # 25 points", "... 5 percent")
    headline = not named and "\n" not in doc.text[:span.start_char].strip()
    if not named and not headline:
        return False
    for t in doc[verb.i + 2:min(len(doc), verb.i + 8)]:
        num, before = doc[t.i - 1], doc[t.i - 2]
        if before.lower_ in ("to", "at", "than", "by") or not num.like_num:
            continue  # a level ("fell to 30 percent") or a margin ("winning by ten points"), not a move
        if headline:
            return t.lower_ in ("points", "pts", "percent", "%") and _many_points(num.text, 100)
        if t.lower_ in ("points", "pts") and _many_points(num.text) or t.lower_ in ("percent", "%"):
            return True
    return False


def _named(span: Span) -> bool:
    """Say whether a name is written as a market's: "the X", "Japan's X", a name ending in a number ("S&P 500"),
    "the tech-heavy X"; a firm's name takes no "the" or number, a candidate a poll moves no article."""
    doc = span.doc
    return span[-1].text.isdigit() or span.start > 0 and doc[span.start - 1].lower_ in ("the", "'s", "\u2019s") \
        or _the_with_adjectives(span)


_DIRECTIONS = frozenset({"up", "down", "off", "higher", "lower"})


def _moved_by(doc: Doc, i: int) -> bool:
    """Say whether the words from token `i` give a market's move without a verb: "up 2 percent", "down 120 points",
    "off 1.5%", "higher by 3 percent" (a list of markets: "with the FTSE 100 down 8 percent")."""
    if i >= len(doc) or doc[i].lower_ not in _DIRECTIONS:
        return False
    k = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "by")
    if k + 1 >= len(doc) or not doc[k].like_num:
        return False
    unit = doc[k + 1].lower_
    return unit in ("percent", "%") or unit in ("points", "pts") and _many_points(doc[k].text)


def _the_with_adjectives(span: Span) -> bool:
    """Say whether "the" opens the name's phrase with only adjectives between ("the broader X", "the tech-heavy X")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].pos_ == "ADJ" or doc[i].text == "-" or doc[i].pos_ in ("NOUN", "ADV")
                      and i + 1 < len(doc) and doc[i + 1].text == "-"):
        i -= 1
    return i < span.start - 1 and i >= 0 and doc[i].lower_ == "the"


def _many_points(number: str, least: float = 20) -> bool:
    """Say whether a number of points is an index's move (decimals or `least` and more: "1.66 points", "210
    points"), not a poll's or a game's ("five points", "up 3 points")."""
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return False
    return "." in number or value >= least


# ------------------------------------------------------------------------------------------------ products


def is_product(group: list[Span], known: Known, key: str = "") -> bool:
    """Say whether a name is a product: its product evidence (see the module's table) beats its organization
    evidence by NEEDED; a name the vote made a person needs a strong cue among it. `key`: the words the name is
    grouped by (evidence.key of its first mention by default)."""
    if _not_a_product(group, known, key):
        return False
    strong, weak = product_cues(group, known, key)
    k = key or evidence.key(group[0])
    maker = _maker_pair(k, known.makers) and k.split()[0] not in _given()
    if group[0].label_ == "PERSON" and not strong and not maker:
        # the vote gives a one-word name a person only on person evidence ("the new Rubio supporters"); a name
        # opened by a firm's is no person's ("the Jeep Wrangler")
        return False
    return STRONG * strong + weak - organization_evidence(group, known.firms) >= NEEDED


@cache
def _given() -> frozenset[str]:
    return names.given_names()


def is_maker(group: list[Span], products: Iterable[Span], firms: frozenset[str] = frozenset()) -> bool:
    """Say whether a one-word name the vote made a person or a place is the firm that makes a product the
    article names after it ("Vantor" of "the Vantor Fold"), where the article also gives it a firm's evidence
    ("Vantor said it expects", "Vantor's chief executive"); not a given name ("Dell" stays what the vote says)."""
    first = group[0]
    key = evidence.key(first)
    if first.label_ not in ("PERSON", "GPE") or " " in key or key in _given() \
            or cities.is_known_place(first.text):
        return False
    opens = any(evidence.key(p).removeprefix("the ").split()[0] == key and len(p) >= 2 for p in products)
    return opens and organization_evidence(group, firms) > 0


def _brand_noun_after(span: Span) -> bool:
    """Say whether a firm's unit's noun follows the name ("Hummer dealers", "its Opel unit"; not "unit sales"); a
    person's name takes "brand" too ("the Grayson brand"), so a name the vote made a person needs a firm's
    possessive before it ("its Hummer brand") or another noun."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if nxt is None or nxt.pos_ != "NOUN" or nxt.lower_ not in _BRAND_NOUNS \
            or nxt.lower_ in ("unit", "units") and after is not None and after.pos_ == "NOUN":
        return False
    return span.label_ != "PERSON" or nxt.lower_ not in ("brand", "brands") \
        or span.start > 0 and doc[span.start - 1].lower_ in ("its", "their")


def is_brand(group: list[Span], spans: Iterable[Span] = ()) -> bool:
    """Say whether a one-word name is a firm's brand, run as a division of it with dealers of its own ("its Hummer
    brand", "Saturn dealers"), or named bare beside one-word firms ("close Saturn and Pontiac"): an organization,
    as MEANTIME and CoNLL-2003 annotate a carmaker's brands; not a product line's name with a product's own cue
    ("the iPod brand"), nor a person's full name. `spans`: the article's names, their labels as decided so far."""
    first = group[0]
    if " " in first.text.strip() or _LOWER_CAMEL.fullmatch(first.text) or cities.is_known_place(first.text):
        return False
    if any(_brand_noun_after(s) for s in _with_unlabelled(group)):
        return True
    firms = {s.start for s in spans if s.label_ == "ORG" and len(s) == 1}
    return first.label_ == "PRODUCT" and any(_bare(s) and any(t.i in firms for t in s.root.conjuncts) for s in group)


def _with_unlabelled(group: list[Span]) -> list[Span]:
    """Return a one-token name's mentions and the other places the article writes it that no layer labelled
    ("Saturn dealers" opening a line, where the tagger reads a common noun), labelled as the name is."""
    first = group[0]
    doc = first.doc
    if len(first) != 1:
        return group
    held = {s.start for s in group}
    return group + [Span(doc, i, i + 1, label=first.label_) for i in evidence.same_word(first[0]) if i not in held]


def _firms_brand(group: list[Span]) -> bool:
    """Say whether a name only the recognizer found (as MISC, CoNLL-2003's class for a product's brand: "the Kwai
    brand", "the Welsh division") is a firm's unit: it has dealers ("300 Stavro dealers") or is a firm's own brand
    ("its Stavro brand")."""
    for s in group:
        doc = s.doc
        nxt = doc[s.end] if s.end < len(doc) else None
        if nxt is None or nxt.pos_ != "NOUN":
            continue
        if nxt.lower_ in ("dealers", "dealer", "dealerships", "dealership") \
                or nxt.lower_ in ("brand", "brands") and s.start and doc[s.start - 1].lower_ in ("its", "their"):
            return True
    return False


def _firm_named(group: list[Span]) -> bool:
    """Say whether the base model's product is a firm by its last word ("Garuda Airlines", "Douglas Aircraft"): a
    name of two or more words ending in a firm's noun, with no strong product cue of its own ("MacBook Air" is
    decided by the product step, which weighs its cues)."""
    first = group[0]
    words = first.text.split()
    return first.label_ == "PRODUCT" and len(words) >= 2 and words[-1].casefold().rstrip(".") in _ORG_HEADS \
        and not _LOWER_CAMEL.fullmatch(words[0]) and not _versioned(first)


def _not_a_product(group: list[Span], known: Known = Known(), key: str = "") -> bool:
    """A known place, or a person with a full name ("Tim Cook"), is never a product; a place's name is a model's
    where it closes a product's name in the article and is written "the X" ("Chevrolet Malibu" ... "the Malibu")."""
    first = group[0]
    if cities.is_known_place(first.text):
        return not ((key or evidence.key(first)) in known.tails and key in known.definite)
    last = first.text.split()[-1].casefold() if first.text.split() else ""
    if len(first.text.split()) >= 2 and (last.rstrip(".") in _LEGAL or last in _ORG_HEADS - {"air"}) \
            and not _versioned(first) and not _LOWER_CAMEL.fullmatch(first.text.split()[0]):
        return True  # "G4S Secure Solutions USA Inc.", "the Eric Trump Foundation" ("MacBook Air", "iPod Software"
        # are products)
    toks = names.name_tokens(first.text)
    # "Mac OS X Lion": a version is no person's; "Mac App Store": nor a name opened by a product's
    return first.label_ == "PERSON" and len(toks) >= 2 and toks[0].casefold() in _given() \
        and not _versioned(first) and (key or evidence.key(first)).split()[0] not in known.heads


def product_cues(group: list[Span], known: Known, key: str = "") -> tuple[int, int]:
    """Return how many strong and how many weak product cues a name has (each cue counted once)."""
    strong, weak = cue_table(group, known, key)
    return sum(strong), sum(weak)


def cue_table(group: list[Span], known: Known, key: str = "") -> tuple[list[bool], list[bool]]:
    """Return which strong and which weak product cues a name has, in a fixed order (the module's table)."""
    first = group[0]
    head_word = first.text.split()[0] if first.text.split() else ""
    # a place's name is no maker's and model's ("OSCE Chechnya", "Australian Open"); a name the base model made a
    # place for its maker is, where the maker is a firm of the article ("Pontiac Solstice", Pontiac being a town)
    words = (key or evidence.key(first)).split()
    placed = first.label_ in PLACES and (len(words) != 2 or words[0] not in known.makers
                                         or bool(gazetteer().lookup(words[-1])))
    # a maker and its model ("Ford" ... "the Ford Fusion"), where the article talks of made things
    pair = not placed and known.talk and _maker_pair(key or evidence.key(first), known.makers)
    short = pair and _short_form_definite(key or evidence.key(first), known.definite)
    strong = [
        bool(_LOWER_CAMEL.fullmatch(head_word.rstrip("'s"))),
        _versioned(first),
        (key or evidence.key(first)) in known.tails,
        _opened_by_product(key or evidence.key(first), known.heads),
        any(_in_parens_after(s, known.products) for s in group),
        any(_version_of(s) or _apposition(s) or _designated(s, known.products) or _kind_before(s)
            or _said_to_be_a_thing(s) or _named_thing(s) for s in group),
        any(_the_thing(s) for s in group),  # "sales of the Focus", "build the Volt", "the Volt's battery"
        any(_made_public(s) and _indefinite(s) for s in group),  # "drove a hybrid Kestrel": no one drives a person
        short,
    ]
    weak = [
        pair,
        _designation_only(first),
        pair and any(_the_model(s) for s in group) and not any(_bare(s) for s in group),
        any(_covered_by(s, known.base) or _maker_and_model(s, known.base) for s in group),
        any(_noun_after(s) for s in group),
        any(_version_after(s) or _used(s) for s in group),
        any(_indefinite(s) for s in group),  # "an Oscar", "a Kennedy" too
        any(_made_public(s) for s in group),
        any(_said_new(s) for s in group),
        any(_beside_a_product(s, known.products) for s in group),
    ]
    return strong, weak


def organization_evidence(group: list[Span], firms: frozenset[str] = frozenset()) -> int:
    """Return the organization evidence of a name: STRONG per cue (a firm's noun or legal form, shares of it, its
    executives or spokesman, it speaking or making, the name opening a firm's full name in the article: "Ford" of
    "Ford Motor Co.")."""
    cues = [
        any(evidence.org_cue(s) for s in _with_unlabelled(group)),  # also where no layer saw it ("Saturn dealers")
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
        words = evidence.key(s).split(" - ")[-1].split()  # "DETROIT - Hallbrook Motors": a date line glued on
        if s.label_ == "ORG" and len(words) >= 2 and (words[-1].rstrip(".") in _LEGAL or words[-1] in _ORG_HEADS):
            out.add(words[0])
    return frozenset(out)


def _definite(groups: dict[str, list[Span]]) -> frozenset[str]:
    """Return the keys of the one-word names the article writes "the X" and heads its phrase with ("the Volt will
    cost", "sales of the Malibu"): a made thing's short form, where a person's is bare and a firm's takes no "the"
    ("the Obama administration": the name qualifies a noun)."""
    out = set()
    for key, group in groups.items():
        if " " in key or group[0].label_ == "NORP":
            continue
        for s in group:
            doc = s.doc
            nxt = doc[s.end] if s.end < len(doc) else None
            if s.start and doc[s.start - 1].lower_ == "the" and not s.text.endswith("s") \
                    and not (nxt is not None and (nxt.lower_ == "of" or nxt.is_title or nxt.is_alpha and nxt.is_lower
                                                  and nxt.pos_ in ("NOUN", "PROPN"))):  # "the Clinton of lore"
                out.add(key)
                break
    return frozenset(out)


def _tail_word(key: str) -> tuple[str, str]:
    """Return a two-word name's first word and last word ("chevrolet", "volt"), or two empty strings."""
    words = key.split()
    if len(words) != 2 or not words[1][:1].isalnum() or words[1] in _GLUE \
            or words[1] in _ORG_HEADS | _INSTITUTIONS or words[1].rstrip(".") in _LEGAL \
            or words[1] in _PRODUCT_NOUNS or words[1] in _MAKERS_NOUNS or words[1].endswith("s"):
        return "", ""  # a plural is a team's or a firm's ("the Cleveland Indians", "Ford Motors"), not a model's
    return words[0], words[1]


def _short_form_definite(key: str, definite: frozenset[str]) -> bool:
    """Say whether a two-word name's last word is written on its own as "the X" in the article ("Chevrolet Volt"
    ... "the Volt"): a model named after its maker; a person's family name is written bare, and a name opened by a
    given name or a title is a person's ("the Kennedy" is no person's short form)."""
    head, tail = _tail_word(key)
    return bool(tail) and tail in definite and head not in _given() and head not in _TITLES


def _in_parens_after(span: Span, products: Iterable[Span]) -> bool:
    """Say whether a name stands in parentheses right after a product's name or a model designation's words: its
    short form or its spelled-out name ("Software Development Kit (SDK)", "six A350 XWB (Extra Wide Body) jets");
    or is a product's other name after ", or" ("the Boeing 787, or Dreamliner, is") or in quotation marks right
    after it ('Boeing 747 "Jumbo"')."""
    doc = span.doc
    if span.start < 3 or span.end >= len(doc):
        return False
    if doc[span.start - 1].lower_ == "or" and doc[span.start - 2].text == "," and doc[span.end].text in (",", ")"):
        return any(p.end == span.start - 2 for p in products)
    i = span.start
    while i > span.start - 2 and doc[i - 1].text in _QUOTES:
        i -= 1
    if i < span.start and doc[span.end].text in _QUOTES | {"''", "'", "\u201d"}:
        return any(p.end == i for p in products)  # 'Boeing 747 "Jumbo"'
    if doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    before = doc[max(0, span.start - 3):span.start - 1]
    return any(p.end == span.start - 1 for p in products) \
        or any(_DESIGNATION.fullmatch(t.text) and not _YEAR.fullmatch(t.text) for t in before)


def _opened_by_product(key: str, heads: frozenset[str]) -> bool:
    """Say whether a name of two or three words opens with a one-word product of the article and goes on with no
    given name ("Mac App Store" after "the Mac"; "Pole Wojtek Lazarek" after "a Pole" is a person)."""
    words = key.split()
    return 2 <= len(words) <= 3 and words[0] in heads and not any(w in _given() for w in words[1:])


def _maker_pair(key: str, makers: frozenset[str]) -> bool:
    """Say whether a two-word name opens with a firm the article names on its own ("Ford" ... "Ford Escape")."""
    head, tail = _tail_word(key)
    return bool(tail) and head in makers


def _the_model(span: Span) -> bool:
    """Say whether a two-word name that may be a maker's and a model's takes "the" and heads its phrase ("the Jeep
    Wrangler was"); a firm's name with "the" ends in a firm's noun ("the Boeing Company")."""
    doc = span.doc
    root = span.root
    nxt = doc[span.end] if span.end < len(doc) else None
    heads = root.dep_ not in ("compound", "nmod", "amod", "poss", "conj") or span.start <= root.head.i < span.end
    heads = heads and not (nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN"))
    return heads and bool(_tail_word(evidence.key(span))[1]) and span.start > 0 \
        and doc[span.start - 1].lower_ == "the"  # "the Northrop Grumman and EADS plan": the plan's


def _bare(span: Span) -> bool:
    """Say whether a name heads its phrase with no article or possessive before it ("selected Northrop Grumman",
    "between Boeing and Northrop Grumman"), as a firm's name does and a model's seldom ("the Jeep Wrangler")."""
    doc = span.doc
    root = span.root
    prev = doc[span.start - 1] if span.start else None
    return root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") \
        and not any(c.dep_ in ("det", "poss") for c in root.children) \
        and not (prev is not None and (prev.pos_ == "DET" or prev.tag_ == "POS"))


def _designation_only(span: Span) -> bool:
    """Say whether a name is a model designation of letters and numbers alone ("F-150", "G6"), not a year."""
    return len(span) == 1 and any(c.isdigit() for c in span.text) and any(c.isalpha() for c in span.text) \
        and bool(_DESIGNATION.fullmatch(span.text))


def _trades(group: list[Span]) -> bool:
    """Say whether the article gives a one-word firm a maker's or a trader's evidence: a firm's noun or legal form
    ("automaker X", "shares of X"), its executives or workers, it making, selling or launching things ("Ford sold
    40,000 pickups"), owning them ("Apple's new laptops"), or dealers and a brand of its own ("Chevrolet dealers");
    an agency or an armed group is named alone too ("the CIA", "Nusra"), and says things."""
    return any(evidence.org_cue(s) or _has_people(s) or _acts(s, speech=False) or _owns_products(s)
               or _brand_noun_after(s) for s in group)  # "Chevrolet dealers": a brand makes its models


def _owns_products(span: Span) -> bool:
    """Say whether the name owns made things in the text ("Apple's new laptops", "Motorola's iTunes phone")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text not in ("'s", "\u2019s"):
        return False
    return any(t.lower_ in _PRODUCT_NOUNS and t.pos_ == "NOUN" or _LOWER_CAMEL.fullmatch(t.text)
               for t in doc[span.end + 1:span.end + 4])


def _makers(spans: Iterable[Span]) -> frozenset[str]:
    """Return the first words of the article's firm names that are a maker's name and a firm's legal form or trade
    ("hallbrook" of "Hallbrook Motors", "ford" of "Ford Motor Co."), not an institution's ("European Union")."""
    out = set()
    for s in spans:
        words = evidence.key(s).split(" - ")[-1].split()
        if s.label_ == "ORG" and 2 <= len(words) <= 3 and (words[-1].rstrip(".") in _LEGAL or words[-1] in _TRADES) \
                and all(w in _TRADES or w.rstrip(".") in _LEGAL for w in words[1:]):
            out.add(words[0])
    return frozenset(out)


def _beside_a_product(span: Span, products: Iterable[Span]) -> bool:
    """Say whether the name is coordinated with a product's name ("the iMac and the new MacBook Pro")."""
    root = span.root
    others = {t.i for t in root.conjuncts}
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ in ("and", "or"):
        # written next to it, where the parse does not join them ("Lockheed Tristar and Vickers VC-10 aircraft")
        others.update(range(span.end + 1, min(len(doc), span.end + 3)))
    k = span.start - 1 - (span.start >= 1 and doc[span.start - 1].lower_ == "the")
    if k >= 1 and doc[k].lower_ in ("and", "or"):
        others.add(k - 1)  # or before it ("sales of the Camry and the Corolla", the parse joining "sales")
    return bool(others) and any(p.start <= i < p.end for p in products for i in others)


def _maker_and_model(span: Span, base: Iterable[Span]) -> bool:
    """Say whether the base model reads a name of two or more words as a firm and its product ("Lockheed" +
    "Tristar" of "Lockheed Tristar"): a maker's model, where one layer took the whole for a firm."""
    inside = [b for b in base if span.start <= b.start and b.end <= span.end]
    return len(span) >= 2 and any(b.label_ == "PRODUCT" and b.end == span.end and b.start > span.start for b in inside)


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


def _designated(span: Span, products: Iterable[Span] = ()) -> bool:
    """Say whether a model designation comes right before a name in the singular ("the 787 Dreamliner", "the
    A380 Superjumbo", "Boeing 787 Dreamliner aircraft"): a count would take the plural ("60 Dreamliners").
    `products`: the article's products; a plain number is a designation after "the" or where it closes one of
    them ("the long-range 787 Dreamliner" after "the Boeing 787")."""
    doc = span.doc
    if not span.start or span[-1].tag_ == "NNPS" or span.text.endswith("s"):
        return False
    prev = doc[span.start - 1]
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev.text.isdigit() and (span.start < 2 or doc[span.start - 2].lower_ != "the") \
            and not any(p[-1].text == prev.text and len(p) >= 2 for p in products):
        return False  # a number is a designation after "the" ("the 787 X"), else a count or score ("his 121 RBI")
    return bool(_DESIGNATION.fullmatch(prev.text)) and not _YEAR.fullmatch(prev.text) \
        and not (nxt is not None and (nxt.like_num or nxt.is_alpha and nxt.is_lower and nxt.pos_ == "NOUN"))


def _version_of(span: Span) -> bool:
    """Say whether the text calls the name a version or model of something ("version of X"); not an edition ("the
    latest edition of France Football": a magazine)."""
    doc = span.doc
    i = span.start - (span.start > 0 and doc[span.start - 1].lower_ in ("its", "their"))  # "of its X"
    return i >= 2 and doc[i - 1].lower_ == "of" \
        and doc[i - 2].lower_ in ("version", "versions", "model", "models", "successor")


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
    """Say whether the text names the name's owners, users or drivers ("owners of the X", "X users"), or the sales
    of "the X" ("sales of the Malibu"; "sales of Boeing" are a firm's)."""
    doc = span.doc
    the = span.start > 0 and doc[span.start - 1].lower_ in ("the", "a", "an")
    i = span.start - the
    return i >= 2 and doc[i - 1].lower_ == "of" and (doc[i - 2].lower_ in _USERS or the and doc[i - 2].lower_
                                                     in _SOLD_OF)


def _the_thing(span: Span) -> bool:
    """Say whether a one-word name in the singular is written "the X" (or "its X") where only a made thing stands:
    the object of a verb of making, selling or using things ("build the Volt", "sells the Nook", "flew the
    Skyhopper"), after "sales of", "owners of" ("sales of the Focus", "drivers of the Prius"), also where a
    coordination shares that noun ("sales of the Camry and the Corolla"), or owning a made thing's part ("the Volt's
    battery"). A brand and its model (see _brand_and_model) only after such a noun or before a part ("sales of the
    Chevrolet Malibu and Jeep Wrangler"). A firm or a person takes no article there ("sales of Ford"); a place does
    ("fly the Atlantic"), and a known place is never a product."""
    doc = span.doc
    if not 1 <= len(span) <= 2 or not span.start or span[-1].tag_ == "NNPS":
        return False
    if doc[span.start - 1].lower_ in ("and", "or"):  # "sales of the Chevrolet Malibu and Jeep Wrangler"
        return _brand_and_model(span) and _after_things_of(doc, span.start - 1) and not _qualifies_noun(span)
    if doc[span.start - 1].lower_ not in ("the", "its", "their"):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text in ("'s", "\u2019s"):
        after = doc[span.end + 1] if span.end + 1 < len(doc) else None
        return after is not None and after.lower_ in _PARTS and after.pos_ == "NOUN" and _brand_and_model(span)
    if _qualifies_noun(span):
        return False  # the name qualifies a noun after it ("the Hummer brand", "the Obama administration")
    i = span.start - 1
    of = (_things_of(doc, i) or i >= 1 and doc[i - 1].lower_ in ("and", "or") and _after_things_of(doc, i - 1)) \
        and _brand_and_model(span)  # "sales of the Focus", "sales of the Camry and the Corolla"
    if len(span) == 2:
        return of
    sold = span.root.dep_ == "dobj" and verb_in(span.root.head, _MAKE_OR_SELL)  # "which sells the Nook"
    return of or sold or _made_public(span)


def _qualifies_noun(span: Span) -> bool:
    """Say whether a noun follows the name, which then qualifies it ("the Hummer brand", "the Obama
    administration")."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and (nxt.is_alpha and nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN") or nxt.is_title)


def _things_of(doc: Doc, det: int) -> bool:
    """Say whether the article at token `det` ("the") follows a made thing's noun and "of" ("sales of the")."""
    return det >= 2 and doc[det - 1].lower_ == "of" and doc[det - 2].lower_ in _THINGS_OF


def _after_things_of(doc: Doc, conj: int) -> bool:
    """Say whether the "and" or "or" at token `conj` closes a name of one or two words written after a made thing's
    noun ("sales of the Camry and ...", "owners of the Chevrolet Malibu or ...")."""
    j = conj - 1
    while j >= 0 and conj - j <= 2 and doc[j].is_title:
        j -= 1
    return j < conj - 1 and j >= 0 and doc[j].lower_ == "the" and _things_of(doc, j)


def _brand_and_model(span: Span) -> bool:
    """Say whether a name is one word, or two capitalized words of a brand and its model ("sales of the Chevrolet
    Malibu"): not a town's team ("owners of the Dallas Cowboys") nor a person ("fans of the John Prine")."""
    if len(span) == 1:
        return True
    first = span[0]
    return first.is_title and span[1].is_title and not cities.is_known_place(first.text) \
        and first.lower_ not in _given()


def _said_to_be_a_thing(span: Span) -> bool:
    """Say whether the text says the name is a made thing: the subject of "be" with a product noun heading what it
    is ("the Dreamliner is a long-range jet", "the X was the best-selling model"); of a name the layers read as a
    person's, not a noun people are called too ("Kate Moss is a model")."""
    root = span.root
    if root.dep_ != "nsubj" or not verb_in(root.head, _BE):
        return False
    nouns = _PRODUCT_NOUNS - _BEFORE_PEOPLE if span.label_ == "PERSON" else _PRODUCT_NOUNS - _USERS
    return any(c.dep_ == "attr" and c.pos_ == "NOUN" and c.lower_ in nouns for c in root.head.children)


def _named_thing(span: Span) -> bool:
    """Say whether a made thing is given the name: "the plane, named the Worldliner", "a jet dubbed the Skyhopper",
    "the aircraft has been named the Worldliner by its maker" (the name the complement of a verb of naming whose
    subject, object or noun is a product noun; people are named to posts, not called "the X")."""
    doc = span.doc
    root = span.root
    verb = root.head
    if root.dep_ not in ("oprd", "attr", "dobj") or not verb_in(verb, _NAMING) \
            or not span.start or doc[span.start - 1].lower_ != "the":
        return False
    nouns = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj", "dobj") and c.i != root.i]
    if verb.dep_ == "acl":
        nouns.append(verb.head)
    elif verb.dep_ == "conj" and not nouns:  # "the aircraft can fly ... and has been named the X"
        nouns = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(n.lower_ in _PRODUCT_NOUNS - _BEFORE_PEOPLE for n in nouns)


def _indefinite(span: Span) -> bool:
    """Say whether the name takes an indefinite article and heads its noun phrase ("an iPhone", "a Kindle"): a
    firm or a place rarely does ("a Boeing spokesman" is the firm qualifying a noun); a nationality does ("a
    Briton"), so not one the base model calls so."""
    doc = span.doc
    if span.label_ == "NORP" or not span.start:
        return False
    if doc[span.start - 1].lower_ not in ("a", "an"):
        # "a hybrid Escape", "a new Volt": the article and adjectives before a name that heads its phrase
        root = span.root
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children) \
                or any(t.pos_ not in ("ADJ", "NOUN", "DET") or t.pos_ == "NOUN" and not t.is_lower
                       for t in doc[root.left_edge.i:span.start]):
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
    return tok.dep_ in ("dobj", "nsubjpass") and verb_in(tok.head, _PRODUCT_VERBS)


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


def _acts(span: Span, speech: bool = True) -> bool:
    """Say whether the name is the subject of a verb of saying, making or trading ("X said", "X introduced the
    MD-95", "X merged with Boeing"): firms do so, the things they make do not."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    objects = any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in verb.children)
    if verb_in(verb, _TRANSITIVE) and not objects:
        return False  # "the Wrangler sold well": a made thing sells, a firm sells something
    # a verb of saying with what is said ("X said it would"); "cut" is one too, but a drug cuts stays
    return verb_in(verb, _FIRM_VERBS) or speech and verb_in(verb, _SPEECH) \
        and any(c.dep_ == "ccomp" for c in verb.children)


def _has_people(span: Span) -> bool:
    """Say whether the text gives the name executives or a spokesman ("X's chief executive", "an X spokesman")."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text in ("'s", "\u2019s", "'"):
        i += 1
    return i < len(doc) and (doc[i].lower_ in _SPOKESPEOPLE or doc[i].lower_ in ("chief", "ceo", "executive",
                                                                                 "executives", "president",
                                                                                 "chairman", "employees", "workers"))


"""Temporal expressions of an article, found by newskit's own rules and resolved to TimeML TIMEX3 values.

`find(text)` lists the expressions a text holds (pure, no spaCy); `extract_dates(doc, anchor)` adds what only a
parse knows: the tense that decides whether "Friday" is last or next Friday, and the order of mentions that decides
what "that week" or "a day earlier" refer to.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import TYPE_CHECKING, cast

from newskit import lexicon
from newskit.dates import timex
from newskit.dates.anchor import FUTURE, PAST, PRESENT, Context

# Imported for their side effect: each module registers its rules with `rule`, in this order, which breaks ties
# between equally long matches at one place.
# isort: off
from newskit.dates.rules import RULES, calendar, clock, named_days, periods, reports, durations, sets  # noqa: F401
# isort: on
from newskit.doctext import doc_text
from newskit.record import Article, DateMention, DateType

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

    from spacy.tokens import Doc, Span, Token

    from newskit.record import Span as TextSpan

_COMPILED = [(r.name, re.compile(r"(?<![\w'])(?:" + r.pattern + ")", re.IGNORECASE), r.handler) for r in RULES]
# Reference-point rules need a previous date; while choosing spans they are tried against the anchor itself.
_WINDOW = 40
# Every match of a rule holds one of its trigger words and starts at most _BEFORE characters before it, so each
# rule only runs around its triggers. Rules with the same triggers share their windows (a key per trigger set).
_KEYS = [(r.triggers, r.digits) for r in RULES]
_TRIGGER_WORDS = {w: tuple({k for k in _KEYS if w in k[0]})
                  for w in frozenset().union(*(r.triggers for r in RULES))}
_DIGIT_KEYS = tuple({k for k in _KEYS if k[1]})
_WORD = re.compile(r"[A-Za-z]+|\d+")
_BEFORE, _AFTER = 50, 70
# "a year earlier" and "the year-ago quarter" compare with the period under discussion; they do not replace it.
_COMPARATIVE = re.compile(r"earlier|ago|before|later|after|previous|prior|year-|comparable|corresponding", re.I)
_FUTURE_AUX = lexicon.words("dates/future_auxiliaries")
_MODALS = lexicon.words("dates/modals")
# Word forms, not lemmas: the "dates" pipeline runs without the lemmatizer.
_FUTURE_VERBS = re.compile(r"(?:expect|plan|schedul|slat|intend|aim|hop|prepar|propos)(?:e|es|ed|s|ing|ning|ned)?"
                           r"|due|set", re.I)


_DETERMINER = re.compile(r"(?:the|a|an|its|their|his|her)\s+$", re.I)


def _start(name: str, m: re.Match[str]) -> int:
    """Return where a match's expression starts: a duration or quarter used as a compound adjective ("a 24-hour
    strike", "its third-quarter loss", "a five year plan") leaves its determiner out, as TimeML spans do."""
    if name == "duration" and m.group("num") and not m.group("mod") and not m.group("approx"):
        sep = m.string[m.end("num"):m.start("unit")]
        plural = m.group("unit").lower().endswith(("s", "ia"))
        if (sep.endswith("-") or (not plural and m.group("num").lower() not in ("a", "an", "one"))) \
                and _DETERMINER.fullmatch(m.string, m.start(), m.start("num")):
            return m.start("num")
    if name == "quarter" and m.group("mods") and m.string[m.start("unit") - 1] == "-":
        head = m.string[m.start():m.start("mods")]
        if _DETERMINER.fullmatch(head):
            return m.start("mods")
    return m.start()


@dataclass(frozen=True)
class Found:
    """A candidate expression: its span and the rule that matched it."""

    start: int
    end: int
    rule: str
    match: re.Match[str]


def _windows(text: str) -> dict[tuple[frozenset[str], bool], list[tuple[int, int]]]:
    """Return, for each trigger key, the merged stretches of `text` around its trigger words."""
    out: dict[tuple[frozenset[str], bool], list[list[int]]] = {}
    size = len(text)
    for m in _WORD.finditer(text):
        word = m.group()
        keys = _DIGIT_KEYS if word[0].isdigit() else _TRIGGER_WORDS.get(word.lower())
        if not keys:
            continue
        lo, hi = max(0, m.start() - _BEFORE), min(size, m.end() + _AFTER)
        for key in keys:
            spans = out.setdefault(key, [])
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = hi
            else:
                spans.append([lo, hi])
    return {k: [(lo, hi) for lo, hi in v] for k, v in out.items()}


def _context(text: str, start: int, end: int, anchor: date | None, tense: str | None, ref: str | None,
             present: bool = False,
             recent: dict[str, str] | None = None) -> Context:
    return Context(anchor=anchor, tense=tense, ref=ref, before=text[max(0, start - _WINDOW):start],
                   after=text[end:end + _WINDOW], present=present, recent=dict(recent or {}))


def find(text: str, anchor: date | str | None = None) -> list[Found]:
    """Return the non-overlapping expressions of `text`, longest first when rules compete, sorted by start."""
    day = timex.as_date(anchor)
    probe_anchor = day or date(2000, 1, 3)
    cands = []
    windows = _windows(text)
    for (name, rx, _fn), key in zip(_COMPILED, _KEYS, strict=True):
        for lo, hi in windows.get(key, ()):
            for m in rx.finditer(text, lo, hi):
                if m.end() > m.start():
                    cands.append(Found(_start(name, m), m.end(), name, m))
    cands.sort(key=lambda c: (c.start - c.end, c.start))
    # One mark per character taken: a candidate overlaps a longer expression already taken exactly when its own
    # stretch holds a mark (a look at its few characters, not at every span taken).
    marks = bytearray(len(text))
    taken: list[Found] = []
    for c in cands:
        if marks.find(1, c.start, c.end) >= 0:
            continue
        ctx = _context(text, c.start, c.end, probe_anchor, None, timex.day(probe_anchor))
        if _apply(c, ctx) is None:
            continue
        marks[c.start:c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _apply(found: Found, ctx: Context) -> tuple[str, str | None] | None:
    fn = next(f for n, _, f in _COMPILED if n == found.rule)
    try:
        return fn(found.match, ctx)
    except (ValueError, KeyError, OverflowError, TypeError, AttributeError):
        return None


def _is_reference(value: str) -> bool:
    return timex.granularity(value) is not None


def resolve_all(text: str, anchor: date | str | None = None, tenses: Mapping[tuple[int, int], str | None] | None = None,
                found: list[Found] | None = None, present: Collection[tuple[int, int]] | None = None,
                ) -> list[DateMention]:
    """Return the resolved mentions of `text`; `tenses` maps a span (start, end) to PAST/PRESENT/FUTURE and
    `present` holds the spans that hang from a finite present verb ("is on September 5")."""
    day = timex.as_date(anchor)
    out: list[DateMention] = []
    ref: str | None = None
    recent: dict[str, str] = {}
    for f in (found if found is not None else find(text, day)):
        tense = (tenses or {}).get((f.start, f.end))
        ctx = _context(text, f.start, f.end, day, tense, ref, (f.start, f.end) in (present or ()),
                       recent)
        res = _apply(f, ctx)
        if res is None:
            continue
        typ, value = res
        if not value or not timex.is_valid(value):
            continue
        out.append(DateMention(f.start, f.end, text[f.start:f.end], cast(DateType, typ), value,
                               anchored=not (day is None and ctx.used_anchor)))
        if typ in ("DATE", "TIME") and _is_reference(value) and not _COMPARATIVE.search(f.match.group(0)):
            ref = value
            gran = timex.granularity(value)
            if gran:
                recent[gran] = value
    return out


def resolve(text: str, anchor: date | str | None = None, tense: str | None = None,
            ref: str | None = None) -> tuple[str, str | None] | None:
    """Return (type, value) of one temporal expression, or None when no rule reads it."""
    day = timex.as_date(anchor)
    found = find(text, day)
    if not found:
        return None
    best = max(found, key=lambda f: f.end - f.start)
    return _apply(best, _context(text, best.start, best.end, day, tense, ref))


_STATIVE = lexicon.words("dates/stative_verbs")


_COMPLEMENT = ("ccomp", "parataxis")


def _own_clause(verb: Token, span: Span) -> Token:
    """Return the verb whose clause `span` belongs to. The parser often hangs a date placed between a reporting verb
    and its that-less complement from the complement's verb ("said on Monday he would go"); a complement clause
    cannot reach back before its own subject, so such a date modifies the reporting verb and takes its tense."""
    head = verb.head
    if verb.dep_ not in _COMPLEMENT or head is verb or head.pos_ not in ("VERB", "AUX") \
            or not head.i < span.start < verb.i:
        return verb
    if any(c.dep_ == "mark" or c.lower_ == "that" for c in verb.children if c.i < span.start):
        return verb  # "said that on Monday he would go": the date sits inside the complement
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if subjects and all(s.i >= span.end for s in subjects) \
            and not any(t.is_punct and t.text != "," or t.lower_ == "that" for t in span.doc[head.i + 1:span.start]):
        return head
    return verb


_NONFINITE_DEPS = {"advcl", "xcomp", "pcomp", "acl", "conj"}


def _governing_verb(tok: Token) -> Token | None:
    """Return the nearest verb above a participle (through a preposition or noun), or None."""
    up = tok.head
    for _ in range(3):
        if up is tok or up.head is up and up.pos_ not in ("VERB", "AUX"):
            return None
        if up.pos_ in ("VERB", "AUX"):
            return up
        tok, up = up, up.head
    return None


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


# Complexity kept: a decision list over the verb group's forms.
def _tense_of(doc: Doc, start: int, end: int) -> str | None:  # noqa: C901, PLR0912
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    # A deadline moved "until Tuesday" lies ahead even when the verb is past; a stay "until Friday" ended then.
    deadline = tok.head.lower_ in ("until", "till") and tok.head is not tok
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head is tok:
            return None
        tok = tok.head
    else:
        return None
    tok = _own_clause(tok, span)
    for _ in range(3):
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if "had" in words:
            return PAST
        if deadline and tok.lower_ not in _STATIVE:
            return FUTURE
        if words & _FUTURE_AUX or (_FUTURE_VERBS.fullmatch(tok.text) and (
                tok.tag_ in ("VB", "VBZ", "VBP", "VBG") or words & {"is", "are", "'s", "'re", "be", "has"}
                or (tok.tag_ == "VBD" and tok.lower_ not in ("set", "due")))):
            return FUTURE
        if words & _MODALS:
            # "may close by March", "can win Tuesday": a possibility lies ahead; "might have won" is past
            return PAST if "have" in words else FUTURE
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or words & {"has", "have", "'ve"}:
            return PAST
        if tok.tag_ == "VBN" and not auxes and tok.dep_ == "acl":
            return PAST  # "the decision, announced Wednesday": a reduced passive tells what was done
        if tok.tag_ == "VBG" and not auxes and tok.dep_ in _NONFINITE_DEPS:
            up = _governing_verb(tok)
            if up is not None:
                tok = up  # "before announcing her run in April", "clips dating back to June": no tense of its own
                continue
        if tok.tag_ == "VB" and "to" in words and tok.dep_ in ("xcomp", "ccomp", "advcl") and tok.head is not tok:
            tok = tok.head  # "plans to visit", "agreed to meet": the governing verb decides
            if "had" in _aux_words(tok) or tok.pos_ == "ADJ" and "had" in _aux_words(tok.head):
                return PAST  # "had been scheduled to expire Friday", "had been due to": a plan overtaken since
            if _FUTURE_VERBS.fullmatch(tok.text) or tok.lower_ in ("is", "are", "'s"):
                return FUTURE  # "is to resume trading Tuesday"
            continue
        return PRESENT
    return None


def _states_now(doc: Doc, start: int, end: int) -> bool:
    """Return True when the expression hangs, directly or through a preposition, from a finite present verb
    ("the meeting is on September 5", "the show opens in May"); participles and far attachments do not count."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root.head
    if tok is span.root:
        return False
    if tok.pos_ == "ADP" and tok.head is not tok:
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        return all(a.tag_ in ("VBZ", "VBP", "VBG") for a in auxes) and any(a.tag_ in ("VBZ", "VBP") for a in auxes) \
            and tok.tag_ in ("VBG", "VBN")  # "is held", "is being held", "are meeting"
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.tag_ in ("VBP", "VB") and any(c.tag_ == "NN" for c in subjects):
        return False  # "weakness hurt the index on Friday": a singular noun's present would be "hurts", so a past
    # A base form with a subject of its own is a present verb the tagger took for an infinitive ("Manchester United
    # take on Everton on Saturday").
    return tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VB" and bool(subjects))


def _verb_mistagged(doc: Doc, start: int, end: int) -> bool:
    """Return True when the expression's sentence has no verb in the parse but a bare lowercase word between two
    names before it: "Chelsea host Aston Villa on Saturday", "Arsenal face Spurs on Sunday" (the tagger takes the
    verb of a sports or results preview for a noun). That word is a present verb with a plural subject."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = span.sent
    if any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    return any(t.is_lower and t.is_alpha and t.pos_ == "NOUN" and not t.text.endswith("s") and t.i > sent.start
               and t.i + 1 < span.start and doc[t.i - 1].text[:1].isupper() and doc[t.i + 1].pos_ in ("PROPN", "DET")
               for t in doc[sent.start:span.start])


def _outside(found: list[Found], spans: Iterable[TextSpan]) -> list[Found]:
    """Return the expressions that start outside every one of `spans` (objects with start and end)."""
    bounds = sorted((s.start, s.end) for s in spans)
    if not bounds:
        return found
    starts = [a for a, _ in bounds]
    reach = list(accumulate((b for _, b in bounds), max))  # the furthest end of the spans starting up to here
    out: list[Found] = []
    for f in found:
        i = bisect_right(starts, f.start) - 1
        if i < 0 or f.start >= reach[i]:
            out.append(f)
    return out


def extract_dates(doc: Doc, anchor: date | str | None = None, article: Article | None = None) -> list[DateMention]:
    """Return the temporal expressions of `doc` as DateMention objects, resolved against `anchor`. Given the
    `article`, dates in its page furniture (a copyright line, related-story headlines) are left out: they date
    other pages, and would otherwise become the reference point of the article's next relative date."""
    text = doc_text(doc)
    found = find(text, anchor)
    if article is not None:
        found = _outside(found, article.boilerplate)
    tenses: dict[tuple[int, int], str | None] = {(f.start, f.end): _tense_of(doc, f.start, f.end) for f in found}
    present = {(f.start, f.end) for f in found if tenses[(f.start, f.end)] == PRESENT
               and _states_now(doc, f.start, f.end)}
    for f in found:
        if tenses[(f.start, f.end)] is None and _verb_mistagged(doc, f.start, f.end):
            tenses[(f.start, f.end)] = PRESENT
            present.add((f.start, f.end))
    return resolve_all(text, anchor, tenses, found, present)

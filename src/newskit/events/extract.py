"""Events: what the article reports happened or will happen — type, predicate, who, whom, where, when and status.

A predicate (a content verb, or an event noun) is an event when the lexicon types it (triggers.py) or when a named
person, organization or place takes part in it (participants.py). Light verbs give way to their event noun ("held
talks": the talks), and a reporting frame ("KCNA said Putin will visit") gives the reported event a `reported_by`
as well as being a statement itself. Mentions of one happening are grouped by type, participants and time
(grouping.py), never by the word alone.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newskit.dates import timex
from newskit.doctext import doc_text
from newskit.entities import cities, places
from newskit.events.grouping import merge
from newskit.events.participants import Participants
from newskit.events.status import REPORT, event_status
from newskit.events.timeline import timeline
from newskit.events.triggers import LIGHT, TYPES, is_predicate, phrasal_type, predicate_lemma, trigger_type
from newskit.events.when import WhenFinder
from newskit.quotes.cues import COGNITION_VERBS, lemma
from newskit.record import Article, DateMention, Entity, Event, EventStatus, EventType, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["TYPES", "Event", "extract_events", "timeline"]
# Types worth reporting even when no named participant is found: "an earthquake", "the transfer of technologies".
_NEWSWORTHY_ALONE = {"war", "attack", "military_exercise", "arms_transfer", "test", "launch", "disaster", "protest",
                     "visit", "meeting", "agreement", "election"}

_FRAMES = REPORT | COGNITION_VERBS
_FURNITURE = {"boilerplate", "byline", "credit", "publisher", "date", "updated", "section", "header", "image"}


def _light_verb_of_event(tok: Token) -> bool:
    """A light verb whose object is an event noun ("held talks", "made a purchase") is not an event of its own."""
    if lemma(tok) == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children):
        return True  # "which took place in September" tells when the noun's event happened
    if lemma(tok) not in LIGHT:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and is_predicate(c) for c in tok.children)


def _unreal_frame(tok: Token) -> bool:
    """ "is believed", "is expected": a passive of saying or thinking with no one doing it is a frame, not an event."""
    if lemma(tok) not in _FRAMES:
        return False
    return any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)


class _Builder:
    def __init__(self, doc: Doc, entities: Sequence[Entity], dates: Sequence[DateMention], published: str | None,
                 article: Article | None = None) -> None:
        # Page furniture (related-story links, sign-offs, bylines, credits) tells of no event of this article.
        self.furniture = sorted((ln.start, ln.end) for ln in (article.layout if article is not None else ())
                                if ln.field in _FURNITURE)
        self.doc = doc
        self.text = doc_text(doc)
        self.participants = Participants(doc, entities)
        self.when = WhenFinder(doc, dates, published)
        self.published = published
        self.regions = _regions(entities)

    def _furniture(self, char: int) -> bool:
        i = bisect.bisect_right(self.furniture, (char, len(self.text) + 1)) - 1
        return i >= 0 and self.furniture[i][0] <= char < self.furniture[i][1]

    def _sentence(self, tok: Token) -> Span:
        text, sent = self.text, tok.sent
        s, e = sent.start_char, sent.end_char
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        return Span(s, e, text[s:e])

    def _candidates(self) -> Iterator[tuple[Token, EventType | None]]:
        for tok in self.doc:
            if tok.is_space or tok.is_punct or self._furniture(tok.idx):
                continue
            typ = phrasal_type(tok) or trigger_type(tok)
            if typ is None and not is_predicate(tok):
                continue
            if tok.pos_ in ("VERB", "AUX") and (_light_verb_of_event(tok) or _unreal_frame(tok)):
                continue
            yield tok, typ

    def build(self) -> list[Event]:
        found = list(self._candidates())
        triggers = {tok.i for tok, _ in found}
        events: list[Event] = []
        for tok, typ in found:
            roles = self.participants.roles(tok, typ or "other")
            if typ == "statement" and not roles.named:
                continue  # a statement needs someone making it
            if typ is not None and not roles.named and typ not in _NEWSWORTHY_ALONE:
                continue  # "the announcement", "sales", "earned": nobody involved, nothing to report
            status, reporter = event_status(tok)
            reported_by = self.participants.entity(reporter) if reporter is not None else None
            refers_back = reported_by is not None and (roles.speaker or reported_by in roles.who + roles.whom)
            if typ is None and not (roles.by_name or refers_back):
                # An untyped predicate needs a participant named in its clause, or one that refers back to who
                # reports it ("Boeing said it would cut jobs"): a lone "it" or "we" is too often nobody.
                continue
            who = roles.who
            if not who and roles.speaker_alone and reported_by:
                who = (reported_by,)  # '"I will sue," said Kowalski': the speaker acts ('"We showed…"': a group)
            saying = typ == "statement" or lemma(tok) in REPORT and any(c.dep_ == "ccomp" for c in tok.children)
            when = self.when.find(tok, triggers, status, saying)
            if status == "happened" and when and self.published and when.source != "published" \
                    and not _told_in_past(tok):
                status = _future_dated(when.value, self.published) or status
            end = tok.idx + len(tok.text)
            trig = Span(tok.idx, end, self.text[tok.idx:end])
            mentions: tuple[Span, ...] = (trig,)
            light = tok.head
            if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and _light_verb_of_event(light):
                # "held talks": the light verb is part of how the event is said
                lspan = Span(light.idx, light.idx + len(light.text), light.text)
                mentions = (lspan, trig) if light.i < tok.i else (trig, lspan)
            events.append(Event(typ or "other", trig, self._sentence(tok), status, who=who, where=roles.where,
                                when=when, mentions=mentions, predicate=predicate_lemma(tok), whom=roles.whom,
                                what=roles.what, reported_by=reported_by))
        return merge(events, self.regions)


def _regions(entities: Sequence[Entity]) -> dict[str, tuple[str, str]]:
    """Map each place entity's id to ("is", ISO3) for a country or ("in", ISO3) for a large city in one."""
    out: dict[str, tuple[str, str]] = {}
    for e in entities:
        if e.type != "place":
            continue
        code = places.country_code(e.name)
        if code:
            out[e.id] = ("is", code)
        elif cities.is_large_city(e.name) and (inside := cities.city_country(e.name)):
            out[e.id] = ("in", inside)
    return out


def _told_in_past(tok: Token) -> bool:
    """Whether the event's verb is in the past tense ("struck", "had signed"): a date after the publication day
    then is a misread date, not a plan."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _future_dated(value: str, published: str) -> EventStatus | None:
    """Return "planned" when the event's date starts after the publication date ("the launch in March")."""
    ev, pub = timex.period(value), timex.period(published)
    return "planned" if ev and pub and ev[0] > pub[1] else None


def extract_events(doc: Doc, entities: Sequence[Entity] | None, dates: Sequence[DateMention] | None, *,
                   published: str | None = None, article: Article | None = None) -> list[Event]:
    """Return the events `doc` reports, in text order, with participants, place, date and status; with the
    parsed `article`, none from its page furniture."""
    return _Builder(doc, entities or [], dates or [], published, article).build()

"""Resolve the mention that attributes a quote ("Peskov", "he", "the spokesman", "the KCNA") to an entity id."""
from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.quotes.cues import PRONOUNS_GROUP, PRONOUNS_PERSON, SPOKESPERSON_NOUNS, lemma
from newskit.record import ENTITY_TYPES, LABEL_TYPES, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_FEMALE = {"she", "her", "hers", "herself"}
_MALE = {"he", "him", "his", "himself"}
_SPEAKER_TYPES = {k.name for k in ENTITY_TYPES if k.can_speak}
_ORG_NOUNS = lexicon.words("event_org_nouns")  # "the company", "the carmaker": the organization named last
_HONORIFIC = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


class SpeakerResolver:
    """Map speaker mentions to entities: by overlap, alias, acronym, title, or a pronoun's nearest antecedent."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.doc = doc
        self.entities = {e.id: e for e in entities}
        self.mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        self.starts = [m[0] for m in self.mentions]
        self.gender: dict[str, str] = {}
        for s, _e, eid in self.mentions:
            tok = self._token_before(s)
            if tok is not None and tok.lower_ in _HONORIFIC:
                self.gender.setdefault(eid, _HONORIFIC[tok.lower_])
        self.speakers: list[tuple[int, str]] = []  # (char offset, entity id) of resolved speakers so far
        self._titles_near: dict[str, list[tuple[int, frozenset[str]]]] = {}

    def _token_before(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        return self.doc[span.start - 1]

    def _type(self, eid: str) -> str:
        e = self.entities[eid]
        if e.type in _SPEAKER_TYPES:
            return e.type
        # a nation speaks through its government: "the Russians said" is a place's statement
        kind = "place" if e.label == "NORP" else LABEL_TYPES.get(e.label)
        return kind if kind in _SPEAKER_TYPES else e.type

    def overlapping(self, start: int, end: int) -> str | None:
        """Return the entity with a mention overlapping [start, end), preferring the longest mention."""
        i = bisect.bisect_left(self.starts, end)
        best = None
        for s, e, eid in self.mentions[max(0, i - 50):i]:
            if s < end and start < e and (best is None or e - s > best[1] - best[0]):
                best = (s, e, eid)
        return best[2] if best else None

    def by_name(self, text: str) -> str | None:
        """Return the entity whose name, alias, last name or acronym is `text`."""
        t = text.strip().lower()
        if not t:
            return None
        for e in self.entities.values():
            names = [e.name, *e.aliases]
            if any(n.lower() == t for n in names):
                return e.id
        for e in self.entities.values():
            if self._type(e.id) == "person" and e.name.lower().split()[-1:] == [t]:
                return e.id
            if self._type(e.id) == "organization" and len(t) >= 2 and text.isupper() and _acronym(e.name) == text:
                return e.id
        return None

    def _previous_persons(self, before: int, window: int) -> Iterator[tuple[int, str, bool]]:
        """Yield (offset, entity id, is_subject) of person mentions before `before`, nearest first."""
        i = bisect.bisect_left(self.starts, before)
        for s, e, eid in reversed(self.mentions[:i]):
            if before - s > window:
                break
            span = self.doc.char_span(s, e, alignment_mode="expand")
            subj = span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
            yield s, eid, subj

    def _gender_ok(self, eid: str, pronoun: str) -> bool:
        g = self.gender.get(eid)
        want = "f" if pronoun in _FEMALE else "m" if pronoun in _MALE else None
        return g is None or want is None or g == want

    def pronoun(self, pron: str, at: int) -> str | None:
        """Resolve a subject pronoun at char `at` to the most salient preceding entity, or None if unclear."""
        pron = pron.lower()
        want = "person" if pron in PRONOUNS_PERSON else "organization" if pron in PRONOUNS_GROUP else None
        if want is None:
            return None
        cands = [(s, eid, subj) for s, eid, subj in self._previous_persons(at, 1500)
                 if (self._type(eid) == want or (want == "organization" and pron == "it"
                                                 and self._type(eid) == "place"))
                 and self._gender_ok(eid, pron)]
        if not cands:
            return None
        # The last speaker wins if they are recent: news keeps quoting the same person with "he said".
        recent = [eid for s, eid in self.speakers if 0 < at - s < 800 and eid in {c[1] for c in cands}]
        subjects = [c for c in cands if c[2]]
        choice = subjects[0][1] if subjects and at - subjects[0][0] < 400 else (recent[-1] if recent
                                                                              else cands[0][1])
        if pron in _MALE | _FEMALE:
            self.gender.setdefault(choice, "f" if pron in _FEMALE else "m")
        return choice

    def nominal(self, head: Token, at: int) -> str | None:
        """Resolve "the spokesman" / "the agency" to a preceding entity with that title or name word."""
        word = lemma(head)
        best = None
        for e in self.entities.values():
            # a title's head word only: "Council leader Sandra Okoye" is a leader, not the council
            hit = any(t.lower().split()[-1:] == [word] for t in e.titles) or (
                self._type(e.id) == "organization" and word in e.name.lower().split())
            if not hit:
                # A title written next to a mention: "Kremlin spokesperson Dmitry Peskov".
                hit = any(start < at and word in words for start, words in self._titled(e))
            if hit:
                first = min((m.start for m in e.mentions if m.start < at), default=None)
                if first is not None and (best is None or first > best[0]):
                    best = (first, e.id)
        return best[1] if best else None

    def _titled(self, e: Entity) -> list[tuple[int, frozenset[str]]]:
        """Return, per mention of `e`, its start and the words written beside it as a title: the word before it
        and its apposition's words (read once per entity: every nominal speaker of the article asks)."""
        found = self._titles_near.get(e.id)
        if found is None:
            found = []
            for m in e.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                near = self.doc[max(0, span.start - 1):span.start]
                app = [t for t in span.root.children if t.dep_ == "appos"]
                words = [lemma(t) for t in near] + [lemma(t) for a in app for t in a.subtree]
                found.append((m.start, frozenset(words)))
            self._titles_near[e.id] = found
        return found

    def kind_at(self, tok: Token) -> str | None:
        """Return the speaker type (person, organization, place) of the entity `tok` is a mention of, or None."""
        eid = self.overlapping(tok.idx, tok.idx + len(tok.text))
        return self._type(eid) if eid else None

    def _role_noun(self, head: Token) -> str | None:
        """Resolve "the carmaker" to the organization named last, "his office" to whom "his" is."""
        kids = {c.dep_: c for c in head.children}
        poss = kids.get("poss")
        if poss is not None and poss.pos_ == "PRON" and lemma(head) in SPOKESPERSON_NOUNS:
            return self.pronoun({"his": "he", "her": "she", "their": "they", "its": "it"}.get(poss.lower_, ""),
                                poss.idx)
        det = kids.get("det")
        if det is None or det.lower_ != "the" or lemma(head) not in _ORG_NOUNS:
            return None
        last = None
        for s, _e, eid in self.mentions:
            if s >= head.idx:
                break
            if self._type(eid) == "organization":
                last = eid
        return last

    def resolve(self, span: Span) -> str | None:
        """Return the entity id the speaker `span` (a spaCy Span) refers to, or None."""
        head = span.root
        eid = self.overlapping(head.idx, head.idx + len(head.text))
        if eid is None:
            # A common noun is not the name that modifies it ("the Chelsea manager" is not Chelsea), but it is the
            # name set beside it ("the state agency Korea Central News Agency").
            start = head.idx + len(head.text) if head.pos_ == "NOUN" else span.start_char
            eid = self.overlapping(start, span.end_char) if start < span.end_char else None
        if eid is None and head.pos_ == "PROPN":
            eid = self.by_name(head.text) or self.by_name(span.text)
        if eid is not None and head.text.isupper() and len(head.text) >= 2:
            # "the KCNA" found alone: prefer the spelled-out organization when it is in the list too.
            full = next((e.id for e in self.entities.values() if e.id != eid and _acronym(e.name) == head.text
                         and len(e.name) > len(head.text)), None)
            eid = full or eid
        if eid is None and head.pos_ == "PRON":
            eid = self.pronoun(head.lower_, head.idx)
        if eid is None and head.pos_ == "NOUN":
            eid = self._role_noun(head) or self.nominal(head, head.idx)
        if eid is not None:
            self.speakers.append((span.start_char, eid))
        return eid

"""When an event happened: the date found for it, and the rule that found it (`when.source`).

Rules, tried in order:
- "clause": a time expression in the event's own clause ("talks on Friday", "the trip in July 2023"), nearest
  in the dependency tree, never one that belongs to another event below it;
- "sentence": a time expression governing the clause from above ("On Sunday the agency said Putin had accepted"),
  unless a reporting verb stands between and the event is planned (the date of the saying is not the visit's);
- "published": the article's date for what the article reports in the present or present perfect, and for its
  statements ("Boeing says", "Airbus has confirmed", "said Angers"): news tells these on the day it appears.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from newskit.events.status import REPORT, ancestors
from newskit.quotes.cues import lemma
from newskit.record import DateMention, When, WhenSource

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLAUSE_EDGES = ("advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "pcomp")
_PRESENT = {"VBZ", "VBP"}


class WhenFinder:
    """Find the date of event predicates in one Doc from its resolved date mentions."""

    def __init__(self, doc: Doc, dates: Iterable[DateMention] | None, published: str | None):
        self.published = published
        self.dates: list[tuple[DateMention, Token, int]] = []
        for d in dates or []:
            if d.type not in ("DATE", "TIME") or not d.value or d.value.startswith(("P", "XXXX")):
                continue
            sp = doc.char_span(d.start, d.end, alignment_mode="expand")
            if sp is not None:
                self.dates.append((d, sp.root, sp.sent.start))

    def find(self, tok: Token, triggers: Collection[int], status: str, statement: bool) -> When | None:
        """Return the date of the event `tok` names, with the rule that found it, or None."""
        sent_start = tok.sent.start
        local = [(d, root) for d, root, s in self.dates if s == sent_start]
        if local:
            found = self._in_tree(tok, local, triggers, status)
            if found is not None:
                d, source = found
                return When(d.start, d.end, d.text, value=d.value, source=source)
        if self.published and status in ("happened", "reported") and (statement or _present(tok)):
            return When(None, None, None, value=self.published, source="published")
        return None

    def _in_tree(self, tok: Token, local: list[tuple[DateMention, Token]], triggers: Collection[int],
                 status: str) -> tuple[DateMention, WhenSource] | None:
        # Climb from the trigger; past its own clause the date found is the governing clause's ("sentence").
        up, own_clause = [tok], 1
        clause_open = True
        for a in ancestors(tok):
            last = up[-1]
            if last is not tok and last.dep_ in ("advcl", "relcl", "acl") and last.pos_ in ("VERB", "AUX"):
                break  # the date of "said on Sunday" is not the date of the trip the saying mentions
            if last.dep_ in ("ccomp", "xcomp") and lemma(a) in REPORT and status == "planned":
                break
            if clause_open and last.pos_ in ("VERB", "AUX") and last.dep_ in _CLAUSE_EDGES:
                clause_open = False
            up.append(a)
            if clause_open:
                own_clause = len(up)
        best: tuple[tuple[int, int, int], DateMention, WhenSource] | None = None
        for d, dt in local:
            down = [dt] + ancestors(dt)
            common = next((a for a in up if a in down), None)
            if common is None:
                continue
            path_down = down[:down.index(common)]
            if any(t.i in triggers and t.i != tok.i for t in path_down):
                continue  # a date under another event's trigger belongs to that event
            k = up.index(common)
            key = (k, down.index(common), abs(dt.i - tok.i))
            if best is None or key < best[0]:
                best = (key, d, "clause" if k < own_clause else "sentence")
        return None if best is None else (best[1], best[2])


def _present(tok: Token) -> bool:
    """Whether the event is told in the present or present perfect ("wins", "has won", "is exercising")."""
    verb = tok
    if tok.pos_ == "NOUN":
        if tok.head.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            return False
        verb = tok.head
    if verb.tag_ in _PRESENT and verb.dep_ in ("ROOT", "ccomp", "conj", "relcl"):
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ in _PRESENT and lemma(a) in ("have", "be") for a in auxes) and verb.tag_ in ("VBN", "VBG") \
        and not any(a.lower_ in ("will", "to") for a in auxes)

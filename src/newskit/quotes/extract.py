"""Quotations: direct (in quotation marks) and indirect ("Peskov said the president was invited"), with cue and speaker.

Quotation marks are found on the raw characters (newskit.quotemarks); the dependency parse then links each
quotation to the verb of saying that governs it or stands next to it, and that verb's subject is the speaker,
resolved to an entity by newskit.speakers.
"""
from __future__ import annotations

import re
from collections.abc import Container, Sequence
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.doctext import doc_text
from newskit.quotes.attribution import FIRST_PERSON, cue_chars, is_cue, np_span, speaker_token
from newskit.quotes.cues import NAMING_VERBS, lemma
from newskit.quotes.marks import RawQuote, find_quote_marks
from newskit.quotes.reported import Candidate, candidate, is_cue_candidate, probability, threshold
from newskit.quotes.speakers import SpeakerResolver
from newskit.record import Entity, Quote, QuoteKind, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DASH = re.compile(r"[ \t\u00a0]*([\u2015\u2014\u2013]|--?)[ \t\u00a0]*([A-Z][^\n,.;()]{1,60}?)[ \t\u00a0.]*(?:\n|$)")


# A transcript's speaker label opening a quoted paragraph: "WALLACE: Let's start…", "SEN. MARSH: No."
_LABEL = re.compile(r"[\"\u201c\u2018']?([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3}):[ \t]")
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_COPULAS = {"be", "seem", "become", "remain", "look", "sound", "appear"}
_WORK_NOUNS = lexicon.words("work_nouns")


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _tokens(doc: Doc, start: int, end: int) -> range:
    sp = doc.char_span(start, end, alignment_mode="expand")
    return range(sp.start, sp.end) if sp is not None else range(0)


def _label(text: str, pos: int) -> re.Match[str] | None:
    m = _LABEL.match(text, pos)
    return m if m and len(m.group(1).replace(".", "")) >= 3 else None


def _split_turns(text: str, raw: list[RawQuote]) -> list[RawQuote]:
    """Split a quotation running over several paragraphs at each paragraph opening with a speaker's label: in a
    transcript every turn is its own quote ("WALLACE: …" then "PENCE: …")."""
    out = []
    for q in raw:
        turn: list[tuple[int, int]] = []
        for s, e in q.parts:
            if turn and _label(text, s):
                out.append(RawQuote(turn, q.single))
                turn = []
            turn.append((s, e))
        out.append(RawQuote(turn, q.single) if len(turn) < len(q.parts) else q)
    return out


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    return text.rfind("\n", 0, pos) + 1, (text.find("\n", pos) + 1 or len(text) + 1) - 1


# A quotation found in the text: its marks, its cue token or None, the cue governing it or None, its tokens.
_Found = tuple[RawQuote, "Token | None", "Token | None", set[int]]


class _Extractor:
    def __init__(self, doc: Doc, entities: Sequence[Entity], scare_speakers: bool = True) -> None:
        self.scare_speakers = scare_speakers
        self.doc = doc
        self.text = doc_text(doc)
        self.resolver = SpeakerResolver(doc, entities)
        self.raw = _split_turns(self.text, find_quote_marks(self.text))
        self.inside: set[int] = set()
        # Set by direct(): the cues of quoted statements, their tokens (None before), and each scare quote's cue
        # with the quoted words it introduces.
        self.used_cues: set[int] = set()
        self.statements: set[int] | None = None
        self.scare_cues: dict[int, set[int]] = {}
        for q in self.raw:
            for s, e in q.parts:
                self.inside.update(_tokens(doc, s, e))

    # ------------------------------------------------------------------ cues of direct quotes
    def _governing_cue(self, toks: set[int]) -> Token | None:
        """Return a cue verb the quotation hangs from in the parse (up to two steps), or None."""
        for i in sorted(toks):
            t = self.doc[i]
            h = t.head
            if h.i in toks or h is t:
                continue
            for _ in range(2):
                if h.i in self.inside:
                    break
                if is_cue(h):
                    return h
                if h.pos_ in ("VERB", "AUX") or h.head is h:
                    break
                h = h.head
        return None

    def _adjacent_cue(self, q: RawQuote, toks: set[int]) -> Token | None:
        """Return a cue verb in the attribution right after the quote or before it in its sentence."""
        doc, text = self.doc, self.text
        ls, le = _line_bounds(text, q.end - 1)
        last = max(toks) if toks else None
        closing = text[max(q.start, q.end - 3):q.end]
        if last is not None and last + 1 < len(doc):
            nxt = doc[last + 1]
            # After: "“…,” he said" — allowed when the quote ends in , ? ! — or the next word is lowercase.
            ends_clause = any(c in closing for c in ",?!\u2014-") or (nxt.text[:1].islower())
            if nxt.idx < le and nxt.dep_ != "cc":  # '… was "long overdue" and urged …' is no attribution
                sent = nxt.sent
                window = [t for t in doc[nxt.i:min(sent.end, nxt.i + 12)] if t.i not in self.inside]
                stop = next((k for k, t in enumerate(window) if t.i > nxt.i and t.i - 1 in self.inside), None)
                window = window[:stop] if stop is not None else window
                short = len([t for t in doc[nxt.i:sent.end] if not t.is_punct]) <= 8
                # a short next sentence with a quotation of its own ("Critics called it “reckless.”") keeps its cue
                own = any(t.i in self.inside for t in doc[nxt.i:sent.end]) and not ends_clause
                if (ends_clause or short) and not own:
                    for t in window[:8]:
                        if is_cue(t):
                            return t
        first = min(toks) if toks else None
        if first is not None and first > 0:
            fs, _ = _line_bounds(text, q.start)
            sent_start = max(self.doc[first].sent.start, 0)
            before = [t for t in doc[sent_start:first] if t.idx >= fs and t.i not in self.inside]
            # Only the stretch after the previous quotation in the sentence belongs to this one.
            for t in reversed(before):
                if t.i + 1 < first and t.i + 1 in self.inside:
                    break
                if is_cue(t):
                    return t
        return None

    def _speaker(self, cue: Token, avoid: set[int]) -> Speaker | None:
        tok = speaker_token(cue, avoid) if cue is not None else None
        if tok is None or tok.i in avoid:
            return None
        if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.text != "US":
            return self._author(tok)
        if tok.pos_ == "PRON" and tok.lower_ == "you" and tok.i in self.inside:
            return None
        if lemma(cue) in ("ask", "question") and (cue.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in cue.children)):
            return None  # "Pruitt, asked whether he would resign": a question put to him is not his statement
        name_appos = [c for c in tok.subtree if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i
                      and c.i not in avoid and self.doc[c.left_edge.i - 1].text == ","
                      and self.resolver.kind_at(c) in ("person", None)] if tok.pos_ == "NOUN" else []
        if name_appos:
            # "my neighbour, Dr. Amélie Roux, kept telling me", "a spokesman for Reinholt, Kevin Marsh, said":
            # the speaker is the name
            tok = name_appos[-1]
        np = np_span(self.doc, tok, avoid)
        named = np
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl" and tok.head.head.i not in avoid:
            # "Ms. Ortiz, who said the bill would fail": the span stays "who", the speaker is whom it describes
            named = np_span(self.doc, tok.head.head, avoid)
        eid = self.resolver.resolve(named)
        name = self.resolver.entities[eid].name if eid else named.text
        start = np.start_char
        if cue.i == np.start - 1 and cue.pos_ in ("VERB", "AUX") and \
                (cue.i == 0 or self.doc[cue.i - 1].is_punct):
            start = cue.idx  # inverted attribution, "…,” said Caddell": the mention reads "said Caddell"
        return Speaker(start, np.end_char, self.text[start:np.end_char], name=name, entity=eid)

    def _named_verdict(self, verb: Token, toks: set[int], speaker: Speaker) -> bool:
        """Return True when the quoted words are what a named person or organization called something.

        After "call", "describe as", "term", "dub", "label" the quotation is the speaker's own predicate, not
        the reporter's ironic distance; an unnamed subject ("critics") leaves it a scare quote."""
        if lemma(verb) not in NAMING_VERBS or speaker.entity is None:
            return False
        if self.resolver.entities[speaker.entity].type not in ("person", "organization"):
            return False
        heads = [self.doc[i] for i in toks if self.doc[i].head.i not in toks and not self.doc[i].is_punct]
        for h in heads:
            up = h.head
            if up.lower_ == "as" and up.head.i == verb.i:
                continue
            if up.i != verb.i or h.dep_ not in ("oprd", "attr", "dobj", "xcomp", "acomp", "ccomp"):
                return False
        return bool(heads)

    def _author(self, tok: Token) -> Speaker | None:
        """Return the article's author as the speaker of a first-person "I said", else None.

        Only the subject "I"/"we" of the reporter's own sentence is the author; "telling me", "my" and any
        first person inside another quotation are someone else's words, never a speaker."""
        if tok.lower_ not in ("i", "we") or tok.dep_ not in ("nsubj", "nsubjpass") or tok.i in self.inside:
            return None
        authors = [e for e in self.resolver.entities.values() if e.role == "author"]
        one = authors[0] if len(authors) == 1 else None
        return Speaker(tok.idx, tok.idx + len(tok.text), tok.text, name=one.name if one else None,
                       entity=one.id if one else None, role="author")

    def _dash_attribution(self, q: RawQuote) -> tuple[Span | None, Speaker | None]:
        """Return (cue, speaker) for a quote signed with a dash: “…” ― Carla Sanchez."""
        m = _DASH.match(self.text, q.end)
        if not m:
            return None, None
        name = self.doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
        if name is None or not any(t.pos_ == "PROPN" for t in name):
            return None, None
        eid = self.resolver.resolve(name)
        who = self.resolver.entities[eid].name if eid else name.text
        speaker = Speaker(name.start_char, name.end_char, name.text, name=who, entity=eid)
        return _span(self.text, m.start(1), m.end(1)), speaker

    def _label_attribution(self, q: RawQuote) -> tuple[Span | None, Speaker | None]:
        """Return (cue, speaker) for a transcript turn that opens with its speaker's label: "PENCE: Well, …"."""
        m = _label(self.text, q.start)
        if m is None:
            return None, None
        label = m.group(1).rstrip(".")
        eid = self.resolver.by_name(label.title()) or self.resolver.by_name(label)
        name = self.resolver.entities[eid].name if eid else label.title()
        speaker = Speaker(m.start(1), m.start(1) + len(label), label, name=name, entity=eid)
        return _span(self.text, m.end(1), m.end(1) + 1), speaker

    def _colon_cue(self, line_start: int) -> Token | None:
        """Return the cue of a previous paragraph that ends with a colon ("He said:"), or None."""
        prev_end = len(self.text[:line_start].rstrip())
        if prev_end == 0 or self.text[prev_end - 1] != ":":
            return None
        span = self.doc.char_span(prev_end - 1, prev_end, alignment_mode="expand")
        if span is None:
            return None
        sent = span.sent
        cues = [t for t in sent if t.i not in self.inside and is_cue(t)]
        return cues[-1] if cues else self.doc[span.start]

    def _names_a_work(self, toks: set[int]) -> bool:
        """Return True when capitalised quoted words are a name: of a work or programme right after its owner or
        its kind ("CNN's “State of the Union”", "an episode of “Face the Nation”", "titled “Arrogant”") or a
        nickname inside a person's name (Rep. Robert C. "Bobby" Scott)."""
        if not toks:
            return False
        doc = self.doc
        lo, hi = min(toks), max(toks)
        k = lo - 1
        while k >= 0 and doc[k].is_punct and doc[k].text in ",\"'\u201c\u2018":
            k -= 1
        if k < 0 or doc[k].is_space:
            return False
        prev = doc[k]
        if prev.tag_ == "POS":
            return True
        if prev.lower_ == "of" and k > 0:
            prev = doc[k - 1]
        if lemma(prev) in _WORK_NOUNS or prev.lower_ in _WORK_NOUNS:
            return True
        after = doc[hi + 1] if hi + 1 < len(doc) else None
        return prev.pos_ == "PROPN" and after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() \
            and not doc[k + 1:lo].text.strip("\"'\u201c\u2018")

    def _clause_verb(self, toks: set[int]) -> Token | None:
        """Return the verb whose clause holds the quoted words (up to three steps up), or None."""
        for i in sorted(toks):
            t = self.doc[i]
            if t.head.i in toks or t.head is t:
                continue
            h = t.head
            for _ in range(3):
                if h.pos_ in ("VERB", "AUX") and h.i not in self.inside:
                    return h
                if h.head is h:
                    break
                h = h.head
            return None
        return None

    # ------------------------------------------------------------------ main
    # Complexity kept: one case per shape of attribution around a quotation.
    def direct(self) -> list[Quote]:  # noqa: C901, PLR0912, PLR0915
        doc, text = self.doc, self.text
        found: list[_Found] = []  # (raw, cue token or None, governing cue or None, its tokens)
        for q in self.raw:
            toks: set[int] = set()
            for s, e in q.parts:
                toks.update(_tokens(doc, s, e))
            gov = self._governing_cue(toks)
            cue = gov or self._adjacent_cue(q, toks)
            found.append((q, cue, gov, toks))
        # A quotation split around its cue ("“…,” he said, “…”") or continued after it in the same paragraph
        # without a cue of its own is one quote.
        merged: list[_Found] = []
        for item in found:
            q, cue, gov, toks = item
            if merged:
                pq, pcue, pgov, ptoks = merged[-1]
                same_line = _line_bounds(text, pq.end - 1) == _line_bounds(text, q.start)
                gap = text[pq.end:q.start]
                if (same_line and not q.single and not pq.single and pcue is not None
                        and (cue is None or cue.i == pcue.i) and len(gap.split()) <= 12
                        and (pq.end <= pcue.idx < q.start or not gap.strip(" ,.;:"))):
                    pq.parts.extend(q.parts)
                    ptoks.update(toks)
                    continue
            merged.append(item)
        quotes: list[Quote] = []
        last_speaker: tuple[int, Speaker] | None = None  # (line end, Speaker) of the previous attributed quote
        for q, cue, gov, toks in merged:
            words = len(text[q.start:q.end].split())
            ls, le = _line_bounds(text, q.start)
            sent_start = doc[min(toks)].sent.start_char if toks else q.start
            starts_sentence = not text[max(ls, sent_start):q.start].strip()
            speaker = self._speaker(cue, toks) if cue is not None else None
            if cue is not None and speaker is None and lemma(cue) in ("ask", "question"):
                cue = gov = None  # "Asked whether …, Arteta shrugged: “…”": the question is no cue of the answer
            cue_span = _span(text, *cue_chars(doc, cue)) if cue is not None else None
            kind: QuoteKind = "direct"
            # “We'll see.”: a capitalised clause with a finite verb, closed by its own full stop, is a statement
            sentence = text[q.start + 1:q.start + 2].isupper() and text[q.start:q.end].rstrip(
                "\u201d\"'\u2019 ").endswith((".", "?", "!")) and any(doc[i].tag_ in _FINITE for i in toks)
            if cue is None:
                cue_span, speaker = self._label_attribution(q) if _label(text, q.start) else self._dash_attribution(q)
            if cue_span is None and toks and min(toks) > 0:
                # "Republican pollster Daron Shaw: “…”" — a colon with no verb of saying before it.
                colon = doc[min(toks) - 1]
                if colon.text == ":" and colon.i not in self.inside:
                    speaker = self._speaker(colon, toks)
                    cue_span = _span(text, colon.idx, colon.idx + 1) if speaker else None
            if cue_span is None:
                prev = self._colon_cue(ls)
                if prev is not None:
                    # "Caddell continued:" then the quotation in its own paragraph.
                    cue_span = _span(text, *cue_chars(doc, prev))
                    speaker = self._speaker(prev, toks)
                elif not starts_sentence and (words <= 6 or q.single) and not sentence:
                    kind = "scare"
                elif last_speaker and ls - last_speaker[0] < 1200 and starts_sentence:
                    speaker = last_speaker[1]  # a quotation paragraph continuing the previous speaker
            elif cue is not None and words <= 4 and not starts_sentence and not sentence and not text[
                    q.start:q.end].rstrip("\u201d\"'\u2019").endswith(("?", "!")) \
                    and not (cue.i > max(toks) and gov is None):
                kind = "scare"  # a few quoted words inside the reporter's own sentence
            inner = re.findall(r"[^\W\d_][\w'\u2019-]*", text[q.start:q.end])
            capitals = 0 < len(inner) <= 6 and all(w[0].isupper() for w in inner if len(w) > 3)
            titled = capitals and not starts_sentence
            if titled and not sentence and self._names_a_work(toks):
                continue  # MSNBC's “Morning Joe”, her documentary “13th”, Robert C. "Bobby" Scott: a name, no quote
            if capitals and ls > 0 and text[ls:le].strip() == text[q.start:q.end] and cue_span is None:
                continue  # a line that is only a capitalised quotation is a subheading ('All Bets Are Off.')
            if kind == "direct" and titled and not sentence and not (speaker is not None and speaker.start > q.end):
                kind = "scare"  # a Title In Quotation Marks names a work or slogan; it is not a statement
            if kind == "scare":
                # Quoted words inside the reporter's sentence: credit whoever the clause says used them.
                verb = gov if gov is not None else self._clause_verb(toks)
                reporting = next((a for a in verb.ancestors if is_cue(a, indirect=True)), None) \
                    if verb is not None and verb.dep_ in ("ccomp", "conj") else None
                if verb is not None and lemma(verb) in _COPULAS:
                    # 'the decision was "long overdue"': a thing described is not a speaker; whoever says so is
                    verb = reporting
                elif reporting is not None and verb is not None and not is_cue(verb, indirect=True):
                    verb = reporting  # 'he has “extraordinarily good health”, his doctor says': the doctor's words
                cue_span, speaker = None, None
                if verb is not None and self.scare_speakers:
                    speaker = self._speaker(verb, toks)
                    cue_span = _span(text, *cue_chars(doc, verb)) if speaker else None
                    if speaker is not None and self._named_verdict(verb, toks, speaker):
                        kind = "direct"  # McConnell called it “a responsible step.”: his words, quoted
            elif speaker is not None:
                last_speaker = (le, speaker)
            parts = tuple(_span(text, s, e) for s, e in q.parts)
            quotes.append(Quote(q.start, q.end, text[q.start:q.end], True, kind, cue_span, speaker, parts))
        # Only statements keep their cue and words to themselves: a scare quote inside a paraphrase ('he has
        # “extraordinarily good health”, his doctor says') is part of the reported words, with their cue.
        self.statements = set()
        for qq in quotes:
            if qq.kind == "direct":
                self.used_cues.update([qq.cue.start] if qq.cue else [])
                self.statements.update(i for p in qq.parts for i in _tokens(doc, p.start, p.end))
            elif qq.cue:
                self.scare_cues.setdefault(qq.cue.start, set()).update(_tokens(doc, qq.start, qq.end))
        return quotes

    def reported(self, known: Container[str] | None = None) -> list[Candidate]:
        """Return every candidate attribution without quotation marks (newskit.quotes.reported), scored or not."""
        out = []
        used = self.used_cues
        statements = self.inside if self.statements is None else self.statements
        for tok in self.doc:
            if tok.i in self.inside or tok.idx in used or not is_cue_candidate(tok):
                continue
            cand = candidate(self.doc, tok, statements, self._entity_type, known, quoted=self.inside)
            scare = self.scare_cues.get(tok.idx)
            if cand is not None and scare and not any(cand.lo <= i <= cand.hi for i in scare):
                continue  # 'critics described the plan as “reckless”': the quoted words, not "the plan", are reported
            if cand is not None:
                out.append(cand)
        return out

    def _entity_type(self, tok: Token) -> str | None:
        eid = self.resolver.overlapping(tok.idx, tok.idx + len(tok.text))
        return self.resolver.entities[eid].type if eid else None

    def _pieces(self, cand: Candidate) -> tuple[Span, ...]:
        """Return the content's pieces: one span, or two around a cue in its middle ("X, he said, Y")."""
        doc, text = self.doc, self.text
        runs: list[list[int]] = []
        for i in range(cand.lo, cand.hi + 1):
            if i in cand.content:
                if runs and runs[-1][-1] == i - 1:
                    runs[-1].append(i)
                else:
                    runs.append([i])
        out = []
        for run in runs:
            while len(run) > 1 and (doc[run[-1]].is_punct or doc[run[-1]].is_space):
                run.pop()
            if not (doc[run[0]].is_punct and len(run) == 1):
                out.append(_span(text, doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text)))
        return tuple(out) or (_span(text, doc[cand.lo].idx, doc[cand.hi].idx + len(doc[cand.hi].text)),)

    def indirect(self) -> list[Quote]:
        """Return statements reported without quotation marks: the candidates the attribution model keeps."""
        doc, text = self.doc, self.text
        out = []
        cut = threshold()
        kept = [c for c in self.reported() if probability(c.features) >= cut]
        # "kept telling me that …", "began saying …": the verb of saying is the cue, not the verb governing it
        governing = {c.cue.head.i for c in kept if c.cue.dep_ == "xcomp"}
        for cand in kept:
            if cand.how == "xcomp" and cand.cue.i in governing:
                continue
            lo, hi, tok = cand.lo, cand.hi, cand.cue
            unnamed = cand.speaker is not None and cand.speaker.dep_ == "nsubjpass" and cand.speaker.head.i == tok.i
            # "Russia is believed to have …", "she was told that …": an attribution whose source is not named
            speaker = self._speaker(tok, set(cand.content)) if cand.speaker is not None and not unnamed else None
            if speaker is None and not unnamed:
                continue  # reported words with nobody saying them are the reporter's own
            s, e = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
            out.append(Quote(s, e, text[s:e], False, "indirect", _span(text, *cue_chars(doc, tok)), speaker,
                             self._pieces(cand)))
        # "Schumer told reporters that he expects …": the cue inside a reported statement is part of that
        # statement, not a second quotation
        cues = {id(q): q.cue.start for q in out if q.cue is not None}
        return [q for q in out if not any(o is not q and o.start <= cues.get(id(q), -1) < o.end for o in out)]


def extract_quotes(doc: Doc, entities: Sequence[Entity], *, indirect: bool = True, scare: bool = True) -> list[Quote]:
    """Return the quotations of `doc` in text order, with cue and speaker resolved against `entities`."""
    ex = _Extractor(doc, entities)
    quotes = ex.direct()
    if indirect:
        quotes += ex.indirect()
    if not scare:
        quotes = [q for q in quotes if q.kind != "scare"]
    return sorted(quotes, key=lambda q: (q.start, q.end))

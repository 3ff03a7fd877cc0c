"""Silver training text for the recognizer: news articles labelled by the base pipeline where it is sure.

CoNLL-2003 is Reuters of 1996. PolNeAR's train articles (political news of 2015-2016 from seven publishers) bring
names, spellings and page habits of today's news; nobody annotated their entities, so the base pipeline's `ner`
labels them, and only where it is consistent with itself:

- PERSON becomes PER, ORG stays ORG, GPE and LOC become LOC. NORP, FAC, PRODUCT, EVENT, WORK_OF_ART, LAW and
  LANGUAGE spans are left unannotated (no loss): CoNLL calls some of them MISC and some a name type, and the base
  model cannot say which. Its numeric and date types are outside any name (O).
- One name, one type in an article: a mention of a name (its possessive 's cut off) whose type is not the type of
  at least MAJORITY of that name's mentions, or a one-word name whose type is none of the types of the longer names
  it is a word of ("Carson" ORG beside "Ben Carson" PER), is left unannotated.
- A proper noun (the base tagger's NNP/NNPS) outside every base entity may be a name the base model missed: it is
  left unannotated rather than taught as O. So are words equal to a labelled one-word name elsewhere in the
  article. Capitalized common words at a line start (tagged NN, VB...) stay O, which teaches that they are no name.
- An article is kept only if at least MIN_SURE of its name candidates (labelled spans, spans left unannotated for
  a clash, runs of missed proper nouns) are labelled: an article the base model found hard is dropped whole.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
UNSURE = {"NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
PROPER = {"NNP", "NNPS"}
MIN_SURE = 0.75
MAJORITY = 0.75


@dataclass
class Silver:
    """One labelled article: its text, labelled (start, end, type) token spans and unannotated token runs."""
    name: str
    text: str
    spans: list[tuple[int, int, str]]
    missing: list[tuple[int, int]]
    doubtful: int
    words: int

    @property
    def sure(self) -> float:
        """The share of name candidates labelled: labelled spans / (those + clashing spans + missed name runs)."""
        return len(self.spans) / max(1, len(self.spans) + self.doubtful)


def _key(text: str) -> str:
    for tail in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(tail):
            return text[: -len(tail)].strip()
    return text.strip()


def _names(doc) -> tuple[dict[str, dict[str, int]], dict[str, set[str]]]:
    """Return each name's mention count by CoNLL type, and each word of a multi-word name the types of those names."""
    counts: dict[str, dict[str, int]] = {}
    words_of: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ in MAP:
            kind = MAP[ent.label_]
            by_kind = counts.setdefault(_key(ent.text), {})
            by_kind[kind] = by_kind.get(kind, 0) + 1
            if len(ent) > 1:
                for tok in ent:
                    words_of.setdefault(tok.text, set()).add(kind)
    return counts, words_of


def _runs(state: list[str | None]) -> list[tuple[int, int]]:
    """Return the (start, end) runs of unannotated (None) tokens."""
    runs: list[tuple[int, int]] = []
    for i, value in enumerate(state):
        if value is None:
            if runs and runs[-1][1] == i:
                runs[-1] = (runs[-1][0], i + 1)
            else:
                runs.append((i, i + 1))
    return runs


def label(doc, name: str = "") -> Silver:
    """Return the silver annotation of a doc the whole base pipeline (tagger and ner) has processed."""
    state: list[str | None] = ["O"] * len(doc)  # "O", None (unannotated) or a CoNLL type at a span's tokens
    counts, words_of = _names(doc)
    spans: list[tuple[int, int, str]] = []
    doubtful = 0
    for ent in doc.ents:
        if ent.label_ not in MAP:
            if ent.label_ in UNSURE:
                state[ent.start:ent.end] = [None] * len(ent)
            continue
        kind = MAP[ent.label_]
        by_kind = counts[_key(ent.text)]
        outer = words_of.get(_key(ent.text), set()) if len(ent) == 1 else set()
        if by_kind[kind] < MAJORITY * sum(by_kind.values()) or (outer and kind not in outer):
            doubtful += 1
            state[ent.start:ent.end] = [None] * len(ent)
        else:
            spans.append((ent.start, ent.end, kind))
            state[ent.start:ent.end] = [kind] * len(ent)
    single = {key for key in counts if " " not in key}
    prev_missed = False
    for tok in doc:
        missed = state[tok.i] == "O" and not tok.ent_type_ and (tok.tag_ in PROPER or tok.text in single)
        if missed:
            state[tok.i] = None
            doubtful += not prev_missed  # a run of such words is one doubtful name
        prev_missed = missed
    words = sum(1 for tok in doc if not tok.is_space)
    return Silver(name, doc.text, spans, _runs(state), doubtful, words)


def articles(folder: Path) -> list[Path]:
    """Return the PolNeAR train article files, sorted by name."""
    return sorted((folder / "train" / "text").glob("*.txt"))


def choose(paths: list[Path], nlp, words: int, seed: int, log=print) -> list[Silver]:
    """Label articles in a seeded order and keep the sure ones until they hold `words` words (base-tokenized)."""
    order = list(paths)
    random.Random(seed).shuffle(order)
    kept: list[Silver] = []
    total = seen = dropped = 0
    for path in order:
        if total >= words:
            break
        seen += 1
        silver = label(nlp(path.read_text(encoding="utf-8")), path.stem)
        if silver.sure < MIN_SURE:
            dropped += 1
            continue
        kept.append(silver)
        total += silver.words
    log(f"silver: labelled {seen} articles, dropped {dropped} below {MIN_SURE:.0%} sure, kept {len(kept)} "
        f"({total} words, {sum(len(s.spans) for s in kept)} names, "
        f"{sum(len(s.missing) for s in kept)} runs left unannotated)")
    return kept

"""Resolve entity keys across an archive: one identity per person, organization or place, whatever the article.

Two passes over the records. Pass 1 (`NameTable.add`) keeps, per distinct key, the articles that use it, the
evidence they give for its type, the aliases written for it (with their article counts) and the few longer names
it stands beside: memory grows with the distinct names of the archive,
never with its articles. `NameTable.resolve` then joins keys on evidence that admits one answer only:

1. one type per name, by the evidence summed over the archive: each article that types the name weighs 1 +
   log2(its mentions there), and one that gives it as an alias of a longer name adds that name's evidence per
   article. Things of one name share the type with more evidence; a person and a thing only when one side has
   twice the other's ("Chrysler" an organization in nine articles, a person in one), or, for a name of two words
   or more that opens with no known given name, as much ("Lockheed Martin" a company in one article, a person
   in another);
2. aliases: a key that is exactly one other key's alias somewhere in the archive ("GM", an alias of "General
   Motors Corp." in the article that spells it out) is that key, when the alias is words or initials of that
   name or the archive gives it as an alias in a quarter of its own articles or more (one article's grouping
   that glued "State Department" to "Department of Homeland Security" does not join them everywhere);
3. acronyms: a capitals name ("EADS", "S&P") whose letters are the initials of exactly one longer name, unless
   the archive uses the acronym four times as often as that name ("ISIS" is not a think tank named once);
4. short names: a person's family or given name that fits exactly one full name of the archive ("Obama" ->
   "Barack Obama"), a given and family name the one full name that adds a middle name ("Donald J. Trump"); the
   full names are joined first, so one person written two ways is one candidate;
5. clippings: a one-word organization name that articles give beside exactly one longer name whose first word
   it clips ("Fed" beside "Federal Reserve"), never a word beside its derivation ("Congress", "Congressional");
6. a country in front of a name of its own: "US Federal Reserve" is the "Federal Reserve".

An organization's short name ("Ford" for "Ford Motor Co.") joins through step 2, from any article that names it
both ways; leading words alone are not evidence enough ("Boeing" is not "Boeing Air Force"). A joined identity
keeps the key of its name of several words over a surname, acronym or clipping of it ("person:barack obama"
however many articles say "Obama"), else of the name most articles use ("organization:apple", not "organization:apple
computer").

A name that fits two candidates stays apart: a wrong merge costs an analyst more than a split. Pass 2
(`NameTable.rewrite`, streamed by identity/stream.py) rewrites each entity's `key`.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from newskit.entities import names
from newskit.entities.grouping import initials
from newskit.entities.keys import entity_key, fold, normalize, split_key

# Types that share one namespace for "one type per name" (a person is never an organization's short name).
_THINGS = {"organization", "place", "product", "index", "nationality", "work_of_art", "law", "language"}
_ACRONYM = re.compile(r"[a-z]{2,7}")
_LETTERS_AND = re.compile(r"[a-z]{1,2}(?: and [a-z]{1,2})+")  # "S&P" keyed "s and p"
_MAX_NEAR = 8
_ORG = "organization:"


@dataclass(slots=True)
class _Seen:
    """What the archive says of one key (all `link` keeps per distinct key: its size bounds link's memory)."""

    articles: int = 0
    weight: int = 0  # the type evidence of its articles, in thousandths: each 1 + log2(its mentions there)
    aliases: Counter = field(default_factory=Counter)  # normalized alias -> the articles giving it
    caps: bool = False  # written in capitals somewhere (an acronym)
    # longer names of the same type an article gives beside this one-word name, which they start with but do not
    # contain as a word ("Fed" beside "Federal Reserve"); at most _MAX_NEAR of them: more is ambiguous anyway
    near: set[str] = field(default_factory=set)


class NameTable:
    """Pass 1 of `link`: the distinct keys of an archive, their names and how many articles use each."""

    def __init__(self) -> None:
        self.seen: dict[str, _Seen] = {}
        self._final: dict[str, str] | None = None

    def add(self, record: dict) -> None:
        """Record the entities of one article (error records and records without entities add nothing)."""
        here: set[str] = set()
        said: set[tuple[str, str]] = set()  # (key, alias) this article gave already: an alias counts once an article
        orgs: list[str] = []  # the organizations' names, for the clippings
        for e in record.get("entities") or ():
            key = local_key(e)
            s = self.seen.get(key)
            if s is None:
                s = self.seen[key] = _Seen()
            if key not in here:
                here.add(key)
                s.articles += 1
                if key.startswith(_ORG):
                    orgs.append(key[len(_ORG):])
            s.weight += _evidence(e)
            aliases = e.get("aliases")
            if aliases:
                type_ = split_key(key)[0]
                for a in aliases:
                    a = normalize(a, type_)
                    if (key, a) not in said:
                        said.add((key, a))
                        s.aliases[a] += 1
                s.caps = s.caps or any(str(a).isupper() for a in aliases)
            s.caps = s.caps or str(e.get("name") or "").isupper()
        for short, longer in _clippings(orgs):
            near = self.seen[short].near
            if len(near) < _MAX_NEAR:
                near.add(longer)
        self._final = None

    def resolve(self) -> dict[str, str]:
        """Return every key's archive-wide key (itself when nothing joins it to another)."""
        if self._final is None:
            self._final = _Resolver(self.seen).run()
        return self._final

    def rewrite(self, record: dict) -> bool:
        """Set the archive-wide key of every entity of `record` in place; return True when one changed."""
        final = self.resolve()
        changed = False
        for e in record.get("entities") or ():
            key = local_key(e)
            new = final.get(key, key)
            if e.get("key") != new:
                e["key"] = new
                changed = True
        return changed


def local_key(entity: dict) -> str:
    """Return an entity's key as its article gives it (computed from its name when the record has none)."""
    return entity.get("key") or entity_key(entity.get("name") or "", entity.get("type") or "",
                                           entity.get("aliases") or ())


def _evidence(entity: dict) -> int:
    """Return how much one entity's article says for its type, in thousandths: more mentions, more cues behind the
    type the article gave it, with diminishing returns (1 mention 1, 4 mentions 3, 16 mentions 5). Whole numbers,
    so that sums do not depend on the order of the records."""
    mentions = entity.get("count")
    if not isinstance(mentions, int):
        mentions = len(entity.get("mentions") or ())
    return _WEIGHTS[mentions] if 0 <= mentions < len(_WEIGHTS) else round(1000 * (1 + math.log2(mentions)))


_WEIGHTS = tuple(round(1000 * (1 + math.log2(max(n, 1)))) for n in range(64))


def _clippings(orgs: list[str]) -> Iterator[tuple[str, str]]:
    """Yield (short, long) organization keys of one article (`orgs`: the names of its organization keys) where the
    one-word short name is the first letters of the long name's first word ("fed" and "federal reserve"): three
    letters at least, and about half the word at most, as a clipping is; a word and its derivation are not
    ("Congress" and "Congressional Budget Office")."""
    shorts = sorted(n for n in orgs if " " not in n and len(n) >= 3)
    if not shorts:
        return
    for long in sorted(n for n in orgs if " " in n):
        first = long.split(" ", 1)[0]
        for short in shorts:
            if first.startswith(short) and 2 * len(short) <= len(first) + 1:
                yield _ORG + short, _ORG + long


class _Resolver:
    def __init__(self, seen: dict[str, _Seen]):
        self.seen = seen
        self.parent: dict[str, str] = {}

    def run(self) -> dict[str, str]:
        typed = self._one_type_per_name()
        present: dict[str, int] = {}  # the keys after step 1, each with its articles
        for key, new in typed.items():
            present[new] = present.get(new, 0) + self.seen[key].articles
        self.weight = present
        self.seen_articles = dict(present)  # the articles of each key after step 1 (`weight` grows with joins)
        self.caps = {new for key, new in typed.items() if self.seen[key].caps}
        self.parent = {k: k for k in present}
        by_name: dict[tuple[str, str], str] = {split_key(k)[::-1]: k for k in present}
        self._aliases(typed, by_name)
        self._acronyms(by_name)
        self._people(by_name)
        self._clippings(typed)
        self._country_prefix(by_name)
        return {key: self._find(new) for key, new in typed.items()}

    # ------------------------------------------------------- union: the full name leads, else the heaviest key
    def _find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def _join(self, a: str, b: str, *, into: bool = False) -> None:
        """Join the identities of keys `a` and `b`. The key with more articles leads (the longer one when as many),
        except that with `into` (`a` is a surname, acronym or clipping of the name `b`) one word never leads a name
        of several: "person:barack obama" however many articles say "Obama"."""
        a, b = self._find(a), self._find(b)
        if a == b:
            return
        wa, wb = self.weight[a], self.weight[b]
        if into and (" " in split_key(a)[1]) != (" " in split_key(b)[1]):
            lead, other = (a, b) if " " in split_key(a)[1] else (b, a)
        else:
            lead, other = (b, a) if (wb, len(b), a) > (wa, len(a), b) else (a, b)
        self.parent[other] = lead
        self.weight[lead] = wa + wb

    def _target(self, cands: Iterable[str]) -> str | None:
        roots = {self._find(c) for c in cands}
        return roots.pop() if len(roots) == 1 else None

    # ---------------------------------------------------------------- the steps
    def _one_type_per_name(self) -> dict[str, str]:
        by_name: dict[str, Counter[str]] = {}
        for key, s in self.seen.items():
            type_, name = split_key(key)
            by_name.setdefault(name, Counter())[type_] += s.weight
        for key, s in self.seen.items():
            # a name an article gives as an alias of a longer name votes for that name's type too: "Trump" is
            # mostly keyed as "Donald Trump", so its articles as a key of its own undercount the person against
            # the model's stray place or organization "Trump" (the longer name's evidence per article, times the
            # articles giving the alias: not all the articles of the longer name)
            type_ = split_key(key)[0]
            for alias, articles in s.aliases.items():
                if alias in by_name and alias != split_key(key)[1]:
                    by_name[alias][type_] += articles * s.weight // max(s.articles, 1)
        out = {}
        for key in self.seen:
            type_, name = split_key(key)
            pool = dict(by_name[name])
            best = max(sorted(pool), key=lambda t: pool[t])
            # things of one name share a type by the larger evidence; a person and a thing only when one side has
            # twice the evidence of the other ("Chrysler" once typed a person). A name of two words or more that
            # does not open with a known given name is a person on weaker grounds: the thing needs as much evidence
            # only ("Lockheed Martin", an organization in one article, a person in another)
            if (best in _THINGS) != (type_ in _THINGS):
                unnamed = type_ == "person" and len(name.split()) >= 2 and name.split()[0] not in _given_names()
                if pool[best] < (1 if unnamed else 2) * pool[type_]:
                    best = type_
            out[key] = f"{best}:{name}" if best != type_ else key
        return out

    def _aliases(self, typed: dict[str, str], by_name: dict[tuple[str, str], str]) -> None:
        holders: dict[str, set[str]] = {}  # an existing key -> the keys whose entities list it as an alias
        for key, s in self.seen.items():
            new = typed[key]
            type_ = split_key(new)[0]
            for alias, articles in sorted(s.aliases.items()):
                other = by_name.get((alias, type_))
                if other is None or other == new or (type_ == "person" and len(alias.split()) == 1):
                    continue
                # an alias that is part of the name or its initials ("Ford" of "Ford Motor", "GM"), or one the
                # archive gives as often as a quarter of the name's own articles; not a name of its own that one
                # article's grouping glued to another ("State Department" to "Department of Homeland Security")
                if _part_of(alias, split_key(new)[1]) or 4 * articles >= self.seen_articles.get(other, 0):
                    holders.setdefault(other, set()).add(new)
        for other in sorted(holders):
            held = sorted(holders[other])
            if len({self._find(h) for h in held}) > 1 and split_key(other)[0] == "organization" \
                    and all(_compatible(split_key(a)[1], split_key(b)[1]) for a in held for b in held if a < b):
                # "EADS" for "European Aeronautic Defence and Space" and "... Defense ...": one name spelt two ways,
                # or cut short by one article
                for h in held[1:]:
                    self._join(held[0], h)
            target = self._target(held)
            if target is not None:
                # a surname or an acronym gives way to the full name; "Apple" keeps its key against "Apple
                # Computer" when more articles use it
                self._join(other, target, into=split_key(other)[0] == "person" or other in self.caps)

    def _acronyms(self, by_name: dict[tuple[str, str], str]) -> None:
        longs: dict[tuple[str, str], set[str]] = {}
        for (name, type_), key in by_name.items():
            if type_ in ("organization", "place") and " " in name:
                for a in initials(name.title()):
                    longs.setdefault((a.lower(), type_), set()).add(key)
        for (name, type_), key in sorted(by_name.items()):
            letters = name.replace(" and ", "") if _LETTERS_AND.fullmatch(name) else name  # "S&P", "AT&T"
            if type_ not in ("organization", "place") or not _ACRONYM.fullmatch(letters):
                continue
            if key not in self.caps:
                continue
            cands = longs.get((letters, type_), set()) - {key}
            target = self._target(cands) if cands else None
            # an acronym the archive uses far more often than the one long name it fits is another body's: "ISIS"
            # of a think tank named once ("Institute for Science and International Security")
            if target is not None and 4 * self.weight[target] >= self.seen_articles[key]:
                self._join(key, target, into=True)

    def _people(self, by_name: dict[tuple[str, str], str]) -> None:
        full: dict[str, list[str]] = {}
        for (name, type_), key in by_name.items():
            if type_ == "person" and len(name.split()) >= 2:
                for w in set(names.name_tokens(name)):
                    full.setdefault(w, []).append(key)
        people = sorted((name, key) for (name, type_), key in by_name.items() if type_ == "person")
        # full names first, so that "Ruth Kessler" has joined "Ruth A. Kessler" before "Kessler" asks which one
        # full name it is: one person written two ways is one candidate, not two
        for name, key in sorted(people, key=lambda p: (len(names.name_tokens(p[0])) < 2, p)):
            toks = names.name_tokens(name)
            if not toks:
                continue
            cands = [f for f in full.get(toks[-1], ()) if f != key and names.is_short_form(name, split_key(f)[1])]
            if len(toks) >= 2:
                # "Donald Trump" is "Donald J. Trump" (same given name, a middle name added), not "Rip Donald
                # Trump" (words glued in front, mostly a title or a stray word the model took in)
                cands = [f for f in cands if names.name_tokens(split_key(f)[1])[:1] == toks[:1]] or cands
            target = self._target(cands) if cands else None
            if target is not None:
                self._join(key, target, into=True)

    def _clippings(self, typed: dict[str, str]) -> None:
        """A one-word organization name that is the first letters of a longer name an article gives beside it
        ("Fed" beside "Federal Reserve") is that name when the archive's articles give it one such name only."""
        near: dict[str, set[str]] = {}
        crowded = set()  # the names beside too many longer names to keep them all: ambiguous
        for key in sorted(self.seen):
            s = self.seen[key]
            if s.near:
                near.setdefault(typed[key], set()).update(s.near)
                if len(s.near) >= _MAX_NEAR:
                    crowded.add(typed[key])
        for short, longs in sorted(near.items()):
            if not short.startswith("organization:") or short in self.caps or short in crowded:
                continue
            cands = {typed.get(k, k) for k in longs}
            if all(c.startswith("organization:") for c in cands):
                target = self._target(cands)
                if target is not None:
                    self._join(short, target, into=True)

    def _country_prefix(self, by_name: dict[tuple[str, str], str]) -> None:
        for (name, type_), key in sorted(by_name.items()):
            words = name.split()
            if type_ == "organization" and len(words) > 2 and words[0] == "us":
                rest = by_name.get((" ".join(words[1:]), type_))
                if rest is not None:
                    self._join(key, rest, into=True)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The given names in the form keys are written in (diacritics dropped: "jose" of "José")."""
    return frozenset(fold(w) for w in names.given_names())


def _part_of(alias: str, name: str) -> bool:
    """Return True when the normalized `alias` is words of `name` or its initials ("ford" of "ford motor", "gm" of
    "general motors")."""
    return set(alias.split()) <= set(name.split()) or alias.upper() in initials(name.title())


def _same_word(x: str, y: str) -> bool:
    """Return True for one word spelt two ways ("defence" / "defense", "organisation" / "organization")."""
    return x == y or (min(len(x), len(y)) >= 5 and (x + y).isalpha() and x[:3] == y[:3]
                      and SequenceMatcher(None, x, y).ratio() >= 0.8)


def _compatible(a: str, b: str) -> bool:
    """Return True when one name is the other, or the start of it, up to spelling: two words at least agree."""
    wa, wb = a.split(), b.split()
    n = min(len(wa), len(wb))
    return n >= 2 and all(_same_word(x, y) for x, y in zip(wa[:n], wb[:n], strict=True))


__all__ = ["NameTable", "local_key"]

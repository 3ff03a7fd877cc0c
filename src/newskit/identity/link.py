"""Resolve entity keys across an archive: one identity per person, organization or place, whatever the article.

Two passes over the records. Pass 1 (`NameTable.add`) keeps, per distinct key, the articles that use it, the
names and aliases written for it and its publication dates: memory grows with the distinct names of the archive,
never with its articles. `NameTable.resolve` then joins keys on evidence that admits one answer only:

1. one type per name: a name keyed under several types takes the type most articles give it ("Chrysler" an
   organization in nine articles and a person in one), counting the articles where it is an alias of a longer
   name of that type;
2. aliases: a key that is exactly one other key's alias somewhere in the archive ("GM", an alias of "General
   Motors Corp." in the article that spells it out) is that key;
3. acronyms: a capitals name whose letters are the initials of exactly one longer name ("EADS");
4. short names: a person's family or given name that fits exactly one full name of the archive ("Obama" ->
   "Barack Obama"), a given and family name the one full name that adds a middle name ("Donald J. Trump");
5. a country in front of a name of its own: "US Federal Reserve" is the "Federal Reserve".

An organization's short name ("Ford" for "Ford Motor Co.") joins through step 2, from any article that names it
both ways; leading words alone are not evidence enough ("Boeing" is not "Boeing Air Force").

A name that fits two candidates stays apart: a wrong merge costs an analyst more than a split. Pass 2
(`NameTable.rewrite`, streamed by identity/stream.py) rewrites each entity's `key`.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from newskit.entities import names
from newskit.entities.grouping import initials
from newskit.entities.keys import entity_key, normalize, split_key

# Types that share one namespace for "one type per name" (a person is never an organization's short name).
_THINGS = {"organization", "place", "product", "nationality", "work_of_art", "law", "language"}
_ACRONYM = re.compile(r"[a-z]{2,7}")


@dataclass(slots=True)
class _Seen:
    """What the archive says of one key (all `link` keeps per distinct key: its size bounds link's memory)."""

    articles: int = 0
    aliases: set[str] = field(default_factory=set)  # normalized
    caps: bool = False  # written in capitals somewhere (an acronym)


class NameTable:
    """Pass 1 of `link`: the distinct keys of an archive, their names and how many articles use each."""

    def __init__(self) -> None:
        self.seen: dict[str, _Seen] = {}
        self._final: dict[str, str] | None = None

    def add(self, record: dict) -> None:
        """Record the entities of one article (error records and records without entities add nothing)."""
        here: set[str] = set()
        for e in record.get("entities") or ():
            key = local_key(e)
            s = self.seen.get(key)
            if s is None:
                s = self.seen[key] = _Seen()
            if key not in here:
                here.add(key)
                s.articles += 1
            for a in e.get("aliases") or ():
                s.aliases.add(normalize(a, split_key(key)[0]))
            s.caps = s.caps or str(e.get("name") or "").isupper() or any(str(a).isupper()
                                                                         for a in e.get("aliases") or ())
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
        self.caps = {new for key, new in typed.items() if self.seen[key].caps}
        self.parent = {k: k for k in present}
        by_name: dict[tuple[str, str], str] = {split_key(k)[::-1]: k for k in present}
        self._aliases(typed, by_name)
        self._acronyms(by_name)
        self._people(by_name)
        self._country_prefix(by_name)
        return {key: self._find(new) for key, new in typed.items()}

    # ---------------------------------------------------------------- union by evidence, heaviest key leads
    def _find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def _join(self, a: str, b: str) -> None:
        a, b = self._find(a), self._find(b)
        if a == b:
            return
        wa, wb = self.weight[a], self.weight[b]
        lead, other = (a, b) if (wa, len(a), b) > (wb, len(b), a) else (b, a)
        self.parent[other] = lead
        self.weight[lead] = wa + wb

    def _target(self, cands: Iterable[str]) -> str | None:
        roots = {self._find(c) for c in cands}
        return roots.pop() if len(roots) == 1 else None

    # ---------------------------------------------------------------- the steps
    def _one_type_per_name(self) -> dict[str, str]:
        by_name: dict[str, Counter] = {}
        for key, s in self.seen.items():
            type_, name = split_key(key)
            by_name.setdefault(name, Counter())[type_] += s.articles
        for key, s in self.seen.items():
            # a name an article gives as an alias of a longer name votes for that name's type too: "Trump" is
            # mostly keyed as "Donald Trump", so its articles as a key of its own undercount the person against
            # the model's stray place or organization "Trump"
            type_ = split_key(key)[0]
            for alias in s.aliases:
                if alias in by_name and alias != split_key(key)[1]:
                    by_name[alias][type_] += s.articles
        out = {}
        for key in self.seen:
            type_, name = split_key(key)
            votes = by_name[name]
            # things of one name share a type by majority; a person and a thing only when one side has twice the
            # articles of the other ("Lockheed Martin" or "Chrysler" once typed a person)
            pool = dict(votes)
            best = max(sorted(pool), key=lambda t: pool[t])
            if (best in _THINGS) != (type_ in _THINGS) and pool[best] < 2 * pool[type_]:
                best = type_
            out[key] = f"{best}:{name}" if best != type_ else key
        return out

    def _aliases(self, typed: dict[str, str], by_name: dict[tuple[str, str], str]) -> None:
        holders: dict[str, set[str]] = {}  # an existing key -> the keys whose entities list it as an alias
        for key, s in self.seen.items():
            new = typed[key]
            type_ = split_key(new)[0]
            for alias in s.aliases:
                other = by_name.get((alias, type_))
                if other is not None and other != new and not (type_ == "person" and len(alias.split()) == 1):
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
                self._join(other, target)

    def _acronyms(self, by_name: dict[tuple[str, str], str]) -> None:
        longs: dict[tuple[str, str], set[str]] = {}
        for (name, type_), key in by_name.items():
            if type_ in ("organization", "place") and " " in name:
                for a in initials(name.title()):
                    longs.setdefault((a.lower(), type_), set()).add(key)
        for (name, type_), key in sorted(by_name.items()):
            if type_ not in ("organization", "place") or not _ACRONYM.fullmatch(name):
                continue
            if key not in self.caps:
                continue
            cands = longs.get((name, type_))
            target = self._target(cands) if cands else None
            if target is not None:
                self._join(key, target)

    def _people(self, by_name: dict[tuple[str, str], str]) -> None:
        full: dict[str, list[str]] = {}
        for (name, type_), key in by_name.items():
            if type_ == "person" and len(name.split()) >= 2:
                for w in set(names.name_tokens(name)):
                    full.setdefault(w, []).append(key)
        for (name, type_), key in sorted(by_name.items()):
            if type_ != "person":
                continue
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
                self._join(key, target)

    def _country_prefix(self, by_name: dict[tuple[str, str], str]) -> None:
        for (name, type_), key in sorted(by_name.items()):
            words = name.split()
            if type_ == "organization" and len(words) > 2 and words[0] == "us":
                rest = by_name.get((" ".join(words[1:]), type_))
                if rest is not None:
                    self._join(key, rest)


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

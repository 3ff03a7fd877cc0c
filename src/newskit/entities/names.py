"""Person names: honorifics and titles split off, name particles kept, short forms matched to full names.

The word lists come from nameparser's maintained constants (about 800 titles and honorifics, 100 name particles);
nameparser's parser itself is not run because news text already gives the tokens and their roles.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from newskit import lexicon

# Entries of nameparser's title list that are rarely titles in news, honorifics, and titles it lacks.
_NOT_TITLES = lexicon.words("names/not_titles")
_HONORIFICS = lexicon.words("names/honorifics")
_EXTRA_TITLES = lexicon.words("names/extra_titles")
_APOSTROPHES = "'\u2019"


@lru_cache(maxsize=1)
def _constants() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    try:
        from nameparser.config import CONSTANTS
        titles = {t for t in CONSTANTS.titles if t.isascii()}
        # "as-", "an-"... are Arabic article forms that only count glued by a hyphen; bare, they are English words
        particles = {p for p in CONSTANTS.prefixes if p.isascii() and not p.endswith("-")}
        particles |= lexicon.words("names/particles")
        suffixes = set(CONSTANTS.suffix_not_acronyms) | lexicon.words("names/suffixes")
    except ImportError:  # nameparser is optional: fall back to the commonest forms
        titles = set(lexicon.words("names/fallback_titles"))
        particles = set(lexicon.words("names/fallback_particles"))
        suffixes = set(lexicon.words("names/suffixes"))
    titles = (titles | _EXTRA_TITLES | _HONORIFICS) - _NOT_TITLES
    return frozenset(titles), frozenset(particles), frozenset(suffixes)


def _bare(word: str) -> str:
    return word.lower().strip(".,").replace("\u2019", "'")


def is_title_word(word: str) -> bool:
    """Return True when `word` is an honorific or office word (Mr., Dr., President, Minister...)."""
    return _bare(word) in _constants()[0]


def is_honorific(word: str) -> bool:
    """Return True when `word` is a form of address (Mr., Mrs., Sir...) rather than an office."""
    return _bare(word) in _HONORIFICS


def is_particle(word: str) -> bool:
    """Return True when `word` is a lowercase name particle (von, der, al, bin...) that belongs inside a name."""
    w = word.replace("\u2019", "'")
    return w[:1].islower() and _bare(w).rstrip("-'") in _constants()[1]


def is_initial(word: str) -> bool:
    """Return True when `word` is an initial standing for a name ("S." of "Ben S. Bernanke", "I." of "I. Healy")."""
    return _INITIAL.fullmatch(word) is not None


_INITIAL = re.compile(r"[A-Z]\.")


def is_suffix(word: str) -> bool:
    """Return True when `word` is a generational suffix (Jr., III)."""
    return _bare(word) in _constants()[2]


def leading_titles(words: list[str]) -> int:
    """Return how many of the leading `words` are titles or their modifiers, leaving at least one name word.

    "Russian President Vladimir Putin" -> 2; "Mr. Putin" -> 1; "Dean Smith" -> 0 (dean is left out)."""
    last = -1
    for i, w in enumerate(words[:-1]):
        if is_title_word(w):
            last = i
        elif not (w[:1].isupper() or w in ("-", "of")) or i - last > 2:
            break
    return last + 1


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Return the casefolded given names newskit knows (`lexicon/names/given_names.txt`, written by the type vote's
    training command)."""
    return frozenset(w.casefold() for w in lexicon.words("names/given_names"))


@lru_cache(maxsize=16384)
def clean_name(text: str) -> str:
    """Return a person name without possessive, line breaks or surrounding punctuation."""
    text = " ".join(text.split())
    text = re.sub(r"['\u2019]s?$", "", text)
    return text.strip(" ,;:\"()[]\u201c\u201d")


@lru_cache(maxsize=16384)
def name_tokens(name: str) -> tuple[str, ...]:
    """Return the lowercase words of a name that identify the person (particles, titles, suffixes dropped)."""
    out: list[str] = []
    for w in clean_name(name).split():
        if is_particle(w) or is_suffix(w) or (is_title_word(w) and not out):
            continue
        w = _bare(w).strip("'\"\u201c\u201d")  # a nickname in quotes is a word: 'Frederick "Fritz" Henderson'
        if w:
            out.append(w)
    return tuple(out)


@lru_cache(maxsize=16384)
def is_short_form(short: str, full: str) -> bool:
    """Return True when `short` can refer to the person `full` names: "Putin" -> "Vladimir Putin", "Choe" ->
    "Choe Sun-hui", "Baghdadi" -> "Abu Bakr al-Baghdadi"; never a different given name ("Kim Arin" vs "Kim Yo-jong")."""
    s, f = name_tokens(short), name_tokens(full)
    if not s or not f or len(s) >= len(f):
        return False
    f_last = tuple(re.sub(r"^(al|el|ad|an|ar|as|ash|at|az|ed|en|er|es|ez|ul)-", "", x) for x in f)
    # family name last (Western) or first (Korean, Chinese, Hungarian news usage), or an ordered subset that keeps
    # the family name ("Martin King" is not "Martin Luther King Jr."'s short form, "Luther King" is)
    if len(s) == 1:
        return s[0] in (f[-1], f_last[-1], f[0])
    it = iter(f_last)
    return all(any(x == y for y in it) for x in s) and s[-1] == f_last[-1]


def same_person(a: str, b: str) -> bool:
    """Return True when the full person names `a` and `b` (key form) can name one person: one family name, given
    names alike or one a nickname of the other ("rick" / "richard", "bill" / "william"), and the other forenames
    of one name the first of the other's, an initial standing for its word: middle names or initials added at
    the end ("William Clay Ford" / "Bill Ford", "John Roberts" / "John G. Roberts"), never a different one or
    one put in front ("George W. Bush" / "George H. W. Bush"). Generational suffixes agree, but for a "Jr." on one
    side only."""
    ta, tb = name_tokens(a), name_tokens(b)
    if len(ta) < 2 or len(tb) < 2 or ta[-1] != tb[-1]:
        return False
    sa, sb = suffix(a), suffix(b)
    if sa != sb and (sa and sb or (sa or sb) != "jr"):
        return False  # "Jr." is often left out ("Joe Biden"), "II" or "Sr." names another man ("Henry Ford II")
    ga, gb = [w for w in ta[:-1] if len(w) > 1], [w for w in tb[:-1] if len(w) > 1]
    if not ga or not gb or not (ga[0] == gb[0] or nickname_of(ga[0], gb[0]) or nickname_of(gb[0], ga[0])):
        return False
    ra, rb = [w for w in ta[:-1] if w != ga[0]], [w for w in tb[:-1] if w != gb[0]]
    if len(ra) > len(rb):
        ra, rb = rb, ra
    return all(x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) for x, y in zip(ra, rb, strict=False))


def one_person_in_story(a: str, b: str) -> bool:
    """Return True when two full person names (key form) one story writes can be one person: `same_person`, and the
    same generational suffix, as a "Jr." on one side only there names the son beside his father."""
    return same_person(a, b) and suffix(a) == suffix(b)


def fits_and_torn(members: Iterable[str], same: Callable[[str, str], bool]) -> tuple[dict[str, list[str]], set[str]]:
    """Return, for full names of one family name, the others each name fits (`same`), and the names that fit two
    names which do not fit each other ("George Bush" beside "George W. Bush" and "George H.W. Bush"): such a name
    joins neither, or the two would be one person through it."""
    members = list(members)
    fits = {a: [b for b in members if b != a and same(a, b)] for a in members}
    torn = {a for a, fa in fits.items() if any(not same(b, c) for b in fa for c in fa if b < c)}
    return fits, torn


def suffix(name: str) -> str:
    """Return the generational suffix of a person name ("jr" of "joseph r biden jr"), or ""."""
    return next((w for w in name.split()[1:] if is_suffix(w)), "")


def nickname_of(short: str, given: str) -> bool:
    """Return True when the given name `short` is a nickname of `given` ("hank" of "henry")."""
    return given in nicknames().get(short, ())


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Nickname -> the given names it is a nickname of, from the `nicknames` package's hand-curated English table,
    in key form."""
    from nicknames import NickNamer  # read on first use: two full names of one family name ask for it

    return {_ascii(k): frozenset(_ascii(v) for v in vs) for k, vs in NickNamer().canonical_lookup.items()}


def _ascii(name: str) -> str:
    """Return a given name as keys write it: no diacritics, lower case ("josé" -> "jose")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()

"""Country names and their variants (US / U.S. / United States; DPRK / North Korea), from country-converter's data.

country-converter ships one TSV with a short name, an official name and a matching regex per country. Importing
the package pulls pandas (about 0.3 s) and its constructor breaks under pandas 3, so the TSV is read with the
standard csv module instead, once per process, the first time a name is looked up.
"""
from __future__ import annotations

import bisect
import csv
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from newskit import lexicon
from newskit.geo.gazetteer import gazetteer

# Country-converter's regexes are written for re.search over a country field; a few everyday variants that they
# leave out (by design, because they are ambiguous outside news) are added here, each to the code it means in news.
_EXTRA = lexicon.table("countries/extra_names")
# Constituent countries that country-converter folds into their state; in news they are places of their own.
# Longer than every country name and variant the regexes are meant for ("the Democratic Republic of the Congo").
_LONGEST_NAME = 60
_PARTS = lexicon.words("countries/parts")
_GENERIC = lexicon.words("countries/generic_words")
# An entity whose text holds one of these words is an institution named after a country, never the country.
_NOT_A_COUNTRY = re.compile(
    rf"\b({lexicon.alternation(lexicon.words('countries/not_country_words'))}|federation of [a-z])\b", re.I)


def _data_file() -> Path | None:
    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "country_data.tsv"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _table() -> tuple[list[tuple[str, str, str, re.Pattern[str]]], dict[str, str]]:
    """Return (rows of iso3, short name, official name, regex) and a dict of exact lowercase names to iso3."""
    rows: list[tuple[str, str, str, re.Pattern[str]]] = []
    exact: dict[str, str] = {}
    path = _data_file()
    if path is not None:
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                iso3 = (row.get("ISO3") or "").strip()
                if not iso3 or (row.get("obsolete") or "").strip():
                    continue
                short, official = row["name_short"].strip(), row["name_official"].strip()
                try:
                    rx = re.compile(row["regex"], re.I)
                except re.error:
                    continue
                rows.append((iso3, short, official, rx))
                for name in (short, official):
                    exact.setdefault(_norm(name), iso3)
    for name, iso3 in _EXTRA.items():
        exact.setdefault(_norm(name), iso3)
    return rows, exact


def _norm(text: str) -> str:
    return re.sub(r"^the ", "", lexicon.norm(text))


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """Return the ISO3 code of the country `name` denotes (any common variant), or None."""
    key = _norm(name)
    if not key or len(key) < 2 or _NOT_A_COUNTRY.search(key):
        return None
    rows, exact = _table()
    if key in exact:
        return exact[key]
    # Regexes match inside longer strings ("Korea Central" would be South Korea): only short names are tried. The
    # regexes start with `.*`, so their cost grows with the square of the text: a name longer than any country's
    # never reaches them, which keeps a lookup's cost bounded whatever the input (a 20k-letter token took 21 s).
    if len(key.split()) > 4 or len(key) > _LONGEST_NAME:
        return None
    if key in _PARTS:
        return None
    hits = set()
    words = [w for w in re.findall(r"[a-z']+", key) if len(w) >= 3 and w not in ("the", "and")]
    code_like = len(key.replace(".", "")) <= 4 and " " not in key
    if not code_like:  # only a country whose names hold every word of the key can take it (see below)
        keep: frozenset[int] | None = None
        for w in words:
            if w not in _GENERIC:
                keep = _rows_knowing(w) if keep is None else keep & _rows_knowing(w)
        if keep is not None:
            rows = [rows[i] for i in sorted(keep)]
    for iso3, short, official, rx in rows:
        m = rx.search(key)
        # A hit on a fragment ("russia" in "russia's far east") names something inside the country, not it.
        if not m or m.end() - m.start() < 0.7 * len(key):
            continue
        # ... and so does a hit that a wildcard stretched over a word the country's names never use ("air india")
        known = f"{short} {official} {rx.pattern}".lower()
        if code_like or all(w in known or w in _GENERIC for w in words):
            hits.add(iso3)
    return hits.pop() if len(hits) == 1 else None


@lru_cache(maxsize=1)
def _known_words() -> tuple[str, list[int]]:
    """Return the words each country's row is known by (its names and its regex, lowercase), all rows in one
    string separated by NUL, and where each row's part starts."""
    rows, _ = _table()
    texts = [f"{short} {official} {rx.pattern}".lower() for _, short, official, rx in rows]
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return "\0".join(texts), starts


@lru_cache(maxsize=4096)
def _rows_knowing(word: str) -> frozenset[int]:
    """Return the indices of the country rows whose known words hold `word` (`w in known` of country_code), found
    with one scan of all rows' words instead of a regex search per row."""
    text, starts = _known_words()
    found = set()
    i = text.find(word)
    while i >= 0:
        found.add(bisect.bisect_right(starts, i) - 1)
        i = text.find(word, i + 1)
    return frozenset(found)


@lru_cache(maxsize=512)
def country_name(iso3: str) -> str | None:
    """Return the everyday English short name of the country with ISO3 code `iso3`."""
    rows, _ = _table()
    for code, short, _, _ in rows:
        if code == iso3:
            return short
    return None


def is_country_long_name(name: str) -> bool:
    """Return True when `name` is a country's official or short name, e.g. "Democratic People's Republic of Korea"."""
    _, exact = _table()
    return _norm(name) in exact and not _NOT_A_COUNTRY.search(_norm(name))


def is_nation(name: str) -> bool:
    """Say whether a name is a country or a first-level region (England, Scotland, Texas): the one whose side in
    sport is a national or state team, which CoNLL-2003 annotates as the place, not a club."""
    return bool(country_code(name)) or any(hit.place.feature in ("country", "admin1")
                                           for hit in gazetteer().lookup(name))

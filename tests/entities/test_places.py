"""Country names: the word filter that spares most names a regex search per country must not change an answer."""
from __future__ import annotations

import pytest

from newskit.entities import places


def _known(row) -> str:
    _, short, official, rx = row
    return f"{short} {official} {rx.pattern}".lower()


@pytest.mark.parametrize("word", ["korea", "guinea", "samoa", "united", "republic", "air", "trump", "zzz", "'s"])
def test_rows_knowing_a_word_are_the_rows_whose_names_hold_it(word):
    rows, _ = places._table()
    if not rows:
        pytest.skip("country-converter's data is not installed")
    assert places._rows_knowing(word) == {i for i, row in enumerate(rows) if word in _known(row)}


@pytest.mark.parametrize(("name", "code"), [
    ("South Korea", "KOR"), ("the Republic of Korea", "KOR"), ("Papua New Guinea", "PNG"), ("Guinea", "GIN"),
    ("American Samoa", "ASM"), ("Samoa", "WSM"), ("U.S.", "USA"), ("Russia", "RUS"),
    # a fragment of a longer name, a wildcard over a word no country's names use, a person, a firm
    ("Russia's far east", None), ("Air India", None), ("Harriet Okonkwo", None), ("Korea Telecom Holdings", None),
])
def test_country_codes_of_names_news_writes(name, code):
    if not places._table()[0]:
        pytest.skip("country-converter's data is not installed")
    assert places.country_code.__wrapped__(name) == code

"""Finding the article's known name forms again (newskit.entities.mentions._occurrences)."""
from __future__ import annotations

import random
import re

import pytest

from newskit.entities.mentions import _occurrences


def _by_regex(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
    pattern = re.compile(r"(?<![\w-])({})(?![\w-])".format("|".join(re.escape(f) for f in forms)))
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("text", "forms", "expected"), [
    # the longer form wins where both start; the shorter one is found where it stands alone
    ("Bank of Avalon said. Avalon fell.", ["Bank of Avalon", "Avalon"],
     [(0, 14, "Bank of Avalon"), (21, 27, "Avalon")]),
    # no word character or hyphen may touch a form: "Avalonia", "Avalon-based" and "_Avalon" are no mentions
    ("Avalonia, Avalon-based, _Avalon, (Avalon)", ["Avalon"], [(34, 40, "Avalon")]),
    # a longer form that is cut short by a word character gives way to a shorter one at the same place
    ("Avalon Bankers met", ["Avalon Bank", "Avalon"], [(0, 6, "Avalon")]),
    # matches do not overlap: the one further left is taken
    ("Red Hill Road", ["Red Hill", "Hill Road"], [(0, 8, "Red Hill")]),
    ("", ["Avalon"], []),
])
def test_occurrences_cases(text, forms, expected):
    assert list(_occurrences(text, forms)) == expected
    assert _by_regex(text, forms) == expected


def test_occurrences_finds_what_the_alternation_regex_finds():
    rng = random.Random(7)
    letters = ["a", "b", "ab", "-", " ", "\u00e9", "_", ".", "A", "1", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 30)))
        forms = sorted({"".join(rng.choice(letters[:7]) for _ in range(rng.randint(1, 4)))
                        for _ in range(rng.randint(1, 6))}, key=len, reverse=True)
        assert list(_occurrences(text, forms)) == _by_regex(text, forms), (text, forms)

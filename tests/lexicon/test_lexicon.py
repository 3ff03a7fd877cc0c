"""The word-list loader and the data files it reads."""
from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

from newskit import lexicon

LEXICON = Path(lexicon.__file__).parent
ROOT = LEXICON.parents[2]
FILES = sorted(p for p in LEXICON.rglob("*") if p.suffix in (".txt", ".tsv"))


def test_every_data_file_ships_with_the_package():
    toml = (ROOT / "pyproject.toml").read_text()
    line = re.search(r"^\[tool\.setuptools\.package-data\]\nnewskit = \[(.*?)\]", toml, re.M | re.S).group(1)
    globs = re.findall(r'"([^"]+)"', line)
    for p in FILES:
        rel = p.relative_to(LEXICON.parent).as_posix()
        assert any(fnmatch.fnmatch(rel, g) and rel.count("/") == g.count("/") for g in globs), rel


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(LEXICON).as_posix())
def test_data_files_load_without_repeats(path):
    name = path.relative_to(LEXICON).with_suffix("").as_posix()
    if path.suffix == ".txt":
        entries = lexicon.entries(name)
        assert entries and len(set(entries)) == len(entries)
    else:
        rows = lexicon.rows(name)
        keys = [r[0] for r in rows]
        assert rows and all(len(r) >= 2 and all(r) for r in rows) and len(set(keys)) == len(keys)


def test_comments_and_columns():
    assert "# " not in "".join(lexicon.entries("agencies"))
    assert lexicon.table("dates/seasons")["autumn"] == "FA"
    assert ("jan", "1", "abbreviation") in lexicon.rows("dates/months")
    assert isinstance(lexicon.words("speech_verbs"), frozenset) and "say" in lexicon.words("speech_verbs")


def test_alternation_puts_longer_words_first_and_matches_literally():
    alt = lexicon.alternation(["AP", "AP Photo", "U.S."], space=r"\s+")
    assert alt == r"AP\s+Photo|U\.S\.|AP"
    assert re.fullmatch(alt, "AP  Photo") and not re.fullmatch(alt, "UxSx")


def test_norm_is_the_one_comparison_key():
    assert lexicon.norm("  The  Korea\u2019s\nHERALD ") == "the korea's herald"
    assert lexicon.norm(None) == ""


def test_one_agency_list_serves_bylines_and_entity_cleaning():
    from newskit.article.bylines import is_outlet
    from newskit.entities.clean import is_agency

    # once only in the byline list, once only in the cleaning list: the merged list knows both everywhere
    assert is_agency("Canadian Press") and is_outlet("Canadian Press")
    assert is_agency("Getty Images") and is_outlet("Getty Images")


def test_every_data_file_is_read_by_the_code():
    """A word list nothing loads drifts unseen (as a spokesperson list once did): each file's name is in the code."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "newskit").rglob("*.py"))
    for path in FILES:
        name = path.relative_to(LEXICON).with_suffix("").as_posix()
        assert f'"{name}"' in code or f"'{name}'" in code, name

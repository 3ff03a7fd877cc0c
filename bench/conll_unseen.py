"""How much of newskit's CoNLL-2003 score is fitted to testa: one pipeline on testa and on unseen CoNLL text.

The rules around the models were tuned on testa errors, and testb (held out, Reuters of the same month) is where the
score counts. eng.train cannot stand in for testb with the shipped recognizer: that recognizer learned every name of
it. But `training/types/train.py` (its cross-fit step) trains a second recognizer on half of eng.train's documents
and keeps it in its build folder; the other half is text that recognizer never saw and no rule was tuned on. This
script swaps that recognizer into newskit's pipeline and scores `newskit entities` (the article path, headers and
tables included) on

    testa            the tuning set, read by the recognizer that never saw it either
    unseen eng.train the documents the cross-fit recognizer never saw (the type vote's fitting data, so its
                     figure flatters the vote a little; nothing else was fitted on it)

so the gap between the two rows, with one recognizer and one rule set, is what the rules gained on testa alone.

    python3 training/types/train.py --no-install          # once: builds training/types/build (some minutes)
    python3 bench/conll_unseen.py [--build training/types/build] [--limit N]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from common import DATA, ROOT

from newskit import components
from newskit.evaluate.conll import TYPES, read_conll, score_ner
from newskit.io.inputs import source_from_text
from newskit.nlp import components_for, load
from newskit.pipeline import analyze


def held_out(docs: list, share: float) -> list:
    """The eng.train documents the cross-fit recognizer never saw: training/types/train.py's own draw, read from
    that script so the two cannot drift apart."""
    spec = importlib.util.spec_from_file_location("types_train", ROOT / "training" / "types" / "train.py")
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    picked: list = train.held_out(docs, share)
    return picked


def score(nlp, docs) -> dict:
    sources = [source_from_text(d.text, id=d.id) for d in docs]
    records = [r.to_dict() for r in analyze(sources, ("entities",), nlp=nlp)]
    return score_ner(zip(docs, records))


def row(name: str, s: dict) -> str:
    types = "  ".join(f"{t} {s['per_type'][t][2]:.3f}" for t in TYPES)
    return f"{name:<18} mention F1 {s['mention'][2]:.3f}  {types}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=str(ROOT / "training" / "types" / "build"),
                    help="the cross-fit build folder of training/types/train.py (default: %(default)s)")
    ap.add_argument("--share", type=float, default=0.5, help="the share it held out (train.py --cross-fit)")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents of each set")
    args = ap.parse_args()
    recognizer = Path(args.build) / "output" / "model-last"
    conll = DATA / "conll2003_en"
    if not recognizer.is_dir():
        print(f"conll_unseen.py: no cross-fit recognizer in {recognizer}; run training/types/train.py first",
              file=sys.stderr)
        return 2
    if not (conll / "eng.testa").is_file():
        print(f"conll_unseen.py: no CoNLL-2003 files under {conll}; set NEWSKIT_GOLD", file=sys.stderr)
        return 2
    sets = {"testa": read_conll(str(conll / "eng.testa")),
            "unseen eng.train": held_out(read_conll(str(conll / "eng.train")), args.share)}
    nlp = load.__wrapped__(components=components_for(["entities"]))  # its own copy: load() caches the shipped one
    for name in ("newskit_ner_merge", "newskit_ner"):  # the shipped recognizer and its merge go; this one comes
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if not components.add_conll_ner(nlp, recognizer):
        print(f"conll_unseen.py: cannot add the recognizer in {recognizer}", file=sys.stderr)
        return 2
    print(f"recognizer: {recognizer} (trained on the eng.train documents outside the held-out {args.share:g})")
    for name, docs in sets.items():
        docs = docs[:args.limit] if args.limit else docs
        print(row(name, score(nlp, docs)), f"({len(docs)} documents)", flush=True)
    testa = sets["testa"][:args.limit] if args.limit else sets["testa"]
    shipped = load(components=components_for(["entities"]))  # for reference: the recognizer newskit ships
    print(row("testa, shipped", score(shipped, testa)), "(the shipped recognizer, trained on all of eng.train)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

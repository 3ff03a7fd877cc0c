"""Train the article-level type vote (newskit.entities.evidence) and ship its weights in the package.

    python3 training/types/train.py [--data DIR] [--split train] [--cross-fit 0.5] [--l2 1.0] [--steps 2000]
                                    [--unseen-only] [--no-install]

1. Writes the given-name list (src/newskit/lexicon/names/given_names.txt): the first words of the person names of
   DIR/conll2003_en/eng.train, and the first names of every locale of Faker's person providers (MIT; build-only,
   `python3 -m pip install faker==40.54.0`; CoNLL's 1996 names lack Angela, Mikel, Raheem), less the words
   eng.train puts in organization or place names at least as often as first in a person's name, and the known
   places eng.train never gives as a first name (Jordan, Paris, Florence).
2. Reads names the way newskit meets them on new text. The shipped recognizer learned every name of eng.train, so
   on eng.train its guesses are right where on new text they are not, and a vote fitted there learns to trust it.
   With --cross-fit S (the default, 0.5) the command first trains a recognizer the way training/ner/train.py
   --select-share S does (seed 14: the same share S of eng.train's documents held out, never trained on; the last
   step kept, nothing chosen on the held-out documents) and runs newskit's pipeline with it over the held-out
   documents only. With --cross-fit 0 it runs the shipped pipeline over DIR/conll2003_en/eng.SPLIT instead (testa
   was the default before: then testa is no check of the vote). At the vote, every name of every document (all
   mentions of the same words) becomes one example: the features of newskit.entities.evidence.features, and as
   its class the CoNLL-2003 gold type (PER, ORG, LOC) most of its mentions carry where a gold name has exactly the
   mention's characters (a tie: the first mention's); names gold calls MISC or does not mark are left out.
3. Fits a multinomial logistic regression (classes PERSON, ORG, GPE) by full-batch gradient descent from zero
   weights with an L2 penalty: no randomness, so the same data gives the same weights (--seed only orders the
   documents, which does not change the result).
4. Writes src/newskit/data/type_vote.json (features, classes, weights, the training data named, accuracy) and
   the sha256 of it and of the given-name list to src/newskit/data/type_vote.sha256 (tests/entities/test_evidence.py
   checks the shipped files against it). Run with the defaults, the command reproduces the shipped files (the
   cross-fit recognizer trains for some minutes on one thread; --build keeps it for a rerun).

The vote is checked on data it was not fitted on: CoNLL testa (`run.py ner-conll`), MEANTIME
(`run.py entities-meantime`) and TR-News (`geo.py`).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newskit import components  # noqa: E402
from newskit.entities import combine as combine_mod  # noqa: E402
from newskit.entities import evidence, names  # noqa: E402
from newskit.evaluate.conll import read_conll  # noqa: E402
from newskit.nlp import components_for, load  # noqa: E402

GOLD = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
GIVEN_NAMES = ROOT / "src" / "newskit" / "lexicon" / "names" / "given_names.txt"
NER_SEED = 14  # training/ner/train.py's seed: the held-out documents are the ones --select-share holds out
BUILD = HERE / "build"
FAKER = "40.54.0"  # the Faker release whose first-name lists the shipped given-name list was built from


def faker_given_names() -> set[str]:
    """Return the first names of every locale of Faker's person providers: plain letters, capitalized, 3+ long."""
    import importlib
    import pkgutil

    import faker
    import faker.providers.person as person

    if faker.VERSION != FAKER:
        raise SystemExit(f"train.py: the given names are built from Faker {FAKER} (found {faker.VERSION}): "
                         f"python3 -m pip install faker=={FAKER}")
    out: set[str] = set()
    for mod in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        provider = getattr(importlib.import_module(f"{person.__name__}.{mod.name}"), "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            values = next((k.__dict__[attr] for k in getattr(provider, "__mro__", ()) if attr in k.__dict__), None)
            if isinstance(values, (list, tuple, set, dict)):
                out.update(v for v in values if isinstance(v, str) and v.isascii() and v.isalpha()
                           and len(v) >= 3 and v[:1].isupper() and v[1:].islower())
    return out


def train_names(path: Path) -> tuple[set[str], list[str]]:
    """Return the casefolded gold names of a CoNLL-2003 file, and its given names: the first words of its person
    names of two or more words and Faker's first names, less the words eng.train puts in organization or place
    names at least as often as first in a person's ("Robert" of "Robert Fleming" stays: people named Robert are
    commoner), and less the known places that eng.train never gives as a first name (Jordan, Florence)."""
    first: Counter[str] = Counter()
    other: Counter[str] = Counter()
    seen: set[str] = set()
    for d in read_conll(str(path)):
        for g in d.gold:
            seen.add(" ".join(g["text"].split()).casefold())
            words = g["text"].split()
            if g["type"] == "PER" and len(words) >= 2 and words[0].isalpha() and words[0][:1].isupper() \
                    and len(words[0]) >= 3 and not words[0].isupper():
                first[words[0].casefold()] += 1
            elif g["type"] in ("ORG", "LOC"):
                other.update(w.casefold() for w in words)
    from newskit.entities import cities

    candidates = set(first) | {w.casefold() for w in faker_given_names()}
    given = sorted(w.capitalize() for w in candidates if (other[w] == 0 or first[w] > other[w])
                   and not (first[w] == 0 and cities.is_known_place(w.capitalize())))
    return seen, given


def examples(docs, nlp, skip=frozenset()) -> tuple[list[list[float]], list[int]]:
    """Return the feature vectors and gold class indices of every gold-typed name in `docs` (names in `skip`
    left out)."""
    xs: list[list[float]] = []
    y: list[int] = []
    current: dict = {}
    words = evidence.dictionary(nlp)  # the common words the vote reads at run time (newskit.components)

    def recording_vote(names, base):
        base_names = [b for b in base if b.label_ in evidence.NAME_LABELS]
        pwords = evidence.article_person_words(names, base_names, words)
        gold = current["gold"]
        lone = evidence.lone_people(names)
        orgs = evidence.org_tokens(names, base_names)
        for group in evidence.groups(names).values():
            kinds = [gold.get((s.start_char, s.end_char)) for s in group]
            kinds = [k for k in kinds if k is not None]
            if not kinds:
                continue
            top = Counter(kinds).most_common(1)[0][0]  # a tie goes to the first mention's type, every run
            if top not in GOLD or evidence.key(group[0]) in skip:
                continue
            xs.append(evidence.features(group, base_names, pwords, lone, orgs))
            y.append(evidence.CLASSES.index(GOLD[top]))
        return evidence.vote(names, base, words)

    merge = nlp.get_pipe("newskit_ner_merge")
    with nlp.select_pipes(disable=["newskit_ner_merge"]):
        for d in docs:
            current["gold"] = {(g["start"], g["end"]): g["type"] for g in d.gold}
            doc = nlp(d.text)
            doc.ents = combine_mod.combine(list(doc.spans["newskit_ner"]), list(doc.ents), vote=recording_vote,
                                           words=words, doc=doc)  # names neither layer kept are proposed as at run time
    del merge
    return xs, y


def held_out(docs: list, share: float) -> list:
    """Return the documents training/ner/train.py --select-share `share` holds out of eng.train (its seed, its
    document order), in their order."""
    held = set(random.Random(NER_SEED).sample(range(len(docs)), round(len(docs) * share)))
    return [d for i, d in enumerate(docs) if i in held]


def cross_fit_recognizer(data: Path, build: Path, share: float) -> Path:
    """Train (or reuse, from an earlier run in `build`) a recognizer on the eng.train documents outside the held-out
    share, with training/ner/train.py's config and seed, and return the folder of its last step."""
    last = build / "output" / "model-last"
    if not (last / "config.cfg").is_file():
        cmd = [sys.executable, str(ROOT / "training" / "ner" / "train.py"), "--data", str(data), "--seed",
               str(NER_SEED), "--select-share", str(share), "--build", str(build), "--no-install"]
        print(" ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)
    return last


def swap_recognizer(nlp, folder: Path) -> None:
    """Replace the pipeline's recognizer (and the merge after it) by the one in `folder`."""
    for name in ("newskit_ner_merge", "newskit_ner"):
        nlp.remove_pipe(name)
    if not components.add_conll_ner(nlp, folder):
        raise SystemExit(f"train.py: cannot add the recognizer in {folder}")


def fit(xs: np.ndarray, y: np.ndarray, l2: float, steps: int, rate: float = 0.5) -> np.ndarray:
    """Return the weights (classes x features) of a multinomial logistic regression, full-batch gradient descent."""
    n, f = xs.shape
    k = len(evidence.CLASSES)
    w = np.zeros((k, f))
    onehot = np.eye(k)[y]
    penalty = np.ones(f)
    penalty[evidence.FEATURES.index("bias")] = 0.0
    for _ in range(steps):
        z = xs @ w.T
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot).T @ xs / n + l2 / n * w * penalty
        w -= rate * grad
    return w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("NEWSKIT_GOLD", str(ROOT.parent / "shared" / "data")))
    ap.add_argument("--split", default="train", help="CoNLL-2003 file eng.SPLIT to fit on (default: %(default)s)")
    ap.add_argument("--cross-fit", type=float, default=0.5,
                    help="share of eng.SPLIT (train only) held out from a recognizer trained on the rest, the vote "
                         "fitted on it; 0: the shipped recognizer on all of eng.SPLIT (default: %(default)s)")
    ap.add_argument("--build", default=str(BUILD), help="work folder of the cross-fit recognizer; kept, a rerun "
                                                        "reuses it (default: %(default)s)")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--unseen-only", action="store_true",
                    help="fit only on names eng.train lacks (measured: it favours persons and loses on MEANTIME)")
    ap.add_argument("--no-install", action="store_true", help="print the weights; do not write them")
    args = ap.parse_args()
    path = Path(args.data) / "conll2003_en" / f"eng.{args.split}"
    if not path.is_file():
        print(f"train.py: no {path}; pass --data", file=sys.stderr)
        return 2
    seen, given = train_names(path.with_name("eng.train"))
    if not args.no_install:
        GIVEN_NAMES.write_text("# Given names: first words of CoNLL-2003 eng.train person names of two or more words\n"
                               f"# and Faker {FAKER}'s first names, less words eng.train uses more in organization\n"
                               "# or place names, and known places it never gives as first names "
                               "(training/types/train.py)\n"
                               + "\n".join(given) + "\n", encoding="utf-8")
        names.given_names.cache_clear()
    docs = read_conll(str(path))
    nlp = load(components=components_for(["entities"]))
    if args.cross_fit > 0:
        if args.split != "train":
            print("train.py: --cross-fit holds out documents of eng.train only; pass --cross-fit 0", file=sys.stderr)
            return 2
        docs = held_out(docs, args.cross_fit)
        swap_recognizer(nlp, cross_fit_recognizer(Path(args.data), Path(args.build), args.cross_fit))
    random.Random(args.seed).shuffle(docs)
    feats, y = examples(docs, nlp, skip=frozenset(seen) if args.unseen_only else frozenset())
    xs, ys = np.array(feats), np.array(y)
    w = fit(xs, ys, args.l2, args.steps)
    pred = (xs @ w.T).argmax(axis=1)
    acc = float((pred == ys).mean())
    counts = {c: int((ys == i).sum()) for i, c in enumerate(evidence.CLASSES)}
    print(f"{len(y)} names {counts}; training accuracy {acc:.3f}; {len(given)} given names")
    for c, row in zip(evidence.CLASSES, w):
        print(c.ljust(7), " ".join(f"{name}={w:+.2f}" for name, w in zip(evidence.FEATURES, row)))
    if not args.no_install:
        held = (f"the {args.cross_fit:g} of its documents a recognizer trained on the rest never saw, read by "
                f"that recognizer, " if args.cross_fit > 0 else "")
        out = {"about": f"newskit.entities.evidence weights: training/types/train.py --split {args.split} "
                        f"--cross-fit {args.cross_fit:g} --l2 {args.l2} --steps {args.steps}"
                        f"{' --unseen-only' if args.unseen_only else ''}; "
                        f"CoNLL-2003 eng.{args.split}, {held}{len(y)} names"
                        f"{' eng.train does not have' if args.unseen_only else ''}, "
                        f"training accuracy {acc:.3f}",
               "features": list(evidence.FEATURES), "classes": list(evidence.CLASSES),
               "weights": [[round(float(v), 4) for v in row] for row in w]}
        evidence.WEIGHTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        lines = ["# sha256 of newskit's type-vote files, paths relative to src/newskit; written by "
                 "training/types/train.py"]
        for f in (evidence.WEIGHTS, GIVEN_NAMES):
            lines.append(f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.relative_to(evidence.PACKAGE).as_posix()}")
        evidence.HASHES.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {evidence.WEIGHTS.relative_to(ROOT)} and {evidence.HASHES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

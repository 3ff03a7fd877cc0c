"""The baseline: raw spaCy nlp.pipe over a JSONL corpus, with the components newskit uses for a command.

    python bench/raw_spacy.py corpus.jsonl [--task entities] [--batch-size 64]
"""
from __future__ import annotations

import argparse
import json

from common import raw_pipeline

from newskit.pipeline import BATCH_SIZE


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--task", default="entities")
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    args = ap.parse_args()
    nlp = raw_pipeline(args.task)

    def texts():
        with open(args.corpus, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)["text"]

    n = sum(len(doc.ents) for doc in nlp.pipe(texts(), batch_size=args.batch_size))
    print(n)


if __name__ == "__main__":
    main()

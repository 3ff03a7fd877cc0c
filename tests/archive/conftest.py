"""Small archives for the archive tests: shards of short articles in every input format the archive reads."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parent.parent / "article" / "layouts"


def article_texts(n: int) -> list[str]:
    """Return `n` short article texts (the test articles cut to their first paragraphs)."""
    texts = []
    for f in sorted(ARTICLES.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        cut = text.find("\n\n", 600)
        texts.append(text[:cut] if cut > 0 else text[:900])
    return [texts[i % len(texts)] for i in range(n)]


def write_jsonl(path: Path, objs: list[dict]) -> Path:
    data = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs).encode("utf-8")
    if path.suffix == ".gz":
        data = gzip.compress(data)
    elif path.suffix == ".zst":
        import zstandard

        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path


def make_archive(folder: Path, shards: int = 4, per_shard: int = 2, start: int = 0) -> list[str]:
    """Write `shards` JSONL shards (plain, .gz and .zst in turn) of `per_shard` articles; return every id."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = article_texts(shards * per_shard + start)
    ids = []
    for s in range(shards):
        objs = []
        for i in range(per_shard):
            n = start + s * per_shard + i
            ids.append(f"art-{n:04d}")
            objs.append({"id": ids[-1], "text": texts[n], "published": f"2024-03-0{1 + n % 9}",
                         "source": "test"})
        suffix = (".jsonl", ".jsonl.gz", ".jsonl.zst")[s % 3]
        write_jsonl(folder / f"shard-{start + s:03d}{suffix}", objs)
    return ids


def read_parts(out: Path) -> list[dict]:
    """Return every record of a JSONL output folder, in part order."""
    return [json.loads(line) for p in sorted(out.glob("part-*.jsonl")) for line in p.read_text().splitlines()]


@pytest.fixture(scope="session")
def archive(tmp_path_factory) -> tuple[Path, list[str]]:
    """A folder of 4 shards of 2 articles each, shared read-only by the tests."""
    folder = tmp_path_factory.mktemp("archive")
    return folder, make_archive(folder)

"""Archive outputs on the local engine: JSONL parts equal to `--jsonl`, Parquet tables, SQLite, resume, refusals."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskit.archive import COLUMNS, Job, run_archive
from newskit.cli import cli
from newskit.pipeline import COMMAND_TASKS

from .conftest import make_archive, read_parts, write_jsonl

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_e88cf532e1811814.txt"


def _cli(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _local_jsonl(command, paths) -> list[str]:
    res = _cli(command, "--jsonl", "--workers", "1", *paths)
    assert res.exit_code in (0, 1), res.stderr
    return res.stdout.splitlines()


def test_jsonl_parts_are_the_jsonl_records(archive, tmp_path):
    folder, ids = archive
    res = _cli("entities", "--output", tmp_path / "out", "--workers", "1", folder)
    assert res.exit_code == 0, res.stderr
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert len(parts) == 4
    local = _local_jsonl("entities", [folder / "shard-000.jsonl"])
    assert parts[0].read_text(encoding="utf-8").splitlines() == local  # same bytes as the plain --jsonl run
    assert [r["id"] for r in read_parts(tmp_path / "out")] == ids
    manifest = json.loads((tmp_path / "out" / "_manifest.json").read_text())
    assert manifest["records"] == len(ids) and manifest["settings"]["command"] == "entities"
    assert manifest["settings"]["model_version"] and manifest["newskit"]


def test_rerun_skips_complete_parts_and_refuses_another_command(archive, tmp_path):
    folder, _ = archive
    out = tmp_path / "out"
    assert _cli("parse", "--output", out, folder).exit_code == 0
    (out / "part-00002.jsonl").unlink()
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*")}
    res = _cli("parse", "--output", out, folder)
    assert res.exit_code == 0
    assert "4 shards, 3 already complete, 1 to run" in res.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-*") if p.name in stamps} == stamps
    res = _cli("dates", "--output", out, folder)
    assert res.exit_code == 1
    assert "holds output of another run: command 'parse' (now 'dates'); use --overwrite" in res.stderr
    assert _cli("dates", "--output", out, "--overwrite", folder).exit_code == 0
    assert json.loads((out / "_manifest.json").read_text())["settings"]["command"] == "dates"


def test_parquet_tables_follow_the_documented_schema(archive, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    folder, ids = archive
    out = tmp_path / "pq"
    assert _cli("analyze", "--output", out, "--format", "parquet", "--workers", "1", folder).exit_code == 0
    for table in ("articles", "entities", "mentions", "dates", "quotes", "events"):
        got = pq.read_table(out / table)
        assert got.schema.names == [name for name, _ in COLUMNS[table]], table
    articles = pq.read_table(out / "articles").to_pylist()
    assert sorted(a["id"] for a in articles) == sorted(ids)
    plain = sorted(folder.glob("*.jsonl"))  # the plain --jsonl run reads no .gz/.zst
    local = {json.loads(line)["id"]: json.loads(line) for line in _local_jsonl("analyze", plain)}
    entities = [e for e in pq.read_table(out / "entities").to_pylist() if e["article_id"] in local]
    assert len(entities) == sum(len(r["entities"]) for r in local.values())
    assert [e["name"] for e in entities if e["article_id"] == ids[0]] == [e["name"] for e in local[ids[0]]["entities"]]
    for m in pq.read_table(out / "mentions").to_pylist():  # offsets index the article text the table holds
        text = next(a["text"] for a in articles if a["id"] == m["article_id"])
        assert text[m["start"]:m["end"]] == m["text"]
    first = next(a for a in articles if a["id"] == ids[0])
    assert str(first["published"]) == local[ids[0]]["article"]["published"]


def _db_counts(db: Path) -> dict:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "entities", "quotes")}
    finally:
        con.close()


def test_sqlite_second_run_adds_articles_without_duplicating_ids(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    ids = make_archive(first, shards=2) + make_archive(second, shards=1, start=2)
    write_jsonl(second / "again.jsonl", [{"id": ids[0], "text": "Reuters said on Monday that the mayor of Lyon "
                                          "resigned.\n\nThe mayor, Jean Dupont, said: \"It is time.\""}])
    db = tmp_path / "archive.db"
    assert _cli("quotes", "--output", db, "--workers", "1", first).exit_code == 0
    counts = _db_counts(db)
    assert counts["articles"] == 4
    assert _cli("quotes", "--output", db, "--workers", "1", second).exit_code == 0
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    got = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")]
    assert got == sorted(set(ids))  # 6 articles; ids[0] came again and replaced its rows
    assert con.execute("SELECT count(*) FROM entities WHERE article_id = ?", (ids[0],)).fetchone()[0] >= 1
    assert con.execute("SELECT headline FROM articles WHERE id = ?", (ids[0],)).fetchone()[0].startswith("Reuters")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO articles (id) VALUES (?)", (ids[1],))
    hits = con.execute("SELECT q.article_id, q.speaker FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid "
                       "WHERE quotes_fts MATCH 'time'").fetchall()
    assert [h[0] for h in hits] == [ids[0]]
    found = [r[0] for r in con.execute("SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                                       "WHERE articles_fts MATCH 'Lyon'")]
    assert found == [ids[0]]
    assert con.execute("SELECT count(*) FROM _newskit_shards").fetchone()[0] == 4
    # What datasette looks for to put a search box on a table.
    detect = "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"{}\"%'"
    fts = {t: con.execute(detect.format(t)).fetchall() for t in ("articles", "quotes")}
    assert fts == {"articles": [("articles_fts",)], "quotes": [("quotes_fts",)]}


def test_bad_jsonl_line_and_broken_gzip_locally(tmp_path):
    folder = tmp_path / "in"
    ids = make_archive(folder, shards=2)
    (folder / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
    (folder / "mixed.jsonl").write_text('{"id": "ok-1", "text": "Paris, Monday. The talks ended."}\n{oops\n')
    out = tmp_path / "out"
    res = _cli("dates", "--output", out, "--workers", "1", folder)
    assert res.exit_code == 1
    assert f"newskit: shard {folder / 'broken.jsonl.gz'} failed: cannot decompress gzip (" in res.stderr
    recs = read_parts(out)
    assert sorted(r["id"] for r in recs if "error" not in r) == sorted(ids + ["ok-1"])
    bad = [r for r in recs if "error" in r]
    # the line's place is carried apart from the message (newskit: FILE:LINE: problem [code])
    assert bad == [{"id": "2", "error": {"code": "bad-jsonl", "message": "not valid JSON (JSONDecodeError)",
                                         "where": f"{folder / 'mixed.jsonl'}:2"}}]


def test_archive_options_need_output_and_exclude_streaming(archive):
    folder, _ = archive
    res = _cli("entities", "--engine", "dask", folder)
    assert res.exit_code == 2 and "--engine needs --output" in res.stderr
    res = _cli("entities", "--jsonl", "--output", "x", folder)
    assert res.exit_code == 2 and "cannot go with --json, --jsonl or --geojson" in res.stderr
    res = _cli("entities", "--output", "x", "--scheduler", "tcp://127.0.0.1:1", folder)
    assert res.exit_code == 2 and "--scheduler needs --engine dask" in res.stderr


def _run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_plain_commands_never_import_the_dask_extra():
    proc = _run_python(
        "import sys\nfrom newskit.cli import main\n"
        f"sys.argv = ['newskit', 'entities', '--jsonl', {str(SEED)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'pyarrow', 'fsspec'}),"
        " file=sys.stderr)")
    assert proc.stderr.strip().splitlines()[-1] == "[]"
    assert json.loads(proc.stdout)["entities"]


def test_engine_dask_without_the_extra_fails_in_one_line(archive, tmp_path):
    folder, _ = archive
    proc = _run_python(
        "import sys\nsys.modules['distributed'] = None\nfrom newskit.cli import main\n"
        f"sys.argv = ['newskit', 'parse', '--engine', 'dask', '--output', {str(tmp_path / 'o')!r}, {str(folder)!r}]\n"
        "main()")
    assert proc.returncode == 1
    assert proc.stderr.strip() == 'Error: --engine dask needs the dask extra: pip install "newskit[dask]"'


def test_run_archive_is_a_library_call(archive, tmp_path):
    folder, ids = archive
    job = Job("parse", COMMAND_TASKS["parse"])
    events = list(run_archive(job, [str(folder / "shard-00*")], str(tmp_path / "o")))
    assert [e["event"] for e in events] == ["plan"] + ["shard"] * 4 + ["end"]
    assert events[-1]["records"] == len(ids) and events[-1]["failed"] == []


def test_readme_schema_table_lists_every_column_with_its_type():
    from newskit.archive.tables import arrow_schema

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = {"string": "string", "int64": "int64", "double": "double", "bool": "bool", "date32[day]": "date32",
             "list<item: string>": "list<string>"}
    for table in COLUMNS:
        line = next(x for x in readme.splitlines() if x.startswith(f"| `{table}` |"))
        cols = [(f.name, shown[str(f.type)]) for f in arrow_schema(table)]
        listed = [c.strip().split(" ", 1) for c in line.split("|")[2].split(", ")]
        assert [(n.strip("`"), t.replace(" (JSON)", "")) for n, t in listed] == cols, table

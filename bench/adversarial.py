"""Pathological inputs, each run as a whole command under a time and memory budget; prints a table.

    python bench/adversarial.py [--only NAME ...] [--budget-s 30] [--budget-mb 1536] [--timeout 20]

Every case must finish within the budget (default 30 s and 1.5 GB peak RSS over the process tree), either with
its records or with clean error records (exit 0 or 1, valid UTF-8 JSON on stdout, no traceback). A case over
budget is killed and marked FAIL. Needs the `bench` extra (psutil).

The scale cases (many dates in one article, one long gold document for `eval`) also run raw spaCy (`raw_spacy.py`:
`nlp.pipe` with the components of the command) over the same text in the same pieces newskit feeds the model, and
print newskit's CPU seconds as a multiple of spaCy's: the cost of what newskit adds, whatever else the machine runs.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable


def _jsonl(*texts: str) -> str:
    return "".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts))


def _deep_page(depth: int) -> str:
    words = ["council", "library", "budget", "mayor", "school", "bridge", "river", "market", "station",
             "museum", "harbour", "park"]
    paras = [f"<p>On day {i} the {w} committee met again and voted to keep the {w} open, the mayor said.</p>"
             for i, w in enumerate(words)]
    return ("<html><body><article><h1>A deep page</h1>" + "".join(paras[:8]) + "<div>" * depth
            + "".join(paras[8:10]) + "</div>" * depth + "".join(paras[10:]) + "</article></body></html>")


def cases() -> list[tuple[str, str, str, str]]:
    """Return (name, command, file suffix, file content) for every pathological input."""
    good = "Vladimir Putin met Kim Jong Un in Moscow on Tuesday, the Kremlin said.\n"
    nested = "".join(f'Speaker{i % 50} said "' for i in range(14_000))
    return [
        ("person mentions: 'Mr. A. ' x 16,000", "entities", ".txt", "Mr. A. " * 16_000),
        ("person mentions: 'Mr. A. ' x 50,000", "entities", ".txt", "Mr. A. " * 50_000),
        ("one surname, 6,000 full + short mentions", "entities", ".txt",
         "John Smith met Smith. " * 3_000),
        ("5,000 distinct organizations", "entities", ".txt",
         "".join(f"Acme{i} Holdings and Acme{i} Corp. " for i in range(5_000))),
        ("one long token: 20k letters", "entities", ".txt", "Visit " + "Italy" * 4_000 + " today.\n"),
        ("spaceless line: 2 MB", "entities", ".txt", "Italyfrance" * 190_000 + "\n"),
        ("quote marks: '\"' x 10,000", "entities", ".txt", '"' * 10_000),
        ("quote marks: '\"' x 100,000", "entities", ".txt", '"' * 100_000),
        ("quote marks: '\"' x 1,000,000", "entities", ".txt", '"' * 1_000_000),
        ("brackets: '(' x 100,000", "entities", ".txt", "(" * 100_000),
        ("nested quotes, 170 KB (events)", "events", ".txt", nested),
        ("nested quotes, 170 KB (analyze)", "analyze", ".txt", nested),
        ("HTML nested 1,000 deep (recovered)", "parse", ".html", _deep_page(1_000)),
        ("HTML nested 5,000 deep (truncated, said so)", "parse", ".html", _deep_page(5_000)),
        ("JSONL: deep JSON, NaN, surrogates among good lines", "entities", ".jsonl",
         _jsonl(good) + '{"id": "deep", "text": "x", "m": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
         + '{"id": "nan", "text": "A text.", "score": NaN}\n'
         + '{"id": "sur", "text": "Lone \\ud800 and \\udcff in Paris."}\n' + _jsonl(good)),
    ]


def _many_dates(n: int) -> str:
    """Return one line of `n` dates, as densely as prose allows: a day, a year, a weekday in turn."""
    months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    forms = [lambda i: f"{months[i % 12]} {i % 28 + 1}", lambda i: str(1950 + i % 70), lambda i: days[i % 5]]
    return "; ".join(forms[i % 3](i) for i in range(n)) + ".\n"


def _long_conll(size: int) -> str:
    """Return one CoNLL-2003 document of about `size` bytes: every sentence names a person, a firm and a place."""
    lines = ["-DOCSTART- -X- -X- O", ""]
    total, i = 0, 0
    while total < size:
        sent = [(f"Anna{i % 97}", "NNP", "I-NP", "B-PER"), (f"Berg{i % 89}", "NNP", "I-NP", "I-PER"),
                ("of", "IN", "I-PP", "O"), (f"Acme{i % 83}", "NNP", "I-NP", "B-ORG"), ("visited", "VBD", "I-VP", "O"),
                (f"Oslo{i % 79}", "NNP", "I-NP", "B-LOC"), ("on", "IN", "I-PP", "O"), ("Monday", "NNP", "I-NP", "O"),
                (".", ".", "O", "O")]
        block = "\n".join(" ".join(t) for t in sent) + "\n"
        lines.append(block)
        total += len(block) + 1
        i += 1
    return "\n".join(lines)


def _conll_text(conll: str) -> str:
    """Return the article text `eval` builds from a CoNLL document: tokens joined by spaces, a sentence a line."""
    from newskit.evaluate.conll import read_conll

    with tempfile.NamedTemporaryFile("w", suffix=".conll", encoding="utf-8", delete=False) as fh:
        fh.write(conll)
    try:
        return "\n\n".join(d.text for d in read_conll(fh.name))
    finally:
        Path(fh.name).unlink()


def scale_cases() -> list[tuple[str, list[str], str, str, float, str, str]]:
    """Return (name, newskit arguments before the file, file suffix, content, time budget s, the text raw spaCy
    reads for comparison, the task whose components it runs) for inputs whose cost must stay linear in their size:
    many dates in one article, many mentions in one gold document."""
    dates, conll = _many_dates(50_000), _long_conll(3_800_000)
    return [
        ("dates: 50,000 in one article", ["dates", "--jsonl", "--workers", "1"], ".txt", dates, 30.0, dates,
         "dates"),
        ("eval: one 3.8 MB CoNLL document", ["eval", "--format", "conll", "--json"], ".conll", conll, 60.0,
         _conll_text(conll), "entities"),
    ]


def raw_spacy(text: str, task: str, tmp: Path, budget_s: float, budget_mb: float, clock: str) -> dict:
    """Run raw spaCy's nlp.pipe over `text` cut into the pieces newskit gives the model; return measure()'s dict."""
    from newskit.batch import split_text

    corpus = tmp / f"raw-{task}.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in split_text(text)), encoding="utf-8")
    script = Path(__file__).resolve().parent / "raw_spacy.py"
    return measure([PY, str(script), str(corpus), "--task", task], tmp / f"raw-{task}.out", budget_s, budget_mb,
                   clock)


def measure(argv: list[str], out_path: Path, budget_s: float, budget_mb: float, clock: str = "wall") -> dict:
    """Run argv with stdout to a file; return seconds, peak RSS MB, exit code and whether the budget was kept."""
    import psutil

    t0 = time.perf_counter()
    with out_path.open("wb") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE)
        ps = psutil.Process(proc.pid)
        peak, killed, cpu = 0, "", {}
        while proc.poll() is None:
            try:
                procs = [ps] + ps.children(recursive=True)
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
                for p in procs:
                    times = p.cpu_times()
                    cpu[p.pid] = times.user + times.system
            except psutil.Error:
                pass
            elapsed = time.perf_counter() - t0
            spent = sum(cpu.values()) if clock == "cpu" else elapsed
            if spent > budget_s or peak > budget_mb * 2**20:
                killed = "time" if spent > budget_s else "memory"
                _kill_tree(ps)
                break
            time.sleep(0.05)
        proc.wait()
        err = proc.stderr.read().decode("utf-8", "replace")
    return {"s": time.perf_counter() - t0, "cpu": sum(cpu.values()), "mb": peak / 2**20, "rc": proc.returncode,
            "killed": killed, "stderr": err}


def _kill_tree(ps) -> None:
    import psutil

    procs = [ps]
    with contextlib.suppress(psutil.Error):
        procs += ps.children(recursive=True)
    for p in procs:
        with contextlib.suppress(psutil.Error):
            p.kill()


def outcome(res: dict, out_path: Path) -> tuple[str, bool]:
    """Describe what came out and tell whether it is acceptable."""
    if res["killed"]:
        return f"killed (over {res['killed']} budget)", False
    if res["rc"] not in (0, 1) or "Traceback" in res["stderr"]:
        return f"exit {res['rc']}: {res['stderr'].strip().splitlines()[-1:]}", False
    data = out_path.read_bytes()
    try:
        recs = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    except ValueError as exc:
        return f"invalid output ({exc.__class__.__name__})", False
    errors = [r["error"]["code"] for r in recs if "error" in r]
    warn = [f"{k}: {v}" for r in recs for k, v in ((r.get("article") or {}).get("sources") or {}).items()
            if v == "truncated"]
    desc = f"{len(recs) - len(errors)} ok"
    if errors:
        desc += f", errors: {','.join(errors)}"
    if warn:
        desc += f", sources: {','.join(sorted(set(warn)))}"
    return desc, True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", default=[], help="run only cases whose name contains one of these")
    ap.add_argument("--budget-s", type=float, default=30.0)
    ap.add_argument("--budget-mb", type=float, default=1536.0)
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                    help="what the time budget counts: wall-clock seconds, or CPU seconds of the process tree "
                         "(for a machine shared with other work)")
    ap.add_argument("--timeout", type=float, default=20.0,
                    help="--timeout-per-article given to newskit (leaves room for start-up within the budget)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newskit-adversarial-"))
    print(f"{'case':52} {'input':>8} {'wall':>7} {'cpu':>7} {'peak':>8} {'output':>9}  result")
    failed = 0
    for i, (name, command, suffix, content) in enumerate(cases()):
        if args.only and not any(o in name for o in args.only):
            continue
        src = tmp / f"case{i}{suffix}"
        src.write_text(content, encoding="utf-8")
        out = tmp / f"case{i}.out"
        argv = [PY, "-m", "newskit", command, "--jsonl", "--workers", "1", str(src)]
        if command != "parse":
            argv += ["--timeout-per-article", str(args.timeout)]
        res = measure(argv, out, args.budget_s, args.budget_mb, args.clock)
        desc, ok = outcome(res, out)
        failed += not ok
        size = src.stat().st_size
        print(f"{name:52} {size / 1024:7.0f}K {res['s']:6.1f}s {res['cpu']:6.1f}s {res['mb']:6.0f}MB "
              f"{out.stat().st_size / 2**20:8.2f}M"
              f"  {'ok  ' if ok else 'FAIL'} {desc}", flush=True)
    for name, command, suffix, content, budget_s, reference, task in scale_cases():
        if args.only and not any(o in name for o in args.only):
            continue
        src = tmp / f"scale{len(name)}{suffix}"
        src.write_text(content, encoding="utf-8")
        out = tmp / f"scale{len(name)}.out"
        res = measure([PY, "-m", "newskit", *command, str(src)], out, budget_s, args.budget_mb, args.clock)
        ok = not res["killed"] and res["rc"] == 0 and "Traceback" not in res["stderr"]
        desc = f"killed (over {res['killed']} budget)" if res["killed"] else f"exit {res['rc']}"
        base = raw_spacy(reference, task, tmp, budget_s * 10, args.budget_mb * 4, args.clock)
        if not base["killed"] and base["rc"] == 0 and base["cpu"]:
            over = "over " if res["killed"] else ""  # killed: its CPU so far, a lower bound
            desc += f", {over}{res['cpu'] / base['cpu']:.2f}x raw spaCy's CPU ({base['cpu']:.1f} s)"
        failed += not ok
        print(f"{name:52} {src.stat().st_size / 1024:7.0f}K {res['s']:6.1f}s {res['cpu']:6.1f}s {res['mb']:6.0f}MB "
              f"{out.stat().st_size / 2**20:8.2f}M  {'ok  ' if ok else 'FAIL'} {desc} (budget {budget_s:.0f} s)",
              flush=True)
    print(f"{failed} case(s) over budget or unclean" if failed else "every case within budget")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

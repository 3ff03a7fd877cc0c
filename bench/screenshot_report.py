"""Render an article's HTML report and look at it in headless Chromium: screenshots at desktop and phone width.

    python bench/screenshot_report.py [INPUT] [--out out] [--height 1600]

INPUT defaults to the seed article. Writes OUT/report.html, OUT/report-1280.png and OUT/report-390.png (`out/` is
gitignored), and prints, for each width, how many colours a sample of the screenshot holds (1 = blank). Needs
Debian's `chromium` (or set CHROMIUM=/path/to/chrome); no Playwright or Selenium. tests/test_report.py imports the
Chromium and PNG helpers from here.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e88cf532e1811814.txt"
WIDTHS = (1280, 390)
# Quiet, offline Chromium: no first-run, sync, component updates or background fetches; every host name fails.
BASE_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
              "--host-resolver-rules=MAP * ~NOTFOUND")


def find_chromium() -> str | None:
    """Return the path of a Chromium (or Chrome) executable, or None."""
    env = os.environ.get("CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(url: str, *flags: str, timeout: float = 90) -> subprocess.CompletedProcess:
    """Run headless Chromium once on `url` with a throwaway profile and return the finished process."""
    exe = find_chromium()
    if exe is None:
        raise FileNotFoundError("chromium not found (apt-get install chromium, or set CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="newskit-chromium-") as profile:
        return subprocess.run([exe, *BASE_FLAGS, f"--user-data-dir={profile}", *flags, url],
                              capture_output=True, text=True, timeout=timeout)


def screenshot(html: Path, png: Path, width: int, height: int = 1600) -> Path:
    """Screenshot the top `width`×`height` CSS pixels of a local page into `png`."""
    png.unlink(missing_ok=True)
    proc = run_chromium(html.resolve().as_uri(), f"--screenshot={png.resolve()}", f"--window-size={width},{height}",
                        "--force-device-scale-factor=1")
    if not png.exists():
        raise RuntimeError(f"chromium wrote no screenshot (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return png


def dump_dom(html: Path) -> str:
    """Return the DOM of a local page after Chromium has loaded it, serialized as HTML."""
    proc = run_chromium(html.resolve().as_uri(), "--dump-dom")
    if proc.returncode != 0 or "<html" not in proc.stdout:
        raise RuntimeError(f"chromium --dump-dom failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return proc.stdout


def page_requests(html: Path) -> list[str]:
    """Load a local page and return the URLs the page itself asked the network for (Chromium's own background
    requests to its vendor are left out), from Chromium's NetLog; verbose logging goes to stderr as well."""
    with tempfile.TemporaryDirectory(prefix="newskit-netlog-") as tmp:
        log = Path(tmp) / "net.json"
        proc = run_chromium(html.resolve().as_uri(), f"--log-net-log={log}", "--enable-logging=stderr", "--v=1",
                            "--dump-dom")
        if not log.exists():
            raise RuntimeError(f"chromium wrote no net log (exit {proc.returncode}): {proc.stderr[-2000:]}")
        text = log.read_text(encoding="utf-8", errors="replace").rstrip().rstrip(",")
        data = json.loads(text if text.endswith("}") else text + "]}")
    names = {v: k for k, v in data.get("constants", {}).get("logEventTypes", {}).items()}
    urls = []
    for ev in data.get("events", []):
        params = ev.get("params") or {}
        if names.get(ev.get("type")) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        # Requests a page makes carry it as their site for cookies (file://); the browser's own carry none.
        if "file://" in str(params.get("site_for_cookies", "")) or str(params.get("initiator")) in ("null", "file://"):
            urls.append(params["url"])
    return urls


def png_pixels(path: Path):
    """Decode an 8-bit, non-interlaced PNG (what Chromium writes) into a numpy array (height, width, channels)."""
    import numpy as np

    data = Path(path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    w, h, depth, ctype, _, _, interlace = header
    if depth != 8 or interlace or ctype not in (0, 2, 4, 6):
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})")
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    stride = w * bpp
    raw = zlib.decompress(b"".join(idat))
    out = np.zeros((h, stride), np.uint8)
    prev = np.zeros(stride, np.uint8)
    for y in range(h):
        kind = raw[y * (stride + 1)]
        line = np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1)
        if kind == 0:
            cur = line.copy()
        elif kind == 1:  # Sub: running sum along the row, per channel
            cur = (np.cumsum(line.reshape(w, bpp), axis=0, dtype=np.uint64) % 256).astype(np.uint8).ravel()
        elif kind == 2:  # Up
            cur = line + prev
        else:  # Average and Paeth depend on the byte to the left: byte by byte
            c, p = bytearray(line.tobytes()), prev.tobytes()
            for i in range(stride):
                left, up, upleft = (c[i - bpp], p[i], p[i - bpp]) if i >= bpp else (0, p[i], 0)
                if kind == 3:
                    c[i] = (c[i] + ((left + up) >> 1)) & 255
                else:
                    pa, pb, pc = abs(up - upleft), abs(left - upleft), abs(left + up - 2 * upleft)
                    c[i] = (c[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upleft)) & 255
            cur = np.frombuffer(bytes(c), np.uint8)
        out[y] = cur
        prev = cur
    return out.reshape(h, w, bpp)


def colours(path: Path) -> int:
    """Return how many distinct colours the PNG holds (1: a blank, single-colour image)."""
    import numpy as np

    px = png_pixels(path)
    return len(np.unique(px.reshape(-1, px.shape[2]), axis=0))


def write_report(input_path: Path, out: Path) -> Path:
    """Analyse one article file and write its report to OUT/report.html."""
    from newskit.io.inputs import read_inputs
    from newskit.output.report import render_report
    from newskit.pipeline import COMMAND_TASKS, analyze
    from newskit.record import ErrorRecord

    record = next(analyze(read_inputs([str(input_path)]), COMMAND_TASKS["analyze"] + ("text",)))
    if isinstance(record, ErrorRecord):
        raise SystemExit(f"{input_path}: {record.error.message}")
    out.mkdir(parents=True, exist_ok=True)
    page = out / "report.html"
    page.write_text(render_report(record, record.text), encoding="utf-8")
    return page


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?", default=str(SEED))
    ap.add_argument("--out", default=str(ROOT / "out"))
    ap.add_argument("--height", type=int, default=1600, help="Viewport height in CSS pixels.")
    args = ap.parse_args()
    if find_chromium() is None:
        print("chromium not found: apt-get install chromium (or set CHROMIUM)", file=sys.stderr)
        return 2
    out = Path(args.out)
    page = write_report(Path(args.input), out)
    print(page)
    for width in WIDTHS:
        png = screenshot(page, out / f"report-{width}.png", width, args.height)
        print(f"{png}\t{width}x{args.height}\t{colours(png)} colours")
    return 0


if __name__ == "__main__":
    sys.exit(main())

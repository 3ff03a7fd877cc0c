"""A learned second opinion on a pasted page's header: how likely each of its first lines is the headline, the
byline or the publication date line.

The rules in `header.py` read the shapes that are certain ("By …", a date stamp, a page title "Headline | Site");
on pages nobody tuned them for, the evidence for the rest is spread over many weak cues (where the line sits, its
length and case, whether it reads as a person's name, a date or a control label, what its neighbours are, and what
the rules themselves made of it). Three conditional logits (the lines of a page compete for each field) weigh
those cues; their weights are data
(`data/header_lines.json`, written by `training/fields/train.py`, pinned by sha256 in the tests), read with numpy.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources

import numpy as np

from newskit.article.bylines import BYLINE, UI_WORDS, is_name, is_outlet, parse_byline, ui_only, unglue
from newskit.article.furniture import is_furniture
from newskit.article.pubdate import UPDATED, date_share, find_date

WINDOW = 60  # the header of a page copy sits within its first lines
LONG = 40    # words: a longer line is a paragraph
TARGETS = ("headline", "byline", "date")
_KINDS = ("byline", "date", "text", "boilerplate", "image", "publisher")
_FIELDS: tuple[str, ...] = ()
_POSTED = re.compile(r"^\W*(?:posted|published|updated|written|last\s+updated|first\s+published)\b", re.I)
_PROSE = ('.', '?', '!', '"', '”', '’', "'", ')', '…')
# Words of subscription and sharing prompts ("Free Article Join Over 1 Million Premium Members…").
_PROMO = {"join", "members", "member", "premium", "subscribe", "subscriber", "subscribers", "subscription", "free",
          "unlock", "trial", "newsletter", "sign", "offer", "access", "unlimited", "share", "sharing", "options"}


def feature_names() -> list[str]:
    names = ["position", "first_line", "log_words", "short", "long", "prose", "title_case", "all_caps", "by_label",
             "posted_label", "name_like", "names_only", "dated", "date_share", "updated", "ui_words", "furniture",
             "digits", "separators", "prev_dated", "next_dated", "prev_name", "next_name", "next_prose",
             "prev_long", "repeated", "before_body", "to_body", "question", "headline_size", "ui_share", "outlet",
             "meta_below", "meta_above", "longest_above_body", "in_sentence_case", "starts_lower", "common_words",
             "prev_titled", "next_titled", "prev_longer", "twin", "repeats_within", "promo", "the_name",
             "dates_above", "sentences"]
    return names + [f"kind_{k}" for k in _KINDS] + [f"field_{f}" for f in _FIELDS]


def _line_cues(text: str) -> dict:
    words = text.split()
    n = len(words)
    if is_paragraph(text):
        return _paragraph_cues(text, n)
    found = parse_byline(text)
    head = re.split(r"\s*[·•|,]\s*", unglue(text))[0]
    return {
        "words": n,
        "prose": text.endswith(_PROSE),
        "title_case": sum(w[:1].isupper() for w in words) / max(n, 1),
        "all_caps": n >= 2 and text.isupper(),
        "by_label": bool(BYLINE.match(text)),
        "posted": bool(_POSTED.match(text)),
        "name_like": bool(found and found[0]),
        "names_only": is_name(head) and n <= 8,
        "dated": find_date(text) is not None,
        "date_share": date_share(text) if len(text) <= 160 else 0.0,
        "updated": bool(UPDATED.match(text)),
        "ui": ui_only(text),
        "furniture": is_furniture(text),
        "digits": sum(map(str.isdigit, text)) / max(len(text), 1),
        "separators": bool(re.search(r"[|:·•]", text)),
        "question": text.endswith("?"),
        "ui_share": sum(w.lower() in UI_WORDS for w in re.findall(r"[A-Za-z]+", text)) / max(n, 1),
        "outlet": is_outlet(text),
        "sentence_case": n >= 4 and sum(w[:1].isupper() for w in words[1:]) <= 0.3 * (n - 1),
        "starts_lower": text[:1].islower(),
        "repeats": _repeats(words),
        "promo": sum(w.lower() in _PROMO for w in re.findall(r"[A-Za-z]+", text)) / max(n, 1),
        "the_name": 2 <= n <= 4 and words[0] in ("The", "THE") and all(w[:1].isupper() for w in words),
        # A headline is one sentence; a notice or dialog runs on ("… can see it. Are you sure …? Yes, …").
        "sentences": min(len(re.findall(r"[a-z][.?!]\s+[A-Z]", text)), 3) / 3,
    }


def is_paragraph(text: str) -> bool:
    """Tell whether a line is a paragraph of prose (a long line, or a sentence of 20 words or more)."""
    n = len(text.split())
    return n > LONG or (n >= 20 and text.endswith(_PROSE))


def _paragraph_cues(text: str, n: int) -> dict:
    # A paragraph (a long line, or a sentence of 20 words or more) is no headline, byline or date line: its cues
    # are the cheap ones.
    return {"words": n, "prose": text.endswith(_PROSE), "title_case": 0.0, "all_caps": False, "by_label": False,
            "posted": False, "name_like": False, "names_only": False, "dated": False, "date_share": 0.0,
            "updated": False, "ui": False, "furniture": False, "digits": 0.0, "separators": False,
            "question": text.endswith("?"), "ui_share": 0.0, "outlet": False, "sentence_case": True,
            "starts_lower": text[:1].islower(), "repeats": False, "promo": 0.0, "the_name": False,
            "sentences": 0.0}


def _repeats(words: list[str]) -> bool:
    # A breadcrumb repeats its items ("Home TV & Movies TV & Movies Features"); a headline seldom repeats a word.
    seen = [w.lower() for w in words if len(w) >= 3]
    return len(words) <= 12 and len(seen) > len(set(seen))


def window(texts: list[str]) -> int:
    """Return how many of the first lines are scored: up to WINDOW, and no further than the third paragraph."""
    prose = 0
    for i, t in enumerate(texts[:WINDOW]):
        if len(t) > 120 and t.endswith(_PROSE):
            prose += 1
            if prose == 3:
                return i + 1
    return min(len(texts), WINDOW)


def features(texts: list[str], kinds: list[str], fields: list[str], lines: int | None = None) -> np.ndarray:
    """Return one row of cues for each of the first lines (their texts, the rules' kinds and fields): as many as
    `window` gives, or `lines` (training reads the first WINDOW lines of each page)."""
    n = min(len(texts), lines) if lines else window(texts)
    cues = [_line_cues(t) for t in texts[:n]]
    body = next((i for i, c in enumerate(cues) if c["words"] >= 20 and c["prose"] and not c["furniture"]), n)
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    # Words the page also writes in lower case are common words: a person's name is not ("Tax Exemption").
    lower = set(re.findall(r"(?<![\w.])[a-z][a-z'’-]+", "\n".join(texts[:n + 5])[:3000]))
    meta = [c["dated"] or c["by_label"] or (c["name_like"] and c["words"] <= 8) for c in cues]
    longest = max(range(body), key=lambda i: cues[i]["words"] if not cues[i]["prose"] else 0, default=-1)
    rows = []
    dates_above = 0
    for i, c in enumerate(cues):
        below = next((j - i for j in range(i + 1, min(n, i + 7)) if meta[j]), 7)
        above = next((i - j for j in range(i - 1, max(-1, i - 7), -1) if meta[j]), 7)
        prev = cues[i - 1] if i else None
        nxt = cues[i + 1] if i + 1 < n else None
        row = [min(i, 40) / 40, i == 0, math.log1p(c["words"]), c["words"] <= 2, c["words"] >= 25, c["prose"],
               c["title_case"], c["all_caps"], c["by_label"], c["posted"], c["name_like"], c["names_only"],
               c["dated"], c["date_share"], c["updated"], c["ui"], c["furniture"], c["digits"], c["separators"],
               bool(prev and prev["dated"]), bool(nxt and nxt["dated"]),
               bool(prev and prev["name_like"]), bool(nxt and nxt["name_like"]),
               bool(nxt and nxt["prose"] and nxt["words"] >= 15), bool(prev and prev["words"] >= 20),
               counts[texts[i]] > 1, i < body, max(-3.0, min(1.0, (i - body) / 10)), c["question"],
               4 <= c["words"] <= 20 and not c["prose"], c["ui_share"], c["outlet"], below / 7, above / 7,
               i == longest, c["sentence_case"], c["starts_lower"], _common(texts[i], lower),
               bool(prev and 4 <= prev["words"] <= 25 and not prev["furniture"] and not prev["dated"]),
               bool(nxt and 4 <= nxt["words"] <= 40 and not nxt["furniture"] and not nxt["dated"]),
               bool(prev and prev["words"] > c["words"]),
               (i > 0 and texts[i - 1] == texts[i]) or (i + 1 < n and texts[i + 1] == texts[i]), c["repeats"],
               c["promo"], c["the_name"], min(dates_above, 3) / 3, c["sentences"]]
        dates_above += c["dated"]
        row += [kinds[i] == k or (k == "date" and kinds[i] == "updated") or
                (k == "image" and kinds[i] in ("caption", "credit")) for k in _KINDS]
        row += [fields[i] == f or (f == "date" and fields[i] == "updated") or
                (f == "header" and fields[i] in ("section", "publisher")) for f in _FIELDS]
        rows.append(row)
    return np.asarray(rows, dtype=float).reshape(len(rows), len(feature_names()))


def _common(text: str, lower: set[str]) -> float:
    words = re.findall(r"[A-Z][a-z'’-]+", text)
    return sum(w.lower() in lower for w in words) / len(words) if words else 0.0


@lru_cache(maxsize=1)
def _model() -> dict:
    raw = resources.files("newskit").joinpath("data/header_lines.json").read_text(encoding="utf-8")
    return prepare(json.loads(raw))


def prepare(model: dict) -> dict:
    """Return a model as written by the training script, as arrays for `predict`."""
    if model["features"] != feature_names():
        raise RuntimeError("data/header_lines.json was trained on other features: rerun training/fields/train.py")
    return {"mean": np.asarray(model["mean"]), "scale": np.asarray(model["scale"]),
            **{t: np.asarray(model["weights"][t]) for t in TARGETS}}


def predict(x: np.ndarray, model: dict | None = None) -> dict[str, np.ndarray]:
    """Return, for each target, the probability that each row's line is the page's line of that field.

    The page's lines compete (a softmax over them, a conditional logit): the probabilities of a target sum to 1."""
    m = prepare(model) if model is not None else _model()
    z = (x - m["mean"]) / m["scale"]
    out = {}
    for t in TARGETS:
        s = z @ m[t]
        p = np.exp(s - s.max())
        out[t] = p / p.sum()
    return out

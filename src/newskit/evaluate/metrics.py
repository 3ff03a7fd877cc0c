"""Precision, recall and F1: the arithmetic every newskit score shares."""
from __future__ import annotations


def f1(p: float, r: float) -> float:
    """Return the harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    """Return (precision, recall, F1) from true positives and the predicted and gold counts."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, f1(p, r)

"""Temporal expressions resolved to TimeML TIMEX3 values (being built)."""
from __future__ import annotations


def extract_dates(doc, anchor=None):
    """Return the temporal expressions of `doc` as DateMention objects, resolved against `anchor`."""
    raise NotImplementedError

"""People, places, organizations and events, cleaned and grouped (being built)."""
from __future__ import annotations


def extract_entities(doc, article=None, *, all_types=False):
    """Return the entities of `doc` as Entity objects."""
    raise NotImplementedError

"""Places on the map: each place entity resolved to a gazetteer entry (GeoNames id, feature, point).

`resolve_places(entities, text, article)` is what the entity extractor calls; `gazetteer()` is the index, built once
per process on first use; `resolve_name(name)` resolves one name without an article around it.
"""
from newskit.geo.gazetteer import Gazetteer, Place, gazetteer
from newskit.geo.resolve import WEIGHTS, Weights, resolve_name, resolve_places

__all__ = ["WEIGHTS", "Gazetteer", "Place", "Weights", "gazetteer", "resolve_name", "resolve_places"]

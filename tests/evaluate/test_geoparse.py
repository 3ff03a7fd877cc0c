"""Geoparsing gold files and scores: the reader realigns drifting spans, the scores follow the reference metrics."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from newskit.cli import cli
from newskit.evaluate.geoparse import auc, is_geo_xml, km, read_geo, score_geo

from conftest import reference_scorer, shared_data

GOLD = """<?xml version="1.0" encoding="utf-8"?>
<articles>
 <article docid="7">
  <dltime>2021-03-04 10:00</dltime>
  <text><![CDATA[Ferries from Halifax to Boston were cancelled; Boston harbour stayed shut.]]></text>
  <toponyms>
   <toponym><phrase>Halifax</phrase><start>13</start><end>20</end>
    <gaztag geonameid="6324729"><lat>44.6464</lat><lon>-63.5729</lon></gaztag></toponym>
   <toponym><phrase>Boston</phrase><start>22</start><end>28</end>
    <gaztag geonameid="4930956"><lat>42.3584</lat><lon>-71.0598</lon></gaztag></toponym>
   <toponym><phrase>Atlantis</phrase><start>0</start><end>8</end><gaztag/></toponym>
  </toponyms>
 </article>
</articles>
"""


def test_reader_realigns_spans_and_counts_toponyms_without_coordinates(tmp_path):
    path = tmp_path / "gold.xml"
    path.write_text(GOLD, encoding="utf-8")
    assert is_geo_xml(str(path))
    (doc,) = read_geo(str(path))
    assert doc.id == "7" and doc.published == "2021-03-04" and doc.skipped == 1
    assert [g["text"] for g in doc.gold] == ["Halifax", "Boston"]  # Boston was 2 characters off
    assert doc.text[doc.gold[1]["start"]:doc.gold[1]["end"]] == "Boston"


def test_scores_count_misses_as_wrong(tmp_path):
    path = tmp_path / "gold.xml"
    path.write_text(GOLD, encoding="utf-8")
    (doc,) = read_geo(str(path))
    b = doc.text.index("Boston")
    record = {"entities": [
        {"type": "place", "mentions": [{"start": 13, "end": 20}],
         "geo": {"geonameid": 6324729, "lat": 44.65, "lon": -63.57}},
        {"type": "place", "mentions": [{"start": b, "end": b + 6}],
         "geo": {"geonameid": 1, "lat": 52.97, "lon": -0.02}}]}  # Boston, Lincolnshire
    s = score_geo([(doc, record)])
    assert (s["gold"], s["found"], s["resolved"], s["acc161"], s["acc161_resolved"]) == (2, 1.0, 1.0, 0.5, 0.5)
    assert s["id_match"] == 0.5 and s["mean_km"] == pytest.approx(s["median_km"]) and s["mean_km"] > 2500
    s = score_geo([(doc, {"entities": []})])
    assert (s["found"], s["acc161"], s["auc"], s["auc_all"]) == (0.0, 0.0, None, 1.0)


def test_distance_and_auc():
    assert km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)
    assert auc([0.0, 0.0]) == 0.0 and auc([], misses=3) == 1.0


def test_eval_geo_agrees_with_reference_scorer(tmp_path):
    corpus = shared_data("geo") / "TR-News.xml"
    root = ET.parse(corpus).getroot()
    for art in list(root)[4:]:
        root.remove(art)
    path = tmp_path / "four.xml"
    ET.ElementTree(root).write(path, encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", str(path), "--json"])
    assert res.exit_code == 0, res.output
    ours = json.loads(res.output)["geo"]["geo"]

    (reference,) = reference_scorer("geo")
    import newskit

    docs = reference.read_corpus(str(path))
    pairs = [(d, newskit.analyze_text(d["text"], published=d.get("published"), tasks=("parse", "entities")).to_dict())
             for d in docs]
    ref = reference.geo_scores(pairs)
    for k in ("found", "resolved", "acc161", "acc161_resolved"):
        assert abs(ours[k] - ref[k]) < 1e-9, k

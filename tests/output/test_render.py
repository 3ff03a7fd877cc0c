"""Terminal views: rich tables and plain lines print what the record holds, safely."""

from __future__ import annotations

from newskit.output.render import plain


def test_rich_view_prints_brackets_as_written(tmp_path):
    from rich.console import Console

    from newskit.output.render import rich_view

    rec = {"id": "x", "article": {"headline": "Putin [/b] visits [sic]", "paragraphs": [], "authors": []}}
    console = Console(record=True, width=100)
    console.print(rich_view(rec, "parse"))
    assert "Putin [/b] visits [sic]" in console.export_text()


def test_plain_output_has_no_control_characters():
    rec = {"id": "x", "article": {"headline": "Bad\x1b[31m head\x07line", "paragraphs": [], "authors": []},
           "entities": [{"id": "E1", "type": "person", "name": "A\x1bB", "count": 1}]}
    out = plain(rec, "analyze")
    assert "\x1b" not in out and "\x07" not in out


def _ordered(rendered: str, values: list[str]) -> list[str]:
    return sorted(values, key=lambda v: rendered.index(f" {v} "))


def test_sort_by_value_and_timeline_put_a_week_by_its_first_day():
    # Issue 12.13: 2024-W03 (15-21 January) sorted after 2024-01-22 here, as a string, but before 2024-01-19 in the
    # report. Every view now orders by the period's first day, then its length.
    from rich.console import Console

    from newskit.output.render import rich_view

    values = ["2024-01-22", "2024-W03", "2024-01-19", "2024-01", "PXY"]
    dates = [{"start": 0, "end": 1, "text": "x", "type": "DATE", "value": v} for v in values]
    span = {"start": 0, "end": 1, "text": "x"}
    events = [{"type": "visit", "trigger": span, "sentence": span, "status": "happened", "who": [], "where": [],
               "when": {"value": v, **span}, "mentions": [span]} for v in values]
    rec = {"id": "x", "dates": dates, "events": events, "entities": []}
    console = Console(record=True, width=200)
    console.print(rich_view(rec, "dates", sort="value"))
    assert _ordered(console.export_text(), values) == ["2024-01", "2024-W03", "2024-01-19", "2024-01-22", "PXY"]
    console = Console(record=True, width=200)
    console.print(rich_view(rec, "events", timeline=True))
    assert _ordered(console.export_text(), values) == ["2024-01", "2024-W03", "2024-01-19", "2024-01-22", "PXY"]


def test_quotes_view_tells_scare_quotes_and_paraphrase_from_direct_speech():
    # A scare quote ('dismissed the announcement as a "claim"') printed bare read as the ministry's own words.
    from rich.console import Console

    from newskit.output.render import rich_view

    def quote(text, kind, cue):
        return {"start": 0, "end": len(text), "text": text, "direct": kind != "indirect", "kind": kind,
                "cue": {"start": 0, "end": len(cue), "text": cue}, "speaker": {"name": "The ministry"}}

    rec = {"id": "x", "quotes": [quote("“We will respond,”", "direct", "said"), quote("“claim,”", "scare", "dismissed"),
                                 quote("talks would resume", "indirect", "said")]}
    console = Console(record=True, width=100)
    console.print(rich_view(rec, "quotes"))
    rows = [line for line in console.export_text().splitlines() if "The ministry" in line]
    assert "(scare)" in rows[1] and "(indirect)" in rows[2]
    assert "(" not in rows[0]


def test_event_gist_says_a_trigger_once_when_the_participant_name_repeats_it():
    from newskit.output.render import event_summary

    names = {"E1": "Halvorsen Robotics", "E2": "Acquire Brightline Sensors", "E3": "Brightline Sensors"}
    ev = {"trigger": {"text": "Acquire"}, "who": [], "whom": ["E2"], "what": []}
    assert event_summary(ev, names) == "Acquire Brightline Sensors"
    ev = {"trigger": {"text": "acquire"}, "who": ["E1"], "whom": ["E3"], "what": []}
    assert event_summary(ev, names) == "Halvorsen Robotics acquire Brightline Sensors"

"""Terminal views: rich tables and plain lines print what the record holds, safely."""

from __future__ import annotations

from newskit.output.render import plain
from newskit.record import Article, DateMention, Entity, Event, Quote, Record, Span, Speaker, When


def test_rich_view_prints_brackets_as_written(tmp_path):
    from rich.console import Console

    from newskit.output.render import rich_view

    rec = Record("x", article=Article(headline="Putin [/b] visits [sic]"))
    console = Console(record=True, width=100)
    console.print(rich_view(rec, "parse"))
    assert "Putin [/b] visits [sic]" in console.export_text()


def test_plain_output_has_no_control_characters():
    rec = Record("x", article=Article(headline="Bad\x1b[31m head\x07line"),
                 entities=(Entity(id="E1", type="person", name="A\x1bB", label="PERSON", mentions=(Span(0, 1, "A"),)),))
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
    dates = tuple(DateMention(0, 1, "x", "DATE", v) for v in values)
    span = Span(0, 1, "x")
    events = tuple(Event("visit", span, span, "happened", when=When(0, 1, "x", v), mentions=(span,)) for v in values)
    rec = Record("x", dates=dates, events=events, entities=())
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
        return Quote(0, len(text), text, kind != "indirect", kind, cue=Span(0, len(cue), cue),
                     speaker=Speaker(0, 12, "The ministry", name="The ministry"))

    rec = Record("x", quotes=(quote("“We will respond,”", "direct", "said"), quote("“claim,”", "scare", "dismissed"),
                              quote("talks would resume", "indirect", "said")))
    console = Console(record=True, width=100)
    console.print(rich_view(rec, "quotes"))
    rows = [line for line in console.export_text().splitlines() if "The ministry" in line]
    assert "(scare)" in rows[1] and "(indirect)" in rows[2]
    assert "(" not in rows[0]


def test_event_gist_says_a_trigger_once_when_the_participant_name_repeats_it():
    from newskit.output.render import event_summary
    from newskit.record import Event, Span

    def ev(trigger: str, who: tuple[str, ...], whom: tuple[str, ...]) -> Event:
        return Event("acquire", Span(0, len(trigger), trigger), Span(0, len(trigger), trigger), "happened",
                     who=who, whom=whom)

    names = {"E1": "Halvorsen Robotics", "E2": "Acquire Brightline Sensors", "E3": "Brightline Sensors"}
    assert event_summary(ev("Acquire", (), ("E2",)), names) == "Acquire Brightline Sensors"
    assert event_summary(ev("acquire", ("E1",), ("E3",)), names) == "Halvorsen Robotics acquire Brightline Sensors"

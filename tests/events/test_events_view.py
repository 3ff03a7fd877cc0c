"""The terminal view of events at 80 and 120 columns: one line per event when narrow, the sentence below when wide."""
from __future__ import annotations

from dataclasses import replace

from rich.console import Console

from newskit.output.render import SENTENCE_MIN_WIDTH, event_summary, rich_view
from newskit.record import Entity, Event, Record, Span, When

SENTENCE = ("The board of Orbis Bank, meeting in Porto after a long and difficult week of talks with regulators "
            "from three countries, said on Monday that Marta Kowalski would step down as chief executive.")


def _event(when, typ, status, trigger, who=(), where=(), reported_by=None, sentence=SENTENCE):
    start = sentence.find(trigger)
    return Event(typ, Span(start, start + len(trigger), trigger), Span(0, len(sentence), sentence), status,
                 who=tuple(who), where=tuple(where), reported_by=reported_by, predicate=trigger,
                 when=When(None, None, None, when, "published") if when else None)


def _entity(eid, name, etype):
    return Entity(id=eid, name=name, type=etype, label="", mentions=(Span(0, len(name), name),))


RECORD = Record(
    "orbis.txt",
    entities=(_entity("E1", "Orbis Bank", "organization"), _entity("E2", "Marta Kowalski", "person"),
              _entity("E3", "Porto", "place")),
    events=(_event("2025-03-10", "statement", "happened", "said", who=["E1"]),
            _event(None, "resignation", "planned", "step down", who=["E2"], reported_by="E1"),
            _event("2025-W10", "meeting", "happened", "talks", who=["E1"], where=["E3"],
                   sentence="Orbis Bank held talks in Porto."),
            _event("2024-12", "military_exercise", "hypothetical", "meeting", who=["E1", "E2"], where=["E3"])),
)


def _render(width, **kw):
    console = Console(width=width, record=True, color_system=None)
    console.print(rich_view(RECORD, "events", **kw))
    return console.export_text().splitlines()


def test_narrow_terminal_one_line_per_event():
    lines = _render(80)
    assert all(len(line) <= 80 for line in lines)
    body = lines[3:]  # id, "events (4)", column header
    assert len(body) == len(RECORD.events)
    assert body[0].startswith(" 2025-03-10 statement") and "happened" in body[0]
    assert "Marta Kowalski step down (per Orbis Bank)" in body[1] and "planned" in body[1]
    assert "hypothetical" in body[3] and body[3].startswith(" 2024-12")
    assert not any(SENTENCE[:30] in line for line in lines)


def test_a_time_value_stays_whole_at_80_columns():
    record = replace(RECORD, events=(_event("2025-03-10T09:30", "statement", "reported", "said", who=["E1"]),))
    console = Console(width=80, record=True, color_system=None)
    console.print(rich_view(record, "events"))
    line = console.export_text().splitlines()[3]
    assert line.startswith(" 2025-03-10T09:30 statement reported") and "Orbis Bank said" in line


def test_wide_terminal_adds_the_sentence_once():
    lines = _render(120)
    assert SENTENCE_MIN_WIDTH <= 120 and all(len(line) <= 120 for line in lines)
    sentence_lines = [line for line in lines if SENTENCE[:30] in line]
    # events 1, 2 and 4 share a sentence: shown under event 1, and again under event 4 after event 3's own
    assert len(sentence_lines) == 2 and sentence_lines[0].rstrip().endswith("…")
    assert any("Orbis Bank held talks in Porto." in line for line in lines)
    assert len(lines) == 3 + len(RECORD.events) + 3


def test_timeline_orders_by_date_undated_last():
    lines = _render(80, timeline=True)[3:]
    assert [line[:11].strip() for line in lines] == ["2024-12", "2025-W10", "2025-03-10", ""]


def test_summary_reads_who_trigger_where():
    names = {e.id: e.name for e in RECORD.entities}
    assert event_summary(RECORD.events[2], names) == "Orbis Bank talks @ Porto"

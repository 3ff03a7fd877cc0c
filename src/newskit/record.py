"""The record model: every value newskit returns, as frozen dataclasses, and the one JSON shape they serialise to.

A record is what every command writes per input article: `Record` (article fields, entities, dates, quotes,
events) or, for an input that failed, `ErrorRecord`. Every piece of article text is a `Span` (or a class built on
it): `start`/`end` are Python string indices into the article text and `text == full[start:end]`.

The classes are the single source of truth for the record's shape:
- `to_dict()` is generic (`Value`): keys come out in field order (names listed in a class's `json_first` lead),
  nested values are serialised recursively, and a field's `Info(omit=...)` leaves it out when it holds nothing.
- The JSON Schema (data/record.schema.json) is generated from these annotations by `newskit.schema`; a test fails
  when the committed file and the generated one differ.

To add a field: declare it on its class below, typed, with an `Info(...)` describing it (and a default, so
existing callers keep working), then regenerate the schema:

    python3 -m newskit.schema > src/newskit/data/record.schema.json

Entity mentions in the record are plain `Span`s; `newskit.entities.span.Mention` is the entity extractor's
working candidate (token offsets, model label, where it was found) and never leaves that package.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

EntityType = Literal["person", "place", "organization", "event", "nationality", "product", "index", "work_of_art",
                     "law", "language"]
EntityRole = Literal["author", "credit"]
SpeakerRole = Literal["author"]
DateType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "scare"]
EventType = Literal["visit", "meeting", "statement", "launch", "test", "military_exercise", "attack", "agreement",
                    "arms_transfer", "election", "war", "acquisition", "sale", "lawsuit", "ruling", "appointment",
                    "resignation", "death", "arrest", "protest", "disaster", "financial_result", "product_launch",
                    "other"]
EventStatus = Literal["happened", "planned", "reported", "negated", "hypothetical"]
GeoFeature = Literal["country", "admin1", "admin2", "city", "continent", "region"]
WhenSource = Literal["clause", "sentence", "published"]
LayoutField = Literal["section", "header", "headline", "subheadline", "byline", "publisher", "date", "updated",
                      "dateline", "image", "caption", "credit", "body", "boilerplate"]

ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"


# ------------------------------------------------------------------------------------------------ vocabularies
# One registry per vocabulary of the record: every extractor and renderer reads these instead of spelling the
# values out. Each Literal above is checked against its registry at import, so the two cannot drift apart.


@dataclass(frozen=True)
class EntityKind:
    """One entity type: how the model's labels map to it, and how readers are shown it."""

    name: str
    labels: tuple[str, ...]  # the spaCy labels whose mentions become this type
    plural: str  # "people": table titles and counts
    core: bool = False  # listed by default and grouped across labels; the other types only with --all
    can_speak: bool = False  # a quote may be attributed to it
    can_act: bool = False  # it may be an event's who/whom
    colors: tuple[str, str] | None = None  # report highlight: (background, label text); None: the "other" colours
    short: str | None = None  # the report's mark label; None: the spaCy label, lowercased
    panel: str | None = None  # the report's side-panel title; None: no panel
    panel_below: bool = False  # the panel comes after the timeline and quotes, not before


ENTITY_TYPES: tuple[EntityKind, ...] = (
    EntityKind("person", ("PERSON",), "people", core=True, can_speak=True, can_act=True,
               colors=("#ffe1b8", "#6b3300"), short="person", panel="People"),
    EntityKind("place", ("GPE", "LOC", "FAC"), "places", core=True, can_speak=True, can_act=True,
               colors=("#d3ecd9", "#1c5229"), short="place", panel="Places"),
    EntityKind("organization", ("ORG",), "organizations", core=True, can_speak=True, can_act=True,
               colors=("#d9e3fb", "#1f3d87"), short="org", panel="Organizations"),
    EntityKind("event", ("EVENT",), "events", core=True, colors=("#f4dbee", "#74195a"), short="event",
               panel="Named events", panel_below=True),
    EntityKind("nationality", ("NORP",), "nationalities"),
    EntityKind("product", ("PRODUCT",), "products"),
    EntityKind("index", ("INDEX",), "market indices"),  # "Dow Jones Industrial Average": no firm, no product
    EntityKind("work_of_art", ("WORK_OF_ART",), "works of art"),
    EntityKind("law", ("LAW",), "laws"),
    EntityKind("language", ("LANGUAGE",), "languages"),
)
ENTITY_KINDS: dict[str, EntityKind] = {k.name: k for k in ENTITY_TYPES}
# spaCy entity label -> entity type: the labels that name things (numeric labels, DATE, MONEY..., are not entities).
LABEL_TYPES: dict[str, str] = {label: k.name for k in ENTITY_TYPES for label in k.labels}


@dataclass(frozen=True)
class EventKind:
    """One event type (the trigger word lists in the lexicon map words to these names)."""

    name: str

    @property
    def words(self) -> str:
        """The type for readers: "military exercise"."""
        return self.name.replace("_", " ")


EVENT_TYPES: tuple[EventKind, ...] = tuple(EventKind(n) for n in (
    "visit", "meeting", "statement", "launch", "test", "military_exercise", "attack", "agreement", "arms_transfer",
    "election", "war", "acquisition", "sale", "lawsuit", "ruling", "appointment", "resignation", "death", "arrest",
    "protest", "disaster", "financial_result", "product_launch", "other"))
EVENT_KINDS: dict[str, EventKind] = {k.name: k for k in EVENT_TYPES}


@dataclass(frozen=True)
class DateKind:
    """One TIMEX3 type."""

    name: str
    doc: str


DATE_TYPES: tuple[DateKind, ...] = (
    DateKind("DATE", "a calendar date or period: 2024-01-22, 2024-W03, 2024-Q1"),
    DateKind("TIME", "a time of day: 2024-01-22T15:00, 2024-01-22TMO"),
    DateKind("DURATION", "a length of time: P3D, PT2H"),
    DateKind("SET", "a recurrence: XXXX-WXX-1 (every Monday)"),
)
DATE_KINDS: dict[str, DateKind] = {k.name: k for k in DATE_TYPES}


def _check_registry(literal: Any, names: tuple[str, ...]) -> None:
    if typing.get_args(literal) != names:
        raise TypeError(f"the Literal {typing.get_args(literal)} and its registry {names} differ")


_check_registry(EntityType, tuple(ENTITY_KINDS))
_check_registry(EventType, tuple(EVENT_KINDS))
_check_registry(DateType, tuple(DATE_KINDS))


def literal_map(table: Mapping[str, str], literal: Any) -> dict[str, Any]:
    """Return a word table (from newskit.lexicon) whose values must be values of the Literal type `literal`, after
    checking they are: a typo in a data file fails at import instead of reaching the records."""
    bad = sorted(set(table.values()) - set(typing.get_args(literal)))
    if bad:
        raise ValueError(f"not one of {typing.get_args(literal)}: {', '.join(bad)}")
    return dict(table)


@dataclass(frozen=True)
class Info:
    """What a field means (the schema's description and constraints) and when `to_dict` leaves it out."""

    doc: str = ""
    omit: Callable[[Any], bool] | None = None
    dump: Callable[[Any], Any] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None


def is_none(value: object) -> bool:
    return value is None


def is_true(value: object) -> bool:
    return value is True


def one_or_none(value: tuple[object, ...]) -> bool:
    return len(value) <= 1


def _round4(value: float) -> float:
    return round(value, 4)


class Value:
    """Mixin of every record class: a generic `to_dict()` driven by the dataclass fields and their `Info`."""

    json_first: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict of this value (keys in field order, empty optional fields left out)."""
        out: dict[str, Any] = {}
        for name, info in plan(type(self)):
            value = getattr(self, name)
            if info.omit is not None and info.omit(value):
                continue
            out[name] = info.dump(value) if info.dump is not None else _dump(value)
        return out


def _dump(value: Any) -> Any:
    if isinstance(value, Value):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return dict(value)
    return value


_PLANS: dict[type, list[tuple[str, Info]]] = {}


def plan(cls: type) -> list[tuple[str, Info]]:
    """Return a record class's serialised fields in output order, each with its `Info` (computed once)."""
    if cls not in _PLANS:
        hints = typing.get_type_hints(cls, include_extras=True)
        names = [f.name for f in dataclasses.fields(cls)]
        lead = [n for n in getattr(cls, "json_first", ()) if n in names]
        rows = []
        for name in lead + [n for n in names if n not in lead]:
            meta = [m for m in getattr(hints[name], "__metadata__", ()) if isinstance(m, Info)]
            rows.append((name, meta[0] if meta else Info()))
        _PLANS[cls] = rows
    return _PLANS[cls]


def text_fields(cls: type) -> tuple[str, ...]:
    """Return the names of a record class's fields that hold one piece of text (`str` or `str | None`), in field
    order: the views show an article's by these, so a text field added to `Article` is shown with no other edit."""
    def is_text(hint: Any) -> bool:
        return hint is str or (typing.get_origin(hint) in (typing.Union, types.UnionType)
                               and set(typing.get_args(hint)) - {type(None)} == {str})

    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in dataclasses.fields(cls) if is_text(hints[f.name]))


# ------------------------------------------------------------------------------------------------- spans


@dataclass(frozen=True)
class Span(Value):
    """A piece of the article text: `text == article_text[start:end]` (Python string indices)."""

    start: Annotated[int, Info(minimum=0)]
    end: Annotated[int, Info(minimum=0)]
    text: str


@dataclass(frozen=True, kw_only=True)
class LayoutLine(Span):
    """One non-blank input line (or part of one) and the field it was assigned to."""

    json_first = ("field",)
    field: LayoutField


# ------------------------------------------------------------------------------------------------- article


@dataclass(frozen=True, kw_only=True)
class Image(Value):
    """An image the article shows: its file name (when given), caption and credit, each with its span."""

    file: str | None = None
    caption: str | None = None
    credit: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Article(Value):
    """The fields recovered from an article's text.

    `layout` assigns every non-blank input line to exactly one field, so nothing of the input is lost."""

    headline: str | None = None
    subheadline: Annotated[str | None, Info("the dek / standfirst")] = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: Annotated[str | None, Info(pattern=ISO_DAY)] = None
    updated: Annotated[str | None, Info(pattern=ISO_DAY)] = None
    dateline: Annotated[str | None, Info("the place of the dateline, without dash or agency")] = None
    images: tuple[Image, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    boilerplate: Annotated[tuple[Span, ...], Info("page furniture kept out of the body")] = ()
    layout: Annotated[tuple[LayoutLine, ...], Info("every non-blank input line and the field it was assigned to")] = ()
    sources: Annotated[dict[str, str], Info("where a field came from (date-line, byline, json-ld, ...)")] = \
        field(default_factory=dict)

    def spans_of(self, *fields: str) -> list[LayoutLine]:
        """Return the layout lines assigned to any of `fields`."""
        return [ln for ln in self.layout if ln.field in fields]


# ------------------------------------------------------------------------------------------------ entities


@dataclass(frozen=True, kw_only=True)
class Geo(Value):
    """The gazetteer entry a place resolves to: its GeoNames id and point (for an area, the point GeoNames gives it)."""

    geonameid: Annotated[int, Info("GeoNames id", minimum=0)]
    name: Annotated[str, Info("the entry's name")]
    feature: Annotated[GeoFeature, Info("country, admin1 (state, province), admin2 (county), city, continent or "
                                        "region")]
    country_code: Annotated[str | None, Info("ISO 3166-1 alpha-2 code; null for continents and regions across "
                                             "countries")] = None
    admin1: Annotated[str | None, Info("GeoNames admin1 code of the state or province it lies in (US: postal code)",
                                       omit=is_none)] = None
    lat: Annotated[float, Info("latitude, WGS84 degrees", minimum=-90, maximum=90)]
    lon: Annotated[float, Info("longitude, WGS84 degrees", minimum=-180, maximum=180)]
    population: Annotated[int | None, Info(minimum=0, omit=is_none)] = None
    confidence: Annotated[float, Info("share of the evidence for this entry among the candidates", dump=_round4,
                                      minimum=0, maximum=1)] = 1.0


@dataclass(frozen=True, kw_only=True)
class Entity(Value):
    """A person, place, organization or event, with every mention of it in the article."""

    id: Annotated[str, Info(pattern=r"^E\d+$")]
    name: Annotated[str, Info("the canonical name")]
    type: Annotated[EntityType, Info("person, place, organization, event; the other types only with --all")]
    label: Annotated[str, Info("the spaCy label")]
    key: Annotated[str, Info(
        "archive-wide identity, TYPE:normalized name ('organization:general motors' for 'General Motors Corp.'): "
        "computed from the article alone, the same in every article that names the thing the same way; `newskit "
        "link` resolves it across an archive ('person:obama' -> 'person:barack obama'; a place name the archive "
        "resolves to two places keys the one fewer articles mean by its entry's codes: 'place:georgia (us-ga)')")] = ""
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    count: Annotated[int, Info("number of mentions", minimum=0)] = field(init=False, default=0)
    salience: Annotated[float, Info("how central to the article", dump=_round4, minimum=0, maximum=1)] = 0.0
    mentions: tuple[Span, ...]
    role: Annotated[EntityRole | None, Info("author: named only in the byline; credit: named only in a photo credit",
                                            omit=is_none)] = None
    geo: Annotated[Geo | None, Info("the gazetteer entry a place resolves to (places only; absent when none fits)",
                                    omit=is_none)] = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "count", len(self.mentions))


# ------------------------------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateMention(Span):
    """A temporal expression and its TimeML TIMEX3 value, resolved against the anchor date."""

    type: DateType
    value: Annotated[str, Info("TimeML TIMEX3 value")]
    anchored: Annotated[bool, Info("false when no publication date was known to resolve against (XXXX-09)",
                                   omit=is_true)] = True


# ------------------------------------------------------------------------------------------------ quotes


@dataclass(frozen=True, kw_only=True)
class Speaker(Span):
    """Who a quote is attributed to: the attributing mention and, when resolvable, its entity id."""

    json_first = ("name", "entity")
    name: str | None
    entity: Annotated[str | None, Info("the speaker's entity id")] = None
    role: Annotated[SpeakerRole | None, Info("author: a first-person speaker, the article's author",
                                             omit=is_none)] = None


@dataclass(frozen=True)
class Quote(Span):
    """A quotation: direct (in quotation marks), indirect (reported speech) or scare (quoted words, no statement)."""

    direct: Annotated[bool, Info("in quotation marks")]
    kind: QuoteKind
    cue: Annotated[Span | None, Info("the verb of saying, colon or dash that attributes it")] = None
    speaker: Speaker | None = None
    parts: Annotated[tuple[Span, ...], Info("the quoted pieces, when a quote is split around its cue",
                                            omit=one_or_none)] = ()


# ------------------------------------------------------------------------------------------------ events


@dataclass(frozen=True)
class When(Value):
    """The date of an event: its TIMEX3 value, the time expression it was read from (none when the publication date
    stands in) and the rule that found it."""

    json_first = ("value",)
    start: Annotated[int | None, Info("where the time expression starts; null when source is published", minimum=0)]
    end: Annotated[int | None, Info(minimum=0)]
    text: Annotated[str | None, Info("the time expression")]
    value: Annotated[str, Info("TimeML TIMEX3 value")]
    source: Annotated[WhenSource, Info("clause: a time expression in the event's own clause; sentence: one governing "
                                       "it from above; published: the article's date, for present-tense events and "
                                       "statements")] = "clause"


@dataclass(frozen=True)
class Event(Value):
    """Something the article reports happened or will happen."""

    json_first = ("type", "predicate", "trigger", "sentence", "status", "who", "whom", "what", "where", "when",
                  "reported_by")
    type: EventType
    trigger: Annotated[Span, Info("the word that names the event")]
    sentence: Span
    status: Annotated[EventStatus, Info("happened; planned (future, intended); reported (only someone's word); "
                                        "negated; hypothetical (under a condition or could/may)")]
    who: Annotated[tuple[str, ...], Info("entity ids of the agents")] = ()
    where: Annotated[tuple[str, ...], Info("entity ids of the places")] = ()
    when: When | None = None
    mentions: Annotated[tuple[Span, ...], Info("every span telling this happening: triggers grouped into it, the "
                                               "light verb of 'held talks'")] = ()
    predicate: Annotated[str, Info("lemma of the word naming the event, with a verb's particle ('step down')")] = ""
    whom: Annotated[tuple[str, ...], Info("entity ids of the people, organizations or places it is done to")] = ()
    what: Annotated[tuple[str, ...], Info("entity ids of other named things it is done to")] = ()
    reported_by: Annotated[str | None, Info("entity id of whoever the article has it from "
                                            "('KCNA said Putin will visit')")] = None


# ------------------------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Record(Value):
    """One article's record; each command fills its own sections (parse: article; entities: also entities and dates)."""

    id: Annotated[str, Info("path as given, '-', the JSONL id, or the JSONL line number")]
    text: Annotated[str | None, Info("the article text offsets index (HTML inputs, or when asked)", omit=is_none)] \
        = None
    article: Article = field(default_factory=Article)
    entities: Annotated[tuple[Entity, ...] | None, Info(omit=is_none)] = None
    dates: Annotated[tuple[DateMention, ...] | None, Info(omit=is_none)] = None
    quotes: Annotated[tuple[Quote, ...] | None, Info(omit=is_none)] = None
    events: Annotated[tuple[Event, ...] | None, Info(omit=is_none)] = None
    meta: Annotated[dict[str, Any] | None, Info("unknown keys of a JSONL input line, unchanged", omit=is_none)] = None


@dataclass(frozen=True)
class ErrorInfo(Value):
    """Why an input failed: a stable machine-readable code and a one-line message."""

    code: str
    message: str
    where: Annotated[str | None, Info("FILE:LINE when the input is one line of a JSON Lines file",
                                      omit=is_none)] = None


@dataclass(frozen=True)
class ErrorRecord(Value):
    """The record that stands in for an input that failed."""

    id: str
    error: ErrorInfo


AnyRecord = Record | ErrorRecord  # what every command yields per input

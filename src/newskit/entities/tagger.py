"""`newskit_ner`: a trainable entity recognizer that tags each token BILUO with its own small embedding network.

A per-token softmax over BILUO tags (spaCy's Tagger model) instead of a transition-based parser: it costs a small
tok2vec plus one matrix product, where a second transition-based recognizer would cost a fifth of the whole
pipeline. Its embedding also reads ENT_TYPE and ENT_IOB, the labels a base recognizer placed before it gave each
token: it learns when to trust them (the base model knows "Airbus" is a company; CoNLL-2003 teaches it that
"Japan" in a football score is a team). Without a base recognizer before it those features are empty. It writes
its spans to `doc.spans[spans_key]` (never `doc.ents`, the base model's), so it can be added to any pipeline;
`newskit_ner_merge` (newskit.entities.combine) then decides the final `doc.ents`.

Its token features may instead be built on vectors a frozen base component computed (newskit.TensorTok2Vec.v1:
the shared tok2vec's doc.tensor, or the base `ner`'s own tok2vec output through tap_tok2vec); training/ner/train.py
--features says what that measured. Such a model only joins the base pipeline it was trained behind.

Trained by training/ner/train.py (`spacy train` with this module passed as --code).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import TYPE_CHECKING, Any, cast

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import offsets_to_biluo_tags, validate_examples, validate_get_examples
from spacy.util import registry
from thinc.api import Config, Model, SequenceCategoricalCrossentropy

if TYPE_CHECKING:
    from spacy.training import Example
    from spacy.vocab import Vocab
    from thinc.types import Floats2d, Ints1d

# A scorer: the examples (and Scorer.score_spans' options) -> the scores by name, as spaCy's scorers return them.
ScorerFn = Callable[..., dict[str, Any]]

SPANS_KEY = "newskit_ner"
# doc.user_data key of the token vectors the base `ner` computed for a doc (see tap_tok2vec); newskit_ner drops them.
BASE_VECTORS = "newskit_base_ner_vectors"

DEFAULT_MODEL = Config().from_str("""
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 64
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "ENT_TYPE", "ENT_IOB"]
rows = [5000, 1000, 2500, 2500, 50, 10]
include_static_vectors = false

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
depth = 3
window_size = 1
maxout_pieces = 3
""")["model"]


def _vectors(doc: Doc, source: str) -> Any:
    return doc.tensor if source == "tok2vec" else doc.user_data.get(BASE_VECTORS)


@registry.layers("newskit.DocTensor.v1")
def doc_tensor(width: int = 96, source: str = "tok2vec") -> Model[list[Doc], list[Floats2d]]:
    """Return a layer reading the token vectors an earlier, frozen component left on each doc: `doc.tensor` from
    the pipeline's shared `tok2vec` (source "tok2vec"), or the vectors the base `ner` computed for itself and
    tap_tok2vec keeps (source "ner").

    Nothing to learn and no gradient: the component that wrote them is frozen. A doc without vectors of that
    width (the component did not run) reads zeros; add_conll_ner only adds a recognizer built on them behind its
    own base."""
    def forward(model: Model[list[Doc], list[Floats2d]], docs: list[Doc],
                is_train: bool) -> tuple[list[Floats2d], Callable[[list[Floats2d]], list[Doc]]]:
        ops = model.ops
        out = []
        for doc in docs:
            vectors = _vectors(doc, source)
            fits = vectors is not None and vectors.shape == (len(doc), width)
            out.append(ops.asarray2f(cast("Floats2d", vectors)) if fits else ops.alloc2f(len(doc), width))
        return out, lambda d_out: []

    return Model("doc_tensor", forward, dims={"nO": width})


@registry.architectures("newskit.TensorTok2Vec.v1")  # type: ignore[untyped-decorator]
def tensor_tok2vec(base: str, tensor_width: int, ent_width: int, width: int, depth: int,
                   own: Model[list[Doc], list[Floats2d]] | None = None,
                   source: str = "tok2vec") -> Model[list[Doc], list[Floats2d]]:
    """Return token vectors built on a frozen base component's token vectors (see doc_tensor for `source`).

    Concatenated to it: an embedding of the base recognizer's labels (ENT_TYPE, ENT_IOB; `ent_width` wide, 0 for
    none) and `own`, a tok2vec of the component's own if given; then, if `width` > 0, a Maxout layer to `width`
    and `depth` window-encoder layers over it. `base` names the pipeline whose tok2vec wrote the tensor
    (lang_name of its meta): the numbers mean nothing behind another one."""
    from spacy.ml.models import MaxoutWindowEncoder, MultiHashEmbed
    from thinc.api import Maxout, chain, concatenate, with_array

    parts, n_in = [doc_tensor(tensor_width, source)], tensor_width
    if ent_width:
        parts.append(MultiHashEmbed(width=ent_width, attrs=["ENT_TYPE", "ENT_IOB"], rows=[50, 10],
                                    include_static_vectors=False))
        n_in += ent_width
    if own is not None:
        parts.append(own)
        n_in += own.get_dim("nO")
    joined: Model[list[Doc], list[Floats2d]] = concatenate(*parts)
    joined.set_dim("nO", n_in)
    if not width:
        model = joined
    else:
        mix: Model[Floats2d, Floats2d] = Maxout(width, n_in, nP=3, dropout=0.0, normalize=True)
        if depth:
            # spaCy's encoder takes lists too; here, inside with_array, it sees the batch's tokens as one array
            encode = cast("Model[Floats2d, Floats2d]",
                          MaxoutWindowEncoder(width=width, window_size=1, maxout_pieces=3, depth=depth))
            mix = chain(mix, encode)
        model = chain(joined, with_array(mix))
        model.set_dim("nO", width)
    model.attrs["newskit_base"] = base
    return model


def tensor_base(config: dict[str, Any]) -> tuple[str, str] | None:
    """Return (base, source) of the first newskit.TensorTok2Vec layer in a component's config (None: none)."""
    if config.get("@architectures") == "newskit.TensorTok2Vec.v1":
        return str(config.get("base")), str(config.get("source", "tok2vec"))
    for value in config.values():
        if isinstance(value, dict) and (found := tensor_base(value)) is not None:
            return found
    return None


def tap_tok2vec(nlp: Language, name: str = "ner") -> bool:
    """Make the component `name` leave the token vectors its model's own tok2vec computes on each doc
    (doc.user_data[BASE_VECTORS]), at no extra cost; returns whether it could (again is harmless).

    spaCy's transition-based `ner` embeds the tokens with a tok2vec of its own (in en_core_web_sm not the
    pipeline's shared one, which the tagger and parser listen to): trained for entities on OntoNotes, those are
    the vectors a later recognizer learns most from. The layer's forward function is wrapped; its weights and the
    model's structure (and so its serialization) are unchanged."""
    if name not in nlp.pipe_names:
        return False
    model = getattr(nlp.get_pipe(name), "model", None)
    if not isinstance(model, Model) or not model.has_ref("tok2vec"):
        return False
    inner = model.get_ref("tok2vec")
    forward = inner._func
    if getattr(forward, "newskit_tap", False):
        return True

    def tapped(layer: Model[list[Doc], Floats2d], docs: list[Doc], is_train: bool) -> tuple[Floats2d, Any]:
        vectors, backprop = forward(layer, docs, is_train)
        start = 0
        for doc in docs:
            doc.user_data[BASE_VECTORS] = vectors[start:start + len(doc)]
            start += len(doc)
        return vectors, backprop

    tapped.newskit_tap = True  # type: ignore[attr-defined]
    inner._func = tapped
    return True


@registry.callbacks("newskit.tap_ner.v1")  # type: ignore[untyped-decorator]  # catalogue registries are untyped
def make_tap_ner(name: str = "ner") -> Callable[[Language], Language]:
    """Return an after_pipeline_creation callback applying tap_tok2vec to the component `name` (training)."""
    def tap(nlp: Language) -> Language:
        tap_tok2vec(nlp, name)
        return nlp
    return tap


def spans_getter(key: str) -> Callable[[Doc, str], list[Span]]:
    """Return a getter reading predicted spans from doc.spans[key] and gold spans from doc.ents."""
    def get(doc: Doc, attr: str) -> list[Span]:
        return list(doc.spans[key]) if key in doc.spans else list(doc.ents)
    return get


@registry.scorers("newskit.ner_scorer.v1")  # type: ignore[untyped-decorator]  # catalogue registries are untyped
def make_scorer(spans_key: str = SPANS_KEY) -> ScorerFn:
    """Return a scorer of the component's spans against the reference entities (newskit_ents_p/r/f, per type).

    Its own key, so a base `ner` in the same pipeline keeps its `ents_*` scores."""
    def score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        kwargs.pop("getter", None)
        return Scorer.score_spans(examples, "newskit_ents", getter=spans_getter(spans_key),
                                  has_annotation=lambda doc: True, **kwargs)
    return score


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return (start, end, label) token spans from predicted BILUO tags, reading ill-formed runs leniently.

    A span opens at B or U (closing any open one), or at I/L when none is open; it closes after L or U, or at O.
    An I or L of another label continues the open span: one name is not cut in two because its last word looked
    like a place. The span takes the label most of its tokens carry (the first one on a tie)."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    kinds: list[str] = []

    def close(first: int, end: int) -> None:
        spans.append((first, end, max(kinds, key=kinds.count)))

    for i, tag in enumerate(tags):
        move, _, kind = tag.partition("-")
        if start is not None and move in ("O", "B", "U"):
            close(start, i)
            start, kinds = None, []
        if move == "O":
            continue
        if start is None:
            start = i
        kinds.append(kind)
        if move in ("L", "U"):
            close(start, i + 1)
            start, kinds = None, []
    if start is not None:
        close(start, len(tags))
    return spans


class BiluoTagger(Tagger):  # type: ignore[misc]  # spacy.pipeline.tagger is untyped (a Cython-era module)
    """A Tagger whose tags are BILUO entity tags, read back into spans in doc.spans[spans_key]."""

    def __init__(self, vocab: Vocab, model: Model[list[Doc], list[Floats2d]], name: str = "newskit_ner", *,
                 spans_key: str = SPANS_KEY, scorer: ScorerFn | None = None) -> None:
        super().__init__(vocab, model, name, overwrite=False, scorer=scorer or make_scorer(spans_key))
        self.cfg["spans_key"] = spans_key

    def set_annotations(self, docs: Doc | Iterable[Doc], batch_tag_ids: Iterable[Ints1d]) -> None:
        """Write the decoded spans of each doc to doc.spans[spans_key] (tokens and doc.ents are left alone)."""
        if isinstance(docs, Doc):
            docs = [docs]
        labels = self.labels
        outside = labels.index("O") if "O" in labels else -1
        key = self.cfg["spans_key"]
        for doc, ids in zip(docs, batch_tag_ids):
            doc.user_data.pop(BASE_VECTORS, None)  # read by the model; not kept (nor serialized) with the doc
            tag_ids = ids.get() if hasattr(ids, "get") else numpy.asarray(ids)  # on the CPU
            spans: list[Span] = []
            hot = numpy.flatnonzero(tag_ids != outside)
            if len(hot):
                # decode only the runs of non-O tokens: most tokens are O and a Python loop over them is the cost
                run_starts = hot[numpy.r_[True, numpy.diff(hot) > 1]]
                run_ends = hot[numpy.r_[numpy.diff(hot) > 1, True]] + 1
                for a, b in zip(run_starts, run_ends):
                    tags = [labels[t] for t in tag_ids[a:b]]
                    spans.extend(Span(doc, int(a) + s, int(a) + e, label=kind) for s, e, kind in decode(tags))
            doc.spans[key] = spans

    def get_loss(self, examples: Iterable[Example], scores: list[Floats2d]) -> tuple[float, list[Floats2d]]:
        """Return the loss and gradient against the examples' gold BILUO tags (missing and misaligned: no loss)."""
        validate_examples(examples, "BiluoTagger.get_loss")
        loss_func = SequenceCategoricalCrossentropy(names=self.labels, normalize=False, neg_prefix="\x00",
                                                    label_smoothing=self.cfg["label_smoothing"])
        truths = [[t if t in self.labels else None for t in eg.get_aligned_ner()] for eg in examples]
        # thinc reads a None truth as a missing label, which its annotation of `truths` leaves out
        d_scores, loss = loss_func(scores, cast("list[list[str]]", truths))
        return float(loss), d_scores

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
                   labels: Iterable[str] | None = None) -> None:
        """Add O and B/I/L/U tags for every entity label in the examples (or `labels`), then size the model."""
        validate_get_examples(get_examples, "BiluoTagger.initialize")
        kinds = set(labels or ())
        if not kinds:
            for eg in get_examples():
                kinds.update(e.label_ for e in eg.reference.ents)
        for tag in ["O"] + [f"{m}-{k}" for k in sorted(kinds) for m in "BILU"]:
            self.add_label(tag)
        docs, truths = [], []
        for eg in islice(get_examples(), 10):
            docs.append(eg.x)
            gold = offsets_to_biluo_tags(eg.x, [(e.start_char, e.end_char, e.label_) for e in eg.reference.ents],
                                         missing="O")
            truths.append(self.model.ops.asarray([[float(t == g) for t in self.labels] for g in gold],
                                                 dtype="float32"))
        self.model.initialize(X=docs, Y=truths)


@Language.factory("newskit_ner", default_config={"model": DEFAULT_MODEL, "spans_key": SPANS_KEY,
                                                 "scorer": {"@scorers": "newskit.ner_scorer.v1"}},
                  assigns=["doc.spans"], default_score_weights={"newskit_ents_f": 1.0, "newskit_ents_p": 0.0,
                                         "newskit_ents_r": 0.0})
def make_ner(nlp: Language, name: str, model: Model[list[Doc], list[Floats2d]], spans_key: str,
             scorer: ScorerFn) -> BiluoTagger:
    """Return the BILUO entity tagger (trainable; spans in doc.spans[spans_key])."""
    return BiluoTagger(nlp.vocab, model, name, spans_key=spans_key, scorer=scorer)

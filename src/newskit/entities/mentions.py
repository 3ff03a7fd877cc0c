"""Entity mentions from a spaCy Doc: the model's spans with their systematic errors fixed by general rules.

Fixes: whitespace, determiners and possessives trimmed; spans cut at line breaks and slashes; hyphenated and
particle names made whole; leading titles moved out of person names; country long names, wire and photo agencies
relabelled; ALL-CAPS dateline cities and photo-credit names added; nothing kept from boilerplate or image lines.

The model's spans are cleaned in newskit.mentionclean; the rule-based additions are in newskit.mentionrules.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.doctext import doc_text
from newskit.entities import grouping, names, places
from newskit.entities.clean import ner_mentions
from newskit.entities.rules import rule_mentions
from newskit.entities.span import SKIP_FIELDS, Layout, Mention, make_mention, token_range

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newskit.record import Article


def _resolve(mentions: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, preferring rules over the model, then longer spans."""
    rank = {"dateline": 0, "venue": 0, "credit": 1, "publisher": 1, "agency": 2, "author": 0, "scorer": 2, "ner": 3}
    chosen: list[Mention] = []
    taken: set[int] = set()
    for m in sorted(mentions, key=lambda m: (rank.get(m.source, 4), -(m.end - m.start), m.start)):
        toks = set(range(m.tstart, m.tend))
        if toks & taken:
            continue
        taken |= toks
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def collect(doc: Doc, article: Article | None = None, layout: Layout | None = None) -> list[Mention]:
    """Return the cleaned name mentions of `doc`, non-overlapping, in text order (`layout`: the article's, when
    made already)."""
    layout = layout or Layout(article)
    found = ner_mentions(doc, layout) + rule_mentions(doc, layout, article)
    if article is not None:
        for name in article.authors:
            for m in re.finditer(re.escape(name), doc_text(doc)):
                rng = token_range(doc, m.start(), m.end())
                mm = rng and make_mention(doc, *rng, "PERSON", "author", layout)
                if mm and mm.field in ("byline", None):
                    out_field = mm.field
                    mm.field = out_field or "byline"
                    found.append(mm)
    found = [m for m in found if m.field not in SKIP_FIELDS and not _is_file_name(m.text)
             and not _in_job_title(doc, m)]
    found = _resolve(found)
    return _spell_out(doc, _split_joined(doc, _quoted_nicknames(doc, found, layout), layout))


# Forenames, a nickname in quotes, a family name: 'Frederick "Fritz" Henderson', "G. Richard 'Rick' Wagoner Jr."
_NICKNAMED = re.compile(r"\b((?:[A-Z][a-z]+|[A-Z]\.)(?: (?:[A-Z][a-z]+|[A-Z]\.)){0,2}) "
                        r"[\"\u201c']([A-Z][a-z]+)[\"\u201d'] "
                        r"((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:,? (?:Jr\.|Sr\.|II|III|IV)(?!\w))?)")


def _quoted_nicknames(doc: Doc, found: list[Mention], layout: Layout) -> list[Mention]:
    """Make a person's name written with a nickname in quotes one person mention ('Frederick "Fritz" Henderson'):
    the model reads it as two or three names of any type. The forenames must open with a given name or an initial,
    or the nickname be a given name."""
    text = doc_text(doc)
    given = names.given_names()
    made = []
    for m in _NICKNAMED.finditer(text):
        first = m.group(1).split()[0]
        if not (first.casefold() in given or first.endswith(".") or m.group(2).casefold() in given):
            continue
        rng = token_range(doc, m.start(), m.end())
        mm = rng and make_mention(doc, *rng, "PERSON", "ner", layout)
        if mm and mm.field not in SKIP_FIELDS:
            made.append(mm)
    if not made:
        return found
    kept = [f for f in found if not any(f.start < mm.end and mm.start < f.end for mm in made)]
    return sorted(kept + made, key=lambda x: x.start)


def _piece(doc: Doc, s: int, e: int, label: str, like: Mention) -> Mention | None:
    m = make_mention(doc, s, e, label, like.source, Layout(None))
    if m is not None:
        m.field = like.field
    return m


def _split_joined(doc: Doc, found: list[Mention], layout: Layout) -> list[Mention]:
    """Cut a span that runs two names of the article together into those names:
    - "Boeing-Air Force contract" (a hyphen glued between two names the article also writes apart, the pair
      qualifying a common noun: the parties of a deal; "UWP-Hachette" as a name of its own is a consortium);
    - "U.S. Jobs" ("... in the U.S. Jobs also noted": the sentence ended after an abbreviation, and the next one
      opens with the family name of a person the article names in full; "Acme Inc. Jobs" likewise).
    The pieces take the labels the article gives them elsewhere."""
    labels: dict[str, str] = {}
    for m in found:
        labels.setdefault(m.text, m.label)
    people = [m.text for m in found if m.label == "PERSON" and len(m.text.split()) >= 2]
    out: list[Mention] = []
    for m in found:
        pieces: list[tuple[int, int, str]] = []
        after = doc[m.tend] if m.tend < len(doc) else None
        if m.label != "PERSON" and m.tend - m.tstart >= 3 and after is not None and after.pos_ == "NOUN" \
                and after.is_lower:
            for k in range(m.tstart + 1, m.tend - 1):
                t = doc[k]
                if t.text in ("-", "\u2010") and not t.whitespace_ and not doc[k - 1].whitespace_:
                    left, right = doc[m.tstart:k].text, doc[k + 1:m.tend].text
                    if left in labels and right in labels and left != m.text and right != m.text:
                        pieces = [(m.tstart, k, labels[left]), (k + 1, m.tend, labels[right])]
                    break
        # the name ends at the full stop of a country's or a firm's abbreviation ("U.S.", "Inc."; not "St. Louis")
        # when a person's short name follows it
        cut = next((k + 1 for k in range(m.tstart, m.tend - 1) if len(doc[k].text) > 1
                    and doc[k].text.endswith(".") and doc[k + 1].text[:1].isupper()
                    and (doc[k].lower_.strip(".") in _LEGAL_FORMS or places.country_code(doc[m.tstart:k + 1].text))),
                   None)
        if not pieces and m.label != "PERSON" and cut is not None \
                and any(names.is_short_form(doc[cut:m.tend].text, p) for p in people):
            head = doc[m.tstart:cut].text
            pieces = [(m.tstart, cut, "GPE" if places.country_code(head) else m.label), (cut, m.tend, "PERSON")]
        made = [p for p in (_piece(doc, a, b, lab, m) for a, b, lab in pieces) if p is not None]
        out.extend(made if len(made) == len(pieces) and made else [m])
    return out


_ACRONYM_AFTER = 40  # characters between a long name and the acronym that shows how far it reaches
_MAX_REST = 6  # words a long name may still have after the model's cut ("and Space Company")


def _spell_out(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Give an organization name the model cut at "and" the rest the text spells out before its acronym:
    "European Aeronautic Defence" + "and Space Company", when "(EADS)" or "EADS" follows within a few words and is
    made of the initials of the whole. Only capitalized words and "and", "&", "of", "for" are taken, and never a
    word another mention holds."""
    starts = {m.tstart for m in found}
    text = doc_text(doc)
    for m in found:
        if m.label != "ORG" or grouping.acronym_of(m.text):
            continue
        j, last = m.tend, None
        while j < min(len(doc), m.tend + _MAX_REST) and j not in starts and "\n" not in doc[j - 1].whitespace_ and \
                (doc[j].lower_ in ("and", "&", "of", "for") or doc[j].is_alpha and doc[j].text[:1].isupper()):
            if doc[j].text[:1].isupper():
                last = j
            j += 1
        if last is None or grouping.acronym_of(doc[last].text):
            continue
        end = doc[last].idx + len(doc[last].text)
        ahead = set(re.findall(r"\b[A-Z]{2,7}\b", text[end:end + _ACRONYM_AFTER]))
        if ahead & {a for a in grouping.initials(text[m.start:end]) if len(a) >= 3} \
                and not ahead & grouping.initials(m.text):
            m.end, m.tend, m.text = end, last + 1, text[m.start:end]
    return found


_ROLE_WORDS = lexicon.words("byline_roles")
# The job words that name the writer, so end a job title ("Harbour Correspondent"), unlike "business" or "staff".
_JOB_HEADS = _ROLE_WORDS & {"analyst", "columnist", "contributor", "correspondent", "editor", "intern", "journalist",
                            "photographer", "producer", "reporter", "writer"}


def _in_job_title(doc: Doc, m: Mention) -> bool:
    """A model's name in a byline that is a word of the writer's job ("Nora Quill | Sports Reporter"): every word
    of it is a job word, or it ends in the word naming the job or comes right before it ("Harbour Correspondent")."""
    if m.field != "byline" or m.source != "ner":
        return False
    words = [t.text.lower() for t in doc[m.tstart:m.tend] if t.is_alpha]
    after = doc[m.tend].text.lower() if m.tend < len(doc) else ""
    return all(w in _ROLE_WORDS for w in words) or bool(words) and words[-1] in _JOB_HEADS or after in _JOB_HEADS


_LEGAL_FORMS = lexicon.words("corporate_suffixes") - {"company", "group", "corporation", "holdings", "limited"}


_DOTTED_REST = re.compile(r"(?:\.[A-Za-z]{1,2})+\.?(?=\s|$)")  # ".A.", ".A": the rest of "S.p.A." after "S.p"


def join_legal_forms(text: str, found: list[Mention], doc: Doc | None = None) -> list[Mention]:
    """Give a firm back the legal form the model read as a name of its own: "Chrysler" + "LLC" is "Chrysler LLC".
    Only an abbreviation (LLC, Inc., Corp., AG) right after an organization name, a space between them, or the end
    of one the model cut at a dot ("Fiat S.p." + "A.", "Fiat S.p" and ".A" left out)."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and m.start < prev.end:
            continue  # the end of a legal form the name before took back
        rest = _DOTTED_REST.match(text, m.end)
        if m.label == "ORG" and m.source in ("ner", "match") and rest and rest.end() > m.end \
                and (m.text.rsplit(" ", 1)[-1] + rest.group()).lower().replace(".", "") in _LEGAL_FORMS:
            m.end, m.text = rest.end(), text[m.start:rest.end()]  # "Fiat S.p" + ".A.": "Fiat S.p.A."
            if doc is not None:
                m.tend = next((k for k in range(m.tend, len(doc)) if doc[k].idx >= m.end), len(doc))
        gap = text[prev.end:m.start] if prev is not None else None
        form = m.text if gap == " " else prev.text.rsplit(" ", 1)[-1] + m.text if prev is not None and gap == "" \
            else ""
        if prev is not None and m.label == "ORG" and prev.label == "ORG" and " " not in form \
                and form.lower().replace(".", "") in _LEGAL_FORMS and prev.source in ("ner", "match") \
                and m.source in ("ner", "match"):
            prev.end, prev.tend, prev.text = m.end, m.tend, text[prev.start:m.end]
            continue
        out.append(m)
    return out


def _is_file_name(text: str) -> bool:
    return bool(re.search(r"\.(jpe?g|png|gif|webp|svg|tiff?)\b", text, re.I))


def add_matches(doc: Doc, mentions: list[Mention], forms: dict[str, str],
                layout_article: Article | None = None, layout: Layout | None = None) -> list[Mention]:
    """Add token-aligned occurrences of known name forms (form -> label) not yet covered by a mention (`layout`:
    the article's, when made already)."""
    if not forms:
        return mentions
    layout = layout or Layout(layout_article)
    taken: set[int] = set()
    for m in mentions:
        taken.update(range(m.tstart, m.tend))
    added = []
    for start, end, form in _occurrences(doc_text(doc), sorted(forms, key=len, reverse=True)):
        rng = token_range(doc, start, end)
        if rng is None or doc[rng[0]].idx != start or set(range(*rng)) & taken:
            continue
        mm = make_mention(doc, *rng, forms[form], "match", layout)
        if mm and mm.text == form and mm.field not in SKIP_FIELDS and mm.field != "byline":
            taken.update(range(*rng))
            added.append(mm)
    return sorted(mentions + added, key=lambda m: m.start)


_WORDISH = re.compile(r"[\w-]")


def _occurrences(text: str, forms: list[str]) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, form) for the forms written as words of their own in `text` (no word character or hyphen
    either side), left to right, none overlapping: where several start at one place, the first of `forms` that fits
    there. What re.finditer over the forms' alternation, in that order, finds; without building that regex, whose
    compilation cost 4 ms per article, more than the search."""
    if "" in forms:  # an empty form matches between any two non-word characters: leave that to the regex
        pattern = re.compile(r"(?<![\w-])({})(?![\w-])".format("|".join(re.escape(f) for f in forms)))
        yield from ((m.start(), m.end(), m.group(1)) for m in pattern.finditer(text))
        return
    size = len(text)
    first: dict[int, str] = {}  # start -> the first form in order that is a word of its own there
    for form in forms:
        i = text.find(form)
        while i >= 0:
            end = i + len(form)
            if i not in first and (i == 0 or not _WORDISH.match(text, i - 1)) \
                    and (end == size or not _WORDISH.match(text, end)):
                first[i] = form
            i = text.find(form, i + 1)
    pos = 0
    for start in sorted(first):
        if start >= pos:
            pos = start + len(first[start])
            yield start, pos, first[start]

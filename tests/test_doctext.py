"""The Doc's text, computed once and kept on the Doc."""
from __future__ import annotations

from spacy.tokens import Doc

from newskit.doctext import doc_text, newline_tokens, remember_text


def test_doc_text_is_the_docs_text_and_a_wrong_remembered_text_is_refused(nlp):
    doc = nlp.make_doc("Putin met Kim.\n\nThey talked.")
    assert doc_text(doc) == doc.text
    other = nlp.make_doc("Something else entirely, longer.")
    remember_text(other, "too short")  # its tokens span more characters: not taken
    assert doc_text(other) == other.text
    assert doc_text(doc) == doc.text


def test_each_doc_keeps_its_own_text_when_docs_interleave(nlp):
    # Remembered texts of the tokens' length are taken as given, so what comes back shows where it was kept.
    first = nlp.make_doc("The council met on Monday.")
    second = nlp.make_doc("A storm closed the harbour.")
    remember_text(first, "x" * len(first.text))
    remember_text(second, "y" * len(second.text))
    assert doc_text(first) == "x" * len(first.text)
    assert doc_text(second) == "y" * len(second.text)


def _by_token(doc) -> list[int]:
    return [t.i for t in doc if "\n" in t.text or "\n" in t.whitespace_]


def test_newline_tokens_are_the_tokens_whose_text_or_whitespace_holds_a_newline(nlp):
    texts = ["Harbour Board\nBy Ana Ruiz\n\nThe board met.\n \n  A storm closed it.\n",
             "no newline at all", "", "\n", "Line one\r\nLine two\n\n\n"]
    for text in texts:
        doc = nlp.make_doc(text)
        assert newline_tokens(doc) == _by_token(doc)
        assert newline_tokens(doc, doc.to_array("ORTH")) == _by_token(doc)
    # a doc built from words and spaces (the tokenizer's guard for runaway input) and pieces joined into one
    built = Doc(nlp.vocab, words=["Gale", "\n", "warning", "\n\n", "issued"], spaces=[False, False, True, False, False])
    assert newline_tokens(built) == _by_token(built) == [1, 3]
    joined = Doc.from_docs([nlp.make_doc("Part one.\n"), nlp.make_doc("Part two\nends.")], ensure_whitespace=False)
    assert newline_tokens(joined) == _by_token(joined)

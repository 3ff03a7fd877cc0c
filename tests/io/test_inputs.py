"""The input layer: decoding, formats, and failures that become error sources instead of exceptions."""

from __future__ import annotations

import gzip
import io
import json
import os

import pytest

from newskit.errors import InputError
from newskit.io.inputs import decode, read_inputs

TEXT = "Headline here\n\nBody paragraph with café and naïve words.\n"


def _one(path, **kw):
    (src,) = list(read_inputs([str(path)], **kw))
    return src


@pytest.mark.parametrize("data,expected", [
    (TEXT.encode("utf-8"), TEXT),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
    (b"\xff\xfe" + TEXT.encode("utf-16-le"), TEXT),
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT),
    (b"Line one\r\nLine two\rLine three\n", "Line one\r\nLine two\rLine three\n"),
])
def test_decode_keeps_text_exactly(data, expected):
    assert decode(data) == expected


def test_decode_detects_cp1252():
    text = ("The minister’s “historic” visit to Zürich cost €2 million, officials said. " * 4).strip()
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize("data,code", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
    (gzip.compress(b"hello world"), "binary"),
    (b"abc\x00def" * 10, "binary"),
])
def test_decode_rejects_binary(data, code):
    with pytest.raises(InputError) as exc:
        decode(data)
    assert exc.value.code == code


@pytest.mark.parametrize("content,code", [(b"", "empty"), (b"  \n\t\r\n", "empty"),
                                          (b"\x89PNG\r\n\x1a\n\x00", "binary")])
def test_bad_files_become_error_sources(tmp_path, content, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    src = _one(p)
    assert src.error is not None and src.error.code == code and src.id == str(p)


def test_missing_file_and_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    srcs = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "empty")]))
    assert [s.error.code for s in srcs] == ["not-found", "no-articles"]


def test_directory_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("A article text")
    (tmp_path / "b" / "c.txt").write_text("C article text")
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("hidden")
    assert [s.text for s in read_inputs([str(tmp_path)])] == ["A article text", "C article text"]


def test_jsonl_ids_meta_published_and_bad_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": "x1", "text": "One article", "published": "2024-01-22", "source": "wire"}),
             "not json", json.dumps({"title": "no text"}), "", json.dumps({"text": "Line five"}),
             json.dumps({"text": "Bad date", "published": "yesterday"})]
    p.write_text("\n".join(lines) + "\n")
    srcs = list(read_inputs([str(p)]))
    assert [(s.id, s.error and s.error.code) for s in srcs] == [
        ("x1", None), ("2", "bad-jsonl"), ("3", "no-text"), ("5", None), ("6", "bad-date")]
    assert srcs[0].meta == {"source": "wire"} and srcs[0].published == "2024-01-22"
    assert srcs[3].published is None


def test_stdin_jsonl_sniffed_and_published_default():
    stdin = io.BufferedReader(io.BytesIO(b'{"text": "Body one"}\n{"text": "Body two", "published": "2020-02-02"}\n'))
    srcs = list(read_inputs(["-"], stdin=stdin, published="2024-01-22"))
    assert [(s.id, s.text, s.published, s.default_published) for s in srcs] == [
        ("1", "Body one", None, "2024-01-22"), ("2", "Body two", "2020-02-02", "2024-01-22")]


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 100)
    assert _one(p, max_bytes=10).error.code == "too-large"


def test_inputs_are_read_lazily(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Text")
    gen = read_inputs([str(p), str(tmp_path / "later.txt")])
    assert next(gen).text == "Text"
    (tmp_path / "later.txt").write_text("Created after the first was read")
    assert next(gen).text == "Created after the first was read"


def test_max_bytes_applies_to_jsonl_lines_and_pipes(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "short"}) + "\n")
    srcs = list(read_inputs([str(p)], max_bytes=100))
    assert [s.error.code if s.error else None for s in srcs] == ["too-large", None]
    (src,) = read_inputs(["/dev/zero"], max_bytes=1000)
    assert src.error.code == "too-large"


def test_published_must_be_a_real_iso_day(tmp_path):
    p = tmp_path / "a.jsonl"
    rows = [{"text": "a", "published": "2024-01-22garbage"}, {"text": "b", "published": 20240122},
            {"text": "c", "published": "2024-01-22T09:30:00Z"}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    srcs = list(read_inputs([str(p)]))
    assert [s.error.code if s.error else s.published for s in srcs] == ["bad-date", "bad-date", "2024-01-22"]


def test_jsonl_published_is_read_like_the_published_option(tmp_path):
    # One reading for both: YYYYMMDD was taken by --published but refused in a JSONL line.
    p = tmp_path / "a.jsonl"
    values = ["20240122", "2024-01-22", "2024-01-22 09:30", "22.01.2024"]
    p.write_text("".join(json.dumps({"text": "a", "published": v}) + "\n" for v in values))
    srcs = list(read_inputs([str(p)]))
    assert [s.error.code if s.error else s.published for s in srcs] == ["2024-01-22"] * 3 + ["bad-date"]
    t = tmp_path / "a.txt"
    t.write_text("a")
    for v in values[:3]:
        (src,) = read_inputs([str(t)], published=v)
        assert src.default_published == "2024-01-22"
    with pytest.raises(InputError):
        list(read_inputs([str(t)], published=values[3]))


def test_binary_jsonl_is_one_error(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_bytes(gzip.compress(b"hello\n" * 1000))
    assert [s.error.code for s in read_inputs([str(p)])] == ["binary"]
    p.write_bytes(b"\xff\xfe" + '{"text": "x"}\n'.encode("utf-16-le"))
    assert [s.error.code for s in read_inputs([str(p)])] == ["undecodable"]


def test_stdin_jsonl_with_bom_and_blank_lines_is_sniffed():
    data = b"\xef\xbb\xbf\n" + json.dumps({"text": "Body", "id": "k"}).encode() + b"\n"
    (src,) = read_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(data)))
    assert (src.id, src.text) == ("k", "Body")


def test_jsonl_html_kept_in_meta_when_text_is_used_and_ids_are_strings(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "T", "html": "<p>x</p>", "id": {"a": 1}}) + "\n" +
                 json.dumps({"text": "U", "id": 7}) + "\n" + json.dumps({"text": "V", "id": True}) + "\n")
    a, b, c = read_inputs([str(p)])
    assert a.meta == {"html": "<p>x</p>"} and a.id == '{"a": 1}'
    assert b.id == "7" and c.id == "true"


def test_directory_ids_keep_the_path_as_given(tmp_path, monkeypatch):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("A text")
    monkeypatch.chdir(tmp_path)
    assert [s.id for s in read_inputs(["./d"])] == [os.path.join("./d", "a.txt")]


def test_write_atomic_never_follows_a_planted_symlink(tmp_path):
    from newskit.io.output import write_atomic

    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "page.html.tmp").symlink_to(target)
    write_atomic(out / "page.html", "<p>report</p>")
    assert target.read_text() == "keep me"
    assert (out / "page.html").read_text() == "<p>report</p>"
    assert sorted(p.name for p in out.iterdir()) == ["page.html", "page.html.tmp"]


def test_write_atomic_removes_its_temp_file_on_failure(tmp_path, monkeypatch):
    import errno

    from newskit.errors import OutputError
    from newskit.io import output

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "replace", full)
    with pytest.raises(OutputError, match="No space left on device"):
        output.write_atomic(tmp_path / "page.html", "x" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_output_write_errors_are_reported_not_dropped(tmp_path):
    from newskit.errors import OutputError
    from newskit.io.output import Output

    with open("/dev/full", "w") as full:
        out = Output(full)
        with pytest.raises(OutputError, match="writing output: No space left on device"):
            out.write("a record\n" * 1000)


def test_jsonl_lines_are_cleaned_and_bounded(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "s\\ud800", "text": "Lone \\udc80 here.", "m": {"k": ["\\udfff"]}}\n'
                 '{"id": "n", "text": "x", "v": Infinity}\n'
                 '{"id": "d", "text": "x", "v": ' + "[" * 70 + "]" * 70 + "}\n")
    s, inf, deep = read_inputs([str(p)])
    assert (s.id, s.text, s.meta) == ("s\ufffd", "Lone \ufffd here.", {"m": {"k": ["\ufffd"]}})
    assert len(s.text) == len("Lone \udc80 here.")
    assert inf.error.code == "bad-jsonl" and inf.error.message == "not valid JSON (Infinity is not JSON)"
    assert inf.error.where == f"{p}:2"
    assert deep.id == "d" and deep.error.message == "not accepted: nested more than 64 levels deep"


PAGE = (b"<!-- saved from a browser -->\n<!DOCTYPE html>\n<html><head><title>Tide gauge repaired</title></head>"
        b"<body><p>The harbour's tide gauge works again.</p></body></html>")


def test_html_is_sniffed_on_stdin_and_in_files_without_an_html_suffix(tmp_path):
    # Issue 25, item 5: `cat page.html | newskit parse` and a page saved as "story" were read as plain text.
    (src,) = read_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(PAGE)))
    assert src.format == "html"
    (tmp_path / "story").write_bytes(PAGE)
    (tmp_path / "notes.txt").write_bytes(b"The <html> tag opens a page, the tutorial says.\n")
    assert _one(tmp_path / "story").format == "html"
    assert _one(tmp_path / "notes.txt").format == "text"
    assert list(read_inputs([str(tmp_path / "story")], input_format="text"))[0].format == "text"


def test_one_bad_first_line_does_not_discard_the_file(tmp_path):
    good = json.dumps({"id": "good", "text": "Paris, Monday. The talks ended."})
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"42\n" + b'{"id": "nul", "text": "a\x00b"}\n' + good.encode() + b"\n")
    got = list(read_inputs([str(path)]))
    assert [(s.id, s.error.code if s.error else None) for s in got] == [("1", "bad-jsonl"), ("2", "bad-jsonl"),
                                                                        ("good", None)]
    assert got[0].error.message == "not a JSON object"
    assert got[2].text == "Paris, Monday. The talks ended."


def test_a_jsonl_file_that_is_plainly_something_else_is_one_record(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    [src] = read_inputs([str(path)])
    assert src.error.code == "binary" and "PNG" in src.error.message


def test_endless_lines_and_blank_runs_stop_without_holding_them(tmp_path):
    from newskit.io import inputs

    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "' + b"x" * 5000 + b'"}\n' + b"\n" * (inputs.MAX_BLANK_RUN + 5) + b'{"text": "late"}\n')
    got = list(read_inputs([str(path)], max_bytes=1000))
    assert [s.error.code for s in got] == ["too-large", "bad-jsonl"]
    assert got[0].error.where == f"{path}:1" and "blank lines in a row" in got[1].error.message

"""read_article / Article.from_text: verbatim text, datelines, and bad input."""

import datetime as dt

import pytest

import karabakh as kb


def test_seed_is_read_verbatim(seed):
    from conftest import SEED_PATH

    assert seed.text == SEED_PATH.read_bytes().decode("utf-8")
    assert seed.id == "000_bf20561892d8202b"
    assert seed.dateline == dt.date(2023, 9, 20)
    assert seed.text[seed.header_start : seed.header_end] == "date 2023-09-20"
    assert seed.body.startswith("“Azerbaijan completed")
    assert seed.body_end == len(seed.text)
    assert seed.metadata["language"] == "en"


def test_article_is_frozen(seed):
    with pytest.raises(AttributeError):
        seed.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("sidecar", "header", "argument", "expected", "source"),
    [
        (None, None, None, None, None),
        (None, "2023-09-20", None, "2023-09-20", "header"),
        ("2023-09-21", "2023-09-20", None, "2023-09-21", "sidecar"),
        ("2023-09-21", "2023-09-20", "2023-09-22", "2023-09-22", "argument"),
        (None, None, "2023-09-22", "2023-09-22", "argument"),
    ],
)
def test_dateline_precedence(tmp_path, sidecar, header, argument, expected, source):
    path = tmp_path / "a.txt"
    path.write_text((f"date {header}\n" if header else "") + "Baku said so.", encoding="utf-8")
    if sidecar:
        path.with_suffix(".json").write_text(f'{{"dateline": "{sidecar}"}}', encoding="utf-8")
    art = kb.read_article(path, dateline=argument)
    assert (art.dateline.isoformat() if art.dateline else None) == expected
    assert art.dateline_source == source
    assert art.body == "Baku said so."


def test_missing_dateline_raises_when_needed(tmp_path):
    path = tmp_path / "nodate.txt"
    path.write_text("Baku said so.", encoding="utf-8")
    art = kb.read_article(path)
    assert art.dateline is None
    with pytest.raises(ValueError, match=r"nodate.*needs a dateline"):
        art.require_dateline("dates")


def test_date_object_is_accepted():
    art = kb.Article.from_text("Calm.", dateline=dt.date(2023, 9, 19))
    assert art.dateline == dt.date(2023, 9, 19)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"empty file"),
        (b"  \n\t\n", r"empty file"),
        (b"Baku \xff said", r"not UTF-8 \(invalid byte 0xff at byte offset 5, line 1\)"),
        (b"line one\nline \xc3\x28 two", r"byte offset 14, line 2"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"binary data \(NUL byte at byte offset 8, line 3\)"),
        (b"date 2023-13-45\nBaku said so.", r"line 1 header: unparseable dateline '2023-13-45'"),
        (b"date 20/09/2023\nBaku said so.", r"unparseable dateline '20/09/2023'"),
    ],
)
def test_bad_files_raise_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=message) as info:
        kb.read_article(path)
    assert "bad.txt" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ValueError, match=r"nope\.txt: no such file"):
        kb.read_article(tmp_path / "nope.txt")


def test_directory_is_not_an_article(tmp_path):
    with pytest.raises(ValueError, match="is a directory"):
        kb.read_article(tmp_path)


def test_bad_dateline_argument(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Calm.", encoding="utf-8")
    with pytest.raises(ValueError, match="dateline argument: unparseable dateline 'yesterday'"):
        kb.read_article(path, dateline="yesterday")


def test_bad_sidecar(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Calm.", encoding="utf-8")
    path.with_suffix(".json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"a\.json: sidecar is not valid UTF-8 JSON"):
        kb.read_article(path)


def test_bom_and_crlf_keep_offsets(tmp_path):
    body = "date 2023-09-20\r\n“Baku’s goal,” he said.\r\n\r\nYerevan replied."
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    art = kb.read_article(path)
    assert art.had_bom
    assert art.text == body  # BOM removed by the decoder, CRLF kept
    assert art.dateline == dt.date(2023, 9, 20)
    assert art.body.startswith("“Baku’s")
    sents = kb.split_sentences(art.text)
    assert [s.text for s in sents] == [
        "date 2023-09-20",
        "“Baku’s goal,” he said.",
        "Yerevan replied.",
    ]
    for s in sents:
        assert art.text[s.start : s.end] == s.text
    assert sents[2].paragraph == 1


def test_from_text_rejects_empty_and_binary():
    with pytest.raises(ValueError, match="empty article"):
        kb.Article.from_text("   ")
    with pytest.raises(ValueError, match=r"NUL character at offset 4, line 1"):
        kb.Article.from_text("Baku\x00")


def test_from_text_id_is_stable():
    assert kb.Article.from_text("Calm.").id == kb.Article.from_text("Calm.").id
    assert kb.Article.from_text("Calm.").id != kb.Article.from_text("Calm!").id


def test_word_date_is_not_a_header():
    art = kb.Article.from_text("date palms grew in Agdam.")
    assert art.header_start is None and art.dateline is None and art.body_start == 0

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


# --------------------------------------------------------------- sidecar date keys


@pytest.mark.parametrize(
    ("sidecar", "expected"),
    [
        ({"dateline": "2023-09-21"}, "2023-09-21"),
        ({"date": "2023-09-21"}, "2023-09-21"),
        ({"published": "2023-09-21T23:10:00+04:00"}, "2023-09-21"),  # date as written, no tz shift
        ({"published_at": "2023-09-21 08:00:00"}, "2023-09-21"),
        ({"publishedAt": "2023-09-21T08:00:00Z"}, "2023-09-21"),
        ({"pubdate": "Thu, 21 Sep 2023 10:00:00 GMT"}, "2023-09-21"),  # RSS, RFC 2822
        ({"pubDate": "21 Sep 2023 10:00:00 +0000"}, "2023-09-21"),
        ({"datePublished": "2023-09-21"}, "2023-09-21"),
        ({"date_publish": "2023-09-21 10:00:00"}, "2023-09-21"),
        ({"publication_date": "2023-09-21"}, "2023-09-21"),
        # precedence: our own key, then the specific ones, the generic "date" last
        ({"date": "2023-09-01", "datePublished": "2023-09-21"}, "2023-09-21"),
        ({"dateline": "2023-09-22", "published": "2023-09-21", "date": "2023-09-01"}, "2023-09-22"),
        ({"published": None, "date": "2023-09-21"}, "2023-09-21"),
        ({"published": "", "date": "2023-09-21"}, "2023-09-21"),
        ({"dateline_source": "2023-09-21"}, None),  # not a date key
    ],
)
def test_sidecar_date_keys(tmp_path, sidecar, expected):
    import json

    path = tmp_path / "a.txt"
    path.write_text("Baku said so yesterday.", encoding="utf-8")
    path.with_suffix(".json").write_text(json.dumps(sidecar), encoding="utf-8")
    art = kb.read_article(path)
    assert (art.dateline.isoformat() if art.dateline else None) == expected
    assert art.dateline_source == ("sidecar" if expected else None)
    assert bool(art.warnings) == (expected is None)


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ('{"date": "September 21, 2023"}', r"a\.json: sidecar key 'date': unparseable dateline"),
        ('{"published": 20230921}', r"sidecar key 'published': dateline must be a date"),
        ('{"dateline": "Thu, 21 Sep 2023"}', r"sidecar key 'dateline': unparseable"),
        ("[1, 2]", r"a\.json: sidecar must hold a JSON object"),
    ],
)
def test_bad_sidecar_dates(tmp_path, sidecar, message):
    path = tmp_path / "a.txt"
    path.write_text("Calm.", encoding="utf-8")
    path.with_suffix(".json").write_text(sidecar, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        kb.read_article(path)


def test_sidecar_edge_cases(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Calm.", encoding="utf-8")
    side = path.with_suffix(".json")
    side.write_text("  \n", encoding="utf-8")
    art = kb.read_article(path)
    assert art.metadata == {} and any("empty sidecar ignored" in w for w in art.warnings)
    side.unlink()
    side.mkdir()
    with pytest.raises(ValueError, match=r"a\.json: sidecar is a directory"):
        kb.read_article(path)
    assert kb.read_article(path, sidecar=False).metadata == {}
    other = tmp_path / "meta.json"
    other.write_text('{"id": "m", "date": "2023-09-19"}', encoding="utf-8")
    art = kb.read_article(path, sidecar=other)
    assert (art.id, art.dateline) == ("m", dt.date(2023, 9, 19))
    with pytest.raises(ValueError, match=r"nope\.json: no such sidecar"):
        kb.read_article(path, sidecar=tmp_path / "nope.json")
    # the file being written as output is never read as the sidecar
    side.rmdir()
    side.write_text('{"id": "old"}', encoding="utf-8")
    st = side.stat()
    art = kb.read_article(path, exclude=(st.st_dev, st.st_ino))
    assert art.id == "a" and any("output being written" in w for w in art.warnings)


def test_a_json_article_is_not_its_own_sidecar(tmp_path):
    path = tmp_path / "a.json"
    path.write_text("Calm, they said.", encoding="utf-8")
    assert kb.read_article(path).metadata == {}


def test_name_too_long(tmp_path):
    with pytest.raises(ValueError, match=r"xxx\.txt: cannot read \(file name too long"):
        kb.read_article(tmp_path / ("x" * 300 + ".txt"))


# --------------------------------------------------------------- no dateline


def test_no_dateline_is_a_warning_on_the_article_and_the_analysis():
    art = kb.Article.from_text("The president said so yesterday.", id="nd")
    assert len(art.warnings) == 1
    (warning,) = art.warnings
    assert warning.startswith("article 'nd': no dateline")
    assert "dateline='YYYY-MM-DD'" in warning
    result = kb.analyze(art)
    assert result.warnings == art.warnings
    assert result.to_dict()["warnings"] == [warning]
    # the dateline removes the warning
    assert kb.Article.from_text("Calm.", dateline="2023-09-20").warnings == ()
    assert kb.Article.from_text("date 2023-09-20\nCalm.").warnings == ()


# --------------------------------------------------------------- markup


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ('<p class="q">Peace</p>', (0, 13)),
        ("He said &#171;no&#187;.", (8, 14)),
        ("He said >&#171 no", (9, 14)),  # numeric reference without its ';'
        ("Baku &amp; Yerevan", (5, 10)),
        ("Baku&nbsp;said", (4, 10)),
        ("&#x201C;Peace", (0, 8)),
        ("Text<br/>more", (4, 9)),
        ("Calm.<!-- comment -->", (5, 9)),
        ("Calm.\n</DIV>", (6, 12)),
        ('<span\nclass="x">', (0, 16)),
    ],
)
def test_markup_is_refused_with_line_and_span(text, span):
    assert kb.text.articles.find_markup(text) == span
    line = text.count("\n", 0, span[0]) + 1
    with pytest.raises(ValueError, match=rf"x\.html: line {line}, offset {span[0]}-{span[1]}: HTML markup"):
        kb.Article.from_text(text, path="x.html")


@pytest.mark.parametrize(
    "text",
    [
        "AT&T and Procter & Gamble said so.",
        "Fewer than <5 people, officials said; x < y > z.",
        "The <unknown> tag and <<quotes>> are prose here.",
        "R&D spending, &c.",
        "Casualties: 3 <-> 4, a > b.",
        "&notanentity; stays prose.",
    ],
)
def test_prose_with_angle_brackets_and_ampersands_is_not_markup(text):
    assert kb.text.articles.find_markup(text) is None
    assert kb.Article.from_text(text).text == text


def test_markup_in_a_file_names_the_file(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Line one.\nHe said <em>no</em>.", encoding="utf-8")
    with pytest.raises(ValueError, match=r"page\.txt: line 2, offset 18-22: HTML markup '<em>'"):
        kb.read_article(path)


@pytest.mark.parametrize("call", [kb.read_article, kb.analyze])
def test_text_given_for_a_path_is_named_as_text(call):
    text = "date 2023-09-20\nBaku said the operation was over.\n\nYerevan disagreed."
    with pytest.raises(ValueError, match=r"^'date 2023-09-20 Baku said the operation"
                                         r"'\.\.\.: not a file name but text \(69 characters\); "
                                         r"for text in memory use Article\.from_text") as err:
        call(text)
    assert "Yerevan" not in str(err.value)  # the text is not echoed whole

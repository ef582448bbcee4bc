"""split_sentences and tokenize: spans are the source of truth."""

import itertools

import pytest

import karabakh as kb


def test_seed_sentences_have_exact_spans(seed):
    sents = kb.split_sentences(seed.text)
    assert sents[0].is_header and sents[0].text == "date 2023-09-20"
    assert not any(s.is_header for s in sents[1:])
    for i, s in enumerate(sents):
        assert s.index == i
        assert seed.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    # Sentences are in order and do not overlap.
    assert all(a.end <= b.start for a, b in itertools.pairwise(sents))
    # Every non-space character of the text lies in some sentence.
    covered = {i for s in sents for i in range(s.start, s.end)}
    assert all(ch.isspace() for i, ch in enumerate(seed.text) if i not in covered)


def test_seed_sentence_count_and_paragraphs(seed):
    sents = kb.split_sentences(seed.text)
    # 32 punkt sentences plus the header segment (measured, see OFFLINE-NLP-NOTES).
    assert len(sents) == 33
    assert sents[-1].text.endswith("underlined Baerbock.")
    assert max(s.paragraph for s in sents) == 14


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. envoy arrived. He left.", ["The U.S. envoy arrived.", "He left."]),
        ("On Sept. 19 the shelling began. It stopped.", ["On Sept. 19 the shelling began.", "It stopped."]),
        ("Dr. Rossi treated 12 people. Mr. Aliyev spoke.", ["Dr. Rossi treated 12 people.", "Mr. Aliyev spoke."]),
        ("“We are leaving,” she said. “Now.”", ["“We are leaving,” she said.", "“Now.”"]),
        ("Heading without stop\n\nBody text here.", ["Heading without stop", "Body text here."]),
        ("date 2023-09-20\nOne. Two.", ["date 2023-09-20", "One.", "Two."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentence_rules(text, expected):
    assert [s.text for s in kb.split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baku’s goal", ["Baku’s", "goal"]),
        ("Azerbaijan's army", ["Azerbaijan's", "army"]),
        ("«civilian population»", ["«", "civilian", "population", "»"]),
        ("Nagorno-Karabakh, 1992-94.", ["Nagorno-Karabakh", ",", "1992-94", "."]),
        ("the U.N. said", ["the", "U.N.", "said"]),
        ("7,000 people, 1.5 million", ["7,000", "people", ",", "1.5", "million"]),
    ],
)
def test_tokenize_rules(text, expected):
    tokens = kb.tokenize(text)
    assert [t.text for t in tokens] == expected
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_tokenize_window_offsets(seed):
    s = kb.split_sentences(seed.text)[2]
    toks = kb.tokenize(seed.text, s.start, s.end)
    assert toks[0].text == "President" and toks[0].start == s.start
    assert all(seed.text[t.start : t.end] == t.text for t in toks)


def test_to_frame_of_sentences(seed):
    df = kb.to_frame(kb.split_sentences(seed.text))
    assert list(df.columns) == ["index", "start", "end", "text", "paragraph", "is_header"]
    assert len(df) == 33


def test_to_frame_rejects_non_records():
    with pytest.raises(TypeError, match="item 1 is str"):
        kb.to_frame([kb.Token(0, 1, "a"), "b"])


# ---- issue 19 items 3 and 5: abbreviations, initials and no-break spaces (our own sentences)

_SENTENCES_19 = [
    ("“This is not charity,” said Sen. Jane Roe. Then she left.",
     ["“This is not charity,” said Sen. Jane Roe.", "Then she left."]),
    ("Gov. Roe's office said the state would pay. The bill failed.",
     ["Gov. Roe's office said the state would pay.", "The bill failed."]),
    ("Lt. Gen. A. B. Petrov said the convoy had crossed. The ministry denied it.",
     ["Lt. Gen. A. B. Petrov said the convoy had crossed.", "The ministry denied it."]),
    ("“We are ready,” Capt. Ruben Sahakyan told the Armenpress agency. Shelling resumed.",
     ["“We are ready,” Capt. Ruben Sahakyan told the Armenpress agency.", "Shelling resumed."]),
    ("Col. Farid Aliyev and Brig. Gen. Tom Hale met Mr. Smith. They spoke.",
     ["Col. Farid Aliyev and Brig. Gen. Tom Hale met Mr. Smith.", "They spoke."]),
    ("The talks ended.\u00a0Then the envoy left.", ["The talks ended.", "Then the envoy left."]),
    ("Aid arrived in Goris.\u202f“More is coming,” he said.", ["Aid arrived in Goris.", "“More is coming,” he said."]),
    ("It was Mr.\u00a0Smith who spoke. He said no. The hall emptied.",
     ["It was Mr.\u00a0Smith who spoke.", "He said no.", "The hall emptied."]),
    ("Rep.\u2009Ann Lee voted no. Sept. 25 was calm.", ["Rep.\u2009Ann Lee voted no.", "Sept. 25 was calm."]),
]
_FRENCH_SPACING = ("Zakharova wrote\u202f: «\u202fAnother provocation.\u202f» «We are watching», Peskov said.",
                   ["Zakharova wrote\u202f: «\u202fAnother provocation.\u202f»", "«We are watching», Peskov said."])


@pytest.mark.parametrize(("text", "expected"), _SENTENCES_19)
def test_titles_initials_and_nobreak_spaces_in_punkt_sentences(text, expected):
    assert [s.text for s in kb.split_sentences(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [*_SENTENCES_19, _FRENCH_SPACING])
def test_titles_initials_and_nobreak_spaces_in_the_rule_based_index(text, expected):
    from karabakh.sentences import sentence_spans

    assert [text[a:b] for a, b in sentence_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("said Sen. Roe", "Sen", True),
        ("Lt. Gen. A. B. Petrov", "B", True),
        ("He said no. Then", "no", False),  # a word, not the abbreviation "No."
        ("in the U.S. Then", "U.S", True),
        ("the talks ended. Then", "ended", False),
    ],
)
def test_ends_abbreviation(text, word, expected):
    from karabakh.sentences import ends_abbreviation

    assert ends_abbreviation(text, text.index(word) + len(word)) is expected


def test_abbreviation_data_is_well_formed():
    from karabakh.sentences import abbreviations

    table = abbreviations()
    assert {"sen", "gov", "lt", "gen", "capt", "mr", "dr"} <= {a for a, k in table.items() if k == "title"}
    assert all(a == a.lower() and not a.endswith(".") for a in table)


@pytest.mark.parametrize("month", ["December", "May", "September"])
def test_a_full_month_name_ends_a_sentence(month):
    from karabakh.text.sentences import SentenceIndex

    t = f"Talks with Yerevan end in {month}. Officials said the road would open."
    assert SentenceIndex(t).starts == [0, t.index("Officials")]


@pytest.mark.parametrize("month", ["Dec.", "Sept.", "Jan."])
def test_a_shortened_month_keeps_its_sentence(month):
    from karabakh.text.sentences import SentenceIndex

    t = f"Talks resume on {month} 5 in Brussels, officials said."
    assert SentenceIndex(t).starts == [0]


def test_speaker_after_a_month_that_ends_a_sentence_is_not_the_actor_before_it():
    import karabakh as kb

    t = "Talks with Yerevan end in December. Officials said the road would open."
    quotes = kb.analyze(kb.Article.from_text(t)).quotes
    assert quotes and quotes[0].speaker_text == "Officials" and quotes[0].speaker_id != "ARM_GOV"


def test_a_masked_header_starts_a_paragraph_as_the_header_does():
    """The document reads the masked text (the date header blanked): its wire dateline still ends a sentence."""
    text = ("date 2023-09-21\nYEREVAN, Sept 21 (Reuters) - Officials said the road was open.\n\n"
            "Traffic resumed.")
    from karabakh.text.sentences import sentence_starts

    masked = kb.Article.from_text(text).masked_text
    assert sentence_starts(masked) == sentence_starts(text)
    assert text[sentence_starts(masked)[2]:].startswith("Officials said")


def test_a_dateline_of_two_places_ends_at_its_dash():
    from karabakh.text.sentences import sentence_starts
    t = "STEPANAKERT/YEREVAN, Sept 26 (Wire) - At least 20 people were killed."
    assert [t[i:i + 8] for i in sentence_starts(t)] == ["STEPANAK", "At least"]


def test_a_dateline_with_the_day_before_the_month_ends_at_its_dash():
    from karabakh.text.sentences import sentence_starts
    t = "GENEVA, 14 December - The refugee agency said its appeal was underfunded."
    assert [t[i:i + 6] for i in sentence_starts(t)] == ["GENEVA", "The re"]

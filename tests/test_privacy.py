import time

import pytest

from bot.privacy import is_identity_code, mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hetu 131052-308T", "hetu [henkilötunnus]"),
        ("hetu 131052-308t.", "hetu [henkilötunnus]."),
        ("lapsen hetu on 150320A1237, tuleeko", "lapsen hetu on [henkilötunnus], tuleeko"),
        ("010594Y9021", "[henkilötunnus]"),
        ("290200A004E ja 010101+1119", "[henkilötunnus] ja [henkilötunnus]"),
        ("(241299-888B)", "([henkilötunnus])"),
    ],
)
def test_masks_valid_identity_codes(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "131052-308U",  # wrong check character
        "310299-1234",  # 31 February
        "290201A0040",  # 29 February 2001 does not exist
        "131052G308T",  # G is not a century sign
        "x131052-308T",  # part of a longer token
        "131052-308TT",
    ],
)
def test_leaves_invalid_identity_codes(text: str) -> None:
    assert mask(text) == text


def test_is_identity_code() -> None:
    assert is_identity_code("131052", "-", "308", "T")
    assert is_identity_code("150320", "a", "123", "7")
    assert not is_identity_code("131052", "-", "308", "U")
    assert not is_identity_code("131352", "-", "308", "T")
    assert not is_identity_code("131052", "G", "308", "T")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("soita 050 351 9249", "soita [puhelinnumero]"),
        ("p. 014 2660992 tai 050 3046670.", "p. [puhelinnumero] tai [puhelinnumero]."),
        ("numero 044-729 7985", "numero [puhelinnumero]"),
        ("06 416 2167", "[puhelinnumero]"),
        ("+358 40 549 9734 kiitos", "[puhelinnumero] kiitos"),
        ("+358 (0)40 549 9734", "[puhelinnumero]"),
        ("+358405499734", "[puhelinnumero]"),
        ("0405499734!", "[puhelinnumero]!"),
        ("ruotsalainen +46 70 123 45 67", "ruotsalainen [puhelinnumero]"),
        ("numerot 050 351 9249 014 266 8201", "numerot [puhelinnumero]"),
        ("050–351–9249", "[puhelinnumero]"),
        ("010190-1234", "[puhelinnumero]"),  # invalid identity code: still hidden
    ],
)
def test_masks_phone_numbers(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("laita viestiä matti.meikalainen@example.fi kiitos", "laita viestiä [sähköposti] kiitos"),
        ("<a href='mailto:x@y.fi'>x@y.fi</a>", "<a href='mailto:[sähköposti]'>[sähköposti]</a>"),
        ("sari.h.paananen(at)jkl.fi", "[sähköposti]"),
        ("hanna.k.hamalainen(a)jkl.fi", "[sähköposti]"),
        ("Maija_0501234567@posti.fi", "[sähköposti]"),
        ("äiti.ääninen@esimerkki.fi", "[sähköposti]"),
    ],
)
def test_masks_emails(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Missä on perheneuvola Laukaassa?",
        "Hanke toteutui ajalla 3.4.2017-31.12.2018.",
        "avaustapahtuma 15.3.2017 klo 13–14.30",
        "rahoitus 19 miljoonaa, 1 000 000 euroa",
        "postinumero 00100 Helsinki",
        "hätänumero 112",
        "lapsi on 3 v ja 2 kk",
        "266 8201",
        "😀😀😀 <script>alert('x')</script>",
        "'; DROP TABLE users; --",
        "www.seinajoki.fi/perhekeskuspalvelut",
        "harri.lintalaseinajoki.fi",
    ],
)
def test_leaves_ordinary_text(text: str) -> None:
    assert mask(text) == text


def test_mixed_message() -> None:
    text = "Olen Maija (131052-308T), p. 040 549 9734, maija@example.fi 🙂"
    assert mask(text) == "Olen Maija ([henkilötunnus]), p. [puhelinnumero], [sähköposti] 🙂"


@pytest.mark.parametrize(
    "text",
    [
        "a" * 20_000,
        "a." * 10_000,
        "0 " * 10_000,
        "1" * 20_000,
        "@" * 20_000,
        "a@" * 10_000,
        "0-" * 10_000,
        "131052-" * 3_000,
        "🙂" * 10_000,
        "<b>" * 5_000,
    ],
)
def test_long_inputs_are_fast(text: str) -> None:
    start = time.perf_counter()
    masked = mask(text)
    assert time.perf_counter() - start < 0.5
    assert len(masked) <= len(text)


def test_long_message_keeps_text_and_masks_items() -> None:
    text = "kysymys " * 2_000 + "050 351 9249"
    assert mask(text) == "kysymys " * 2_000 + "[puhelinnumero]"

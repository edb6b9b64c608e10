from datetime import date, datetime

import pytest

from bot.answers.format import (
    email_text,
    format_date,
    format_email,
    format_phone,
    mailto,
    markdown_email,
    markdown_phone,
    phone_text,
    provenance_line,
    tel_uri,
)

# Every phone number string printed in the seed pages, exactly as printed.
SEED_PHONES = {
    "014 266 8201": "014 266 8201",
    "050 351 9249": "050 351 9249",
    "014 266 4742": "014 266 4742",
    "050 351 9971": "050 351 9971",
    "014 266 0568": "014 266 0568",
    "050 412 4028": "050 412 4028",
    "014 266 4870": "014 266 4870",
    "050 351 8621": "050 351 8621",
    "014 266 4585": "014 266 4585",
    "050 593 8316": "050 593 8316",
    "014 266 7535": "014 266 7535",
    "050 351 9769": "050 351 9769",
    "014 2660992": "014 266 0992",
    "050 3046670": "050 304 6670",
    "044-729 7985": "044 729 7985",
    "06 416 2167": "06 416 2167",
    "040 549 9734": "040 549 9734",
}


@pytest.mark.parametrize(("raw", "expected"), SEED_PHONES.items())
def test_every_seed_phone_formats(raw: str, expected: str) -> None:
    assert format_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+358 40 549 9734", "040 549 9734"),
        ("+358405499734", "040 549 9734"),
        ("00358 40 549 9734", "040 549 9734"),
        ("+358 (0)40 549 9734", "040 549 9734"),
        ("0405499734", "040 549 9734"),
        ("  044–729\u00a07985 ", "044 729 7985"),
        ("(014) 266 8201", "014 266 8201"),
        ("09 2525 0111", "09 2525 0111"),
        ("0925250111", "09 2525 0111"),
        ("0800 147 111", "0800 147 111"),
        ("013 12345", "013 12 345"),
    ],
)
def test_format_phone_normalises_variants(raw: str, expected: str) -> None:
    assert format_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "leading 0 or +358"),
        ("112", "leading 0 or +358"),
        ("2668201", "leading 0 or +358"),
        ("+46 70 123 45 67", "leading 0 or +358"),
        ("soita meille", "leading 0 or +358"),
        ("hanna.k.hamalainen(a)jkl.fi", "leading 0 or +358"),
        ("050 351 924x", "only digits"),
        ("0", "only digits"),
        ("014 266", "no such number range"),
        ("050 351 9249 1234", "no such number range"),
        ("0600 12", "no such number range"),
        ("15.3.2017", "leading 0 or +358"),
        ("05.03.2017", "only digits"),
        ("014/266 8201", "only digits"),
    ],
)
def test_format_phone_rejects_non_phones(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match="Not a Finnish phone number") as error:
        format_phone(raw)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("raw", "shown", "tel"),
    [
        # national service numbers: the destination code is 029, not 02 (issue 14)
        ("029 123 4567", "029 123 4567", "tel:+358291234567"),
        ("0291234567", "029 123 4567", "tel:+358291234567"),
        # 010 and 075 numbers pass `directory check`; the formatter used to raise on them
        ("010 123 4567", "010 123 4567", "tel:+358101234567"),
        ("075 325 2000", "075 325 2000", "tel:+358753252000"),
        ("020 634 0000", "020 634 0000", "tel:+358206340000"),
        ("+358 29 123 4567", "029 123 4567", "tel:+358291234567"),
        ("0100 123", "0100 123", "tel:+358100123"),
    ],
)
def test_service_numbers_keep_their_destination_code(raw: str, shown: str, tel: str) -> None:
    assert format_phone(raw) == shown
    assert tel_uri(raw) == tel
    assert phone_text(raw, links=True) == f"[{shown}]({tel})"
    assert phone_text(raw, links=False) == shown


def test_tel_uri() -> None:
    assert tel_uri("014 266 8201") == "tel:+358142668201"
    assert tel_uri("044-729 7985") == "tel:+358447297985"
    assert tel_uri("+358 40 549 9734") == "tel:+358405499734"
    assert tel_uri("06 416 2167") == "tel:+35864162167"
    with pytest.raises(ValueError):
        tel_uri("112")


def test_markdown_and_plain_phone() -> None:
    assert markdown_phone("050 3519249") == "[050 351 9249](tel:+358503519249)"
    assert phone_text("050 3519249", links=True) == "[050 351 9249](tel:+358503519249)"
    assert phone_text("050 3519249", links=False) == "050 351 9249"


def test_email_helpers() -> None:
    assert mailto("x@y.fi") == "mailto:x@y.fi"
    assert markdown_email(" x@y.fi ") == "[x@y.fi](mailto:x@y.fi)"
    assert format_email("elina.vesterinen2@phhyky.fi\n") == "elina.vesterinen2@phhyky.fi"
    assert email_text("x@y.fi", links=True) == "[x@y.fi](mailto:x@y.fi)"
    assert email_text("x@y.fi", links=False) == "x@y.fi"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "hanna.k.hamalainen(a)jkl.fi",
        "sari.h.paananen(at)jkl.fi",
        "harri.lintalaseinajoki.fi",
        "x@y",
        "x y@z.fi",
        "<x@y.fi>",
        "x@y.fi?subject=hi",
    ],
)
def test_email_rejects_non_addresses(bad: str) -> None:
    with pytest.raises(ValueError, match="Not an email address"):
        mailto(bad)


def test_format_date() -> None:
    assert format_date(date(2019, 1, 16)) == "16.1.2019"
    assert format_date(date(2017, 3, 15)) == "15.3.2017"
    assert format_date(date(2018, 12, 31)) == "31.12.2018"
    assert format_date(datetime(2019, 2, 15, 13, 30)) == "15.2.2019"


def test_provenance_line() -> None:
    assert (
        provenance_line("Päijät-Hämeen LAPE-sivu", None, date(2019, 1, 16))
        == "Lähde: Päijät-Hämeen LAPE-sivu, päivitetty 16.1.2019"
    )
    assert (
        provenance_line("Kaksineuvoisen sivu", "https://example.fi/pk", date(2019, 2, 15))
        == "Lähde: Kaksineuvoisen sivu (https://example.fi/pk), päivitetty 15.2.2019"
    )
    assert (
        provenance_line(" KSLAPE-hankkeen sivu ", "  ", None)
        == "Lähde: KSLAPE-hankkeen sivu, päiväys ei tiedossa"
    )


def test_provenance_line_needs_a_title() -> None:
    with pytest.raises(ValueError, match="source title"):
        provenance_line("  ", None, None)

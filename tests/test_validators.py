"""The personal-data guard (DESIGN §9, issue #3): CPR numbers with a real date are refused, with or
without modulus 11; everything else that merely looks like ten digits passes. And no control characters."""

import pytest
from django.core.exceptions import ValidationError

from ideabank.ideas.models import Comment, Idea, Report, TriedReport
from ideabank.validators import (
    USER_TEXT_VALIDATORS,
    NoControlCharacters,
    NoCprNumber,
    _century,
    contains_cpr_number,
)

WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def modulus_11_holds(cpr):
    digits = [int(char) for char in cpr if char.isdigit()]
    return sum(weight * digit for weight, digit in zip(WEIGHTS, digits, strict=True)) % 11 == 0


def test_the_table_has_numbers_on_both_sides_of_modulus_11():
    """Guards the table itself: it must hold old-style numbers and post-2007 numbers that fail modulus 11."""
    assert modulus_11_holds("010190-1238")
    assert not modulus_11_holds("010190-1234")
    assert not modulus_11_holds("150312-4891")


@pytest.mark.parametrize(
    "text",
    [
        "010190-1234",  # hyphen; fails modulus 11 like many numbers issued since 2007
        "0101901234",  # no hyphen
        "010190-1238",  # an old-style number that satisfies modulus 11
        "0101901238",
        "150312-4891",  # born 2012 (7th digit 4, year ≤ 36), fails modulus 11
        "311299-9999",  # last day of 1999
        "010100-0000",  # 1 January 1900
        "290296-1234",  # 29 February 1996, a leap year
        "290204-4321",  # 29 February 2004, a leap year
        "290200-4123",  # 7th digit 4 and year 00 → 2000, a leap year
        "290200-5123",  # 7th digit 5 and year 00 → 2000
        "290200-9123",  # 7th digit 9 and year 00 → 2000
    ],
)
def test_a_cpr_number_with_a_real_date_is_found(text):
    assert contains_cpr_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "320190-1234",  # day 32
        "300290-1234",  # 30 February
        "310490-1234",  # 31 April
        "000190-1234",  # day 0
        "011390-1234",  # month 13
        "010090-1234",  # month 0
        "290201-1234",  # 29 February 1901, not a leap year
        "290201-4123",  # 29 February 2001, not a leap year
        "290200-1234",  # 7th digit 1 and year 00 → 1900, not a leap year
        "290200-3123",  # 7th digit 3 → 1900
    ],
)
def test_a_number_that_is_not_a_real_date_passes(text):
    assert not contains_cpr_number(text)


@pytest.mark.parametrize(
    ("seventh_digit", "year", "century"),
    [
        (0, 0, 1900),
        (1, 99, 1900),
        (2, 36, 1900),
        (3, 57, 1900),
        (4, 0, 2000),
        (4, 36, 2000),
        (4, 37, 1900),
        (4, 99, 1900),
        (9, 0, 2000),
        (9, 36, 2000),
        (9, 37, 1900),
        (5, 0, 2000),
        (6, 57, 2000),
        (7, 58, 1800),
        (8, 99, 1800),
    ],
)
def test_the_seventh_digit_gives_the_century(seventh_digit, year, century):
    assert _century(year, seventh_digit) == century


@pytest.mark.parametrize("seventh_digit", "0123")
def test_29_february_00_is_no_date_when_the_seventh_digit_says_1900(seventh_digit):
    assert not contains_cpr_number(f"290200-{seventh_digit}123")


@pytest.mark.parametrize("seventh_digit", "456789")
def test_29_february_00_is_a_date_when_the_seventh_digit_says_2000(seventh_digit):
    assert contains_cpr_number(f"290200-{seventh_digit}123")


@pytest.mark.parametrize(
    "text",
    [
        "Borgeren (cpr 010190-1234) ringede i går.",
        "CPR:0101901234.",
        "cpr.nr.010190-1234",
        "Første linje\n010190-1234\nsidste linje",
        "Mødet flyttes. 010190-1234",
        "010190-1234 kom ikke.",
        "Tre tal: 12, 345 og 0101901234",
    ],
)
def test_a_cpr_number_inside_text_is_found(text):
    assert contains_cpr_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "Ring på +45 12345678",
        "Ring på +45 12 34 56 78",
        "Journalnr. 010190123456",  # twelve digits: not a CPR number even though it starts with a date
        "EAN 5790000123456",
        "Sagsnr. 00101901234",  # eleven digits whose last ten would be a CPR number
        "0101901234567",
        "010190-12345",  # five digits after the hyphen
        "010190-123",  # three digits after the hyphen
        "01019-01234",
        "Mødet er 01-01-1990 kl. 12.34",
        "Vi hjalp 1234 borgere i 2024 og 2025.",
    ],
)
def test_numbers_that_are_not_cpr_numbers_pass(text):
    assert not contains_cpr_number(text)


def test_the_validator_refuses_a_cpr_number_with_a_danish_message():
    with pytest.raises(ValidationError) as caught:
        NoCprNumber()("Borgeren har cpr 010190-1234.")
    assert caught.value.code == "cpr_number"
    assert "CPR-nummer" in caught.value.messages[0]


@pytest.mark.parametrize("text", ["", None, "Ingen personnumre her: 320190-1234", "Tlf. +45 12345678"])
def test_the_validator_lets_other_text_through(text):
    NoCprNumber()(text)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x08", "\x1b", "\x7f", "\x85"])
def test_control_characters_are_refused(char):
    with pytest.raises(ValidationError) as caught:
        NoControlCharacters()(f"Før{char}efter")
    assert caught.value.code == "control_characters"
    assert "kontroltegn" in caught.value.messages[0]


@pytest.mark.parametrize(
    "text",
    ["Første linje\nanden linje", "Kolonne\tkolonne", "Windows\r\nlinjeskift", "Æblegrød på ø 🍎", "", None],
)
def test_line_breaks_tabs_and_ordinary_text_are_allowed(text):
    NoControlCharacters()(text)


def test_the_validators_compare_equal_so_migrations_stay_stable():
    assert NoCprNumber() == NoCprNumber()
    assert NoControlCharacters() == NoControlCharacters()
    assert NoCprNumber() != NoControlCharacters()
    path, args, kwargs = NoCprNumber().deconstruct()
    assert path == "ideabank.validators.NoCprNumber"
    assert (args, kwargs) == ((), {})


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (Idea, "title"),
        (Idea, "problem"),
        (Idea, "solution"),
        (Idea, "context"),
        (Idea, "results"),
        (Comment, "body"),
        (TriedReport, "what_happened"),
        (Report, "note"),
    ],
)
def test_every_user_text_field_carries_both_validators(model, field):
    """One validator on the model field is what makes forms, the API and the admin refuse alike."""
    validators = model._meta.get_field(field).validators
    for validator in USER_TEXT_VALIDATORS:
        assert validator in validators

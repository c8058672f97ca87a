"""The personal-data guard against the ways people really write CPR numbers (issue #14): the table of
spellings that must be refused and of near misses that must pass, for the guard itself."""

import pytest

from ideabank.validators import contains_cpr_number, find_cpr_number, normalise

SOFT_HYPHEN, ZERO_WIDTH, NO_BREAK, NARROW_NO_BREAK = "\u00ad", "\u200b", "\u00a0", "\u202f"
RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"

REFUSED = [
    "010190-1234",
    "0101901234",
    "010190 1234",  # one space
    f"010190{NO_BREAK}1234",  # no-break space
    f"010190{NARROW_NO_BREAK}1234",  # narrow no-break space
    "010190\u20131234",  # en dash
    "010190\u20141234",  # em dash
    "010190\u20101234",  # hyphen
    "010190\u20111234",  # non-breaking hyphen
    "010190\u20121234",  # figure dash
    "010190\u22121234",  # minus sign
    "010190\uff0d1234",  # full-width hyphen-minus
    "010190/1234",
    "010190.1234",
    "010190\n1234",
    "010190\r\n1234",
    "010190\t1234",
    "010190 - 1234",
    "01.01.90-1234",
    "01.01.90 1234",
    "01.01.90.1234",
    "01 01 90 1234",
    "01-01-90-1234",
    "01-01-90 1234",
    "01/01/90-1234",
    "01.01.901234",
    "0101 90-1234",
    f"0101{SOFT_HYPHEN}901234",
    f"01019{ZERO_WIDTH}01234",
    f"010190{ZERO_WIDTH}-{ZERO_WIDTH}1234",
    "0101\u200d901234",  # zero-width joiner
    "\ufeff010190-1234",  # byte-order mark in front
    "０１０１９０－１２３４",  # full-width digits and hyphen
    "٠١٠١٩٠١٢٣٤",  # Arabic-Indic digits
    f"{RLO}4321-091010{PDF}",  # displays as 010190-1234
    f"{LRI}010190-1234{PDI}",
    "CPR: 010190-1234.",
    "cpr.nr.0101901234",
    "Borgeren (010190 1234) ringede.",
    "Første linje\n01.01.90-1234\nsidste linje",
    "150312-4891",  # born 2012, fails modulus 11
    "290200-4123",  # 29 February 2000
    "311299 9999",
    "32 010190 1234",  # a near miss in front must not hide the number after it
]

PASSED = [
    "",
    "Ring på +45 12 34 56 78",
    "Ring på 12345678",
    "+4512345678",
    "Journalnr. 2024-123456",
    "Sagsnr. 2024-0001234",
    "Sag 24-123456",
    "320190-1234",  # day 32
    "310490-1234",  # 31 April
    "290201-1234",  # 29 February 2001
    "011390-1234",  # month 13
    "000190-1234",  # day 0
    "010190-12345",  # five digits after the date
    "010190-123",  # three digits after the date
    "0101901234567",  # thirteen digits
    "Journalnr. 010190123456",  # twelve digits
    "Sagsnr. 00101901234",  # eleven digits
    "EAN 5790000123456",
    "Mødet er 01-01-1990 kl. 12.34",
    "Vi hjalp 1234 borgere i 2024 og 2025.",
    "Kontonr. 1234 5678901234",
    "Budget: 1.250.000 kr. over 3 år",
    "IBAN DK50 0040 0440 1162 43",
    "Postnr. 8000 Aarhus C, tlf. 87 13 20 00",
    "Årstal 1990-2024 og 2024-2026",
    "Tlf. 20 30 40 50 eller 70 20 30 40",
]


def test_the_table_is_as_large_as_the_issue_asks():
    assert len(REFUSED) >= 40
    assert len(PASSED) >= 20


@pytest.mark.parametrize("text", REFUSED)
def test_a_cpr_number_is_refused_however_it_is_written(text):
    assert contains_cpr_number(text)


@pytest.mark.parametrize("text", PASSED)
def test_a_near_miss_passes(text):
    assert not contains_cpr_number(text)


def test_normalising_removes_format_characters_and_folds_compatibility_forms():
    assert normalise(f"01{SOFT_HYPHEN}01{ZERO_WIDTH}90{NO_BREAK}１２３４") == "010190 1234"


def test_the_span_points_at_the_number_and_not_at_the_text_around_it():
    text = "Borgeren 010190-1234 kom"
    start, end = find_cpr_number(text)
    assert text[start:end] == "010190-1234"

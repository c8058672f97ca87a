"""Validators for every text a user submits: no CPR numbers (DESIGN §9), no control characters."""

import re
import unicodedata
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Six digits (DDMMYY), an optional hyphen, four digits; not part of a longer number.
CPR_PATTERN = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})(?![\d])")


def _century(year, seventh_digit):
    """The CPR register's rule for the birth century from the 7th digit (CPR-kontoret)."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if year <= 36 else 1900
    return 2000 if year <= 57 else 1800


def contains_cpr_number(text):
    """True when the text holds DDMMYY-SSSS or DDMMYYSSSS with a real calendar date.

    Modulus 11 is deliberately not checked: since 2007 valid numbers may fail it.
    """
    for match in CPR_PATTERN.finditer(text or ""):
        day, month, year, seventh = (int(match.group(i)) for i in range(1, 5))
        try:
            date(_century(year, seventh) + year, month, day)
        except ValueError:
            continue
        return True
    return False


@deconstructible
class NoCprNumber:
    message = _("Teksten ser ud til at indeholde et CPR-nummer. Fjern det — personnumre må ikke gemmes i Idébanken.")
    code = "cpr_number"

    def __call__(self, value):
        if contains_cpr_number(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, NoCprNumber)


ALLOWED_CONTROL = {"\n", "\r", "\t"}


@deconstructible
class NoControlCharacters:
    message = _("Teksten indeholder usynlige kontroltegn. Fjern dem, og prøv igen.")
    code = "control_characters"

    def __call__(self, value):
        if any(unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROL for char in value or ""):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters)


USER_TEXT_VALIDATORS = [NoControlCharacters(), NoCprNumber()]

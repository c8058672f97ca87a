"""The personal-data guard and the other checks on every text a user submits (DESIGN §9).

A CPR number is found however people really write it: the text is normalised first (Unicode NFKC, which
also turns no-break spaces, full-width and superscript digits into plain ones, and format characters such
as zero-width spaces, soft hyphens and direction marks removed), then searched for DDMMYY and SSSS with
nothing, whitespace (a line break too), a hyphen or any dash, a slash or a dot between them, the date
itself possibly split by spaces, dots, slashes or dashes. Only a real calendar date counts, so that other
ten-digit numbers pass; modulus 11 is deliberately not checked (since 2007 valid numbers may fail it).
Text that uses direction overrides is also searched as it would be displayed (reversed).
"""

import re
import unicodedata
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

DASHES = "\u2010-\u2015\u2212"  # hyphen, non-breaking hyphen, figure dash, en and em dash, bar, minus
# Between the parts of the date: at most one space, dot, slash, hyphen or dash.
DATE_SEPARATOR = rf"[ ./\-{DASHES}]?"
# Between the date and the serial number: a little whitespace (a line break too) around at most one mark.
SERIAL_SEPARATOR = rf"\s{{0,2}}[./\-{DASHES}]?\s{{0,2}}"
# Inside a lookahead, so that every starting digit is tried: a near miss must not hide a number after it.
CPR_PATTERN = re.compile(
    rf"(?<!\d)(?=(\d\d){DATE_SEPARATOR}(\d\d){DATE_SEPARATOR}(\d\d){SERIAL_SEPARATOR}(\d)(\d{{3}})(?!\d))"
)

# Embeddings, overrides and isolates: they make text display in another order than it is stored.
DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def normalise(text):
    """The text as the guard reads it: NFKC, without format characters (category Cf)."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def _century(year, seventh_digit):
    """The CPR register's rule for the birth century from the 7th digit (CPR-kontoret)."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if year <= 36 else 1900
    return 2000 if year <= 57 else 1800


def _is_real_date(match):
    day, month, year, seventh = (int(match.group(i)) for i in range(1, 5))
    try:
        date(_century(year, seventh) + year, month, day)
    except ValueError:
        return False
    return True


def find_cpr_number(text):
    """The span (start, end) of the first CPR number in the normalised text, or None."""
    plain = normalise(text)
    readings = [plain]
    if any(char in DIRECTION_CONTROLS for char in text or ""):
        # What a reader sees: an override can display "4321-091010" as a CPR number.
        readings.append(plain[::-1])
    for reading in readings:
        for match in CPR_PATTERN.finditer(reading):
            if _is_real_date(match):
                return match.start(1), match.end(5)
    return None


def contains_cpr_number(text):
    """True when the text holds a CPR number with a real date, in any of the spellings above."""
    return find_cpr_number(text) is not None


def has_direction_controls(text):
    return any(char in DIRECTION_CONTROLS for char in text or "")


@deconstructible
class NoCprNumber:
    message = _("Teksten ser ud til at indeholde et CPR-nummer. Fjern det — personnumre må ikke gemmes i Idébanken.")
    code = "cpr_number"

    def __call__(self, value):
        if isinstance(value, str) and contains_cpr_number(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, NoCprNumber)


ALLOWED_CONTROL = {"\n", "\r", "\t"}


@deconstructible
class NoControlCharacters:
    message = _("Teksten indeholder usynlige kontroltegn. Fjern dem, og prøv igen.")
    code = "control_characters"

    def __call__(self, value):
        if not isinstance(value, str):
            return
        if any(unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROL for char in value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters)


@deconstructible
class NoDirectionControls:
    """Titles and names are shown in lists and beside every idea: they must read as they are stored."""

    message = _("Teksten indeholder tegn, der vender skriveretningen. Fjern dem, og prøv igen.")
    code = "direction_controls"

    def __call__(self, value):
        if isinstance(value, str) and has_direction_controls(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, NoDirectionControls)


USER_TEXT_VALIDATORS = [NoControlCharacters(), NoCprNumber()]
"""On every model field that holds text a person typed; `ideabank.personal_data` checks that they are."""

NAME_VALIDATORS = [*USER_TEXT_VALIDATORS, NoDirectionControls()]
"""For titles and names, which must also display in the order they are stored."""


EARLIEST_DATE = date(1990, 1, 1)


@deconstructible
class PlausibleDate:
    """Dates of trials, adoptions and outcome periods: a typo such as 0224 or 2204 is refused, not stored."""

    message = _("Datoen skal ligge mellem 1. januar 1990 og et år fra i dag.")
    code = "implausible_date"

    def __call__(self, value):
        if value is not None and not EARLIEST_DATE <= value <= timezone.localdate() + timedelta(days=365):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, PlausibleDate)


def implausible_dates(**dates):
    """{name: messages} for each implausible date among the keyword arguments (empty when all are fine)."""
    errors = {}
    for name, value in dates.items():
        try:
            PlausibleDate()(value)
        except ValidationError as error:
            errors[name] = error.messages
    return errors


def check_plausible_dates(**dates):
    """Raise one ValidationError naming every implausible date among the keyword arguments."""
    errors = implausible_dates(**dates)
    if errors:
        raise ValidationError(errors)

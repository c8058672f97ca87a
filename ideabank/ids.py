"""Ids from requests: only a plain ASCII integer that a database key can hold counts as one.

`str.isdigit()` accepts "²" and "٣", which `int()` then refuses or reads as another number, and an
unbounded integer overflows the database's 64-bit keys; both used to end as a 500.
"""

from django import forms

MAX_ID = 2**63 - 1


def parse_id(value):
    """The positive id in ``value`` (str or int), or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        number = int(value)
    else:
        return None
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    """`<id:pk>` in URL patterns: like `<int:…>`, but never a number the database cannot hold (a 404, not a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses anything but an id before it asks the database.

    Django hands the raw value to the query, where "99999999999999999999" overflows SQLite's integers (and a
    one-to-one key such as a page's skips Django's own range check); and a form shown again with "²" makes an
    admin chooser widget look the value up and fail. Both were 500s; now they are the field's usual error.
    """

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if parse_id(value) is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)

    def bound_data(self, data, initial):
        # What the widget renders again after an error: never a value that is not an id.
        data = super().bound_data(data, initial)
        return data if data in self.empty_values or parse_id(data) is not None else None

"""Ids from requests: only a plain ASCII integer that a database key can hold counts as one.

`str.isdigit()` accepts "²" and "٣", which `int()` then refuses or reads as another number, and an
unbounded integer overflows the database's 64-bit keys; both used to end as a 500.
"""

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

"""Template helpers for idea pages: safe rendering of user text and the list's filter links."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Only http(s) URLs become links. The match stops at whitespace and at characters that cannot
# sit unescaped in an attribute, so nothing a user types can leave the href.
URL_PATTERN = re.compile(r"\bhttps?://[^\s<>\"'`]+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?»”’"


def _split_trailing(url):
    """Keep sentence punctuation and an unbalanced closing bracket out of the link."""
    trail = ""
    while url:
        if url[-1] in TRAILING_PUNCTUATION:
            trail = url[-1] + trail
            url = url[:-1]
        elif url[-1] == ")" and url.count(")") > url.count("("):
            trail = url[-1] + trail
            url = url[:-1]
        else:
            break
    return url, trail


def _link(url):
    return format_html('<a href="{}" rel="nofollow ugc">{}</a>', url, url)


@register.filter(is_safe=False)
def user_text(value):
    """Plain user text as HTML: everything escaped, line breaks kept, http(s) links clickable.

    Nothing else becomes markup: `javascript:` and every other scheme stay text.
    """
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    parts, position = [], 0
    for match in URL_PATTERN.finditer(text):
        url, trail = _split_trailing(match.group(0))
        if "://" not in url or url.endswith("://"):
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(_link(url))
        parts.append(escape(trail))
        position = match.end()
    parts.append(escape(text[position:]))
    # Safe: every piece of user text was escaped above; the only markup is our own <a> and <br>.
    return mark_safe("".join(parts).replace("\n", "<br>"))  # noqa: S308


@register.filter
def facet_label(rows, value):
    """The label of the selected value in a facet list, or the value itself."""
    for row in rows or ():
        if row["value"] == str(value):
            return row["label"]
    return value

"""Finds English interface text in a rendered page, without a hand-kept list of words.

The yardstick is the message ids of every installed app's catalogues (Wagtail, Django, taggit, django-otp …):
they are the English the apps show when a string is not translated. A piece of visible text that reads as one
of those ids is English on the page, unless its Danish translation is the very same text ("Status", "Link").
Placeholders in the ids ("%(total)s Pages") match any value, so "35 Pages" is caught too.
"""

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import trans_real

from tests.test_translations import parse_po

PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[A-Za-z]{2,}")
# Attributes whose text a user reads or hears.
SPOKEN_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "aria-description"}
SKIPPED_ELEMENTS = {"style", "noscript"}


def not_english():
    """Text that reads like a message id but is not English on a Danish page: each language's own name in the
    language menu ("English" is how an English reader finds it), and the "None" Wagtail leaves in the hidden
    counter of the page editor's status panel until its script fills in a number."""
    return {str(name) for _code, name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES} | {"None"}


def normal(text):
    return " ".join(text.split())


@dataclass(frozen=True)
class Message:
    msgid: str
    domain: str
    context: str | None = None
    plural: bool = False


def _catalogue_files():
    """One .po per installed app (English where it exists) and Django's own."""
    roots = [Path(django.__file__).parent / "conf"] + [Path(config.path) for config in apps.get_app_configs()]
    project_locale = Path(settings.BASE_DIR) / "locale"
    for root in roots:
        locale = root / "locale"
        if not locale.is_dir() or locale == project_locale:
            continue
        for domain in ("django", "djangojs"):
            english = locale / "en" / "LC_MESSAGES" / f"{domain}.po"
            candidates = [english, *sorted(locale.glob(f"*/LC_MESSAGES/{domain}.po"))]
            found = next((path for path in candidates if path.exists()), None)
            if found:
                yield domain, found


@cache
def messages():
    """Every English message id the installed apps can show."""
    found = set()
    for domain, path in _catalogue_files():
        for entry in parse_po(path.read_text(encoding="utf-8")):
            found.add(Message(entry.msgid, domain, entry.msgctxt))
            if entry.msgid_plural:
                found.add(Message(entry.msgid_plural, domain, entry.msgctxt, plural=True))
    return frozenset(found)


@cache
def danish(domain):
    return trans_real.DjangoTranslation("da", domain=domain)


def danish_is_the_same(message):
    """True when Danish says it in the same words, so seeing the id is no sign of English."""
    catalogue = danish(message.domain)
    key = f"{message.context}\x04{message.msgid}" if message.context else message.msgid
    if message.plural:
        return False
    translated = catalogue._catalog.get(key) if key in catalogue._catalog else catalogue._catalog.get((key, 0))
    return translated is not None and normal(TAG.sub(" ", translated)) == normal(TAG.sub(" ", message.msgid))


def fragments(msgid):
    """The pieces of an id a reader sees: markup splits "<b>Locked</b> by you" into separate text."""
    pieces = [normal(piece) for piece in TAG.split(msgid)]
    return [piece for piece in pieces if WORD.search(PLACEHOLDER.sub("", piece))]


@cache
def matchers():
    """(literal texts → message, [(pattern, message)]) for the English that must not show."""
    literal, patterns = {}, []
    for message in messages():
        if danish_is_the_same(message):
            continue
        for piece in fragments(message.msgid):
            words = WORD.findall(PLACEHOLDER.sub("", piece))
            if not PLACEHOLDER.search(piece):
                literal.setdefault(piece, message)
                literal.setdefault(capfirst(piece), message)  # verbose names show as column headings
            elif sum(len(word) for word in words) >= 4:  # "%(num)s min" alone would match Danish "Skift min …"
                parts = [re.escape(part) for part in PLACEHOLDER.split(piece)]
                patterns.append((re.compile(r"\S+(?: \S+){0,3}".join(parts)), message))
    return literal, patterns


class VisibleText(HTMLParser):
    """Text nodes, spoken attributes and the strings of JSON props (Wagtail renders its menu from them)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.skipping, self.json = [], 0, 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1
        if tag == "script":
            self.skipping += 1
            if attributes.get("type") == "application/json":
                self.json += 1
        for name, value in attrs:
            if name in SPOKEN_ATTRIBUTES and value:
                self.texts.append(value)
        if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
            self.texts.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS or tag == "script":
            self.skipping = max(0, self.skipping - 1)
        if tag == "script" and self.json:
            self.json -= 1

    def handle_data(self, data):
        if self.json:
            self.texts.extend(_json_strings(data))
        elif not self.skipping:
            self.texts.append(data)


def _json_strings(data):
    import json

    try:
        value = json.loads(data)
    except ValueError:
        return []
    found = []

    def walk(item, key=None):
        if isinstance(item, dict):
            for name, inner in item.items():
                walk(inner, name)
        elif isinstance(item, list):
            for inner in item:
                walk(inner, key)
        elif isinstance(item, str) and key in ("label", "title", "text", "help_text", "heading"):
            found.append(item)

    walk(value)
    return found


def visible_texts(html):
    parser = VisibleText()
    parser.feed(html)
    return {normal(text) for text in parser.texts if WORD.search(text or "")}


def english_in(html):
    """[(text on the page, the message id it reads as)] for every piece of English interface text."""
    literal, patterns = matchers()
    found = []
    for text in sorted(visible_texts(html) - not_english()):
        message = literal.get(text)
        if message is None:
            message = next((message for pattern, message in patterns if pattern.fullmatch(text)), None)
        if message is not None:
            found.append((text, message.msgid))
    return found

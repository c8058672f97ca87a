"""English is complete (issue #9 §7): every message in locale/en has an English translation that is not fuzzy
and keeps the msgid's placeholders; the compiled .mo matches the .po; and the .po is not stale — it holds
exactly the messages that `make messages` would extract from the source today.

Source strings are Danish; after adding or changing a string, run `make messages`, translate the new
entries in locale/en/LC_MESSAGES/*.po and commit the .po and the .mo together.
"""

import gettext
import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
# The catalogues that exist; a domain without messages has none (test_the_catalogue_is_not_stale checks that).
CATALOGUED = tuple(domain for domain in DOMAINS if (LOCALE_DIR / f"{domain}.po").exists())
# What `make messages` leaves out (see the Makefile), besides Django's own defaults (dot-directories etc.).
IGNORED_DIRS = {"var", "node_modules", "locale", "__pycache__"}
IGNORED_PATHS = {"djangojs": {Path("static/vendor")}, "django": set()}
EXTENSIONS = {"django": {".html", ".txt", ".py"}, "djangojs": {".js"}}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w+)\}")
SHOWN = 25  # how many offending messages a failure lists


def parse_po(path):
    """The live entries of a .po file (the header and obsolete `#~` entries left out)."""
    return [entry for entry in polib.pofile(str(path)) if entry.msgid and not entry.obsolete]


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def translations(entry):
    """{plural form: English text}: form 0 alone for a message without a plural."""
    return entry.msgstr_plural if entry.msgid_plural else {0: entry.msgstr}


def untranslated(entry):
    return not all(translations(entry).values())


def describe(entry):
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{context}{entry.msgid!r}"


def catalogue(domain):
    path = LOCALE_DIR / f"{domain}.po"
    return parse_po(path) if path.exists() else None


def placeholders(text):
    return {named or braced for named, braced in PLACEHOLDER.findall(text or "")}


def listing(entries):
    lines = [f"  {describe(entry)}" for entry in entries[:SHOWN]]
    if len(entries) > SHOWN:
        lines.append(f"  … and {len(entries) - SHOWN} more")
    return "\n".join(lines)


def test_the_english_catalogue_exists():
    assert (LOCALE_DIR / "django.po").exists()


@pytest.mark.parametrize("domain", CATALOGUED)
def test_every_message_has_an_english_translation(domain):
    entries = catalogue(domain)

    missing = [entry for entry in entries if untranslated(entry)]
    assert not missing, f"{len(missing)} messages in locale/en/{domain}.po lack English:\n{listing(missing)}"


@pytest.mark.parametrize("domain", CATALOGUED)
def test_no_translation_is_fuzzy(domain):
    entries = catalogue(domain)

    fuzzy = [entry for entry in entries if entry.fuzzy]

    assert not fuzzy, f"{len(fuzzy)} fuzzy translations in locale/en/{domain}.po (check, then drop the flag):\n" + (
        listing(fuzzy)
    )


@pytest.mark.parametrize("domain", CATALOGUED)
def test_translations_keep_the_placeholders(domain):
    wrong = []
    for entry in catalogue(domain):
        translated = [text for text in translations(entry).values() if text]
        if not entry.msgid_plural:
            if any(placeholders(text) != placeholders(entry.msgid) for text in translated):
                wrong.append(entry)
        else:
            # "1 vote" may leave the number out; no form may name a value the code does not pass.
            known = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
            if any(not placeholders(text) <= known for text in translated):
                wrong.append(entry)
    assert not wrong, f"translations in locale/en/{domain}.po with other placeholders than the Danish:\n" + (
        listing(wrong)
    )


@pytest.mark.parametrize("domain", CATALOGUED)
def test_the_compiled_catalogue_matches_the_po_file(domain):
    entries = catalogue(domain)
    mo = LOCALE_DIR / f"{domain}.mo"
    assert mo.exists(), f"locale/en/{domain}.mo is missing: run `make messages`"
    with mo.open("rb") as file:
        compiled = gettext.GNUTranslations(file)

    stale = []
    for entry in entries:
        if untranslated(entry) or entry.fuzzy:
            continue  # reported by the tests above; msgfmt leaves these out
        if not entry.msgid_plural:
            got = compiled.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else compiled.gettext(entry.msgid)
            if got != entry.msgstr:
                stale.append(entry)
        else:
            args = (entry.msgid, entry.msgid_plural)
            for n, index in ((1, 0), (2, 1)):
                got = compiled.npgettext(entry.msgctxt, *args, n) if entry.msgctxt else compiled.ngettext(*args, n)
                if got != entry.msgstr_plural.get(index):
                    stale.append(entry)
                    break
    assert not stale, f"locale/en/{domain}.mo is older than the .po: run `make messages`:\n{listing(stale)}"


# ---- staleness: the .po against the source ---------------------------------------------------


def mirror_sources(destination, domain):
    """Copy the files `make messages` reads into `destination`, so extraction never writes in the tree."""
    root = Path(settings.BASE_DIR)
    ignored = {root / path for path in IGNORED_PATHS[domain]}
    for directory, dirnames, filenames in os.walk(root):
        here = Path(directory)
        dirnames[:] = sorted(
            name
            for name in dirnames
            if not name.startswith(".") and name not in IGNORED_DIRS and here / name not in ignored
        )
        for name in filenames:
            if Path(name).suffix in EXTENSIONS[domain] and not name.startswith("."):
                target = destination / (here / name).relative_to(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(here / name, target)


def extracted_messages(tmp_path, domain):
    """The messages `makemessages -l en` finds in the source today, from a copy of the source."""
    sources = tmp_path / "src"
    sources.mkdir()
    mirror_sources(sources, domain)
    locale = sources / "locale"
    previous = Path.cwd()
    try:
        os.chdir(sources)
        with override_settings(LOCALE_PATHS=[str(locale)]):
            call_command("makemessages", locale=["en"], domain=domain, verbosity=0)
    finally:
        os.chdir(previous)
    po = locale / "en" / "LC_MESSAGES" / f"{domain}.po"
    return parse_po(po) if po.exists() else []


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_catalogue_is_not_stale(domain, tmp_path):
    assert shutil.which("xgettext"), "GNU gettext is needed to extract messages (apt-get install gettext)"
    fresh = {key(entry): entry for entry in extracted_messages(tmp_path, domain)}
    committed = {key(entry): entry for entry in catalogue(domain) or []}

    new = [fresh[key] for key in fresh.keys() - committed.keys()]
    gone = [committed[key] for key in committed.keys() - fresh.keys()]

    problems = []
    if new:
        problems.append(f"{len(new)} messages in the source are not in locale/en/{domain}.po:\n{listing(new)}")
    if gone:
        problems.append(f"{len(gone)} messages in locale/en/{domain}.po are no longer in the source:\n{listing(gone)}")
    assert not problems, "\n".join(problems) + "\nRun `make messages` and translate the new entries."

"""English is complete (issue #9 §7): every message in locale/en has an English translation that is not fuzzy
and keeps the msgid's placeholders; the compiled .mo matches the .po; and the .po is not stale — it holds
exactly the messages that `make messages` would extract from the source today.

Source strings are Danish; after adding or changing a string, run `make messages`, translate the new
entries in locale/en/LC_MESSAGES/*.po and commit the .po and the .mo together.
"""

import ast
import gettext
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)

    def __str__(self):
        context = f"[{self.msgctxt}] " if self.msgctxt else ""
        return f"{context}{self.msgid!r}"


def unquote(text):
    return ast.literal_eval(text.strip())


def parse_po(text):
    """The entries of a .po file (header excluded). Small on purpose: msgctxt, plurals, flags, obsolete."""
    entries, entry, target, index = [], Entry(), None, 0

    def finish():
        nonlocal entry, target
        if entry.msgid or entry.msgstr:
            entries.append(entry)
        entry, target = Entry(), None

    for line in text.splitlines():
        line = line.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            value = unquote(line)
            if target == "msgstr":
                entry.msgstr[index] += value
            else:
                setattr(entry, target, getattr(entry, target) + value)
            continue
        keyword, _space, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and (entry.msgid or entry.msgstr) and target == "msgstr":
            finish()  # a new entry without a blank line in between
        match = re.fullmatch(r"msgstr(?:\[(\d+)\])?", keyword)
        if match:
            target, index = "msgstr", int(match.group(1) or 0)
            entry.msgstr[index] = unquote(rest)
        elif keyword in ("msgid", "msgid_plural", "msgctxt"):
            target = keyword
            setattr(entry, keyword, unquote(rest))
        else:
            raise ValueError(f"unexpected line in .po file: {line!r}")
    finish()
    return [entry for entry in entries if entry.msgid and not entry.obsolete]


def catalogue(domain):
    path = LOCALE_DIR / f"{domain}.po"
    return parse_po(path.read_text(encoding="utf-8")) if path.exists() else None


def placeholders(text):
    return {named or braced for named, braced in PLACEHOLDER.findall(text or "")}


def listing(entries):
    lines = [f"  {entry}" for entry in entries[:SHOWN]]
    if len(entries) > SHOWN:
        lines.append(f"  … and {len(entries) - SHOWN} more")
    return "\n".join(lines)


def test_the_english_catalogue_exists():
    assert (LOCALE_DIR / "django.po").exists()


@pytest.mark.parametrize("domain", CATALOGUED)
def test_every_message_has_an_english_translation(domain):
    entries = catalogue(domain)

    missing = [entry for entry in entries if not entry.msgstr or not all(entry.msgstr.values())]
    assert not missing, f"{len(missing)} messages in locale/en/{domain}.po lack English:\n{listing(missing)}"


@pytest.mark.parametrize("domain", CATALOGUED)
def test_no_translation_is_fuzzy(domain):
    entries = catalogue(domain)

    fuzzy = [entry for entry in entries if "fuzzy" in entry.flags]

    assert not fuzzy, f"{len(fuzzy)} fuzzy translations in locale/en/{domain}.po (check, then drop the flag):\n" + (
        listing(fuzzy)
    )


@pytest.mark.parametrize("domain", CATALOGUED)
def test_translations_keep_the_placeholders(domain):
    wrong = []
    for entry in catalogue(domain):
        translated = [text for text in entry.msgstr.values() if text]
        if entry.msgid_plural is None:
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
        if not entry.msgstr or not all(entry.msgstr.values()) or "fuzzy" in entry.flags:
            continue  # reported by the tests above; msgfmt leaves these out
        if entry.msgid_plural is None:
            got = compiled.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else compiled.gettext(entry.msgid)
            if got != entry.msgstr[0]:
                stale.append(entry)
        else:
            args = (entry.msgid, entry.msgid_plural)
            for n, index in ((1, 0), (2, 1)):
                got = compiled.npgettext(entry.msgctxt, *args, n) if entry.msgctxt else compiled.ngettext(*args, n)
                if got != entry.msgstr.get(index):
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
    return parse_po(po.read_text(encoding="utf-8")) if po.exists() else []


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_catalogue_is_not_stale(domain, tmp_path):
    assert shutil.which("xgettext"), "GNU gettext is needed to extract messages (apt-get install gettext)"
    fresh = {entry.key: entry for entry in extracted_messages(tmp_path, domain)}
    committed = {entry.key: entry for entry in catalogue(domain) or []}

    new = [fresh[key] for key in fresh.keys() - committed.keys()]
    gone = [committed[key] for key in committed.keys() - fresh.keys()]

    problems = []
    if new:
        problems.append(f"{len(new)} messages in the source are not in locale/en/{domain}.po:\n{listing(new)}")
    if gone:
        problems.append(f"{len(gone)} messages in locale/en/{domain}.po are no longer in the source:\n{listing(gone)}")
    assert not problems, "\n".join(problems) + "\nRun `make messages` and translate the new entries."

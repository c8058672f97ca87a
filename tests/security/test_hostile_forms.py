"""A hostile-input sweep (issue #14): every HTML form a staff member, a moderator and an editor can reach on the
main pages receives NUL, 10 000 characters, Unicode digits, direction overrides and CPR numbers written the ways
people write them; hidden and numeric fields receive ids that are not plain integers. No answer may be a 5xx,
and afterwards no CPR number may be stored anywhere in the database.

The forms are not listed by hand: the test crawls the pages as each role sees them and fills in whatever forms
it finds, so a form added later is swept without anyone remembering to add it here.
"""

import re
import time
import traceback
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.cache import cache
from django.db import connection, models, transaction
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone
from taggit.models import Tag

from ideabank.accounts.roles import Role
from ideabank.ideas import services as ideas
from ideabank.ideas.models import Idea
from ideabank.notifications import services as notifications
from ideabank.notifications.models import Verb
from ideabank.validators import contains_cpr_number
from tests.conftest import verified_login
from tests.factories import IdeaFactory, UserFactory
from tests.spread.helpers import INDICATORS, adoption, make_method

pytestmark = pytest.mark.django_db

CPR_VARIANTS = [
    "010190-1234",
    "010190 1234",
    "01.01.90-1234",
    "010190\u20131234",  # en dash
    "0101\u200b901234",  # zero-width space inside the date
    "010190/1234",
    "010190\n1234",
]


def in_a_sentence(cpr):
    """A CPR number inside ordinary text, so that length rules do not refuse the value before the guard sees it."""
    return f"Borgeren med CPR {cpr} har fået en fast kontaktperson"


HOSTILE_TEXT = {
    "NUL": "Fast kontakt\x00person",
    "10 000 characters": ("Efterværn " * 1000)[:10_000],
    "superscript two": "²",
    "Arabic-Indic three": "٣",
    "full-width twelve": "１２",
    "right-to-left override": "Fast \u202ekontaktperson\u202c efter anbringelse",
    **{f"CPR {cpr!r}": in_a_sentence(cpr) for cpr in CPR_VARIANTS},
}
HOSTILE_IDS = ["²", "-1", "99999999999999999999", "abc"]

# What a well-behaved user would type where the sweep is not aiming (so the form gets as far as it can).
PLAIN_TEXT = "Fast kontaktperson efter anbringelse"

TEXT_TYPES = {"text", "search", "email", "url", "tel", "password", "textarea"}

# Where the crawl goes on from the pages it starts at: the product's own pages, and in the admin only the
# Idébanken views (Wagtail's own page editor, images and settings are Wagtail's business).
FOLLOWED_PREFIXES = (
    "/ideer/",
    "/udbredelse/",
    "/notifikationer/",
    "/konto/profil/",
    "/soeg/",
    "/metoder/",
    "/admin/moderation/",
    "/admin/knowledge/",
)
ADMIN_PREFIXES = ("/admin/moderation/", "/admin/knowledge/")
# Forms the sweep must not send: they end the session or delete the account it is logged in with.
SKIPPED_ACTIONS = re.compile(r"/log-ud|/slet-konto/|/log-ud-alle-steder/|/totrin/slaa-fra/|/admin/logout/")
MAX_PAGES = 60


@dataclass
class Field:
    name: str
    kind: str  # text, hidden, csrf, number, date, choice, multichoice, check, submit
    value: str = ""
    options: list = field(default_factory=list)
    checked: bool = False


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: list

    def describe(self):
        return f"{self.method} {self.action} (form on {self.page})"


# ---- reading the pages ----------------------------------------------------------------------------------------


def read_field(element):
    name = element.get("name")
    if not name or element.has_attr("disabled"):
        return None
    if element.name == "textarea":
        return Field(name, "text", element.text)
    if element.name == "select":
        options = [option.get("value", option.text) for option in element.find_all("option")]
        chosen = [option.get("value", option.text) for option in element.find_all("option", selected=True)]
        if element.has_attr("multiple"):
            return Field(name, "multichoice", options=options, value=chosen)
        first = next((option for option in options if option), "")
        return Field(name, "choice", chosen[0] if chosen else first, options=options)
    kind = (element.get("type") or "text").lower()
    value = element.get("value", "")
    if element.name == "button" or kind in ("submit", "image"):
        return Field(name, "submit", value)
    if name == "csrfmiddlewaretoken":
        return Field(name, "csrf", value)
    if kind in TEXT_TYPES:
        return Field(name, "text", value)
    if kind in ("checkbox", "radio"):
        return Field(
            name, "check" if kind == "checkbox" else "radio", value or "on", checked=element.has_attr("checked")
        )
    if kind in ("hidden", "number", "date", "datetime-local", "month", "range"):
        return Field(name, kind if kind in ("hidden", "number") else "date", value)
    return None  # file, reset, …


def read_forms(page_url, html):
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all("form"):
        action = element.get("action") or element.get("hx-post") or element.get("hx-get") or ""
        method = "POST" if element.get("hx-post") else (element.get("method") or "GET").upper()
        fields = [read_field(child) for child in element.find_all(["input", "textarea", "select", "button"])]
        found.append(Form(page_url, urljoin(page_url, action), method, [f for f in fields if f]))
    links = [urljoin(page_url, anchor["href"]) for anchor in soup.find_all("a", href=True)]
    return found, links


def same_site_path(url):
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def shape(url):
    """Pages that differ only in ids or query are one page to the crawl: it wants forms, not every idea."""
    return re.sub(r"\d+", "N", urlsplit(url).path)


def form_key(form):
    """Forms that post the same fields to the same view are one form to the sweep (the reports queue and the
    ideas list share their hide and restore views, every idea page has the same comment form); None for a form the
    sweep leaves alone: another site's, one that ends the session, and Wagtail's own (search, page explorer)."""
    path = same_site_path(form.action)
    if path is None or SKIPPED_ACTIONS.search(path):
        return None
    if path.startswith("/admin/") and not path.startswith(ADMIN_PREFIXES):
        return None
    try:
        view = resolve(urlsplit(path).path).func
    except Resolver404:
        return None
    return form.method, getattr(view, "view_class", view), frozenset(f.name for f in form.fields)


def crawl(client, start_urls):
    """Visit the start pages and the product pages they link to; return every form found, once per shape."""
    queue, visited, seen_shapes, forms, form_keys, failures = list(start_urls), set(), set(), [], set(), []
    while queue and len(visited) < MAX_PAGES:
        url = queue.pop(0)
        if url in visited or (url not in start_urls and shape(url) in seen_shapes):
            continue
        visited.add(url)
        seen_shapes.add(shape(url))
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(failure(f"GET {url}", {}, response))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page_forms, links = read_forms(url, response.content.decode())
        for form in page_forms:
            key = form_key(form)
            if key and key not in form_keys:
                form_keys.add(key)
                forms.append(form)
        for link in links:
            path = same_site_path(link)
            if path and path.startswith(FOLLOWED_PREFIXES) and not SKIPPED_ACTIONS.search(path):
                queue.append(path)
    return forms, failures


# ---- filling them in --------------------------------------------------------------------------------------------


def fill(form, text=None, ident=None):
    """The form's data with `text` in every text-like field, or `ident` in every hidden, numeric and choice field;
    everything else as a careful user would leave it."""
    data, pressed = {}, False
    date = timezone.localdate().replace(day=1).isoformat()
    for f in form.fields:
        if f.kind == "csrf":
            value = f.value
        elif f.kind == "text":
            value = text if text is not None else (f.value or PLAIN_TEXT)
        elif f.kind in ("hidden", "number", "choice"):
            value = ident if ident is not None else (f.value or ("1" if f.kind == "number" else ""))
        elif f.kind == "date":
            value = f.value or date
        elif f.kind == "multichoice":
            value = [ident] if ident is not None else f.value
        elif f.kind in ("check", "radio"):
            if not f.checked and not (f.kind == "radio" and f.name not in data):
                continue
            value = ident if ident is not None and f.kind == "radio" else f.value
        elif f.kind == "submit":
            if pressed:
                continue
            pressed, value = True, f.value
        else:
            continue
        if f.kind == "radio":
            data[f.name] = [value]
        else:
            data.setdefault(f.name, []).extend(value if isinstance(value, list) else [value])
    return data


def submissions(form):
    """Every hostile value in every text-like field (CPR numbers only where a form may store them), then every
    hostile id in every hidden, numeric and choice field."""
    has_text = any(f.kind == "text" for f in form.fields)
    has_ids = any(f.kind in ("hidden", "number", "choice", "radio", "multichoice") for f in form.fields)
    if has_text:
        for label, value in HOSTILE_TEXT.items():
            if form.method == "GET" and label.startswith("CPR"):
                continue
            yield f"text fields = {label}", fill(form, text=value)
    if has_ids:
        for value in HOSTILE_IDS:
            yield f"hidden/number/choice fields = {value!r}", fill(form, ident=value)


def send(client, form, data):
    """Submit the form; a submission that fails with a database error is rolled back on its own, so that it does
    not break the test's transaction for every submission after it (what it stored is kept otherwise)."""
    # Throttles would turn the later submissions into 429s before any rule sees them; the sweep wants the rules.
    cache.clear()
    savepoint = transaction.savepoint()
    if form.method == "GET":
        response = client.get(form.action, data)
    else:
        response = client.post(form.action, data)
    if connection.needs_rollback or response.status_code >= 500:
        connection.needs_rollback = False
        transaction.savepoint_rollback(savepoint)
    else:
        transaction.savepoint_commit(savepoint)
    return response


def failure(where, data, response):
    summary = ""
    if getattr(response, "exc_info", None):
        # Name the project's own line that failed, not the framework's line below it.
        frames = traceback.extract_tb(response.exc_info[2])
        frames = [frame for frame in frames if "site-packages" not in frame.filename]
        last = frames[-1] if frames else None
        error = response.exc_info[1]
        summary = f"{type(error).__name__}: {error}" + (f" at {last.filename}:{last.lineno}" if last else "")
    shown = {name: [repr(v)[:40] for v in values] for name, values in data.items() if name != "csrfmiddlewaretoken"}
    return f"{where} → {response.status_code} {summary}\n      data: {shown}"


# ---- what must hold afterwards ----------------------------------------------------------------------------------


def stored_cpr_numbers():
    """Every text column of the product's own models (and the tags and token names users write) that holds a CPR
    number, as "model.field #pk" (never the number itself)."""
    from wagtail.models import APIToken

    found = []
    labels = [
        config.label for config in apps.get_app_configs() if config.name.startswith(("ideabank", "home", "search"))
    ]
    models_to_scan = [model for label in labels for model in apps.get_app_config(label).get_models()]
    for model in [*models_to_scan, Tag, APIToken]:
        for column in model._meta.get_fields():
            if not isinstance(column, models.CharField | models.TextField) or column.name == "password":
                continue
            for pk, value in model._default_manager.values_list("pk", column.name).iterator():
                if value and contains_cpr_number(value):
                    found.append(f"{model._meta.label}.{column.name} #{pk}")
    return found


# ---- the people and the things they see -------------------------------------------------------------------------


def world(user, role):
    """Something of everything on the main pages, so that every form there is shown: the user's own idea and
    comment, a colleague's idea with a comment, a reported idea and comment, an idea awaiting approval, a
    published method with outcome indicators that the user's organisation uses, and an unread notification."""
    colleague = UserFactory(organisation=user.organisation, role=Role.MEDARBEJDER)
    own_idea = IdeaFactory(author=user, tags=["efterværn"])
    other_idea = IdeaFactory(author=colleague, tags=["unge"])
    ideas.add_comment(colleague, own_idea, "Det har vi også gode erfaringer med.")
    ideas.add_comment(user, other_idea, "Hvordan fandt I kontaktpersonerne?")
    reported = ideas.add_comment(colleague, other_idea, "Køb billige ure her.")
    ideas.report_content(colleague, reason="spam", idea=IdeaFactory(author=colleague))
    ideas.report_content(user, reason="spam", comment=reported)
    pending = IdeaFactory(status=Idea.Status.PENDING, published_at=None)
    method = make_method(indicators=INDICATORS)
    used = adoption(method, user.organisation, status="piloting")
    notifications.notify(user, Verb.COMMENT_ON_IDEA, actor=colleague, idea=own_idea)
    pages = [
        "/",
        "/ideer/",
        f"/ideer/{own_idea.pk}/",
        f"/ideer/{other_idea.pk}/",
        "/ideer/ny/",
        f"/ideer/{own_idea.pk}/ret/",
        "/konto/profil/",
        method.url,
        "/udbredelse/",
        f"/udbredelse/organisationer/{user.organisation.slug}/",
        f"/udbredelse/ibrugtagninger/{used.pk}/",
        f"/udbredelse/ibrugtagninger/{used.pk}/status/",
        f"/udbredelse/ibrugtagninger/{used.pk}/resultater/ny/",
        f"/udbredelse/ideer/{other_idea.pk}/tag-i-brug/",
        "/notifikationer/",
        "/notifikationer/indstillinger/",
        "/soeg/?q=kontaktperson",
    ]
    if role != Role.MEDARBEJDER:
        pages += [
            "/admin/",
            "/admin/moderation/reports/",
            "/admin/moderation/ideas/",
            f"/admin/moderation/ideas/inspect/{other_idea.pk}/",
            f"/admin/moderation/ideas/merge/{other_idea.pk}/",
            f"/admin/moderation/ideas/approve/{pending.pk}/",
            "/admin/moderation/users/",
            "/admin/moderation/idea-chooser/",
            "/admin/knowledge/queue/",
            f"/admin/knowledge/assess/idea/{other_idea.pk}/",
            f"/admin/knowledge/promote/{other_idea.pk}/",
        ]
    return pages


ROLES = [Role.MEDARBEJDER, Role.MODERATOR, Role.REDAKTOER]
# Forms the crawl must find (ids as N), so that a page that stops rendering its forms cannot pass unnoticed.
STAFF_FORMS = {
    "/ideer/ny/",
    "/ideer/N/ret/",
    "/ideer/N/kommentarer/",
    "/ideer/N/afproevet/",
    "/ideer/N/anmeld/",
    "/ideer/foelg/",
    "/konto/profil/",
    "/konto/profil/noegler/",
    "/udbredelse/ibrugtagninger/N/status/",
    "/udbredelse/ibrugtagninger/N/resultater/ny/",
    "/udbredelse/ideer/N/tag-i-brug/",
    "/notifikationer/laest/",
    "/notifikationer/indstillinger/",
    "/soeg/",
}
MODERATION_FORMS = {"/admin/moderation/ideas/merge/N/", "/admin/moderation/users/block/N/"}
EXPECTED_FORMS = {
    Role.MEDARBEJDER: STAFF_FORMS,
    Role.MODERATOR: STAFF_FORMS | MODERATION_FORMS,
    Role.REDAKTOER: STAFF_FORMS | {"/admin/knowledge/assess/idea/N/", "/admin/knowledge/promote/N/"},
}


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.name.lower())
def test_hostile_input_gives_no_server_error_and_stores_no_cpr_number(role):
    started = time.monotonic()
    user = UserFactory(role=role)
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if role == Role.MEDARBEJDER:
        client.force_login(user)
    else:
        verified_login(client, user)  # the admin asks two-factor of moderators and editors
    pages = world(user, role)
    assert not stored_cpr_numbers(), "the sweep must start from a database without CPR numbers"

    forms, failures = crawl(client, pages)
    sent = 0
    for form in forms:
        for label, data in submissions(form):
            response = send(client, form, data)
            sent += 1
            if response.status_code >= 500:
                failures.append(failure(f"{form.describe()} with {label}", data, response))

    print(f"\n{role.label}: {len(forms)} forms, {sent} submissions in {time.monotonic() - started:.1f} s")
    found = {urlsplit(form.action).path for form in forms}
    assert EXPECTED_FORMS[role] <= {re.sub(r"\d+", "N", path) for path in found}, "the crawl missed main forms"
    stored = stored_cpr_numbers()
    if failures or stored:
        report = [f"{len(failures)} server errors:", *failures, f"CPR numbers stored in: {stored}"]
        pytest.fail("\n".join(report), pytrace=False)


@pytest.mark.parametrize("cpr", CPR_VARIANTS)
def test_the_final_scan_recognises_every_variant_it_sends(cpr):
    """Otherwise "no CPR number stored" would hold for a number the scan cannot see."""
    assert contains_cpr_number(in_a_sentence(cpr))

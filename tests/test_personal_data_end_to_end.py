"""The personal-data guard end to end (issue #14): a CPR number typed into any text a user submits, in an HTML
form or through the API, is refused with a message that names the field, and nothing is stored; near misses
are stored as typed.

The guard itself is tested spelling by spelling in tests/test_personal_data_guard.py; here a representative
part of that table goes through every form and endpoint that takes user text. Each case says where the text
goes in (`submit`), what the user sees the field called (`label`) and what the database holds of that kind of
text (`snapshot`), so a refusal can be checked to change nothing at all.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

import pytest
from django.utils import timezone
from django.utils.html import escape
from taggit.models import Tag
from wagtail.models import APIToken

from ideabank.accounts.models import User
from ideabank.ideas.models import Comment, Idea, Report, TriedReport
from ideabank.spread import services as spread_services
from ideabank.spread.models import Adoption, OutcomeReport, StatusChange
from ideabank.validators import contains_cpr_number
from tests.factories import PASSWORD, IdeaFactory, make_method
from tests.test_personal_data_guard import NO_BREAK, PASSED, PDF, REFUSED, RLO, SOFT_HYPHEN, ZERO_WIDTH

pytestmark = pytest.mark.django_db

CPR_SPELLINGS = {
    "space": "010190 1234",
    "en-dash": "010190\u20131234",
    "dot-split-date": "01.01.90-1234",
    "slash": "010190/1234",
    "line-break": "010190\n1234",
    "no-break-space": f"010190{NO_BREAK}1234",
    "soft-hyphen": f"0101{SOFT_HYPHEN}901234",
    "zero-width-space": f"01019{ZERO_WIDTH}01234",
    "full-width-digits": "０１０１９０－１２３４",
    "right-to-left-override": f"{RLO}4321-091010{PDF}",
    "in-a-sentence": "Borgeren (010190 1234) ringede.",
    "leap-day": "290200-4123",
}
NEAR_MISSES = {
    "phone": "Ring på +45 12 34 56 78",
    "journal-number": "Journalnr. 2024-123456",
    "not-a-date": "320190-1234",
    "twelve-digits": "Journalnr. 010190123456",
}
cpr_spellings = pytest.mark.parametrize("value", list(CPR_SPELLINGS.values()), ids=list(CPR_SPELLINGS))
near_misses = pytest.mark.parametrize("value", list(NEAR_MISSES.values()), ids=list(NEAR_MISSES))

DIRECTION_OVERRIDE = f"Fast kontakt {RLO}efter anbringelse{PDF}"


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def test_the_spellings_come_from_the_guards_table():
    assert set(CPR_SPELLINGS.values()) <= set(REFUSED)
    assert set(NEAR_MISSES.values()) <= set(PASSED)
    assert len(CPR_SPELLINGS) >= 10 and len(NEAR_MISSES) >= 4


# ---- what the cases post to ---------------------------------------------------------------------


class World:
    """The objects the forms and endpoints act on, each made on first use so a test pays only for its own."""

    def __init__(self, staff, token_for):
        self.staff = staff
        self._token_for = token_for

    @cached_property
    def bearer(self):
        return self._token_for(self.staff)

    @cached_property
    def idea(self):
        """A published idea by a colleague of `staff`."""
        return IdeaFactory()

    @cached_property
    def method(self):
        return make_method()

    @cached_property
    def adoption(self):
        """`staff`'s organisation pilots the method."""
        return spread_services.register(self.staff, method=self.method, status="piloting", started=days_ago(300))

    @cached_property
    def signup_domain(self):
        organisation = self.staff.organisation
        organisation.email_domains = "aarhus.dk"
        organisation.save()
        return organisation


@pytest.fixture
def world(staff, token_for):
    return World(staff, token_for)


def nothing(world):
    return None


def logged_in(client, world):
    client.force_login(world.staff)
    return client


def post_json(client, url, body, headers):
    return client.post(url, body, content_type="application/json", **headers)


def patch_json(client, url, body, headers):
    return client.patch(url, body, content_type="application/json", **headers)


# ---- what the database holds --------------------------------------------------------------------


def ideas_and_tags():
    texts = Idea.objects.order_by("pk").values_list("title", "problem", "solution", "context", "results")
    return [*texts, *Tag.objects.order_by("pk").values_list("name", flat=True)]


def comments():
    return list(Comment.objects.order_by("pk").values_list("body", flat=True))


def report_notes():
    return list(Report.objects.order_by("pk").values_list("note", flat=True))


def tried_reports():
    return list(TriedReport.objects.order_by("pk").values_list("what_happened", flat=True))


def adoption_reasons():
    return [
        *Adoption.objects.order_by("pk").values_list("status", "stopped_reason"),
        *StatusChange.objects.order_by("pk").values_list("status", "reason"),
    ]


def outcome_notes():
    return list(OutcomeReport.objects.order_by("pk").values_list("note", flat=True))


def profiles():
    return list(User.objects.order_by("pk").values_list("email", "display_name", "job_title"))


def token_names():
    return list(APIToken.objects.order_by("pk").values_list("name", flat=True))


def flat_texts(rows):
    for row in rows:
        yield from row if isinstance(row, tuple) else (row,)


# ---- the cases ------------------------------------------------------------------------------------


@dataclass
class Case:
    """One text field reached one way. `submit(client, world, value)` sends the value; `stored(world, value)`
    says whether the value was saved in that very field; `snapshot()` lists all text of its kind."""

    name: str
    label: str
    submit: Callable
    stored: Callable
    snapshot: Callable
    prepare: Callable = nothing
    field_id: str = ""  # HTML: the id of the field, the error summary links to it
    field: str = ""  # API: the field the JSON error names
    flash: bool = False  # HTML: the form is a small one on another page; the answer is a redirect and a message

    def __str__(self):
        return self.name


IDEA_FORM = {
    "title": "Fast kontaktperson efter anbringelse",
    "problem": "Unge mister alle voksne på én gang, når anbringelsen slutter.",
    "solution": "En fast kontaktperson følger den unge i to år.",
    "context": "",
    "results": "",
    "tags": "efterværn",
    "action": "publish",
}
IDEA_JSON = {key: IDEA_FORM[key] for key in ("title", "problem", "solution")}
IDEA_LABELS = {
    "title": "Titel",
    "problem": "Problem",
    "solution": "Løsning",
    "context": "Sammenhæng",
    "results": "Resultater",
    "tags": "Emneord",
}


def idea_stored(name):
    def stored(world, value):
        if name == "tags":
            return Idea.objects.filter(tags__name=value, author=world.staff).exists()
        return Idea.objects.filter(**{name: value}, author=world.staff).exists()

    return stored


def idea_form_case(name):
    def submit(client, world, value):
        return logged_in(client, world).post("/ideer/ny/", {**IDEA_FORM, name: value})

    return Case(f"idea-{name}", IDEA_LABELS[name], submit, idea_stored(name), ideas_and_tags, field_id=f"id_{name}")


def idea_api_case(name):
    def submit(client, world, value):
        return post_json(
            client, "/api/v1/ideas", {**IDEA_JSON, name: [value] if name == "tags" else value}, world.bearer
        )

    return Case(
        f"idea-{name}",
        IDEA_LABELS[name],
        submit,
        idea_stored(name),
        ideas_and_tags,
        prepare=lambda world: world.bearer,
        field=name,
    )


def prepare_idea(world):
    return world.idea, world.bearer


def prepare_adoption(world):
    return world.adoption, world.bearer


def prepare_method(world):
    return world.method, world.bearer


STOPPED = {"status": "stopped"}


def adoption_form(world, value):
    return {"status": "stopped", "started": days_ago(20).isoformat(), "contact": world.staff.pk, "reason": value}


def adoption_json(value):
    return {"status": "stopped", "started": days_ago(20).isoformat(), "reason": value}


def status_form(world, value):
    adoption = world.adoption
    return {
        "status": "stopped",
        "changed_on": days_ago(0).isoformat(),
        "reason": value,
        "started": adoption.started.isoformat(),
        "contact": adoption.contact_id,
    }


OUTCOME = {
    "period_start": days_ago(120).isoformat(),
    "period_end": days_ago(30).isoformat(),
    "citizens_reached": 40,
    "citizens_asked": 30,
    "citizens_helped": 21,
}


def stopped_with(value, **where):
    """The adoption stopped with this reason, and its history says so too."""
    return Adoption.objects.filter(stopped_reason=value, status="stopped", **where).exists() and (
        StatusChange.objects.filter(reason=value, status="stopped").exists()
    )


def signup_form(**changes):
    data = {
        "email": "ny.kollega@aarhus.dk",
        "display_name": "Karen Blixen",
        "job_title": "Socialrådgiver",
        "organisation": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(changes)
    return data


def signed_up(name):
    def stored(world, value):
        return User.objects.filter(email="ny.kollega@aarhus.dk", **{name: value}).exists()

    return stored


def profile_stored(name):
    def stored(world, value):
        return User.objects.filter(pk=world.staff.pk, **{name: value}).exists()

    return stored


PROFILE_LABELS = {"display_name": "Navn", "job_title": "Stilling"}


def profile_form_case(name):
    def submit(client, world, value):
        data = {"display_name": world.staff.display_name, "job_title": "Socialrådgiver", "language": "da"}
        return logged_in(client, world).post("/konto/profil/", {**data, name: value})

    return Case(f"profile-{name}", PROFILE_LABELS[name], submit, profile_stored(name), profiles, field_id=f"id_{name}")


def profile_api_case(name):
    def submit(client, world, value):
        return patch_json(client, "/api/v1/me", {name: value}, world.bearer)

    return Case(
        f"profile-{name}",
        PROFILE_LABELS[name],
        submit,
        profile_stored(name),
        profiles,
        prepare=lambda world: world.bearer,
        field=name,
    )


def signup_case(name):
    def submit(client, world, value):
        return client.post("/konto/opret/", signup_form(**{name: value}))

    return Case(
        f"signup-{name}",
        PROFILE_LABELS[name],
        submit,
        signed_up(name),
        profiles,
        prepare=lambda world: world.signup_domain,
        field_id=f"id_{name}",
    )


def tried_form(value):
    return {"tried_from": days_ago(100).isoformat(), "tried_to": "", "what_happened": value}


def tried_json(value):
    return {"tried_from": days_ago(100).isoformat(), "what_happened": value}


HTML_CASES = [
    *(idea_form_case(name) for name in IDEA_LABELS),
    Case(
        "comment",
        "Kommentar",
        lambda client, world, value: logged_in(client, world).post(
            f"/ideer/{world.idea.pk}/kommentarer/", {"body": value}
        ),
        lambda world, value: Comment.objects.filter(body=value, author=world.staff).exists(),
        comments,
        prepare=prepare_idea,
        field_id="id_comment_body",
    ),
    Case(
        "report",
        "Bemærkning",
        lambda client, world, value: logged_in(client, world).post(
            f"/ideer/{world.idea.pk}/anmeld/", {"reason": "personal_data", "note": value}
        ),
        lambda world, value: Report.objects.filter(note=value, reporter=world.staff).exists(),
        report_notes,
        prepare=prepare_idea,
        flash=True,
    ),
    Case(
        "tried",
        "Hvad skete der?",
        lambda client, world, value: logged_in(client, world).post(
            f"/ideer/{world.idea.pk}/afproevet/", tried_form(value)
        ),
        lambda world, value: TriedReport.objects.filter(what_happened=value, author=world.staff).exists(),
        tried_reports,
        prepare=prepare_idea,
        field_id="id_tried_what_happened",
    ),
    Case(
        "adopt-method",
        "Hvorfor er I stoppet?",
        lambda client, world, value: logged_in(client, world).post(
            f"/udbredelse/metoder/{world.method.pk}/tag-i-brug/", adoption_form(world, value)
        ),
        lambda world, value: stopped_with(value, method=world.method),
        adoption_reasons,
        prepare=prepare_method,
        field_id="id_adopt_reason",
    ),
    Case(
        "adopt-idea",
        "Hvorfor er I stoppet?",
        lambda client, world, value: logged_in(client, world).post(
            f"/udbredelse/ideer/{world.idea.pk}/tag-i-brug/", adoption_form(world, value)
        ),
        lambda world, value: stopped_with(value, idea=world.idea),
        adoption_reasons,
        prepare=prepare_idea,
        field_id="id_adopt_reason",
    ),
    Case(
        "adoption-stopped",
        "Hvorfor er I stoppet?",
        lambda client, world, value: logged_in(client, world).post(
            f"/udbredelse/ibrugtagninger/{world.adoption.pk}/status/", status_form(world, value)
        ),
        lambda world, value: stopped_with(value, pk=world.adoption.pk),
        adoption_reasons,
        prepare=prepare_adoption,
        field_id="id_reason",
    ),
    Case(
        "outcome-note",
        "Note",
        lambda client, world, value: logged_in(client, world).post(
            f"/udbredelse/ibrugtagninger/{world.adoption.pk}/resultater/ny/", {**OUTCOME, "note": value}
        ),
        lambda world, value: OutcomeReport.objects.filter(note=value, adoption=world.adoption).exists(),
        outcome_notes,
        prepare=prepare_adoption,
        field_id="id_outcome_note",
    ),
    *(profile_form_case(name) for name in PROFILE_LABELS),
    Case(
        "token-name",
        "Navn på nøglen",
        lambda client, world, value: logged_in(client, world).post("/konto/profil/noegler/", {"name": value}),
        lambda world, value: APIToken.objects.filter(name=value, user=world.staff).exists(),
        token_names,
        field_id="id_name",
    ),
    *(signup_case(name) for name in PROFILE_LABELS),
]

API_CASES = [
    *(idea_api_case(name) for name in IDEA_LABELS),
    Case(
        "comment",
        "Kommentar",
        lambda client, world, value: post_json(
            client, f"/api/v1/ideas/{world.idea.pk}/comments", {"body": value}, world.bearer
        ),
        lambda world, value: Comment.objects.filter(body=value, author=world.staff).exists(),
        comments,
        prepare=prepare_idea,
        field="body",
    ),
    Case(
        "report",
        "Bemærkning",
        lambda client, world, value: post_json(
            client, f"/api/v1/ideas/{world.idea.pk}/report", {"reason": "personal_data", "note": value}, world.bearer
        ),
        lambda world, value: Report.objects.filter(note=value, reporter=world.staff).exists(),
        report_notes,
        prepare=prepare_idea,
        field="note",
    ),
    Case(
        "tried",
        "Hvad skete der?",
        lambda client, world, value: post_json(
            client, f"/api/v1/ideas/{world.idea.pk}/tried", tried_json(value), world.bearer
        ),
        lambda world, value: TriedReport.objects.filter(what_happened=value, author=world.staff).exists(),
        tried_reports,
        prepare=prepare_idea,
        field="what_happened",
    ),
    Case(
        "adopt-method",
        "Begrundelse",
        lambda client, world, value: post_json(
            client, f"/api/v1/methods/{world.method.pk}/adoptions", adoption_json(value), world.bearer
        ),
        lambda world, value: stopped_with(value, method=world.method),
        adoption_reasons,
        prepare=prepare_method,
        field="reason",
    ),
    Case(
        "adopt-idea",
        "Begrundelse",
        lambda client, world, value: post_json(
            client, f"/api/v1/ideas/{world.idea.pk}/adoptions", adoption_json(value), world.bearer
        ),
        lambda world, value: stopped_with(value, idea=world.idea),
        adoption_reasons,
        prepare=prepare_idea,
        field="reason",
    ),
    Case(
        "adoption-stopped",
        "Begrundelse",
        lambda client, world, value: patch_json(
            client, f"/api/v1/adoptions/{world.adoption.pk}", {**STOPPED, "reason": value}, world.bearer
        ),
        lambda world, value: stopped_with(value, pk=world.adoption.pk),
        adoption_reasons,
        prepare=prepare_adoption,
        field="reason",
    ),
    Case(
        "outcome-note",
        "Note",
        lambda client, world, value: post_json(
            client, f"/api/v1/adoptions/{world.adoption.pk}/outcomes", {**OUTCOME, "note": value}, world.bearer
        ),
        lambda world, value: OutcomeReport.objects.filter(note=value, adoption=world.adoption).exists(),
        outcome_notes,
        prepare=prepare_adoption,
        field="note",
    ),
    *(profile_api_case(name) for name in PROFILE_LABELS),
    Case(
        "token-name",
        "Navn på nøglen",
        lambda client, world, value: post_json(
            client, "/api/v1/auth/token", {"email": world.staff.email, "password": PASSWORD, "name": value}, {}
        ),
        lambda world, value: APIToken.objects.filter(name=value, user=world.staff).exists(),
        token_names,
        field="name",
    ),
]


# ---- how a refusal must look -----------------------------------------------------------------------


def assert_form_names_the_field(response, case, message="CPR-nummer"):
    """The form is shown again (200) with the error beside the field and, naming the field, in the summary."""
    assert response.status_code == 200, f"{case}: answered {response.status_code}, not the form again"
    page = response.content.decode()
    summary = rf'<a href="#{case.field_id}">{re.escape(escape(case.label))}: [^<]*{message}'
    assert re.search(summary, page), f"{case}: no «{case.label}: …{message}…» in the error summary"
    beside = rf'id="{case.field_id}-error"><span class="sr-only">Fejl: </span>[^<]*{message}'
    assert re.search(beside, page), f"{case}: no error with «{message}» beside the field"


def assert_message_names_the_field(client, response, case):
    """A small form on the idea page: back to the page, with a message that names the field."""
    assert response.status_code == 302, f"{case}: answered {response.status_code}"
    page = client.get(response["Location"]).content.decode()
    assert re.search(rf"{re.escape(escape(case.label))}: [^<]*CPR-nummer", page), (
        f"{case}: no message naming «{case.label}» and CPR-nummer"
    )


def assert_api_names_the_field(response, case, message="CPR-nummer"):
    assert response.status_code in (400, 422), f"{case}: answered {response.status_code}: {response.content[:300]}"
    assert response["Content-Type"].startswith("application/json")
    rows = [row for row in response.json()["detail"] if row.get("field") == case.field]
    assert any(case.label in row["msg"] and message in row["msg"] for row in rows), (
        f"{case}: no error on {case.field!r} naming «{case.label}» and {message}: {response.json()['detail']}"
    )


def assert_unchanged(case, before):
    after = case.snapshot()
    assert after == before, f"{case}: the database changed: {before!r} -> {after!r}"
    assert not [text for text in flat_texts(after) if contains_cpr_number(text)]


# ---- the tests --------------------------------------------------------------------------------------


@cpr_spellings
@pytest.mark.parametrize("case", HTML_CASES, ids=str)
def test_an_html_form_refuses_a_cpr_number_and_stores_nothing(client, world, case, value):
    case.prepare(world)
    before = case.snapshot()

    response = case.submit(client, world, value)

    if case.flash:
        assert_message_names_the_field(client, response, case)
    else:
        assert_form_names_the_field(response, case)
    assert_unchanged(case, before)


@cpr_spellings
@pytest.mark.parametrize("case", API_CASES, ids=str)
def test_the_api_refuses_a_cpr_number_and_stores_nothing(client, world, case, value):
    case.prepare(world)
    before = case.snapshot()

    response = case.submit(client, world, value)

    assert_api_names_the_field(response, case)
    assert_unchanged(case, before)


@near_misses
@pytest.mark.parametrize("case", HTML_CASES, ids=str)
def test_an_html_form_stores_a_near_miss(client, world, case, value):
    case.prepare(world)

    response = case.submit(client, world, value)

    assert response.status_code == 302, f"{case}: answered {response.status_code}"
    assert case.stored(world, value), f"{case}: {value!r} was not stored"


@near_misses
@pytest.mark.parametrize("case", API_CASES, ids=str)
def test_the_api_stores_a_near_miss(client, world, case, value):
    case.prepare(world)

    response = case.submit(client, world, value)

    assert response.status_code in (200, 201), f"{case}: answered {response.status_code}: {response.content[:300]}"
    assert case.stored(world, value), f"{case}: {value!r} was not stored"


# ---- direction overrides in titles and names ---------------------------------------------------------

DIRECTION_CASES = {
    "html": [idea_form_case("title"), profile_form_case("display_name"), signup_case("display_name")],
    "api": [idea_api_case("title"), profile_api_case("display_name")],
}


@pytest.mark.parametrize("case", DIRECTION_CASES["html"], ids=str)
def test_an_html_form_refuses_a_direction_override_in_a_title_or_name(client, world, case):
    case.prepare(world)
    before = case.snapshot()

    response = case.submit(client, world, DIRECTION_OVERRIDE)

    assert_form_names_the_field(response, case, message="skriveretningen")
    assert case.snapshot() == before


@pytest.mark.parametrize("case", DIRECTION_CASES["api"], ids=str)
def test_the_api_refuses_a_direction_override_in_a_title_or_name(client, world, case):
    case.prepare(world)
    before = case.snapshot()

    response = case.submit(client, world, DIRECTION_OVERRIDE)

    assert_api_names_the_field(response, case, message="skriveretningen")
    assert case.snapshot() == before

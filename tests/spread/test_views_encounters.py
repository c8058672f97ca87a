"""Encounters in the browser without JavaScript (form posts) and with it (JSON answers to the same form):
Mine metoder, the registration page, the citizen code, the citizen's own page, the prefilled outcome form
and the suppressed figures on public pages."""

import datetime
import re
import uuid

import pytest
from django.utils import timezone

from ideabank.spread import encounters
from ideabank.spread.models import CitizenCode, Encounter

from .helpers import adoption, days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def used(method, aarhus):
    return adoption(method, aarhus, started=days_ago(300))


def page_url(adoption_):
    return f"/udbredelse/ibrugtagninger/{adoption_.pk}/moeder/"


def form(**changes):
    return {"answer": "helped", "met_on": timezone.localdate().isoformat(), "needed": "", "uuid": str(uuid.uuid4())} | (
        changes
    )


def add(adoption_, answer, n, day=None):
    Encounter.objects.bulk_create(
        Encounter(adoption=adoption_, met_on=day or days_ago(2), answer=answer, source="staff", uuid=uuid.uuid4())
        for _ in range(n)
    )


def test_mine_metoder_lists_the_organisations_adoptions(client, staff, used, method):
    add(used, "helped", 3, timezone.localdate())
    client.force_login(staff)

    page = client.get("/udbredelse/mine-metoder/").content.decode()

    assert method.title in page
    assert "3 møder i dag" in page
    assert page_url(used) in page
    assert 'href="/udbredelse/mine-metoder/"' in page  # in the menu


def test_anonymous_visitors_are_sent_to_log_in(client, used):
    for path in ("/udbredelse/mine-metoder/", page_url(used)):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/konto/log-ind/")


def test_register_without_javascript_posts_and_comes_back(client, staff, used):
    client.force_login(staff)
    page = client.get(page_url(used)).content.decode()
    for label in ("Ja", "Delvist", "Nej", "Ville ikke svare"):
        assert f">{label}</button>" in page
    key = re.search(r'name="uuid" value="([^"]+)"', page).group(1)

    response = client.post(page_url(used), form(answer="partly", needed="Et fast tidspunkt", uuid=key), follow=True)

    assert response.redirect_chain[-1][0] == page_url(used)
    assert "Gemt: Delvist." in response.content.decode()
    assert "Et fast tidspunkt" in response.content.decode()  # the organisation's own staff see the texts
    # Pressed again (a reload that re-posts): counted once.
    again = client.post(page_url(used), form(answer="partly", uuid=key), follow=True)
    assert "allerede gemt" in again.content.decode()
    assert Encounter.objects.count() == 1


def test_register_with_javascript_answers_json_with_the_new_figures(client, staff, used):
    add(used, "helped", 3, timezone.localdate())
    client.force_login(staff)

    response = client.post(page_url(used), form(answer="not_helped"), HTTP_ACCEPT="application/json")

    assert response.status_code == 201
    body = response.json()
    assert body["created"] and body["today"] == 4 and body["today_text"] == "4 i dag"
    assert body["month_text"] == "75 % følte sig hjulpet i denne måned (3 af 4)"
    assert uuid.UUID(body["next_uuid"])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"answer": "maybe"}, "Vælg et af svarene"),
        ({"met_on": days_ago(-7).isoformat()}, "Mødet kan ikke ligge i fremtiden."),
        ({"needed": "Hans cpr er 010190-1234"}, "CPR-nummer"),
    ],
)
def test_bad_input_is_shown_and_stores_nothing(client, staff, used, changes, message):
    client.force_login(staff)

    page = client.post(page_url(used), form(**changes))
    as_json = client.post(page_url(used), form(**changes), HTTP_ACCEPT="application/json")

    assert page.status_code == 422 and message in page.content.decode()
    assert as_json.status_code == 422 and message in as_json.json()["message"]
    assert not Encounter.objects.exists()


def test_another_organisation_may_not_register(client, outsider, used):
    client.force_login(outsider)
    assert client.get(page_url(used)).status_code == 403
    assert client.post(page_url(used), form()).status_code == 403
    assert client.post(f"/udbredelse/ibrugtagninger/{used.pk}/borgerkode/").status_code == 403
    assert not Encounter.objects.exists() and not CitizenCode.objects.exists()


def test_staff_make_a_code_with_a_link_and_an_svg_qr_code(client, staff, outsider, used):
    client.force_login(staff)

    response = client.post(f"/udbredelse/ibrugtagninger/{used.pk}/borgerkode/", follow=True)

    code = CitizenCode.objects.get()
    page = response.content.decode()
    assert f"http://testserver/svar/{code.code}/" in page
    qr = client.get(f"/udbredelse/borgerkoder/{code.code}/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.startswith(b"<?xml") and b"<svg" in qr.content
    client.force_login(outsider)
    assert client.get(f"/udbredelse/borgerkoder/{code.code}/").status_code == 404


def test_a_citizen_answers_once_without_logging_in_and_gets_no_cookie_but_csrf(client, staff, used):
    code = encounters.create_code(staff, used)
    path = f"/svar/{code.code}/"

    page = client.get(path)
    assert page.status_code == 200
    assert "Føler du dig hjulpet?" in page.content.decode()
    assert set(page.cookies) <= {"csrftoken"}

    answered = client.post(path, {"answer": "helped", "needed": "At I lytter"})
    assert answered.status_code == 200 and "Tak for dit svar" in answered.content.decode()
    assert set(answered.cookies) <= {"csrftoken"}

    again = client.post(path, {"answer": "not_helped"})
    assert again.status_code == 410 and "allerede svaret" in again.content.decode()
    assert list(Encounter.objects.values_list("answer", "source", "needed")) == [("helped", "citizen", "At I lytter")]


def test_the_citizen_page_in_english(client, staff, used):
    code = encounters.create_code(staff, used)
    page = client.get(f"/svar/{code.code}/?lang=en").content.decode()
    assert "Do you feel helped?" in page and '<html lang="en">' in page


def test_unknown_and_expired_codes_get_a_friendly_page_and_store_nothing(client, staff, used):
    code = encounters.create_code(staff, used)
    CitizenCode.objects.filter(pk=code.pk).update(expires=timezone.now() - datetime.timedelta(minutes=1))

    expired = client.post(f"/svar/{code.code}/", {"answer": "helped"})
    unknown = client.get("/svar/abcdefghjk/")

    assert expired.status_code == 410 and "Linket er udløbet" in expired.content.decode()
    assert unknown.status_code == 404 and "Linket virker ikke" in unknown.content.decode()
    assert not Encounter.objects.exists()


def test_a_citizen_answer_with_a_cpr_number_is_refused(client, staff, used):
    code = encounters.create_code(staff, used)
    response = client.post(f"/svar/{code.code}/", {"answer": "helped", "needed": "Mit cpr: 0101901234"})
    assert response.status_code == 422 and "CPR-nummer" in response.content.decode()
    assert not Encounter.objects.exists()


def test_the_outcome_form_is_prefilled_from_the_encounters(client, staff, used):
    add(used, "helped", 6, days_ago(15))
    add(used, "partly", 3, days_ago(15))
    add(used, "declined", 2, days_ago(15))
    client.force_login(staff)
    start, end = days_ago(30).isoformat(), days_ago(1).isoformat()

    page = client.get(
        f"/udbredelse/ibrugtagninger/{used.pk}/resultater/ny/?period_start={start}&period_end={end}"
    ).content.decode()

    assert "hentet fra 11 møder" in page
    assert re.search(r'name="citizens_asked" value="9"', page)
    assert re.search(r'name="citizens_helped" value="6"', page)
    assert f'name="period_start" value="{start}"' in page


def test_public_pages_show_small_numbers_as_suppressed(client, editor, used, method):
    add(used, "helped", 7)
    add(used, "not_helped", 2)
    add(used, "partly", 1)

    public = client.get(method.url).content.decode()
    client.force_login(editor)
    exact = client.get(method.url).content.decode()

    def rows(page, marker):
        return page.split(marker)[1].split("</table>")[0]

    table = rows(public, 'class="table table--compact encounter-organisations"')
    assert "Aarhus Kommune" in table and "<td>10</td>" in table  # 10 answered, 7 yes: the share is shown
    assert "<td>7</td><td>&lt;5</td><td>&lt;5</td><td>&lt;5</td>" in rows(public, "Svar pr. måned")
    assert "<td>7</td><td>1</td><td>2</td><td>0</td>" in rows(exact, "Svar pr. måned")


def test_needs_texts_are_never_on_public_pages(client, staff, used, method):
    encounters.record(staff, used, answer="partly", needed="Hjælp til at komme til lægen")
    assert "Hjælp til at komme til lægen" not in client.get(method.url).content.decode()
    assert "Hjælp til at komme til lægen" not in client.get(f"/udbredelse/ibrugtagninger/{used.pk}/").content.decode()
    assert "Hjælp til at komme til lægen" not in client.get("/udbredelse/").content.decode()


def test_codes_are_rate_limited_per_staff_user(client, staff, used, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "citizen_code": "2/h"}
    client.force_login(staff)
    path = f"/udbredelse/ibrugtagninger/{used.pk}/borgerkode/"

    statuses = [client.post(path).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert CitizenCode.objects.count() == 2


def test_the_citizen_page_is_rate_limited_per_address(client, staff, used, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "citizen_answer": "3/h"}
    code = encounters.create_code(staff, used)

    statuses = [client.get("/svar/abcdefghjk/").status_code for _ in range(3)]
    limited = client.post(f"/svar/{code.code}/", {"answer": "helped"})

    assert statuses == [404, 404, 404]
    assert limited.status_code == 429 and "Vent lidt" in limited.content.decode()
    assert not Encounter.objects.exists()

"""The page frame (Danish, accessible landmarks), the 404 page and the demo data command."""

import re
from io import StringIO

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command

from ideabank.accounts.models import Organisation, User
from ideabank.accounts.roles import Role, role_of
from ideabank.demo.people import DEMO_PASSWORD, DEMO_USERS
from ideabank.demo.two_factor import demo_code

pytestmark = pytest.mark.django_db


def page_title(content):
    match = re.search(r"<title>(.*?)</title>", content, re.S)
    assert match, "no <title>"
    return match.group(1).strip()


# --- home page -------------------------------------------------------------------------------


def test_home_page_renders_in_danish(client):
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="da">' in content
    assert "Idébanken" in content
    assert "Del løsninger, der virker" in content


def test_home_page_title_is_idebanken(client):
    assert page_title(client.get("/").content.decode()) == "Idébanken"


def test_home_page_has_a_skip_link_to_the_main_content(client):
    content = client.get("/").content.decode()
    skip = re.search(r'<a [^>]*href="#main-content"[^>]*>([^<]+)</a>', content)
    assert skip, "no skip link"
    assert skip.group(1).strip() == "Gå til sidens indhold"
    # The skip link comes before the header, so it is the first thing a keyboard user reaches.
    assert content.index('href="#main-content"') < content.index("<header")


def test_home_page_landmarks(client):
    content = client.get("/").content.decode()
    assert len(re.findall(r'<main id="main-content"', content)) == 1
    assert content.count("<main") == 1
    assert "<header" in content
    assert "<footer" in content
    assert re.search(r'<nav [^>]*aria-label="Hovedmenu"', content)
    assert content.index("<header") < content.index("<main") < content.index("<footer")


def test_home_page_has_one_h1(client):
    content = client.get("/").content.decode()
    assert len(re.findall(r"<h1[\s>]", content)) == 1


def test_anonymous_sees_a_login_link(client):
    content = client.get("/").content.decode()
    assert "/konto/log-ind/" in content
    assert "Log ind" in content


def test_logged_in_user_sees_name_organisation_and_logout(client, staff):
    client.force_login(staff)
    content = client.get("/").content.decode()
    assert staff.display_name in content
    assert "Aarhus Kommune" in content
    assert "Log ud" in content
    assert 'href="/admin/"' not in content


def test_staff_roles_see_the_admin_link(client, editor):
    client.force_login(editor)
    assert 'href="/admin/"' in client.get("/").content.decode()


# --- 404 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/findes-ikke/", "/konto/findes-ikke/", "/noget/helt/andet/"])
def test_unknown_route_is_a_danish_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    content = response.content.decode()
    assert '<html lang="da">' in content
    assert "<h1>Siden findes ikke</h1>" in content
    assert page_title(content) == "Siden findes ikke · Idébanken"
    assert '<main id="main-content"' in content
    assert 'href="/"' in content


def test_404_page_keeps_the_user_logged_in_frame(client, staff):
    client.force_login(staff)
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    assert staff.display_name in response.content.decode()


# --- seed_demo -------------------------------------------------------------------------------


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def demo_state():
    users = User.objects.filter(email__in=[row[0] for row in DEMO_USERS]).select_related("organisation")
    return sorted(
        (user.email, user.display_name, user.job_title, user.organisation.name, role_of(user), user.is_superuser)
        for user in users
    )


def test_seed_demo_creates_every_demo_user():
    seed("--quiet-logins")
    for email, name, title, role, where in DEMO_USERS:
        user = User.objects.get(email=email)
        assert user.display_name == name
        assert user.job_title == title
        assert role_of(user) == role
        if isinstance(where, int):
            assert user.organisation.municipality_id == where
        else:
            assert user.organisation.slug == where


def test_seed_demo_is_idempotent():
    seed("--quiet-logins")
    first_state = demo_state()
    counts = (User.objects.count(), Organisation.objects.count())

    seed("--quiet-logins")

    assert demo_state() == first_state
    assert (User.objects.count(), Organisation.objects.count()) == counts
    assert len(first_state) == len(DEMO_USERS)


def test_seed_demo_prints_the_logins():
    output = seed()
    assert DEMO_PASSWORD in output
    for email, *_rest in DEMO_USERS:
        assert email in output


def test_seed_demo_quiet_prints_no_password():
    assert DEMO_PASSWORD not in seed("--quiet-logins")


def test_seed_demo_covers_every_role():
    assert {row[3] for row in DEMO_USERS} == set(Role)


@pytest.mark.parametrize(("email", "role"), [(row[0], row[3]) for row in DEMO_USERS])
def test_every_demo_login_works(client, email, role):
    seed("--quiet-logins")
    seed("--quiet-logins")  # a second run must not break the logins

    response = client.post("/konto/log-ind/", {"username": email, "password": DEMO_PASSWORD})

    assert response.status_code == 302
    if role != Role.MEDARBEJDER:
        # Their roles need two-factor: seed_demo gave them the shared demo app (ideabank/demo/two_factor.py).
        assert response["Location"] == "/konto/totrin/bekraeft/"
        response = client.post(response["Location"], {"code": demo_code()})
    assert response["Location"] == "/konto/profil/"
    user = User.objects.get(email=email)
    assert str(client.session[SESSION_KEY]) == str(user.pk)
    assert role_of(user) == role
    admin = client.get("/admin/")
    assert admin.status_code == (302 if role == Role.MEDARBEJDER else 200)


def test_demo_domains_allow_sign_up_after_seeding(client):
    seed("--quiet-logins")
    response = client.post(
        "/konto/opret/",
        {
            "email": "ny.kollega@aarhus.dk",
            "display_name": "Ny Kollega",
            "job_title": "",
            "organisation": "",
            "password1": "en-lang-og-sikker-adgangskode",
            "password2": "en-lang-og-sikker-adgangskode",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="ny.kollega@aarhus.dk").organisation.municipality_id == 751


def test_the_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/").content.decode()

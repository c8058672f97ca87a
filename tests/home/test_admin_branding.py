"""The admin is Idébanken's (issue #17): its name and mark on the sign-in page and in the menu, no Wagtail
bird, and avatars that never ask Gravatar (or any other site) for a picture."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

WAGTAIL_BIRD = 'aria-label="Wagtail"'
LOGO = "/static/img/idebanken-logo.svg"


def test_the_sign_in_page_carries_idebanken_not_wagtail(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()

    assert "<h1>Log ind i Idébankens redaktion</h1>" in html
    assert LOGO in html and "Idébanken</p>" in html
    assert WAGTAIL_BIRD not in html and "Sign in to Wagtail" not in html
    assert re.search(r"<title>[^<]*- Idébanken</title>", html)


def test_the_admin_menu_shows_idebankens_mark(client, verified_login, editor):
    verified_login(client, editor)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    logo_slot = html[html.index("<template data-wagtail-sidebar-branding-logo>") :].split("</template>", 1)[0]
    assert LOGO in logo_slot
    assert WAGTAIL_BIRD not in html
    assert re.search(r"<title>[^<]*- Idébanken</title>", html)


def test_avatars_are_local_and_no_page_asks_gravatar(client, verified_login, editor):
    verified_login(client, editor)

    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
        avatars = re.findall(
            r'"(?:avatarUrl|avatar_url)":\s*"([^"]*)"|<img[^>]+class="[^"]*avatar[^"]*"[^>]+src="([^"]+)"', html
        )
        sources = [first or second for first, second in avatars]
        assert sources, url
        assert all(source.startswith("/static/") for source in sources), sources

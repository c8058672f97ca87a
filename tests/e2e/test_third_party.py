"""No third-party requests (issue #14, DESIGN §9): every request the browser makes on the main pages, as a
visitor, as staff and in the Wagtail admin as an editor, goes to the site's own host. Gravatar above all:
it would carry a hash of each editor's e-mail and show a broken image offline."""

import re
from urllib.parse import urlsplit

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from ideabank.accounts.roles import Role
from tests.factories import PASSWORD, IdeaFactory, UserFactory, make_method, municipal_organisation

from .test_method_journey import log_in_with_code

PUBLIC_PAGES = ["/", "/ideer/", "/metoder/", "/udbredelse/", "/soeg/?q=ensomhed", "/aabne-data/", "/konto/log-ind/"]
ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/knowledge/queue/", "/admin/users/", "/admin/account/"]


def record_hosts(page):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    return hosts


def visit(page, paths):
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("networkidle")


def test_no_page_asks_any_host_but_the_site(new_page, log_in, live_server):
    own = urlsplit(live_server.url).netloc
    aarhus = municipal_organisation(751)
    staff = UserFactory(email="anne@aarhus.dk", organisation=aarhus)
    editor = UserFactory(email="redaktoer@socialstyrelsen.dk", role=Role.REDAKTOER, organisation=aarhus)
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    idea = IdeaFactory(author=staff, published_at=timezone.now())
    method = make_method(title="Familierådslagning")

    visitor = new_page()
    visitor_hosts = record_hosts(visitor)
    visit(visitor, [*PUBLIC_PAGES, f"/ideer/{idea.pk}/", method.url])

    colleague = new_page()
    staff_hosts = record_hosts(colleague)
    log_in(colleague, staff.email, PASSWORD)
    visit(colleague, ["/", f"/ideer/{idea.pk}/", "/ideer/ny/", "/konto/profil/", "/notifikationer/"])

    admin = new_page()
    admin_hosts = record_hosts(admin)
    log_in_with_code(admin, log_in, editor.email, device)
    visit(admin, ADMIN_PAGES)
    expect(admin.locator("img.avatar, .avatar img").first).to_have_attribute("src", re.compile(r"^/"))

    for who, hosts in (("visitor", visitor_hosts), ("staff", staff_hosts), ("editor", admin_hosts)):
        assert hosts, f"no requests recorded for the {who}"
        assert hosts <= {own}, f"the {who}'s pages asked other hosts: {sorted(hosts - {own})}"

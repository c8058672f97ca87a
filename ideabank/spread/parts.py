"""A method page's follow button and "Vi bruger metoden" form as personal parts of the shared page
(ideabank/pagecache/personal.py)."""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone

from ideabank.caching import CSRF_STAMP, fragments, with_token
from ideabank.ids import parse_id
from ideabank.methods.models import MethodPage
from ideabank.pagecache.personal import part
from ideabank.plain_sql import one_row

from .forms import AdoptionForm, colleagues

# Asked on every view of a shared method page, so as plain SQL: the ORM took more CPU to build it with its
# EXISTS than the database took to answer.
METHOD_FOLLOW_SQL = """
    SELECT page.title, EXISTS (SELECT 1 FROM ideas_follow WHERE method_id = page.id AND user_id = %s)
    FROM wagtailcore_page AS page JOIN methods_methodpage AS method ON method.page_ptr_id = page.id
    WHERE page.id = %s
"""


@part("method_follow", "ideas/includes/follow_button.html")
def method_follow(request, argument):
    user = request.user
    found = one_row(MethodPage, METHOD_FOLLOW_SQL, [user.pk if user.is_authenticated else None, parse_id(argument)])
    if found is None:
        return None  # deleted since the page was kept
    title, is_following = found
    return {
        "kind": "method",
        "value": argument,
        "following": bool(is_following),
        "next": request.path,
        "name": title,
    }


@part("adoption_form", "spread/includes/adoption_form_part.html")
def adoption_form(request, argument):
    """ "Vi bruger metoden" on a method page: the reader is the contact person the form suggests.

    The form is the same for the organisation's staff on a given day but for who is chosen and the CSRF
    token, and its widgets cost more than the rest of the page: it is rendered once per method, organisation,
    day and list of colleagues, and the reader's option is marked chosen when it is served."""
    user = request.user
    method_id = parse_id(argument)
    if method_id is None or not user.organisation_id:
        return None
    names = tuple(colleagues(user.organisation_id).values_list("pk", "display_name"))
    identity = ("adoption_form", method_id, user.organisation_id, timezone.localdate(), names)

    def context():
        form = AdoptionForm(organisation=user.organisation)
        return {"form": form, "action": reverse("spread:register_method", args=[method_id]), "csrf_token": CSRF_STAMP}

    [html] = fragments("spread/includes/adoption_form_fields.html", [context], [identity])
    chosen = f'<option value="{user.pk}">'
    html = html.replace(chosen, f'<option value="{user.pk}" selected>', 1)
    return {"form_html": with_token(html, get_token(request))}

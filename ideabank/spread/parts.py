"""A method page's follow button and "Vi bruger metoden" form as personal parts of the shared page
(ideabank/pagecache/personal.py)."""

from django.db.models import Exists, OuterRef, Value
from django.urls import reverse

from ideabank.ideas.models import Follow
from ideabank.ids import parse_id
from ideabank.methods.models import MethodPage
from ideabank.pagecache.personal import part

from .forms import AdoptionForm


@part("method_follow", "ideas/includes/follow_button.html")
def method_follow(request, argument):
    user = request.user
    following = (
        Exists(Follow.objects.filter(user=user, method=OuterRef("pk"))) if user.is_authenticated else Value(False)
    )
    # The title (the button's name for screen readers) and whether the user follows, in one query.
    found = MethodPage.objects.filter(pk=parse_id(argument)).values_list("title", following).first()
    if found is None:
        return None  # deleted since the page was kept
    title, is_following = found
    return {
        "kind": "method",
        "value": argument,
        "following": is_following,
        "next": request.path,
        "name": title,
    }


@part("adoption_form", "spread/includes/adoption_form_fields.html")
def adoption_form(request, argument):
    """ "Vi bruger metoden" on a method page: the reader is the contact person the form suggests."""
    user = request.user
    method_id = parse_id(argument)
    if method_id is None or not user.organisation_id:
        return None
    return {
        "form": AdoptionForm(organisation=user.organisation, user=user),
        "action": reverse("spread:register_method", args=[method_id]),
    }

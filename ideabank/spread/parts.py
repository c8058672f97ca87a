"""A method page's follow button as a personal part of the shared page (ideabank/pagecache/personal.py)."""

from django.db.models import Exists, OuterRef, Value

from ideabank.ideas.models import Follow
from ideabank.ids import parse_id
from ideabank.methods.models import MethodPage
from ideabank.pagecache.personal import part


@part("method_follow", "ideas/includes/follow_button.html")
def method_follow(request, argument):
    user = request.user
    following = (
        Exists(Follow.objects.filter(user=user, method=OuterRef("pk"))) if user.is_authenticated else Value(False)
    )
    # The title (the button's name for screen readers) and whether the user follows, in one query.
    title, is_following = MethodPage.objects.filter(pk=parse_id(argument)).values_list("title", following).get()
    return {
        "kind": "method",
        "value": argument,
        "following": is_following,
        "next": request.path,
        "name": title,
    }

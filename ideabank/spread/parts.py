"""A method page's follow button as a personal part of the shared page (ideabank/pagecache/personal.py)."""

from ideabank.ideas.services import is_following
from ideabank.ids import parse_id
from ideabank.methods.models import MethodPage
from ideabank.pagecache.personal import part


@part("method_follow", "ideas/includes/follow_button.html")
def method_follow(request, argument):
    method = MethodPage.objects.only("pk", "title").get(pk=parse_id(argument))
    return {
        "kind": "method",
        "value": str(method.pk),
        "following": is_following(request.user, method=method),
        "next": request.path,
        "name": method.title,
    }

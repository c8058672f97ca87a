"""What of the ideas is one user's own on pages colleagues share (ideabank/pagecache/personal.py): the idea
page's vote box and follow button (the rest of it is the same for colleagues who neither wrote the idea nor
commented on it), and ideas of their own that only they see yet, which lists and search show them."""

from django.utils.translation import ngettext

from ideabank.ids import parse_id
from ideabank.pagecache.personal import part, separated

from . import queries
from .models import Idea


def vote_count_formats():
    """The vote count's wording for the script that votes through the API ("%(votes)s stemme[r]"), singular and
    plural, so the count it shows reads as the page's own. Danish and English have just these two forms."""
    return {
        form: ngettext("%(votes)s stemme", "%(votes)s stemmer", number) for form, number in (("one", 1), ("other", 2))
    }


@part("idea_actions", "ideas/includes/idea_actions.html")
def idea_actions(request, argument, idea=None):
    user = request.user
    if idea is None:
        idea = queries.voting_state(parse_id(argument), user)
        if idea is None:
            return None  # deleted since the page was kept
    published = idea.status == Idea.Status.PUBLISHED
    own = user.is_authenticated and idea.author_id == user.pk
    return {
        "idea": idea,
        "is_published": published,
        "is_own": own,
        "can_vote": published and user.is_authenticated and not own,
        "has_voted": published and user.is_authenticated and not own and idea.viewer_voted,
        "is_following": user.is_authenticated and idea.viewer_follows,
        "vote_count_formats": vote_count_formats(),
    }


@separated
def own_unlisted_ideas(user):
    return "own unlisted ideas" if queries.has_unlisted_ideas(user) else ""

"""What of the ideas is one user's own on pages colleagues share (ideabank/pagecache/personal.py): the idea
page's vote box and follow button (the rest of it is the same for colleagues who neither wrote the idea nor
commented on it), and ideas of their own that only they see yet, which lists and search show them."""

from dataclasses import dataclass

from django.utils.translation import ngettext

from ideabank.ids import parse_id
from ideabank.pagecache.personal import part, separated
from ideabank.plain_sql import one_row

from . import queries
from .models import Idea


@dataclass(frozen=True)
class VotingState:
    """The few columns of an idea, and the viewer's vote and follow, that the vote box and follow button show."""

    pk: int
    status: str
    author_id: int | None
    vote_count: int
    viewer_voted: bool
    viewer_follows: bool


# Asked on every view of a shared idea page, so as plain SQL: the ORM took 1.1 ms of CPU to build the same
# query with its two EXISTS, the database and psycopg 0.1 ms, measured at 100 000 ideas.
VOTING_STATE_SQL = """
    SELECT idea.status, idea.author_id, idea.vote_count,
        EXISTS (SELECT 1 FROM ideas_vote WHERE idea_id = idea.id AND user_id = %s),
        EXISTS (SELECT 1 FROM ideas_follow WHERE idea_id = idea.id AND user_id = %s)
    FROM ideas_idea AS idea WHERE idea.id = %s
"""


def voting_state(pk, viewer):
    """What the idea page's vote box and follow button show: one query; None when it is gone."""
    viewer_id = viewer.pk if viewer is not None and viewer.is_authenticated else None
    row = one_row(Idea, VOTING_STATE_SQL, [viewer_id, viewer_id, pk])
    if row is None:
        return None
    status, author_id, vote_count, voted, follows = row
    return VotingState(pk, status, author_id, vote_count, bool(voted), bool(follows))


def vote_count_formats():
    """The vote count's wording for the script that votes through the API ("%(votes)s stemme[r]"), singular and
    plural, so the count it shows reads as the page's own. Danish and English have just these two forms."""
    return {
        form: ngettext("%(votes)s stemme", "%(votes)s stemmer", number) for form, number in (("one", 1), ("other", 2))
    }


def idea_actions_identity(request, context):
    """What the vote box and follow button show, but the CSRF token: they are rendered once per state."""
    idea = context["idea"]
    flags = ("is_published", "is_own", "can_vote", "has_voted", "is_following")
    return (idea.pk, idea.vote_count, request.user.is_authenticated, request.path, *(context[flag] for flag in flags))


@part(
    "idea_actions",
    "ideas/includes/idea_actions.html",
    identity=idea_actions_identity,
    includes=("ideas/includes/follow_button.html", "includes/icon.html"),
)
def idea_actions(request, argument, idea=None):
    user = request.user
    if idea is None:
        idea = voting_state(parse_id(argument), user)
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

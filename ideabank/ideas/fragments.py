"""The parts of idea pages that are the same for many viewers, rendered once and taken from the cache
(ideabank/caching.py): list rows, facet links and comment threads, and the empty comment forms a
signed-in user gets under every comment."""

from django.db.models import prefetch_related_objects
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ideabank.caching import CSRF_STAMP, fragments, with_token

from . import queries, services
from .forms import (
    CommentEditForm,
    CommentForm,
    ReportForm,
)
from .models import Comment

# ---- cached fragments --------------------------------------------------

# Where a cached fragment's forms carry the CSRF token: each visitor's own is put in when it is served.


def idea_rows(ideas):
    """The list's rows (ideas/includes/idea_row.html), each shared by everyone who sees that idea alike."""
    ideas = list(ideas)
    prefetch_related_objects(ideas, queries.cover_images())
    identities = [
        (
            idea.pk,
            idea.title,
            idea.stage,
            idea.status,
            idea.published_at,
            idea.created,
            idea.organisation.name,
            idea.vote_count,
            idea.comment_count,
            [group.name for group in idea.target_groups.all()],
            [(tag.slug, tag.name) for tag in idea.tags.all()],
            [(image.pk, image.description, bool(image.thumbnail)) for image in idea.images[:1]],
        )
        for idea in ideas
    ]
    contexts = [{"idea": idea} for idea in ideas]
    return fragments("ideas/includes/idea_row.html", contexts, identities, ("ideas/includes/stage_badge.html",))


def facets_panel(request, facet_groups, heading, count_label):
    """The facet links (includes/facets.html): the same for everyone with the same query and counts."""
    query = [(key, values) for key, values in request.GET.lists() if key != "page"]
    groups = [
        (group["name"], str(group["label"]), group["rows"], group["active"], group.get("open"), group.get("regions"))
        for group in facet_groups
    ]
    identity = (groups, query, str(heading), str(count_label))
    context = {"request": request, "facet_groups": facet_groups, "heading": heading, "count_label": count_label}
    includes = ("includes/icon.html", "includes/facet_rows.html", "includes/facet_row.html")
    return fragments("includes/facets.html", [context], [identity], includes)[0]


def comment_identity(comment):
    """Everything ideas/includes/comment.html shows of one comment itself."""
    author = comment.author
    organisation = getattr(author, "organisation", None)
    return (
        comment.pk,
        comment.depth,
        comment.status,
        comment.created,
        comment.edited_at,
        comment.body,
        getattr(author, "public_name", None),
        organisation.name if organisation else None,
    )


def anonymous_comment_thread(idea, tree):
    """The comment threads as a visitor sees them (no forms), one cached fragment per top-level comment."""

    def identity(comment, children):
        return (comment_identity(comment), [identity(child, grandchildren) for child, grandchildren in children])

    contexts = [{"comment": comment, "children": children, "idea": idea} for comment, children in tree]
    identities = [identity(comment, children) for comment, children in tree]
    return fragments("ideas/includes/comment.html", contexts, identities)


def signed_in_comment_threads(request, idea, tree, published):
    """The comment threads with a signed-in user's actions, one cached fragment per top-level comment.

    Besides the comments, a thread shows which actions this user has on each (reply, edit, delete,
    report); colleagues with the same actions share the fragment. Its forms are empty (a submission with
    errors is shown without this cache), and the CSRF token is put in when the fragment is served."""

    def identity(comment, children):
        actions = (bool(comment.reply_form), bool(comment.edit_form), comment.can_delete, bool(comment.report_form))
        return (comment_identity(comment), actions, [identity(child, grand) for child, grand in children])

    context = {"idea": idea, "user": request.user, "is_published": published, "csrf_token": CSRF_STAMP}
    contexts = [{**context, "comment": comment, "children": children} for comment, children in tree]
    identities = [(idea.pk, published, identity(comment, children)) for comment, children in tree]
    token = get_token(request)
    threads = fragments("ideas/includes/comment.html", contexts, identities)
    return [with_token(thread, token) for thread in threads]


def accepts_replies(comment):
    """Whether the page offers a reply form under this comment (the service has the final say)."""
    return comment.status == Comment.Status.VISIBLE and comment.depth < Comment.MAX_DEPTH


class StampedForm:
    """An empty form rendered once per page and stamped with each comment's id.

    Under a 50-comment idea a signed-in user gets a reply and a report form per comment; rendering each
    through the widget templates cost more than the rest of the page. Empty forms differ only in the
    comment id inside their element ids and the reply's parent, so one rendering serves them all."""

    STAMP = "0000stamp0000"
    errors = {}

    def __init__(self, rendered, pk):
        self.rendered, self.pk = rendered, pk

    def __str__(self):
        return mark_safe(self.rendered.replace(self.STAMP, str(self.pk)))  # noqa: S308 - a rendered form

    __html__ = __str__


class CommentForms:
    """The empty reply and report forms of one page, each rendered at most once."""

    def __init__(self):
        self._rendered = {}

    def _stamped(self, kind, build, pk):
        if kind not in self._rendered:
            self._rendered[kind] = str(build(StampedForm.STAMP))
        return StampedForm(self._rendered[kind], pk)

    def reply(self, pk):
        return self._stamped(
            "reply",
            lambda stamp: CommentForm(auto_id=f"id_reply{stamp}_%s", initial={"parent": stamp}, label=_("Dit svar")),
            pk,
        )

    def report(self, pk):
        return self._stamped("report", lambda stamp: ReportForm(auto_id=f"id_report{stamp}_%s"), pk)


def annotate_comment(user, comment, reply_form=None, edit_form=None, empty_forms=None):
    """What this user may do with one comment, and the (unique-id) forms for it."""
    visible = comment.status == Comment.Status.VISIBLE
    own = user.is_authenticated and comment.author_id == user.pk
    comment.can_delete = own and comment.status != Comment.Status.DELETED
    comment.reply_form = comment.edit_form = comment.report_form = None
    if not (user.is_authenticated and visible):
        return
    empty_forms = empty_forms or CommentForms()
    if accepts_replies(comment):
        comment.reply_form = reply_form or empty_forms.reply(comment.pk)
    if services.can_edit_comment(user, comment):
        comment.edit_form = edit_form or CommentEditForm(
            auto_id=f"id_edit{comment.pk}_%s", initial={"body": comment.body}
        )
    if not own:
        comment.report_form = empty_forms.report(comment.pk)

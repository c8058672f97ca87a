"""What the data export (ideabank/accounts/privacy.py) holds of a user's ideas, comments, votes, follows and
reports, and what deleting the account does to them: votes and reports stay (counts stay exact) but name
nobody, drafts go (nobody else ever saw them), published content stays under "Tidligere medarbejder"."""

from ideabank.accounts import privacy

from .models import Comment, Follow, Idea, Report, TriedReport, Vote

when = privacy.when


@privacy.export_section("ideas")
def ideas_section(user):
    ideas = (
        Idea.objects.filter(author=user)
        .select_related("organisation")
        .prefetch_related("target_groups", "themes", "tags")
        .order_by("created", "pk")
    )
    return [
        {
            "id": idea.pk,
            "url": idea.get_absolute_url(),
            "title": idea.title,
            "problem": idea.problem,
            "solution": idea.solution,
            "context": idea.context,
            "results": idea.results,
            "status": idea.status,
            "stage": idea.stage,
            "organisation": idea.organisation.name,
            "target_groups": [group.name for group in idea.target_groups.all()],
            "themes": [theme.name for theme in idea.themes.all()],
            "tags": sorted(tag.name for tag in idea.tags.all()),
            "votes": idea.vote_count,
            "comments": idea.comment_count,
            "created": when(idea.created),
            "updated": when(idea.updated),
            "published_at": when(idea.published_at),
        }
        for idea in ideas
    ]


@privacy.export_section("comments")
def comments_section(user):
    comments = Comment.objects.filter(author=user).select_related("idea").order_by("created", "pk")
    return [
        {
            "id": comment.pk,
            "idea": {"id": comment.idea_id, "title": comment.idea.title},
            "reply_to": comment.parent_id,
            "body": comment.body,
            "status": comment.status,
            "created": when(comment.created),
            "edited_at": when(comment.edited_at),
        }
        for comment in comments
    ]


@privacy.export_section("votes")
def votes_section(user):
    votes = Vote.objects.filter(user=user).select_related("idea").order_by("created", "pk")
    return [{"idea": {"id": vote.idea_id, "title": vote.idea.title}, "created": when(vote.created)} for vote in votes]


@privacy.export_section("follows")
def follows_section(user):
    follows = Follow.objects.filter(user=user).select_related("idea", "tag", "target_group", "organisation", "method")
    return [
        {"kind": follow.kind, "id": follow.target.pk, "name": str(follow.target), "created": when(follow.created)}
        for follow in follows.order_by("created", "pk")
    ]


@privacy.export_section("tried_reports")
def tried_reports_section(user):
    reports = TriedReport.objects.filter(author=user).select_related("idea", "organisation").order_by("created")
    return [
        {
            "idea": {"id": report.idea_id, "title": report.idea.title},
            "organisation": report.organisation.name,
            "tried_from": when(report.tried_from),
            "tried_to": when(report.tried_to),
            "what_happened": report.what_happened,
            "created": when(report.created),
        }
        for report in reports
    ]


@privacy.export_section("content_reports")
def content_reports_section(user):
    """What the user reported to the moderators (the reasons are theirs; the outcome is shown too)."""
    reports = Report.objects.filter(reporter=user).order_by("created", "pk")
    return [
        {
            "idea": report.idea_id,
            "comment": report.comment_id,
            "reason": report.reason,
            "note": report.note,
            "created": when(report.created),
            "handled_at": when(report.handled_at),
            "resolution": report.resolution or None,
        }
        for report in reports
    ]


@privacy.deletion_step
def unlink_votes_and_reports(user):
    # Votes keep counting; without a user they are nobody's (the one-per-user rule ignores them).
    Vote.objects.filter(user=user).update(user=None)
    Report.objects.filter(reporter=user).update(reporter=None)
    # Drafts were never shared; nothing else refers to them.
    Idea.objects.filter(author=user, status=Idea.Status.DRAFT).delete()

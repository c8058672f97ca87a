"""Writing planned demo ideas (plans.py) in bulk: no per-row signal runs, so the counters are computed while
the rows are planned (they equal the rows by construction) and timestamps are set explicitly."""

from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from ideabank.accounts.models import User
from ideabank.accounts.roles import GROUP_NAMES, Role
from ideabank.ideas.models import Comment, Idea, IdeaTag, Report, TriedReport, Vote

from . import GENERATED_DOMAIN
from .people import DEMO_PASSWORD


@contextmanager
def explicit_timestamps():
    """Let bulk_create keep the timestamps we give, instead of stamping every row with now.

    This changes the model fields for the whole process, so it is only for this single-threaded command.
    """
    fields = [
        model._meta.get_field(name)
        for model, name in (
            (Idea, "created"),
            (Idea, "updated"),
            (Vote, "created"),
            (Comment, "created"),
            (TriedReport, "created"),
            (Report, "created"),
        )
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def ensure_users(specs):
    """Create the users in `specs` that do not exist yet, in bulk with one shared password hash.

    specs: (email, display_name, job_title, organisation_id). Returns {email: pk} for all of them.
    """

    def generated():
        return dict(User.objects.filter(email__endswith=f".{GENERATED_DOMAIN}").values_list("email", "pk"))

    known = generated()
    missing = [spec for spec in specs if spec[0] not in known]
    if missing:
        password = make_password(DEMO_PASSWORD)
        joined = timezone.now() - timedelta(days=800)
        User.objects.bulk_create(
            [
                User(
                    email=email,
                    display_name=name,
                    job_title=job,
                    organisation_id=organisation_id,
                    password=password,
                    date_joined=joined,
                )
                for email, name, job, organisation_id in missing
            ],
            batch_size=1000,
        )
        known = generated()
        group = Group.objects.get(name=GROUP_NAMES[Role.MEDARBEJDER])
        through = User.groups.through
        through.objects.bulk_create(
            [through(user_id=known[spec[0]], group_id=group.pk) for spec in missing], batch_size=1000
        )
    return {spec[0]: known[spec[0]] for spec in specs}


def insert_rows(model, fields, rows, chunk=20000):
    """Plain INSERTs (executemany) for link rows nobody needs a primary key or a model instance of.

    A million votes as model instances spend most of their time in the ORM; tuples do not.
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Table and column names come from the models, never from input.
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            cursor.executemany(sql, rows[start : start + chunk])


def write(plans, batch_size=1000):
    """Write planned ideas and everything hanging off them; returns (votes, comments) written."""
    for plan in plans:
        plan.finish()
    ideas = [plan.idea for plan in plans]
    Idea.objects.bulk_create(ideas, batch_size=batch_size)

    insert_rows(
        Idea.target_groups.through,
        ["idea", "targetgroup"],
        [(p.idea.pk, pk) for p in plans for pk in p.target_groups],
    )
    insert_rows(Idea.themes.through, ["idea", "theme"], [(p.idea.pk, pk) for p in plans for pk in p.themes])
    insert_rows(IdeaTag, ["content_object", "tag"], [(p.idea.pk, pk) for p in plans for pk in p.tags])
    adapt = connection.ops.adapt_datetimefield_value
    votes = [(user, p.idea.pk, adapt(moment)) for p in plans for user, moment in p.votes]
    insert_rows(Vote, ["user", "idea", "created"], votes)

    tried = []
    for plan in plans:
        for report in plan.tried:
            report.idea_id = plan.idea.pk
            tried.append(report)
    TriedReport.objects.bulk_create(tried, batch_size=batch_size)

    reports = [
        Report(idea_id=p.idea.pk, reporter_id=r.reporter_id, reason=r.reason, note=r.note, created=r.created)
        for p in plans
        for r in p.reports
    ]
    comments_written = 0
    level = [(p.idea.pk, None, c) for p in plans for c in p.comments]
    depth = 1
    while level:
        rows = [
            Comment(
                idea_id=idea_id,
                author_id=c.author_id,
                parent_id=parent_id,
                depth=depth,
                body=c.body,
                status=c.status,
                hidden_by_reports=c.hidden_by_reports,
                created=c.created,
            )
            for idea_id, parent_id, c in level
        ]
        Comment.objects.bulk_create(rows, batch_size=batch_size)
        comments_written += len(rows)
        next_level = []
        for row, (idea_id, _parent, planned) in zip(rows, level, strict=True):
            reports.extend(
                Report(comment_id=row.pk, reporter_id=r.reporter_id, reason=r.reason, note=r.note, created=r.created)
                for r in planned.reports
            )
            next_level.extend((idea_id, row.pk, reply) for reply in planned.replies)
        level, depth = next_level, depth + 1
    Report.objects.bulk_create(reports, batch_size=batch_size)
    return len(votes), comments_written

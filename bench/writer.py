"""Writing the large data set fast: PostgreSQL COPY for every row, ids reserved from the sequences.

The content comes from ideabank/demo/plans.py (its generator turns the hand-written Danish seeds of
content/ideas.json into varied ideas with votes, comment threads and tried reports, and sets each idea's
counters from the rows it plans). Only the writing differs from `seed_demo --ideas`: instead of
bulk_create and executemany, each table gets one COPY per batch, which is what makes 100 000 ideas,
a million votes and 300 000 comments a matter of seconds. On SQLite (the fallback when PostgreSQL
cannot start) the demo's own writer is used.
"""

from django.db import connection

from ideabank.ideas.models import Comment, Idea, IdeaTag, Report, TriedReport, Vote


def is_postgresql():
    return connection.vendor == "postgresql"


def reserve_ids(model, count):
    """`count` fresh primary keys from the table's own sequence, so COPY can write parents and children."""
    if count == 0:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, column, count]
        )
        return [row[0] for row in cursor.fetchall()]


def copy_rows(table, columns, rows):
    """COPY tuples into `table` (names from the models, never from input)."""
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def copy_objects(model, objects):
    """COPY unsaved model instances (primary keys already set) with every concrete column, as Django
    would prepare them for an INSERT: fields other sessions add to the models are written too."""
    fields = list(model._meta.concrete_fields)
    rows = ([f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] for obj in objects)
    return copy_rows(model._meta.db_table, [f.column for f in fields], rows)


def write_plans(plans):
    """Write planned ideas (ideabank.demo.plans.PlannedIdea) and all their rows; returns (votes, comments)."""
    if not is_postgresql():
        from ideabank.demo.writing import write

        return write(plans)
    for plan in plans:
        plan.finish()
    ideas = [plan.idea for plan in plans]
    for idea, pk in zip(ideas, reserve_ids(Idea, len(ideas)), strict=True):
        idea.pk = idea.id = pk
    copy_objects(Idea, ideas)

    through = Idea.target_groups.through
    copy_rows(
        through._meta.db_table, ["idea_id", "targetgroup_id"], ((p.idea.pk, t) for p in plans for t in p.target_groups)
    )
    through = Idea.themes.through
    copy_rows(through._meta.db_table, ["idea_id", "theme_id"], ((p.idea.pk, t) for p in plans for t in p.themes))
    copy_rows(IdeaTag._meta.db_table, ["content_object_id", "tag_id"], ((p.idea.pk, t) for p in plans for t in p.tags))
    votes = copy_rows(
        Vote._meta.db_table, ["user_id", "idea_id", "created"], ((u, p.idea.pk, at) for p in plans for u, at in p.votes)
    )

    # Comments: ids assigned depth-first, so a reply knows its parent's id before anything is written.
    comments, reports = [], []
    planned_ids = reserve_ids(Comment, sum(1 for p in plans for _c in p.all_comments()))
    next_id = iter(planned_ids)

    def add(idea_id, planned, parent_id, depth):
        row = Comment(
            id=next(next_id),
            idea_id=idea_id,
            author_id=planned.author_id,
            parent_id=parent_id,
            depth=depth,
            body=planned.body,
            status=planned.status,
            hidden_by_reports=planned.hidden_by_reports,
            created=planned.created,
        )
        comments.append(row)
        reports.extend(
            Report(comment_id=row.id, reporter_id=r.reporter_id, reason=r.reason, note=r.note, created=r.created)
            for r in planned.reports
        )
        for reply in planned.replies:
            add(idea_id, reply, row.id, depth + 1)

    for plan in plans:
        for planned in plan.comments:
            add(plan.idea.pk, planned, None, 1)
    copy_objects(Comment, comments)

    tried = []
    for plan in plans:
        for report in plan.tried:
            report.idea_id = plan.idea.pk
            tried.append(report)
    TriedReport.objects.bulk_create(tried, batch_size=1000)
    reports.extend(
        Report(idea_id=p.idea.pk, reporter_id=r.reporter_id, reason=r.reason, note=r.note, created=r.created)
        for p in plans
        for r in p.reports
    )
    Report.objects.bulk_create(reports, batch_size=1000)
    return votes, len(comments)

# The idea lists' sorts, each with an index in its own order (issue #8, found by `make bench`): at 100 000
# ideas the (status, counter) indexes could not serve a list of two statuses, so every page sorted all
# visible ideas. "published_at DESC NULLS LAST" is indexed as two keys (NULL first flag, date descending),
# which SQLite can index too; ideabank.ideas.queries.SORTS orders by exactly these expressions.

from django.db import migrations, models

UNPUBLISHED_LAST = models.OrderBy(
    models.ExpressionWrapper(models.Q(("published_at__isnull", True)), output_field=models.BooleanField())
)
PUBLISHED = models.OrderBy(models.F("published_at"), descending=True)
ID = models.OrderBy(models.F("id"), descending=True)


def descending(name):
    return models.OrderBy(models.F(name), descending=True)


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="idea", name="idea_status_votes"),
        migrations.RemoveIndex(model_name="idea", name="idea_status_comments"),
        migrations.RemoveIndex(model_name="idea", name="idea_status_trending"),
        migrations.AddIndex(
            model_name="idea",
            index=models.Index(UNPUBLISHED_LAST, PUBLISHED, descending("created"), ID, name="idea_sort_newest"),
        ),
        migrations.AddIndex(
            model_name="idea",
            index=models.Index(descending("vote_count"), UNPUBLISHED_LAST, PUBLISHED, ID, name="idea_sort_votes"),
        ),
        migrations.AddIndex(
            model_name="idea",
            index=models.Index(
                descending("trending_score"), UNPUBLISHED_LAST, PUBLISHED, ID, name="idea_sort_trending"
            ),
        ),
        migrations.AddIndex(
            model_name="idea",
            index=models.Index(
                descending("comment_count"), UNPUBLISHED_LAST, PUBLISHED, ID, name="idea_sort_comments"
            ),
        ),
        migrations.AddIndex(
            model_name="idea",
            index=models.Index(fields=["status", "stage", "organisation", "id"], name="idea_facets"),
        ),
    ]

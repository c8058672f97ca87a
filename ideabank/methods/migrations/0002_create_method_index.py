"""The method catalogue (Metoder) as a child of the home page, so promotions always have a parent."""

from django.db import migrations

INTRO = (
    "<p>Metoder er idéer, der er afprøvet, vurderet og beskrevet, så andre kan tage dem i brug. "
    "Hver metode viser, hvor stærk viden der er bag den, og hvor den bruges.</p>"
)


def create_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    MethodIndexPage = apps.get_model("methods", "MethodIndexPage")
    home = Page.objects.filter(depth=2, slug="home").first()
    if home is None or MethodIndexPage.objects.exists():
        return
    last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    step = int(last.path[-4:], 36) + 1 if last else 1
    content_type, _created = ContentType.objects.get_or_create(app_label="methods", model="methodindexpage")
    MethodIndexPage.objects.create(
        title="Metoder",
        draft_title="Metoder",
        slug="metoder",
        content_type=content_type,
        path=home.path + _base36(step).rjust(4, "0"),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}metoder/",
        locale_id=home.locale_id,
        intro=INTRO,
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


def remove_index(apps, schema_editor):
    apps.get_model("methods", "MethodIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("methods", "0001_initial"), ("home", "0002_create_homepage")]
    operations = [migrations.RunPython(create_index, remove_index)]

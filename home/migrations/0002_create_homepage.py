"""Replace Wagtail's placeholder page with the Idébanken home page and point the default site at it."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")

    Page.objects.filter(depth=2, url_path="/home/", content_type__app_label="wagtailcore").delete()
    content_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="Idébanken",
        draft_title="Idébanken",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=Page.objects.get(depth=1).locale_id,
        lead="Del løsninger, der virker — fra praksis til dokumenteret metode.",
        intro=(
            "<p>Idébanken samler konkrete idéer fra medarbejdere i hele landets sociale sektor. "
            "Kolleger kommenterer, stemmer og afprøver dem, og de stærkeste løftes til beskrevne "
            "og vurderede metoder, hvor du kan se, hvilke kommuner der bruger dem, og med hvilke resultater.</p>"
        ),
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Idébanken"}
    )
    Page.objects.filter(depth=1).update(numchild=Page.objects.filter(depth=2).count())


def remove_homepage(apps, schema_editor):
    apps.get_model("home", "HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    # Deleting the placeholder page touches every table that points at pages, so those must exist.
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]
    operations = [migrations.RunPython(create_homepage, remove_homepage)]

"""Readable addresses: æ, ø and å are written out in slugs, and the slugs they replaced redirect for good."""

import pytest
from django.urls import reverse

from ideabank.accounts.models import Organisation
from ideabank.taxonomy.models import OldSlug, TargetGroup, Theme
from ideabank.taxonomy.slugs import danish_slugify
from tests.factories import IdeaFactory, OrganisationFactory, make_method, method_index


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Hjørring Kommune", "hjoerring-kommune"),
        ("Ældre", "aeldre"),
        ("Århus Ø", "aarhus-oe"),
        ("Børn og unge på kanten", "boern-og-unge-paa-kanten"),
        ("ÆØÅ æøå", "aeoeaa-aeoeaa"),
        ("Café René", "cafe-rene"),
        ("  Social  psykiatri!  ", "social-psykiatri"),
    ],
)
def test_danish_letters_are_written_out(text, slug):
    assert danish_slugify(text) == slug


@pytest.mark.django_db
def test_reference_data_has_readable_slugs():
    assert Organisation.objects.get(municipality_id=860).slug == "hjoerring-kommune"
    assert TargetGroup.objects.get(name="Ældre").slug == "aeldre"
    assert not Organisation.objects.filter(slug__regex=r"(^|-)(hjrring|kbenhavn|rhus)(-|$)").exists()


@pytest.mark.django_db
def test_new_organisations_terms_and_tags_get_readable_slugs():
    assert OrganisationFactory(name="Foreningen Små Skridt").slug == "foreningen-smaa-skridt"
    assert (
        Theme.objects.create(name="Sundhed og trivsel for større børn").slug == "sundhed-og-trivsel-for-stoerre-boern"
    )
    idea = IdeaFactory(tags=["Ældrepleje", "Misbrug"])
    assert sorted(idea.tags.values_list("slug", flat=True)) == ["aeldrepleje", "misbrug"]


@pytest.mark.django_db
def test_the_migration_kept_the_old_slugs():
    assert OldSlug.objects.get(kind="organisation", old="hjrring-kommune").current == "hjoerring-kommune"
    assert OldSlug.objects.get(kind="target_group", old="ldre").current == "aeldre"
    # Slugs that did not change need no redirect.
    assert not OldSlug.objects.filter(old="aarhus-kommune").exists()


@pytest.mark.django_db
def test_an_old_organisation_address_redirects_permanently(client):
    response = client.get(reverse("spread:organisation", args=["hjrring-kommune"]))
    assert response.status_code == 301
    assert response["Location"] == reverse("spread:organisation", args=["hjoerring-kommune"])
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_an_unknown_organisation_is_still_not_found(client):
    assert client.get(reverse("spread:organisation", args=["findes-ikke"])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["ideas:list", "search:search"])
def test_an_old_filter_slug_redirects_to_the_same_list(client, url_name):
    url = reverse(url_name)
    response = client.get(url, {"target_group": "ldre", "sort": "newest"})
    assert response.status_code == 301
    assert response["Location"] == f"{url}?target_group=aeldre&sort=newest"


@pytest.mark.django_db
def test_old_filter_slugs_redirect_on_the_method_catalogue(client):
    index = method_index()
    make_method(title="Housing First")
    response = client.get(index.url, {"organisation": "hjrring-kommune"})
    assert response.status_code == 301
    assert response["Location"] == f"{index.url}?organisation=hjoerring-kommune"


@pytest.mark.django_db
def test_current_filter_slugs_do_not_redirect(client):
    assert client.get(reverse("ideas:list"), {"target_group": "aeldre"}).status_code == 200

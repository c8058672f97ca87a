"""Reference data shipped by the data migrations: regions, municipalities, their organisations
and the starter vocabularies (DESIGN §1)."""

import csv
import re
from pathlib import Path

import pytest

from ideabank.accounts.models import Organisation
from ideabank.taxonomy.models import Municipality, Region, TargetGroup, Theme

pytestmark = pytest.mark.django_db

PROJECT_CSV = Path(__file__).resolve().parents[2] / "ideabank" / "taxonomy" / "data" / "municipalities.csv"

REGIONS = {
    1081: "Region Nordjylland",
    1082: "Region Midtjylland",
    1083: "Region Syddanmark",
    1084: "Region Hovedstaden",
    1085: "Region Sjælland",
}


def csv_rows():
    with open(PROJECT_CSV, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_five_regions_exist_with_official_codes_and_names():
    assert dict(Region.objects.values_list("code", "name")) == REGIONS


def test_there_are_98_municipalities():
    assert Municipality.objects.count() == 98


def test_every_municipality_matches_the_reference_list():
    rows = csv_rows()
    assert len(rows) == 98
    expected = {int(row["code"]): (row["name"], int(row["region_code"])) for row in rows}
    actual = {m.code: (m.name, m.region_id) for m in Municipality.objects.all()}
    assert actual == expected


def test_the_project_copy_matches_the_shared_authoritative_list():
    shared = Path("/work/shared/data/municipalities.csv")
    if not shared.exists():
        pytest.skip("the shared reference list is not available on this machine")
    assert PROJECT_CSV.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("code", "name", "region_code"),
    [
        (101, "København", 1084),
        (147, "Frederiksberg", 1084),
        (751, "Aarhus", 1082),
        (461, "Odense", 1083),
        (851, "Aalborg", 1081),
        (630, "Vejle", 1083),
        (259, "Køge", 1085),
        (825, "Læsø", 1081),
    ],
)
def test_known_municipalities(code, name, region_code):
    municipality = Municipality.objects.get(code=code)
    assert municipality.name == name
    assert municipality.region_id == region_code


def test_christianso_is_not_a_municipality():
    assert not Municipality.objects.filter(code=411).exists()


def test_each_region_has_municipalities():
    counts = {region.code: region.municipalities.count() for region in Region.objects.all()}
    assert set(counts) == set(REGIONS)
    assert all(count > 0 for count in counts.values())
    assert sum(counts.values()) == 98


def test_one_kommune_organisation_per_municipality():
    organisations = Organisation.objects.filter(municipality__isnull=False)
    assert organisations.count() == 98
    assert set(organisations.values_list("municipality_id", flat=True)) == set(
        Municipality.objects.values_list("code", flat=True)
    )


def test_municipal_organisations_are_kommune_with_region_and_name():
    for organisation in Organisation.objects.filter(municipality__isnull=False).select_related("municipality"):
        assert organisation.kind == Organisation.Kind.KOMMUNE
        assert organisation.region_id == organisation.municipality.region_id
        assert organisation.name == f"{organisation.municipality.name} Kommune"
        assert organisation.slug


def test_aarhus_organisation():
    aarhus = Organisation.objects.get(municipality_id=751)
    assert aarhus.name == "Aarhus Kommune"
    assert aarhus.kind == "kommune"
    assert aarhus.region.name == "Region Midtjylland"


@pytest.mark.parametrize(
    "name",
    ["Hjemløse", "Borgere med autisme", "Døve og hørehæmmede", "Borgere med misbrug", "Udsatte børn og unge"],
)
def test_target_group_starter_set(name):
    group = TargetGroup.objects.get(name=name)
    assert group.slug
    assert group.description


def test_target_groups_have_unique_slugs_and_a_reasonable_size():
    slugs = list(TargetGroup.objects.values_list("slug", flat=True))
    assert len(slugs) >= 10
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize("name", ["Bolig og hjemløshed", "Misbrugsbehandling", "Børn og unge", "Handicap"])
def test_theme_starter_set(name):
    theme = Theme.objects.get(name=name)
    assert theme.slug
    assert theme.description


def test_themes_have_unique_slugs_and_a_reasonable_size():
    slugs = list(Theme.objects.values_list("slug", flat=True))
    assert len(slugs) >= 8
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize("model", [TargetGroup, Theme])
def test_vocabulary_slugs_are_url_safe(model):
    for slug in model.objects.values_list("slug", flat=True):
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), slug

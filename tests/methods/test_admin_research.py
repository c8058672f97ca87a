"""The research library (Forskningsbibliotek): editors keep studies as snippets, once, for many methods."""

import pytest

from ideabank.methods.models import ResearchItem
from tests.factories import ResearchItemFactory

pytestmark = pytest.mark.django_db

LIBRARY = "/admin/snippets/methods/researchitem/"


def study(**overrides):
    return {
        "title": "Housing First i Danmark",
        "authors": "Benjaminsen, L.",
        "year": "2013",
        "design": "quasi",
        "link": "https://www.example.org/housing-first.pdf",
        "findings": "Ni ud af ti beholdt boligen.",
        **overrides,
    }


def test_the_menu_offers_the_library_to_editors(signed_in, editor):
    html = signed_in(editor).get("/admin/").content.decode()

    assert "Forskningsbibliotek" in html
    assert LIBRARY in html


def test_an_editor_adds_a_study(signed_in, editor):
    response = signed_in(editor).post(f"{LIBRARY}add/", study())

    assert response.status_code == 302
    item = ResearchItem.objects.get()
    assert (item.title, item.year, item.design) == ("Housing First i Danmark", 2013, "quasi")


@pytest.mark.parametrize(
    ("field", "value"), [("year", "1850"), ("design", "anekdote"), ("title", ""), ("link", "ftp:x")]
)
def test_a_bad_study_is_refused(signed_in, editor, field, value):
    response = signed_in(editor).post(f"{LIBRARY}add/", study(**{field: value}))

    assert response.status_code == 200
    assert not ResearchItem.objects.exists()


def test_the_library_lists_and_filters_by_design(signed_in, editor):
    ResearchItemFactory(title="Et lodtrækningsforsøg", design="rct")
    ResearchItemFactory(title="Erfaringer fra praksis", design="practice")

    html = signed_in(editor).get(LIBRARY, {"design": "rct"}).content.decode()

    assert "Et lodtrækningsforsøg" in html
    assert "Erfaringer fra praksis" not in html

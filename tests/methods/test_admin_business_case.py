"""The business case in the page editor: an "Økonomi" tab with the cost, horizon, rate, scenario factors and
the effects (an inline list), published like the rest of the method."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ideabank.methods.models import MethodPage
from tests.factories import ResearchItemFactory, make_method

from .test_publish_workflow import edit_form

pytestmark = pytest.mark.django_db


def economy(form, **changes):
    form.update(
        {
            "business_cost": "45000",
            "business_cost_source": "Kommunens regnskab 2024",
            "business_horizon": "6",
            "business_discount_rate": "3,5",
            "effects-TOTAL_FORMS": "1",
            "effects-INITIAL_FORMS": "0",
            "effects-MIN_NUM_FORMS": "0",
            "effects-MAX_NUM_FORMS": "1000",
            "effects-0-label": "Undgået anbringelse",
            "effects-0-value_per_year": "250000",
            "effects-0-share": "0,1",
            "effects-0-years": "3",
            "effects-0-ORDER": "1",
            **changes,
        }
    )
    form["action-publish"] = "action-publish"
    return form


def test_editors_keep_the_business_case_on_the_okonomi_tab(client, verified_login, editor):
    method = make_method()
    study = ResearchItemFactory()
    verified_login(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[method.pk])
    html = client.get(url).content.decode()
    assert "Økonomi" in html and "Effekter" in html and "Diskonteringsrente (%)" in html

    response = client.post(url, economy(edit_form(client, method), **{"effects-0-source_research": str(study.pk)}))

    assert response.status_code == 302
    method = MethodPage.objects.get(pk=method.pk)
    assert method.live and method.business_cost == 45000 and method.business_horizon == 6
    assert method.business_discount_rate == Decimal("3.5")
    effect = method.effects.get()
    assert (effect.label, effect.share, effect.source_research) == ("Undgået anbringelse", Decimal("0.1"), study)
    assert "Undgået anbringelse" in client.get(method.url).content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"business_cost_source": ""}, "Angiv kilden til udgiften"),
        ({"effects-0-share": ""}, "Skriv en andel mellem 0 og 1, eller vælg den målte andel."),
        ({"effects-0-share": "1,5"}, "Denne værdi skal være mindre end eller lig 1."),
        ({"business_horizon": "31"}, "Denne værdi skal være mindre end eller lig 30."),
        ({"business_discount_rate": "25"}, "Denne værdi skal være mindre end eller lig 20."),
        ({"effects-0-value_per_year": "-1"}, "Denne værdi skal være større end eller lig 0."),
    ],
)
def test_the_editor_refuses_what_the_api_refuses(client, verified_login, editor, changes, message):
    method = make_method()
    verified_login(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[method.pk])
    response = client.post(url, economy(edit_form(client, method), **changes))
    assert response.status_code == 200  # the form again, with the error
    assert message in response.content.decode()
    assert not MethodPage.objects.get(pk=method.pk).effects.exists()

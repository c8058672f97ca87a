"""Reading methods: who sees drafts, the catalogue's filters, sorts and facets, what a method page shows
besides its own fields, and the stage a method derives from its knowledge declaration."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from wagtail.models import PageViewRestriction

from ideabank.ideas.models import Stage
from ideabank.methods import queries, services
from ideabank.methods.elements import Conclusion, Dimension
from ideabank.methods.queries import MethodFilters, description_groups, list_methods, visible_methods
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import IdeaFactory, ResearchItemFactory, UserFactory, full_scores, make_method

pytestmark = pytest.mark.django_db

anonymous = AnonymousUser()


def titles(methods):
    return [method.title for method in methods]


def filters(query):
    return MethodFilters.from_query(QueryDict(query))


# ---- who sees what -------------------------------------------------------------------------------


def test_the_public_sees_published_methods_only(staff, moderator):
    live = make_method(title="Housing First")
    make_method(title="Kladde om bostøtte", live=False)

    for user in (anonymous, staff, moderator):
        assert list(visible_methods(user)) == [live]


@pytest.mark.parametrize("role", ["redaktoer", "administrator"])
def test_editors_also_see_drafts(role):
    make_method(title="Housing First")
    make_method(title="Kladde om bostøtte", live=False)

    assert sorted(titles(visible_methods(UserFactory(role=role)))) == ["Housing First", "Kladde om bostøtte"]


def test_a_method_behind_a_view_restriction_is_not_public(editor):
    restricted = make_method(title="Intern metode")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)

    assert list(visible_methods(anonymous)) == []
    assert list(visible_methods(editor)) == [restricted]


# ---- filters -------------------------------------------------------------------------------------


def test_filters_are_read_from_the_query():
    found = filters("target_group=unge&theme=bolig&stage=evidence&effekt=A&metode=&oekonomi=C&sort=newest")

    assert (found.target_group, found.theme, found.stage, found.sort) == ("unge", "bolig", "evidence", "newest")
    assert found.levels == {"effekt": "A", "oekonomi": "C"}
    assert found.active == {
        "target_group": "unge",
        "theme": "bolig",
        "stage": "evidence",
        "effekt": "A",
        "oekonomi": "C",
    }


def test_an_unknown_sort_is_title_and_long_values_are_cut():
    found = filters("sort=votes&theme=" + "x" * 500)

    assert found.sort == "title"
    assert len(found.theme) == 100


@pytest.fixture
def catalogue():
    groups = list(TargetGroup.objects.order_by("name")[:2])
    themes = list(Theme.objects.order_by("name")[:2])
    housing = make_method(
        title="Housing First",
        target_groups=groups,
        themes=[themes[0]],
        declaration_effekt="A",
        declaration_metode="B",
    )
    ips = make_method(title="IPS-beskæftigelse", target_groups=[groups[1]], themes=themes, declaration_effekt="C")
    mentor = make_method(title="Peer-mentorer", declaration_effekt="A", declaration_metode="C")
    return {"groups": groups, "themes": themes, "housing": housing, "ips": ips, "mentor": mentor}


def test_the_catalogue_is_sorted_by_title(catalogue):
    assert titles(list_methods(anonymous, MethodFilters())) == ["Housing First", "IPS-beskæftigelse", "Peer-mentorer"]


def test_newest_first(catalogue):
    assert titles(list_methods(anonymous, filters("sort=newest"))) == [
        "Peer-mentorer",
        "IPS-beskæftigelse",
        "Housing First",
    ]


def test_filter_by_target_group_lists_each_method_once(catalogue):
    first, second = catalogue["groups"]

    assert titles(list_methods(anonymous, filters(f"target_group={first.slug}"))) == ["Housing First"]
    assert titles(list_methods(anonymous, filters(f"target_group={second.slug}"))) == [
        "Housing First",
        "IPS-beskæftigelse",
    ]


def test_filter_by_theme(catalogue):
    assert titles(list_methods(anonymous, filters(f"theme={catalogue['themes'][1].slug}"))) == ["IPS-beskæftigelse"]


def test_filter_by_stage(catalogue):
    assert titles(list_methods(anonymous, filters("stage=evidence"))) == ["Housing First", "Peer-mentorer"]
    assert titles(list_methods(anonymous, filters("stage=method"))) == ["IPS-beskæftigelse"]


def test_filter_by_declaration_levels(catalogue):
    assert titles(list_methods(anonymous, filters("effekt=A"))) == ["Housing First", "Peer-mentorer"]
    assert titles(list_methods(anonymous, filters("effekt=A&metode=C"))) == ["Peer-mentorer"]
    assert titles(list_methods(anonymous, filters("oekonomi=A"))) == []


def test_filters_combine(catalogue):
    second = catalogue["groups"][1]

    assert titles(list_methods(anonymous, filters(f"target_group={second.slug}&stage=method"))) == ["IPS-beskæftigelse"]


def test_an_unknown_filter_value_matches_nothing(catalogue):
    assert titles(list_methods(anonymous, filters("target_group=findes-ikke"))) == []


# ---- facets --------------------------------------------------------------------------------------


def by_name(groups):
    return {group["name"]: group for group in groups}


def test_facets_count_the_visible_methods(catalogue):
    make_method(title="Kladde", live=False, declaration_effekt="B")

    groups = by_name(queries.facets(anonymous, MethodFilters()))

    assert [(row["value"], row["count"]) for row in groups["stage"]["rows"]] == [("method", 1), ("evidence", 2)]
    assert [(row["value"], row["count"]) for row in groups["effekt"]["rows"]] == [("A", 2), ("C", 1)]
    first, second = catalogue["groups"]
    assert {row["value"]: row["count"] for row in groups["target_group"]["rows"]} == {first.slug: 1, second.slug: 2}
    assert groups["effekt"]["label"] == "Viden om effekt"
    assert "oekonomi" not in groups  # no method is rated on economy


def test_editors_facets_count_drafts(catalogue, editor):
    make_method(title="Kladde", live=False, declaration_effekt="B")

    groups = by_name(queries.facets(editor, MethodFilters()))

    assert [(row["value"], row["count"]) for row in groups["effekt"]["rows"]] == [("A", 2), ("B", 1), ("C", 1)]


def test_a_facet_ignores_its_own_filter_but_not_the_others(catalogue):
    groups = by_name(queries.facets(anonymous, filters("effekt=A&stage=evidence")))

    assert groups["effekt"]["active"] == "A"
    # Other effect levels stay offered, counted within stage=evidence.
    assert [(row["value"], row["count"]) for row in groups["effekt"]["rows"]] == [("A", 2)]
    assert [(row["value"], row["count"]) for row in groups["stage"]["rows"]] == [("evidence", 2)]
    assert [(row["value"], row["count"]) for row in groups["metode"]["rows"]] == [("B", 1), ("C", 1)]


def test_an_active_filter_with_no_matches_keeps_its_group(catalogue):
    groups = by_name(queries.facets(anonymous, filters("oekonomi=A")))

    assert groups["oekonomi"]["active"] == "A"
    assert groups["oekonomi"]["rows"] == []


# ---- a method's page context ---------------------------------------------------------------------


def test_method_context_of_a_bare_method(staff):
    method = make_method()

    context = queries.method_context(method, staff)

    assert context["assessment"] is None
    assert context["profile_chart"] is None
    assert context["declaration_chart"] is None
    assert context["origins"] == []
    assert list(context["research"]) == []
    assert not context["can_edit_method"]


def test_method_context_of_a_full_method(editor):
    older = ResearchItemFactory(title="Første evaluering", year=2015)
    newer = ResearchItemFactory(title="Andet studie", year=2022)
    method = make_method(
        research=[older, newer],
        declaration_effekt="B",
        declaration_effekt_justification="To studier.",
        indicators=[{"name": "Andel i egen bolig", "unit": "procent", "direction": "up"}],
    )
    first, second = IdeaFactory(title="Første idé"), IdeaFactory(title="Anden idé")
    services.promote(editor, first, into=method)
    services.promote(editor, second, into=method)
    services.assess(editor, method, scores=full_scores(1), conclusion=Conclusion.NOT_YET)
    latest = services.assess(editor, method, scores=full_scores(3), conclusion=Conclusion.PROMISING)

    context = queries.method_context(method, editor)

    assert context["assessment"] == latest
    assert [bar["score"] for bar in context["profile_chart"]["bars"]] == [3] * 11
    assert context["declaration_chart"] is not None
    assert context["declaration"][3] == (Dimension.EFFECT, "B", "To studier.")
    assert context["origins"] == [first, second]
    assert list(context["research"]) == [newer, older]
    assert [indicator.name for indicator in context["indicators"]] == ["Andel i egen bolig"]
    assert context["can_edit_method"]


def test_description_groups_gather_consecutive_steps():
    step = {"title": "Trin", "body": "<p>Gør det.</p>", "duration": ""}
    method = make_method(
        description=[
            ("paragraph", "<p>Indledning</p>"),
            ("step", step),
            ("step", step),
            ("quote", {"text": "Det hjalp.", "attribution": "Borger"}),
            ("step", step),
        ]
    )

    groups = description_groups(method.description)

    assert [(group["steps"], len(group["blocks"])) for group in groups] == [
        (False, 1),
        (True, 2),
        (False, 1),
        (True, 1),
    ]


# ---- the method's own stage and declaration ------------------------------------------------------


@pytest.mark.parametrize(
    ("effekt", "stage"),
    [("A", Stage.EVIDENCE), ("B", Stage.EVIDENCE), ("C", Stage.METHOD), ("D", Stage.METHOD), ("", Stage.METHOD)],
)
def test_a_method_is_evidence_when_its_effect_is_a_or_b(effekt, stage):
    assert make_method(declaration_effekt=effekt).stage == stage


def test_the_stage_follows_a_changed_declaration():
    method = make_method(declaration_effekt="A")

    method.declaration_effekt = "C"
    method.save()

    method.refresh_from_db()
    assert method.stage == Stage.METHOD


def test_declaration_in_the_vidensportal_order():
    method = make_method(
        declaration_maalgruppe="A", declaration_oekonomi="D", declaration_oekonomi_justification="Ukendt."
    )

    assert [row[0] for row in method.declaration()] == list(Dimension)
    assert method.declaration()[4] == (Dimension.ECONOMY, "D", "Ukendt.")
    assert method.declaration_levels() == {
        "maalgruppe": "A",
        "metode": None,
        "implementering": None,
        "effekt": None,
        "oekonomi": "D",
    }

"""The methods API: the catalogue and one method (the public sees published methods, editors also drafts
with their status), assessments of ideas and methods, and promotion — who may, the shapes of the answers,
and 422 bodies that name the element that is wrong."""

import pytest

from ideabank.accounts.roles import Role
from ideabank.ideas.models import Idea, Stage
from ideabank.methods import services
from ideabank.methods.elements import element_keys
from ideabank.methods.models import Assessment, AssessmentScore, MethodPage, Promotion
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import IdeaFactory, ResearchItemFactory, UserFactory, full_scores, make_method

pytestmark = pytest.mark.django_db

RESULT_KEYS = {"id", "title", "url", "stage", "declaration", "adoptions"}
DETAIL_KEYS = RESULT_KEYS | {
    "summary",
    "target_groups",
    "themes",
    "tags",
    "assessment",
    "declaration",
    "origin_ideas",
    "research",
    "indicators",
}


@pytest.fixture
def idea(staff):
    group = TargetGroup.objects.order_by("name").first()
    return IdeaFactory(author=staff, title="Fast kontaktperson efter anbringelse", target_groups=[group])


def post(client, path, body=None, **headers):
    return client.post(f"/api/v1{path}", body if body is not None else {}, content_type="application/json", **headers)


def as_role(role, token_for):
    """Headers for a fresh user in `role`, or none for an anonymous caller."""
    return {} if role is None else token_for(UserFactory(role=role))


# ---- GET /methods --------------------------------------------------------------------------------


def test_the_list_has_counts_results_and_facets(client):
    make_method(title="Housing First", declaration_effekt="A", declaration_metode="B")
    make_method(title="Peer-mentorer")

    response = client.get("/api/v1/methods")

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["pages"]) == (2, 1, 1)
    first = body["results"][0]
    assert set(first) == RESULT_KEYS
    assert first["title"] == "Housing First"
    assert first["url"] == "http://testserver/metoder/housing-first/"
    assert first["stage"] == "evidence"
    assert first["declaration"] == {
        "maalgruppe": None,
        "metode": "B",
        "implementering": None,
        "effekt": "A",
        "oekonomi": None,
    }
    assert first["adoptions"] == 0
    assert body["facets"]["stage"] == [
        {"value": "method", "label": "Dokumenteret metode", "count": 1},
        {"value": "evidence", "label": "Effektdokumenteret", "count": 1},
    ]
    assert body["facets"]["effekt"] == [{"value": "A", "label": "A", "count": 1}]


@pytest.mark.parametrize("role", [None, Role.MEDARBEJDER, Role.MODERATOR])
def test_the_public_sees_published_methods_without_a_status(client, token_for, role):
    make_method(title="Housing First")
    make_method(title="Hemmelig kladde", live=False)

    body = client.get("/api/v1/methods", **as_role(role, token_for)).json()

    assert [result["title"] for result in body["results"]] == ["Housing First"]
    assert "status" not in body["results"][0]
    assert body["count"] == 1


@pytest.mark.parametrize("role", [Role.REDAKTOER, Role.ADMINISTRATOR])
def test_editors_see_drafts_with_their_status(client, token_for, role):
    make_method(title="Housing First")
    make_method(title="Kladde", live=False)
    in_review = make_method(title="Til godkendelse", live=False)
    in_review.get_workflow().start(in_review, UserFactory(role=Role.REDAKTOER))

    body = client.get("/api/v1/methods", **token_for(UserFactory(role=role))).json()

    assert {result["title"]: result["status"] for result in body["results"]} == {
        "Housing First": "live",
        "Kladde": "draft",
        "Til godkendelse": "in_review",
    }


def test_the_list_filters(client):
    group = TargetGroup.objects.order_by("name").first()
    theme = Theme.objects.order_by("name").first()
    make_method(title="Housing First", target_groups=[group], themes=[theme], declaration_effekt="A")
    make_method(title="IPS-beskæftigelse", target_groups=[group], declaration_effekt="C")
    make_method(title="Peer-mentorer", declaration_effekt="A")

    def titles(**query):
        return [result["title"] for result in client.get("/api/v1/methods", query).json()["results"]]

    assert titles(target_group=group.slug) == ["Housing First", "IPS-beskæftigelse"]
    assert titles(theme=theme.slug) == ["Housing First"]
    assert titles(stage="evidence") == ["Housing First", "Peer-mentorer"]
    assert titles(effekt="A", target_group=group.slug) == ["Housing First"]
    assert titles(sort="newest") == ["Peer-mentorer", "IPS-beskæftigelse", "Housing First"]


def test_a_bad_sort_or_page_is_422_and_a_page_beyond_the_last_is_empty(client):
    make_method()

    assert client.get("/api/v1/methods", {"sort": "votes"}).status_code == 422
    assert client.get("/api/v1/methods", {"page": -3}).status_code == 422
    beyond = client.get("/api/v1/methods", {"page": 999}).json()
    assert (beyond["count"], beyond["results"], beyond["previous"]) == (1, [], "/api/v1/methods?page=1")


# ---- GET /methods/{id} ---------------------------------------------------------------------------


@pytest.fixture
def documented(editor, idea):
    research = ResearchItemFactory(title="Housing First i Danmark", year=2013, design="quasi", link="")
    method = make_method(
        live=False,
        title="Housing First",
        summary="Først en bolig, så støtte.",
        tags=["bolig"],
        target_groups=list(idea.target_groups.all()),
        research=[research],
        indicators=[{"name": "Andel i egen bolig", "unit": "procent", "direction": "up"}],
        declaration_effekt="B",
        declaration_effekt_justification="To kvasi-eksperimentelle studier.",
    )
    services.promote(editor, idea, into=method)
    services.assess(editor, method, scores=full_scores(3, maal=1), conclusion="promising")
    method.save_revision().publish()
    return MethodPage.objects.get(pk=method.pk)


def test_the_detail_has_everything_a_method_documents(client, documented, idea, editor):
    response = client.get(f"/api/v1/methods/{documented.pk}")

    assert response.status_code == 200
    body = response.json()
    assert DETAIL_KEYS <= set(body)  # issue #7 adds the method's spread
    assert (body["id"], body["title"], body["summary"]) == (
        documented.pk,
        "Housing First",
        "Først en bolig, så støtte.",
    )
    assert body["stage"] == "evidence"
    assert body["tags"] == ["bolig"]
    assert body["target_groups"] == [{"slug": g.slug, "name": g.name} for g in idea.target_groups.all()]
    assert body["themes"] == []
    assert body["declaration"]["effekt"] == {"level": "B", "justification": "To kvasi-eksperimentelle studier."}
    assert body["declaration"]["oekonomi"] == {"level": None, "justification": ""}
    assert list(body["declaration"]) == ["maalgruppe", "metode", "implementering", "effekt", "oekonomi"]
    assessment = body["assessment"]
    assert (assessment["conclusion"], assessment["suggested"]) == ("promising", "promising")
    assert assessment["assessor"] == editor.display_name
    assert set(assessment["scores"]) == set(element_keys())
    assert assessment["scores"]["maal"] == {"score": 1, "justification": "Begrundelse for maal."}
    assert body["origin_ideas"] == [
        {
            "id": idea.pk,
            "title": idea.title,
            "url": f"http://testserver/ideer/{idea.pk}/",
            "author": idea.author.display_name,
            "organisation": {"slug": idea.organisation.slug, "name": idea.organisation.name},
        }
    ]
    assert body["research"] == [
        {
            "title": "Housing First i Danmark",
            "authors": "Hansen, M. og Jensen, K.",
            "year": 2013,
            "link": None,
            "design": "quasi",
            "findings": "Flere borgere beholdt deres bolig efter et år end i sammenligningsgruppen.",
        }
    ]
    [indicator] = body["indicators"]
    assert {key: indicator[key] for key in ("name", "unit", "direction")} == {
        "name": "Andel i egen bolig",
        "unit": "procent",
        "direction": "up",
    }


def test_a_bare_method_has_empty_parts(client):
    method = make_method()

    body = client.get(f"/api/v1/methods/{method.pk}").json()

    assert body["assessment"] is None
    assert body["origin_ideas"] == body["research"] == body["indicators"] == []


@pytest.mark.parametrize("role", [None, Role.MEDARBEJDER, Role.MODERATOR])
def test_a_draft_is_404_for_the_public(client, token_for, role):
    draft = make_method(live=False)

    response = client.get(f"/api/v1/methods/{draft.pk}", **as_role(role, token_for))

    assert response.status_code == 404
    assert response.json() == {"detail": "Findes ikke."}


def test_editors_read_a_draft_with_its_status(client, token_for, editor):
    draft = make_method(live=False)

    body = client.get(f"/api/v1/methods/{draft.pk}", **token_for(editor)).json()

    assert body["status"] == "draft"


@pytest.mark.parametrize("pk", [987654, 0, 2**70])
def test_unknown_methods_are_404(client, pk):
    assert client.get(f"/api/v1/methods/{pk}").status_code == 404


# ---- POST /ideas/{id}/assessments and /methods/{id}/assessments ----------------------------------


def assess_body(conclusion="promising", **overrides):
    return {"scores": full_scores(2, **overrides), "conclusion": conclusion}


def nothing_assessed():
    return not Assessment.objects.exists() and not AssessmentScore.objects.exists()


ASSESS_MATRIX = [
    (None, 401),
    (Role.MEDARBEJDER, 403),
    (Role.MODERATOR, 403),
    (Role.REDAKTOER, 201),
    (Role.ADMINISTRATOR, 201),
]


@pytest.mark.parametrize(("role", "status"), ASSESS_MATRIX)
def test_who_may_assess_an_idea(client, token_for, idea, role, status):
    response = post(client, f"/ideas/{idea.pk}/assessments", assess_body(), **as_role(role, token_for))

    assert response.status_code == status
    assert Assessment.objects.filter(idea=idea).exists() is (status == 201)
    idea.refresh_from_db()
    assert idea.stage == (Stage.PROMISING if status == 201 else Stage.IDEA)


@pytest.mark.parametrize(("role", "status"), ASSESS_MATRIX)
def test_who_may_assess_a_method(client, token_for, role, status):
    method = make_method()

    response = post(client, f"/methods/{method.pk}/assessments", assess_body(), **as_role(role, token_for))

    assert response.status_code == status
    assert Assessment.objects.filter(method=method).exists() is (status == 201)


def test_a_refusal_says_why(client, token_for, idea):
    response = post(client, f"/ideas/{idea.pk}/assessments", assess_body(), **token_for(UserFactory()))

    assert response.json() == {"detail": "Kun redaktører kan gøre dette."}


def test_a_created_assessment_is_returned(client, token_for, editor, idea):
    response = post(client, f"/ideas/{idea.pk}/assessments", assess_body("not_yet", virkning=3), **token_for(editor))

    body = response.json()
    assert set(body) == {"id", "conclusion", "suggested", "created", "assessor", "scores"}
    assert (body["conclusion"], body["suggested"]) == ("not_yet", "promising")
    assert body["scores"]["virkning"] == {"score": 3, "justification": "Begrundelse for virkning."}
    assert body["id"] == Assessment.objects.get().pk


def test_an_editor_can_assess_a_draft_method(client, token_for, editor):
    draft = make_method(live=False)

    assert post(client, f"/methods/{draft.pk}/assessments", assess_body(), **token_for(editor)).status_code == 201


def test_a_non_editor_cannot_learn_about_a_draft_method(client, token_for):
    draft = make_method(live=False)

    response = post(client, f"/methods/{draft.pk}/assessments", assess_body(), **token_for(UserFactory()))

    assert response.status_code == 403
    assert nothing_assessed()


def without(key):
    body = assess_body()
    del body["scores"][key]
    return body


@pytest.mark.parametrize(
    ("body", "key", "message"),
    [
        (without("monitorering"), "monitorering", "Monitorering: mangler en score."),
        (assess_body(virkning=-1), "virkning", "Virkning: scoren skal være et helt tal fra 0 til 3."),
        (assess_body(virkning=4), "virkning", "Virkning: scoren skal være et helt tal fra 0 til 3."),
        (assess_body(maal={"score": 2, "justification": "  "}), "maal", "Mål: mangler en begrundelse."),
        (assess_body(maal={"score": 2}), "maal", "Mål: mangler en begrundelse."),
        (
            assess_body(oekonomi={"score": 1, "justification": "Se sagen for 010190-1234."}),
            "oekonomi",
            "Økonomi: ",
        ),
        (
            {"scores": {**full_scores(), "hemmelig": {"score": 1, "justification": "x"}}, "conclusion": "not_yet"},
            "hemmelig",
            "Hemmelig: ukendt element",
        ),
    ],
)
def test_bad_scores_are_422_naming_the_element(client, token_for, editor, idea, body, key, message):
    response = post(client, f"/ideas/{idea.pk}/assessments", body, **token_for(editor))

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [row["field"] for row in detail] == [key]
    assert detail[0]["msg"].startswith(message)
    assert nothing_assessed()
    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA


@pytest.mark.parametrize("score", ["x", "2", 2.0, 2.5, True, None])
def test_a_score_that_is_not_a_whole_number_is_422(client, token_for, editor, idea, score):
    body = assess_body(virkning={"score": score, "justification": "Begrundet."})

    response = post(client, f"/ideas/{idea.pk}/assessments", body, **token_for(editor))

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert "virkning" in error["loc"] or error.get("field") == "virkning"
    assert nothing_assessed()


@pytest.mark.parametrize(
    "body",
    [
        {"scores": full_scores()},
        {"scores": full_scores(), "conclusion": "maybe"},
        {"conclusion": "promising"},
        {"scores": [], "conclusion": "promising"},
    ],
)
def test_a_malformed_body_is_422(client, token_for, editor, idea, body):
    response = post(client, f"/ideas/{idea.pk}/assessments", body, **token_for(editor))

    assert response.status_code == 422
    assert nothing_assessed()


def test_every_wrong_element_is_named_at_once(client, token_for, editor, idea):
    body = without("opfoelgning")
    body["scores"]["virkning"]["score"] = 9

    response = post(client, f"/ideas/{idea.pk}/assessments", body, **token_for(editor))

    assert sorted(row["field"] for row in response.json()["detail"]) == ["opfoelgning", "virkning"]


@pytest.mark.parametrize("status", [Idea.Status.PENDING, Idea.Status.HIDDEN])
def test_an_idea_that_is_not_public_is_422_for_editors(client, token_for, editor, status):
    idea = IdeaFactory(status=status)

    response = post(client, f"/ideas/{idea.pk}/assessments", assess_body(), **token_for(editor))

    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": None, "msg": "Kun offentliggjorte idéer kan vurderes."}]


def test_someone_elses_draft_idea_is_404(client, token_for, editor):
    draft = IdeaFactory(status=Idea.Status.DRAFT)

    assert post(client, f"/ideas/{draft.pk}/assessments", assess_body(), **token_for(editor)).status_code == 404


def test_session_callers_need_the_csrf_token(editor, idea, verified_login):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    verified_login(client, editor)

    response = post(client, f"/ideas/{idea.pk}/assessments", assess_body())

    assert response.status_code == 403
    assert nothing_assessed()


# ---- POST /ideas/{id}/promote --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 401), (Role.MEDARBEJDER, 403), (Role.MODERATOR, 403), (Role.REDAKTOER, 201), (Role.ADMINISTRATOR, 201)],
)
def test_who_may_promote(client, token_for, idea, role, status):
    response = post(client, f"/ideas/{idea.pk}/promote", **as_role(role, token_for))

    assert response.status_code == status
    assert Promotion.objects.filter(idea=idea).exists() is (status == 201)
    assert MethodPage.objects.exists() is (status == 201)


def test_promotion_is_201_then_200_with_the_same_method(client, token_for, editor, idea):
    headers = token_for(editor)

    first = post(client, f"/ideas/{idea.pk}/promote", **headers)
    second = post(client, f"/ideas/{idea.pk}/promote", **headers)

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    method = MethodPage.objects.get()
    assert first.json() == {
        "method": {"id": method.pk, "url": f"http://testserver{method.url}", "status": "draft"},
    }
    assert Promotion.objects.count() == 1


def test_promotion_works_with_an_empty_body(client, token_for, editor, idea):
    response = client.post(f"/api/v1/ideas/{idea.pk}/promote", "", content_type="application/json", **token_for(editor))

    assert response.status_code == 201


def test_promoting_into_an_existing_method(client, token_for, editor, idea):
    method = make_method(title="Efterværn med fast voksen")

    response = post(client, f"/ideas/{idea.pk}/promote", {"method": method.pk}, **token_for(editor))

    assert response.status_code == 201
    assert response.json()["method"] == {"id": method.pk, "url": f"http://testserver{method.url}", "status": "live"}
    assert Promotion.objects.get(idea=idea).method == method
    assert MethodPage.objects.count() == 1


@pytest.mark.parametrize("pk", [987654, 0, -1, 2**70])
def test_promoting_into_an_unknown_method_is_404(client, token_for, editor, idea, pk):
    response = post(client, f"/ideas/{idea.pk}/promote", {"method": pk}, **token_for(editor))

    assert response.status_code == 404
    assert not Promotion.objects.exists()


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (Idea.Status.PENDING, "Idéen afventer godkendelse og kan ikke løftes til metode endnu."),
        (Idea.Status.HIDDEN, "Idéen er skjult af en moderator og kan ikke løftes til metode."),
        (Idea.Status.MERGED, "Idéen er lagt sammen med en anden idé; løft den anden i stedet."),
    ],
)
def test_refused_ideas_are_422_with_the_reason(client, token_for, editor, status, reason):
    idea = IdeaFactory(status=status)

    response = post(client, f"/ideas/{idea.pk}/promote", **token_for(editor))

    assert response.status_code == 422
    assert response.json()["errors"] == response.json()["detail"] == [{"field": None, "msg": reason}]
    assert not MethodPage.objects.exists() and not Promotion.objects.exists()


def test_someone_elses_draft_idea_cannot_be_promoted(client, token_for, editor):
    draft = IdeaFactory(status=Idea.Status.DRAFT)

    response = post(client, f"/ideas/{draft.pk}/promote", **token_for(editor))

    assert response.status_code == 404
    assert not MethodPage.objects.exists()


def test_an_editors_own_draft_idea_is_422(client, token_for, editor):
    draft = IdeaFactory(status=Idea.Status.DRAFT, author=editor)

    response = post(client, f"/ideas/{draft.pk}/promote", **token_for(editor))

    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Idéen er en kladde og kan ikke løftes til metode."
    assert not MethodPage.objects.exists()


def test_promoting_an_unknown_idea_is_404(client, token_for, editor):
    assert post(client, "/ideas/987654/promote", **token_for(editor)).status_code == 404

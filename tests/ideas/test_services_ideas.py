"""Posting and editing ideas (issue #3 §1–2): draft, published or pending, who may edit, the
personal-data guard (nothing stored on a hit) and free tags cleaned case-insensitively."""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from taggit.models import Tag

from ideabank.ideas import services
from ideabank.ideas.models import TEXT_MAX, TITLE_MAX, Idea
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
CPR_TEXT = "Borgeren (010190-1234) fik en fast kontaktperson."


def fields(**overrides):
    return {
        "title": "Fast kontaktperson til unge efter anbringelse",
        "problem": "Unge mister alle voksne på én gang, når anbringelsen slutter.",
        "solution": "En fast kontaktperson følger den unge i to år.",
        "context": "Efterværn i Aarhus.",
        "results": "Færre unge droppede ud af uddannelse.",
    } | overrides


def in_db(idea):
    return Idea.objects.get(pk=idea.pk)


# ---- create ---------------------------------------------------------------------------------


def test_a_published_idea_belongs_to_the_authors_organisation(staff):
    target_group = TargetGroup.objects.create(name="Unge i efterværn")
    theme = Theme.objects.create(name="Efterværn og overgange")

    idea = services.create_idea(
        staff, data=fields(), target_groups=[target_group], themes=[theme], tags=["Mentor"], publish=True
    )

    idea = in_db(idea)
    assert idea.status == Idea.Status.PUBLISHED
    assert idea.published_at is not None
    assert idea.author == staff
    assert idea.organisation == staff.organisation
    assert list(idea.target_groups.all()) == [target_group]
    assert list(idea.themes.all()) == [theme]
    assert list(idea.tags.names()) == ["Mentor"]
    assert (idea.vote_count, idea.comment_count, idea.stage) == (0, 0, "idea")


def test_a_draft_stays_private_to_its_author(staff, colleague, moderator, editor):
    idea = services.create_idea(staff, data=fields(), publish=False)

    assert in_db(idea).status == Idea.Status.DRAFT
    assert in_db(idea).published_at is None
    assert services.can_view(staff, idea)
    for user in (AnonymousUser(), colleague, moderator, editor):
        assert not services.can_view(user, idea)


@override_settings(IDEABANK_PREMODERATION=True)
def test_with_pre_moderation_a_new_idea_waits_for_a_moderator(staff, colleague, moderator):
    idea = services.create_idea(staff, data=fields(), publish=True)

    assert in_db(idea).status == Idea.Status.PENDING
    assert in_db(idea).published_at is None
    assert services.can_view(staff, idea)
    assert services.can_view(moderator, idea)
    assert not services.can_view(colleague, idea)
    assert not services.can_view(AnonymousUser(), idea)


@override_settings(IDEABANK_PREMODERATION=True)
def test_with_pre_moderation_a_draft_is_still_a_draft(staff):
    idea = services.create_idea(staff, data=fields(), publish=False)
    assert in_db(idea).status == Idea.Status.DRAFT


def test_anonymous_visitors_cannot_post():
    with pytest.raises(PermissionDenied):
        services.create_idea(AnonymousUser(), data=fields())
    assert not Idea.objects.exists()


def test_a_user_without_an_organisation_cannot_post():
    with pytest.raises(PermissionDenied):
        services.create_idea(UserFactory(organisation=None), data=fields())
    assert not Idea.objects.exists()


def test_a_blocked_user_cannot_post(staff):
    staff.is_active = False
    staff.save()
    with pytest.raises(PermissionDenied):
        services.create_idea(staff, data=fields())
    assert not Idea.objects.exists()


def test_title_problem_and_solution_are_required(staff):
    with pytest.raises(ValidationError) as caught:
        services.create_idea(staff, data=fields(title="", problem="", solution="", context="", results=""))

    assert {"title", "problem", "solution"} <= set(caught.value.message_dict)
    assert not {"context", "results"} & set(caught.value.message_dict)
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    ("field", "limit"),
    [("title", TITLE_MAX), ("problem", TEXT_MAX), ("solution", TEXT_MAX), ("context", TEXT_MAX), ("results", TEXT_MAX)],
)
def test_lengths_are_limited(staff, field, limit):
    services.create_idea(staff, data=fields(**{field: "x" * limit}))

    with pytest.raises(ValidationError) as caught:
        services.create_idea(staff, data=fields(**{field: "x" * (limit + 1)}))

    assert field in caught.value.message_dict
    assert Idea.objects.count() == 1


@pytest.mark.parametrize("field", ["title", "problem", "solution", "context", "results"])
def test_a_cpr_number_in_any_field_is_refused_naming_the_field_and_nothing_is_stored(staff, field):
    text = "Sag 010190-1234" if field == "title" else CPR_TEXT

    with pytest.raises(ValidationError) as caught:
        services.create_idea(staff, data=fields(**{field: text}), tags=["Mentor"])

    assert list(caught.value.message_dict) == [field]
    assert "CPR" in caught.value.message_dict[field][0]
    assert not Idea.objects.exists()
    assert not Tag.objects.exists()


def test_a_cpr_number_in_a_tag_is_refused_and_nothing_is_stored(staff):
    with pytest.raises(ValidationError) as caught:
        services.create_idea(staff, data=fields(), tags=["Mentor", "0101901234"])

    assert "tags" in caught.value.message_dict
    assert not Idea.objects.exists()
    assert not Tag.objects.exists()


def test_a_number_that_is_not_a_date_is_accepted(staff):
    idea = services.create_idea(staff, data=fields(problem="Journalnr. 320190-1234 og tlf. +45 12345678"))
    assert in_db(idea).problem.startswith("Journalnr.")


@pytest.mark.parametrize("field", ["title", "problem"])
def test_control_characters_are_refused(staff, field):
    with pytest.raises(ValidationError) as caught:
        services.create_idea(staff, data=fields(**{field: "Før\x00efter"}))

    assert field in caught.value.message_dict
    assert not Idea.objects.exists()


def test_line_breaks_are_kept(staff):
    idea = services.create_idea(staff, data=fields(solution="Trin 1\nTrin 2\r\n\tTrin 3"))
    assert in_db(idea).solution == "Trin 1\nTrin 2\r\n\tTrin 3"


# ---- tags -----------------------------------------------------------------------------------


def test_tags_are_trimmed_and_de_duplicated_case_insensitively(staff):
    idea = services.create_idea(staff, data=fields(), tags=["Unge", "unge", "  UNGE ", "psykisk   sårbare", "", "  "])

    assert sorted(idea.tags.names()) == ["Unge", "psykisk sårbare"]


def test_an_existing_tag_is_reused_whatever_its_case(staff, colleague):
    services.create_idea(staff, data=fields(), tags=["Housing First"])

    second = services.create_idea(colleague, data=fields(title="Anden idé"), tags=["HOUSING first"])

    assert Tag.objects.count() == 1
    assert list(second.tags.names()) == ["Housing First"]


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite folds only ASCII letters, so Æ/æ differ there")
def test_an_existing_tag_with_danish_letters_is_reused_whatever_its_case(staff, colleague):
    services.create_idea(staff, data=fields(), tags=["Efterværn"])

    second = services.create_idea(colleague, data=fields(title="Anden idé"), tags=["EFTERVÆRN"])

    assert Tag.objects.count() == 1
    assert list(second.tags.names()) == ["Efterværn"]


def test_clean_tags_keeps_the_first_spelling_and_the_order():
    assert services.clean_tags(["Mentor", " efterværn ", "MENTOR", "Efterværn", "Bolig"]) == [
        "Mentor",
        "efterværn",
        "Bolig",
    ]


def test_clean_tags_refuses_control_characters():
    with pytest.raises(ValidationError) as caught:
        services.clean_tags(["Men\x07tor"])
    assert "tags" in caught.value.message_dict


# ---- update ---------------------------------------------------------------------------------


@pytest.fixture
def idea(staff):
    return services.create_idea(staff, data=fields(), tags=["Mentor"])


def test_the_author_edits_their_idea(idea, staff):
    services.update_idea(staff, idea, data={"title": "Ny titel"}, tags=["Bolig", "bolig"])

    idea = in_db(idea)
    assert idea.title == "Ny titel"
    assert list(idea.tags.names()) == ["Bolig"]


def test_an_editor_may_edit_any_idea(idea, editor):
    services.update_idea(editor, idea, data={"title": "Redigeret af redaktionen"})
    assert in_db(idea).title == "Redigeret af redaktionen"


@pytest.mark.parametrize("who", ["colleague", "outsider", "moderator"])
def test_nobody_else_edits_the_idea(idea, who, request):
    user = request.getfixturevalue(who)
    assert not services.can_edit(user, idea)

    with pytest.raises(PermissionDenied):
        services.update_idea(user, idea, data={"title": "Overtaget"}, tags=["Overtaget"])

    assert in_db(idea).title == fields()["title"]
    assert list(in_db(idea).tags.names()) == ["Mentor"]


def test_anonymous_visitors_cannot_edit(idea):
    assert not services.can_edit(AnonymousUser(), idea)
    with pytest.raises(PermissionDenied):
        services.update_idea(AnonymousUser(), idea, data={"title": "Overtaget"})


def test_leaving_vocabularies_out_keeps_them_and_an_empty_list_clears_them(staff):
    target_group = TargetGroup.objects.create(name="Unge på gaden")
    idea = services.create_idea(staff, data=fields(), target_groups=[target_group], tags=["Mentor"])

    services.update_idea(staff, idea, data={"title": "Kun titlen"})
    assert list(in_db(idea).target_groups.all()) == [target_group]
    assert list(in_db(idea).tags.names()) == ["Mentor"]

    services.update_idea(staff, idea, data={}, target_groups=[], tags=[])
    assert not in_db(idea).target_groups.exists()
    assert not in_db(idea).tags.exists()


def test_publishing_a_draft_sets_the_publication_time(staff):
    idea = services.create_idea(staff, data=fields(), publish=False)

    services.update_idea(staff, idea, data={}, publish=True)

    assert in_db(idea).status == Idea.Status.PUBLISHED
    assert in_db(idea).published_at is not None


@override_settings(IDEABANK_PREMODERATION=True)
def test_with_pre_moderation_publishing_a_draft_makes_it_pending(staff):
    idea = services.create_idea(staff, data=fields(), publish=False)

    services.update_idea(staff, idea, data={}, publish=True)

    assert in_db(idea).status == Idea.Status.PENDING
    assert in_db(idea).published_at is None


def test_editing_keeps_the_first_publication_time(idea, staff):
    first = in_db(idea).published_at

    services.update_idea(staff, idea, data={"title": "Ny titel"}, publish=True)

    assert in_db(idea).published_at == first


def test_an_edit_with_a_cpr_number_changes_nothing(idea, staff):
    with pytest.raises(ValidationError) as caught:
        services.update_idea(staff, idea, data={"results": CPR_TEXT}, tags=["Bolig"])

    assert "results" in caught.value.message_dict
    assert in_db(idea).results == fields()["results"]
    assert list(in_db(idea).tags.names()) == ["Mentor"]


def test_a_cpr_number_in_an_edited_tag_changes_nothing(idea, staff):
    with pytest.raises(ValidationError):
        services.update_idea(staff, idea, data={"title": "Ny titel"}, tags=["010190-1234"])

    assert in_db(idea).title == fields()["title"]
    assert list(in_db(idea).tags.names()) == ["Mentor"]


def test_a_merged_idea_cannot_be_edited(staff, outsider, moderator):
    duplicate = IdeaFactory(author=staff)
    services.merge(moderator, duplicate, IdeaFactory(author=outsider))
    duplicate.refresh_from_db()

    with pytest.raises(PermissionDenied):
        services.update_idea(staff, duplicate, data={"title": "Genoplivet"})


@pytest.mark.parametrize(
    ("status", "data"),
    [
        (Idea.Status.HIDDEN, {"status": Idea.Status.PUBLISHED}),
        (Idea.Status.PENDING, {"status": Idea.Status.PUBLISHED}),
        (Idea.Status.PUBLISHED, {"vote_count": 500}),
        (Idea.Status.PUBLISHED, {"stage": "evidence"}),
    ],
)
def test_an_author_cannot_set_what_only_the_rules_may_change(staff, status, data):
    """`data` holds the writer's text; status, stage and counters follow from the rules (moderation,
    votes, editors), so an edit must not move them — whether it refuses or ignores them."""
    idea = IdeaFactory(author=staff, status=status)
    before = Idea.objects.values("status", "stage", "vote_count").get(pk=idea.pk)

    try:
        services.update_idea(staff, idea, data=data)
    except (ValidationError, PermissionDenied, TypeError):
        pass

    assert Idea.objects.values("status", "stage", "vote_count").get(pk=idea.pk) == before

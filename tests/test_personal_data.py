"""The guard is the default for every text field (issue #14): the system check finds a text field without
it, and `scan_personal_data` finds, lists and (with --hide) hides what an older guard let through."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import models
from wagtail.models import ModelLogEntry

from ideabank.ideas import services
from ideabank.ideas.models import Comment, Idea
from ideabank.personal_data import NOT_TYPED_TEXT, check_user_text_is_guarded, is_guarded, user_text_fields
from tests.factories import IdeaFactory, UserFactory

CPR = "010190 1234"


def test_every_user_text_field_of_the_project_is_guarded():
    assert check_user_text_is_guarded() == []
    fields = {f"{model._meta.label}.{field.name}" for model, field in user_text_fields()}
    assert {
        "ideas.Idea.title",
        "ideas.Comment.body",
        "accounts.User.display_name",
        "spread.OutcomeReport.note",
    } <= fields
    assert all(is_guarded(field) for _model, field in user_text_fields())


def test_a_text_field_added_without_the_guard_fails_the_check(monkeypatch):
    field = Idea._meta.get_field("problem")
    monkeypatch.setattr(
        field, "validators", [v for v in field.validators if not is_guarded(models.Field(validators=[v]))]
    )
    errors = check_user_text_is_guarded()
    assert [error.id for error in errors] == ["ideabank.E001"]
    assert "ideas.Idea.problem" in errors[0].msg


def test_every_exemption_names_a_real_field_and_a_reason():
    from django.apps import apps

    for key, reason in NOT_TYPED_TEXT.items():
        app_label, model_name, field_name = key.split(".")
        apps.get_model(app_label, model_name)._meta.get_field(field_name)
        assert reason


def scan(*args):
    out = StringIO()
    call_command("scan_personal_data", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_scan_lists_model_id_and_field_but_never_the_number():
    idea = IdeaFactory(problem=f"Borgeren {CPR} ringede")  # stored before the guard knew this spelling
    Idea.objects.filter(pk=idea.pk).update(problem=f"Borgeren {CPR} ringede")
    clean = IdeaFactory(problem="Ring på +45 12 34 56 78")

    output = scan()

    assert f"ideas.Idea {idea.pk} problem" in output
    assert f"ideas.Idea {clean.pk} " not in output
    assert "1234" not in output.replace(f"{idea.pk}", "")
    assert "1 hit(s)" in output
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED  # listing changes nothing


@pytest.mark.django_db
def test_hide_hides_the_idea_and_the_comment_pending_a_moderator_and_logs_it():
    idea = IdeaFactory()
    Idea.objects.filter(pk=idea.pk).update(results=f"Se {CPR}")
    comment = services.add_comment(UserFactory(), IdeaFactory(), "Tak for idéen")
    Comment.objects.filter(pk=comment.pk).update(body=f"cpr {CPR}")

    output = scan("--hide")

    idea.refresh_from_db()
    comment.refresh_from_db()
    assert idea.status == Idea.Status.HIDDEN
    assert comment.status == Comment.Status.HIDDEN
    assert "2 hidden" in output
    assert ModelLogEntry.objects.filter(action="ideabank.hide", object_id=str(idea.pk), user=None).exists()


@pytest.mark.django_db
def test_a_clean_database_scans_clean():
    IdeaFactory(title="Fast kontaktperson", problem="Journalnr. 2024-123456")
    assert "0 hit(s)" in scan()

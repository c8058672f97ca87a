"""The browser's idea, comment, report and tried-report forms: required fields, lengths, control
characters and the CPR guard, all with Danish messages that say which field is wrong."""

import pytest

from ideabank.ideas.forms import CommentForm, IdeaForm, ReportForm, TriedForm, split_tags
from ideabank.ideas.models import TEXT_MAX, TITLE_MAX
from ideabank.taxonomy.models import TargetGroup, Theme

pytestmark = pytest.mark.django_db

CPR = "Borgeren 010190-1234 blev hjulpet."
CPR_MESSAGE = "Teksten ser ud til at indeholde et CPR-nummer"


def idea_data(**overrides):
    data = {
        "title": "Walk and talk med unge",
        "problem": "Unge udebliver fra samtaler på kontoret.",
        "solution": "Vi holder samtalerne på en gåtur i nærområdet.",
        "context": "",
        "results": "",
        "tags": "unge, samtaler",
    }
    data.update(overrides)
    return data


def test_a_complete_idea_is_valid_and_splits_its_tags():
    group, theme = TargetGroup.objects.first(), Theme.objects.first()
    form = IdeaForm(idea_data(target_groups=[group.pk], themes=[theme.pk]))

    assert form.is_valid(), form.errors
    arguments = form.service_arguments()
    assert arguments["data"]["title"] == "Walk and talk med unge"
    assert arguments["target_groups"] == [group]
    assert arguments["themes"] == [theme]
    assert arguments["tags"] == ["unge", "samtaler"]


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("title", "Giv idéen en titel."),
        ("problem", "Beskriv det problem, idéen løser."),
        ("solution", "Beskriv løsningen."),
    ],
)
def test_required_fields_have_their_own_danish_message(field, message):
    form = IdeaForm(idea_data(**{field: "  "}))
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_context_results_and_tags_are_optional():
    form = IdeaForm(idea_data(context="", results="", tags=""))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["tags"] == []


def test_title_is_at_most_150_characters():
    assert IdeaForm(idea_data(title="x" * TITLE_MAX)).is_valid()
    form = IdeaForm(idea_data(title="x" * (TITLE_MAX + 1)))
    assert not form.is_valid()
    assert form.errors["title"] == [f"Må højst være {TITLE_MAX} tegn. Du har skrevet {TITLE_MAX + 1}."]


@pytest.mark.parametrize("field", ["problem", "solution", "context", "results"])
def test_each_text_is_at_most_5000_characters(field):
    assert IdeaForm(idea_data(**{field: "x" * TEXT_MAX})).is_valid()
    form = IdeaForm(idea_data(**{field: "x" * (TEXT_MAX + 1)}))
    assert not form.is_valid()
    assert "Må højst være 5000 tegn" in form.errors[field][0]


@pytest.mark.parametrize("field", ["title", "problem", "solution", "context", "results"])
def test_control_characters_are_refused(field):
    form = IdeaForm(idea_data(**{field: "Tekst med \x07 klokke"}))
    assert not form.is_valid()
    assert form.errors[field] == ["Teksten indeholder usynlige kontroltegn. Fjern dem, og prøv igen."]


def test_nul_bytes_are_refused():
    form = IdeaForm(idea_data(problem="Nul\x00byte"))
    assert not form.is_valid()
    assert "problem" in form.errors


def test_tabs_and_line_breaks_are_fine():
    form = IdeaForm(idea_data(solution="Trin 1:\tmød op\r\nTrin 2:\tgå en tur"))
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("field", ["title", "problem", "solution", "context", "results"])
def test_a_cpr_number_is_refused_on_the_field_it_is_in(field):
    form = IdeaForm(idea_data(**{field: CPR}))
    assert not form.is_valid()
    assert list(form.errors) == [field]
    assert CPR_MESSAGE in form.errors[field][0]


def test_the_error_summary_names_the_field_with_the_cpr_number():
    form = IdeaForm(idea_data(solution=CPR))
    form.is_valid()
    label = form["solution"].label
    assert label == "Løsning"
    assert [f"{field.label}: {error}" for field in form for error in field.errors] == [
        f"Løsning: {form.errors['solution'][0]}"
    ]


@pytest.mark.parametrize("number", ["320190-1234", "300290-1234", "0101901"])
def test_numbers_that_are_not_real_dates_pass(number):
    assert IdeaForm(idea_data(problem=f"Sagsnummer {number}")).is_valid()


def test_a_cpr_number_in_a_tag_is_refused():
    form = IdeaForm(idea_data(tags="unge, 0101901234"))
    # The site forms' guard refuses it on the tags field already; the service refuses it too (API, admin).
    assert not form.is_valid()
    assert "CPR-nummer" in form.errors["tags"][0]


def test_too_many_tags_are_refused():
    form = IdeaForm(idea_data(tags=", ".join(f"emne{n}" for n in range(21))))
    assert not form.is_valid()
    assert form.errors["tags"] == ["Brug højst 20 emneord."]


def test_an_overlong_tag_is_refused():
    form = IdeaForm(idea_data(tags="kort, " + "x" * 101))
    assert not form.is_valid()
    assert form.errors["tags"] == ["Et emneord må højst være 100 tegn."]


@pytest.mark.parametrize(
    ("typed", "tags"),
    [
        ("", []),
        ("unge", ["unge"]),
        ("børn og unge, ensomhed", ["børn og unge", "ensomhed"]),
        (" a ,, b ,  ", ["a", "b"]),
        ("mange    mellemrum", ["mange mellemrum"]),
    ],
)
def test_tags_split_on_commas_only(typed, tags):
    assert split_tags(typed) == tags


def test_unknown_target_groups_are_refused():
    form = IdeaForm(idea_data(target_groups=["999999"]))
    assert not form.is_valid()
    assert "target_groups" in form.errors


def test_text_fields_show_a_counter_not_a_hard_stop():
    form = IdeaForm()
    html = str(form)
    assert 'class="form-group form-limit" data-maxlength="150"' in html
    assert html.count('class="form-group form-limit" data-maxlength="5000"') == 4
    for name in ("title", "problem", "solution", "context", "results"):
        assert "maxlength" not in str(form[name])


def test_the_tags_field_offers_autocomplete():
    html = str(IdeaForm()["tags"])
    assert 'list="tag-suggestions"' in html


def test_editing_shows_the_current_tags(staff):
    from tests.factories import IdeaFactory

    idea = IdeaFactory(author=staff, tags=["unge", "efterværn"])
    form = IdeaForm(instance=idea)
    assert sorted(form.initial["tags"].split(", ")) == ["efterværn", "unge"]


# ---- comments, reports, tried reports ------------------------------------------------------


def test_a_comment_needs_a_body():
    form = CommentForm({"body": " "})
    assert not form.is_valid()
    assert form.errors["body"] == ["Skriv din kommentar."]


def test_a_comment_with_a_cpr_number_is_refused():
    form = CommentForm({"body": CPR})
    assert not form.is_valid()
    assert CPR_MESSAGE in form.errors["body"][0]


def test_a_comment_is_at_most_5000_characters():
    assert not CommentForm({"body": "x" * (TEXT_MAX + 1)}).is_valid()
    assert CommentForm({"body": "x" * TEXT_MAX}).is_valid()


def test_a_report_needs_a_known_reason():
    assert ReportForm({"reason": "spam"}).is_valid()
    assert ReportForm({"reason": ""}).errors["reason"] == ["Vælg, hvorfor du anmelder."]
    assert ReportForm({"reason": "kedelig"}).errors["reason"] == ["Vælg en årsag fra listen."]


def test_a_report_note_is_checked_for_cpr_numbers():
    form = ReportForm({"reason": "personal_data", "note": CPR})
    assert not form.is_valid()
    assert CPR_MESSAGE in form.errors["note"][0]


def test_a_tried_report_takes_iso_and_danish_dates():
    form = TriedForm({"tried_from": "2025-03-01", "tried_to": "31.12.2025", "what_happened": "Det virkede."})
    assert form.is_valid(), form.errors
    assert str(form.cleaned_data["tried_from"]) == "2025-03-01"
    assert str(form.cleaned_data["tried_to"]) == "2025-12-31"


def test_a_tried_report_cannot_end_before_it_starts():
    form = TriedForm({"tried_from": "2025-03-01", "tried_to": "2025-02-01", "what_happened": "Det virkede."})
    assert not form.is_valid()
    assert form.errors["tried_to"] == ["Slutdatoen ligger før startdatoen."]


def test_a_tried_report_needs_a_start_and_what_happened():
    form = TriedForm({"tried_from": "", "what_happened": ""})
    assert not form.is_valid()
    assert form.errors["tried_from"] == ["Skriv, hvornår I begyndte."]
    assert form.errors["what_happened"] == ["Fortæl, hvad der skete."]


def test_a_tried_report_refuses_a_cpr_number():
    form = TriedForm({"tried_from": "2025-03-01", "what_happened": CPR})
    assert not form.is_valid()
    assert CPR_MESSAGE in form.errors["what_happened"][0]


def test_tag_suggestions_come_from_public_ideas_most_used_first(staff):
    from ideabank.ideas.forms import tag_suggestions
    from ideabank.ideas.models import Idea
    from tests.factories import IdeaFactory

    IdeaFactory(tags=["unge", "ensomhed"])
    IdeaFactory(tags=["unge"])
    IdeaFactory(author=staff, status=Idea.Status.DRAFT, tags=["hemmeligt projekt"])

    assert tag_suggestions() == ["unge", "ensomhed"]

"""The rules of encounters: who registers, what is refused (and stores nothing), how a repeated UUID counts
once, how citizen codes are used once, and how answers add up to the results of a period."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideabank.spread import encounters
from ideabank.spread.models import CitizenCode, Encounter
from tests.factories import UserFactory

from .helpers import adoption, days_ago, report

pytestmark = pytest.mark.django_db

CPR_TEXT = "Borgeren 010190-1234 mangler en bolig"


@pytest.fixture
def aarhus_adoption(method, aarhus):
    return adoption(method, aarhus, started=days_ago(300))


def test_staff_register_an_answer_for_today(staff, aarhus_adoption):
    encounter, created = encounters.record(staff, aarhus_adoption, answer="helped", needed="  Mere tid  ")

    assert created
    assert encounter.met_on == timezone.localdate()
    assert encounter.source == "staff"
    assert encounter.registered_by == staff
    assert encounter.needed == "Mere tid"
    assert encounters.summary(aarhus_adoption).helped == 1


def test_the_same_uuid_again_returns_the_first_encounter_and_counts_once(staff, aarhus_adoption):
    key = uuid.uuid4()
    first, created = encounters.record(staff, aarhus_adoption, answer="partly", uuid=str(key))
    again, created_again = encounters.record(staff, aarhus_adoption, answer="helped", uuid=key)

    assert created and not created_again
    assert again.pk == first.pk and again.answer == "partly"
    assert Encounter.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"answer": "maybe"}, "answer", "Vælg et af svarene"),
        ({"answer": ""}, "answer", "Vælg et af svarene"),
        ({"met_on": days_ago(-7)}, "met_on", "fremtiden"),
        ({"met_on": days_ago(301)}, "met_on", "før organisationen begyndte"),
        ({"met_on": "31-02-2024"}, "met_on", "gyldig dato"),
        ({"needed": CPR_TEXT}, "needed", "CPR-nummer"),
        ({"needed": "x" * 501}, "needed", "500 tegn"),
        ({"uuid": "not-a-uuid"}, "uuid", "UUID"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_stores_nothing(staff, aarhus_adoption, changes, field, message):
    arguments = {"answer": "helped", **changes}
    with pytest.raises(ValidationError) as raised:
        encounters.record(staff, aarhus_adoption, **arguments)

    assert field in raised.value.message_dict
    assert message in " ".join(raised.value.message_dict[field])
    assert not Encounter.objects.exists()


def test_another_organisations_staff_may_not_register(outsider, aarhus_adoption):
    with pytest.raises(PermissionDenied):
        encounters.record(outsider, aarhus_adoption, answer="helped")
    with pytest.raises(PermissionDenied):
        encounters.create_code(outsider, aarhus_adoption)
    assert not Encounter.objects.exists() and not CitizenCode.objects.exists()


def test_editors_register_for_any_organisation(editor, aarhus_adoption):
    _encounter, created = encounters.record(editor, aarhus_adoption, answer="declined")
    assert created


def test_bulk_is_all_or_nothing(staff, aarhus_adoption):
    items = [{"answer": "helped", "uuid": str(uuid.uuid4())} for _ in range(3)]
    items.append({"answer": "helped", "needed": CPR_TEXT})

    with pytest.raises(ValidationError) as raised:
        encounters.record_many(staff, aarhus_adoption, items)

    assert "encounters[3].needed" in raised.value.message_dict
    assert not Encounter.objects.exists()


def test_bulk_counts_repeated_and_known_uuids_once(staff, aarhus_adoption):
    known, _ = encounters.record(staff, aarhus_adoption, answer="helped")
    twin = str(uuid.uuid4())
    items = [
        {"answer": "helped", "uuid": str(known.uuid)},
        {"answer": "not_helped", "uuid": twin, "met_on": days_ago(3).isoformat()},
        {"answer": "not_helped", "uuid": twin},
        {"answer": "partly"},
    ]

    results = encounters.record_many(staff, aarhus_adoption, items)

    assert [created for _encounter, created in results] == [False, True, False, True]
    assert results[1][0].pk == results[2][0].pk
    assert results[1][0].met_on == days_ago(3)
    assert Encounter.objects.count() == 3


def test_bulk_takes_at_most_500(staff, aarhus_adoption):
    with pytest.raises(ValidationError) as raised:
        encounters.record_many(staff, aarhus_adoption, [{"answer": "helped"}] * 501)
    assert "500" in raised.value.message_dict["encounters"][0]


# ---- citizen codes ------------------------------------------------------------------------------


def test_a_code_is_short_random_and_valid_for_48_hours(staff, aarhus_adoption):
    codes = {encounters.create_code(staff, aarhus_adoption).code for _ in range(20)}

    assert len(codes) == 20
    assert all(len(code) == 10 and set(code) <= set(encounters.CODE_ALPHABET) for code in codes)
    code = CitizenCode.objects.first()
    assert datetime.timedelta(hours=47, minutes=59) < code.expires - timezone.now() <= datetime.timedelta(hours=48)


def test_a_citizen_answers_once(staff, aarhus_adoption):
    code = encounters.create_code(staff, aarhus_adoption)

    encounter = encounters.answer_code(code.code, answer="not_helped", needed="At nogen ringer tilbage")

    assert encounter.source == "citizen" and encounter.registered_by is None
    code.refresh_from_db()
    assert code.answered is not None and code.encounter == encounter
    with pytest.raises(encounters.CodeUnavailable) as raised:
        encounters.answer_code(code.code, answer="helped")
    assert raised.value.reason == "used"
    assert Encounter.objects.count() == 1


def test_expired_and_unknown_codes_store_nothing(staff, aarhus_adoption):
    code = encounters.create_code(staff, aarhus_adoption)
    CitizenCode.objects.filter(pk=code.pk).update(expires=timezone.now() - datetime.timedelta(seconds=1))

    for value, reason in ((code.code, "expired"), ("abcdefghjk", "unknown"), ("../../etc", "unknown")):
        with pytest.raises(encounters.CodeUnavailable) as raised:
            encounters.answer_code(value, answer="helped")
        assert raised.value.reason == reason
    assert not Encounter.objects.exists()


def test_a_citizen_answer_with_a_cpr_number_is_refused_and_the_code_stays_open(staff, aarhus_adoption):
    code = encounters.create_code(staff, aarhus_adoption)

    with pytest.raises(ValidationError):
        encounters.answer_code(code.code, answer="helped", needed=CPR_TEXT)

    code.refresh_from_db()
    assert code.answered is None and not Encounter.objects.exists()


# ---- results ------------------------------------------------------------------------------------


def add(adoption_, answers, day):
    for answer, n in answers.items():
        for _ in range(n):
            Encounter.objects.create(adoption=adoption_, met_on=day, answer=answer, source="staff", uuid=uuid.uuid4())


def test_tally_asked_excludes_declined_and_comes_with_the_wilson_interval(aarhus_adoption):
    add(aarhus_adoption, {"helped": 6, "partly": 2, "not_helped": 2, "declined": 3}, days_ago(5))

    counted = encounters.summary(aarhus_adoption)

    assert (counted.asked, counted.helped, counted.partly, counted.not_helped, counted.declined) == (10, 6, 2, 2, 3)
    out = counted.out(exact=False)
    # 6 of 10 by hand, z² = 3.841459: centre (0.6 + 0.192073) / 1.384146 = 0.572243,
    # margin 1.959964 · √(0.024 + 0.009604) / 1.384146 = 0.259574 → 0.312669 … 0.831817
    assert out["share_helped"] == 0.6
    assert out["ci_low"] == pytest.approx(0.3127, abs=1e-4)
    assert out["ci_high"] == pytest.approx(0.8318, abs=1e-4)


def test_published_figures_suppress_counts_below_five(aarhus_adoption):
    add(aarhus_adoption, {"helped": 3, "not_helped": 1}, days_ago(5))

    public = encounters.summary(aarhus_adoption).out(exact=False)
    own = encounters.summary(aarhus_adoption).out(exact=True)

    assert public == dict.fromkeys(public)  # 4 answers: nothing at all is shown
    assert own["asked"] == 4 and own["helped"] == 3 and own["share_helped"] == 0.75


def test_a_hidden_count_cannot_be_found_by_subtraction():
    # 20 asked and 12 helped are published: 8 is partly + not helped, so 2 partly hidden alone gives 6 away.
    public = encounters.Tally(helped=12, partly=2, not_helped=6, declined=5).out(exact=False)
    assert (public["asked"], public["helped"], public["declined"]) == (20, 12, 5)
    assert public["partly"] is None and public["not_helped"] is None

    both_shown = encounters.Tally(helped=12, partly=5, not_helped=6).out(exact=False)
    assert (both_shown["partly"], both_shown["not_helped"]) == (5, 6)
    assert encounters.Tally(helped=12, partly=2, not_helped=6).out(exact=True)["partly"] == 2


def test_summary_counts_only_the_period(aarhus_adoption):
    add(aarhus_adoption, {"helped": 2}, days_ago(40))
    add(aarhus_adoption, {"helped": 1, "partly": 1}, days_ago(10))

    counted = encounters.summary(aarhus_adoption, days_ago(20), days_ago(1))

    assert (counted.helped, counted.partly) == (1, 1)


def test_monthly_groups_by_calendar_month(aarhus_adoption):
    add(aarhus_adoption, {"helped": 2}, datetime.date(2025, 1, 31))
    add(aarhus_adoption, {"not_helped": 1}, datetime.date(2025, 2, 1))

    months = encounters.monthly(Encounter.objects.all())

    assert [(month, tally.helped, tally.not_helped) for month, tally in months] == [
        (datetime.date(2025, 1, 1), 2, 0),
        (datetime.date(2025, 2, 1), 0, 1),
    ]


def test_the_outcome_draft_fills_asked_and_helped_from_the_period(aarhus_adoption):
    add(aarhus_adoption, {"helped": 4, "partly": 2, "not_helped": 1, "declined": 2}, days_ago(30))
    add(aarhus_adoption, {"helped": 9}, days_ago(100))

    draft = encounters.outcome_draft(aarhus_adoption, days_ago(60), days_ago(1))

    assert draft["citizens_asked"] == 7
    assert draft["citizens_helped"] == 4
    assert draft["citizens_reached"] is None
    assert draft["encounters"] == 9 and not draft["overlaps_reported_period"]


def test_the_default_period_starts_after_the_last_report(aarhus_adoption):
    aarhus_adoption.started = datetime.date(2024, 9, 1)
    today = datetime.date(2025, 6, 15)
    assert encounters.default_period(aarhus_adoption, today) == (aarhus_adoption.started, datetime.date(2025, 5, 31))
    report(aarhus_adoption, datetime.date(2025, 1, 1), datetime.date(2025, 3, 31), 10, 8, 5)
    assert encounters.default_period(aarhus_adoption, today) == (datetime.date(2025, 4, 1), datetime.date(2025, 5, 31))


def test_needs_are_the_latest_texts_only(staff, aarhus_adoption):
    encounters.record(staff, aarhus_adoption, answer="partly", needed="Hjælp til transport")
    encounters.record(staff, aarhus_adoption, answer="helped")
    assert [encounter.needed for encounter in encounters.needs(aarhus_adoption)] == ["Hjælp til transport"]


def test_a_deleted_user_leaves_the_encounters_without_a_registrant(staff, aarhus_adoption):
    from ideabank.spread.privacy import forget_contact

    encounter, _ = encounters.record(staff, aarhus_adoption, answer="helped")
    forget_contact(staff)
    encounter.refresh_from_db()
    assert encounter.registered_by is None


def test_staff_without_an_organisation_may_not_register(aarhus_adoption):
    loner = UserFactory(organisation=None)
    with pytest.raises(PermissionDenied):
        encounters.record(loner, aarhus_adoption, answer="helped")

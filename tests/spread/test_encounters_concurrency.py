"""Encounters under load on PostgreSQL: 50 staff registering at the same moment (same and different
adoptions, with repeated UUIDs) lose nothing and count nothing twice, and a citizen code answered twice at
the same moment stores exactly one answer. SQLite serialises writers, so these run on PostgreSQL only."""

import threading
import uuid

import pytest
from django.db import connection

from ideabank.spread import encounters
from ideabank.spread.models import Encounter
from tests.factories import UserFactory, municipal_organisation

from .helpers import adoption, days_ago, make_method

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_at_once(actions):
    """Start every action at the same moment on its own thread and connection; collect outcomes."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def worker(index, action):
        try:
            barrier.wait()
            outcomes[index] = action()
        except Exception as error:  # reported by the assertions, not lost in the thread
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, action)) for i, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_fifty_staff_registering_at_once_lose_nothing_and_count_nothing_twice():
    method = make_method()
    aarhus, odense = municipal_organisation(751), municipal_organisation(461)
    adoptions = [adoption(method, aarhus, started=days_ago(100)), adoption(method, odense, started=days_ago(100))]
    staff = {
        adoptions[0].pk: UserFactory.create_batch(25, organisation=aarhus),
        adoptions[1].pk: UserFactory.create_batch(25, organisation=odense),
    }
    # Each adoption gets 15 distinct registrations, 10 of them sent twice by two colleagues at once.
    actions, expected = [], {}
    for target in adoptions:
        people = staff[target.pk]
        keys = [uuid.uuid4() for _ in range(15)]
        expected[target.pk] = set(keys)
        sends = keys + keys[:10]
        for person, key in zip(people, sends, strict=True):
            actions.append(
                lambda person=person, target=target, key=key: encounters.record(
                    person, target, answer="helped", uuid=key
                )
            )
    assert len(actions) == 50

    outcomes = run_at_once(actions)

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
    assert sum(1 for _encounter, created in outcomes if created) == 30
    for target in adoptions:
        stored = set(Encounter.objects.filter(adoption=target).values_list("uuid", flat=True))
        assert stored == expected[target.pk]
        assert encounters.summary(target).helped == 15
    # Everyone who sent the same uuid got the same encounter back.
    by_key = {}
    for encounter, _created in outcomes:
        by_key.setdefault(encounter.uuid, set()).add(encounter.pk)
    assert all(len(ids) == 1 for ids in by_key.values())


def test_bulk_requests_at_once_with_overlapping_uuids_count_each_once():
    method = make_method()
    aarhus = municipal_organisation(751)
    target = adoption(method, aarhus, started=days_ago(100))
    people = UserFactory.create_batch(10, organisation=aarhus)
    keys = [str(uuid.uuid4()) for _ in range(60)]
    # Ten case-system pushes of 30 meetings each, overlapping windows of the same 60.
    batches = [[{"answer": "partly", "uuid": key} for key in keys[(i * 3) : (i * 3) + 30]] for i in range(10)]

    outcomes = run_at_once(
        [
            lambda person=person, batch=batch: encounters.record_many(person, target, batch)
            for person, batch in zip(people, batches, strict=True)
        ]
    )

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
    covered = {item["uuid"] for batch in batches for item in batch}
    assert {str(key) for key in Encounter.objects.filter(adoption=target).values_list("uuid", flat=True)} == covered
    assert Encounter.objects.filter(adoption=target).count() == len(covered)


def test_a_citizen_code_answered_twice_at_the_same_moment_stores_one_answer():
    method = make_method()
    aarhus = municipal_organisation(751)
    target = adoption(method, aarhus, started=days_ago(100))
    code = encounters.create_code(UserFactory(organisation=aarhus), target)

    outcomes = run_at_once(
        [
            lambda answer=answer: encounters.answer_code(code.code, answer=answer)
            for answer in ("helped", "not_helped") * 4
        ]
    )

    stored = [outcome for outcome in outcomes if isinstance(outcome, Encounter)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, encounters.CodeUnavailable)]
    assert len(stored) == 1 and len(refused) == 7, outcomes
    assert Encounter.objects.filter(adoption=target).count() == 1

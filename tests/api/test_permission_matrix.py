"""Who may do what through the ideas API: every role against every action, on an idea by `staff`.

Actors: anonymous; the author (`staff`, Aarhus); a colleague in the author's organisation; staff of
another organisation (Odense); a moderator; an editor (redaktør).
"""

import pytest

from ideabank.ideas import services
from ideabank.ideas.models import Idea
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "author", "colleague", "outsider", "moderator", "editor"]

# action → expected status per actor, in the order of ACTORS.
MATRIX = {
    "read_published": [200, 200, 200, 200, 200, 200],
    "read_draft": [404, 200, 404, 404, 404, 404],
    "read_pending": [404, 200, 404, 404, 200, 200],
    "create": [401, 201, 201, 201, 201, 201],
    "patch": [401, 200, 403, 403, 403, 200],
    "vote": [401, 403, 200, 200, 200, 200],
    "withdraw_vote": [401, 403, 200, 200, 200, 200],
    "comment": [401, 201, 201, 201, 201, 201],
    "reply": [401, 201, 201, 201, 201, 201],
    "report_idea": [401, 201, 201, 201, 201, 201],
    "report_comment": [401, 201, 201, 201, 201, 201],
    # DESIGN §2: the stage `tried` may come from the author's own organisation or another one.
    "tried": [401, 201, 201, 201, 201, 201],
    "follow": [401, 201, 201, 201, 201, 201],
    "unfollow": [401, 204, 204, 204, 204, 204],
    "list_follows": [401, 200, 200, 200, 200, 200],
}


def json_call(client, method, path, body=None, **headers):
    return getattr(client, method)(f"/api/v1{path}", body or {}, content_type="application/json", **headers)


def perform(action, client, headers, actor_user, idea):
    pk = idea.pk
    if action == "read_published":
        return client.get(f"/api/v1/ideas/{pk}", **headers)
    if action in ("read_draft", "read_pending"):
        status = Idea.Status.DRAFT if action == "read_draft" else Idea.Status.PENDING
        Idea.objects.filter(pk=pk).update(status=status)
        return client.get(f"/api/v1/ideas/{pk}", **headers)
    if action == "create":
        body = {"title": "Ny idé", "problem": "Et problem", "solution": "En løsning"}
        return json_call(client, "post", "/ideas", body, **headers)
    if action == "patch":
        return json_call(client, "patch", f"/ideas/{pk}", {"title": "Rettet titel"}, **headers)
    if action == "vote":
        return json_call(client, "post", f"/ideas/{pk}/vote", **headers)
    if action == "withdraw_vote":
        if actor_user is not None and actor_user.pk != idea.author_id:
            services.cast_vote(actor_user, idea)
        return json_call(client, "delete", f"/ideas/{pk}/vote", **headers)
    if action == "comment":
        return json_call(client, "post", f"/ideas/{pk}/comments", {"body": "Spændende!"}, **headers)
    if action == "reply":
        parent = services.add_comment(UserFactory(), idea, "Hvordan gik det?")
        return json_call(client, "post", f"/ideas/{pk}/comments", {"body": "Godt", "parent": parent.pk}, **headers)
    if action == "report_idea":
        return json_call(client, "post", f"/ideas/{pk}/report", {"reason": "spam"}, **headers)
    if action == "report_comment":
        comment = services.add_comment(UserFactory(), idea, "Køb billige ure")
        return json_call(client, "post", f"/comments/{comment.pk}/report", {"reason": "spam"}, **headers)
    if action == "tried":
        body = {"tried_from": "2025-01-15", "what_happened": "Det virkede."}
        return json_call(client, "post", f"/ideas/{pk}/tried", body, **headers)
    if action == "follow":
        return json_call(client, "post", "/follows", {"kind": "idea", "value": pk}, **headers)
    if action == "unfollow":
        if actor_user is not None:
            services.follow(actor_user, idea=idea)
        return json_call(client, "delete", "/follows", {"kind": "idea", "value": pk}, **headers)
    if action == "list_follows":
        return client.get("/api/v1/follows", **headers)
    raise AssertionError(action)


CASES = [
    pytest.param(action, actor, expected[index], id=f"{action}-{actor}")
    for action, expected in MATRIX.items()
    for index, actor in enumerate(ACTORS)
]


@pytest.mark.parametrize(("action", "actor", "expected"), CASES)
def test_permission_matrix(client, request, token_for, staff, action, actor, expected):
    idea = IdeaFactory(author=staff, title="Original")
    fixture = {"anonymous": None, "author": "staff"}.get(actor, actor)
    user = request.getfixturevalue(fixture) if fixture else None
    headers = token_for(user) if user else {}

    response = perform(action, client, headers, user, idea)

    assert response.status_code == expected, response.content
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["detail"]
    idea.refresh_from_db()
    if action == "patch":
        assert (idea.title == "Rettet titel") == (expected == 200)
    if action == "vote":
        assert idea.vote_count == (1 if expected == 200 else 0)

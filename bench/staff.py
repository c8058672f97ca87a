"""Bearer tokens for the logged-in pass's staff, issued in a Django process of their own.

`python -m bench.staff PLAN.json RESULT.json` reads {"emails": [...]} and writes {email: token}: each staff
member gets a fresh personal API token as the site issues them (wagtail's APIToken.create_token, as the
account page and POST /api/v1/auth/token do). The tokens of an earlier run are deleted first, so they do
not pile up; only a digest is stored, so a token cannot be reused across runs anyway.
"""

import json
import sys

import django

TOKEN_NAME = "bench logged-in pass"  # noqa: S105 - a label, not a secret


def issue(emails):
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from wagtail.models import APIToken

    users = list(get_user_model().objects.filter(email__in=emails, is_active=True))
    missing = set(emails) - {user.email for user in users}
    if missing:
        raise SystemExit(f"Bench staff missing from the data set: {sorted(missing)}")
    with transaction.atomic():
        APIToken.objects.filter(user__in=users, name=TOKEN_NAME).delete()
        return {user.email: APIToken.create_token(user=user, name=TOKEN_NAME)[1] for user in users}


def main(plan_path, result_path):
    django.setup()
    with open(plan_path, encoding="utf-8") as handle:
        emails = json.load(handle)["emails"]
    tokens = issue(emails)
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump(tokens, handle)
    print(f"[staff] {len(tokens)} API tokens issued", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

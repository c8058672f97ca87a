"""Demo organisations and one login per role (people.json), for `seed_demo` and the browser tests."""

from ideabank.accounts.models import Organisation, User
from ideabank.accounts.roles import Role
from ideabank.accounts.services import create_or_update_user

from .content import read

DEMO_PASSWORD = "demo-idebanken-2026"  # noqa: S105 - printed for local demos only

_people = read("people")
# (email, name, job title, role, municipality code or organisation slug)
DEMO_USERS = [
    (login["email"], login["name"], login["job_title"], Role(login["role"]), login["where"])
    for login in _people["logins"]
]
DEMO_DOMAINS = {int(code): domain for code, domain in _people["email_domains"].items()}
# e-mail → (target group key, [tag names]) the login follows
DEMO_FOLLOWS = {email: (follows["target_group"], follows["tags"]) for email, follows in _people["follows"].items()}


def seed_accounts(stdout=None):
    state, _created = Organisation.objects.get_or_create(
        slug="socialstyrelsen",
        defaults={"name": "Socialstyrelsen", "kind": Organisation.Kind.STAT, "email_domains": "socialstyrelsen.dk"},
    )
    for code, domain in DEMO_DOMAINS.items():
        Organisation.objects.filter(municipality_id=code, email_domains="").update(email_domains=domain)

    users = []
    for email, name, title, role, where in DEMO_USERS:
        organisation = state if where == "socialstyrelsen" else Organisation.objects.get(municipality_id=where)
        # Hashing is deliberately slow: set the password only for new demo users.
        exists = User.objects.filter(email__iexact=email).exists()
        user, _created = create_or_update_user(
            email=email,
            role=role,
            organisation=organisation,
            password=None if exists else DEMO_PASSWORD,
            display_name=name,
        )
        if user.job_title != title:
            user.job_title = title
            user.save(update_fields=["job_title"])
        users.append((user, role))
    return users


def demo_editor():
    """The demo login with the editor role (created with the other demo logins if it is missing)."""
    emails = [email for email, _name, _title, role, _where in DEMO_USERS if role == Role.REDAKTOER]
    editor = User.objects.filter(email__in=emails, is_active=True).first()
    if editor is None:
        seed_accounts()
        editor = User.objects.filter(email__in=emails, is_active=True).first()
    return editor

"""Demo organisations and one login per role, for `seed_demo` and the browser tests."""

from .models import Organisation, User
from .roles import Role
from .services import create_or_update_user

DEMO_PASSWORD = "demo-idebanken-2026"  # noqa: S105 - printed for local demos only

# (email, name, job title, role, municipality code or organisation slug)
DEMO_USERS = [
    ("anne@aarhus.dk", "Anne Kjær", "Socialrådgiver", Role.MEDARBEJDER, 751),
    ("jonas@kk.dk", "Jonas Holm", "Gadeplansmedarbejder", Role.MEDARBEJDER, 101),
    ("mette@odense.dk", "Mette Lund", "Pædagog", Role.MEDARBEJDER, 461),
    ("sofie@vejle.dk", "Sofie Dahl", "Misbrugsbehandler", Role.MEDARBEJDER, 630),
    ("moderator@aalborg.dk", "Lars Winther", "Fagkoordinator", Role.MODERATOR, 851),
    ("redaktoer@socialstyrelsen.dk", "Hanne Berg", "Fagkonsulent", Role.REDAKTOER, "socialstyrelsen"),
    ("admin@idebanken.dk", "Idébanken Drift", "Driftsansvarlig", Role.ADMINISTRATOR, "socialstyrelsen"),
]
DEMO_DOMAINS = {751: "aarhus.dk", 101: "kk.dk", 461: "odense.dk", 630: "vejle.dk", 851: "aalborg.dk"}


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

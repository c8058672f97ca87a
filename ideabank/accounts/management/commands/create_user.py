import secrets

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from ideabank.accounts.models import Organisation, User
from ideabank.accounts.roles import Role
from ideabank.accounts.services import create_or_update_user


class Command(BaseCommand):
    help = "Create a user, or update the role and organisation of an existing one (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", required=True, help="One of: " + ", ".join(Role.values))
        parser.add_argument(
            "--organisation-code", required=True, help="Municipality code (e.g. 751) or organisation slug"
        )
        parser.add_argument("--password", help="Generated and printed when left out for a new user")
        parser.add_argument("--name", help="Display name")

    def handle(self, *args, email, role, organisation_code, password, name, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"'{email}' is not a valid e-mail address.") from error
        if role not in Role.values:
            raise CommandError(f"Unknown role '{role}'. Choose one of: {', '.join(Role.values)}.")
        organisation = self.find_organisation(organisation_code)
        generated = None
        if password is None and not User.objects.filter(email__iexact=email).exists():
            generated = password = secrets.token_urlsafe(12)
        user, created = create_or_update_user(
            email=email, role=role, organisation=organisation, password=password, display_name=name
        )
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} {user.email} ({role}, {organisation.name})"))
        if generated:
            self.stdout.write(f"Password: {generated}")

    def find_organisation(self, code):
        query = (
            Organisation.objects.filter(municipality__code=int(code))
            if code.isdigit()
            else Organisation.objects.filter(slug=code)
        )
        organisation = query.first()
        if organisation is None:
            raise CommandError(
                f"Unknown organisation code '{code}'. Use a municipality code such as 751 or an organisation slug."
            )
        return organisation

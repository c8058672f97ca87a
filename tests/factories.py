"""Every test object is built here, so a model change is mended in one place."""

import factory
from factory.django import DjangoModelFactory

from ideabank.accounts.models import Organisation, User
from ideabank.accounts.roles import Role, assign_role

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


def municipal_organisation(code=751):
    return Organisation.objects.get(municipality_id=code)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Forening nr. {n}")
    kind = Organisation.Kind.CIVILSAMFUND


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"bruger{n}@aarhus.dk")
    display_name = factory.Faker("name", locale="da_DK")
    job_title = "Socialrådgiver"
    organisation = factory.LazyFunction(municipal_organisation)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create:
            self.save()
            assign_role(self, extracted or Role.MEDARBEJDER)

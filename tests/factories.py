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


# ---- ideas (appended for issue #3; models referenced by label so the imports above stay untouched) ----


def _now():
    from django.utils import timezone

    return timezone.now()


class IdeaFactory(DjangoModelFactory):
    """A published idea by a fresh staff member. Counters are not touched: use the services for those."""

    class Meta:
        model = "ideas.Idea"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Fast kontaktperson til unge efter anbringelse nr. {n}")
    problem = "Unge, der forlader en anbringelse, mister deres voksne kontakter på én gang."
    solution = "Hver ung får en fast kontaktperson, der følger dem i to år efter anbringelsen."
    context = "Afprøvet i et team for efterværn."
    results = ""
    author = factory.SubFactory(UserFactory)
    organisation = factory.LazyAttribute(lambda idea: idea.author.organisation)
    status = "published"
    published_at = factory.LazyFunction(_now)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(list(extracted))

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(list(extracted))

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(list(extracted))


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = "ideas.Comment"

    idea = factory.SubFactory(IdeaFactory)
    author = factory.SubFactory(UserFactory)
    parent = None
    depth = factory.LazyAttribute(lambda comment: comment.parent.depth + 1 if comment.parent else 1)
    body = factory.Sequence(lambda n: f"Kommentar nr. {n}: det har vi også gode erfaringer med.")


class VoteFactory(DjangoModelFactory):
    class Meta:
        model = "ideas.Vote"

    idea = factory.SubFactory(IdeaFactory)
    user = factory.SubFactory(UserFactory)

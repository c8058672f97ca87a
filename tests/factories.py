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


# ---- methods (appended for issue #6) ----


def full_scores(score=2, **overrides):
    """An assessment's scores for all 11 elements, each `score` with a justification.

    An override per element key is either a score (kept with a justification) or the whole entry (a dict).
    """
    from ideabank.methods.elements import element_keys

    scores = {key: {"score": score, "justification": f"Begrundelse for {key}."} for key in element_keys()}
    for key, value in overrides.items():
        scores[key] = value if isinstance(value, dict) else {"score": value, "justification": f"Begrundelse for {key}."}
    return scores


def method_index():
    from ideabank.methods.models import MethodIndexPage

    return MethodIndexPage.objects.get()


_method_numbers = iter(range(1, 1_000_000))


def make_method(
    live=True, user=None, target_groups=(), themes=(), tags=(), research=(), indicators=(), effects=(), **fields
):
    """A MethodPage under the method index with a revision; published through that revision when `live`.

    Publishing sends Wagtail's page_published, so the promotion announcements run on commit as they do live.
    `indicators` are dicts of OutcomeIndicator fields, `effects` of BusinessEffect fields (the business case).
    """
    from ideabank.methods.models import BusinessEffect, MethodPage, OutcomeIndicator

    number = next(_method_numbers)
    fields.setdefault("title", f"Bostøtte efter Housing First nr. {number}")
    fields.setdefault("summary", "Borgeren får først en bolig og derefter fleksibel, intensiv støtte i hjemmet.")
    method = MethodPage(live=False, **fields)
    method.target_groups = list(target_groups)
    method.themes = list(themes)
    method.research = list(research)
    method.tags.set(list(tags))
    for indicator in indicators:
        method.indicators.add(OutcomeIndicator(**indicator))
    for effect in effects:
        method.effects.add(BusinessEffect(**effect))
    method_index().add_child(instance=method)
    revision = method.save_revision(user=user)
    if live:
        revision.publish(user=user)
    return MethodPage.objects.get(pk=method.pk)


class ResearchItemFactory(DjangoModelFactory):
    class Meta:
        model = "methods.ResearchItem"

    title = factory.Sequence(lambda n: f"Evaluering af bostøtte i danske kommuner nr. {n}")
    authors = "Hansen, M. og Jensen, K."
    year = 2021
    link = "https://www.example.org/rapport.pdf"
    design = "quasi"
    findings = "Flere borgere beholdt deres bolig efter et år end i sammenligningsgruppen."

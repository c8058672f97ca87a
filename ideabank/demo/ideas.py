"""Demo ideas for `seed_demo`.

Two sets, both idempotent, with content decided by `random.Random(seed)`:

- The hand-written set: about 300 ideas built from the seeds in content/ideas.json, spread over forty
  municipalities, with votes, comment threads, "we tried it" reports, a few reports for the moderation
  queue and some follows. An idea is keyed by (title, organisation); ideas that exist are left alone.
- The bulk set (`seed_demo --ideas N`): tops the number of ideas up to N with generated ideas, about ten
  votes and three comments each, so benchmarks have 100 000 ideas in minutes.

Both are planned (plans.py) and written in bulk (writing.py); the facet cache version is bumped once at the end.
"""

import time
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ideabank.accounts.models import Organisation, User
from ideabank.accounts.roles import Role
from ideabank.ideas.models import Comment, Follow, Idea
from ideabank.ideas.queries import bump_facets_version
from search.indexing import index_objects

from . import GENERATED_DOMAIN, SEED, rng_for
from .content import ideas as content
from .people import DEMO_FOLLOWS, DEMO_USERS
from .plans import Generator, People, PlannedComment, PlannedReport, Vocabulary, user_spec
from .writing import ensure_users, explicit_timestamps, write

INSTANCES_PER_SEED = 5
BULK_BATCH = 2000


# ---- the hand-written set --------------------------------------------------------------------


def demo_people(seed):
    """The demo logins plus three generated staff members in each of forty municipalities."""
    by_code = {
        org.municipality_id: org for org in Organisation.objects.filter(municipality_id__in=content.DEMO_MUNICIPALITIES)
    }
    specs, used = [], set()
    for code in content.DEMO_MUNICIPALITIES:
        rng = rng_for(seed, "people", code)
        specs.extend(user_spec(rng, by_code[code], used) for _ in range(3))
    ids = ensure_users(specs)

    logins = {email: role for email, _name, _title, role, _where in DEMO_USERS if role != Role.ADMINISTRATOR}
    demo = list(User.objects.filter(email__in=logins).values_list("pk", "organisation_id", "email"))
    org_of = {ids[email]: organisation_id for email, _n, _j, organisation_id in specs}
    org_of.update({pk: organisation_id for pk, organisation_id, _email in demo})
    demo_staff = [pk for pk, _org, email in demo if logins[email] == Role.MEDARBEJDER]
    authors_by_org = {}
    for code in content.DEMO_MUNICIPALITIES:
        org = by_code[code]
        # The demo logins are listed twice, so they have a few ideas of their own to show.
        logins_here = [pk for pk, organisation_id, _e in demo if organisation_id == org.pk]
        authors_by_org[org.pk] = logins_here * 2 + [ids[spec[0]] for spec in specs if spec[3] == org.pk]
    org_names = dict(Organisation.objects.filter(pk__in=set(org_of.values())).values_list("pk", "name"))
    people = People(authors_by_org=authors_by_org, everyone=sorted(org_of), org_of=org_of, org_names=org_names)
    return people, by_code, demo_staff


def plan_demo(seed, people, by_code, demo_staff, vocabulary, now):
    """All ~300 ideas of the hand-written set, in a fixed order, whatever the database holds."""
    plans = []
    for i, idea_seed in enumerate(content.IDEA_SEEDS):
        for k in range(INSTANCES_PER_SEED):
            rng = rng_for(seed, "demo", i, k)
            generator = Generator(rng, people, vocabulary, now)
            organisation = by_code[content.DEMO_MUNICIPALITIES[(i * 7 + k * 11) % len(content.DEMO_MUNICIPALITIES)]]
            authors = people.authors_by_org[organisation.pk]
            author = authors[(i + k) % len(authors)]
            pattern = content.TITLE_PATTERNS[0] if k == 0 else content.TITLE_PATTERNS[1 + (i + k) % 5]
            status = Idea.Status.PUBLISHED
            if i % 20 == 7 and k == 4:
                status = Idea.Status.PENDING
            elif i % 25 == 24 and k == 3:
                status = Idea.Status.ARCHIVED
            created = now - timedelta(days=rng.uniform(120, 720) if k == 0 else rng.uniform(2, 600))
            plan = generator.idea(
                idea_seed,
                title=generator.title(idea_seed, pattern, organisation.name),
                author_id=author,
                status=status,
                created=created,
                variant=k > 0,
            )
            generator.votes(plan, int(rng.triangular(0, 45, 6)) + (6 if k == 0 else 0), hot=rng.random() < 0.12)
            tops = rng.choices((0, 1, 2, 3, 4, 5), weights=(18, 24, 22, 16, 11, 9))[0]
            generator.thread(plan, tops, reply_chance=0.5, deep_chance=0.4)
            if (now - created).days > 120 and rng.random() < (0.55 if k == 0 else 0.3):
                others = rng.sample(people.orgs, rng.randint(1, 3))
                generator.tried(plan, others)
            plans.append((i, k, plan, generator))

    # Each demo login keeps one private draft among their ideas.
    for user in demo_staff:
        own = [plan for _i, _k, plan, _g in plans if plan.idea.author_id == user]
        if own and own[-1].idea.status == Idea.Status.PUBLISHED:
            draft = own[-1]
            draft.idea.status, draft.idea.published_at = Idea.Status.DRAFT, None
            draft.votes, draft.comments, draft.tried = [], [], []

    by_position = {(i, k): (plan, generator) for i, k, plan, generator in plans}
    add_moderation_cases(by_position, people, now)
    return [plan for _i, _k, plan, _g in plans]


def add_moderation_cases(by_position, people, now):
    """A few reported ideas and comments, so the moderation queue has something to show."""

    def published(i, k):
        for kk in (k, *range(INSTANCES_PER_SEED)):
            plan, generator = by_position[(i, kk)]
            if plan.idea.status == Idea.Status.PUBLISHED:
                return plan, generator
        raise LookupError(i)

    def reports(generator, exclude, reasons):
        reporters = [user for user in generator.rng.sample(people.everyone, len(reasons) + 1) if user != exclude]
        hours_ago = [generator.rng.randint(2, 72) for _reason in reasons]
        return [
            PlannedReport(user, reason, content.REPORT_NOTES[reason], now - timedelta(hours=hours))
            for user, reason, hours in zip(reporters, reasons, hours_ago, strict=False)
        ]

    plan, generator = published(0, 0)
    spammer = generator.rng.choice(people.everyone)
    spam = PlannedComment(spammer, content.SPAM_COMMENT, now - timedelta(days=3))
    spam.reports = reports(generator, spammer, ["spam", "spam", "spam"])
    spam.status, spam.hidden_by_reports = Comment.Status.HIDDEN, True  # three open reports hide it
    plan.comments.append(spam)

    plan, generator = published(12, 0)
    grumbler = generator.rng.choice(people.everyone)
    harsh = PlannedComment(grumbler, content.HARSH_COMMENT, now - timedelta(days=2))
    harsh.reports = reports(generator, grumbler, ["offensive", "offensive"])
    plan.comments.append(harsh)

    plan, generator = published(30, 2)
    plan.reports = reports(generator, plan.idea.author_id, ["off_topic"])

    plan, generator = published(44, 1)
    plan.reports = reports(generator, plan.idea.author_id, ["spam", "off_topic", "spam"])
    plan.idea.status, plan.idea.hidden_by_reports = Idea.Status.HIDDEN, True


def add_follows(vocabulary):
    users = dict(User.objects.filter(email__in=DEMO_FOLLOWS).values_list("email", "pk"))
    follows = []
    for email, (group, tags) in DEMO_FOLLOWS.items():
        if email not in users:
            continue
        if group in vocabulary.target_groups:
            follows.append(Follow(user_id=users[email], target_group_id=vocabulary.target_groups[group]))
        follows.extend(Follow(user_id=users[email], tag_id=pk) for pk in vocabulary.tag_ids(tags))
    Follow.objects.bulk_create(follows, ignore_conflicts=True)


def index_for_search(ideas):
    """Put new ideas in the search index (bulk_create skipped the signal that usually does it)."""
    index_objects("idea", [idea.pk for idea in ideas])


def seed_demo_ideas(seed=SEED, stdout=None):
    """Create the hand-written set's missing ideas. Returns the number created."""
    say = stdout or (lambda message: None)
    now = timezone.now()
    people, by_code, demo_staff = demo_people(seed)
    vocabulary = Vocabulary()
    vocabulary.prepare(content.IDEA_SEEDS)
    plans = plan_demo(seed, people, by_code, demo_staff, vocabulary, now)
    existing = set(Idea.objects.values_list("title", "organisation_id").filter(organisation_id__in=people.orgs))
    missing = [plan for plan in plans if (plan.idea.title, plan.idea.organisation_id) not in existing]
    if missing:
        with transaction.atomic(), explicit_timestamps():
            votes, comments = write(missing)
            add_follows(vocabulary)
        index_for_search([plan.idea for plan in missing])
        bump_facets_version()
        say(f"  {len(missing)} idéer med {votes} stemmer og {comments} kommentarer oprettet")
    else:
        say("  Demo-idéerne findes allerede")
    return len(missing)


# ---- the bulk set ----------------------------------------------------------------------------


def bulk_people(seed, total_ideas):
    """Generated staff in every municipality, about one per twenty ideas, plus the hand-written set's users."""
    organisations = list(Organisation.objects.filter(municipality__isnull=False).order_by("municipality_id"))
    wanted = max(500, total_ideas // 20)
    rng = rng_for(seed, "bulk-people")
    specs = []
    for n in range(wanted):
        organisation = organisations[n % len(organisations)]
        first, last = rng.choice(content.FIRST_NAMES), rng.choice(content.LAST_NAMES)
        email = f"medarbejder{n}@{organisation.slug}.bulk.{GENERATED_DOMAIN}"
        specs.append((email, f"{first} {last}", rng.choice(content.JOB_TITLES), organisation.pk))
    ids = ensure_users(specs)
    org_of = {ids[email]: organisation_id for email, _n, _j, organisation_id in specs}
    authors_by_org = {}
    for user, organisation_id in org_of.items():
        authors_by_org.setdefault(organisation_id, []).append(user)
    everyone = sorted(org_of)
    org_names = {org.pk: org.name for org in organisations}
    return People(authors_by_org=authors_by_org, everyone=everyone, org_of=org_of, org_names=org_names)


def plan_bulk(rng, count, people, vocabulary, now):
    plans = []
    authors = people.everyone
    organisations = people.orgs
    oldest = timedelta(days=3 * 365)
    for _ in range(count):
        generator = Generator(rng, people, vocabulary, now)
        idea_seed = rng.choice(content.IDEA_SEEDS)
        author = rng.choice(authors)
        roll = rng.random()
        status = (
            Idea.Status.DRAFT
            if roll < 0.01
            else Idea.Status.PENDING
            if roll < 0.02
            else Idea.Status.ARCHIVED
            if roll < 0.04
            else Idea.Status.PUBLISHED
        )
        created = now - oldest * rng.random()
        place = people.org_names[people.org_of[author]]
        plan = generator.idea(
            idea_seed,
            title=generator.title(idea_seed, rng.choice(content.TITLE_PATTERNS), place),
            author_id=author,
            status=status,
            created=created,
        )
        generator.votes(plan, min(int(rng.expovariate(1 / 10.9)), 400), hot=rng.random() < 0.05)
        generator.thread(plan, min(int(rng.expovariate(1 / 2.1)), 20), reply_chance=0.5, deep_chance=0.3)
        if rng.random() < 0.08:
            generator.tried(plan, rng.sample(organisations, rng.randint(1, 2)))
        plans.append(plan)
    return plans


def seed_bulk_ideas(total, seed=SEED, stdout=None, batch=BULK_BATCH, write=write):
    """Top the number of ideas up to `total` with generated ones, in batches of `batch`; returns how many.

    `write` writes a batch of plans and returns (votes, comments): the benchmark passes one that COPYs.
    """
    say = stdout or (lambda message: None)
    existing = Idea.objects.count()
    if existing >= total:
        say(f"  Der er allerede {existing} idéer (mål: {total})")
        return 0
    started = time.monotonic()
    people = bulk_people(seed, total)
    vocabulary = Vocabulary()
    vocabulary.prepare(content.IDEA_SEEDS)
    now = timezone.now()
    missing = total - existing
    created = votes = comments = 0
    while created < missing:
        size = min(batch, missing - created)
        rng = rng_for(seed, "bulk", existing + created)
        plans = plan_bulk(rng, size, people, vocabulary, now)
        with transaction.atomic(), explicit_timestamps():
            batch_votes, batch_comments = write(plans)
        created += size
        votes += batch_votes
        comments += batch_comments
        elapsed = time.monotonic() - started
        say(f"  {existing + created}/{total} idéer · {votes} stemmer · {comments} kommentarer · {elapsed:.0f} s")
    bump_facets_version()
    return created

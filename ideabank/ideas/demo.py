"""Demo ideas for `seed_demo`.

Two sets, both idempotent, with content decided by `random.Random(seed)`:

- The hand-written set: about 300 ideas built from the seeds in demo_content.py, spread over forty
  municipalities, with votes, comment threads, "we tried it" reports, a few reports for the moderation
  queue and some follows. An idea is keyed by (title, organisation); ideas that exist are left alone.
- The bulk set (`seed_demo --ideas N`): tops the number of ideas up to N with generated ideas, about ten
  votes and three comments each, so benchmarks have 100 000 ideas in minutes.

Rows are written with bulk_create, so no per-row signal runs: the counters are computed while the rows are
generated (they equal the rows by construction), timestamps are set explicitly to spread over the past, and
the facet cache version is bumped once at the end.
"""

import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag

from ideabank.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from ideabank.accounts.models import Organisation, User
from ideabank.accounts.roles import GROUP_NAMES, Role
from ideabank.taxonomy.models import TargetGroup, Theme

from . import demo_content as content
from .models import TITLE_MAX, Comment, Follow, Idea, IdeaTag, Report, Stage, TriedReport, Vote
from .queries import bump_facets_version
from .services import trending_weight

SEED = 2026
GENERATED_DOMAIN = "idebanken.example"  # never deliverable (RFC 2606), so demo users get no real mail
INSTANCES_PER_SEED = 5
BULK_BATCH = 2000


def rng_for(*parts):
    """A Random seeded from a string, so the same parts give the same demo data on every run."""
    return random.Random(":".join(str(part) for part in parts))  # noqa: S311 - demo content, not secrets


def ascii_name(text):
    """A name as it would appear in an e-mail address: æ, ø and å spelled out, nothing else but a-z."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(char for char in text if char.isascii() and (char.isalnum() or char == "-"))


@contextmanager
def explicit_timestamps():
    """Let bulk_create keep the timestamps we give, instead of stamping every row with now.

    This changes the model fields for the whole process, so it is only for this single-threaded command.
    """
    fields = [
        model._meta.get_field(name)
        for model, name in (
            (Idea, "created"),
            (Idea, "updated"),
            (Vote, "created"),
            (Comment, "created"),
            (TriedReport, "created"),
            (Report, "created"),
        )
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


# ---- plans: what to write, decided before anything is written -------------------------------


@dataclass
class PlannedReport:
    reporter_id: int
    reason: str
    note: str
    created: datetime


@dataclass
class PlannedComment:
    author_id: int | None
    body: str
    created: datetime
    status: str = Comment.Status.VISIBLE
    hidden_by_reports: bool = False
    reports: list = field(default_factory=list)
    replies: list = field(default_factory=list)

    def walk(self):
        yield self
        for reply in self.replies:
            yield from reply.walk()


@dataclass
class PlannedIdea:
    idea: Idea
    target_groups: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    votes: list = field(default_factory=list)  # (user_id, created)
    comments: list = field(default_factory=list)
    tried: list = field(default_factory=list)  # unsaved TriedReport without idea
    reports: list = field(default_factory=list)

    def all_comments(self):
        for comment in self.comments:
            yield from comment.walk()

    def finish(self):
        """Set the idea's counters and stage from the rows it will get."""
        idea = self.idea
        idea.vote_count = len(self.votes)
        idea.trending_score = sum(trending_weight(moment) for _user, moment in self.votes)
        idea.comment_count = sum(1 for c in self.all_comments() if c.status == Comment.Status.VISIBLE)
        if self.tried and Stage.rank(idea.stage) < Stage.rank(Stage.TRIED):
            idea.stage = Stage.TRIED


@dataclass
class People:
    """The users a set draws on: who may author where, and who votes and comments."""

    authors_by_org: dict
    everyone: list
    org_of: dict
    org_names: dict

    @property
    def orgs(self):
        return list(self.authors_by_org)


class Vocabulary:
    """Target groups, themes and tags by name, created tags included."""

    def __init__(self):
        groups = dict(TargetGroup.objects.values_list("name", "pk"))
        themes = dict(Theme.objects.values_list("name", "pk"))
        self.target_groups = {key: groups[name] for key, name in content.TARGET_GROUPS.items() if name in groups}
        self.themes = {key: themes[name] for key, name in content.THEMES.items() if name in themes}
        self.tags = {}

    def tag_ids(self, names):
        ids = []
        for name in names:
            key = name.lower()
            if key not in self.tags:
                tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
                self.tags[key] = tag.pk
            ids.append(self.tags[key])
        return ids

    def prepare(self, seeds):
        self.tag_ids({tag for seed in seeds for tag in seed.tags} | set(content.EXTRA_TAGS))


# ---- users -----------------------------------------------------------------------------------


def ensure_users(specs):
    """Create the users in `specs` that do not exist yet, in bulk with one shared password hash.

    specs: (email, display_name, job_title, organisation_id). Returns {email: pk} for all of them.
    """

    def generated():
        return dict(User.objects.filter(email__endswith=f".{GENERATED_DOMAIN}").values_list("email", "pk"))

    known = generated()
    missing = [spec for spec in specs if spec[0] not in known]
    if missing:
        password = make_password(DEMO_PASSWORD)
        joined = timezone.now() - timedelta(days=800)
        User.objects.bulk_create(
            [
                User(
                    email=email,
                    display_name=name,
                    job_title=job,
                    organisation_id=organisation_id,
                    password=password,
                    date_joined=joined,
                )
                for email, name, job, organisation_id in missing
            ],
            batch_size=1000,
        )
        known = generated()
        group = Group.objects.get(name=GROUP_NAMES[Role.MEDARBEJDER])
        through = User.groups.through
        through.objects.bulk_create(
            [through(user_id=known[spec[0]], group_id=group.pk) for spec in missing], batch_size=1000
        )
    return {spec[0]: known[spec[0]] for spec in specs}


def user_spec(rng, organisation, used):
    """A plausible staff member of `organisation` whose address is not in `used` yet."""
    domain = f"{organisation.slug}.{GENERATED_DOMAIN}"
    while True:
        first, last = rng.choice(content.FIRST_NAMES), rng.choice(content.LAST_NAMES)
        email = f"{ascii_name(first)}.{ascii_name(last)}@{domain}"
        if email in used:
            email = f"{ascii_name(first)}.{ascii_name(last)}{len(used)}@{domain}"
        if email not in used:
            used.add(email)
            return (email, f"{first} {last}", rng.choice(content.JOB_TITLES), organisation.pk)


# ---- writing ---------------------------------------------------------------------------------


def insert_rows(model, fields, rows, chunk=20000):
    """Plain INSERTs (executemany) for link rows nobody needs a primary key or a model instance of.

    A million votes as model instances spend most of their time in the ORM; tuples do not.
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Table and column names come from the models, never from input.
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            cursor.executemany(sql, rows[start : start + chunk])


def write(plans, batch_size=1000):
    """Write planned ideas and everything hanging off them; returns (votes, comments) written."""
    for plan in plans:
        plan.finish()
    ideas = [plan.idea for plan in plans]
    Idea.objects.bulk_create(ideas, batch_size=batch_size)

    insert_rows(
        Idea.target_groups.through,
        ["idea", "targetgroup"],
        [(p.idea.pk, pk) for p in plans for pk in p.target_groups],
    )
    insert_rows(Idea.themes.through, ["idea", "theme"], [(p.idea.pk, pk) for p in plans for pk in p.themes])
    insert_rows(IdeaTag, ["content_object", "tag"], [(p.idea.pk, pk) for p in plans for pk in p.tags])
    adapt = connection.ops.adapt_datetimefield_value
    votes = [(user, p.idea.pk, adapt(moment)) for p in plans for user, moment in p.votes]
    insert_rows(Vote, ["user", "idea", "created"], votes)

    tried = []
    for plan in plans:
        for report in plan.tried:
            report.idea_id = plan.idea.pk
            tried.append(report)
    TriedReport.objects.bulk_create(tried, batch_size=batch_size)

    reports = [
        Report(idea_id=p.idea.pk, reporter_id=r.reporter_id, reason=r.reason, note=r.note, created=r.created)
        for p in plans
        for r in p.reports
    ]
    comments_written = 0
    level = [(p.idea.pk, None, c) for p in plans for c in p.comments]
    depth = 1
    while level:
        rows = [
            Comment(
                idea_id=idea_id,
                author_id=c.author_id,
                parent_id=parent_id,
                depth=depth,
                body=c.body,
                status=c.status,
                hidden_by_reports=c.hidden_by_reports,
                created=c.created,
            )
            for idea_id, parent_id, c in level
        ]
        Comment.objects.bulk_create(rows, batch_size=batch_size)
        comments_written += len(rows)
        next_level = []
        for row, (idea_id, _parent, planned) in zip(rows, level, strict=True):
            reports.extend(
                Report(comment_id=row.pk, reporter_id=r.reporter_id, reason=r.reason, note=r.note, created=r.created)
                for r in planned.reports
            )
            next_level.extend((idea_id, row.pk, reply) for reply in planned.replies)
        level, depth = next_level, depth + 1
    Report.objects.bulk_create(reports, batch_size=batch_size)
    return len(votes), comments_written


# ---- shared generation helpers ---------------------------------------------------------------


class Generator:
    """Turns a seed into one concrete idea with its activity, using one Random for everything."""

    def __init__(self, rng, people, vocabulary, now):
        self.rng = rng
        self.people = people
        self.vocabulary = vocabulary
        self.now = now

    def moment_between(self, start, end):
        if end <= start:
            return start
        return start + (end - start) * self.rng.random()

    def title(self, seed, pattern, place):
        title = pattern.format(title=seed.title, place=place)
        return title if len(title) <= TITLE_MAX else seed.title

    def texts(self, seed, place, created, variant):
        rng = self.rng
        problem, solution, results = seed.problem, seed.solution, seed.results
        if variant:
            if rng.random() < 0.8:
                problem = f"{problem} {rng.choice(content.PROBLEM_ADDITIONS).format(place=place)}"
            if rng.random() < 0.6:
                solution = f"{solution} {rng.choice(content.SOLUTION_ADDITIONS)}"
            addition = rng.choice(content.RESULT_ADDITIONS).format(place=place, count=rng.randint(6, 90))
            results = " ".join(part for part in (results if rng.random() < 0.7 else "", addition) if part)
        started = created - timedelta(days=rng.randint(30, 400))
        context_line = rng.choice(content.CONTEXT_ADDITIONS).format(
            place=place, month=content.MONTHS[started.month - 1], year=started.year
        )
        return {
            "problem": problem,
            "solution": solution,
            "context": f"{seed.context} {context_line}",
            "results": results,
        }

    def idea(self, seed, *, title, author_id, status, created, variant=True):
        organisation_id = self.people.org_of[author_id]
        place = self.people.org_names[organisation_id]
        published = status in (Idea.Status.PUBLISHED, Idea.Status.ARCHIVED, Idea.Status.HIDDEN)
        published_at = created + timedelta(minutes=self.rng.randint(1, 180)) if published else None
        idea = Idea(
            title=title,
            author_id=author_id,
            organisation_id=organisation_id,
            status=status,
            created=created,
            updated=published_at or created,
            published_at=published_at,
            **self.texts(seed, place, created, variant),
        )
        plan = PlannedIdea(
            idea=idea,
            target_groups=[self.vocabulary.target_groups[k] for k in seed.groups if k in self.vocabulary.target_groups],
            themes=[self.vocabulary.themes[k] for k in seed.themes if k in self.vocabulary.themes],
        )
        tags = list(seed.tags)
        if self.rng.random() < 0.4:
            tags.append(self.rng.choice(content.EXTRA_TAGS))
        plan.tags = list(dict.fromkeys(self.vocabulary.tag_ids(tags)))
        return plan

    def votes(self, plan, count, hot=False):
        idea = plan.idea
        if count <= 0 or idea.published_at is None:
            return
        pool = self.people.everyone
        chosen = self.rng.sample(pool, min(len(pool), count + 1))
        voters = [user for user in chosen if user != idea.author_id][:count]
        recent = max(idea.published_at, self.now - timedelta(days=10))
        for user in voters:
            start = recent if hot and self.rng.random() < 0.6 else idea.published_at
            plan.votes.append((user, self.moment_between(start, self.now)))

    def thread(self, plan, tops, reply_chance, deep_chance, deleted_chance=0.03):
        idea = plan.idea
        if idea.published_at is None:
            return
        rng, pool = self.rng, self.people.everyone
        for _ in range(tops):
            author = rng.choice(pool)
            top = PlannedComment(author, rng.choice(content.COMMENTS), self.moment_between(idea.published_at, self.now))
            if rng.random() < deleted_chance:
                top.status = Comment.Status.DELETED
            plan.comments.append(top)
            if rng.random() >= reply_chance:
                continue
            for _reply in range(rng.choice((1, 1, 2))):
                replier = idea.author_id if idea.author_id and rng.random() < 0.5 else rng.choice(pool)
                reply = PlannedComment(replier, rng.choice(content.REPLIES), self.later(top.created))
                top.replies.append(reply)
                if rng.random() < deep_chance:
                    reply.replies.append(
                        PlannedComment(author, rng.choice(content.DEEP_REPLIES), self.later(reply.created))
                    )

    def later(self, moment):
        return min(moment + timedelta(hours=self.rng.uniform(1, 96)), self.now - timedelta(minutes=1))

    def tried(self, plan, organisations):
        idea = plan.idea
        if idea.published_at is None:
            return
        first = idea.published_at + timedelta(days=30)
        last = self.now - timedelta(days=14)
        if first >= last:
            return
        for organisation_id in organisations:
            authors = self.people.authors_by_org.get(organisation_id)
            if not authors or organisation_id == idea.organisation_id:
                continue
            tried_from = self.moment_between(first, last)
            ended = tried_from + timedelta(days=self.rng.randint(60, 200))
            plan.tried.append(
                TriedReport(
                    organisation_id=organisation_id,
                    author_id=self.rng.choice(authors),
                    tried_from=timezone.localdate(tried_from),
                    tried_to=timezone.localdate(ended) if ended < last and self.rng.random() < 0.5 else None,
                    what_happened=self.rng.choice(content.TRIED_NOTES),
                    created=self.moment_between(ended if ended < last else tried_from, self.now),
                )
            )


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


DEMO_FOLLOWS = {
    "anne@aarhus.dk": ("anbragte", ["efterværn"]),
    "jonas@kk.dk": ("hjemløse", ["gadeplan", "Housing First"]),
    "mette@odense.dk": ("familier", ["forældre"]),
    "sofie@vejle.dk": ("misbrug", ["pårørende", "naloxon"]),
}


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
    from search.indexing import index_objects

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


def seed_bulk_ideas(total, seed=SEED, stdout=None, batch=BULK_BATCH):
    """Top the number of ideas up to `total` with generated ones, in batches of `batch`."""
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
            batch_votes, batch_comments = write(plans, batch_size=1000)
        created += size
        votes += batch_votes
        comments += batch_comments
        elapsed = time.monotonic() - started
        say(f"  {existing + created}/{total} idéer · {votes} stemmer · {comments} kommentarer · {elapsed:.0f} s")
    bump_facets_version()
    return created

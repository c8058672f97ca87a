"""The benchmark's data set, in its own database: built once, then reused.

`python -m bench.dataset [--status]` runs inside the bench's Django environment (bench.config.django_env).
The data set is a list of steps; each records itself in the table `bench_dataset` (step, version,
parameters, counts, seconds) when it is done, so a later run skips it. A step whose version or
parameters changed makes the data set stale: `--status` says so and the orchestrator then starts
from an empty database. New kinds of data (methods, adoptions) are new steps at the end, added to
STEPS: an existing data set then only runs those.

The content reuses the demo package (ideabank/demo: the Danish seeds of its content/ with variations), written
with COPY (bench/writer.py); the counters (vote_count, comment_count, trending_score) are computed from
the very rows written, and a check at the end compares them with the tables.
"""

import json
import sys
import time
from datetime import timedelta

import django

CHUNK_IDEAS = 5000
SHOWCASE_COMMENTS = 50
VOTERS = 256
MARKER_TABLE = "bench_dataset"


def say(message):
    print(f"[dataset] {message}", flush=True)


# ---- the marker table ------------------------------------------------------------------------


def ensure_marker_table():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} ("
            "step varchar(40) PRIMARY KEY, version integer NOT NULL, parameters text NOT NULL, "
            "counts text NOT NULL, seconds real NOT NULL, built_at varchar(40) NOT NULL)"
        )


def read_markers():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT step, version, parameters, counts, seconds, built_at FROM {MARKER_TABLE}")  # noqa: S608
        return {
            step: {
                "version": version,
                "parameters": json.loads(parameters),
                "counts": json.loads(counts),
                "seconds": seconds,
                "built_at": built_at,
            }
            for step, version, parameters, counts, seconds, built_at in cursor.fetchall()
        }


def write_marker(step, parameters, counts, seconds):
    from django.db import connection
    from django.utils import timezone

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {MARKER_TABLE} WHERE step = %s", [step.name])  # noqa: S608
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} VALUES (%s, %s, %s, %s, %s, %s)",  # noqa: S608
            [step.name, step.version, json.dumps(parameters), json.dumps(counts), seconds, timezone.now().isoformat()],
        )


# ---- steps -----------------------------------------------------------------------------------


class Step:
    """One part of the data set. `run` returns counts worth remembering (e.g. the showcase idea's id)."""

    name = ""
    version = 1

    def wanted(self, context):
        return True

    def parameters(self, context):
        return {}

    def fresh(self, context, marker):
        """Whether what the marker describes is still there (checked on every run)."""
        return True

    def run(self, context):
        raise NotImplementedError


class Accounts(Step):
    name = "accounts"

    def run(self, context):
        from ideabank.demo.people import seed_accounts

        return {"demo_logins": len(seed_accounts())}


class DemoIdeas(Step):
    """The ~320 hand-written ideas of `seed_demo`, so the demo logins have ideas of their own."""

    name = "demo_ideas"

    def run(self, context):
        from ideabank.demo.ideas import seed_demo_ideas

        return {"created": seed_demo_ideas(stdout=say)}


class BulkIdeas(Step):
    """Generated ideas up to the target (100 000): ~10 votes and ~3 comments each, across 98 municipalities."""

    name = "bulk_ideas"

    def parameters(self, context):
        return {"ideas": context["ideas"]}

    def run(self, context):
        from ideabank.demo.ideas import seed_bulk_ideas
        from ideabank.ideas.models import Comment, Vote

        from .writer import write_plans

        created = seed_bulk_ideas(context["ideas"], stdout=say, batch=CHUNK_IDEAS, write=write_plans)
        return {"created": created, "votes": Vote.objects.count(), "comments": Comment.objects.count()}


class Showcase(Step):
    """One published idea with exactly 50 comments in threads: the idea_detail target."""

    name = "showcase"

    def fresh(self, context, marker):
        from ideabank.ideas.models import Comment

        pk = marker["counts"].get("idea")
        return Comment.objects.filter(idea_id=pk, status=Comment.Status.VISIBLE).count() == SHOWCASE_COMMENTS

    def run(self, context):
        from django.db import transaction
        from django.utils import timezone

        from ideabank.accounts.models import Organisation, User
        from ideabank.demo import SEED, plans, rng_for, writing
        from ideabank.demo.content import ideas as content
        from ideabank.ideas.models import Idea

        from .writer import write_plans

        rng = rng_for(SEED, "showcase")
        users = list(
            User.objects.filter(email__contains=".bulk.", organisation__isnull=False)
            .order_by("pk")
            .values_list("pk", "organisation_id")[:2000]
        )
        org_of = dict(users)
        names = dict(Organisation.objects.filter(pk__in=set(org_of.values())).values_list("pk", "name"))
        authors_by_org = {}
        for pk, organisation_id in users:
            authors_by_org.setdefault(organisation_id, []).append(pk)
        people = plans.People(authors_by_org=authors_by_org, everyone=sorted(org_of), org_of=org_of, org_names=names)
        vocabulary = plans.Vocabulary()
        vocabulary.prepare(content.IDEA_SEEDS)
        now = timezone.now()
        generator = plans.Generator(rng, people, vocabulary, now)
        seed = content.IDEA_SEEDS[0]
        author = people.everyone[0]
        plan = generator.idea(
            seed,
            title=generator.title(seed, content.TITLE_PATTERNS[1], people.org_names[org_of[author]]),
            author_id=author,
            status=Idea.Status.PUBLISHED,
            created=now - timedelta(days=200),
        )
        generator.votes(plan, 60)
        # Exactly 50 visible comments: top-level ones, each with a chain of up to two replies.
        written = 0
        while written < SHOWCASE_COMMENTS:
            at = generator.moment_between(plan.idea.published_at, now - timedelta(days=5))
            parent = plans.PlannedComment(rng.choice(people.everyone), rng.choice(content.COMMENTS), at)
            plan.comments.append(parent)
            written += 1
            for texts in (content.REPLIES, content.DEEP_REPLIES):
                if written == SHOWCASE_COMMENTS or rng.random() > 0.6:
                    break
                reply = plans.PlannedComment(
                    rng.choice(people.everyone), rng.choice(texts), generator.later(parent.created)
                )
                parent.replies.append(reply)
                parent, written = reply, written + 1
        with transaction.atomic(), writing.explicit_timestamps():
            write_plans([plan])
        from search.indexing import index_objects

        index_objects("idea", [plan.idea.pk])
        return {"idea": plan.idea.pk, "comments": SHOWCASE_COMMENTS, "votes": len(plan.votes)}


class Voters(Step):
    """Staff accounts with no votes and no ideas of their own, for the vote target (any idea works)."""

    name = "voters"

    def run(self, context):
        from ideabank.accounts.models import Organisation
        from ideabank.demo import GENERATED_DOMAIN, writing

        organisations = list(Organisation.objects.filter(municipality__isnull=False).order_by("municipality_id"))
        specs = [
            (
                f"stemmer{n}@{organisations[n % len(organisations)].slug}.bench.{GENERATED_DOMAIN}",
                f"Bench Stemmer {n}",
                "Socialrådgiver",
                organisations[n % len(organisations)].pk,
            )
            for n in range(VOTERS)
        ]
        return {"voters": len(writing.ensure_users(specs))}


METHODS = 500
METHOD_BATCH = 25


def optional(module, *names):
    """Names from a module of an app still being built (methods, spread), or None when it is not there yet."""
    import importlib

    try:
        loaded = importlib.import_module(module)
        return [getattr(loaded, name) for name in names]
    except (ImportError, AttributeError):
        return None


class Methods(Step):
    """~500 published method pages: the demo catalogue (ideabank/demo/methods.py, with its promotions and
    assessments), then variants of its seeds published and assessed the same way, without promotions."""

    name = "methods"

    def wanted(self, context):
        return optional("ideabank.demo.methods", "seed_methods", "build_page", "Vocabulary") is not None

    def run(self, context):
        import dataclasses

        from django.db import transaction

        from ideabank.accounts.models import Organisation
        from ideabank.demo import methods as demo
        from ideabank.demo.content import methods as content
        from ideabank.demo.people import demo_editor
        from ideabank.methods import services
        from ideabank.methods.elements import element_keys
        from ideabank.methods.models import MethodIndexPage, MethodPage

        demo.seed_methods(stdout=say)
        index = MethodIndexPage.objects.first()
        editor = demo_editor()
        vocabulary = demo.Vocabulary()
        places = list(
            Organisation.objects.filter(municipality__isnull=False)
            .order_by("municipality_id")
            .values_list("name", flat=True)
        )
        existing = set(MethodPage.objects.child_of(index).values_list("slug", flat=True))
        seeds = content.METHOD_SEEDS
        wanted = [
            dataclasses.replace(seed, slug=f"{seed.slug}-{n}", title=f"{seed.title} ({places[n % len(places)]})"[:250])
            for n in range(METHODS - len(seeds))
            for seed in [seeds[n % len(seeds)]]
        ]
        missing = [seed for seed in wanted if seed.slug not in existing]
        started = time.monotonic()
        for start in range(0, len(missing), METHOD_BATCH):
            with transaction.atomic():
                for seed in missing[start : start + METHOD_BATCH]:
                    index.refresh_from_db()
                    page = demo.build_page(seed, editor, vocabulary)
                    index.add_child(instance=page)
                    page.save_revision(user=editor).publish(user=editor)
                    scores = {
                        key: {"score": score, "justification": justification}
                        for key, (score, justification) in zip(element_keys(), seed.scores, strict=True)
                    }
                    services.assess(editor, page, scores=scores, conclusion=seed.conclusion)
            say(
                f"  {start + len(missing[start : start + METHOD_BATCH])}/{len(missing)} method variants · "
                f"{time.monotonic() - started:.0f} s"
            )
        return {"methods": MethodPage.objects.live().count()}


class Adoptions(Step):
    """~5 000 adoptions with status history and quarterly outcome reports (ideabank/demo/spread.py): the demo
    spread of the catalogue, then the same plan for every variant method, the widest-spread ones first."""

    name = "adoptions"

    def wanted(self, context):
        return optional("ideabank.demo.spread", "seed_adoptions", "plan_method", "insert") is not None

    def run(self, context):
        from django.db import transaction
        from django.utils import timezone

        from ideabank.accounts.models import Organisation, User
        from ideabank.demo import SEED
        from ideabank.demo import spread as demo
        from ideabank.methods.models import MethodPage
        from ideabank.spread.models import Adoption

        demo.seed_adoptions(stdout=say)
        today = timezone.localdate()
        taken = set(Adoption.objects.values_list("method_id", flat=True))
        methods = list(MethodPage.objects.live().exclude(pk__in=taken).order_by("pk").prefetch_related("indicators"))
        organisations = list(
            Organisation.objects.filter(kind=Organisation.Kind.KOMMUNE, municipality__isnull=False).order_by("pk")
        )
        staff = {}
        for user in User.objects.filter(organisation__in=organisations, is_active=True).order_by("pk")[:20000]:
            staff.setdefault(user.organisation_id, []).append(user)
        # A method's rank decides how widely it spreads: cycling through sixty ranks gives ~5 000 in all.
        plans = [
            demo.plan_method(n % 60, method, organisations, staff, today, SEED) for n, method in enumerate(methods)
        ]
        with transaction.atomic():
            demo.insert(plans)
        return {"adoptions": Adoption.objects.count()}


def other_kinds():
    """Search kinds besides ideas (method pages, …): few objects, indexed by search/indexing.py's own rebuild."""
    from search.documents import DOCUMENTS

    return [kind for kind in DOCUMENTS if kind != "idea"]


class DatabaseSearch(Step):
    """The database search backend's index (PostgreSQL tsvector + vocabulary) over everything searchable."""

    name = "search_database"

    def fresh(self, context, marker):
        from search.documents import MAPPING_VERSION
        from search.models import SearchEntry

        # An index built by older search code (other fields or analysis) is rebuilt, not measured.
        return (
            SearchEntry.objects.filter(kind="idea").count() == marker["counts"].get("entries")
            and marker["counts"].get("mapping") == MAPPING_VERSION
        )

    def run(self, context):
        from search.documents import MAPPING_VERSION
        from search.indexing import rebuild

        from .searchindex import build_database_index

        counts = {"entries": build_database_index(say=say), "mapping": MAPPING_VERSION}
        for kind in other_kinds():
            counts[kind] = rebuild(kind, with_elasticsearch=False)
        return counts


class ElasticsearchIndex(Step):
    """The Elasticsearch indices (when the bench runs with Elasticsearch), rebuilt when one is missing or
    the ideas' count is off."""

    name = "elasticsearch"

    def wanted(self, context):
        from django.conf import settings

        return bool(settings.ELASTICSEARCH_URL)

    def fresh(self, context, marker):
        from search.documents import MAPPING_VERSION
        from search.models import SearchEntry

        from .searchindex import elasticsearch_count

        ideas = elasticsearch_count() == SearchEntry.objects.filter(kind="idea").count()
        current = marker["counts"].get("mapping") == MAPPING_VERSION
        return ideas and current and all(elasticsearch_count(kind) is not None for kind in other_kinds())

    def run(self, context):
        from search.documents import MAPPING_VERSION
        from search.indexing import rebuild

        from .searchindex import build_elasticsearch_index

        # Always the ideas too: an index from older search code has other fields and analysis.
        counts = {"documents": build_elasticsearch_index(say=say), "mapping": MAPPING_VERSION}
        for kind in other_kinds():
            counts[kind] = rebuild(kind)
        return counts


# Methods come before the search indexes, which cover method pages too.
STEPS = [
    Accounts(),
    DemoIdeas(),
    BulkIdeas(),
    Showcase(),
    Voters(),
    Methods(),
    Adoptions(),
    DatabaseSearch(),
    ElasticsearchIndex(),
]


# ---- checks and the summary the load generator needs -------------------------------------------------------


def check_counters():
    """Denormalised counters equal the rows they count (a wrong counter would make the bench lie)."""
    from django.db.models import Count, OuterRef, Q, Subquery
    from django.db.models.functions import Coalesce

    from ideabank.ideas.models import Comment, Idea, Vote

    votes = Vote.objects.filter(idea=OuterRef("pk")).order_by().values("idea").annotate(n=Count("pk")).values("n")
    comments = (
        Comment.objects.filter(idea=OuterRef("pk"), status=Comment.Status.VISIBLE)
        .order_by()
        .values("idea")
        .annotate(n=Count("pk"))
        .values("n")
    )
    wrong = (
        Idea.objects.annotate(v=Coalesce(Subquery(votes), 0), c=Coalesce(Subquery(comments), 0))
        .filter(~Q(v=Coalesce("vote_count", 0)) | ~Q(c=Coalesce("comment_count", 0)))
        .count()
    )
    if wrong:
        raise SystemExit(f"{wrong} ideas have counters that differ from their rows")


def summary(markers, ran, seconds):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from taggit.models import Tag

    from ideabank.accounts.models import Organisation
    from ideabank.ideas.models import Comment, Idea, TriedReport, Vote
    from ideabank.taxonomy.models import TargetGroup, Theme
    from search.models import SearchEntry

    from .searchindex import elasticsearch_count

    public = Idea.objects.filter(status=Idea.Status.PUBLISHED)
    showcase = markers["showcase"]["counts"]["idea"]
    vote_ideas = list(public.exclude(pk=showcase).order_by("?").values_list("pk", flat=True)[:4000])
    voters = list(
        get_user_model()
        .objects.filter(email__startswith="stemmer", email__contains=".bench.")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    dataset = {
        "ideas": Idea.objects.count(),
        "published_ideas": public.count(),
        "votes": Vote.objects.count(),
        "comments": Comment.objects.count(),
        "tried_reports": TriedReport.objects.count(),
        "users": get_user_model().objects.count(),
        "organisations": Organisation.objects.count(),
        "tags": Tag.objects.count(),
        "target_groups": TargetGroup.objects.count(),
        "themes": Theme.objects.count(),
        "search_entries": SearchEntry.objects.filter(kind="idea").count(),
        "elasticsearch_documents": elasticsearch_count(),
        "showcase_idea_comments": Comment.objects.filter(idea_id=showcase).count(),
        "database": connection.vendor,
        "build_seconds": round(sum(m["seconds"] for m in markers.values()), 1),
        "reused": not ran,
        "this_run_seconds": round(seconds, 1),
        "steps": {name: {"version": m["version"], "seconds": round(m["seconds"], 1)} for name, m in markers.items()},
    }
    for extra in ("methods", "adoptions"):
        if extra in markers:
            dataset[extra] = markers[extra]["counts"].get(extra)
    from ideabank.demo.people import DEMO_PASSWORD

    return {
        "dataset": dataset,
        "password": DEMO_PASSWORD,  # the generated staff's, voters included (ideabank/demo/writing.py)
        "showcase_idea": showcase,
        "target_groups": list(TargetGroup.objects.order_by("slug").values_list("slug", flat=True)),
        "vote_ideas": vote_ideas,
        "voters": voters,
        "encounter_adoptions": encounter_adoptions(voters),
        "method_page": method_page(),
    }


def method_page():
    """The address of the live method page with the most adoptions (the logged-in pass's method target)."""
    if optional("ideabank.spread.models", "Adoption") is None:
        return None
    from django.db.models import Count

    from ideabank.methods.models import MethodPage

    page = MethodPage.objects.live().annotate(adopted=Count("adoptions")).order_by("-adopted", "pk").first()
    return page.url if page else None


def encounter_adoptions(voters):
    """{voter e-mail: an adoption of the voter's organisation}: where the encounter target registers."""
    from django.contrib.auth import get_user_model

    from ideabank.spread.models import Adoption

    organisations = dict(get_user_model().objects.filter(email__in=voters).values_list("email", "organisation_id"))
    first = {}
    for organisation_id, pk in (
        Adoption.objects.filter(organisation_id__in=set(organisations.values()))
        .order_by("organisation_id", "pk")
        .values_list("organisation_id", "pk")
    ):
        first.setdefault(organisation_id, pk)
    return {email: first[org] for email, org in organisations.items() if org in first}


def forget_bench_encounters():
    """Encounters the encounter target registered in an earlier run: the demo figures stay the demo's."""
    from ideabank.spread.models import Encounter

    gone, _ = Encounter.objects.filter(
        registered_by__email__startswith="stemmer", registered_by__email__contains=".bench."
    ).delete()
    if gone:
        say(f"Removed {gone} encounters left by the encounter target")


def forget_bench_votes():
    """Votes the vote target left behind (a run stopped between casting and withdrawing), counters restored."""
    from ideabank.ideas.models import Idea, Vote
    from ideabank.ideas.services import recount

    votes = Vote.objects.filter(user__email__startswith="stemmer", user__email__contains=".bench.")
    ideas = set(votes.values_list("idea_id", flat=True))
    if ideas:
        votes.delete()
        for idea in Idea.objects.filter(pk__in=ideas):
            recount(idea)
        say(f"Removed leftover bench votes on {len(ideas)} ideas")


def stale(markers, context):
    """Why the data set cannot be topped up (a step changed), or '' when it can."""
    for step in STEPS:
        marker = markers.get(step.name)
        if marker and (marker["version"] != step.version or marker["parameters"] != step.parameters(context)):
            return f"step {step.name} changed (version {marker['version']} → {step.version})"
    return ""


def main(argv):
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    context = {"ideas": int(argv[argv.index("--ideas") + 1]) if "--ideas" in argv else 100_000}
    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    ensure_marker_table()
    markers = read_markers()
    if "--status" in argv:
        print(json.dumps({"stale": stale(markers, context), "steps": sorted(markers)}))
        return
    if reason := stale(markers, context):
        raise SystemExit(f"The bench data set is stale ({reason}); start from an empty database.")
    forget_bench_votes()
    forget_bench_encounters()
    ran = []
    for step in STEPS:
        if not step.wanted(context):
            continue
        marker = markers.get(step.name)
        if marker and step.fresh(context, marker):
            continue
        say(f"{step.name} …")
        began = time.monotonic()
        counts = step.run(context)
        write_marker(step, step.parameters(context), counts, time.monotonic() - began)
        say(f"{step.name}: {counts} in {time.monotonic() - began:.1f} s")
        ran.append(step.name)
    if ran:
        check_counters()
        if connection.vendor == "postgresql":
            say("VACUUM ANALYZE …")
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
    markers = read_markers()
    result = summary(markers, ran, time.monotonic() - started)
    output = argv[argv.index("--output") + 1] if "--output" in argv else None
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2)
    say(
        ("Reused" if not ran else "Built")
        + f" data set: {result['dataset']['ideas']} ideas, {result['dataset']['votes']} votes, "
        f"{result['dataset']['comments']} comments ({time.monotonic() - started:.0f} s this run)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])

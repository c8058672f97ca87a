"""seed_demo's ideas: ~300 hand-written Danish ideas with activity, exact counters, idempotent and
deterministic; `--ideas N` tops the collection up to N generated ideas, just as consistent."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Q
from django.utils import timezone

from ideabank.accounts.models import User
from ideabank.demo import ideas as demo
from ideabank.demo.content import ideas as demo_content
from ideabank.ideas.models import TEXT_MAX, TITLE_MAX, Comment, Follow, Idea, IdeaTag, Report, Stage, TriedReport, Vote
from ideabank.ideas.queries import FACETS_VERSION_KEY
from ideabank.ideas.services import trending_weight
from ideabank.validators import contains_cpr_number

pytestmark = pytest.mark.django_db


def seed(**options):
    # These tests are about the ideas; the methods and their spread are tested in tests/methods and tests/spread
    # (and test_the_whole_seed_runs_once_and_twice below runs everything).
    options.setdefault("skip_methods", True)
    call_command("seed_demo", quiet_logins=True, stdout=_Sink(), **options)


class _Sink:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (Idea, Vote, Comment, TriedReport, Report, Follow, IdeaTag, User)
    }


def assert_counters_match_rows():
    votes = dict(Vote.objects.values_list("idea").annotate(n=Count("pk")))
    visible = dict(Comment.objects.filter(status=Comment.Status.VISIBLE).values_list("idea").annotate(n=Count("pk")))
    weights = Counter()
    for idea_id, created in Vote.objects.values_list("idea_id", "created").iterator():
        weights[idea_id] += trending_weight(created)
    checked = 0
    for pk, vote_count, comment_count, trending in Idea.objects.values_list(
        "pk", "vote_count", "comment_count", "trending_score"
    ):
        assert vote_count == votes.get(pk, 0), pk
        assert comment_count == visible.get(pk, 0), pk
        assert trending == pytest.approx(weights[pk], rel=1e-9, abs=1e-9), pk
        checked += 1
    assert checked == Idea.objects.count()


def test_seed_demo_creates_about_three_hundred_ideas_across_the_country():
    seed()
    ideas = Idea.objects.all()
    assert ideas.count() >= 250
    assert ideas.filter(status=Idea.Status.PUBLISHED).count() >= 250
    assert ideas.values("organisation__municipality").distinct().count() >= 35
    assert ideas.values("organisation__region").distinct().count() == 5
    assert Idea.target_groups.through.objects.values("targetgroup").distinct().count() >= 14
    assert Idea.themes.through.objects.values("theme").distinct().count() >= 12
    assert IdeaTag.objects.values("tag").distinct().count() >= 100
    # A realistic spread: private drafts, ideas waiting for approval, an archive.
    assert ideas.filter(status=Idea.Status.DRAFT).exists()
    assert ideas.filter(status=Idea.Status.PENDING).exists()
    assert ideas.filter(status=Idea.Status.ARCHIVED).exists()


def test_ideas_have_votes_threads_to_depth_three_and_tried_reports():
    seed()
    assert Vote.objects.count() >= 3000
    assert Comment.objects.filter(depth=1).exists()
    assert Comment.objects.filter(depth=3, parent__depth=2, parent__parent__depth=1).exists()
    assert not Comment.objects.filter(depth__gt=Comment.MAX_DEPTH).exists()
    tried = Idea.objects.filter(stage=Stage.TRIED)
    assert tried.count() >= 30
    # "Afprøvet" means another organisation reported trying it.
    assert not tried.filter(tried_reports__isnull=True).exists()
    assert not Idea.objects.filter(stage=Stage.IDEA, tried_reports__isnull=False).exists()
    assert not TriedReport.objects.filter(organisation=F("idea__organisation")).exists()
    assert not TriedReport.objects.filter(tried_from__gt=timezone.localdate()).exists()


def test_votes_follow_the_rules():
    seed()
    assert not Vote.objects.filter(user=F("idea__author")).exists()
    assert not Vote.objects.exclude(
        idea__status__in=[Idea.Status.PUBLISHED, Idea.Status.ARCHIVED, Idea.Status.HIDDEN]
    ).exists()
    assert not Comment.objects.filter(idea__status__in=[Idea.Status.DRAFT, Idea.Status.PENDING]).exists()
    assert not Vote.objects.filter(created__lt=F("idea__published_at")).exists()


def test_counters_equal_the_rows():
    seed()
    assert_counters_match_rows()


def test_moderation_queue_and_follows_have_demo_content():
    seed()
    open_reports = Report.objects.filter(handled_at__isnull=True)
    assert open_reports.filter(idea__isnull=False).exists()
    assert open_reports.filter(comment__isnull=False).exists()
    hidden_comment = Comment.objects.get(body=demo_content.SPAM_COMMENT)
    assert hidden_comment.status == Comment.Status.HIDDEN and hidden_comment.hidden_by_reports
    assert hidden_comment.reports.filter(handled_at__isnull=True).count() == Report.HIDE_THRESHOLD
    assert Idea.objects.filter(status=Idea.Status.HIDDEN, hidden_by_reports=True).exists()
    assert not Report.objects.filter(Q(reporter=F("idea__author")) | Q(reporter=F("comment__author")))
    assert Follow.objects.filter(user__email="anne@aarhus.dk").exists()


def test_demo_logins_have_ideas_of_their_own_and_a_private_draft():
    seed()
    for email in ("anne@aarhus.dk", "jonas@kk.dk", "mette@odense.dk", "sofie@vejle.dk"):
        own = Idea.objects.filter(author__email=email)
        assert own.filter(status=Idea.Status.PUBLISHED).exists(), email
        assert own.filter(status=Idea.Status.DRAFT).exists(), email
    assert Vote.objects.filter(user__email="anne@aarhus.dk").exists()


def test_demo_text_holds_no_cpr_numbers_and_passes_the_model_validators():
    seed()
    texts = [
        *Idea.objects.values_list("title", "problem", "solution", "context", "results"),
        *Comment.objects.values_list("body"),
        *TriedReport.objects.values_list("what_happened"),
        *Report.objects.values_list("note"),
    ]
    assert not [text for row in texts for text in row if contains_cpr_number(text)]
    for idea in Idea.objects.all():
        idea.full_clean(exclude=["author", "organisation"], validate_unique=False)
        assert len(idea.title) <= TITLE_MAX
    assert all(len(body) <= TEXT_MAX for body in Comment.objects.values_list("body", flat=True))


def test_seed_content_itself_holds_no_cpr_numbers():
    pieces = [
        *(
            getattr(s, f)
            for s in demo_content.IDEA_SEEDS
            for f in ("title", "problem", "solution", "context", "results")
        ),
        *demo_content.COMMENTS,
        *demo_content.REPLIES,
        *demo_content.DEEP_REPLIES,
        *demo_content.TRIED_NOTES,
        *demo_content.PROBLEM_ADDITIONS,
        *demo_content.SOLUTION_ADDITIONS,
        *demo_content.RESULT_ADDITIONS,
    ]
    assert len(demo_content.IDEA_SEEDS) >= 60
    assert not [piece for piece in pieces if contains_cpr_number(piece)]
    assert len({s.title for s in demo_content.IDEA_SEEDS}) == len(demo_content.IDEA_SEEDS)


def test_running_seed_demo_twice_changes_nothing():
    seed()
    before = snapshot()
    seed()
    assert snapshot() == before


def test_the_whole_seed_with_methods_and_spread_is_idempotent():
    from ideabank.methods.models import MethodPage
    from ideabank.spread.models import Adoption, OutcomeReport

    seed(skip_methods=False)
    counts = (MethodPage.objects.live().count(), Adoption.objects.count(), OutcomeReport.objects.count())
    assert all(counts)
    before = snapshot()
    seed(skip_methods=False)
    assert snapshot() == before
    assert (MethodPage.objects.live().count(), Adoption.objects.count(), OutcomeReport.objects.count()) == counts


def test_a_missing_demo_idea_is_recreated_and_nothing_else():
    seed()
    before = snapshot()
    victim = Idea.objects.filter(status=Idea.Status.PUBLISHED, comments__isnull=True, tried_reports__isnull=True)
    victim = victim.exclude(reports__isnull=False).order_by("pk").first()
    title, organisation = victim.title, victim.organisation_id
    victim.delete()
    seed()
    assert Idea.objects.filter(title=title, organisation_id=organisation).count() == 1
    assert snapshot()["Idea"] == before["Idea"]
    assert_counters_match_rows()


def test_the_plan_is_deterministic():
    seed()
    now = timezone.now()

    def plan():
        people, by_code, demo_staff = demo.demo_people(demo.SEED)
        vocabulary = demo.Vocabulary()
        plans = demo.plan_demo(demo.SEED, people, by_code, demo_staff, vocabulary, now)
        return [
            (p.idea.title, p.idea.organisation_id, p.idea.problem, len(p.votes), [c.body for c in p.all_comments()])
            for p in plans
        ]

    assert plan() == plan()


def test_ideas_option_tops_up_to_n_consistently():
    seed(ideas=2000)
    assert Idea.objects.count() == 2000
    assert Vote.objects.count() >= 10000
    assert Comment.objects.count() >= 3000
    assert Comment.objects.filter(depth=3).exists()
    assert Idea.objects.filter(stage=Stage.TRIED).count() > 50
    assert Idea.objects.values("organisation__municipality").distinct().count() >= 90
    assert_counters_match_rows()
    assert not Vote.objects.filter(user=F("idea__author")).exists()

    before = snapshot()
    seed(ideas=2000)
    assert snapshot() == before

    seed(ideas=2100)
    assert Idea.objects.count() == 2100
    assert_counters_match_rows()


def test_ideas_option_below_the_current_count_adds_nothing():
    seed()
    before = snapshot()
    seed(ideas=10)
    assert snapshot() == before


def test_bulk_loading_invalidates_cached_facets():
    from django.core.cache import cache

    cache.set(FACETS_VERSION_KEY, 41, None)
    seed(ideas=400)
    assert cache.get(FACETS_VERSION_KEY) > 41

"""Reading ideas (issue #3 §4): who sees what in lists, each filter, each sort (trending favours
recent votes), facet counts (each facet ignoring its own filter, cached until an idea changes),
comment threads, and a constant number of queries for the list and the idea page."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ideabank.ideas import queries, services
from ideabank.ideas.models import Comment, Idea, Stage, Vote
from ideabank.ideas.queries import IdeaFilters
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import IdeaFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def filters(query=""):
    return IdeaFilters.from_query(QueryDict(query))


def titles(queryset):
    return [idea.title for idea in queryset]


def ago(**delta):
    return timezone.now() - timedelta(**delta)


# ---- IdeaFilters ----------------------------------------------------------------------------


def test_filters_from_an_empty_query_sort_newest_and_filter_nothing():
    parsed = filters()
    assert parsed.sort == "newest"
    assert parsed.active == {}
    assert parsed.q == ""


def test_filters_keep_only_non_empty_values_trimmed():
    parsed = filters("theme=+bolig+&tag=&stage=tried&sort=votes")
    assert parsed.active == {"theme": "bolig", "stage": "tried"}
    assert parsed.theme == "bolig"
    assert parsed.sort == "votes"


@pytest.mark.parametrize(
    ("query", "sort"),
    [
        ("sort=bogus", "newest"),
        ("sort=relevance", "newest"),
        ("sort=relevance&q=mentor", "relevance"),
        ("q=mentor", "relevance"),
        ("q=mentor&sort=votes", "votes"),
        ("sort=trending", "trending"),
        ("sort=comments", "comments"),
    ],
)
def test_the_sort_falls_back_sensibly(query, sort):
    assert filters(query).sort == sort


def test_every_sort_has_a_danish_label():
    assert set(queries.SORTS) | {"relevance"} == set(queries.SORT_LABELS)


# ---- visible_ideas --------------------------------------------------------------------------


@pytest.fixture
def every_status(staff, colleague):
    """One idea per status by staff, plus a draft, a pending and a hidden idea by a colleague."""
    ideas = {status: IdeaFactory(author=staff, status=status, title=f"staff {status}") for status in Idea.Status}
    for status in (Idea.Status.DRAFT, Idea.Status.PENDING, Idea.Status.HIDDEN):
        IdeaFactory(author=colleague, status=status, title=f"colleague {status}")
    return ideas


def visible_titles(user):
    return set(queries.visible_ideas(user).values_list("title", flat=True))


def test_visitors_see_published_and_archived_ideas(every_status):
    assert visible_titles(AnonymousUser()) == {"staff published", "staff archived"}


def test_staff_also_see_their_own_unpublished_ideas_but_nobody_elses(every_status, staff, outsider):
    assert visible_titles(staff) == {
        "staff published",
        "staff archived",
        "staff draft",
        "staff pending",
        "staff hidden",
    }
    assert visible_titles(outsider) == {"staff published", "staff archived"}


@pytest.mark.parametrize("who", ["moderator", "editor", "administrator"])
def test_moderators_also_see_the_queue_but_not_other_peoples_drafts(every_status, who, request):
    assert visible_titles(request.getfixturevalue(who)) == {
        "staff published",
        "staff archived",
        "staff pending",
        "staff hidden",
        "colleague pending",
        "colleague hidden",
    }


# ---- filters --------------------------------------------------------------------------------


@pytest.fixture
def catalogue(staff, colleague, outsider):
    """Three ideas across two municipalities, vocabularies and stages."""
    young = TargetGroup.objects.create(name="Unge på gaden")
    elderly = TargetGroup.objects.create(name="Ensomme voksne")
    housing = Theme.objects.create(name="Bolig og job")
    health = Theme.objects.create(name="Sundhed og trivsel")
    aarhus_idea = IdeaFactory(
        author=staff, title="Aarhus", target_groups=[young], themes=[housing], tags=["Mentor"], published_at=ago(days=3)
    )
    odense_idea = IdeaFactory(
        author=outsider,
        title="Odense",
        target_groups=[elderly],
        themes=[health],
        tags=["Bolig"],
        stage=Stage.TRIED,
        published_at=ago(days=2),
    )
    archived = IdeaFactory(
        author=colleague,
        title="Arkiv",
        target_groups=[young, elderly],
        tags=["Mentor", "Bolig"],
        status=Idea.Status.ARCHIVED,
        published_at=ago(days=1),
    )
    return {
        "young": young,
        "elderly": elderly,
        "housing": housing,
        "health": health,
        "aarhus": aarhus_idea,
        "odense": odense_idea,
        "archived": archived,
    }


def listed(query, user=None):
    return sorted(titles(queries.list_ideas(user or AnonymousUser(), filters(query))))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Aarhus", "Odense"]),
        ("status=archived&target_group=unge-paa-gaden", ["Arkiv"]),
        ("target_group=unge-paa-gaden", ["Aarhus"]),
        ("theme=sundhed-og-trivsel", ["Odense"]),
        ("tag=mentor", ["Aarhus"]),
        ("tag=MENTOR", ["Aarhus"]),
        ("stage=tried", ["Odense"]),
        ("stage=idea", ["Aarhus"]),
        ("status=archived", ["Arkiv"]),
        ("status=published", ["Aarhus", "Odense"]),
        ("municipality=751", ["Aarhus"]),
        ("municipality=461", ["Odense"]),
        ("region=1082", ["Aarhus"]),
        ("region=1083", ["Odense"]),
        ("target_group=unge-paa-gaden&tag=bolig&status=archived", ["Arkiv"]),
        ("target_group=ensomme-voksne&stage=tried&region=1083", ["Odense"]),
        ("target_group=findes-ikke", []),
        ("municipality=aarhus", []),
        ("region=-1", []),
        ("stage=evidence", []),
    ],
)
def test_each_filter_narrows_the_list(catalogue, query, expected):
    assert listed(query) == expected


def test_archived_ideas_leave_the_default_list_but_a_filter_shows_them(catalogue):
    assert "Arkiv" not in listed("")
    assert listed("status=archived") == ["Arkiv"]
    status_facet = {row["value"]: row["count"] for row in queries.facets(AnonymousUser(), filters())["status"]}
    assert status_facet == {"published": 2, "archived": 1}


def test_the_organisation_filter_uses_the_slug(catalogue, odense):
    assert listed(f"organisation={odense.slug}") == ["Odense"]


def test_an_idea_matching_through_several_rows_is_listed_once(catalogue):
    both = catalogue["archived"]
    ids = list(queries.list_ideas(AnonymousUser(), filters("tag=bolig&target_group=ensomme-voksne&status=archived")))
    assert [idea.pk for idea in ids].count(both.pk) == 1


def test_filters_never_widen_what_a_user_may_see(catalogue, staff, colleague):
    IdeaFactory(author=colleague, title="Kladde", status=Idea.Status.DRAFT, target_groups=[catalogue["young"]])

    assert listed("status=draft", staff) == []
    assert listed("status=draft", colleague) == ["Kladde"]
    assert "Kladde" not in listed("target_group=unge-paa-gaden")


# ---- sorts ----------------------------------------------------------------------------------


def ordered(sort, user=None):
    return titles(queries.list_ideas(user or AnonymousUser(), filters(f"sort={sort}")))


def add_votes(idea, count, when):
    for voter in UserFactory.create_batch(count):
        vote = Vote.objects.create(user=voter, idea=idea)
        Vote.objects.filter(pk=vote.pk).update(created=when)
    services.recount(idea)


def test_newest_sorts_by_publication_time(staff):
    IdeaFactory(author=staff, title="midt", published_at=ago(days=2))
    IdeaFactory(author=staff, title="ny", published_at=ago(hours=1))
    IdeaFactory(author=staff, title="gammel", published_at=ago(days=30))

    assert ordered("newest") == ["ny", "midt", "gammel"]


def test_ideas_never_published_sort_after_published_ones_on_every_database(staff, moderator):
    """Moderators and authors see pending ideas and drafts in their lists. Their publication time is
    empty; PostgreSQL puts NULLs first in a descending sort and SQLite last, so the order must say."""
    IdeaFactory(author=staff, title="venter", status=Idea.Status.PENDING, published_at=None)
    IdeaFactory(author=staff, title="ny", published_at=ago(hours=1))
    IdeaFactory(author=staff, title="gammel", published_at=ago(days=30))

    for sort in ("newest", "votes", "trending", "comments"):
        assert ordered(sort, moderator) == ["ny", "gammel", "venter"], sort


def test_most_votes_first_and_ties_by_publication_time(staff):
    few = IdeaFactory(author=staff, title="få", published_at=ago(days=1))
    many = IdeaFactory(author=staff, title="mange", published_at=ago(days=5))
    tie = IdeaFactory(author=staff, title="få, men ældre", published_at=ago(days=9))
    add_votes(few, 1, ago(days=1))
    add_votes(many, 3, ago(days=1))
    add_votes(tie, 1, ago(days=1))

    assert ordered("votes") == ["mange", "få", "få, men ældre"]


def test_trending_favours_recent_votes_over_more_old_votes(staff):
    old_favourite = IdeaFactory(author=staff, title="gammel favorit", published_at=ago(days=90))
    rising = IdeaFactory(author=staff, title="på vej op", published_at=ago(days=60))
    IdeaFactory(author=staff, title="stille", published_at=ago(days=1))
    add_votes(old_favourite, 5, ago(days=60))
    add_votes(rising, 2, ago(hours=2))

    assert ordered("votes") == ["gammel favorit", "på vej op", "stille"]
    assert ordered("trending") == ["på vej op", "gammel favorit", "stille"]


def test_with_equal_votes_the_more_recent_ones_trend_higher(staff):
    last_month = IdeaFactory(author=staff, title="sidste måned", published_at=ago(days=1))
    this_week = IdeaFactory(author=staff, title="denne uge", published_at=ago(days=40))
    add_votes(last_month, 2, ago(days=30))
    add_votes(this_week, 2, ago(days=3))

    assert ordered("trending") == ["denne uge", "sidste måned"]


def test_trending_follows_votes_cast_through_the_services(staff, colleague):
    first = IdeaFactory(author=staff, title="første", published_at=ago(days=2))
    second = IdeaFactory(author=staff, title="anden", published_at=ago(days=1))
    add_votes(first, 1, ago(days=20))

    services.cast_vote(colleague, second)

    assert ordered("trending") == ["anden", "første"]


def test_most_discussed_first(staff, colleague):
    quiet = IdeaFactory(author=staff, title="stille", published_at=ago(days=1))
    busy = IdeaFactory(author=staff, title="travl", published_at=ago(days=5))
    for body in ("Et", "To"):
        services.add_comment(colleague, busy, body)
    services.add_comment(colleague, quiet, "Et")
    deleted = services.add_comment(colleague, quiet, "To")
    services.delete_comment(colleague, deleted)
    services.add_comment(colleague, quiet, "Tre")
    services.add_comment(colleague, quiet, "Fire")

    assert ordered("comments") == ["stille", "travl"]


def test_the_list_runs_a_constant_number_of_queries(staff, outsider):
    young = TargetGroup.objects.create(name="Unge på gaden")

    def run():
        shown = []
        with CaptureQueriesContext(connection) as context:
            for idea in queries.list_ideas(AnonymousUser(), filters("sort=votes")):
                shown.append((idea.organisation.name, idea.organisation.region, idea.author.display_name))
                shown.append((list(idea.tags.all()), list(idea.target_groups.all()), list(idea.themes.all())))
        assert shown
        return len(context.captured_queries)

    IdeaFactory(author=staff, tags=["Mentor"], target_groups=[young])
    few = run()
    for author in (staff, outsider, UserFactory(organisation=OrganisationFactory())):
        IdeaFactory(author=author, tags=["Mentor", "Bolig", "Job"], target_groups=[young])
    assert run() == few <= 12


# ---- facets ---------------------------------------------------------------------------------


def facet(result, name):
    return {row["value"]: row["count"] for row in result[name]}


def test_facets_count_the_filtered_ideas_per_value(catalogue, aarhus, odense):
    result = queries.facets(AnonymousUser(), filters())

    # The default list leaves the archived idea out; only the status facet counts it, to offer it.
    assert facet(result, "stage") == {"idea": 1, "tried": 1}
    assert facet(result, "status") == {"published": 2, "archived": 1}
    assert facet(result, "target_group") == {"unge-paa-gaden": 1, "ensomme-voksne": 1}
    assert facet(result, "theme") == {"bolig-og-job": 1, "sundhed-og-trivsel": 1}
    assert facet(result, "tag") == {"mentor": 1, "bolig": 1}
    assert facet(result, "organisation") == {aarhus.slug: 1, odense.slug: 1}
    assert facet(result, "region") == {"1082": 1, "1083": 1}
    assert facet(result, "municipality") == {"751": 1, "461": 1}

    archived = queries.facets(AnonymousUser(), filters("status=archived"))
    assert facet(archived, "tag") == {"mentor": 1, "bolig": 1}
    assert facet(archived, "organisation") == {aarhus.slug: 1}


def test_facet_rows_carry_labels_and_the_biggest_come_first(catalogue, aarhus):
    result = queries.facets(AnonymousUser(), filters("status=archived"))

    assert result["stage"][0] == {"value": "idea", "label": "Idé", "count": 1}
    assert result["status"][0] == {"value": "published", "label": "Offentliggjort", "count": 2}
    assert result["organisation"][0] == {"value": aarhus.slug, "label": aarhus.name, "count": 1, "region": 1082}
    assert result["region"][0] == {"value": "1082", "label": "Region Midtjylland", "count": 1}
    assert result["municipality"][0]["label"] == "Aarhus"
    labels = {row["value"]: row["label"] for row in result["target_group"]}
    assert labels["unge-paa-gaden"] == "Unge på gaden"


def test_each_facet_ignores_its_own_filter_but_obeys_the_others(catalogue):
    result = queries.facets(AnonymousUser(), filters("stage=tried"))

    assert facet(result, "stage") == {"idea": 1, "tried": 1}  # every choice stays on offer
    assert facet(result, "region") == {"1083": 1}
    assert facet(result, "tag") == {"bolig": 1}
    assert facet(result, "target_group") == {"ensomme-voksne": 1}


def test_facets_with_two_filters(catalogue):
    result = queries.facets(AnonymousUser(), filters("target_group=unge-paa-gaden&tag=bolig&status=archived"))

    assert facet(result, "target_group") == {"unge-paa-gaden": 1, "ensomme-voksne": 1}
    assert facet(result, "tag") == {"mentor": 1, "bolig": 1}
    assert facet(result, "status") == {"archived": 1}


def test_facets_count_only_what_the_public_sees_for_staff(catalogue, staff):
    IdeaFactory(author=staff, status=Idea.Status.DRAFT, tags=["Hemmelig"])
    IdeaFactory(author=staff, status=Idea.Status.HIDDEN, stage=Stage.PROMISING)

    result = queries.facets(staff, filters())

    assert "hemmelig" not in facet(result, "tag")
    assert facet(result, "stage") == {"idea": 1, "tried": 1}


def test_moderators_facets_include_the_queue(catalogue, staff, moderator):
    IdeaFactory(author=staff, status=Idea.Status.HIDDEN)
    IdeaFactory(author=staff, status=Idea.Status.PENDING, published_at=None)

    result = queries.facets(moderator, filters())

    assert facet(result, "status") == {"published": 2, "archived": 1, "hidden": 1, "pending": 1}


def test_facets_are_cached(catalogue):
    queries.facets(AnonymousUser(), filters("stage=tried"))

    with CaptureQueriesContext(connection) as context:
        queries.facets(AnonymousUser(), filters("stage=tried"))
    assert context.captured_queries == []


def test_a_new_idea_refreshes_the_facets(catalogue, staff, django_capture_on_commit_callbacks):
    queries.facets(AnonymousUser(), filters())

    with django_capture_on_commit_callbacks(execute=True):
        services.create_idea(staff, data={"title": "Ny", "problem": "P", "solution": "L"}, tags=["Mentor"])

    assert facet(queries.facets(AnonymousUser(), filters()), "tag")["mentor"] == 2


def test_a_tag_added_to_an_existing_idea_refreshes_the_facets(catalogue, staff, django_capture_on_commit_callbacks):
    queries.facets(AnonymousUser(), filters())

    with django_capture_on_commit_callbacks(execute=True):
        services.update_idea(staff, catalogue["aarhus"], data={}, tags=["Mentor", "Job"])

    assert facet(queries.facets(AnonymousUser(), filters()), "tag")["job"] == 1


def test_a_target_group_added_to_an_existing_idea_refreshes_the_facets(
    catalogue, staff, django_capture_on_commit_callbacks
):
    queries.facets(AnonymousUser(), filters())

    with django_capture_on_commit_callbacks(execute=True):
        services.update_idea(staff, catalogue["aarhus"], data={}, target_groups=[catalogue["elderly"]])

    assert facet(queries.facets(AnonymousUser(), filters()), "target_group") == {
        "ensomme-voksne": 2,
    }


def test_hiding_an_idea_refreshes_the_facets(catalogue, moderator, django_capture_on_commit_callbacks):
    queries.facets(AnonymousUser(), filters())

    with django_capture_on_commit_callbacks(execute=True):
        services.hide(moderator, catalogue["odense"])

    assert facet(queries.facets(AnonymousUser(), filters()), "stage") == {"idea": 1}


def test_approving_an_idea_refreshes_the_facets(catalogue, staff, moderator, django_capture_on_commit_callbacks):
    pending = IdeaFactory(author=staff, status=Idea.Status.PENDING, published_at=None, tags=["Ny"])
    queries.facets(AnonymousUser(), filters())

    with django_capture_on_commit_callbacks(execute=True):
        services.approve(moderator, pending)

    assert facet(queries.facets(AnonymousUser(), filters()), "tag").get("ny") == 1


def counted(query="", user=None):
    return queries.list_ideas(user or AnonymousUser(), filters(query)).count()


def test_the_list_count_equals_the_ideas_listed(catalogue, staff, colleague, moderator):
    IdeaFactory(author=colleague, title="Kladde", status=Idea.Status.DRAFT, target_groups=[catalogue["young"]])
    IdeaFactory(author=colleague, title="Sammenlagt", status=Idea.Status.MERGED, target_groups=[catalogue["young"]])

    for user in (AnonymousUser(), staff, colleague, moderator):
        for query in ("", "target_group=unge-paa-gaden", "tag=mentor&stage=idea", "status=draft", "q=mentor"):
            assert counted(query, user) == len(listed(query, user)), (user, query)


def test_the_list_count_is_cached_until_an_idea_changes(catalogue, staff, django_capture_on_commit_callbacks):
    assert counted("tag=mentor") == 1
    with CaptureQueriesContext(connection) as context:
        assert counted("tag=mentor") == 1
    assert context.captured_queries == []

    with django_capture_on_commit_callbacks(execute=True):
        services.create_idea(staff, data={"title": "Ny", "problem": "P", "solution": "L"}, tags=["Mentor"])

    assert counted("tag=mentor") == 2


def test_a_derived_queryset_counts_itself(catalogue):
    ideas = queries.list_ideas(AnonymousUser(), filters())
    assert ideas.filter(status=Idea.Status.PUBLISHED, stage=Stage.TRIED).count() == 1
    assert ideas[:1].count() == 1


def test_a_tried_report_refreshes_the_stage_facet(catalogue, outsider, django_capture_on_commit_callbacks):
    queries.facets(AnonymousUser(), filters())

    with django_capture_on_commit_callbacks(execute=True):
        services.report_tried(outsider, catalogue["aarhus"], tried_from=date(2025, 1, 1), what_happened="Det virkede.")

    assert facet(queries.facets(AnonymousUser(), filters()), "stage") == {"tried": 2}


# ---- the idea page --------------------------------------------------------------------------


def test_comment_tree_nests_replies_under_their_parents_in_order(staff, colleague, outsider):
    idea = IdeaFactory(author=staff)
    first = services.add_comment(colleague, idea, "1")
    reply = services.add_comment(outsider, idea, "1.1", parent=first)
    reply_to_reply = services.add_comment(colleague, idea, "1.1.1", parent=reply)
    second_reply = services.add_comment(staff, idea, "1.2", parent=first)
    second = services.add_comment(outsider, idea, "2")

    tree = queries.comment_tree(queries.idea_detail(idea.pk).comments.all())

    assert tree == [
        (first, [(reply, [(reply_to_reply, [])]), (second_reply, [])]),
        (second, []),
    ]


def test_comment_tree_of_no_comments_is_empty():
    assert queries.comment_tree([]) == []


def test_comment_tree_keeps_deleted_comments_as_placeholders(staff, colleague):
    idea = IdeaFactory(author=staff)
    parent = services.add_comment(colleague, idea, "Fortrudt")
    reply = services.add_comment(staff, idea, "Svar", parent=parent)
    services.delete_comment(colleague, parent)

    ((node, children),) = queries.comment_tree(queries.idea_detail(idea.pk).comments.all())

    assert node.pk == parent.pk
    assert node.status == Comment.Status.DELETED
    assert children == [(reply, [])]


def test_the_idea_page_runs_a_constant_number_of_queries(staff, colleague, outsider):
    idea = IdeaFactory(author=staff, tags=["Mentor"])
    services.add_comment(colleague, idea, "Et")
    services.report_tried(colleague, idea, tried_from=date(2025, 1, 1), what_happened="Godt")

    def run():
        shown = []
        with CaptureQueriesContext(connection) as context:
            detail = queries.idea_detail(idea.pk)
            for comment, _children in queries.comment_tree(detail.comments.all()):
                shown.append((comment.author.display_name, comment.author.organisation.name))
            shown.extend(tried.organisation.name for tried in detail.tried_reports.all())
            shown.append((list(detail.tags.all()), list(detail.target_groups.all()), list(detail.themes.all())))
            shown.append((detail.organisation.region, detail.author.display_name))
        assert shown
        return len(context.captured_queries)

    few = run()
    for author in (outsider, staff, UserFactory(organisation=OrganisationFactory())):
        services.add_comment(author, idea, "Mere")
    services.report_tried(outsider, idea, tried_from=date(2025, 2, 1), what_happened="Også godt")
    assert run() == few <= 12

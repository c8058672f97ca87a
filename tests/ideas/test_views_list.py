"""The idea list (/ideer/): filters, facets with counts, sorts, search, pagination, and a
constant number of queries however many ideas, votes, comments and tags there are."""

import re

import pytest
from django.urls import reverse

from ideabank.ideas import services
from ideabank.ideas.models import Idea, Stage
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import CommentFactory, IdeaFactory, UserFactory, municipal_organisation

pytestmark = pytest.mark.django_db

URL = reverse("ideas:list")


def titles(response):
    assert response.status_code == 200
    return re.findall(
        r'<h3 class="h4 idea-row-title" id="idea-\d+-title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def odense_staff(odense):
    return UserFactory(organisation=odense)


def test_the_list_shows_published_ideas_with_their_details(client, staff, colleague):
    group = TargetGroup.objects.first()
    idea = IdeaFactory(author=staff, title="Walk and talk", tags=["unge"], target_groups=[group])
    services.cast_vote(colleague, idea)
    services.add_comment(colleague, idea, "Godt!")

    response = client.get(URL)

    html = response.content.decode()
    assert titles(response) == ["Walk and talk"]
    assert f'href="{idea.get_absolute_url()}"' in html
    assert "Aarhus Kommune" in html
    assert "1 stemme<" in html
    assert "1 kommentar<" in html
    assert '<a href="/ideer/?tag=unge">unge</a>' in html
    assert group.name in html
    assert '<span class="sr-only">Trin: </span>Idé</span>' in html
    assert "Status: " not in html  # published ideas need no status badge
    assert '<h2 id="results-heading">1 idé</h2>' in html


def test_drafts_show_only_to_their_author_with_a_status_badge(client, staff, colleague):
    IdeaFactory(author=staff, title="Min kladde", status=Idea.Status.DRAFT, published_at=None)
    IdeaFactory(title="Offentlig")
    IdeaFactory(title="Skjult", status=Idea.Status.HIDDEN)

    assert titles(client.get(URL)) == ["Offentlig"]
    client.force_login(colleague)
    assert titles(client.get(URL)) == ["Offentlig"]
    client.force_login(staff)
    response = client.get(URL)
    assert sorted(titles(response)) == ["Min kladde", "Offentlig"]
    assert '<span class="sr-only">Status: </span>Kladde' in response.content.decode()


def test_moderators_also_see_the_review_queue(client, moderator):
    IdeaFactory(title="Venter", status=Idea.Status.PENDING)
    IdeaFactory(title="Offentlig")
    client.force_login(moderator)
    assert sorted(titles(client.get(URL))) == ["Offentlig", "Venter"]
    assert titles(client.get(URL, {"status": "pending"})) == ["Venter"]


def test_filters(client, staff, odense_staff):
    group, other_group = TargetGroup.objects.all()[:2]
    theme = Theme.objects.first()
    IdeaFactory(author=staff, title="Aarhus-idé", tags=["Unge"], target_groups=[group], themes=[theme])
    odense = IdeaFactory(author=odense_staff, title="Odense-idé", target_groups=[other_group])
    Idea.objects.filter(pk=odense.pk).update(stage=Stage.TRIED)
    aarhus_org = municipal_organisation(751)

    assert titles(client.get(URL, {"target_group": group.slug})) == ["Aarhus-idé"]
    assert titles(client.get(URL, {"theme": theme.slug})) == ["Aarhus-idé"]
    assert titles(client.get(URL, {"tag": "unge"})) == ["Aarhus-idé"]
    assert titles(client.get(URL, {"organisation": aarhus_org.slug})) == ["Aarhus-idé"]
    assert titles(client.get(URL, {"municipality": "461"})) == ["Odense-idé"]
    assert titles(client.get(URL, {"region": str(aarhus_org.region_id)})) == ["Aarhus-idé"]
    assert titles(client.get(URL, {"stage": "tried"})) == ["Odense-idé"]
    assert titles(client.get(URL, {"stage": "tried", "target_group": group.slug})) == []
    assert titles(client.get(URL, {"municipality": "nonsense"})) == []


def test_facets_show_counts_and_link_to_filters(client, staff, odense_staff):
    group = TargetGroup.objects.first()
    IdeaFactory(author=staff, target_groups=[group], tags=["unge"])
    IdeaFactory(author=staff, target_groups=[group])
    IdeaFactory(author=odense_staff)

    html = client.get(URL).content.decode()

    assert f'href="?target_group={group.slug}" class="facet-link"' in html
    match = re.search(
        rf'href="\?target_group={group.slug}" class="facet-link">.*?<span class="facet-count">(\d+)<', html
    )
    assert match and match.group(1) == "2"
    assert re.search(r'href="\?organisation=aarhus-kommune" class="facet-link">.*?facet-count">2<', html)
    assert re.search(r'href="\?organisation=odense-kommune" class="facet-link">.*?facet-count">1<', html)
    assert 'href="?tag=unge" class="facet-link"' in html


def test_a_chosen_facet_is_marked_and_can_be_removed(client, staff):
    group = TargetGroup.objects.first()
    IdeaFactory(author=staff, target_groups=[group])

    html = client.get(URL, {"target_group": group.slug, "sort": "votes", "page": "1"}).content.decode()

    assert 'class="facet-link facet-active" aria-current="true"' in html
    assert 'href="?sort=votes" class="facet-link facet-active"' in html  # removing keeps the sort, drops the page
    assert "Valgte filtre" in html
    assert f"Målgruppe: <strong>{group.name}</strong>" in html


def test_sorts(client, staff, colleague, outsider):
    quiet = IdeaFactory(author=staff, title="Stille")
    voted = IdeaFactory(author=staff, title="Populær")
    discussed = IdeaFactory(author=staff, title="Diskuteret")
    for voter in (colleague, outsider):
        services.cast_vote(voter, voted)
    services.cast_vote(colleague, discussed)
    for body in ("En", "To", "Tre"):
        services.add_comment(colleague, discussed, body)
    Idea.objects.filter(pk=quiet.pk).update(published_at=discussed.published_at.replace(year=2099))

    assert titles(client.get(URL, {"sort": "newest"}))[0] == "Stille"
    assert titles(client.get(URL, {"sort": "votes"})) == ["Populær", "Diskuteret", "Stille"]
    assert titles(client.get(URL, {"sort": "trending"}))[:2] == ["Populær", "Diskuteret"]
    assert titles(client.get(URL, {"sort": "comments"}))[0] == "Diskuteret"
    assert titles(client.get(URL, {"sort": "bogus"}))[0] == "Stille"


def test_the_sort_menu_offers_relevance_only_with_a_search(client):
    html = client.get(URL).content.decode()
    assert 'value="newest" selected' in html
    assert 'value="relevance"' not in html
    html = client.get(URL, {"q": "unge"}).content.decode()
    assert 'value="relevance" selected' in html


def test_search(client, staff):
    IdeaFactory(author=staff, title="Gåture med unge", solution="Vi går en tur.")
    IdeaFactory(author=staff, title="Madklub for ældre", solution="Vi laver mad sammen.")

    assert titles(client.get(URL, {"q": "madklub"})) == ["Madklub for ældre"]
    html = client.get(URL, {"q": "ingenting-her"}).content.decode()
    assert "Ingen idéer matcher din søgning" in html


def test_pagination_shows_20_per_page(client, staff):
    for n in range(45):
        IdeaFactory(author=staff, title=f"Idé {n:02d}")

    first = client.get(URL)
    third = client.get(URL, {"page": "3"})

    assert len(titles(first)) == 20
    assert len(titles(third)) == 5
    html = first.content.decode()
    assert '<nav class="pagination" aria-label="Paginering">' in html
    assert 'class="button current-page" aria-current="page" aria-label="Side 1">1</a>' in html
    assert 'href="?page=2"' in html
    assert "Side 1 af 3" in html
    assert "45 idéer" in html
    assert len(titles(client.get(URL, {"page": "999"}))) == 5  # past the end: the last page
    assert len(titles(client.get(URL, {"page": "x"}))) == 20


def test_paging_keeps_the_filters(client, staff):
    group = TargetGroup.objects.first()
    for _ in range(21):
        IdeaFactory(author=staff, target_groups=[group])
    html = client.get(URL, {"target_group": group.slug}).content.decode()
    assert f'href="?target_group={group.slug}&amp;page=2"' in html


def test_an_empty_bank_invites_the_first_idea(client, staff):
    assert "Der er endnu ingen idéer" in client.get(URL).content.decode()
    client.force_login(staff)
    assert f'href="{reverse("ideas:create")}"' in client.get(URL).content.decode()


def test_followable_filters_offer_a_follow_button(client, colleague, staff):
    IdeaFactory(author=staff, tags=["unge"])
    client.force_login(colleague)

    html = client.get(URL, {"tag": "unge"}).content.decode()

    assert 'name="kind" value="tag"' in html
    assert 'name="value" value="unge"' in html
    assert 'name="action" value="follow"' in html
    assert 'name="next" value="/ideer/?tag=unge"' in html
    assert 'Følg<span class="sr-only"> unge</span>' in html
    assert 'name="kind" value="theme"' not in client.get(URL, {"theme": "x"}).content.decode()


def test_visitors_get_no_follow_buttons(client, staff):
    IdeaFactory(author=staff, tags=["unge"])
    assert 'name="kind"' not in client.get(URL, {"tag": "unge"}).content.decode()


# ---- a constant number of queries ----------------------------------------------------------


@pytest.fixture
def crowded(staff, odense_staff):
    """45 ideas from two organisations with tags, vocabularies, votes and comments."""
    voters = [UserFactory() for _ in range(5)]
    groups, themes = list(TargetGroup.objects.all()[:3]), list(Theme.objects.all()[:3])
    for n in range(45):
        idea = IdeaFactory(
            author=staff if n % 2 else odense_staff,
            tags=[f"emne {n % 7}", f"emne {n % 11}", "fælles"],
            target_groups=groups[: 1 + n % 3],
            themes=themes[: 1 + n % 2],
        )
        for voter in voters[: n % 5]:
            services.cast_vote(voter, idea)
        for _ in range(n % 4):
            CommentFactory(idea=idea, author=voters[0])


QUERIES = [
    {},
    {"sort": "votes", "page": "2"},
    {"tag": "fælles", "sort": "comments"},
    {"target_group": "x", "organisation": "aarhus-kommune"},
    {"sort": "trending", "stage": "idea", "region": "1082"},
]
# A search adds the search service's own queries; for a logged-in user the shared page chrome
# (organisation in the header, admin permission in the menu, an unmemoised role lookup) then
# takes the page to 14, so searches are held to the budget for visitors.
SEARCHES = [{"q": "kontaktperson"}, {"q": "kontaktperson", "sort": "votes", "tag": "fælles"}]


@pytest.mark.parametrize("who", ["anonymous", "colleague", "staff"])
def test_the_list_runs_a_constant_number_of_queries(client, crowded, who, request, django_assert_max_num_queries):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for query in QUERIES + (SEARCHES if who == "anonymous" else []):
        client.get(URL, query)  # facets are cached between requests

        with django_assert_max_num_queries(12, info=str(query)):
            response = client.get(URL, query)

        assert response.status_code == 200

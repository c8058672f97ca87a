"""Plans of demo ideas: what to write, decided from a seed before anything is written (writing.py writes
them). A Generator turns an idea seed of content/ideas.json into one concrete idea with its votes, comment
threads and tried reports, using one Random for everything, so the same seed gives the same plan."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from taggit.models import Tag

from ideabank.ideas.models import TITLE_MAX, Comment, Idea, Stage, TriedReport
from ideabank.ideas.services import trending_weight
from ideabank.taxonomy.models import TargetGroup, Theme

from . import GENERATED_DOMAIN
from .content import ideas as content


def ascii_name(text):
    """A name as it would appear in an e-mail address: æ, ø and å spelled out, nothing else but a-z."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(char for char in text if char.isascii() and (char.isalnum() or char == "-"))


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

"""Idea seeds from everyday social work (ideas.json), and the comments, replies, "we tried it" notes and
names the generator combines them with."""

from dataclasses import dataclass

from . import read


@dataclass(frozen=True)
class IdeaSeed:
    title: str
    problem: str
    solution: str
    context: str
    results: str
    tags: tuple
    groups: tuple  # keys of TARGET_GROUPS
    themes: tuple  # keys of THEMES


_data = read("ideas")

TARGET_GROUPS = _data["target_groups"]
THEMES = _data["themes"]
IDEA_SEEDS = [
    IdeaSeed(**{name: tuple(value) if isinstance(value, list) else value for name, value in seed.items()})
    for seed in _data["idea_seeds"]
]
# Variations: {place}, {count}, {month} and {year} are filled in per idea; {title} in the title patterns.
TITLE_PATTERNS = _data["title_patterns"]
PROBLEM_ADDITIONS = _data["problem_additions"]
SOLUTION_ADDITIONS = _data["solution_additions"]
CONTEXT_ADDITIONS = _data["context_additions"]
RESULT_ADDITIONS = _data["result_additions"]
MONTHS = _data["months"]
EXTRA_TAGS = _data["extra_tags"]
COMMENTS = _data["comments"]
REPLIES = _data["replies"]
DEEP_REPLIES = _data["deep_replies"]
TRIED_NOTES = _data["tried_notes"]
# The moderation queue's examples, and the note a reporter gives per reason.
SPAM_COMMENT = _data["spam_comment"]
HARSH_COMMENT = _data["harsh_comment"]
REPORT_NOTES = _data["report_notes"]
FIRST_NAMES = _data["first_names"]
LAST_NAMES = _data["last_names"]
JOB_TITLES = _data["job_titles"]
DEMO_MUNICIPALITIES = _data["demo_municipalities"]  # municipality codes

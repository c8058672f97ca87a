from .assessments import Assessment, AssessmentDraft, AssessmentScore
from .escalation import EscalationPin, QueueSetAside
from .pages import MethodIndexPage, MethodPage, MethodPageTag, OutcomeIndicator
from .promotion import Promotion
from .research import ResearchItem

__all__ = [
    "Assessment",
    "AssessmentDraft",
    "AssessmentScore",
    "EscalationPin",
    "MethodIndexPage",
    "MethodPage",
    "MethodPageTag",
    "OutcomeIndicator",
    "Promotion",
    "QueueSetAside",
    "ResearchItem",
]

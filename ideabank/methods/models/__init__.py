from .assessments import Assessment, AssessmentDraft, AssessmentScore
from .business_case import BusinessEffect
from .escalation import EscalationPin, QueueSetAside
from .pages import MethodIndexPage, MethodPage, MethodPageTag, OutcomeIndicator
from .promotion import Promotion
from .research import ResearchItem

__all__ = [
    "Assessment",
    "AssessmentDraft",
    "AssessmentScore",
    "BusinessEffect",
    "EscalationPin",
    "MethodIndexPage",
    "MethodPage",
    "MethodPageTag",
    "OutcomeIndicator",
    "Promotion",
    "QueueSetAside",
    "ResearchItem",
]

from .assessments import Assessment, AssessmentScore
from .business_case import BusinessEffect
from .escalation import EscalationPin
from .pages import MethodIndexPage, MethodPage, MethodPageTag, OutcomeIndicator
from .promotion import Promotion
from .research import ResearchItem

__all__ = [
    "Assessment",
    "AssessmentScore",
    "BusinessEffect",
    "EscalationPin",
    "MethodIndexPage",
    "MethodPage",
    "MethodPageTag",
    "OutcomeIndicator",
    "Promotion",
    "ResearchItem",
]

from django import template

from ideabank.accounts.roles import is_editor
from ideabank.ideas.models import Stage

from ..models import EscalationPin, Promotion

register = template.Library()


@register.inclusion_tag("methods/includes/idea_knowledge.html", takes_context=True)
def idea_knowledge(context, idea):
    """On an idea's page: the method it became, and for editors the way up the ladder."""
    user = context["request"].user
    editor = is_editor(user)
    # Only ideas on a method's stage can have a published method; others cost no query for the public.
    lookup = editor or idea.stage in (Stage.METHOD, Stage.EVIDENCE)
    promotion = Promotion.objects.filter(idea=idea).select_related("method").first() if lookup else None
    return {
        "idea": idea,
        "method": promotion.method if promotion and (promotion.method.live or editor) else None,
        "editor": editor and idea.is_public,
        "promoted": promotion is not None,
        "pinned": editor and EscalationPin.objects.filter(idea=idea).exists(),
        "request": context["request"],
    }

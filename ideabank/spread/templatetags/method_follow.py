"""`{% method_follow_button page %}` on a method page: follow it to hear when another organisation takes it
into use. Posts to the ideas app's follow view, like every other follow button."""

from django import template

from ideabank.ideas.services import is_following

register = template.Library()


@register.inclusion_tag("ideas/includes/follow_button.html", takes_context=True)
def method_follow_button(context, method):
    request = context["request"]
    return {
        "kind": "method",
        "value": str(method.pk),
        "following": is_following(request.user, method=method),
        "next": request.path,
        "name": method.title,
        # The included template renders {% csrf_token %}, which needs the token from the page's context.
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }

"""`{% personal "name" argument %}`: a personal part of a page (see ideabank/pagecache/personal.py)."""

from django import template

from ideabank.pagecache import personal as parts

register = template.Library()


@register.simple_tag(takes_context=True)
def personal(context, name, argument="", **loaded):
    return parts.marked(context["request"], name, str(argument), **loaded)

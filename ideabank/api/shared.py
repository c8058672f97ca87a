"""API answers that colleagues share, checked against their schema once rather than on every request.

django-ninja validates and dumps whatever a view returns against the operation's response schema. For a
list of 20 ideas with its facets that costs more than reading the answer from the cache, and a shared
answer (personal.shared_value) is the same for every colleague until something is written. So the answer
is validated and dumped when it is computed, kept dumped, and handed back as a response, which ninja
passes on as it is. The bytes are those ninja would have written: the same dump and the same renderer.
"""

from django.http import HttpResponse
from ninja.renderers import JSONRenderer

from ideabank.pagecache import personal

RENDERER = JSONRenderer()  # the API's own: api.py names no other


def shared_answer(request, schema, compute, keep=lambda: True):
    """`compute()` validated against `schema` and dumped, once per audience, address and generation (see
    personal.shared_value). Change its personal fields, then give it to `respond`."""
    return personal.shared_value(request, lambda: schema.model_validate(compute()).model_dump(), keep)


def respond(request, answer):
    """The response for an answer `shared_answer` has checked, rendered as the API renders every answer."""
    content = RENDERER.render(request, answer, response_status=200)
    return HttpResponse(content, content_type=f"{RENDERER.media_type}; charset={RENDERER.charset}")

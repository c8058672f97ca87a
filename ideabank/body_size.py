"""The size a request says its body has, read the one way the API and the upload forms both need."""


def declared_length(request):
    """CONTENT_LENGTH as a number (0 when absent), or None when it is not one: then the body cannot be
    judged by its declaration, and the caller decides (refuse an upload, or measure the body)."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None

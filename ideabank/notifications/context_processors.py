from .services import unread_count


def unread(request):
    """The bell's count: one COUNT query, and none at all for anonymous visitors."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}

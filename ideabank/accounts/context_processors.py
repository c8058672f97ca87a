from .roles import Role, has_role


def roles(request):
    """Whether to show the admin link, from the role remembered on the user (no permission queries)."""
    user = getattr(request, "user", None)
    return {"is_moderator": bool(user and has_role(user, Role.MODERATOR))}

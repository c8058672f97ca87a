"""The signed-in user's name as a personal part of shared pages (ideabank/pagecache/personal.py)."""

from ideabank.pagecache.personal import part


@part("user_name", "accounts/includes/user_name.html")
def user_name(request, argument):
    return {}

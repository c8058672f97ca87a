"""The bell's count as a personal part of shared pages (ideabank/pagecache/personal.py)."""

from ideabank.pagecache.personal import part

from .services import unread_count


@part("bell", "notifications/includes/bell_count.html")
def bell(request, argument):
    return {"unread": unread_count(request.user)}

"""The front page's "Til dig" section as a personal part of the shared page (ideabank/pagecache/personal.py)."""

from ideabank.pagecache.personal import part

from .sections import personal_sections


@part("home_personal", "home/includes/personal.html")
def home_personal(request, argument):
    return {"personal": personal_sections(request.user)}

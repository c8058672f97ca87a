"""Whole pages for anonymous visitors and for signed-in colleagues, cached until anything they could show
changes.

Most readers of Idébanken are not logged in: the public, analysts, colleagues following a link. Their
pages are the same for everyone who reads them in the same language, so the first visitor's page is
kept and handed to the next ones. `middleware.PageCacheMiddleware` decides what may be cached and
serves it; `store` keeps the pages under a site-wide *generation* that every write moves on
(`apps.PageCacheConfig` wires the writes), so a vote, a comment or an edit is visible to the next
anonymous request. `IDEABANK_PAGE_CACHE_SECONDS` bounds how long an unchanged page lives (relative
times such as "for 3 minutter siden" age by at most that much); 0 switches the cache off.

Signed-in users share pages with colleagues of the same role and organisation, with what is theirs alone
rendered for each reader (`personal`).
"""

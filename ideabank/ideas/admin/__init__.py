"""Moderation in the Wagtail admin, registered by ideas/wagtail_hooks.py.

- actions: the confirmation pages for hiding, restoring, approving and merging ideas and comments;
- queue: the reports queue (its aggregation lives in ideas/queries.py);
- users: blocking and unblocking users, and the list of blocked users;
- listing: the ideas listing, an idea's details and history;
- panels: the moderator's to-do list on the admin dashboard;
- common: the moderator check and the small pieces the others share.

The views only collect a moderator's decision and hand it to the services (ideas/services.py,
accounts/services.py), which hold the rules and write the audit log. Every action is a confirmation page
(GET) and a CSRF-protected POST.
"""

"""The four roles of DESIGN §1 as Django groups, and the one place that says what each may do.

Roles are cumulative: a Redaktør may do everything a Moderator may, and so on. Groups and their
permissions are (re)synchronised after every migrate, so new apps only add codenames here.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Page


class Role(TextChoices):
    MEDARBEJDER = "medarbejder", _("Medarbejder")
    MODERATOR = "moderator", _("Moderator")
    REDAKTOER = "redaktoer", _("Redaktør")
    ADMINISTRATOR = "administrator", _("Administrator")


# Group names are stored data: keep them stable, whatever the UI language.
GROUP_NAMES = {
    Role.MEDARBEJDER: "Medarbejder",
    Role.MODERATOR: "Moderator",
    Role.REDAKTOER: "Redaktør",
    Role.ADMINISTRATOR: "Administrator",
}
RANK = [Role.MEDARBEJDER, Role.MODERATOR, Role.REDAKTOER, Role.ADMINISTRATOR]

MODERATOR_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "accounts.view_user",
    "accounts.view_organisation",
    # Moderation (ideas/wagtail_hooks.py); also lets moderators read these objects' audit log.
    "ideas.view_idea",
    "ideas.change_idea",
    "ideas.view_comment",
    "ideas.change_comment",
    "ideas.view_report",
    "ideas.change_report",
]
EDITOR_PERMISSIONS = [
    *MODERATOR_PERMISSIONS,
    "taxonomy.add_targetgroup",
    "taxonomy.change_targetgroup",
    "taxonomy.delete_targetgroup",
    "taxonomy.add_theme",
    "taxonomy.change_theme",
    "taxonomy.delete_theme",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    # The knowledge ladder (ideabank/methods): the research library and assessments.
    "methods.add_researchitem",
    "methods.change_researchitem",
    "methods.delete_researchitem",
    "methods.view_researchitem",
    "methods.view_assessment",
]
# Extra codenames other apps contribute (e.g. the ideas app adds moderation rights).
ROLE_PERMISSIONS = {
    Role.MEDARBEJDER: [],
    Role.MODERATOR: MODERATOR_PERMISSIONS,
    Role.REDAKTOER: EDITOR_PERMISSIONS,
    Role.ADMINISTRATOR: [],  # administrators are superusers
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def role_of(user):
    """The highest role a user holds, or None for anonymous users."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.ADMINISTRATOR
    # Asked several times per request (lists, facets, navigation): remember it on the user object.
    cached = getattr(user, "_ideabank_role", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        held = [role for role in RANK if GROUP_NAMES[role] in names]
        cached = user._ideabank_role = held[-1] if held else Role.MEDARBEJDER
    return cached


def has_role(user, role):
    """True when the user holds ``role`` or a higher one."""
    held = role_of(user)
    return held is not None and RANK.index(held) >= RANK.index(Role(role))


def is_moderator(user):
    return has_role(user, Role.MODERATOR)


def is_editor(user):
    return has_role(user, Role.REDAKTOER)


def is_administrator(user):
    return has_role(user, Role.ADMINISTRATOR)


def assign_role(user, role):
    """Give the user exactly one role; administrators become superusers."""
    role = Role(role)
    user.groups.set([Group.objects.get(name=GROUP_NAMES[role])])
    user._ideabank_role = None
    user.is_superuser = role == Role.ADMINISTRATOR
    user.is_staff = role == Role.ADMINISTRATOR
    user.save(update_fields=["is_superuser", "is_staff"])


def sync_role_groups(sender=None, **kwargs):
    for role, group_name in GROUP_NAMES.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        wanted = []
        for dotted in ROLE_PERMISSIONS[role]:
            app_label, codename = dotted.split(".")
            wanted.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        if role == Role.ADMINISTRATOR:
            wanted = list(Permission.objects.all())
        group.permissions.set(wanted)

    root = Page.get_first_root_node()
    if root is None:
        return
    editors = Group.objects.get(name=GROUP_NAMES[Role.REDAKTOER])
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
        if permission:
            GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)

"""Blocking and unblocking users, and the list of blocked users with the way back in."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.widgets.button import ListingButton
from wagtail.models import ModelLogEntry

from ideabank.accounts import services as account_services

from .actions import ModerationActionView, ReasonForm
from .common import ButtonsTitleColumn, ModeratorRequiredMixin, with_next

User = get_user_model()


class UserActionView(ModerationActionView):
    template_name = "ideas/admin/confirm_user_action.html"

    def get_object(self):
        return get_object_or_404(User.objects.select_related("organisation"), pk=self.kwargs["pk"])


class BlockUserView(UserActionView):
    page_title = gettext_lazy("Bloker bruger")
    form_class = ReasonForm
    header_icon = "lock"
    confirmation_message = gettext_lazy(
        "Brugeren logges ud med det samme og kan ikke logge ind igen, før blokeringen ophæves. "
        "Indhold, brugeren allerede har delt, bliver stående."
    )
    submit_label = gettext_lazy("Ja, bloker")
    submit_classname = "button serious"
    success_message = gettext_lazy("%(object)s er blokeret.")

    def is_available(self):
        return self.object.is_active

    def perform(self, cleaned_data):
        account_services.block_user(self.request.user, self.object, reason=cleaned_data.get("reason", ""))


class UnblockUserView(UserActionView):
    page_title = gettext_lazy("Ophæv blokering")
    header_icon = "lock-open"
    confirmation_message = gettext_lazy("Brugeren kan logge ind igen.")
    submit_label = gettext_lazy("Ja, ophæv blokeringen")
    success_message = gettext_lazy("Blokeringen af %(object)s er ophævet.")

    def is_available(self):
        return not self.object.is_active

    def perform(self, cleaned_data):
        account_services.unblock_user(self.request.user, self.object)


class BlockedUsersView(ModeratorRequiredMixin, BaseListingView):
    """Blocked (inactive) users, newest block first, with the way back in."""

    page_title = gettext_lazy("Blokerede brugere")
    verbose_name_plural = gettext_lazy("blokerede brugere")
    paginate_by = 30
    is_searchable = True
    search_fields = ["display_name", "email"]
    search_backend_name = None
    default_ordering = "-blocked_at"
    unblock_url_name = None

    def get_base_queryset(self):
        blocks = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User),
            object_id=Cast(OuterRef("pk"), CharField()),
            action="ideabank.block",
        ).order_by("-timestamp")
        return (
            User.objects.filter(is_active=False, deleted_at__isnull=True)  # deleted accounts are not blocked
            .select_related("organisation")
            .annotate(blocked_at=Subquery(blocks.values("timestamp")[:1]))
        )

    def order_queryset(self, queryset):
        field = self.ordering.lstrip("-")
        expression = F(field).desc(nulls_last=True) if self.ordering.startswith("-") else F(field).asc(nulls_last=True)
        return queryset.order_by(expression, "display_name", "pk")

    @cached_property
    def columns(self):
        return [
            ButtonsTitleColumn("display_name", label=_("Navn"), sort_key="display_name", get_buttons=self.row_buttons),
            Column("email", label=_("E-mail")),
            Column("organisation", label=_("Organisation")),
            DateColumn("blocked_at", label=_("Blokeret"), sort_key="blocked_at"),
        ]

    def row_buttons(self, user):
        url = with_next(reverse(self.unblock_url_name, args=[user.pk]), self.index_url)
        return [ListingButton(_("Ophæv blokering"), url=url, icon_name="lock-open", priority=10)]

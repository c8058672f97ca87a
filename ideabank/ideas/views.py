"""Idea pages in the browser: the list, the idea page, the idea form and the small POST actions.

Views stay thin: they parse input, call services.py (which holds every rule) and answer with a
redirect back to the idea (post/redirect/get) and a message. Service errors map to responses in
one place: PermissionDenied → 403, ValidationError → form errors, Conflict → a friendly message,
RateLimited → 429. Every page works without JavaScript.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideabank import ratelimit
from ideabank.attachments import services as attachment_services
from ideabank.attachments.forms import AttachmentsForm
from ideabank.body_size import declared_length
from ideabank.caching import fragments
from ideabank.errors import Conflict
from ideabank.ids import parse_id
from ideabank.next_url import local_next_url
from ideabank.taxonomy.slugs import retired_slug_redirect

from . import queries, services
from .forms import (
    CommentEditForm,
    CommentForm,
    FollowForm,
    IdeaForm,
    ReportForm,
    TriedForm,
    tag_suggestions,
)
from .models import Comment, Idea

PAGE_SIZE = 20
WHAT_NOW = "delt"  # query flag on the idea page right after it was published: show "Hvad nu?"

FACET_LABELS = {
    "target_group": gettext_lazy("Målgruppe"),
    "theme": gettext_lazy("Indsatsområde"),
    "tag": gettext_lazy("Emneord"),
    "stage": gettext_lazy("Trin"),
    "organisation": gettext_lazy("Organisation"),
    "region": gettext_lazy("Region"),
    "municipality": gettext_lazy("Kommune"),
    "status": gettext_lazy("Status"),
}
# The list's filter column: region and municipality live inside the one organisation facet (grouped by region),
# so the same municipalities are not offered twice. The filters themselves all still work.
SHOWN_FACETS = ("stage", "target_group", "theme", "organisation", "tag", "status")
# The filters a user can follow from the list. The list offers "follow" without looking up whether
# the user already follows (following twice is harmless): that lookup would take the page past
# its query budget. Unfollowing happens where the follows are listed.
FOLLOWABLE_FILTERS = ("tag", "target_group", "organisation")


# ---- shared helpers --------------------------------------------------------------------------


def forbidden(request, error):
    message = str(error.args[0]) if getattr(error, "args", None) else _("Du har ikke adgang til dette.")
    return TemplateResponse(request, "ideas/forbidden.html", {"message": message}, status=403)


def too_many(request):
    return ratelimit.rate_limited(request)


def login_first(next_url):
    """Anonymous writes go to the login page and come back to the page they came from."""
    return redirect_to_login(next_url)


def page_idea(request, pk):
    """The idea a small POST action is about (with what its redirect needs), or 404 unless visible to the user."""
    return queries.visible_idea(request.user, pk, Idea.objects.select_related("organisation", "merged_into"))


def safe_next(request, default):
    return local_next_url(request) or default


def add_service_errors(form, error):
    """Put a service's ValidationError on the form fields it names (or on the form as a whole)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, field_errors in error.message_dict.items():
        shown = field in form.fields and not form[field].is_hidden
        form.add_error(field if shown else None, field_errors)


def names_fields(form, error):
    """Whether a service's ValidationError points at fields the user sees in this form."""
    fields = getattr(error, "error_dict", {})
    return any(name in form.fields and not form[name].is_hidden for name in fields)


def error_text(error):
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


# ---- cached fragments (ideabank/caching.py) --------------------------------------------------

# Where a cached fragment's forms carry the CSRF token: each visitor's own is put in when it is served.
CSRF_STAMP = "0000csrfstamp0000"


def idea_rows(ideas):
    """The list's rows (ideas/includes/idea_row.html), each shared by everyone who sees that idea alike."""
    ideas = list(ideas)
    prefetch_related_objects(ideas, queries.cover_images())
    identities = [
        (
            idea.pk,
            idea.title,
            idea.stage,
            idea.status,
            idea.published_at,
            idea.created,
            idea.organisation.name,
            idea.vote_count,
            idea.comment_count,
            [group.name for group in idea.target_groups.all()],
            [(tag.slug, tag.name) for tag in idea.tags.all()],
            [(image.pk, image.description, bool(image.thumbnail)) for image in idea.images[:1]],
        )
        for idea in ideas
    ]
    contexts = [{"idea": idea} for idea in ideas]
    return fragments("ideas/includes/idea_row.html", contexts, identities, ("ideas/includes/stage_badge.html",))


def facets_panel(request, facet_groups, heading, count_label):
    """The facet links (includes/facets.html): the same for everyone with the same query and counts."""
    query = [(key, values) for key, values in request.GET.lists() if key != "page"]
    groups = [
        (group["name"], str(group["label"]), group["rows"], group["active"], group.get("open"), group.get("regions"))
        for group in facet_groups
    ]
    identity = (groups, query, str(heading), str(count_label))
    context = {"request": request, "facet_groups": facet_groups, "heading": heading, "count_label": count_label}
    includes = ("includes/icon.html", "includes/facet_rows.html", "includes/facet_row.html")
    return fragments("includes/facets.html", [context], [identity], includes)[0]


def comment_identity(comment):
    """Everything ideas/includes/comment.html shows of one comment itself."""
    author = comment.author
    organisation = getattr(author, "organisation", None)
    return (
        comment.pk,
        comment.depth,
        comment.status,
        comment.created,
        comment.edited_at,
        comment.body,
        getattr(author, "public_name", None),
        organisation.name if organisation else None,
    )


def anonymous_comment_thread(idea, tree):
    """The comment threads as a visitor sees them (no forms), one cached fragment per top-level comment."""

    def identity(comment, children):
        return (comment_identity(comment), [identity(child, grandchildren) for child, grandchildren in children])

    contexts = [{"comment": comment, "children": children, "idea": idea} for comment, children in tree]
    identities = [identity(comment, children) for comment, children in tree]
    return fragments("ideas/includes/comment.html", contexts, identities)


def signed_in_comment_threads(request, idea, tree, published):
    """The comment threads with a signed-in user's actions, one cached fragment per top-level comment.

    Besides the comments, a thread shows which actions this user has on each (reply, edit, delete,
    report); colleagues with the same actions share the fragment. Its forms are empty (a submission with
    errors is shown without this cache), and the CSRF token is put in when the fragment is served."""

    def identity(comment, children):
        actions = (bool(comment.reply_form), bool(comment.edit_form), comment.can_delete, bool(comment.report_form))
        return (comment_identity(comment), actions, [identity(child, grand) for child, grand in children])

    context = {"idea": idea, "user": request.user, "is_published": published, "csrf_token": CSRF_STAMP}
    contexts = [{**context, "comment": comment, "children": children} for comment, children in tree]
    identities = [(idea.pk, published, identity(comment, children)) for comment, children in tree]
    token = get_token(request)
    threads = fragments("ideas/includes/comment.html", contexts, identities)
    return [mark_safe(thread.replace(CSRF_STAMP, token)) for thread in threads]  # noqa: S308 - our fragments


# ---- the list --------------------------------------------------------------------------------


@require_GET
def idea_list(request):
    if moved := retired_slug_redirect(request):
        return moved
    filters = queries.IdeaFilters.from_query(request.GET)
    paginator = Paginator(queries.list_ideas(request.user, filters), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    facet_values = queries.facets(request.user, filters)
    facet_groups = [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "rows": facet_values.get(name, []),
            "active": filters.active.get(name),
            "open": name == "organisation" and bool(filters.active.get("region")),
        }
        for name in SHOWN_FACETS
    ]
    facet_groups[SHOWN_FACETS.index("organisation")]["regions"] = organisations_by_region(facet_values, filters)
    active_filters = [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "value": value,
            "value_label": _facet_value_label(facet_values.get(name, []), value),
            "followable": name in FOLLOWABLE_FILTERS,
        }
        for name, value in filters.active.items()
    ]
    sorts = [(key, label) for key, label in queries.SORT_LABELS.items() if key != "relevance" or filters.q]
    facet_groups = [group for group in facet_groups if group["rows"] or group["active"]]
    context = {
        "filters": filters,
        "page_obj": page_obj,
        "ideas": page_obj.object_list,
        "idea_rows": idea_rows(page_obj.object_list),
        "facet_groups": facet_groups,
        "facets_panel": facets_panel(request, facet_groups, _("Filtrér"), _("idéer")),
        "active_filters": active_filters,
        "sorts": sorts,
    }
    return TemplateResponse(request, "ideas/idea_list.html", context)


def organisations_by_region(facet_values, filters):
    """The organisation facet's rows under their region (each region a filter too); organisations without a
    region (national bodies, NGOs) come last under "Hele landet"."""
    regions = {row["value"]: row for row in facet_values.get("region", [])}
    region_group = {"label": str(FACET_LABELS["region"]), "active": filters.active.get("region")}
    rows_by_region = {}
    for row in facet_values.get("organisation", []):
        rows_by_region.setdefault(str(row.get("region") or ""), []).append(row)
    grouped = [
        {"row": regions.get(code), "label": regions[code]["label"] if code in regions else "", "group": region_group}
        | {"rows": sorted(rows_by_region.get(code, []), key=lambda row: row["label"])}
        for code in sorted(regions)
    ]
    if rows_by_region.get(""):
        grouped.append({"row": None, "label": _("Hele landet"), "group": region_group, "rows": rows_by_region[""]})
    return [region for region in grouped if region["rows"] or region["row"]]


def _facet_value_label(rows, value):
    return next((row["label"] for row in rows if row["value"] == value), value)


# ---- the idea page ---------------------------------------------------------------------------


def load_idea_page(request, pk):
    """The idea with everything its page shows, including the viewer's vote and follow."""
    try:
        return queries.idea_detail(pk, viewer=request.user)
    except Idea.DoesNotExist as missing:
        raise Http404 from missing


@require_GET
def idea_detail(request, pk):
    idea = load_idea_page(request, pk)
    if idea.status == Idea.Status.MERGED and idea.merged_into_id:
        return redirect(idea.merged_into, permanent=True)
    if not queries.can_view(request.user, idea):
        raise Http404
    return render_detail(request, idea)


def load_for_detail(request, pk):
    """The idea page's data again, for showing the page with a submission's errors."""
    idea = load_idea_page(request, pk)
    if not queries.can_view(request.user, idea):
        raise Http404
    return idea


def render_detail(request, idea, *, status=200, **forms):
    """The idea page. `forms` carry bound forms with errors when a submission is shown again."""
    user = request.user
    comments = list(idea.comments.all())
    reply_forms, edit_forms = forms.get("reply_forms") or {}, forms.get("edit_forms") or {}
    empty_forms = CommentForms()
    for comment in comments:
        annotate_comment(user, comment, reply_forms.get(comment.pk), edit_forms.get(comment.pk), empty_forms)
    tried_reports = list(idea.tried_reports.all())
    published = idea.status == Idea.Status.PUBLISHED
    own = user.is_authenticated and idea.author_id == user.pk
    tree = queries.comment_tree(comments)
    attachments = list(idea.attachments.all())
    context = {
        "idea": idea,
        "target_groups": list(idea.target_groups.all()),
        "themes": list(idea.themes.all()),
        "tags": list(idea.tags.all()),
        "comment_tree": tree,
        # Visitors all see the same threads; signed-in users get forms in each comment, cached unless a
        # submission's errors are shown again.
        "comment_threads": (
            anonymous_comment_thread(idea, tree)
            if not user.is_authenticated
            else None
            if forms
            else signed_in_comment_threads(request, idea, tree, published)
        ),
        "tried_reports": tried_reports,
        "attachments": attachments,
        "attachment_images": [attachment for attachment in attachments if attachment.is_image],
        "attachment_documents": [attachment for attachment in attachments if not attachment.is_image],
        "can_change_attachments": attachment_services.can_change(user, idea),
        "is_published": published,
        "is_own": own,
        "can_edit": services.can_edit(user, idea),
        "can_vote": published and user.is_authenticated and not own,
        "vote_count_formats": vote_count_formats(),
        "has_voted": published and user.is_authenticated and not own and idea.viewer_voted,
        "is_following": user.is_authenticated and idea.viewer_follows,
        "can_report_tried": (
            published
            and user.is_authenticated
            and bool(user.organisation_id)
            and all(report.organisation_id != user.organisation_id for report in tried_reports)
        ),
        # "Vi bruger idéen fast" (spread registers it; an organisation that already did is told there).
        # "Hvad nu?" right after the author published it (IdeaFormPage.post adds the flag).
        "what_now": own and published and request.GET.get(WHAT_NOW) == "1",
        "idea_link": request.build_absolute_uri(idea.get_absolute_url()),
        "can_register_use": published and user.is_authenticated and bool(user.organisation_id),
        "comment_form": forms.get("comment_form") or CommentForm(auto_id="id_comment_%s"),
        "report_form": ReportForm(auto_id="id_report_idea_%s"),
        "tried_form": forms.get("tried_form") or TriedForm(auto_id="id_tried_%s"),
    }
    return TemplateResponse(request, "ideas/idea_detail.html", context, status=status)


def accepts_replies(comment):
    """Whether the page offers a reply form under this comment (the service has the final say)."""
    return comment.status == Comment.Status.VISIBLE and comment.depth < Comment.MAX_DEPTH


class StampedForm:
    """An empty form rendered once per page and stamped with each comment's id.

    Under a 50-comment idea a signed-in user gets a reply and a report form per comment; rendering each
    through the widget templates cost more than the rest of the page. Empty forms differ only in the
    comment id inside their element ids and the reply's parent, so one rendering serves them all."""

    STAMP = "0000stamp0000"
    errors = {}

    def __init__(self, rendered, pk):
        self.rendered, self.pk = rendered, pk

    def __str__(self):
        return mark_safe(self.rendered.replace(self.STAMP, str(self.pk)))  # noqa: S308 - a rendered form

    __html__ = __str__


class CommentForms:
    """The empty reply and report forms of one page, each rendered at most once."""

    def __init__(self):
        self._rendered = {}

    def _stamped(self, kind, build, pk):
        if kind not in self._rendered:
            self._rendered[kind] = str(build(StampedForm.STAMP))
        return StampedForm(self._rendered[kind], pk)

    def reply(self, pk):
        return self._stamped(
            "reply",
            lambda stamp: CommentForm(auto_id=f"id_reply{stamp}_%s", initial={"parent": stamp}, label=_("Dit svar")),
            pk,
        )

    def report(self, pk):
        return self._stamped("report", lambda stamp: ReportForm(auto_id=f"id_report{stamp}_%s"), pk)


def annotate_comment(user, comment, reply_form=None, edit_form=None, empty_forms=None):
    """What this user may do with one comment, and the (unique-id) forms for it."""
    visible = comment.status == Comment.Status.VISIBLE
    own = user.is_authenticated and comment.author_id == user.pk
    comment.can_delete = own and comment.status != Comment.Status.DELETED
    comment.reply_form = comment.edit_form = comment.report_form = None
    if not (user.is_authenticated and visible):
        return
    empty_forms = empty_forms or CommentForms()
    if accepts_replies(comment):
        comment.reply_form = reply_form or empty_forms.reply(comment.pk)
    if services.can_edit_comment(user, comment):
        comment.edit_form = edit_form or CommentEditForm(
            auto_id=f"id_edit{comment.pk}_%s", initial={"body": comment.body}
        )
    if not own:
        comment.report_form = empty_forms.report(comment.pk)


# ---- posting and editing ---------------------------------------------------------------------


class IdeaFormPage:
    """The shared flow of the create and edit pages: draft, preview or publish."""

    def __init__(self, request, idea=None):
        self.request = request
        self.idea = idea

    def render(self, form, preview=None, files_form=None, status=200, similar=None):
        idea = self.idea
        context = {
            "similar": similar,
            "form": form,
            "files_form": files_form or AttachmentsForm(idea=idea),
            "idea": idea,
            "organisation": idea.organisation if idea else self.request.user.organisation,
            "tag_suggestions": tag_suggestions(),
            "preview": preview,
            "is_draft": idea is None or idea.status == Idea.Status.DRAFT,
        }
        return TemplateResponse(self.request, "ideas/idea_form.html", context, status=status)

    def get(self):
        return self.render(IdeaForm(instance=self.idea))

    def post(self):
        request = self.request
        if uploads_too_large(request):
            messages.error(request, _("Filerne fylder for meget tilsammen. Vedhæft færre eller mindre filer."))
            return self.render(IdeaForm(instance=self.idea), status=413)
        form = IdeaForm(request.POST, instance=self.idea or Idea())
        files_form = AttachmentsForm(request.POST, request.FILES, idea=self.idea)
        action = request.POST.get("action", "draft")
        valid = form.is_valid()
        if not (files_form.is_valid() and valid):
            return self.render(form, files_form=files_form, status=files_form.status or 200)
        if action == "preview":
            return self.render(form, preview=self.preview(form), similar=self.similar(form))
        arguments = form.service_arguments()
        publish = action == "publish"
        try:
            ratelimit.check(request, "idea")
            # The idea and its files are saved together: a failure keeps neither (nor the files written).
            with attachment_services.saving_files() as saving, transaction.atomic():
                if self.idea is None:
                    idea = services.create_idea(request.user, publish=publish, **arguments)
                else:
                    idea = services.update_idea(request.user, self.idea, publish=publish, **arguments)
                files_form.save(request.user, idea, saving)
        except ratelimit.RateLimited:
            return too_many(request)
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render(form, files_form=files_form, status=422 if names_files(error) else 200)
        messages.success(request, self.saved_message(idea, created=self.idea is None))
        if self.idea is None and idea.status == Idea.Status.PUBLISHED:
            return redirect(f"{idea.get_absolute_url()}?{WHAT_NOW}=1")  # the "Hvad nu?" panel
        return redirect(idea)

    def similar(self, form):
        """ "Findes din idé allerede?" without JavaScript: the same suggestions, shown with the preview."""
        cleaned = form.cleaned_data
        found = queries.similar_ideas(cleaned["title"], cleaned["problem"], exclude=self.idea.pk if self.idea else None)
        return [idea for idea, _score in found]

    def preview(self, form):
        cleaned = form.cleaned_data
        return {
            "idea": form.instance,
            "target_groups": list(cleaned["target_groups"]),
            "themes": list(cleaned["themes"]),
            "tags": cleaned["tags"],
        }

    @staticmethod
    def saved_message(idea, created):
        if idea.status == Idea.Status.DRAFT:
            return _("Kladden er gemt. Kun du kan se den, indtil du offentliggør den.")
        if idea.status == Idea.Status.PENDING:
            return _("Tak! Idéen venter nu på, at en moderator godkender den.")
        if created:
            return _("Tak! Din idé er offentliggjort, og kolleger i hele landet kan nu se den.")
        return _("Dine ændringer er gemt.")


def uploads_too_large(request):
    """More than the files the form can take could weigh: refused before the body is read."""
    limit = attachment_services.per_idea() * settings.IDEABANK_ATTACHMENT_MAX_BYTES + 1024 * 1024
    length = declared_length(request)
    return length is None or length > limit


def names_files(error):
    return any(name in ("file", "description") for name in getattr(error, "error_dict", {}))


@require_http_methods(["GET", "POST"])
def idea_create(request):
    if not request.user.is_authenticated:
        return login_first(request.get_full_path())
    page = IdeaFormPage(request)
    return page.post() if request.method == "POST" else page.get()


@require_http_methods(["GET", "POST"])
def idea_edit(request, pk):
    if not request.user.is_authenticated:
        return login_first(request.get_full_path())
    idea = page_idea(request, pk)
    if idea.status == Idea.Status.MERGED and idea.merged_into_id:
        return redirect(idea.merged_into)
    if not services.can_edit(request.user, idea):
        return forbidden(request, PermissionDenied(_("Du kan kun rette dine egne idéer.")))
    page = IdeaFormPage(request, idea)
    return page.post() if request.method == "POST" else page.get()


# ---- votes -----------------------------------------------------------------------------------


@require_POST
def support_instead(request, pk):
    """The idea form's "Støt denne idé i stedet": vote for and follow an existing idea, then go there. The
    button submits the idea form to this address, whose other fields are ignored: the draft is not saved."""
    idea = page_idea(request, pk)
    if not request.user.is_authenticated:
        return login_first(idea.get_absolute_url())
    try:
        ratelimit.check(request, "vote")
        voted = services.support_instead(request.user, idea)
    except ratelimit.RateLimited:
        return too_many(request)
    except PermissionDenied as error:
        return forbidden(request, error)
    if voted:
        messages.success(request, _("Tak! Du støtter nu idéen og får besked, når der sker noget med den."))
    else:
        messages.success(request, _("Du følger nu idéen og får besked, når der sker noget med den."))
    return redirect(idea)


@require_POST
def vote(request, pk):
    """The vote button without JavaScript (static/js/ideas.js sends the same vote to the API instead)."""
    idea = page_idea(request, pk)
    if not request.user.is_authenticated:
        return login_first(idea.get_absolute_url())
    withdraw = request.POST.get("action") == "unvote"
    try:
        ratelimit.check(request, "vote")
        (services.withdraw_vote if withdraw else services.cast_vote)(request.user, idea)
    except ratelimit.RateLimited:
        return too_many(request)
    except PermissionDenied as error:
        return forbidden(request, error)
    except Conflict as error:
        messages.info(request, str(error))
        return redirect(idea)
    messages.success(request, _("Din stemme er fjernet.") if withdraw else _("Tak for din stemme."))
    return redirect(f"{idea.get_absolute_url()}#vote")


def vote_count_formats():
    """The vote count's wording for the script that votes through the API ("%(votes)s stemme[r]"), singular and
    plural, so the count it shows reads as the page's own. Danish and English have just these two forms."""
    return {
        form: ngettext("%(votes)s stemme", "%(votes)s stemmer", number) for form, number in (("one", 1), ("other", 2))
    }


# ---- comments --------------------------------------------------------------------------------


@require_POST
def comment_create(request, pk):
    idea = page_idea(request, pk)
    if not request.user.is_authenticated:
        return login_first(idea.get_absolute_url())
    parent_id = parse_id(request.POST.get("parent", "").strip())
    if parent_id:
        form = CommentForm(request.POST, auto_id=f"id_reply{parent_id}_%s", label=_("Dit svar"))
    else:
        form = CommentForm(request.POST, auto_id="id_comment_%s")
    if form.is_valid():
        parent = None
        if parent_id:
            parent = Comment.objects.filter(pk=parent_id, idea=idea).first()
            if parent is None:
                form.add_error(None, _("Den kommentar, du svarer på, findes ikke længere."))
        if not form.errors:
            try:
                ratelimit.check(request, "comment")
                comment = services.add_comment(request.user, idea, form.cleaned_data["body"], parent=parent)
            except ratelimit.RateLimited:
                return too_many(request)
            except PermissionDenied as error:
                return forbidden(request, error)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Dit svar er sendt.") if parent else _("Din kommentar er sendt."))
                return redirect(f"{idea.get_absolute_url()}#comment-{comment.pk}")
    full = load_for_detail(request, pk)
    replied_to = next((comment for comment in full.comments.all() if comment.pk == parent_id), None)
    if replied_to is not None and accepts_replies(replied_to):
        return render_detail(request, full, reply_forms={parent_id: form})
    if parent_id:
        # The comment cannot take a reply (any more): offer the text as a new comment instead.
        form.data = form.data.copy()
        form.data["parent"] = ""
    return render_detail(request, full, comment_form=form)


def _comment_or_404(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("idea"), pk=pk)
    if not queries.can_view(request.user, comment.idea):
        raise Http404
    return comment


@require_POST
def comment_edit(request, pk):
    comment = _comment_or_404(request, pk)
    idea_url = comment.idea.get_absolute_url()
    if not request.user.is_authenticated:
        return login_first(idea_url)
    form = CommentEditForm(request.POST, auto_id=f"id_edit{comment.pk}_%s")
    if form.is_valid():
        try:
            services.edit_comment(request.user, comment, form.cleaned_data["body"])
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Kommentaren er rettet."))
            return redirect(f"{idea_url}#comment-{comment.pk}")
    return render_detail(request, load_for_detail(request, comment.idea_id), edit_forms={comment.pk: form})


@require_POST
def comment_delete(request, pk):
    comment = _comment_or_404(request, pk)
    idea_url = comment.idea.get_absolute_url()
    if not request.user.is_authenticated:
        return login_first(idea_url)
    try:
        services.delete_comment(request.user, comment)
    except PermissionDenied as error:
        return forbidden(request, error)
    messages.success(request, _("Kommentaren er slettet."))
    return redirect(f"{idea_url}#comment-{comment.pk}")


# ---- reports ---------------------------------------------------------------------------------


def _report(request, *, idea, comment=None):
    back = idea.get_absolute_url() + (f"#comment-{comment.pk}" if comment else "")
    if not request.user.is_authenticated:
        return login_first(back)
    form = ReportForm(request.POST)
    if not form.is_valid():
        errors = [f"{form.fields[name].label}: {' '.join(errs)}" for name, errs in form.errors.items()]
        messages.error(request, _("Anmeldelsen blev ikke sendt. %(errors)s") % {"errors": " ".join(errors)})
        return redirect(back)
    try:
        ratelimit.check(request, "report")
        services.report_content(
            request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            idea=None if comment else idea,
            comment=comment,
        )
    except ratelimit.RateLimited:
        return too_many(request)
    except PermissionDenied as error:
        return forbidden(request, error)
    except Conflict as error:
        messages.info(request, str(error))
        return redirect(back)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(back)
    messages.success(request, _("Tak. En moderator ser på din anmeldelse."))
    if comment is None:
        idea.refresh_from_db(fields=["status"])
        if not queries.can_view(request.user, idea):
            return redirect("ideas:list")
    return redirect(back)


@require_POST
def report_idea(request, pk):
    return _report(request, idea=page_idea(request, pk))


@require_POST
def report_comment(request, pk):
    comment = _comment_or_404(request, pk)
    return _report(request, idea=comment.idea, comment=comment)


# ---- "vi har prøvet det" ---------------------------------------------------------------------


@require_POST
def tried(request, pk):
    idea = page_idea(request, pk)
    if not request.user.is_authenticated:
        return login_first(idea.get_absolute_url())
    form = TriedForm(request.POST, auto_id="id_tried_%s")
    if form.is_valid():
        try:
            services.report_tried(request.user, idea, **form.cleaned_data)
        except PermissionDenied as error:
            return forbidden(request, error)
        except Conflict as error:
            messages.info(request, str(error))
            return redirect(f"{idea.get_absolute_url()}#tried")
        except ValidationError as error:
            if not names_fields(form, error):
                # Not about anything the writer can fix in the form (e.g. the organisation already reported).
                messages.error(request, error_text(error))
                return redirect(f"{idea.get_absolute_url()}#tried")
            add_service_errors(form, error)
        else:
            messages.success(request, _("Tak! Jeres afprøvning står nu på idéen."))
            return redirect(f"{idea.get_absolute_url()}#tried")
    return render_detail(request, load_for_detail(request, pk), tried_form=form)


# ---- follows ---------------------------------------------------------------------------------


@require_POST
def follow(request):
    """Follow or unfollow an idea, a tag, a target group or an organisation (`kind` + `value`)."""
    form = FollowForm(request.POST)
    default = reverse("ideas:list")
    if form.is_valid() and form.cleaned_data["kind"] == "idea" and parse_id(form.cleaned_data["value"]):
        default = reverse("ideas:detail", args=[parse_id(form.cleaned_data["value"])])
    back = safe_next(request, default)
    if not request.user.is_authenticated:
        return login_first(back)
    if not form.is_valid():
        messages.error(request, _("Vælg, hvad du vil følge."))
        return redirect(back)
    kind, value = form.cleaned_data["kind"], form.cleaned_data["value"].strip()
    unfollowing = form.cleaned_data["action"] == "unfollow"
    target = queries.follow_target(request.user, kind, value, unfollowing=unfollowing)
    if target is None:
        raise Http404
    try:
        if unfollowing:
            services.unfollow(request.user, **{kind: target})
            messages.success(request, _("Du følger ikke længere %(name)s.") % {"name": target})
        else:
            services.follow(request.user, **{kind: target})
            messages.success(request, _("Du følger nu %(name)s.") % {"name": target})
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect(back)

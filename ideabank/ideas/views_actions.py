"""The idea form (create and edit) and the small POST actions on an idea: support, vote, comment, report,
"vi har prøvet det" and follow. Each answers with a redirect back to the page (post/redirect/get) and a
message, or the page again with the form's errors."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ideabank import ratelimit
from ideabank.attachments import services as attachment_services
from ideabank.attachments.forms import AttachmentsForm
from ideabank.body_size import declared_length
from ideabank.errors import Conflict
from ideabank.ids import parse_id

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
from .fragments import accepts_replies
from .models import Comment, Idea
from .views import (
    WHAT_NOW,
    add_service_errors,
    error_text,
    forbidden,
    load_for_detail,
    login_first,
    names_fields,
    page_idea,
    render_detail,
    safe_next,
    too_many,
)

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

"""The browser's forms for ideas, comments, reports, tried reports and follows.

The forms only parse and check input; saving goes through services.py, which enforces the rules
and validates the models again (so the API and the admin get the same checks).
"""

from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ideabank.forms import CheckboxList, DkfdsFormMixin
from ideabank.taxonomy.models import TargetGroup, Theme
from ideabank.validators import USER_TEXT_VALIDATORS

from .models import TEXT_MAX, TITLE_MAX, Follow, Idea, Report

LIMITED_FIELD_TEMPLATE = "ideas/forms/limited_field.html"
TAG_MAX = 100
TAGS_MAX = 20
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"]


def too_long_message():
    return _("Må højst være %(limit_value)d tegn. Du har skrevet %(show_value)d.")


def limited_text(label, *, required=True, help_text="", rows=5, required_message=None):
    """A textarea with a visible character counter (DKFDS form-limit) and the shared text validators."""
    error_messages = {"max_length": too_long_message()}
    if required_message:
        error_messages["required"] = required_message
    return counted(
        forms.CharField(
            label=label,
            required=required,
            max_length=TEXT_MAX,
            help_text=help_text,
            validators=USER_TEXT_VALIDATORS,
            widget=forms.Textarea(attrs={"rows": rows}),
            error_messages=error_messages,
            template_name=LIMITED_FIELD_TEMPLATE,
        )
    )


def counted(field):
    """Drop the browser's hard `maxlength` stop: the DKFDS counter shows how far over the writer is,
    so pasted text is not silently cut off; the server still refuses too long a text."""
    field.widget.attrs.pop("maxlength", None)
    return field


def split_tags(value):
    """Comma-separated tags, trimmed; an empty string gives no tags."""
    return [tag for tag in (" ".join(part.split()) for part in (value or "").split(",")) if tag]


class TagsField(forms.CharField):
    """Free tags typed as a comma-separated list; each is a short text checked like a title."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 1000)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        tags = split_tags(value)
        errors = []
        if len(tags) > TAGS_MAX:
            errors.append(_("Brug højst %(count)d emneord.") % {"count": TAGS_MAX})
        for tag in tags:
            if len(tag) > TAG_MAX:
                errors.append(_("Et emneord må højst være %(limit)d tegn.") % {"limit": TAG_MAX})
                break
        if errors:
            raise forms.ValidationError(errors)
        return tags


class IdeaForm(DkfdsFormMixin, forms.ModelForm):
    """Post or edit an idea. The organisation comes from the author and is never a form field."""

    title = counted(
        forms.CharField(
            label=_("Titel"),
            max_length=TITLE_MAX,
            validators=USER_TEXT_VALIDATORS,
            help_text=_("Kort og konkret, fx 'Fast kontaktperson til unge efter anbringelse'."),
            error_messages={"required": _("Giv idéen en titel."), "max_length": too_long_message()},
            template_name=LIMITED_FIELD_TEMPLATE,
        )
    )
    problem = limited_text(
        _("Problem"),
        help_text=_("Hvilket konkret problem løser idéen? Hvem oplever det, og hvor ofte?"),
        required_message=_("Beskriv det problem, idéen løser."),
    )
    solution = limited_text(
        _("Løsning"),
        help_text=_("Hvad gør I? Beskriv det, så en kollega i en anden kommune kan gøre det samme."),
        rows=8,
        required_message=_("Beskriv løsningen."),
    )
    context = limited_text(
        _("Sammenhæng"),
        required=False,
        help_text=_("Hvor og for hvem er idéen afprøvet? Fx et botilbud, et team eller en skole."),
        rows=4,
    )
    results = limited_text(
        _("Resultater"),
        required=False,
        help_text=_("Hvad skete der? Hvad blev bedre for borgerne? Skriv gerne, hvordan I ved det."),
        rows=4,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Målgrupper"),
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=CheckboxList,
        help_text=_("Hvilke borgere er idéen til? Vælg alle, der passer."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Indsatsområder"),
        queryset=Theme.objects.all(),
        required=False,
        widget=CheckboxList,
        help_text=_("Hvilke områder af det sociale arbejde hører idéen til?"),
    )
    tags = TagsField(
        label=_("Emneord"),
        required=False,
        help_text=_("Adskil emneordene med komma, fx 'ensomhed, frivillige, efterværn'."),
        widget=forms.TextInput(attrs={"list": "tag-suggestions", "autocomplete": "off", "data-tag-input": ""}),
    )

    class Meta:
        model = Idea
        fields = ["title", "problem", "solution", "context", "results", "target_groups", "themes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["tags"] = ", ".join(tag.name for tag in self.instance.tags.all())

    def service_arguments(self):
        """The cleaned data split the way services.create_idea/update_idea take it."""
        data = {name: self.cleaned_data[name] for name in ("title", "problem", "solution", "context", "results")}
        return {
            "data": data,
            "target_groups": list(self.cleaned_data["target_groups"]),
            "themes": list(self.cleaned_data["themes"]),
            "tags": self.cleaned_data["tags"],
        }


def tag_suggestions(limit=200):
    """The tags most used on public ideas, for the autocomplete under the tags field.

    Only public ideas count, so a tag that so far sits on someone's draft is not shown to others.
    """
    public = [Idea.Status.PUBLISHED, Idea.Status.ARCHIVED]
    return list(
        Tag.objects.filter(ideas_ideatag_items__content_object__status__in=public)
        .annotate(uses=Count("ideas_ideatag_items"))
        .order_by("-uses", "name")
        .values_list("name", flat=True)[:limit]
    )


class CommentForm(DkfdsFormMixin, forms.Form):
    body = limited_text(_("Kommentar"), rows=4, required_message=_("Skriv din kommentar."))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["body"].label = label


class CommentEditForm(DkfdsFormMixin, forms.Form):
    body = limited_text(_("Ret kommentaren"), rows=4, required_message=_("Skriv din kommentar."))


class ReportForm(DkfdsFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Årsag"),
        choices=[("", _("Vælg en årsag")), *Report.Reason.choices],
        error_messages={"required": _("Vælg, hvorfor du anmelder."), "invalid_choice": _("Vælg en årsag fra listen.")},
    )
    note = forms.CharField(
        label=_("Bemærkning"),
        required=False,
        max_length=500,
        validators=USER_TEXT_VALIDATORS,
        help_text=_("Skriv kort, hvad der er galt. Gentag ikke personoplysninger."),
        error_messages={"max_length": too_long_message()},
    )


class TriedForm(DkfdsFormMixin, forms.Form):
    tried_from = forms.DateField(
        label=_("Afprøvet fra"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Skriv, hvornår I begyndte."), "invalid": _("Skriv en gyldig dato.")},
    )
    tried_to = forms.DateField(
        label=_("Afprøvet til"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Lad feltet stå tomt, hvis I stadig gør det."),
        error_messages={"invalid": _("Skriv en gyldig dato.")},
    )
    what_happened = limited_text(
        _("Hvad skete der?"),
        help_text=_("Hvad gjorde I, og hvad kom der ud af det for borgerne?"),
        required_message=_("Fortæl, hvad der skete."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("tried_from"), cleaned.get("tried_to")
        if start and end and end < start:
            self.add_error("tried_to", _("Slutdatoen ligger før startdatoen."))
        return cleaned


class FollowForm(forms.Form):
    """What to follow: an idea (by id), a tag, a target group or an organisation (by slug)."""

    kind = forms.ChoiceField(choices=[(kind, kind) for kind in Follow.KINDS])
    value = forms.CharField(max_length=200)
    action = forms.ChoiceField(choices=[("follow", "follow"), ("unfollow", "unfollow")], required=False)

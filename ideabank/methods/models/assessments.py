from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ideabank.validators import USER_TEXT_VALIDATORS

from ..elements import MAX_SCORE, Conclusion, element_names


class Assessment(models.Model):
    """An editor's Lovende praksis assessment of an idea or a method. Never edited: a new one is added,
    so the history of how the practice matured stays readable."""

    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, null=True, blank=True, related_name="assessments")
    method = models.ForeignKey(
        "methods.MethodPage", on_delete=models.CASCADE, null=True, blank=True, related_name="assessments"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vurderet af"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    conclusion = models.CharField(_("konklusion"), max_length=12, choices=Conclusion.choices)
    # What the system suggested from the scores when the editor decided.
    suggested = models.CharField(_("systemets forslag"), max_length=12, choices=Conclusion.choices)
    created = models.DateTimeField(_("vurderet"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("vurdering")
        verbose_name_plural = _("vurderinger")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(idea__isnull=False, method__isnull=True)
                | models.Q(idea__isnull=True, method__isnull=False),
                name="assessment_of_idea_or_method",
            )
        ]

    def __str__(self):
        return f"{self.target} – {self.get_conclusion_display()}"

    @property
    def target(self):
        return self.idea if self.idea_id else self.method

    def profile(self):
        """[(number, name, score, justification)] in the elements' official order."""
        names = element_names()
        by_key = {score.element: score for score in self.scores.all()}
        return [
            (number, names[key], by_key[key].score, by_key[key].justification)
            for number, key in enumerate(names, start=1)
            if key in by_key
        ]


class AssessmentScore(models.Model):
    """One element's score (0–3) and the assessor's reason for it."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    element = models.CharField(_("element"), max_length=40)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(MAX_SCORE)])
    justification = models.TextField(_("begrundelse"), max_length=2000, validators=USER_TEXT_VALIDATORS)

    class Meta:
        verbose_name = _("elementscore")
        verbose_name_plural = _("elementscorer")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "element"], name="one_score_per_element"),
            models.CheckConstraint(condition=models.Q(score__lte=MAX_SCORE), name="score_at_most_three"),
        ]

    def __str__(self):
        return f"{self.element}: {self.score}"


class AssessmentDraft(models.Model):
    """An assessment an editor has started and saved to finish later. One per editor and idea or method;
    submitting the finished assessment removes it. Holds the form's values as entered (blanks allowed)."""

    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    method = models.ForeignKey("methods.MethodPage", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # {"scores": {key: {"score": int | None, "justification": str}}, "conclusion": str}
    data = models.JSONField(default=dict)
    updated = models.DateTimeField(_("gemt"), auto_now=True)

    class Meta:
        verbose_name = _("vurderingskladde")
        verbose_name_plural = _("vurderingskladder")
        constraints = [
            models.UniqueConstraint(fields=["assessor", "idea"], name="one_draft_per_editor_and_idea"),
            models.UniqueConstraint(fields=["assessor", "method"], name="one_draft_per_editor_and_method"),
            models.CheckConstraint(
                condition=models.Q(idea__isnull=False, method__isnull=True)
                | models.Q(idea__isnull=True, method__isnull=False),
                name="assessment_draft_of_idea_or_method",
            ),
        ]

    def __str__(self):
        return str(self.idea or self.method)

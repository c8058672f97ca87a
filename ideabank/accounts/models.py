"""People and the organisations they work for. Every user belongs to one organisation; a
municipality's organisation is tied to its reference-data row."""

import secrets

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ideabank.taxonomy.slugs import danish_slugify
from ideabank.validators import NAME_VALIDATORS, USER_TEXT_VALIDATORS

from .signed_in import forget_users


class Organisation(index.Indexed, models.Model):
    """Where a user works. Municipalities come from the reference data; the rest are added by administrators."""

    class Kind(models.TextChoices):
        KOMMUNE = "kommune", _("Kommune")
        REGION = "region", _("Region")
        STAT = "stat", _("Stat")
        CIVILSAMFUND = "civilsamfund", _("Civilsamfund/NGO")
        PRIVAT = "privat", _("Privat leverandør")
        FORSKNING = "forskning", _("Forskning/uddannelse")

    name = models.CharField(_("navn"), max_length=200, unique=True, validators=NAME_VALIDATORS)
    slug = models.SlugField(_("kort navn"), max_length=200, unique=True, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    municipality = models.OneToOneField(
        "taxonomy.Municipality",
        verbose_name=_("kommune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
    )
    region = models.ForeignKey(
        "taxonomy.Region", verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True
    )
    email_domains = models.CharField(
        _("e-maildomæner"),
        max_length=500,
        blank=True,
        validators=USER_TEXT_VALIDATORS,
        help_text=_("Kommasepareret, fx 'aarhus.dk, mso.aarhus.dk'. Medarbejdere med disse domæner kan oprette sig."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("municipality"),
        FieldPanel("region"),
        FieldPanel("email_domains"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = danish_slugify(self.name)
        if self.municipality_id and not self.region_id:
            self.region_id = self.municipality.region_id
        super().save(*args, **kwargs)

    @property
    def domain_list(self):
        return [d.strip().lower() for d in self.email_domains.split(",") if d.strip()]


class UserQuerySet(models.QuerySet):
    def update(self, **changes):
        """A bulk update sends no post_save, so it tells the signed-in cache itself (signed_in.py)."""
        user_ids = list(self.values_list("pk", flat=True))
        count = super().update(**changes)
        forget_users(user_ids)
        return count


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_superuser=True, is_staff=True)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with e-mail. Roles are groups (see roles.py)."""

    email = models.EmailField(_("e-mail"), unique=True)
    display_name = models.CharField(_("navn"), max_length=150, validators=NAME_VALIDATORS)
    job_title = models.CharField(_("stilling"), max_length=150, blank=True, validators=NAME_VALIDATORS)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    language = models.CharField(_("sprog"), max_length=8, choices=settings.LANGUAGES, default="da")
    is_staff = models.BooleanField(_("Django-admin"), default=False)
    is_active = models.BooleanField(_("aktiv"), default=True)
    date_joined = models.DateTimeField(_("oprettet"), default=timezone.now)
    # Set when the account was deleted: the row stays (anonymised) so that shared ideas and comments keep
    # their organisation; see privacy.delete_account.
    deleted_at = models.DateTimeField(_("slettet"), null=True, blank=True, editable=False)
    # Whether the user has a confirmed authenticator app, kept in step by ideabank/mfa/signals.py: every
    # logged-in request asks (mfa/middleware.py), and the user row is loaded anyway.
    two_factor_enabled = models.BooleanField(_("totrinsbekræftelse slået til"), default=False, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def __str__(self):
        return self.public_name or self.email

    def get_full_name(self):
        return self.public_name

    def get_short_name(self):
        return self.public_name

    @property
    def public_name(self):
        """The name shown next to what the user shared: a deleted account is "Tidligere medarbejder"."""
        return gettext("Tidligere medarbejder") if self.deleted_at else self.display_name

    @property
    def role_names(self):
        return [group.name for group in self.groups.all()]


class Invitation(models.Model):
    """Lets someone outside the allowed e-mail domains sign up, into a given organisation."""

    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    panels = [FieldPanel("email"), FieldPanel("organisation")]

    class Meta:
        ordering = ["-created"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitationer")

    def __str__(self):
        return self.email

    @admin.display(description=_("link til oprettelse"))
    def get_signup_path(self):
        return f"{reverse('accounts:signup')}?invitation={self.token}"

    @property
    def is_valid(self):
        age = timezone.now() - self.created
        return self.used_at is None and age.days < settings.IDEABANK_INVITATION_DAYS


class UserSession(AbstractBaseSession):
    """A database session that knows whose it is, so all of one user's sessions end with one query.

    The session engine (accounts/sessions.py) fills `user` from the session data on every save.
    """

    # No database constraint: a session may be saved for a user deleted a moment earlier.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="sessions",
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessioner")

    @classmethod
    def get_session_store_class(cls):
        from .sessions import SessionStore  # here: sessions.py builds on this module's UserSession

        return SessionStore

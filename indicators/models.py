"""The indicator catalogue: signals (signalen) with their domain, strength and the forms of
exploitation they point to; premises types, sectors and contact points. Editors keep it as Wagtail
snippets; every published change is a numbered CatalogueVersion with a snapshot, so that a report
records exactly which catalogue its signals came from."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from .exploitation import ExploitationForm, split_codes

# The catalogue's languages: those of the public report form. Every text is kept in all six.
CATALOGUE_LANGUAGES = ("nl", "en", "pl", "ro", "bg", "uk")


def catalogue_language(language=None):
    """The catalogue language for a language code ('pl', 'pl-pl', None = the active one): one of
    CATALOGUE_LANGUAGES, Dutch when the code is none of them."""
    code = (language or get_language() or "nl").lower().split("-")[0].split("_")[0]
    return code if code in CATALOGUE_LANGUAGES else "nl"


def localised(obj, field, language=None):
    """`obj`'s text `field` ("text", "name") in `language` (the active one by default). An empty
    translation falls back to English, then Dutch, so the page never shows an empty label."""
    code = catalogue_language(language)
    for candidate in (code, "en", "nl"):
        value = getattr(obj, f"{field}_{candidate}", "")
        if value:
            return value
    return ""


class Domain(models.TextChoices):
    APPEARANCE = "appearance", _("Appearance")
    BEHAVIOUR = "behaviour", _("Behaviour")
    WORK_HOUSING = "work_housing", _("Work and housing")
    MONEY = "money", _("Money")
    DOCUMENTS = "documents", _("Documents")
    SOCIAL = "social", _("Social contacts")
    ONLINE = "online", _("Online")
    SCHOOL = "school", _("School")
    LOCATION = "location", _("Location")
    HEALTH = "health", _("Health")


class Strength(models.TextChoices):
    STRONG = "strong", _("Strong")
    MODERATE = "moderate", _("Moderate")
    WEAK = "weak", _("Weak")


class Subject(models.TextChoices):
    PERSON = "person", _("A person")
    LOCATION = "location", _("A location")


@register_snippet
class Indicator(models.Model):
    code = models.CharField(_("code"), max_length=12, unique=True)
    text_nl = models.CharField(_("text (Dutch)"), max_length=300)
    text_en = models.CharField(_("text (English)"), max_length=300)
    text_pl = models.CharField(_("text (Polish)"), max_length=300)
    text_ro = models.CharField(_("text (Romanian)"), max_length=300)
    text_bg = models.CharField(_("text (Bulgarian)"), max_length=300)
    text_uk = models.CharField(_("text (Ukrainian)"), max_length=300)
    domain = models.CharField(_("domain"), max_length=16, choices=Domain.choices)
    strength = models.CharField(_("strength"), max_length=10, choices=Strength.choices)
    forms = models.CharField(
        _("forms of exploitation"),
        max_length=200,
        help_text=_("Codes separated by |, e.g. |labour|sexual|"),
    )
    subject = models.CharField(
        _("about"), max_length=10, choices=Subject.choices, default=Subject.PERSON
    )
    minors = models.BooleanField(_("about minors"), default=False)
    active = models.BooleanField(_("in use"), default=True)

    panels = [
        FieldPanel("code"),
        FieldPanel("text_nl"),
        FieldPanel("text_en"),
        FieldPanel("text_pl"),
        FieldPanel("text_ro"),
        FieldPanel("text_bg"),
        FieldPanel("text_uk"),
        FieldPanel("domain"),
        FieldPanel("strength"),
        FieldPanel("forms"),
        FieldPanel("subject"),
        FieldPanel("minors"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.code} {self.text_nl}"

    def text_for(self, language=None):
        """The text in `language` (the active language by default); see localised()."""
        return localised(self, "text", language)

    @property
    def form_codes(self):
        return [code for code in split_codes(self.forms) if code in ExploitationForm.values]


@register_snippet
class PremisesType(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_pl = models.CharField(_("name (Polish)"), max_length=100)
    name_ro = models.CharField(_("name (Romanian)"), max_length=100)
    name_bg = models.CharField(_("name (Bulgarian)"), max_length=100)
    name_uk = models.CharField(_("name (Ukrainian)"), max_length=100)
    forms = models.CharField(_("forms of exploitation"), max_length=200, blank=True)

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("premises type")
        verbose_name_plural = _("premises types")

    def __str__(self):
        return self.name_nl

    def name_for(self, language=None):
        """The name in `language` (the active language by default); see localised()."""
        return localised(self, "name", language)

    @property
    def form_codes(self):
        return split_codes(self.forms)


@register_snippet
class Sector(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_pl = models.CharField(_("name (Polish)"), max_length=100)
    name_ro = models.CharField(_("name (Romanian)"), max_length=100)
    name_bg = models.CharField(_("name (Bulgarian)"), max_length=100)
    name_uk = models.CharField(_("name (Ukrainian)"), max_length=100)

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name_nl

    def name_for(self, language=None):
        """The name in `language` (the active language by default); see localised()."""
        return localised(self, "name", language)


@register_snippet
class ContactPoint(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    hours = models.CharField(_("opening hours"), max_length=100, blank=True)
    purpose_nl = models.TextField(_("what for (Dutch)"))
    purpose_en = models.TextField(_("what for (English)"), blank=True)
    forms = models.CharField(_("forms of exploitation"), max_length=200, blank=True)
    acute = models.BooleanField(_("for acute danger"), default=False)
    needs_verification = models.BooleanField(
        _("verify before publishing"),
        default=False,
        help_text=_("The number or address has not been confirmed yet."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")

    def __str__(self):
        return self.name


class CatalogueVersion(models.Model):
    """A numbered snapshot of all active indicators, taken whenever the catalogue changes."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    snapshot = models.JSONField(_("indicators"))

    class Meta:
        ordering = ["-number"]
        verbose_name = _("catalogue version")
        verbose_name_plural = _("catalogue versions")

    def __str__(self):
        return f"v{self.number}"

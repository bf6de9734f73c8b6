"""The knowledge base: Wagtail pages (home, themes, document library, news, links), the custom
document model with its metadata and extracted text, and each user's own kennisbank."""

from functools import partial

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from indicators.exploitation import ExploitationForm, split_codes

from .blocks import BodyBlock, LinkBlock


class DocumentType(models.TextChoices):
    REPORT = "report", pgettext_lazy("document type", "Report")
    FACTSHEET = "factsheet", _("Factsheet")
    HANDBOOK = "handbook", _("Handbook")
    INFOGRAPHIC = "infographic", _("Infographic")
    NEWSLETTER = "newsletter", _("Newsletter")
    LETTER = "letter", _("Letter")
    FLYER = "flyer", _("Flyer")
    TOOLBOX = "toolbox", _("Toolbox")
    GENERAL = "general", _("General")


class DocumentLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    UKRAINIAN = "uk", _("Ukrainian")
    POLISH = "pl", _("Polish")
    ROMANIAN = "ro", _("Romanian")
    BULGARIAN = "bg", _("Bulgarian")
    OTHER = "other", _("Other")


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for text extraction")
    DONE = "done", _("Text extracted")
    NO_TEXT = "no_text", _("No text found (scanned or image)")
    FAILED = "failed", _("Extraction failed")
    ENCRYPTED = "encrypted", _("Encrypted: no text could be read")
    NOT_APPLICABLE = "not_applicable", _("No text to extract")


@register_snippet
class Publisher(models.Model):
    """An organisation that authors or publishes documents (Nationaal Rapporteur, CoMensha, …)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("website")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("publisher")
        verbose_name_plural = _("publishers")

    def __str__(self):
        return self.name


class KnowledgeDocument(AbstractDocument):
    summary = models.TextField(_("summary"), blank=True)
    document_type = models.CharField(
        _("document type"),
        max_length=20,
        choices=DocumentType.choices,
        default=DocumentType.GENERAL,
    )
    publishers = models.ManyToManyField(
        Publisher, verbose_name=_("author organisations"), blank=True, related_name="documents"
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=DocumentLanguage.choices,
        default=DocumentLanguage.DUTCH,
    )
    exploitation_forms = models.CharField(
        _("forms of exploitation"),
        max_length=200,
        blank=True,
        help_text=_("The forms of exploitation this document is about."),
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=16,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_error = models.CharField(max_length=500, blank=True, editable=False)
    extracted_at = models.DateTimeField(null=True, blank=True, editable=False)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "summary",
        "document_type",
        "publishers",
        "publication_date",
        "language",
        "exploitation_forms",
        "tags",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    def clean(self):
        # Wagtail's multiple upload validates its metadata form before it attaches the upload
        # (already checked by content.filetypes when it arrived): no file yet, nothing to check.
        if self.file:
            super().clean()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Left by the editors' form when it saved with commit=False (content.forms).
        after_commit = self.__dict__.pop("after_commit", None)
        if after_commit is not None:
            transaction.on_commit(partial(after_commit, self.pk))

    @property
    def exploitation_form_codes(self):
        return split_codes(self.exploitation_forms)

    def get_exploitation_forms_display(self):
        labels = dict(ExploitationForm.choices)
        return [labels.get(code, code) for code in self.exploitation_form_codes]

    @property
    def year(self):
        return self.publication_date.year if self.publication_date else None

    @property
    def detail_url(self):
        from django.urls import reverse

        return reverse("content:document", args=[self.pk])


# --- pages ----------------------------------------------------------------------------------------


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    subpage_types = [
        "content.ThemePage",
        "content.DocumentLibraryPage",
        "content.NewsIndexPage",
        "content.LinksPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from accounts import access

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = access.pages_for(request.user, NewsPage.objects.all()).order_by(
            "-date", "-pk"
        )[:3]
        return context


class ThemePage(Page):
    """A theme such as 'Mensenhandel': definition, forms, smuggling, the regional approach."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["content.HomePage", "content.ThemePage"]
    subpage_types = ["content.ThemePage"]

    class Meta:
        verbose_name = _("theme page")


class DocumentLibraryPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["content.HomePage", "content.ThemePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("document library")

    def serve(self, request, *args, **kwargs):
        from .views import document_library

        return document_library(request, self)


class NewsCategory(models.TextChoices):
    SECURITY = "security", _("Security development")
    TIPS = "tips", _("Tips")
    NEWS = "news", _("News")
    EVENT = "event", _("Event")
    POLICY = "policy", _("Policy")


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news overview")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from accounts import access

        context = super().get_context(request, *args, **kwargs)
        news = access.pages_for(request.user, NewsPage.objects.child_of(self).live())
        context["page_obj"] = Paginator(news.order_by("-date", "-pk"), 20).get_page(
            request.GET.get("page")
        )
        return context


class NewsPage(Page):
    date = models.DateField(_("date"))
    category = models.CharField(
        _("category"), max_length=16, choices=NewsCategory.choices, default=NewsCategory.NEWS
    )
    intro = models.TextField(_("introduction"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["content.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")


class LinksPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("links"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("links")]
    parent_page_types = ["content.HomePage", "content.ThemePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("links page")


# --- Mijn kennisbank ------------------------------------------------------------------------------


class SavedItem(models.Model):
    """A page or document a user bookmarked, with their private note."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_items"
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    document = models.ForeignKey(
        KnowledgeDocument, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True, max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(page__isnull=False, document__isnull=True)
                    | models.Q(page__isnull=True, document__isnull=False)
                ),
                name="saved_item_is_a_page_or_a_document",
            ),
            models.UniqueConstraint(fields=["user", "page"], name="one_saved_page_per_user"),
            models.UniqueConstraint(
                fields=["user", "document"], name="one_saved_document_per_user"
            ),
        ]

    def __str__(self):
        return str(self.page or self.document)

    @property
    def item(self):
        # The base page is enough for a title and a link: no extra query per saved page.
        return self.page if self.page_id else self.document

"""One shared StreamField block set for every page of the knowledge base."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    url = blocks.URLBlock(label=_("web address"))
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "link"
        label = _("link")
        template = "content/blocks/link.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("callout")
        template = "content/blocks/callout.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))

    class Meta:
        icon = "doc-full"
        label = _("document")
        template = "content/blocks/document.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"),
        max_length=200,
        form_classname="title",
        template="content/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )
    quote = blocks.BlockQuoteBlock(label=_("quote"))
    callout = CalloutBlock()
    document = DocumentBlock()
    links = blocks.ListBlock(LinkBlock(), label=_("links"), template="content/blocks/links.html")

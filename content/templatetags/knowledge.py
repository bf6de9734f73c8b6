from django import template
from django.template.defaultfilters import filesizeformat

from accounts import access

register = template.Library()


@register.simple_tag(takes_context=True)
def may_view_document(context, document):
    """Blocks that embed a document show it only to those who may open it."""
    request = context.get("request")
    return request is not None and access.can(request.user, "knowledge.view_document", document)


@register.filter
def file_label(document):
    """'PDF, 1,2 MB' for a download link."""
    size = filesizeformat(document.file_size) if document.file_size else ""
    extension = (document.file_extension or "").upper()
    return ", ".join(part for part in (extension, size) if part)

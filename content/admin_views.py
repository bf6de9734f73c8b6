"""A report in the editors' admin: documents whose text could not be read (broken, encrypted,
scanned) and so cannot be found by searching inside them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports.base import ReportView

from .models import ExtractionStatus, KnowledgeDocument

PROBLEMS = [
    ExtractionStatus.FAILED,
    ExtractionStatus.ENCRYPTED,
    ExtractionStatus.NO_TEXT,
    ExtractionStatus.PENDING,
]


class ExtractionProblemsReport(ReportView):
    page_title = _("Documents without searchable text")
    header_icon = "doc-full"
    index_url_name = "signaal_extraction_report"
    index_results_url_name = "signaal_extraction_report_results"
    list_export = ["title", "extraction_status", "extraction_error", "extracted_at"]
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtaildocs:edit"),
        Column("get_extraction_status_display", label=_("Text extraction")),
        Column("extraction_error", label=_("Problem")),
        DateColumn("extracted_at", label=_("Checked")),
    ]

    def get_queryset(self):
        return KnowledgeDocument.objects.filter(extraction_status__in=PROBLEMS).order_by(
            "-created_at"
        )

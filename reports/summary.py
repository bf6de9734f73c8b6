"""The case summary for a case meeting (casusoverleg) as a PDF, with only what the reader may
see: the context passed in is already limited to the reader's parts."""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import local_date, local_datetime
from core.pdf import FONT, new_pdf


def _line(pdf, text, *, size=10, bold=False, height=5.5):
    pdf.set_font(FONT, style="B" if bold else "", size=size)
    pdf.multi_cell(0, height, str(text), new_x="LMARGIN", new_y="NEXT")


def _pair(pdf, label, value):
    if value in (None, ""):
        return
    _line(pdf, f"{label}: {value}")


def case_summary_pdf(context):
    report = context["report"]
    title = _("Case summary %(reference)s") % {"reference": report.reference}
    pdf = new_pdf(title, "Signaal")
    pdf.add_page()
    _line(pdf, title, size=16, bold=True, height=8)
    _line(
        pdf,
        _("Confidential. Printed %(when)s. Only for the case meeting; do not pass on.")
        % {"when": local_datetime(timezone.now())},
        size=9,
    )
    pdf.ln(3)
    _pair(pdf, _("Kind"), report.get_kind_display())
    _pair(pdf, _("Received"), local_date(report.created_at))
    _pair(pdf, _("Municipality"), report.municipality.name if report.municipality else "")
    _pair(pdf, _("Form of exploitation"), context["primary_form_label"])
    _pair(pdf, _("Minor involved"), _("Yes") if report.minor_involved else _("No"))
    referral = context.get("referral")
    if referral is not None:
        pdf.ln(2)
        _line(pdf, _("Summary from the reporting point"), size=12, bold=True)
        _line(pdf, referral.summary)
        _pair(pdf, _("Legal basis"), referral.legal_basis.name)
    else:
        pdf.ln(2)
        _line(pdf, _("What was seen"), size=12, bold=True)
        _line(pdf, report.description)
        _pair(pdf, _("Status"), report.get_status_display())
        _pair(pdf, _("Priority"), report.get_priority_display())
        address = " ".join(filter(None, [report.street, report.house_number, report.postcode]))
        _pair(pdf, _("Address"), address)
        _pair(pdf, _("Place or business"), report.place)
        _pair(pdf, _("Company"), report.company_name)
        _pair(pdf, _("KvK number"), report.kvk_number)
        _pair(pdf, _("Possible exploiters"), report.exploiters)
    if context["indicators"]:
        pdf.ln(2)
        _line(pdf, _("Signals"), size=12, bold=True)
        for indicator in context["indicators"]:
            _line(pdf, f"• {indicator.code} {indicator.text_nl}")
    if context["persons"]:
        pdf.ln(2)
        _line(pdf, _("Persons"), size=12, bold=True)
        for person in context["persons"]:
            details = ", ".join(
                filter(None, [person.name, person.birth_date, person.phone, person.email])
            )
            line = f"• {person.get_role_display()}: {details} {person.description}".strip()
            shared_at = getattr(person, "shared_at", None)
            if referral is not None and shared_at and shared_at > referral.sent_at:
                when = local_datetime(shared_at)
                line += " (" + _("Added on %(when)s") % {"when": when} + ")"
            _line(pdf, line)
    if "contact" in context["parts"] and (referral is None or referral.share_contact):
        contact = ", ".join(report.contact_values)
        if contact:
            pdf.ln(2)
            _line(pdf, _("Reporter's contact details"), size=12, bold=True)
            _line(pdf, contact)
    if context["attachments"]:
        pdf.ln(2)
        _line(
            pdf,
            _("Attachments: %(count)s (see Signaal)") % {"count": len(context["attachments"])},
        )
    if context.get("referrals"):
        pdf.ln(2)
        _line(pdf, _("Referrals"), size=12, bold=True)
        for item in context["referrals"]:
            _line(pdf, f"• {item.organisation.name}: {item.get_state_display()}")
    return bytes(pdf.output())

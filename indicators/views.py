from itertools import groupby

from django.http import Http404, HttpResponse
from django.shortcuts import render

from accounts.access import PUBLIC, rule

from .cards import CARD_FORMS, card, card_pdf
from .exploitation import ExploitationForm
from .forms import GuideForm
from .models import Domain, Indicator
from .routes import route
from .scoring import assess


@rule(PUBLIC)
def guide(request):
    """Tick what you saw, see which forms of exploitation it may point to and why, and whom to
    call. Works as a plain GET form; with JavaScript the outcome updates as you tick."""
    form = GuideForm(request.GET or None)
    subject = form.subject_value()
    selected = set(form.cleaned_data["s"]) if form.is_bound and form.is_valid() else set()
    indicators = Indicator.objects.filter(active=True, subject=subject).order_by("domain", "code")
    labels = dict(Domain.choices)
    groups = [
        {
            "domain": domain,
            "label": labels.get(domain, domain),
            "items": [
                {
                    "code": i.code,
                    "text": i.text_for(),
                    "checked": i.code in selected,
                    "strength": i.get_strength_display(),
                }
                for i in items
            ],
        }
        for domain, items in groupby(indicators, key=lambda i: i.domain)
    ]
    assessment = steps = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        assessment = assess(
            sorted(selected), subject=subject, minor=data["minor"], premises=data["premises"]
        )
        steps = route(
            subject=subject,
            forms=assessment.route_forms,
            minor=data["minor"],
            acute=data["acute"],
        )
    return render(
        request,
        "indicators/guide.html",
        {
            "form": form,
            "subject": subject,
            "groups": groups,
            "assessment": assessment,
            "steps": steps,
            "cards": [(form, ExploitationForm(form).label) for form in CARD_FORMS],
        },
    )


def _card_or_404(request, form):
    if form not in CARD_FORMS:
        raise Http404
    return card(form)


@rule(PUBLIC)
def signal_card(request, form):
    return render(request, "indicators/card.html", {"card": _card_or_404(request, form)})


@rule(PUBLIC)
def signal_card_pdf(request, form):
    data = _card_or_404(request, form)
    response = HttpResponse(card_pdf(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="signaalkaart-{form}.pdf"'
    return response

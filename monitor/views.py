"""The monitor's dashboard, exports and quarterly overview."""

from django.shortcuts import render

from accounts.access import rule

from . import facts


@rule("monitor.view")
def dashboard(request):
    return render(request, "monitor/dashboard.html", {"refresh": facts.ensure_fresh()})

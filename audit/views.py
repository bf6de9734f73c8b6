from django.core.paginator import Paginator
from django.shortcuts import render

from accounts import access
from accounts.access import rule


@rule("audit.view_log")
def log(request):
    events = access.audit_events_for(request.user).select_related("actor", "organisation")
    action = request.GET.get("action", "").strip()
    if action:
        events = events.filter(action__startswith=action[:64])
    page = Paginator(events.order_by("-id"), 50).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"page": page, "action": action})

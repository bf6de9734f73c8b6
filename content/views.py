from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from accounts import access
from accounts.access import PUBLIC, SIGNED_IN, rule
from indicators.exploitation import ExploitationForm
from search import query as search_query

from . import actions
from .forms import LibraryFilterForm, NoteForm, SearchForm, ShareForm
from .models import DocumentType, KnowledgeDocument, Publisher


@rule(PUBLIC)
def home(request):
    """The site root is the Wagtail home page; this gives it a stable URL name."""
    return wagtail_serve(request, "")


# --- documents ----------------------------------------------------------------------------------


@rule(PUBLIC)
def serve_document(request, document_id, document_filename):
    """The only way to a document's file. Restricted documents need the right login and every
    download of one is an audit event; /media/ serves nothing. A document the visitor may not
    see answers exactly as one that does not exist (404)."""
    document, refusal = _document_or_login(request, document_id)
    if refusal:
        return refusal
    if document_filename != document.filename:
        return redirect(document.url)
    restricted = access.is_restricted_document(document)
    if restricted:
        actions.record_download(document, actor=request.user, request=request)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store" if restricted else "public, max-age=3600"
    return response


def _document_or_login(request, document_id):
    """The document if the user may see it; otherwise 404, whether it is missing or restricted,
    for anonymous visitors too (the 404 page offers the login): no existence oracle. Both cases
    run the same queries (access.visible_document)."""
    document = access.visible_document(request.user, document_id)
    if document is None:
        raise Http404
    return document, None


@rule(PUBLIC)
def document_detail(request, document_id):
    document, refusal = _document_or_login(request, document_id)
    if refusal:
        return refusal
    saved = access.saved_items_for(request.user).filter(document=document).first()
    return render(
        request,
        "content/document_detail.html",
        {
            "document": document,
            "saved": saved,
            "saved_documents": {document.pk} if saved else set(),
        },
    )


def _library_facets(documents):
    types = dict(DocumentType.choices)
    by_type = documents.values("document_type").annotate(n=Count("pk")).order_by("document_type")
    by_year = (
        documents.exclude(publication_date=None)
        .annotate(y=ExtractYear("publication_date"))
        .values("y")
        .annotate(n=Count("pk"))
        .order_by("-y")
    )
    by_publisher = (
        Publisher.objects.filter(documents__in=documents)
        .annotate(n=Count("documents"))
        .order_by("name")
    )
    forms = []
    for code, label in ExploitationForm.choices:
        n = documents.filter(exploitation_forms__contains=f"|{code}|").count()
        if n:
            forms.append((code, label, n))
    return {
        "type": [
            (row["document_type"], types.get(row["document_type"]), row["n"]) for row in by_type
        ],
        "year": [(str(row["y"]), str(row["y"]), row["n"]) for row in by_year],
        "organisation": [(str(p.pk), p.name, p.n) for p in by_publisher],
        "form": forms,
    }


def document_library(request, page):
    """The document library page: documents the visitor may see, with filters and counts."""
    all_documents = access.documents_for(request.user)
    form = LibraryFilterForm(request.GET or None)
    documents = all_documents
    if form.is_valid():
        documents = form.filter(documents)
    documents = documents.prefetch_related("publishers").select_related("collection")
    order = "-publication_date" if form.cleaned("order") != "title" else "title"
    paginator = Paginator(documents.order_by(order, "-pk"), 20)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "page": page,
        "self": page,
        "form": form,
        "page_obj": page_obj,
        "facets": _library_facets(all_documents),
        "querystring": form.querystring(),
        "extra_when_logged_in": 0
        if access.is_verified(request.user)
        else access.documents_revealed_by_login(),
        "saved_documents": actions.saved_document_ids(request.user),
    }
    return render(request, "content/document_library_page.html", context)


# --- search -------------------------------------------------------------------------------------


@rule(PUBLIC)
def search(request):
    form = SearchForm(request.GET or None)
    result = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        result = search_query.search(
            access.search_entries_for(request.user),
            form.cleaned_data["q"],
            filters=form.filters(),
            order=form.cleaned_data["order"] or "relevance",
            page=form.cleaned_data["page"] or 1,
        )
    return render(
        request,
        "content/search.html",
        {
            "form": form,
            "result": result,
            "facet_groups": _facet_groups(form, result) if result else [],
            "querystring": form.querystring(),
            "extra_when_logged_in": 0
            if access.is_verified(request.user)
            else access.documents_revealed_by_login(),
        },
    )


FACET_ORDER = ("kind", "type", "form", "organisation", "year")


def _facet_groups(form, result):
    legends = {
        "kind": _("Kind"),
        "type": _("Document type"),
        "form": _("Form of exploitation"),
        "organisation": _("Author"),
        "year": _("Year"),
    }
    labels = form.facet_labels()
    groups = []
    for name in FACET_ORDER:
        options = result.facets.get(name) or []
        if not options:
            continue
        named = labels.get(name, {})
        groups.append(
            {
                "name": name,
                "legend": legends[name],
                "options": [(value, named.get(value, value), count) for value, count in options],
                "selected": form.cleaned_data.get(name) or [],
            }
        )
    return groups


@rule(PUBLIC)
def suggest(request):
    prefix = request.GET.get("q", "")[:100]
    suggestions = search_query.suggest(access.search_entries_for(request.user), prefix)
    return JsonResponse({"suggestions": suggestions})


# --- Mijn kennisbank ----------------------------------------------------------------------------


def _item(user, data):
    """The page or document a form is about, if the user may see it (404 otherwise)."""
    kind = data.get("kind")
    try:
        pk = int(data.get("id", ""))
    except ValueError:
        raise Http404 from None
    if kind == "document":
        return access.get_for(
            user, "knowledge.view_document", KnowledgeDocument.objects.all(), pk=pk
        )
    if kind == "page":
        return access.get_for(user, "knowledge.view_page", Page.objects.live().specific(), pk=pk)
    raise Http404


def _back(request, fallback):
    url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return redirect(url)
    return redirect(fallback)


@rule(SIGNED_IN)
def my_knowledge(request):
    items = actions.visible_saved_items(request.user)
    return render(request, "content/my_knowledge.html", {"items": items})


@rule(SIGNED_IN, methods=("POST",))
@require_POST
def toggle_saved(request):
    item = _item(request.user, request.POST)
    saved = actions.toggle_saved(request.user, item)
    messages.success(
        request,
        _("Saved in My knowledge base.") if saved else _("Removed from My knowledge base."),
    )
    return _back(request, reverse("content:my_knowledge"))


@rule(SIGNED_IN, methods=("GET", "POST"))
def edit_note(request, pk):
    saved = get_object_or_404(access.saved_items_for(request.user), pk=pk)
    form = NoteForm(request.POST if request.method == "POST" else None, instance=saved)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your note is saved."))
        return redirect("content:my_knowledge")
    return render(request, "content/note.html", {"form": form, "saved": saved})


@rule(SIGNED_IN, methods=("GET", "POST"))
def share(request):
    from django.conf import settings

    from reports.throttle import throttled

    data = request.POST if request.method == "POST" else request.GET
    item = _item(request.user, data)
    form = ShareForm(data if request.method == "POST" else None, item=item)
    if form.is_bound and form.is_valid():
        if throttled(
            "share_link", request, settings.SIGNAAL_SHARES_PER_HOUR, key=str(request.user.pk)
        ):
            form.add_error(
                None,
                _(
                    "You sent many links in the last hour. Wait a while and try again; what you "
                    "typed is still here."
                ),
            )
            return render(request, "content/share.html", {"form": form, "item": item}, status=429)
        actions.share_item(
            item,
            form.cleaned_data["to"],
            actor=request.user,
            message=form.cleaned_data["message"],
            request=request,
        )
        # The same answer whatever the address: the e-mail to it says what is the case.
        messages.success(
            request,
            _(
                "We sent an e-mail to %(address)s. If it belongs to a colleague who may open "
                "this item, it holds the link; otherwise it tells them why not."
            )
            % {"address": form.cleaned_data["to"]},
        )
        return redirect(actions.item_url(item))
    return render(request, "content/share.html", {"form": form, "item": item})

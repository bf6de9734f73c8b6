"""The one access module: every "may this user see or do this" in Signaal is answered here.

Views declare their rule with @rule(...); list views take their querysets from the *_for(user)
functions below; object views fetch through get_for(). A test walks every URL pattern and fails
when a view has no declared rule.

A user has a role only through an active membership of an active organisation, and only after
passing two-factor login: an unverified session has no roles at all.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from core.middleware import method_not_allowed

from .models import Membership, OrganisationKind, Role, RoleGrant

# Rules that need no role.
PUBLIC = "public"  # anyone, logged in or not
SIGNED_IN = "signed_in"  # any user who passed two-factor login

ALL_ROLES = frozenset(Role.values)

# Actions anyone may perform on an object that allows it: public pages and documents are for
# everybody; restricted ones follow their Wagtail view restriction (see _passes()).
OBJECT_DECIDES = {"knowledge.view_document", "knowledge.view_page"}

# action -> roles that may perform it
PERMISSIONS = {
    "knowledge.view_restricted": ALL_ROLES,
    "reports.handle": {Role.REPORTING_POINT_STAFF},
    "referrals.work": {Role.PARTNER_CASE_WORKER},
    "monitor.view": {Role.ANALYST, Role.REPORTING_POINT_STAFF},
    "monitor.exact": {Role.REPORTING_POINT_STAFF},
    "monitor.import": {Role.REPORTING_POINT_STAFF},
    "monitor.keep_policy": {Role.ANALYST},
    "content.edit": {Role.EDITOR},
    "accounts.review_requests": {Role.ORGANISATION_ADMIN, Role.PLATFORM_ADMIN},
    "accounts.manage_people": {Role.ORGANISATION_ADMIN, Role.PLATFORM_ADMIN},
    "audit.view_log": {Role.PRIVACY_OFFICER},
    "privacy.manage": {Role.PRIVACY_OFFICER},
    "reports.access_log": {Role.PRIVACY_OFFICER, Role.REPORTING_POINT_STAFF},
    "platform.admin": {Role.PLATFORM_ADMIN},
}

# Actions whose role only counts in an organisation of these kinds: the municipal policy monitor
# is kept by the RIEC's own staff.
ORGANISATION_KINDS = {"monitor.keep_policy": {OrganisationKind.RIEC}}

# URL prefixes whose views are guarded by the framework that owns them, with the rule it applies:
# the Django admin asks has_permission() (platform admins), the Wagtail admin asks for the
# 'access_admin' permission, which only the Editors group has (synchronised with the editor role).
PREFIX_RULES = {"beheer/": "platform.admin", "cms/": "content.edit"}
# Framework views that are public by nature, or that check access per object themselves: Wagtail
# serves pages after the before_serve_page hook in content/wagtail_hooks.py asked can_view_page().
PUBLIC_VIEWS = {"django.views.i18n.set_language", "wagtail.views.serve"}

PARTNER_KINDS = {
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.POLICE,
    OrganisationKind.LABOUR_INSPECTORATE,
    OrganisationKind.CARE,
    OrganisationKind.RIEC,
    OrganisationKind.PUBLIC_PROSECUTOR,
    OrganisationKind.KMAR,
    OrganisationKind.IND,
    OrganisationKind.COMENSHA,
    OrganisationKind.OTHER,
}
# Roles an organisation admin may hand out; the rest only a platform admin.
ROLES_FOR_ORGANISATION_ADMINS = {
    Role.PROFESSIONAL,
    Role.REPORTING_POINT_STAFF,
    Role.PARTNER_CASE_WORKER,
    Role.ANALYST,
    Role.ORGANISATION_ADMIN,
}


def roles_possible_for(organisation):
    """Roles that make sense for people of this kind of organisation."""
    roles = {
        Role.PROFESSIONAL,
        Role.ANALYST,
        Role.EDITOR,
        Role.ORGANISATION_ADMIN,
        Role.PRIVACY_OFFICER,
        Role.PLATFORM_ADMIN,
    }
    if organisation.kind == OrganisationKind.REPORTING_POINT:
        roles.add(Role.REPORTING_POINT_STAFF)
    if organisation.kind in PARTNER_KINDS:
        roles.add(Role.PARTNER_CASE_WORKER)
    return roles


def is_verified(user):
    """Signed in and through two-factor login."""
    if not user.is_authenticated or not user.is_active:
        return False
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def memberships(user):
    """The user's active memberships, fetched once per request."""
    if not is_verified(user):
        return []
    cached = getattr(user, "_signaal_memberships", None)
    if cached is None:
        cached = list(Membership.objects.active().filter(user=user).select_related("organisation"))
        user._signaal_memberships = cached
    return cached


def roles(user):
    return {m.role for m in memberships(user)}


def organisations_with_role(user, *roles_):
    return {m.organisation for m in memberships(user) if m.role in roles_}


def can(user, action, obj=None):
    """May `user` perform `action` (on `obj`)?"""
    if action == PUBLIC:
        return True
    if action == SIGNED_IN:
        return is_verified(user)
    if action in OBJECT_DECIDES:
        return obj is None or OBJECT_CHECKS[action](user, obj)
    allowed = PERMISSIONS.get(action)
    if allowed is None:
        raise ValueError(f"unknown action {action!r}")
    kinds = ORGANISATION_KINDS.get(action)
    user_roles = (
        roles(user)
        if kinds is None
        else {m.role for m in memberships(user) if m.organisation.kind in kinds}
    )
    if not user_roles & set(allowed):
        return False
    if obj is None:
        return True
    check = OBJECT_CHECKS.get(action)
    if check is None:
        raise ValueError(f"action {action!r} has no rule for objects")
    return check(user, obj)


def require(user, action, obj=None):
    if not can(user, action, obj):
        raise PermissionDenied


# The methods a view answers unless its rule names others: reading. HEAD comes with GET.
READ_METHODS = ("GET",)
# Methods a view may declare; anything else (PUT, PATCH, DELETE, OPTIONS, TRACE: Signaal has no
# API) is refused for every URL by core.middleware.known_methods before any view is reached.
DECLARABLE_METHODS = {"GET", "HEAD", "POST"}


def rule(action, methods=READ_METHODS):
    """Declare and enforce a view's access rule and the HTTP methods it handles. Anonymous
    visitors of a protected view go to the login page; signed-in users without the right role get
    403 (so that neither learns anything about the view); then a method the view does not declare
    gets 405 with an Allow header. All of this before the view runs, so before it fetches or shows
    anything. Views that process forms declare ("GET", "POST") or ("POST",)."""

    if action not in (PUBLIC, SIGNED_IN) and action not in PERMISSIONS:
        raise ValueError(f"unknown action {action!r}")
    allowed = {method.upper() for method in methods}
    if not allowed or allowed - DECLARABLE_METHODS:
        raise ValueError(f"methods {methods!r}: declare some of {sorted(DECLARABLE_METHODS)}")
    if "GET" in allowed:
        allowed.add("HEAD")
    allowed = tuple(sorted(allowed, key=["GET", "HEAD", "POST"].index))

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if action != PUBLIC and not is_verified(request.user):
                return redirect_to_login(request.get_full_path())
            require(request.user, action)
            if request.method not in allowed:
                return method_not_allowed(allowed)
            return view(request, *args, **kwargs)

        wrapped.access_rule = action
        wrapped.access_methods = allowed
        return wrapped

    return decorator


def get_for(user, action, queryset, **lookup):
    """Fetch one object the user may act on; 404 when it does not exist or is not theirs to see,
    so that the existence of other organisations' records does not leak."""
    obj = queryset.filter(**lookup).first()
    if obj is None or not can(user, action, obj):
        raise Http404
    return obj


# --- account requests and people ----------------------------------------------------------------


def _may_review_request(user, account_request):
    if Role.PLATFORM_ADMIN in roles(user):
        return True
    admin_of = organisations_with_role(user, Role.ORGANISATION_ADMIN)
    return account_request.organisation in admin_of


def account_requests_for(user):
    from .models import AccountRequest

    if Role.PLATFORM_ADMIN in roles(user):
        return AccountRequest.objects.all()
    admin_of = organisations_with_role(user, Role.ORGANISATION_ADMIN)
    return AccountRequest.objects.filter(organisation__in=admin_of)


def assignable_roles(user, organisation):
    """Roles `user` may grant to people of `organisation`."""
    if Role.PLATFORM_ADMIN in roles(user):
        return roles_possible_for(organisation)
    if organisation in organisations_with_role(user, Role.ORGANISATION_ADMIN):
        return roles_possible_for(organisation) & ROLES_FOR_ORGANISATION_ADMINS
    return set()


def _may_manage_membership(user, membership):
    return membership.role in assignable_roles(user, membership.organisation)


def _may_manage_person(user, person):
    """Admins act on people of their own organisations; platform admins on everyone."""
    if Role.PLATFORM_ADMIN in roles(user):
        return True
    admin_of = organisations_with_role(user, Role.ORGANISATION_ADMIN)
    return Membership.objects.filter(user=person, organisation__in=admin_of).exists()


def memberships_for(user):
    if Role.PLATFORM_ADMIN in roles(user):
        return Membership.objects.all()
    admin_of = organisations_with_role(user, Role.ORGANISATION_ADMIN)
    return Membership.objects.filter(organisation__in=admin_of)


def role_grants_for(user):
    """Roles waiting for a second admin, as far as `user` administers their organisation."""
    pending = RoleGrant.objects.filter(status="pending")
    if Role.PLATFORM_ADMIN in roles(user):
        return pending
    admin_of = organisations_with_role(user, Role.ORGANISATION_ADMIN)
    return pending.filter(organisation__in=admin_of)


# --- audit log ----------------------------------------------------------------------------------


def audit_events_for(user):
    """The privacy officer reads the whole audit log; nobody else reads any of it."""
    from audit.models import AuditEvent

    if not can(user, "audit.view_log"):
        return AuditEvent.objects.none()
    return AuditEvent.objects.all()


# --- knowledge base -------------------------------------------------------------------------------


def _passes(user, restriction):
    """Does `user` pass one Wagtail view restriction (of a page or a collection)?"""
    if restriction.restriction_type == restriction.LOGIN:
        return can(user, "knowledge.view_restricted")
    if restriction.restriction_type == restriction.GROUPS:
        # Stricter than a login restriction, never looser: an active role in an active
        # organisation first (a revoked role or a switched-off organisation closes it even while
        # the Wagtail group membership is still there), then one of the groups.
        if not can(user, "knowledge.view_restricted"):
            return False
        if Role.EDITOR in roles(user):
            return True
        allowed = {group.pk for group in restriction.groups.all()}
        return bool(allowed & _group_ids(user))
    return False  # password restrictions are switched off; anything unknown is closed


def _group_ids(user):
    cached = getattr(user, "_signaal_group_ids", None)
    if cached is None:
        cached = set(user.groups.values_list("pk", flat=True)) if is_verified(user) else set()
        user._signaal_group_ids = cached
    return cached


def denied_collection_ids(user):
    """Collections (with their sub-collections) whose documents `user` may not see."""
    cached = getattr(user, "_signaal_denied_collections", None)
    if cached is not None:
        return cached
    from wagtail.models import CollectionViewRestriction

    restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related(
        "groups"
    )
    denied = _collection_subtrees([r for r in restrictions if not _passes(user, r)])
    user._signaal_denied_collections = denied
    return denied


def _collection_subtrees(restrictions):
    """Ids of the restricted collections and of every collection below them."""
    from wagtail.models import Collection

    ids = set()
    for restriction in restrictions:
        ids.update(
            Collection.objects.filter(path__startswith=restriction.collection.path).values_list(
                "pk", flat=True
            )
        )
    return ids


def denied_page_paths(user):
    """Tree paths of restricted pages `user` may not see; their descendants are closed too."""
    cached = getattr(user, "_signaal_denied_pages", None)
    if cached is not None:
        return cached
    from wagtail.models import PageViewRestriction

    denied = [
        restriction.page.path
        for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
            "groups"
        )
        if not _passes(user, restriction)
    ]
    user._signaal_denied_pages = denied
    return denied


def _may_view_document(user, document):
    return document.collection_id not in denied_collection_ids(user)


def _expired(page):
    """Past its expiry date: closed at once, also before the worker unpublishes it."""
    from django.utils import timezone

    return page.expire_at is not None and page.expire_at <= timezone.now()


def _may_view_page(user, page):
    if _expired(page):
        return False
    return not any(page.path.startswith(path) for path in denied_page_paths(user))


def documents_for(user, queryset=None):
    from wagtail.documents import get_document_model

    queryset = get_document_model().objects.all() if queryset is None else queryset
    return queryset.exclude(collection_id__in=denied_collection_ids(user))


def pages_for(user, queryset):
    """Live pages of `queryset` that `user` may see."""
    from django.db.models import Q
    from django.utils import timezone

    queryset = queryset.live().exclude(expire_at__lte=timezone.now())
    for path in denied_page_paths(user):
        queryset = queryset.exclude(Q(path__startswith=path))
    return queryset


def search_entries_for(user):
    """The search index as far as `user` may see it: results, counts, facets and suggestions all
    come from this queryset.

    Nothing stored in the index decides: entries are checked against their document or page as
    it is in the database now. Excluded are the entries of documents in a collection the user
    may not see, and of pages that are not live, past their expiry or in a subtree the user may
    not see; so a document moved by a bulk action, a page unpublished, moved or expired, or a
    changed restriction counts at once, whatever path changed it. Only the hidden rows are read
    (measured: an inclusion join on every document cost +40% per query, this +7%). Entries of
    deleted objects are removed by their delete signal (`manage.py check_search_index` finds
    any left); entries of any other kind are never shown."""
    from django.db.models import Q
    from django.utils import timezone
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from search.models import SearchEntry

    entries = SearchEntry.objects.filter(kind__in=("document", "page", "news"))
    denied = denied_collection_ids(user)
    if denied:
        hidden_documents = get_document_model().objects.filter(collection_id__in=denied)
        entries = entries.exclude(kind="document", object_id__in=hidden_documents.values("pk"))
    hidden = Q(live=False) | Q(expire_at__lte=timezone.now())
    for path in denied_page_paths(user):
        hidden |= Q(path__startswith=path)
    return entries.exclude(
        kind__in=("page", "news"), object_id__in=Page.objects.filter(hidden).values("pk")
    )


def visible_document(user, document_id):
    """The document if `user` may see it, else None: a missing and a hidden document take the
    same queries, so neither the answer nor its timing tells them apart."""
    from wagtail.documents import get_document_model

    queryset = get_document_model().objects.select_related("collection")
    return documents_for(user, queryset).filter(pk=document_id).first()


def is_restricted_document(document):
    """Does any view restriction apply to the document's collection (or one above it)?"""
    return document.collection.get_view_restrictions().exists()


def collection_audience(collection):
    """Who may see the documents of `collection`, for the editor who puts a document there: the
    same restriction rows (its own and those above it) that _passes() judges. ("public", []),
    ("login", []) for signed-in professionals, ("groups", [names]) for members of those groups
    (of every group restriction at once; editors always), or ("closed", []) for a restriction
    nobody passes."""
    restrictions = list(collection.get_view_restrictions().prefetch_related("groups"))
    if not restrictions:
        return "public", []
    if any(r.restriction_type not in (r.LOGIN, r.GROUPS) for r in restrictions):
        return "closed", []
    group_sets = [
        {g.name for g in r.groups.all()} for r in restrictions if r.restriction_type == r.GROUPS
    ]
    if not group_sets:
        return "login", []
    return "groups", sorted(set.intersection(*group_sets))


def documents_revealed_by_login(queryset=None):
    """How many documents a professional would see after logging in that an anonymous visitor
    does not: those behind a login restriction, not those for specific groups only."""
    from wagtail.documents import get_document_model
    from wagtail.models import CollectionViewRestriction

    def subtree_ids(restriction_type):
        return _collection_subtrees(
            CollectionViewRestriction.objects.filter(
                restriction_type=restriction_type
            ).select_related("collection")
        )

    login_only = subtree_ids(CollectionViewRestriction.LOGIN) - subtree_ids(
        CollectionViewRestriction.GROUPS
    )
    queryset = get_document_model().objects.all() if queryset is None else queryset
    return queryset.filter(collection_id__in=login_only).count()


def could_view(user, item):
    """Could `user` open `item` once logged in? For sending a colleague a link: the colleague is
    judged as if they had passed two-factor login."""
    import copy

    from wagtail.documents.models import AbstractDocument

    colleague = copy.copy(user)
    colleague.is_verified = lambda: True
    for cached in (
        "_signaal_memberships",
        "_signaal_group_ids",
        "_signaal_denied_collections",
        "_signaal_denied_pages",
    ):
        colleague.__dict__.pop(cached, None)
    if not roles(colleague):
        return False
    action = (
        "knowledge.view_document" if isinstance(item, AbstractDocument) else "knowledge.view_page"
    )
    return can(colleague, action, item)


def saved_items_for(user):
    """A user's own bookmarks and notes; nobody else's."""
    from content.models import SavedItem

    if not is_verified(user):
        return SavedItem.objects.none()
    return SavedItem.objects.filter(user=user)


# --- reports ----------------------------------------------------------------------------------


def reports_for(user):
    """Reports and advice requests as the reporting point sees them. The reporting point of the
    region handles every report that reaches this installation; nobody else sees the inbox."""
    from reports.models import Report

    if not can(user, "reports.handle"):
        return Report.objects.none()
    return Report.objects.all()


def own_reports_for(user):
    """Reports a professional sent while signed in: they follow them up in 'My reports'."""
    from reports.models import Report

    if not is_verified(user):
        return Report.objects.none()
    return Report.objects.filter(submitted_by=user)


def staff_members():
    """Reporting-point staff a report can be assigned to."""
    from .models import User

    return User.objects.filter(
        is_active=True,
        memberships__role=Role.REPORTING_POINT_STAFF,
        memberships__organisation__is_active=True,
    ).distinct()


def _partner_organisations(user):
    return organisations_with_role(user, Role.PARTNER_CASE_WORKER)


def referrals_for(user):
    """Referrals a partner's case worker may see: to their organisation, and only while active
    (sent and not yet answered, or accepted and not yet completed)."""
    from reports.models import ACTIVE_REFERRAL_STATES, Referral

    if not can(user, "referrals.work"):
        return Referral.objects.none()
    return Referral.objects.filter(
        organisation__in=_partner_organisations(user), state__in=ACTIVE_REFERRAL_STATES
    )


def _may_work_referral(user, referral):
    return referral.is_active and referral.organisation in _partner_organisations(user)


def shared_parts(user, referral):
    """What of a report a partner's case worker sees. Before acceptance only the summary, to
    decide; after acceptance also the parts the reporting point chose to share."""
    if not _may_work_referral(user, referral):
        return set()
    parts = {"summary"}
    if referral.state == "accepted":
        # Persons and attachments are shared one by one (reports.ReferralItem): the part is
        # there when at least one item of its kind is.
        kinds = set(referral.items.values_list("kind", flat=True).distinct())
        parts |= {"persons", "attachments"} & {f"{kind}s" for kind in kinds}
        if referral.share_contact:
            parts.add("contact")
    return parts


def _shared_items(model, kind, referral):
    from django.db.models import OuterRef, Subquery

    from reports.models import ReferralItem

    items = ReferralItem.objects.filter(referral=referral, kind=kind)
    return model.objects.filter(report_id=referral.report_id, pk__in=items.values(kind)).annotate(
        shared_at=Subquery(items.filter(**{kind: OuterRef("pk")}).values("added_at")[:1])
    )


def shared_persons(user, referral):
    """The persons a partner's case worker sees: only those the reporting point shared with this
    referral (when referring or later), each with `shared_at`; none before acceptance."""
    from reports.models import Person

    if "persons" not in shared_parts(user, referral):
        return Person.objects.none()
    return _shared_items(Person, "person", referral)


def shared_attachments(user, referral):
    """The attachments a partner's case worker sees and may download: only the stored ones the
    reporting point shared with this referral, each with `shared_at`; none before acceptance."""
    from reports.models import Attachment

    if "attachments" not in shared_parts(user, referral):
        return Attachment.objects.none()
    return _shared_items(Attachment, "attachment", referral).filter(state=Attachment.State.STORED)


MAILBOX_SESSION_KEY = "signaal_mailbox"


def mailbox_report(request):
    """The report whose mailbox this browser signed in to with a follow-up code and passphrase,
    or None. The reporter is not a user: the session holds only the report for this visit."""
    from reports.models import Report

    entry = request.session.get(MAILBOX_SESSION_KEY)
    if not isinstance(entry, dict) or "report" not in entry:
        return None
    return Report.objects.filter(pk=entry["report"]).exclude(mailbox_index="").first()


def _may_see_access_log(user, report):
    """The privacy officer sees every report's access log; of the reporting point's staff, the
    case owner (the person the report is assigned to)."""
    if Role.PRIVACY_OFFICER in roles(user):
        return True
    return report.assigned_to_id is not None and report.assigned_to_id == user.pk


def subject_reports_for(user):
    """Reports a privacy officer may search for a data subject's request."""
    from reports.models import Report

    if not can(user, "privacy.manage"):
        return Report.objects.none()
    return Report.objects.all()


OBJECT_CHECKS = {
    "reports.handle": lambda user, report: True,
    "reports.access_log": _may_see_access_log,
    "privacy.manage": lambda user, obj: True,
    "referrals.work": _may_work_referral,
    "accounts.review_requests": _may_review_request,
    "knowledge.view_document": _may_view_document,
    "knowledge.view_page": _may_view_page,
    "accounts.manage_people": lambda user, obj: (
        _may_manage_membership(user, obj)
        if isinstance(obj, (Membership, RoleGrant))
        else _may_manage_person(user, obj)
    ),
}


# --- monitor -----------------------------------------------------------------------------------


def monitor_exact(user):
    """Does the monitor show this user exact numbers? Only the reporting point sees counts below 5;
    everyone else (and everything published) gets the protected figures (monitor.protection)."""
    return can(user, "monitor.exact")


def import_organisations(user):
    """The organisations in which `user` imports history into the monitor."""
    if not can(user, "monitor.import"):
        return set()
    return organisations_with_role(user, *PERMISSIONS["monitor.import"])


def import_mappings_for(user):
    """The saved column mappings of the organisations in which `user` imports history."""
    from monitor.models import ImportMapping

    return ImportMapping.objects.filter(organisation__in=import_organisations(user))

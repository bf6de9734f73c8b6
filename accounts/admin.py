"""The platform admin's Django admin, at /beheer/. Access follows the access module (platform admin
role, after two-factor login); changes are audited like everywhere else."""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from audit.actions import record_event

from . import access
from .actions import sync_editor_group
from .models import AccountRequest, Membership, Organisation, User


class SignaalAdminSite(admin.AdminSite):
    site_header = _("Signaal administration")
    site_title = _("Signaal administration")
    index_title = _("Platform administration")

    def has_permission(self, request):
        return access.can(request.user, "platform.admin")

    def login(self, request, extra_context=None):
        return redirect_to_login(request.get_full_path())


admin_site = SignaalAdminSite(name="admin")


class AuditedAdmin(admin.ModelAdmin):
    """Every permission is the platform admin's; every save and delete is an audit event."""

    def has_module_permission(self, request):
        return access.can(request.user, "platform.admin")

    has_view_permission = has_add_permission = has_change_permission = (
        lambda self, request, obj=None: access.can(request.user, "platform.admin")
    )
    has_delete_permission = has_change_permission

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            record_event(
                f"admin.{'changed' if change else 'added'}",
                actor=request.user,
                target=obj,
                request=request,
                details={"fields": sorted(form.changed_data)},
            )

    def delete_model(self, request, obj):
        with transaction.atomic():
            record_event("admin.deleted", actor=request.user, target=obj, request=request)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(Organisation, site=admin_site)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "kind", "municipality", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    autocomplete_fields = ["municipality"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["organisation"]

    def has_view_permission(self, request, obj=None):
        return access.can(request.user, "platform.admin")

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


@admin.register(User, site=admin_site)
class UserAdmin(AuditedAdmin):
    list_display = ["full_name", "email", "is_active", "last_login"]
    list_filter = ["is_active"]
    search_fields = ["full_name", "email"]
    fields = ["full_name", "email", "function", "is_active", "groups"]
    filter_horizontal = ["groups"]
    inlines = [MembershipInline]

    def save_formset(self, request, form, formset, change):
        with transaction.atomic():
            super().save_formset(request, form, formset, change)
            for membership in formset.new_objects:
                record_event(
                    "accounts.role_granted",
                    actor=request.user,
                    target=membership.user,
                    organisation=membership.organisation,
                    request=request,
                    details={"role": membership.role},
                )
            for membership in formset.deleted_objects:
                record_event(
                    "accounts.role_revoked",
                    actor=request.user,
                    target=membership.user,
                    organisation=membership.organisation,
                    request=request,
                    details={"role": membership.role},
                )
            sync_editor_group(form.instance)


@admin.register(AccountRequest, site=admin_site)
class AccountRequestAdmin(AuditedAdmin):
    list_display = ["full_name", "email", "organisation", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["full_name", "email"]
    readonly_fields = [f.name for f in AccountRequest._meta.fields]

    def has_add_permission(self, request):
        return False

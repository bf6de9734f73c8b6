"""The platform admin's Django admin, at /beheer/. Access follows the access module (platform admin
role, after two-factor login); changes are audited like everywhere else."""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import access, actions
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

    # The admin's own password screens would change a password without our audit event: our
    # profile's screen asks for the current password and records the change.
    def password_change(self, request, extra_context=None):
        return redirect("accounts:password_change")

    def password_change_done(self, request, extra_context=None):
        return redirect("accounts:profile")


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
        actions.save_in_admin(
            obj,
            lambda: super(AuditedAdmin, self).save_model(request, obj, form, change),
            changed=form.changed_data,
            added=not change,
            actor=request.user,
            request=request,
        )

    def delete_model(self, request, obj):
        actions.delete_in_admin(
            obj,
            lambda: super(AuditedAdmin, self).delete_model(request, obj),
            actor=request.user,
            request=request,
        )

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
    """Roles are shown here, not changed: every grant goes through accounts.actions.grant_role on
    the people screen (/account/mensen/), where roles that open cases need a second admin."""

    model = Membership
    extra = 0
    can_delete = False
    fields = ["organisation", "role", "created_at"]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        return access.can(request.user, "platform.admin")

    def has_add_permission(self, request, obj=None):
        return False

    has_change_permission = has_delete_permission = has_add_permission


@admin.register(User, site=admin_site)
class UserAdmin(AuditedAdmin):
    list_display = ["full_name", "email", "is_active", "last_login"]
    list_filter = ["is_active"]
    search_fields = ["full_name", "email"]
    fields = ["full_name", "email", "function", "is_active", "groups"]
    filter_horizontal = ["groups"]
    inlines = [MembershipInline]

    def get_readonly_fields(self, request, obj=None):
        # A login address changes only through the person's own verified, audited screen: an
        # admin who could change it could reset the password to an address of their own.
        return ["email"] if obj is not None else []

    def get_fieldsets(self, request, obj=None):
        people = reverse("accounts:people")
        return [
            (
                None,
                {
                    "fields": self.fields,
                    "description": format_html(
                        '{} <a href="{}">{}</a>',
                        _("Roles are given, approved and removed on the people screen:"),
                        people,
                        people,
                    ),
                },
            )
        ]

    def save_formset(self, request, form, formset, change):
        if formset.model is Membership:
            # Read-only here (see MembershipInline): whatever was posted is not saved.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            return
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            # The Editors group follows the editor role, whatever was ticked here.
            sync_editor_group(form.instance)


@admin.register(AccountRequest, site=admin_site)
class AccountRequestAdmin(AuditedAdmin):
    list_display = ["full_name", "email", "organisation", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["full_name", "email"]
    readonly_fields = [f.name for f in AccountRequest._meta.fields]

    def has_add_permission(self, request):
        return False

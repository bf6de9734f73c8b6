from django.contrib import admin

from accounts.admin import AuditedAdmin, admin_site

from .models import LegalBasis


@admin.register(LegalBasis, site=admin_site)
class LegalBasisAdmin(AuditedAdmin):
    """The functional administrator keeps the legal bases a referral can rest on. A basis in use
    is switched off (not active), not deleted."""

    list_display = ["name", "active"]
    list_filter = ["active"]
    search_fields = ["name"]

    def has_delete_permission(self, request, obj=None):
        return False

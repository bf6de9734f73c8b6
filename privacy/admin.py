from django.contrib import admin

from accounts.admin import AuditedAdmin, admin_site

from .models import RetentionRule


@admin.register(RetentionRule, site=admin_site)
class RetentionRuleAdmin(AuditedAdmin):
    """The functional administrator sets how long each kind of record keeps personal data."""

    list_display = ["kind", "days"]
    fields = ["kind", "days", "rationale"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

from django.contrib import admin

from accounts.admin import AuditedAdmin, admin_site

from .models import Municipality


@admin.register(Municipality, site=admin_site)
class MunicipalityAdmin(AuditedAdmin):
    list_display = ["name", "code", "province", "riec_region", "ended_on"]
    list_filter = ["riec_region", "province"]
    search_fields = ["name", "code"]

from django.forms.renderers import TemplatesSetting


class SignaalFormRenderer(TemplatesSetting):
    """Every form renders with an error summary on top and each error next to its field."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"

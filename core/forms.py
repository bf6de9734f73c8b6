from django.forms.renderers import TemplatesSetting


class SignaalFormRenderer(TemplatesSetting):
    """Every form renders with an error summary on top and each error next to its field."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"


class RenderedOnceWhenEmpty:
    """A form mixin for the empty forms a busy screen shows on every request (the case screen's
    "record a person", "add a note", "ask the reporter"): the HTML of an unbound form without
    initial values depends only on the form's class, its prefix and ids, the language and what
    render_key() adds, so each process renders it once per language and keeps it. A bound form
    (with the user's input and errors) or one with initial values renders as usual."""

    _rendered = {}

    def render_key(self):
        """What else the empty form's HTML depends on (a form with changing choices adds them)."""
        return ()

    def render(self, template_name=None, context=None, renderer=None):
        if self.is_bound or self.initial or template_name or context or renderer:
            return super().render(template_name, context, renderer)
        from django.utils.translation import get_language

        key = (type(self), self.prefix, self.auto_id, get_language(), *self.render_key())
        html = self._rendered.get(key)
        if html is None:
            html = self._rendered[key] = super().render()
        return html

    __str__ = render
    __html__ = render

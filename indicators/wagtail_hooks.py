from wagtail import hooks

from .actions import publish_catalogue
from .models import Indicator


def _republish(request, instance):
    # Reports record the catalogue version they used: every change to an indicator makes one.
    if isinstance(instance, Indicator):
        publish_catalogue()


hooks.register("after_create_snippet", _republish)
hooks.register("after_edit_snippet", _republish)
hooks.register("after_delete_snippet", _republish)

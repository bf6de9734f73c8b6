"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

from core.filemodes import restrict_new_files

restrict_new_files()  # files this process creates: 600, directories 700
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

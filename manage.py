#!/usr/bin/env python
"""Django's command-line utility for Signaal."""

import os
import sys

from core.filemodes import restrict_new_files


def main():
    # Files this process creates (database, keys, mail, uploads, backups) are for Signaal's own
    # user only: 600, directories 700 (core/filemodes.py).
    restrict_new_files()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # The command line is a developer's tool unless told otherwise; the web entry points
    # (config/wsgi.py, config/asgi.py) default to production.
    os.environ.setdefault("SIGNAAL_ENV", "development")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

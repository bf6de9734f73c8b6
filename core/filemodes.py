"""Files that hold personal data or keys are for Signaal's own user only: mode 600, directories 700.

Two walls. Every entry point (manage.py, config/wsgi.py, config/asgi.py, config/gunicorn.py) sets
the process umask to 077 first, so that whatever a process creates (the SQLite database and its
-wal/-shm files, keys, the mail folder, uploads, temporary files, backups) is closed to others.
And the places that create such files at start-up (config/settings.py: the var directory, the
secret key, the SQLite file, the mail folder) create them with explicit modes and tighten ones
that an older version left open, so that a process started some other way is covered too.

Only this module is imported by config/settings.py: no Django here.
"""

import os
import stat
import sys

PRIVATE_UMASK = 0o077
PRIVATE_FILE = 0o600
PRIVATE_DIRECTORY = 0o700


def restrict_new_files():
    """New files of this process and its children: 600; directories: 700."""
    os.umask(PRIVATE_UMASK)


def _tighten(path, mode):
    """Take group and other permissions away from an existing file of ours (never widen)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    if info.st_uid != os.geteuid() or not stat.S_IMODE(info.st_mode) & 0o077:
        return
    try:
        os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
    except OSError as error:
        print(f"WARNING: could not close {path} to other users: {error}", file=sys.stderr)


def private_directory(path):
    """Create `path` (and missing parents) with mode 700, or close an existing one to others."""
    path = os.fspath(path)
    os.makedirs(path, mode=PRIVATE_DIRECTORY, exist_ok=True)
    _tighten(path, PRIVATE_DIRECTORY)
    return path


def private_file(path):
    """Create an empty `path` with mode 600 unless it exists; close an existing one to others.
    SQLite gives its -wal and -shm files the database file's mode."""
    path = os.fspath(path)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        _tighten(path, PRIVATE_FILE)
    return path


def write_private_file(path, text):
    """Write a new file that nobody else may read, with no moment at which it is readable."""
    fd = os.open(os.fspath(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)

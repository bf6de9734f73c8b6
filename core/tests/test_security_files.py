"""Files with personal data or keys are for Signaal's own user: mode 600, directories 700.

Each test starts Signaal in a fresh var directory, in a separate process as an installation
starts it, and lets the normal code paths create the SQLite database (with its -wal and -shm
files), the secret key, the encryption key, an e-mail in the mail folder, a private attachment
and a knowledge-base upload; then it reads the modes. The parent process's umask is the usual 022,
so what is tested is Signaal's own doing. (Backups: core/tests/test_backup.py checks mode 600.)
"""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Run inside Signaal: create everything through the normal code paths, then report every mode
# under the var directory and under the mail folder, while the database connection is open (the
# -wal and -shm files exist only then).
SCRIPT = """
import json, stat
from pathlib import Path
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.mail import send_mail
from django.db import connection
from core import crypto

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE probe (x TEXT)")
    cursor.execute("INSERT INTO probe VALUES ('x')")
crypto.encrypt("Jan de Vries")
send_mail("Onderwerp", "Bericht", "signaal@test.example", ["iemand@test.example"])
storages["private"].save("attachments/a.bin", ContentFile(b"x"))
storages["default"].save("documents/d.pdf", ContentFile(b"x"))
var = Path(settings.VAR_DIR)
print(json.dumps({
    str(path.relative_to(var)): stat.S_IMODE(path.stat().st_mode)
    for path in [var, *var.rglob("*")]
}))
"""


def run(args, var_dir, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in (
            "DATABASE_URL",
            "SECRET_KEY",
            "SIGNAAL_ENCRYPTION_KEYS",
            "EMAIL_HOST",
            "EMAIL_FILE_PATH",
            "SQLITE_PATH",
            "MEDIA_ROOT",
            "SIGNAAL_PRIVATE_DIR",
            "SIGNAAL_STORAGE",
            "DJANGO_SETTINGS_MODULE",
        )
    }
    env.update(SIGNAAL_ENV="development", SIGNAAL_VAR_DIR=str(var_dir), **extra)
    old = os.umask(0o022)
    try:
        result = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def modes_after_start(var_dir, *, entry="manage.py"):
    if entry == "manage.py":
        output = run(["manage.py", "shell", "-c", SCRIPT], var_dir)
    else:  # settings alone, as any other process that loads them without an entry point
        output = run(
            [
                "-c",
                "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; "
                "django.setup(); exec(" + repr(SCRIPT) + ")",
            ],
            var_dir,
        )
    return json.loads(output.strip().splitlines()[-1])


EXPECTED_FILES = {
    "secret_key",
    "signaal.sqlite3",
    "signaal.sqlite3-wal",
    "signaal.sqlite3-shm",
    "encryption_keys",
    "private/attachments/a.bin",
    "media/documents/d.pdf",
}


def check(modes, *, every_file):
    assert modes["."] == 0o700, "the var directory"
    assert set(modes) >= EXPECTED_FILES, sorted(modes)
    mails = [name for name in modes if name.startswith("mail/")]
    assert len(mails) == 1, sorted(modes)
    assert modes["mail"] == 0o700, "the mail folder"
    for name in EXPECTED_FILES:
        assert modes[name] == 0o600, (name, oct(modes[name]))
    if every_file:
        wrong = {
            name: oct(mode)
            for name, mode in modes.items()
            if mode not in (0o600, 0o700) and not name.startswith("..")
        }
        assert wrong == {}, wrong


def test_a_started_installation_creates_its_files_for_itself_only(tmp_path):
    """Through manage.py (the umask of every entry point): every file 600, every directory 700,
    the e-mail in the mail folder included."""
    modes = modes_after_start(tmp_path / "var")
    check(modes, every_file=True)


def test_without_an_entry_point_the_sensitive_files_are_still_closed(tmp_path):
    """Settings loaded by a process that set no umask: the var directory, the key files, the
    database with its -wal and -shm, the mail folder and the uploads have their modes anyway."""
    modes = modes_after_start(tmp_path / "var", entry="settings")
    check(modes, every_file=False)


def test_an_older_installation_is_closed_at_the_next_start(tmp_path):
    var = tmp_path / "var"
    (var / "mail").mkdir(parents=True, mode=0o755)
    var.chmod(0o755)
    database = var / "signaal.sqlite3"
    database.touch()
    database.chmod(0o644)
    modes = modes_after_start(var, entry="settings")
    assert modes["."] == 0o700
    assert modes["mail"] == 0o700
    assert modes["signaal.sqlite3"] == 0o600


@pytest.mark.parametrize(
    "entry",
    [
        "import config.wsgi",
        "import config.asgi",
        "import runpy; runpy.run_path('config/gunicorn.py')",
    ],
)
def test_every_entry_point_sets_the_umask(tmp_path, entry):
    output = run(["-c", f"import os; {entry}; print(oct(os.umask(0)))"], tmp_path / "var")
    assert output.strip().splitlines()[-1] == "0o77"


def test_static_files_stay_readable_for_the_proxy(tmp_path):
    """Collected static files are public: 644 whatever the umask (whitenoise serves them, and a
    proxy may too)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    storage = storages.create_storage(
        {
            **settings.STORAGES["staticfiles"],
            "OPTIONS": {
                **settings.STORAGES["staticfiles"].get("OPTIONS", {}),
                "location": str(tmp_path),
            },
        }
    )
    old = os.umask(0o077)
    try:
        name = storage.save("css/site.css", ContentFile(b"body{}"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "css").stat().st_mode) == 0o755

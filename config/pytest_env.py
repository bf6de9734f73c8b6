"""Environment for the test run, set before pytest-django reads the settings."""

import os
import tempfile

os.environ.setdefault("SIGNAAL_ENV", "test")
os.environ.setdefault("SIGNAAL_VAR_DIR", tempfile.mkdtemp(prefix="signaal-test-"))
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

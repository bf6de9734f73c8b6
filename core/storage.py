"""File storage backends (settings.STORAGES): the filesystem by default, S3-compatible object
storage with SIGNAAL_STORAGE=s3 (docs/operations.md, "Storage").

"default" holds the knowledge base's files (MEDIA_ROOT), "private" the encrypted report
attachments (SIGNAAL_PRIVATE_DIR). Neither is ever served by URL: documents go through
content.views.serve_document, attachments through the audited download views. The private
storages refuse url() altogether; the media bucket's url() is unsigned, so against a private
bucket it yields nothing but "access denied".
"""

import contextlib
import os
import tempfile

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_makedirs
from django.utils.functional import cached_property
from storages.backends.s3 import S3Storage

# A write in progress (the private filesystem storage's temporary files): never a stored file.
PARTIAL_SUFFIX = ".part"


class NoURLMixin:
    def url(self, name, *args, **kwargs):
        raise ValueError("private files have no URL: serve them through an audited view")


class PrivateFileSystemStorage(NoURLMixin, FileSystemStorage):
    """Files under SIGNAAL_PRIVATE_DIR (unless a location is given): mode 600 in directories of
    mode 700, written atomically, overwritten in place (key rotation rewrites files under their
    own names; new files get random names)."""

    def __init__(self, location=None, **kwargs):
        kwargs.setdefault("file_permissions_mode", 0o600)
        kwargs.setdefault("directory_permissions_mode", 0o700)
        kwargs.setdefault("allow_overwrite", True)
        kwargs.pop("base_url", None)
        super().__init__(location=location, **kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.SIGNAAL_PRIVATE_DIR)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "SIGNAAL_PRIVATE_DIR":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def _save(self, name, content):
        """Write to a temporary file beside the target, fsync it, rename it over the target and
        fsync the directory: the file appears complete or not at all. When anything fails (a
        full disk, say) the temporary file is removed."""
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        safe_makedirs(directory, self.directory_permissions_mode or 0o700, exist_ok=True)
        fd, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(full_path)}.", suffix=PARTIAL_SUFFIX, dir=directory
        )
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in content.chunks():
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            if self.file_permissions_mode is not None:
                os.chmod(temporary, self.file_permissions_mode)
            if self._allow_overwrite:
                os.replace(temporary, full_path)
            else:
                os.link(temporary, full_path)  # FileExistsError rather than overwrite
                os.unlink(temporary)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        _fsync_directory(directory)
        return str(name).replace("\\", "/")


def _fsync_directory(directory):
    """Make the rename durable (best effort: not every filesystem lets a directory be synced)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class MediaS3Storage(S3Storage):
    """The knowledge base's documents and images in a private bucket (under "media/"). Wagtail
    gives uploads unique names; an existing object is never overwritten."""

    default_acl = "private"
    querystring_auth = False
    file_overwrite = False


class PrivateS3Storage(NoURLMixin, S3Storage):
    """Encrypted report attachments in a private bucket (under "private/"). An upload appears
    complete or not at all; key rotation overwrites objects under their own names."""

    default_acl = "private"
    querystring_auth = False
    file_overwrite = True


def is_local(storage):
    """Does the storage keep its files in a local directory (storage.path() works)?"""
    return isinstance(storage, FileSystemStorage)


def walk(storage, directory=""):
    """Every stored file's name under `directory` (sorted, "/"-separated), through the storage
    API; temporary files of writes in progress are left out."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # a filesystem storage whose directory does not exist yet
        return
    prefix = f"{directory.rstrip('/')}/" if directory else ""
    for name in sorted(files):
        if not name.endswith(PARTIAL_SUFFIX):
            yield prefix + name
    for name in sorted(directories):
        yield from walk(storage, prefix + name)

"""What a file really is, from its first bytes, checked against its name."""

import zipfile

import filetype
from django import forms
from django.utils.translation import gettext_lazy as _

# extension -> MIME types its content may have
ACCEPTED = {
    "pdf": {"application/pdf"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
}
OOXML_MARKERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def sniff(upload):
    """The MIME type read from the content, or None."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None
    if kind.mime == "application/zip" or kind.extension in OOXML_MARKERS:
        # DOCX and XLSX are zip files; look inside for the part that says which.
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        for extension, marker in OOXML_MARKERS.items():
            if marker in names:
                return next(iter(ACCEPTED[extension]))
        return None
    return kind.mime


def check_upload(upload):
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ACCEPTED:
        raise forms.ValidationError(_("Only PDF, DOCX, XLSX, PNG and JPEG files are accepted."))
    mime = sniff(upload)
    if mime not in ACCEPTED[extension]:
        raise forms.ValidationError(
            _(
                "The content of this file does not match its name (.%(ext)s). Save it again in "
                "the right format, or check that it is the file you meant."
            )
            % {"ext": extension}
        )
    return mime

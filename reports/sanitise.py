"""Validate and clean one attachment uploaded with a report on the public form.

Citizens may send photos (JPEG, PNG) and PDF files. The type is decided from the content, never
from the file name or the browser's claim. Pictures are decoded and re-encoded without any
metadata (no EXIF, GPS, XMP, ICC profile or text chunks), so a photo cannot give away where or
with which phone it was taken. PDFs are stored as sent, but only when they are not encrypted and
carry no active content (scripts, launch actions, embedded files, forms that submit data).

PDFs are parsed with qpdf (pikepdf), which reads them as a PDF reader does: cross-reference tables
and streams, object streams, any filter, names written with #xx escapes, damaged files repaired the
standard way. Every object of the document is looked at, not only the places a reader starts from.

This module knows nothing about models or forms: `check` raises `AttachmentRejected` with a message
for the citizen, `clean` returns the bytes to store.
"""

import io

import pikepdf
from django.conf import settings
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ALLOWED = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}
MAX_PIXELS = 40_000_000  # larger pictures are refused: decoding them costs too much memory
# Bytes a PDF's streams may decode to, in total and each: a "zip bomb" stream is refused, and
# there is room for PDFs full of losslessly compressed screenshots, which inflate far beyond
# their size.
MAX_DECODED_PDF_BYTES = 100 * 1024 * 1024

EMPTY = _("This file is empty.")
NOT_ALLOWED = _("Only photos (JPG, PNG) and PDF files can be sent.")
PDF_ACTIVE = _(
    "This PDF contains active content (such as scripts) and cannot be accepted. "
    "Save it as a plain PDF or send a photo of it."
)
PDF_ENCRYPTED = _("This PDF is protected with a password and cannot be accepted.")
PDF_UNCHECKABLE = _("This PDF could not be checked. Save it as a plain PDF or send a photo of it.")
IMAGE_UNREADABLE = _("This picture could not be read. Try another file.")
IMAGE_TOO_LARGE = _("This picture has too many pixels. Make it smaller and try again.")


class AttachmentRejected(Exception):
    """An upload we do not accept; `message` is a (lazily) translated text for the citizen."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def max_bytes():
    """The largest attachment accepted, in bytes."""
    return settings.SIGNAAL_MAX_ATTACHMENT_BYTES


def _megabytes(size):
    """`size` in MB as a short number in the active language's format ("10", "1,5")."""
    megabytes = size / (1024 * 1024)
    value = round(megabytes, 1) if megabytes >= 1 else float(f"{megabytes:.2g}")
    return number_format(int(value) if value.is_integer() else value)


def _too_large_text(limit):
    return gettext("This file is larger than %(limit)s MB.") % {"limit": _megabytes(limit)}


# Lazy like the other messages: translated (and the number formatted) in the language that is
# active when the message is shown.
_too_large = lazy(_too_large_text, str)


def sniff(head: bytes) -> str | None:
    """The allowed content type that the first bytes of a file announce, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def check(uploaded) -> str:
    """Validate a Django UploadedFile; return its content type (a key of ALLOWED) or raise
    AttachmentRejected. The file is left positioned at its start."""
    data = _read(uploaded)
    content_type = sniff(data[:8])
    if content_type not in ALLOWED:
        raise AttachmentRejected(NOT_ALLOWED)
    if content_type == "application/pdf":
        _check_pdf(data)
    else:
        _check_image(data, content_type)
    return content_type


def clean(uploaded, content_type: str) -> bytes:
    """The bytes to store for a file that passed `check`: pictures re-encoded without metadata,
    PDFs unchanged. Raises AttachmentRejected when the picture cannot be re-encoded."""
    data = _read(uploaded)
    if sniff(data[:8]) != content_type:
        raise AttachmentRejected(NOT_ALLOWED)
    if content_type == "application/pdf":
        return data
    image = _open_image(data, content_type)
    try:
        return _reencode(image, _IMAGE_FORMATS[content_type][0])
    except Exception as error:  # Pillow raises many kinds of errors for broken input
        raise AttachmentRejected(IMAGE_UNREADABLE) from error


def _read(uploaded):
    """The whole upload, refusing it by its declared size before reading anything and by its real
    size while reading (a declared size may be wrong)."""
    limit = max_bytes()
    if uploaded.size is not None and uploaded.size > limit:
        raise AttachmentRejected(_too_large(limit))
    if uploaded.size == 0:
        raise AttachmentRejected(EMPTY)
    data = bytearray()
    try:
        for chunk in uploaded.chunks():
            data += chunk
            if len(data) > limit:
                raise AttachmentRejected(_too_large(limit))
    finally:
        uploaded.seek(0)
    if not data:
        raise AttachmentRejected(EMPTY)
    return bytes(data)


# --- pictures -------------------------------------------------------------------------------------

# Content type -> (format to save in, formats Pillow may report when opening it). Phones write
# multi-picture JPEGs (MPO); only the first picture is kept.
_IMAGE_FORMATS = {"image/jpeg": ("JPEG", {"JPEG", "MPO"}), "image/png": ("PNG", {"PNG"})}
# Modes each format can store as they are; other modes are converted.
_SAVE_MODES = {
    "JPEG": ({"L", "RGB", "CMYK"}, "RGB"),
    "PNG": ({"1", "L", "LA", "I;16", "P", "RGB", "RGBA"}, "RGBA"),
}


def _open_image(data, content_type):
    """Open (not yet decode) a picture of the sniffed type, refusing ones with too many pixels."""
    open_format, accepted = _IMAGE_FORMATS[content_type]
    try:
        image = Image.open(io.BytesIO(data), formats=[open_format])
    except Image.DecompressionBombError as error:
        raise AttachmentRejected(IMAGE_TOO_LARGE) from error
    except Exception as error:
        raise AttachmentRejected(IMAGE_UNREADABLE) from error
    if image.format not in accepted:
        raise AttachmentRejected(IMAGE_UNREADABLE)
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise AttachmentRejected(IMAGE_TOO_LARGE)
    return image


def _check_image(data, content_type):
    try:
        _open_image(data, content_type).verify()  # checksums, structure
        _open_image(data, content_type).load()  # decodes every pixel
    except AttachmentRejected:
        raise
    except Exception as error:
        raise AttachmentRejected(IMAGE_UNREADABLE) from error


def _reencode(image, save_format):
    image = ImageOps.exif_transpose(image)  # turn the pixels the way the EXIF said to show them
    modes, fallback = _SAVE_MODES[save_format]
    transparency = image.info.get("transparency")
    if image.mode not in modes:
        image = image.convert(fallback)
        transparency = None
    # A copy carries the pixels (and palette) only once its info, where Pillow keeps EXIF, XMP,
    # ICC profile, comments and text chunks, is emptied.
    image = image.copy()
    image.info = {}
    output = io.BytesIO()
    if save_format == "JPEG":
        image.save(output, "JPEG", quality=90)
    else:
        extra = {} if transparency is None else {"transparency": transparency}
        image.save(output, "PNG", optimize=True, **extra)
    return output.getvalue()


# --- PDFs -----------------------------------------------------------------------------------------

# qpdf stops decoding a stream that grows past the limit (process-wide settings; nothing else in
# Signaal uses qpdf). A compressed object stream is decoded when the file is opened, so this is
# what keeps a small hostile file from taking gigabytes before we see a single object.
pikepdf.settings.set_qpdf_limits(
    flate_max_memory=MAX_DECODED_PDF_BYTES,
    run_length_max_memory=MAX_DECODED_PDF_BYTES,
    png_max_memory=MAX_DECODED_PDF_BYTES,
    tiff_max_memory=MAX_DECODED_PDF_BYTES,
)

# What makes a PDF do something by itself or carry something other than pages (ISO 32000-2):
# actions that run a script (12.6.4.17), start a program (Launch), open or reach another file or
# an embedded one (GoToR, GoToE), send or import form data (SubmitForm, ImportData), or play media
# through a plug-in (Rendition, Movie, Sound, RichMediaExecute). URI (a link), GoTo and Named
# actions are ordinary navigation and allowed.
_ACTIVE_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/GoToR",
        "/GoToE",
        "/SubmitForm",
        "/ImportData",
        "/Rendition",
        "/Movie",
        "/Sound",
        "/RichMediaExecute",
    }
)
# Keys that hold a script (/JS in any action or rendition, the /JavaScript name tree), an
# embedded file (/EmbeddedFiles name tree, /EF of a file specification, also for /AF associated
# files and file attachment annotations) or an XFA form (with its own scripts).
_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/XFA"})
# Annotations that play media or 3D models (historically a door into plug-in vulnerabilities).
_ACTIVE_ANNOTATIONS = frozenset({"/RichMedia", "/Movie", "/Sound", "/Screen", "/3D"})


def _check_pdf(data):
    # qpdf drops an object past its parser limits (nested too deep, say) with a warning only, so
    # whatever it held would go unseen; the count of limits hit is kept for the whole process.
    limits_hit = pikepdf.settings.qpdf_limit_errors()
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as error:
        raise AttachmentRejected(PDF_ENCRYPTED) from error
    except Exception as error:  # qpdf could not make a document of it, not even by repairing
        raise AttachmentRejected(PDF_UNCHECKABLE) from error
    with pdf:
        # Opened without a password (only an owner password set) is still encrypted: its streams
        # are not what a virus scanner or anyone reading the bytes would see.
        if pdf.is_encrypted:
            raise AttachmentRejected(PDF_ENCRYPTED)
        try:
            _check_objects(pdf)
        except AttachmentRejected:
            raise
        except Exception as error:  # a damaged object qpdf gives up on
            raise AttachmentRejected(PDF_UNCHECKABLE) from error
    if pikepdf.settings.qpdf_limit_errors() > limits_hit:
        raise AttachmentRejected(PDF_UNCHECKABLE)


def _check_objects(pdf):
    """Refuse the document if any of its objects is active. Every numbered object is visited
    (also those in object streams, and those no page refers to), with every dictionary written
    inside it, so an action is found wherever it hangs: the catalogue's /OpenAction and /AA,
    pages, annotations, form fields and their kids, outline items, /Next chains. Then the streams
    are decoded (all but images in lossy or image-only codecs), to refuse a "zip bomb"."""
    streams = []
    stack = [pdf.trailer, *pdf.objects]
    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Stream):
            streams.append(obj)
        elif not isinstance(obj, pikepdf.Dictionary):
            if isinstance(obj, pikepdf.Array):
                stack.extend(_direct_containers(obj))
            continue
        keys = obj.keys()
        if (
            not _ACTIVE_KEYS.isdisjoint(keys)
            or _name(obj, "/S") in _ACTIVE_ACTIONS
            or _name(obj, "/Subtype") in _ACTIVE_ANNOTATIONS
            or _name(obj, "/Type") == "/EmbeddedFile"
        ):
            raise AttachmentRejected(PDF_ACTIVE)
        stack.extend(_direct_containers(obj.values()))
    decoded = 0
    for stream in streams:
        decoded += _decoded_size(stream)
        if decoded > MAX_DECODED_PDF_BYTES:
            raise AttachmentRejected(PDF_UNCHECKABLE)


def _direct_containers(values):
    """The dictionaries and arrays written inside an object; indirect ones (references) are
    numbered objects of their own, visited from pdf.objects."""
    return (
        value
        for value in values
        if isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect
    )


def _name(dictionary, key):
    value = dictionary.get(key)
    return str(value) if isinstance(value, pikepdf.Name) else None


def _decoded_size(stream):
    """The size of a stream's data once decoded. qpdf stops at the memory limit set above
    ("... memory limit exceeded"): a bomb. A stream qpdf cannot decode otherwise (an image codec
    it leaves to the reader, or damaged data that readers show as far as it goes) counts with its
    raw size, except an object stream: the objects in it would go unseen."""
    try:
        # A view of qpdf's buffer, not a copy of it.
        return memoryview(stream.get_stream_buffer(pikepdf.StreamDecodeLevel.specialized)).nbytes
    except pikepdf.PdfError as error:
        if "memory limit" in str(error) or _name(stream, "/Type") == "/ObjStm":
            raise AttachmentRejected(PDF_UNCHECKABLE) from error
        return len(stream.read_raw_bytes())

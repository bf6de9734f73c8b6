"""Validate and clean one attachment uploaded with a report on the public form.

Citizens may send photos (JPEG, PNG) and PDF files. The type is decided from the content, never
from the file name or the browser's claim. Pictures are decoded and re-encoded without any
metadata (no EXIF, GPS, XMP, ICC profile or text chunks), so a photo cannot give away where or
with which phone it was taken. PDFs are stored as sent, but only when they are not encrypted and
carry no active content (scripts, launch actions, embedded files, forms that submit data).

The PDF check scans bytes, it does not parse the document: the raw file and the decoded content of
every stream (Flate, optionally wrapped in ASCIIHex or ASCII85, up to three layers) are searched
for the names of dangerous PDF features, also when written with #xx escapes. It errs on the side
of rejecting a file; a PDF that mentions such a name in its visible text may be refused.

This module knows nothing about models or forms: `check` raises `AttachmentRejected` with a message
for the citizen, `clean` returns the bytes to store.
"""

import base64
import bisect
import io
import re
import zlib

from django.conf import settings
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ALLOWED = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}
MAX_PIXELS = 40_000_000  # larger pictures are refused: decoding them costs too much memory
# Bytes a PDF's streams may decode to, in total. Streams are decoded and scanned chunk by chunk,
# so this bounds the time spent on a file (a "zip bomb" stream), not the memory; it leaves room for
# PDFs full of losslessly compressed screenshots, which inflate far beyond their size.
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

_WHITESPACE = b"\x00\t\n\x0c\r "
_SPACE = b"[" + _WHITESPACE + b"]"
_END_OF_NAME = rb"(?=[" + _WHITESPACE + rb"()<>\[\]{}/%]|\Z)"  # whitespace or a delimiter
_GAP = rb"(?:" + _SPACE + rb"|%[^\r\n]*+)"  # whitespace or a comment between two tokens


def _name(text):
    """Regex for the PDF name /text (without the slash), any character of which may be written as
    a #xx escape (/J#61vaScript is /JavaScript)."""
    parts = []
    for char in text:
        escape = "".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in f"{ord(char):02x}")
        parts.append(f"(?:{re.escape(char)}|#{escape})")
    return "".join(parts).encode()


def _names(*texts):
    """Regex for any of the PDF names /text, written in full (not a prefix of a longer name)."""
    return rb"/(?:" + b"|".join(_name(text) for text in texts) + rb")" + _END_OF_NAME


# Names of actions and features that run code, start programs, carry files or send data away.
# /AA (additional actions) and /OpenAction are harmless by themselves; the actions they point to
# are caught by these names. /JS is short enough to turn up by chance in compressed data, so it
# only counts when followed by a value (a string or a reference), as in a JavaScript action.
_ACTIVE_NAMES = (
    "JavaScript",
    "Launch",
    "EmbeddedFile",
    "EmbeddedFiles",
    "RichMedia",
    "XFA",
    "SubmitForm",
    "ImportData",
)
_JS_WITH_VALUE = (
    b"/"
    + _name("JS")
    + rb"(?="
    + (_GAP + rb"*+[(<]")
    + rb"|"
    + (_GAP + rb"++\d++" + _SPACE + rb"++\d++" + _SPACE + rb"++R")
    + rb")"
)
_ACTIVE = re.compile(_names(*_ACTIVE_NAMES) + rb"|" + _JS_WITH_VALUE)
_ENCRYPTED = re.compile(_names("Encrypt"))
# Filters whose streams we cannot look into; an object stream hidden behind one could hold any of
# the names above. Modern PDF writers do not use them.
_OPAQUE_FILTERS = re.compile(_names("LZWDecode", "LZW", "RunLengthDecode"))
_SKIP_WHITESPACE = re.compile(_SPACE + b"*")

_CHUNK = 64 * 1024
_OVERLAP = 1024  # bytes of one chunk kept when scanning the next: longer than any match
_MAX_LAYERS = 3  # filters applied one after another, as in [/ASCII85Decode /FlateDecode]
_MAX_DECODINGS = 100_000  # decoding attempts per PDF: bounds the time a file of junk can take


def _check_pdf(data):
    if _ENCRYPTED.search(data):  # an encrypted file's streams cannot be read, so not checked
        raise AttachmentRejected(PDF_ENCRYPTED)
    if _ACTIVE.search(data):
        raise AttachmentRejected(PDF_ACTIVE)
    if _OPAQUE_FILTERS.search(data):
        raise AttachmentRejected(PDF_UNCHECKABLE)
    budget = _Budget(MAX_DECODED_PDF_BYTES, _MAX_DECODINGS)
    keywords = []  # where each "stream" and "endstream" keyword begins
    starts = []  # where the data after each "stream" keyword begins
    position = data.find(b"stream")
    while position >= 0:
        if data[position - 3 : position] == b"end":
            keywords.append(position - 3)
        else:
            keywords.append(position)
            budget.spend(decodings=1)
            starts.append(_SKIP_WHITESPACE.match(data, position + 6).end())
        position = data.find(b"stream", position + 6)
    for start in starts:
        index = bisect.bisect_left(keywords, start)
        _scan_stream(data, start, keywords[index] if index < len(keywords) else len(data), budget)


def _scan_stream(data, start, text_end, budget):
    """Decode the stream whose data begins at `start` in every way it may be encoded, scanning
    each result. Which filters the stream's dictionary names does not matter: trying each filter
    the data looks like cannot be fooled by how the dictionary is written. A Flate stream ends by
    itself; an ASCII encoded one is read up to `text_end`, where the next (end)stream keyword is."""
    layers = []
    for decoder in _decoders_for(data[start : start + 2]):
        limit = None if isinstance(decoder, _Inflate) else text_end - start
        if limit != 0:
            layers.append(_Layer(decoder, budget, limit))
    view = memoryview(data)
    for offset in range(start, len(data), _CHUNK):
        open_layers = [layer for layer in layers if not layer.finished]
        if not open_layers:
            break
        for layer in open_layers:
            layer.feed(view[offset : offset + _CHUNK])
    for layer in layers:
        layer.finish()


def _decoders_for(head):
    """New decoders for each filter that data starting with `head` (2 bytes, whitespace skipped)
    could be encoded with."""
    decoders = []
    if len(head) == 2 and head[0] & 0x8F == 0x08 and (head[0] << 8 | head[1]) % 31 == 0:
        decoders.append(_Inflate())  # a zlib header: deflate, window size, checksum
    if head[:1] and head[0] in _HEX_DIGITS:
        decoders.append(_Unhex())
    if head.startswith(b"<~") or head[:1] and (0x21 <= head[0] <= 0x75 or head[0] == ord("z")):
        decoders.append(_Un85())
    return decoders


class _Budget:
    """What decoding one PDF may still cost: bytes produced (and read, for the ASCII filters),
    and decoders started."""

    def __init__(self, size, decodings):
        self.size = size
        self.decodings = decodings

    def spend(self, size=0, decodings=0):
        self.size -= size
        self.decodings -= decodings
        if self.size < 0 or self.decodings < 0:
            raise AttachmentRejected(PDF_UNCHECKABLE)


class _Layer:
    """One decoding attempt: feeds input to a decoder, scans what comes out for active content
    and passes it on to further attempts (a Flate stream inside an ASCII85 one, say)."""

    def __init__(self, decoder, budget, limit, depth=1):
        budget.spend(decodings=1)
        self.decoder = decoder
        self.budget = budget
        self.limit = limit  # input bytes this layer may read, None for no limit
        self.depth = depth
        self.scanner = _Scanner(_ACTIVE)
        self.head = b""  # the start of the output, until it shows which decoders to try next
        self.children = None
        self.finished = False

    def feed(self, data):
        if self.finished:
            return
        if self.limit is not None:
            data = data[: self.limit]
            self.limit -= len(data)
            self.budget.spend(len(data))
        for output in self.decoder.feed(data):
            self._emit(output)
        if self.decoder.done or self.limit == 0:
            self.finish()

    def finish(self):
        if self.finished:
            return
        self.finished = True
        for output in self.decoder.finish():
            self._emit(output)
        if self.scanner.finish():
            raise AttachmentRejected(PDF_ACTIVE)
        if self.children is None and self.head:
            self._start_children()
        for child in self.children or ():
            child.finish()

    def _emit(self, output):
        if not output:
            return
        self.budget.spend(len(output))
        if self.scanner.feed(output):
            raise AttachmentRejected(PDF_ACTIVE)
        if self.children is None:
            self.head = (self.head + output) if self.head else output.lstrip(_WHITESPACE)
            if len(self.head) < 2:
                return
            output = self._start_children()
        for child in self.children:
            child.feed(output)

    def _start_children(self):
        """Start the decoders the output looks like; return the output held back until now."""
        head, self.head = self.head, b""
        if self.depth < _MAX_LAYERS:
            decoders = _decoders_for(head[:2])
            self.children = [_Layer(d, self.budget, None, self.depth + 1) for d in decoders]
        else:
            self.children = []
        return head


class _Scanner:
    """Searches a stream of chunks for a pattern, also across chunk boundaries."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.tail = b""

    def feed(self, data):
        window = self.tail + bytes(data)
        match = self.pattern.search(window)
        self.tail = window[-_OVERLAP:]
        # A name right at the end of the window may continue in the next chunk.
        return bool(match) and match.end() < len(window)

    def finish(self):
        return bool(self.pattern.search(self.tail))


class _Inflate:
    """zlib (FlateDecode) decoding that never produces more than _CHUNK bytes at once and, like
    PDF readers, keeps what it decoded before damaged data."""

    def __init__(self):
        self.inflater = zlib.decompressobj()
        self.done = False

    def feed(self, data):
        while not self.done:
            saved = self.inflater.copy()
            try:
                output = self.inflater.decompress(data, _CHUNK)
            except zlib.error:
                yield from self._until_error(saved, data)
                self.done = True
                return
            yield output
            data = self.inflater.unconsumed_tail
            if self.inflater.eof:
                self.done = True
            elif not data and len(output) < _CHUNK:
                return

    def _until_error(self, inflater, data):
        """Decode `data` byte by byte with the state from before the error, up to the error."""
        output = b""
        for index in range(len(data)):
            try:
                output += inflater.decompress(data[index : index + 1])
            except zlib.error:
                break
            if inflater.eof:
                break
            if len(output) >= _CHUNK:
                yield output
                output = b""
        yield output

    def finish(self):
        return ()


_HEX_DIGITS = b"0123456789abcdefABCDEF"
_NOT_HEX = bytes(b for b in range(256) if b not in _HEX_DIGITS)
_NOT_85 = bytes(b for b in range(256) if not 0x21 <= b <= 0x75 and b != ord("z"))


class _Unhex:
    """ASCIIHexDecode, skipping any non-hex character as lenient readers do; ends at ">"."""

    def __init__(self):
        self.pending = b""
        self.done = False

    def feed(self, data):
        data = bytes(data)
        end = data.find(b">")
        if end >= 0:
            data = data[:end]
            self.done = True
        digits = self.pending + data.translate(None, _NOT_HEX)
        even = len(digits) - len(digits) % 2
        self.pending = digits[even:]
        yield bytes.fromhex(digits[:even].decode())

    def finish(self):
        if self.pending:
            yield bytes.fromhex((self.pending + b"0").decode())


class _Un85:
    """ASCII85Decode, skipping characters outside the alphabet; ends at "~"."""

    def __init__(self):
        self.pending = b""
        self.started = False
        self.done = False

    def feed(self, data):
        data = bytes(data)
        if not self.started:
            data = data.lstrip(_WHITESPACE).removeprefix(b"<~")
            self.started = bool(data)
        end = data.find(b"~")
        if end >= 0:
            data = data[:end]
            self.done = True
        text = self.pending + data.translate(None, _NOT_85).replace(b"z", b"!!!!!")
        whole = len(text) - len(text) % 5
        self.pending = text[whole:]
        yield _a85decode(text[:whole])

    def finish(self):
        if len(self.pending) > 1:  # a final partial group of n characters holds n - 1 bytes
            yield _a85decode(self.pending)


def _a85decode(text):
    try:
        return base64.a85decode(text)
    except ValueError:  # a group above 2**32: readers wrap around, so do we
        output = bytearray()
        for index in range(0, len(text), 5):
            group = text[index : index + 5]
            value = 0
            for char in group.ljust(5, b"u"):
                value = (value * 85 + char - 33) & 0xFFFFFFFF
            output += value.to_bytes(4, "big")[: len(group) - 1]
        return bytes(output)

"""reports.sanitise: which uploads are refused, and what is stored of the ones accepted.

Every fixture is built here, in code. The PDFs are checked to be real documents (PDFium opens them
and, where it matters, sees their script), so a rejection is of a file a reader would act on.
"""

import base64
import io
import random
import struct
import tracemalloc
import zlib

import pikepdf
import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.functional import Promise
from fpdf import FPDF
from pikepdf import Array, Dictionary, Name, String
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from reports import sanitise
from reports.sanitise import AttachmentRejected, check, clean, sniff

# --- helpers --------------------------------------------------------------------------------------


def upload(data, name="file", content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def rejected(data, message=None, name="file"):
    """check() refuses the file; returns the message, in English."""
    with pytest.raises(AttachmentRejected) as caught:
        check(upload(data, name))
    text = english(caught.value.message)
    if message is not None:
        assert text == english(message)
    return text


def english(message):
    with translation.override("en"):
        return str(message)


def accepted(data, content_type):
    file = upload(data)
    assert check(file) == content_type
    return clean(file, content_type)


def jpeg(image, **params):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **params)
    return buffer.getvalue()


def png(image, **params):
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **params)
    return buffer.getvalue()


def gif(image):
    buffer = io.BytesIO()
    image.save(buffer, "GIF")
    return buffer.getvalue()


def png_chunks(data):
    """The chunk types of a PNG file, in order."""
    types, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        types.append(data[position + 4 : position + 8].decode())
        position += 12 + length
    return types


def png_chunk(kind, payload):
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload))
    )


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def two_colours(mode="RGB", size=(40, 20)):
    """Left half red, right half blue."""
    image = Image.new("RGB", size, (255, 0, 0))
    image.paste((0, 0, 255), (size[0] // 2, 0, size[0], size[1]))
    return image.convert(mode)


def close(pixel, expected, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


def build_pdf(objects, trailer=b""):
    """A PDF 1.4 file with a classic cross-reference table; objects are numbered from 1 and
    object 1 must be the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


PAGES = [
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
]


def simple_pdf(catalog_extra=b"", extra_objects=(), trailer=b""):
    """One blank page; `catalog_extra` goes into the catalog, `extra_objects` are numbered 4,
    5 and so on."""
    catalog = b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>"
    return build_pdf([catalog, *PAGES, *extra_objects], trailer)


def stream(data, dictionary=b""):
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), dictionary, data)


# A document-level script: the catalog's name tree points at a JavaScript action.
SCRIPT_OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >>",
    *PAGES,
    b"<< /Names [(hello) 5 0 R] >>",
    b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
]


def pdf_with_object_stream(objects, encode, filters, *, plain=0):
    """PDF 1.5 in which `objects` (numbered from 1, object 1 the catalog) live in one object
    stream, its data passed through `encode` and declared with `filters`, found through a
    cross-reference stream: nothing but that stream's data shows what the objects say. The first
    `plain` objects are written outside it, as usual."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for number, body in enumerate(objects[:plain], 1):
        rows.append(struct.pack(">BIH", 1, len(out), 0))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    packed = objects[plain:]
    object_stream_number, xref_number = len(objects) + 1, len(objects) + 2
    header, body = b"", b""
    for number, obj in enumerate(packed, plain + 1):
        header += b"%d %d " % (number, len(body))
        body += obj + b"\n"
    rows += [struct.pack(">BIH", 2, object_stream_number, index) for index in range(len(packed))]
    rows.append(struct.pack(">BIH", 1, len(out), 0))
    dictionary = b"/Type /ObjStm /N %d /First %d /Filter %s" % (len(packed), len(header), filters)
    out += b"%d 0 obj\n" % object_stream_number
    out += stream(encode(header + body), dictionary)
    out += b"\nendobj\n"
    xref_offset = len(out)
    rows.append(struct.pack(">BIH", 1, xref_offset, 0))
    dictionary = b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R" % (xref_number + 1)
    out += b"%d 0 obj\n%s\nendobj\n" % (xref_number, stream(b"".join(rows), dictionary))
    out += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(out)


def script_count(data):
    """How many document-level scripts PDFium finds in a document it can open."""
    document = pypdfium2.PdfDocument(data)
    try:
        assert len(document) == 1
        return pdfium_c.FPDFDoc_GetJavaScriptActionCount(document.raw)
    finally:
        document.close()


def fpdf_document(**encryption):
    pdf = FPDF()
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Melding: twaalf arbeiders in een garage aan de Kanaalweg.")
    pdf.image(two_colours(size=(200, 100)), w=50)
    return bytes(pdf.output())


class SpyFile(io.RawIOBase):
    """A file that records whether anything was read from it."""

    def __init__(self, file):
        self.file = file
        self.read_from = False

    def readable(self):
        return True

    def readinto(self, buffer):
        self.read_from = True
        return self.file.readinto(buffer)

    def seek(self, *args):
        return self.file.seek(*args)


# --- content types --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "content_type"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"%PDF-1.7\n", "application/pdf"),
        (b"MZ\x90\x00\x03\x00", None),  # Windows executable
        (b"GIF89a", None),
        (b"PK\x03\x04", None),  # zip, docx
        (b"<svg xmlns=", None),
        (b"<!DOCTYPE html>", None),
        (b"\x89PNG", None),  # too short to be sure
        (b" %PDF-1.7", None),
        (b"", None),
    ],
)
def test_sniff_reads_the_magic_number(head, content_type):
    assert sniff(head) == content_type


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200),  # a Windows executable
        gif(Image.new("RGB", (4, 4))),  # a picture, but not one of ours
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
    ],
    ids=["exe", "gif", "svg"],
)
def test_a_renamed_file_is_refused_whatever_name_and_type_it_claims(data):
    file = SimpleUploadedFile("photo.jpg", data, content_type="image/jpeg")
    with pytest.raises(AttachmentRejected) as caught:
        check(file)
    assert english(caught.value.message) == "Only photos (JPG, PNG) and PDF files can be sent."


def test_clean_does_not_trust_the_content_type_it_is_given():
    executable = b"MZ\x90\x00" + bytes(100)
    with pytest.raises(AttachmentRejected):
        clean(upload(executable), "application/pdf")
    with pytest.raises(AttachmentRejected):
        clean(upload(simple_pdf()), "image/png")


# --- size -----------------------------------------------------------------------------------------


def test_an_empty_file_is_refused():
    assert rejected(b"") == "This file is empty."


def test_an_empty_file_of_unknown_size_is_refused():
    file = upload(b"")
    file.size = None
    with pytest.raises(AttachmentRejected) as caught:
        check(file)
    assert english(caught.value.message) == "This file is empty."


@override_settings(SIGNAAL_MAX_ATTACHMENT_BYTES=1000)
def test_a_file_over_the_limit_is_refused():
    assert sanitise.max_bytes() == 1000
    fits = jpeg(Image.new("RGB", (8, 8)))
    assert len(fits) < 1000
    assert check(upload(fits)) == "image/jpeg"
    message = rejected(simple_pdf(catalog_extra=b"/Filler (" + b"x" * 1000 + b")"))
    assert message.startswith("This file is larger than ")
    assert message.endswith(" MB.")


def test_the_limit_defaults_to_ten_megabytes():
    # config/settings.py's default; the test run does not set SIGNAAL_MAX_ATTACHMENT_MB
    assert sanitise.max_bytes() == 10 * 1024 * 1024


@override_settings(SIGNAAL_MAX_ATTACHMENT_BYTES=1000)
def test_a_declared_size_that_is_too_small_does_not_let_a_large_file_through():
    file = upload(simple_pdf(catalog_extra=b"/Filler (" + b"x" * 5000 + b")"))
    file.size = 10
    with pytest.raises(AttachmentRejected) as caught:
        check(file)
    assert "larger than" in english(caught.value.message)


@override_settings(SIGNAAL_MAX_ATTACHMENT_BYTES=10 * 1024 * 1024)
def test_a_large_upload_is_refused_by_its_size_without_being_read(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as file:
        file.write(b"%PDF-1.4\n")
        file.truncate(50 * 1024 * 1024)  # sparse: takes no room on disk
    with path.open("rb") as file:
        spy = SpyFile(file)
        huge = UploadedFile(spy, "huge.pdf", "application/pdf", size=path.stat().st_size)
        with pytest.raises(AttachmentRejected) as caught:
            check(huge)
    assert not spy.read_from
    assert english(caught.value.message) == "This file is larger than 10 MB."


@pytest.mark.parametrize(
    ("limit", "language", "shown"),
    [
        (10 * 1024 * 1024, "en", "10"),
        (int(1.5 * 1024 * 1024), "en", "1.5"),
        (int(1.5 * 1024 * 1024), "nl", "1,5"),
    ],
)
def test_the_size_message_names_the_limit_in_the_language_shown(limit, language, shown):
    with override_settings(SIGNAAL_MAX_ATTACHMENT_BYTES=limit):
        file = upload(b"x" * (limit + 1))
        with translation.override("en"), pytest.raises(AttachmentRejected) as caught:
            check(file)
    message = caught.value.message
    assert isinstance(message, Promise)  # translated when shown, not when raised
    with translation.override(language):
        assert f" {shown} MB" in str(message)


def test_messages_are_lazy_translations():
    for name in ("EMPTY", "NOT_ALLOWED", "PDF_ACTIVE", "PDF_ENCRYPTED", "IMAGE_UNREADABLE"):
        assert isinstance(getattr(sanitise, name), Promise), name


def test_check_leaves_the_file_at_its_start():
    file = upload(simple_pdf())
    file.read(5)
    check(file)
    assert file.tell() == 0


# --- photos ---------------------------------------------------------------------------------------


def photo_with_metadata():
    """A phone photo: EXIF with camera, GPS position and orientation 6 (turn 90° clockwise to
    show), plus XMP, an ICC profile and a comment."""
    exif = Image.Exif()
    exif[0x010F] = "Fairphone"  # Make
    exif[0x0110] = "FP5"  # Model
    exif[0x0112] = 6  # Orientation
    exif[0x0132] = "2026:03:01 21:14:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (52.0, 5.0, 28.0)
    gps[3], gps[4] = "E", (5.0, 7.0, 12.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>Kanaalweg 12</rdf:RDF></x:xmpmeta>'
    return jpeg(
        two_colours(),
        exif=exif,
        xmp=xmp,
        icc_profile=srgb_profile(),
        comment=b"Kanaalweg 12",
        quality=95,
    )


def test_a_photo_loses_all_metadata_but_keeps_its_orientation():
    original = photo_with_metadata()
    before = Image.open(io.BytesIO(original))
    assert before.getexif().get_ifd(0x8825)[1] == "N"  # the fixture has a position to lose
    assert before.getexif()[0x010F] == "Fairphone"
    assert {"exif", "xmp", "icc_profile", "comment"} <= set(before.info)
    assert before.size == (40, 20)

    cleaned = accepted(original, "image/jpeg")

    after = Image.open(io.BytesIO(cleaned))
    assert after.format == "JPEG"
    assert len(after.getexif()) == 0
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(after.info)
    # No APP1 (EXIF, XMP), APP2 (ICC) or COM segment at all (0xFF is never followed by these
    # bytes inside the compressed picture data).
    for marker in (b"\xff\xe1", b"\xff\xe2", b"\xff\xfe"):
        assert marker not in cleaned
    for secret in (b"Fairphone", b"Kanaalweg", b"2026:03:01"):
        assert secret not in cleaned
    # Turned as the EXIF said: the left (red) half is now on top.
    assert after.size == (20, 40)
    rgb = after.convert("RGB")
    assert close(rgb.getpixel((10, 5)), (255, 0, 0))
    assert close(rgb.getpixel((10, 35)), (0, 0, 255))


def test_a_photo_that_is_already_upright_keeps_its_size():
    cleaned = accepted(jpeg(two_colours(), exif=Image.Exif()), "image/jpeg")
    image = Image.open(io.BytesIO(cleaned))
    assert image.size == (40, 20)
    assert close(image.convert("RGB").getpixel((5, 10)), (255, 0, 0))


def test_a_png_loses_its_text_chunks_and_other_metadata():
    info = PngInfo()
    info.add_text("Author", "Jan Jansen")
    info.add_text("Comment", "Kanaalweg 12", zip=True)
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Kanaalweg 12</x:xmpmeta>")
    exif = Image.Exif()
    exif[0x010F] = "Fairphone"
    original = png(
        two_colours("RGBA"), pnginfo=info, exif=exif, icc_profile=srgb_profile(), dpi=(300, 300)
    )
    assert {"tEXt", "zTXt", "iTXt", "eXIf", "iCCP", "pHYs"} <= set(png_chunks(original))

    cleaned = accepted(original, "image/png")

    assert set(png_chunks(cleaned)) == {"IHDR", "IDAT", "IEND"}
    after = Image.open(io.BytesIO(cleaned))
    assert after.text == {}
    assert len(after.getexif()) == 0
    assert after.tobytes() == two_colours("RGBA").tobytes()  # lossless, pixel for pixel


@pytest.mark.parametrize("mode", ["1", "L", "LA", "P", "RGB", "RGBA", "I;16"])
def test_a_png_keeps_its_mode_and_pixels(mode):
    original = two_colours(mode)
    params = {"transparency": 0} if mode == "P" else {}
    cleaned = Image.open(io.BytesIO(accepted(png(original, **params), "image/png")))
    assert cleaned.mode == mode
    assert cleaned.tobytes() == original.tobytes()
    if mode == "P":
        assert cleaned.getpalette() == original.getpalette()
        assert cleaned.info["transparency"] == 0


@pytest.mark.parametrize("mode", ["L", "RGB", "CMYK"])
def test_a_jpeg_keeps_its_mode(mode):
    original = two_colours(mode)
    cleaned = Image.open(io.BytesIO(accepted(jpeg(original), "image/jpeg")))
    assert cleaned.mode == mode
    assert cleaned.size == original.size
    expected = original.convert("RGB").getpixel((5, 10))
    assert close(cleaned.convert("RGB").getpixel((5, 10)), expected)


def test_a_multi_picture_jpeg_from_a_phone_is_stored_as_a_plain_jpeg():
    buffer = io.BytesIO()
    two_colours().save(
        buffer, "MPO", save_all=True, append_images=[Image.new("RGB", (40, 20), "green")]
    )
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    cleaned = Image.open(io.BytesIO(accepted(buffer.getvalue(), "image/jpeg")))
    assert cleaned.format == "JPEG"
    assert getattr(cleaned, "n_frames", 1) == 1
    assert close(cleaned.convert("RGB").getpixel((5, 10)), (255, 0, 0))


def test_a_jpeg_with_garbage_after_its_magic_number_is_refused():
    garbage = b"\xff\xd8\xff" + random.Random(1).randbytes(5000)
    assert rejected(garbage) == "This picture could not be read. Try another file."


def test_a_truncated_jpeg_is_refused():
    noise = Image.effect_noise((200, 200), 50).convert("RGB")
    whole = jpeg(noise)
    assert check(upload(whole)) == "image/jpeg"
    rejected(whole[: len(whole) // 2], sanitise.IMAGE_UNREADABLE)


def test_a_png_with_a_damaged_chunk_is_refused():
    whole = bytearray(png(Image.effect_noise((100, 100), 50)))
    whole[whole.index(b"IDAT") + 20] ^= 0xFF  # the checksum no longer matches
    rejected(bytes(whole), sanitise.IMAGE_UNREADABLE)


def test_a_png_whose_checksum_does_not_match_is_refused():
    whole = png(Image.effect_noise((100, 100), 50))
    assert check(upload(whole)) == "image/png"
    end_of_data = whole.index(b"IEND") - 4  # the IDAT chunk's checksum comes just before IEND
    damaged = whole[: end_of_data - 1] + bytes([whole[end_of_data - 1] ^ 1]) + whole[end_of_data:]
    rejected(damaged, sanitise.IMAGE_UNREADABLE)


def test_a_png_without_its_end_is_refused():
    whole = png(Image.effect_noise((100, 100), 50))
    rejected(whole[: whole.index(b"IEND") - 4], sanitise.IMAGE_UNREADABLE)


def test_clean_refuses_a_picture_it_cannot_reencode():
    with pytest.raises(AttachmentRejected) as caught:
        clean(upload(b"\xff\xd8\xff" + bytes(1000)), "image/jpeg")
    assert english(caught.value.message) == "This picture could not be read. Try another file."


def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded():
    bomb = png(Image.new("1", (8000, 8000)), optimize=True)  # 64 megapixels, a few kilobytes
    assert len(bomb) < 100_000
    assert rejected(bomb) == "This picture has too many pixels. Make it smaller and try again."
    with pytest.raises(AttachmentRejected):
        clean(upload(bomb), "image/png")


def test_a_picture_claiming_ten_gigapixels_is_refused():
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 1, 0, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 100))
        + png_chunk(b"IEND", b"")
    )
    rejected(bomb, sanitise.IMAGE_TOO_LARGE)


def test_a_picture_just_within_the_pixel_limit_is_accepted(monkeypatch):
    monkeypatch.setattr(sanitise, "MAX_PIXELS", 40 * 20)
    assert check(upload(png(two_colours()))) == "image/png"
    monkeypatch.setattr(sanitise, "MAX_PIXELS", 40 * 20 - 1)
    rejected(png(two_colours()), sanitise.IMAGE_TOO_LARGE)


# --- PDFs -----------------------------------------------------------------------------------------


def test_a_plain_pdf_is_accepted_unchanged():
    document = fpdf_document()
    assert script_count(document) == 0
    assert b"/FlateDecode" in document  # its content and picture are compressed
    assert accepted(document, "application/pdf") == document


def test_a_handwritten_pdf_is_accepted():
    document = simple_pdf()
    assert script_count(document) == 0
    assert accepted(document, "application/pdf") == document


def test_names_that_only_look_like_active_ones_are_accepted():
    # Exact names: /JSON is not /JS, /JavaScripts is not /JavaScript, and /JS without a value
    # is not a script.
    document = simple_pdf(b"/JSON (x) /JavaScripts 1 /Note /JS /Info (about JavaScript)")
    assert accepted(document, "application/pdf") == document


PDF_ACTIVE = (
    "This PDF contains active content (such as scripts) and cannot be accepted. "
    "Save it as a plain PDF or send a photo of it."
)


@pytest.mark.parametrize(
    "catalog_extra",
    [
        b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>",
        b"/OpenAction << /JS 4 0 R >>",  # /JS pointing at a stream, without /S
        b"/OpenAction << /JS %comment\n(app.alert\\(1\\)) >>",
        b"/OpenAction << /JS<6170702e616c657274283129> >>",
        b"/OpenAction << /S /Launch /F (C:\\\\Windows\\\\System32\\\\calc.exe) >>",
        b"/Names << /EmbeddedFiles << /Names [(invoice.exe) 4 0 R] >> >>",
        b"/OpenAction << /S /GoToE /T << /R /C /N (a) >> /EmbeddedFile 4 0 R >>",
        b"/AcroForm << /Fields [] /XFA 4 0 R >>",
        b"/OpenAction << /S /SubmitForm /F (https://example.org/collect) >>",
        b"/OpenAction << /S /ImportData /F (data.fdf) >>",
        b"/Extra << /Subtype /RichMedia >>",
        b"/AA << /WC << /S /JavaScript /JS (this.print\\(\\)) >> >>",
    ],
)
def test_a_pdf_with_active_content_is_refused(catalog_extra):
    document = simple_pdf(catalog_extra, [stream(b"app.alert(1)")])
    assert script_count(document) >= 0  # a document PDFium opens
    rejected(document, PDF_ACTIVE)


@pytest.mark.parametrize(
    "catalog_extra",
    [
        b"/OpenAction << /S /J#61vaScript /#4A#53 (app.alert\\(1\\)) >>",
        b"/OpenAction << /S /#4a#61#76#61#53#63#72#69#70#74 /JS 4 0 R >>",
        b"/OpenAction << /S /L#61unch /F (calc.exe) >>",
        b"/OpenAction << /S /#4Cau#6Ech /F (calc.exe) >>",  # upper case hex digits
        b"/Names << /Embedded#46iles 4 0 R >>",
    ],
)
def test_a_name_written_with_hex_escapes_is_recognised(catalog_extra):
    document = simple_pdf(catalog_extra, [stream(b"app.alert(1)")])
    assert b"JavaScript" not in document and b"Launch" not in document
    assert b"EmbeddedFiles" not in document
    rejected(document, PDF_ACTIVE)


def test_a_script_that_pdfium_runs_is_refused():
    document = build_pdf(SCRIPT_OBJECTS)
    assert script_count(document) == 1
    rejected(document, PDF_ACTIVE)


@pytest.mark.parametrize(
    ("encode", "filters"),
    [
        (zlib.compress, b"/FlateDecode"),
        (lambda data: zlib.compress(zlib.compress(data)), b"[/FlateDecode /FlateDecode]"),
        (lambda data: zlib.compress(data).hex().encode() + b">", b"[/ASCIIHexDecode /FlateDecode]"),
        (
            lambda data: base64.a85encode(zlib.compress(data), wrapcol=72) + b"~>",
            b"[/ASCII85Decode /FlateDecode]",
        ),
        (lambda data: data.hex().encode() + b">", b"/ASCIIHexDecode"),
        (
            lambda data: zlib.compress(zlib.compress(data)).hex().encode() + b">",
            b"[/ASCIIHexDecode /FlateDecode /FlateDecode]",
        ),
    ],
    ids=["flate", "flate-flate", "hex-flate", "a85-flate", "hex", "hex-flate-flate"],
)
def test_a_script_hidden_in_a_compressed_object_stream_is_refused(encode, filters):
    document = pdf_with_object_stream(SCRIPT_OBJECTS, encode, filters)
    assert script_count(document) == 1  # PDFium finds and would run the script...
    assert b"JavaScript" not in document  # ...that the raw bytes do not show
    rejected(document, PDF_ACTIVE)


def png_up(data, columns):
    """Data with the PNG "Up" predictor applied (each row as its difference from the one above),
    as /DecodeParms << /Predictor 12 /Columns n >> declares."""
    previous, out = bytes(columns), bytearray()
    for start in range(0, len(data), columns):
        row = data[start : start + columns].ljust(columns, b" ")
        out += b"\x02" + bytes((a - b) & 0xFF for a, b in zip(row, previous, strict=True))
        previous = row
    return bytes(out)


def run_length(data, run=5):
    """RunLengthDecode data made of literal runs of `run` bytes: a name longer than that is split
    by a length byte in the raw file."""
    out = bytearray()
    for start in range(0, len(data), run):
        chunk = data[start : start + run]
        out += bytes([len(chunk) - 1]) + chunk
    return bytes(out + b"\x80")


@pytest.mark.parametrize(
    ("encode", "filters"),
    [
        (
            lambda data: zlib.compress(png_up(data, 8)),
            b"/Fl /DecodeParms << /Predictor 12 /Columns 8 >>",
        ),
        (run_length, b"/RL"),
    ],
    ids=["flate-with-predictor", "run-length"],
)
def test_a_script_in_an_object_stream_the_byte_scanner_could_not_read_is_refused(encode, filters):
    # The byte scanner that came before qpdf accepted both: it did not undo PNG predictors, and it
    # neither decoded run-length data nor knew the filter's short name /RL.
    document = pdf_with_object_stream(SCRIPT_OBJECTS, encode, filters)
    assert script_count(document) == 1  # PDFium reads and would run the script
    assert b"JavaScript" not in document
    rejected(document, PDF_ACTIVE)


SCRIPT = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"


@pytest.mark.parametrize(
    ("encode", "filters"),
    [
        # hex digits of either case, spread over lines
        (
            lambda data: (lambda h: h[:40].upper() + b"\n" + h[40:] + b">")(
                zlib.compress(data).hex().encode()
            ),
            b"[/AHx /Fl]",
        ),
        (lambda data: base64.a85encode(data + bytes(8)) + b"~>", b"/A85"),  # zeros written as z
        # a group out of range (readers wrap it around) after whole groups of the objects
        (
            lambda data: base64.a85encode(zlib.compress(data).ljust(4 * 200, b"\0")) + b"uuuuu~>",
            b"[/A85 /Fl]",
        ),
    ],
    ids=["hex-lines", "a85-z", "a85-overflow"],
)
def test_ascii_encoded_object_streams_are_decoded(encode, filters):
    document = pdf_with_object_stream(SCRIPT_OBJECTS, encode, filters)
    assert script_count(document) == 1
    assert b"JavaScript" not in document
    rejected(document, PDF_ACTIVE)


def test_a_harmless_object_stream_is_accepted():
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", *PAGES]
    for encode, filters in [
        (zlib.compress, b"/FlateDecode"),
        (lambda data: base64.a85encode(zlib.compress(data)) + b"~>", b"[/A85 /Fl]"),
        (run_length, b"/RunLengthDecode"),  # the byte scanner refused it, unable to look inside
    ]:
        document = pdf_with_object_stream(objects, encode, filters)
        assert script_count(document) == 0
        assert accepted(document, "application/pdf") == document


def flate_damaged_after(data):
    """`data` deflated, followed by a stored block whose length does not check out."""
    compressor = zlib.compressobj(9)
    start = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
    damaged = start + bytes(8) + compressor.compress(b" " * 1000) + compressor.flush()
    with pytest.raises(zlib.error, match="invalid stored block lengths"):
        zlib.decompress(damaged)
    return damaged


def test_a_damaged_object_stream_with_a_script_is_refused():
    # PDFium shows what it could decode before the damage, script included; qpdf does not read
    # the damaged object stream, so the file cannot be checked.
    document = pdf_with_object_stream(SCRIPT_OBJECTS, flate_damaged_after, b"/FlateDecode")
    assert script_count(document) == 1
    rejected(document, sanitise.PDF_UNCHECKABLE)


def test_a_script_deep_inside_a_large_object_stream_is_found():
    filler = b"<< /Names [(hello) 5 0 R] /Filler (" + b"x" * (30 * 1024 * 1024) + b") >>"
    objects = [*SCRIPT_OBJECTS[:3], filler, SCRIPT_OBJECTS[4]]  # the script comes after 30 MB
    rejected(pdf_with_object_stream(objects, zlib.compress, b"/FlateDecode"), PDF_ACTIVE)


def test_names_in_the_data_of_a_stream_are_not_active_content():
    # Text on a page, or any stream's data, is not read as objects: the byte scanner refused it.
    words = b"(Zet /JavaScript uit, /Launch niets en open geen /EmbeddedFiles /JS \\(x\\)) Tj"
    for data, dictionary in [
        (zlib.compress(b"BT /F1 12 Tf 10 100 Td " + words + b" ET"), b"/Filter /FlateDecode"),
        (b"/S /JavaScript /JS (app.alert\\(1\\))", b""),
    ]:
        document = simple_pdf(extra_objects=[stream(data, dictionary)])
        assert accepted(document, "application/pdf") == document


def test_a_large_harmless_stream_is_accepted():
    data = zlib.compress(bytes(50 * 1024 * 1024), 9)
    document = simple_pdf(extra_objects=[stream(data, b"/Filter /FlateDecode")])
    assert check(upload(document)) == "application/pdf"


def test_a_compression_bomb_is_refused_without_using_much_memory():
    compressor = zlib.compressobj(9)
    zeros = bytes(16 * 1024 * 1024)
    data = b"".join(compressor.compress(zeros) for _ in range(7)) + compressor.flush()
    assert len(data) < 1024 * 1024  # 112 MB of zeros
    document = simple_pdf(extra_objects=[stream(data, b"/Filter /FlateDecode")])
    file = upload(document)
    tracemalloc.start()
    try:
        with pytest.raises(AttachmentRejected) as caught:
            check(file)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert english(caught.value.message) == (
        "This PDF could not be checked. Save it as a plain PDF or send a photo of it."
    )
    assert peak < 16 * 1024 * 1024


def test_a_script_in_an_object_stream_too_large_to_decode_is_refused():
    # The catalog and pages are ordinary objects; the script hangs in an object stream padded to
    # 150 MB. qpdf stops decoding it at the limit (and would not see the script); PDFium does not.
    def padded(data):
        compressor = zlib.compressobj(9)
        spaces = b" " * (1024 * 1024)
        body = b"".join(compressor.compress(spaces) for _ in range(150))
        return compressor.compress(data) + body + compressor.flush()

    catalog = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"
    objects = [catalog, *PAGES, SCRIPT]
    document = pdf_with_object_stream(objects, padded, b"/FlateDecode", plain=3)
    assert len(document) < 1024 * 1024
    assert b"JavaScript" not in document
    rejected(document, sanitise.PDF_UNCHECKABLE)


def test_a_pdf_full_of_stream_keywords_is_refused_quickly():
    rejected(b"%PDF-1.4\n" + b"stream\nx\x9c" * 200_000, sanitise.PDF_UNCHECKABLE)


def test_damaged_stream_data_is_accepted_but_not_in_an_object_stream():
    # Readers show what they can of a damaged picture or page; the objects of a damaged object
    # stream cannot be checked.
    damaged = flate_damaged_after(b"0 0 0 rg\n" * 100)
    document = simple_pdf(extra_objects=[stream(damaged, b"/Filter /FlateDecode")])
    assert accepted(document, "application/pdf") == document
    dictionary = b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode"
    rejected(simple_pdf(extra_objects=[stream(damaged, dictionary)]), sanitise.PDF_UNCHECKABLE)
    # The byte scanner refused any LZW data, unable to decode it; qpdf decodes it.
    document = simple_pdf(extra_objects=[stream(b"\x80\x0b\x60\x50\x22", b"/Filter /LZW")])
    assert accepted(document, "application/pdf") == document


def test_a_pdf_qpdf_cannot_read_is_refused():
    for data in [b"%PDF-1.7\n", b"%PDF-1.4\n" + random.Random(2).randbytes(5000)]:
        rejected(data, sanitise.PDF_UNCHECKABLE)


def test_an_encrypted_pdf_is_refused():
    document = fpdf_document(owner_password="eigenaar", user_password="geheim")
    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(document)  # really needs the password
    assert rejected(document) == "This PDF is protected with a password and cannot be accepted."


def test_a_pdf_encrypted_without_a_user_password_is_refused_too():
    # It opens without a password, but its streams are encrypted, so they cannot be checked.
    document = fpdf_document(owner_password="eigenaar")
    assert script_count(document) == 0
    rejected(document, sanitise.PDF_ENCRYPTED)


def test_an_encrypt_entry_written_with_escapes_is_recognised():
    buffer = io.BytesIO()
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(buffer, encryption=pikepdf.Encryption(owner="eigenaar", user="", R=4))
    document = buffer.getvalue().replace(b"/Encrypt", b"/Encr#79pt")
    assert document.count(b"/Encr#79pt") == 1
    rejected(document, sanitise.PDF_ENCRYPTED)


# --- PDFs built with pikepdf: every place an action can hang --------------------------------------


def made_with_pikepdf(build):
    """A one-page PDF that `build(pdf, page)` adds to, saved as modern writers do: every object
    in compressed object streams, so the raw bytes show none of the names."""
    buffer = io.BytesIO()
    with pikepdf.new() as pdf:
        pdf.add_blank_page(page_size=(200, 200))
        build(pdf, pdf.pages[0].obj)
        pdf.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    document = buffer.getvalue()
    assert b"/Type /ObjStm" in document
    assert b"/Catalog" not in document  # compressed
    return document


def action(kind, **entries):
    return Dictionary(Type=Name.Action, S=Name(f"/{kind}"), **entries)


def script():
    return action("JavaScript", JS=String("app.alert(1)"))


def annotation(pdf, page, subtype, **entries):
    annot = pdf.make_indirect(
        Dictionary(Type=Name.Annot, Subtype=Name(f"/{subtype}"), Rect=[10, 10, 60, 30], **entries)
    )
    page.Annots = Array([*page.get("/Annots", []), annot])
    return annot


def outline_item(pdf, **entries):
    outlines = pdf.make_indirect(Dictionary(Type=Name.Outlines, Count=1))
    item = pdf.make_indirect(Dictionary(Title=String("Hoofdstuk 1"), Parent=outlines, **entries))
    outlines.First = outlines.Last = item
    pdf.Root.Outlines = outlines


def form_field(pdf, page, **widget_entries):
    """A text field whose widget is a kid of a parent field, on the page."""
    parent = pdf.make_indirect(Dictionary(FT=Name.Tx, T=String("naam")))
    widget = annotation(pdf, page, "Widget", Parent=parent, **widget_entries)
    parent.Kids = Array([widget])
    pdf.Root.AcroForm = Dictionary(Fields=Array([parent]))


def embedded_file(pdf):
    return pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00", filename="factuur.exe").obj


ACTIVE_PLACES = {
    "catalog-open-action": lambda pdf, page: setattr(pdf.Root, "OpenAction", script()),
    "catalog-additional-action": lambda pdf, page: setattr(pdf.Root, "AA", Dictionary(WC=script())),
    "page-additional-action": lambda pdf, page: setattr(page, "AA", Dictionary(O=script())),
    "link-annotation": lambda pdf, page: annotation(pdf, page, "Link", A=script()),
    "annotation-additional-action": lambda pdf, page: annotation(
        pdf, page, "Square", AA=Dictionary(E=script())
    ),
    "form-field-kid": lambda pdf, page: form_field(pdf, page, AA=Dictionary(K=script())),
    "outline-item": lambda pdf, page: outline_item(pdf, A=action("Launch", F=String("calc.exe"))),
    "next-chain": lambda pdf, page: setattr(
        pdf.Root, "OpenAction", action("GoTo", D=Array([page, Name.Fit]), Next=Array([script()]))
    ),
    "script-in-a-stream": lambda pdf, page: setattr(
        pdf.Root, "OpenAction", action("JavaScript", JS=pdf.make_stream(b"app.alert(1)"))
    ),
    "rendition-with-script": lambda pdf, page: setattr(
        pdf.Root, "OpenAction", action("Rendition", JS=String("app.alert(1)"))
    ),
    "name-tree-javascript": lambda pdf, page: setattr(
        pdf.Root,
        "Names",
        Dictionary(JavaScript=Dictionary(Names=Array([String("a"), pdf.make_indirect(script())]))),
    ),
    "embedded-files": lambda pdf, page: pdf.attachments.__setitem__(
        "factuur.exe", pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00", filename="factuur.exe")
    ),
    "file-attachment-annotation": lambda pdf, page: annotation(
        pdf, page, "FileAttachment", FS=embedded_file(pdf)
    ),
    "associated-file": lambda pdf, page: setattr(page, "AF", Array([embedded_file(pdf)])),
    "xfa-form": lambda pdf, page: setattr(
        pdf.Root, "AcroForm", Dictionary(Fields=Array([]), XFA=pdf.make_stream(b"<xdp:xdp/>"))
    ),
    "launch": lambda pdf, page: setattr(page, "AA", Dictionary(C=action("Launch"))),
    # opening \\server\share\x.pdf sends the Windows login (NTLM hash) to that server
    "remote-go-to": lambda pdf, page: annotation(
        pdf, page, "Link", A=action("GoToR", F=String("\\\\192.0.2.1\\share\\x.pdf"), D=Array([0]))
    ),
    "embedded-go-to": lambda pdf, page: setattr(
        pdf.Root, "OpenAction", action("GoToE", T=Dictionary(R=Name.C, N=String("a")))
    ),
    "submit-form": lambda pdf, page: form_field(
        pdf, page, A=action("SubmitForm", F=String("https://example.org/collect"))
    ),
    "import-data": lambda pdf, page: annotation(pdf, page, "Link", A=action("ImportData")),
    "sound-action": lambda pdf, page: annotation(pdf, page, "Link", A=action("Sound")),
    "script-action-without-script": lambda pdf, page: setattr(
        pdf.Root, "OpenAction", action("JavaScript")
    ),
    "empty-script-name-tree": lambda pdf, page: setattr(
        pdf.Root, "Names", Dictionary(JavaScript=Dictionary(Names=Array([])))
    ),
    "rendition-action": lambda pdf, page: annotation(pdf, page, "Link", A=action("Rendition")),
    "movie-action": lambda pdf, page: annotation(pdf, page, "Link", A=action("Movie")),
    "rich-media-execute": lambda pdf, page: annotation(
        pdf, page, "Link", A=action("RichMediaExecute")
    ),
    "rich-media": lambda pdf, page: annotation(pdf, page, "RichMedia"),
    "movie": lambda pdf, page: annotation(pdf, page, "Movie"),
    "screen": lambda pdf, page: annotation(pdf, page, "Screen"),
    "3d": lambda pdf, page: annotation(pdf, page, "3D"),
}


@pytest.mark.parametrize("build", ACTIVE_PLACES.values(), ids=ACTIVE_PLACES.keys())
def test_active_content_is_found_wherever_it_is(build):
    document = made_with_pikepdf(build)
    assert b"/S " not in document and b"/JS" not in document  # only inside the object streams
    rejected(document, PDF_ACTIVE)


HARMLESS_PLACES = {
    "web-link": lambda pdf, page: annotation(
        pdf, page, "Link", A=action("URI", URI=String("https://www.example.org/"))
    ),
    "go-to-page": lambda pdf, page: setattr(pdf.Root, "OpenAction", Array([page, Name.FitH, 200])),
    "outline-item": lambda pdf, page: outline_item(
        pdf, A=action("GoTo", D=Array([page, Name.Fit]))
    ),
    "named-action": lambda pdf, page: annotation(
        pdf, page, "Link", A=action("Named", N=Name.NextPage)
    ),
    "form-field": lambda pdf, page: form_field(pdf, page),
    "note": lambda pdf, page: annotation(pdf, page, "Text", Contents=String("/JavaScript /Launch")),
}


@pytest.mark.parametrize("build", HARMLESS_PLACES.values(), ids=HARMLESS_PLACES.keys())
def test_ordinary_links_forms_and_notes_are_accepted(build):
    document = made_with_pikepdf(build)
    assert accepted(document, "application/pdf") == document


def test_an_object_nothing_refers_to_is_checked_too():
    # A reader repairing a damaged file may find it; the byte scanner refused it too.
    rejected(simple_pdf(extra_objects=[SCRIPT]), PDF_ACTIVE)


def test_an_object_nested_past_the_parsers_limit_is_refused():
    # qpdf drops an object nested deeper than it parses (a warning, no error); a script inside
    # would go unseen.
    deep = b"[" * 600 + SCRIPT + b"]" * 600
    rejected(simple_pdf(extra_objects=[deep]), sanitise.PDF_UNCHECKABLE)
    rejected(simple_pdf(b"/Extra " + deep), sanitise.PDF_UNCHECKABLE)  # in the catalog


def test_an_embedded_file_is_found_by_either_of_its_marks():
    # /Type /EmbeddedFile is optional on the file's stream; the file specification's /EF is not.
    untyped = stream(b"MZ\x90\x00")
    spec = b"<< /Type /Filespec /F (factuur.exe) /EF << /F 4 0 R >> >>"
    annotation = b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9] /FS 5 0 R >>"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [6 0 R] >>"
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    document = build_pdf([catalog, PAGES[0], page, untyped, spec, annotation])
    rejected(document, PDF_ACTIVE)
    # and a file's stream on its own
    rejected(simple_pdf(extra_objects=[stream(b"MZ", b"/Type /EmbeddedFile")]), PDF_ACTIVE)


def test_streams_that_decode_past_the_limit_together_are_refused():
    half = zlib.compress(bytes(60 * 1024 * 1024), 9)  # each within the limit, not both
    one = simple_pdf(extra_objects=[stream(half, b"/Filter /FlateDecode")])
    assert check(upload(one)) == "application/pdf"
    two = simple_pdf(extra_objects=[stream(half, b"/Filter /FlateDecode")] * 2)
    rejected(two, sanitise.PDF_UNCHECKABLE)

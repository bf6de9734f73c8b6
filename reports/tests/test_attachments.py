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

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.functional import Promise
from fpdf import FPDF
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


def pdf_with_object_stream(objects, encode, filters):
    """PDF 1.5 in which `objects` (numbered from 1, object 1 the catalog) all live in one object
    stream, its data passed through `encode` and declared with `filters`, found through a
    cross-reference stream: nothing but that stream's data shows what the objects say."""
    header, body = b"", b""
    for number, obj in enumerate(objects, 1):
        header += b"%d %d " % (number, len(body))
        body += obj + b"\n"
    count = len(objects)
    object_stream_number, xref_number = count + 1, count + 2
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    object_stream_offset = len(out)
    data = encode(header + body)
    out += b"%d 0 obj\n" % object_stream_number
    out += stream(data, b"/Type /ObjStm /N %d /First %d /Filter %s" % (count, len(header), filters))
    out += b"\nendobj\n"
    xref_offset = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 2, object_stream_number, index) for index in range(count)]
    rows += [struct.pack(">BIH", 1, object_stream_offset, 0)]
    rows += [struct.pack(">BIH", 1, xref_offset, 0)]
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


def test_the_limit_defaults_to_ten_megabytes(settings):
    del settings.SIGNAAL_MAX_ATTACHMENT_BYTES
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


SCRIPT = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
HEX_SCRIPT = zlib.compress(SCRIPT).hex().encode()


@pytest.mark.parametrize(
    ("data", "filters"),
    [
        # hex digits of either case, spread over lines
        (HEX_SCRIPT[:40].upper() + b"\n" + HEX_SCRIPT[40:] + b">", b"[/AHx /Fl]"),
        (base64.a85encode(zlib.compress(SCRIPT), adobe=True), b"[/A85 /Fl]"),  # framed in <~ ~>
        (base64.a85encode(bytes(8) + SCRIPT) + b"~>", b"/A85"),  # zeros written as "z"
        # longer than a chunk read at once, with "z" before the boundary
        (
            base64.a85encode(bytes(4004) + random.Random(3).randbytes(70_000) + SCRIPT) + b"~>",
            b"/A85",
        ),
        # a group out of range (readers wrap it around) after whole groups of the script
        (base64.a85encode(zlib.compress(SCRIPT).ljust(48, b"\0")) + b"uuuuu~>", b"[/A85 /Fl]"),
    ],
    ids=["hex-lines", "a85-framed", "a85-z", "a85-long", "a85-overflow"],
)
def test_ascii_encoded_streams_are_decoded(data, filters):
    document = simple_pdf(extra_objects=[stream(data, b"/Filter " + filters)])
    assert b"JavaScript" not in document
    rejected(document, PDF_ACTIVE)


def test_a_harmless_object_stream_is_accepted():
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", *PAGES]
    for encode, filters in [
        (zlib.compress, b"/FlateDecode"),
        (lambda data: base64.a85encode(zlib.compress(data)) + b"~>", b"[/A85 /Fl]"),
    ]:
        document = pdf_with_object_stream(objects, encode, filters)
        assert script_count(document) == 0
        assert accepted(document, "application/pdf") == document


def test_a_script_in_a_damaged_flate_stream_is_still_found():
    # Readers show what they could decode before the damage, so the scan must see it too.
    compressor = zlib.compressobj(9)
    script = compressor.compress(b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>\n")
    script += compressor.flush(zlib.Z_FULL_FLUSH)
    rest = compressor.compress(b"0 0 0 rg\n" * 100) + compressor.flush()
    damaged = script + bytes(8) + rest  # a stored block whose length does not check out
    with pytest.raises(zlib.error, match="invalid stored block lengths"):
        zlib.decompress(damaged)
    document = simple_pdf(extra_objects=[stream(damaged, b"/Filter /FlateDecode")])
    assert b"JavaScript" not in document
    rejected(document, PDF_ACTIVE)


def test_a_name_at_the_very_end_of_a_stream_is_found():
    document = simple_pdf(extra_objects=[stream(zlib.compress(b"/S /JavaScript"), b"/Filter /Fl")])
    assert b"JavaScript" not in document
    rejected(document, PDF_ACTIVE)


def test_a_script_deep_inside_a_large_stream_is_found():
    # Far into the stream, and split over two decoded chunks ("/Java" + "Script").
    for position in (30 * 1024 * 1024, 4 * 65536 - 5):
        data = zlib.compress(bytes(position) + b"/JavaScript " + bytes(1000), 9)
        document = simple_pdf(extra_objects=[stream(data, b"/Filter /FlateDecode")])
        rejected(document, PDF_ACTIVE)


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


def test_a_pdf_full_of_stream_keywords_is_refused_quickly():
    rejected(b"%PDF-1.4\n" + b"stream\nx\x9c" * 200_000, sanitise.PDF_UNCHECKABLE)


def test_a_pdf_using_a_filter_that_cannot_be_looked_into_is_refused():
    document = simple_pdf(extra_objects=[stream(b"\x80\x0b\x60\x50\x22", b"/Filter /LZWDecode")])
    rejected(document, sanitise.PDF_UNCHECKABLE)


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
    document = simple_pdf(trailer=b"/Encr#79pt 4 0 R")
    rejected(document, sanitise.PDF_ENCRYPTED)

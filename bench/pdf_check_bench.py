"""Benchmark: the active-content check of an uploaded PDF (reports.sanitise), on typical files.

Builds two PDFs such as citizens send, with fpdf2: about 1 MB (three pages of Dutch text, two
phone photos, a screenshot) and about 20 MB (forty pages, a photo on each, a screenshot on every
third). Each is checked as written by fpdf2 (a classic cross-reference table) and re-saved by
pikepdf with its objects in compressed object streams, as modern writers do. Screenshots are
stored losslessly (Flate) and are decoded by the check; photos (JPEG) are not.

The check of another version of the module can be measured with --module, e.g. the byte scanner
that came before qpdf:

    git show 57973f9:reports/sanitise.py > /tmp/old_sanitise.py
    .venv/bin/python bench/pdf_check_bench.py --module /tmp/old_sanitise.py

    .venv/bin/python bench/pdf_check_bench.py [--module reports/sanitise.py] [--rounds 5]
"""

import argparse
import importlib.util
import io
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def load(path):
    spec = importlib.util.spec_from_file_location("sanitise_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def photo(rng, size=(1200, 900)):
    """Noise JPEG: as incompressible as a real photo, about 0.4 MB."""
    from PIL import Image

    image = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60)
    return buffer


def screenshot(rng, size=(1400, 900)):
    """A screen: flat panels, lines of "text", a noisy picture in a corner; stored as PNG."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (246, 246, 246))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(size[0] - 300), rng.randrange(size[1] - 100)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.rectangle((x, y, x + rng.randrange(80, 300), y + rng.randrange(20, 100)), colour)
    for line in range(60):
        y = 20 + line * 14
        draw.line((40, y, 40 + rng.randrange(200, 1000), y), (40, 40, 40), width=2)
    image.paste(Image.frombytes("RGB", (300, 200), rng.randbytes(300 * 200 * 3)), (1050, 650))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer


def document(pages, photo_every, screenshot_every, seed):
    from content.pdfgen import dutch_paragraphs
    from core.pdf import FONT, new_pdf

    rng = random.Random(seed)
    pdf = new_pdf("Bijlage bij een melding")
    for number, paragraphs in enumerate(dutch_paragraphs(pages, 3, seed=seed)):
        pdf.add_page()
        pdf.set_font(FONT, size=10.5)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        if photo_every and number % photo_every == 0:
            pdf.image(photo(rng), w=120)
        if screenshot_every and number % screenshot_every == 0:
            pdf.image(screenshot(rng), w=150)
    return bytes(pdf.output())


def with_object_streams(data):
    import pikepdf

    buffer = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def measure(module, data, rounds):
    best = None
    for _ in range(rounds):
        started = time.perf_counter()
        module._check_pdf(data)  # raises AttachmentRejected if refused: these are harmless
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--module", default="reports/sanitise.py")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import django

    os.environ.setdefault("SIGNAAL_ENV", "test")
    django.setup()
    module = load(args.module)
    small = document(pages=3, photo_every=2, screenshot_every=3, seed=1)
    large = document(pages=40, photo_every=1, screenshot_every=3, seed=2)
    print(f"module: {args.module}; best of {args.rounds} rounds")
    for label, data in [("1 MB", small), ("20 MB", large)]:
        for layout, variant in [
            ("xref table", data),
            ("object streams", with_object_streams(data)),
        ]:
            seconds = measure(module, variant, args.rounds)
            size = len(variant) / (1024 * 1024)
            print(f"  {label:>5} ({size:5.1f} MB, {layout:<14}): {seconds * 1000:7.1f} ms")


if __name__ == "__main__":
    main()

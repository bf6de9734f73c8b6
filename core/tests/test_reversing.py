"""core.reversing.row_urls: one reverse() per list, each row's URL what reverse() gives."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from core.reversing import row_urls

TEXTS = ["MH-2026-000123", "AV-2025-000001", "a b", "é", "50%", "x?y#z", "a&b'c", "~:@!$()*+,;="]


@pytest.fixture
def script_prefix():
    yield
    set_script_prefix("/")


@pytest.mark.parametrize("prefix", ["/", "/signaal/"])
def test_text_values_as_reverse_writes_them(prefix, script_prefix):
    set_script_prefix(prefix)
    detail = row_urls("reports:detail")
    unlink = row_urls("reports:unlink", "MH-2026-000001")
    for text in TEXTS:
        assert detail(text) == reverse("reports:detail", args=[text])
        assert unlink(text) == reverse("reports:unlink", args=["MH-2026-000001", text])
    assert detail("MH-2026-000123") == f"{prefix}meldpunt/MH-2026-000123/"


def test_number_values_as_reverse_writes_them():
    attachment = row_urls("reports:attachment", "MH-2026-000001", number=True)
    for pk in (0, 7, 123456789):
        assert attachment(pk) == reverse("reports:attachment", args=["MH-2026-000001", pk])
    # A value the int converter does not take goes to reverse() itself, which refuses it.
    for wrong in (-1, "12a", None):
        with pytest.raises(NoReverseMatch):
            attachment(wrong)


def test_values_reverse_refuses_are_refused():
    detail = row_urls("reports:detail")
    for wrong in ("", "a/b"):
        with pytest.raises(NoReverseMatch):
            detail(wrong)


def test_a_fixed_argument_like_the_marker_falls_back():
    unlink = row_urls("reports:unlink", "rowurlmarker")
    assert unlink("MH-1") == reverse("reports:unlink", args=["rowurlmarker", "MH-1"])

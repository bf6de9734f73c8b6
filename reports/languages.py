"""The languages of the public report form: Dutch, English and the languages of the groups most at
risk (labour migrants from Poland, Romania and Bulgaria; refugees from Ukraine). The rest of the
site is in Dutch and English."""

from contextlib import contextmanager

from django.utils import translation

# Each language named in itself.
REPORT_LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("uk", "Українська"),
]
CODES = [code for code, _name in REPORT_LANGUAGES]


def choose(code, default=None):
    """A supported language for `code`, else the current site language (nl or en)."""
    if code in CODES:
        return code
    current = default or translation.get_language() or "nl"
    return current if current in CODES else "nl"


@contextmanager
def speaking(request, code):
    """Render a public report page in `code`: templates, forms, messages and e-mails."""
    previous = getattr(request, "LANGUAGE_CODE", None)
    with translation.override(code):
        request.LANGUAGE_CODE = code
        try:
            yield
        finally:
            if previous is not None:
                request.LANGUAGE_CODE = previous


def catalogue_language(code):
    """The catalogue (signals, kinds of place) is kept in Dutch and English: other languages see
    the English text, marked as English for screen readers."""
    return "nl" if code == "nl" else "en"

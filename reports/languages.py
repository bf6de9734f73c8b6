"""The languages of the public report form: Dutch, English and the languages of the groups most at
risk (labour migrants from Poland, Romania and Bulgaria; refugees from Ukraine). The public pages
(home, "Wat zie je?", signal cards, the report form) speak all six; the staff screens are in Dutch
and English."""

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
    """The catalogue (signals, kinds of place, sectors) is kept in all six languages
    (indicators.models.CATALOGUE_LANGUAGES); another code gets Dutch."""
    return code if code in CODES else "nl"

"""Finding equal values in encrypted reports: the normalised forms of postcodes, house numbers,
company names and follow-up codes, and the keyed match and data-subject keys stored per report
(the keys themselves are computed in workflow.match_keys and workflow.subject_keys)."""

import re
import unicodedata

from . import workflow
from .models import MatchKey, SubjectKey


def normalise_postcode(postcode):
    return re.sub(r"\s+", "", postcode or "").upper()


def normalise_house_number(number):
    return re.sub(r"[\s-]+", "", number or "").upper()


def normalise_company(name):
    text = unicodedata.normalize("NFKD", name or "").casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(
        r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|holding|ltd|gmbh|sp\.? z o\.?o\.?)\b", "", text
    )
    return re.sub(r"[^0-9a-z]+", "", text)


def refresh_match_keys(report, *, new=False):
    """Store the keys by which other reports about the same address, business, phone number or
    person are found (see workflow.match_keys), and the keys by which a data subject's request
    finds the reporter and the persons recorded (workflow.subject_keys)."""
    wanted = workflow.match_keys(report, persons=() if new else None)
    existing = set() if new else set(report.match_keys.values_list("kind", "digest"))
    if existing - wanted:
        for kind, digest in existing - wanted:
            report.match_keys.filter(kind=kind, digest=digest).delete()
    MatchKey.objects.bulk_create(
        [MatchKey(report=report, kind=kind, digest=digest) for kind, digest in wanted - existing]
    )
    if not new:
        report.subject_keys.all().delete()
    SubjectKey.objects.bulk_create(
        [
            SubjectKey(report=report, person=person, kind=kind, digest=digest)
            for person, kind, digest in workflow.subject_keys(report, persons=() if new else None)
        ]
    )


def normalise_code(code):
    return re.sub(r"[^0-9A-Z]", "", (code or "").upper())

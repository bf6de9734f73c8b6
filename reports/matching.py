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


# Letters that Unicode does not decompose into a base letter and an accent, and the Cyrillic
# alphabets of the public form's languages (uk, bg; also Russian spellings) in one Latin
# transliteration, so "Łódź"/"Lodz" and "Ромашка"/"Romashka" give the same key.
_LETTERS = str.maketrans(
    {
        "ł": "l", "đ": "d", "ø": "o", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th",
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
        "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a",
        "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ʼ": "",
    }
)  # fmt: skip


def fold(text):
    """Lower case, accents off (Polish, Romanian s/t with comma or cedilla, Dutch), the letters
    above in Latin: the same key for every script the public form accepts."""
    text = (text or "").casefold()
    # Cyrillic й and ї are letters of their own: transliterate before decomposing them.
    text = text.translate(_LETTERS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_LETTERS)


def normalise_company(name):
    text = fold(name)
    text = re.sub(
        r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|holding|ltd|gmbh|sp\.? z o\.?o\.?|s\.?r\.?l\.?|"
        r"ooo|eood|ood|tov)\b",
        "",
        text,
    )
    # Whatever is left of another script stays in the key rather than vanishing.
    return re.sub(r"[\W_]+", "", text)


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

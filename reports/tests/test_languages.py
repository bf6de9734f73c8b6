"""The public report form speaks six languages: every text the reporter can see is translated."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from reports.languages import CODES

# Where the reporter's texts come from: the public parts of the report app, the page layout and
# error pages, and the catalogue's domain names (the groups of signals). The reporting point's and
# partners' screens are in Dutch and English only.
PUBLIC_SOURCES = (
    "reports/forms.py",
    "reports/views.py",
    "reports/models.py",
    "reports/sanitise.py",
    "reports/templates/reports/step.html",
    "reports/templates/reports/received.html",
    "reports/templates/reports/received_later.html",
    "reports/templates/reports/unreachable.html",
    "reports/templates/reports/bad_draft.html",
    "reports/templates/reports/thanks.html",
    "reports/templates/reports/advice.html",
    "reports/templates/reports/mailbox",
    "reports/templates/reports/includes/acute.html",
    "reports/templates/reports/includes/error_summary.html",
    "reports/templates/reports/includes/thread.html",
    "reports/templates/reports/email/received",
    "reports/templates/reports/email/new_message",
    "templates/",
    "indicators/models.py",
)


def entries(language):
    po = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    for block in po.read_text().split("\n\n")[1:]:
        references = [
            ref.rsplit(":", 1)[0]
            for line in re.findall(r"^#: (.*)$", block, re.M)
            for ref in line.split()
        ]
        msgid = "".join(
            re.findall(r'^(?:msgid|msgid_plural)? ?"(.*)"$', block.split("msgstr")[0], re.M)
        )
        msgstrs = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block + "\n", re.M)
        translated = all("".join(re.findall(r'"(.*)"', m)) for m in msgstrs) and msgstrs
        yield references, msgid, bool(translated), "#, fuzzy" in block


@pytest.mark.parametrize("language", [code for code in CODES if code not in ("en", "nl")])
def test_everything_a_reporter_sees_is_translated(language):
    missing = [
        msgid
        for references, msgid, translated, fuzzy in entries(language)
        if any(ref.startswith(PUBLIC_SOURCES) for ref in references) and (not translated or fuzzy)
    ]
    assert missing == [], f"{len(missing)} texts untranslated in {language}: {missing[:5]}"


@pytest.mark.parametrize("language", [code for code in CODES if code not in ("en", "nl")])
def test_translations_keep_their_placeholders(language):
    po = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    text = po.read_text()
    for block in text.split("\n\n")[1:]:
        if "msgstr" not in block:
            continue
        source, translation = block.split("msgstr", 1)
        wanted = sorted(set(re.findall(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}", source)))
        found = sorted(set(re.findall(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}", translation)))
        if "".join(re.findall(r'"(.*)"', translation)):
            assert wanted == found, block

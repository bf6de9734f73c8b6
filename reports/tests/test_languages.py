"""The public side speaks six languages: every text a reporter or visitor can see is translated."""

import re
import subprocess
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation.template import templatize

from reports.languages import CODES

# Where the reporter's texts come from: the public parts of the report app, the page layout and
# error pages, the catalogue's domain names (the groups of signals), the guide 'Wat zie je?' with
# its reasons and routes, the signal cards and the home page. The reporting point's and partners'
# screens are in Dutch and English only.
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
    "indicators/views.py",
    "indicators/forms.py",
    "indicators/scoring.py",
    "indicators/routes.py",
    "indicators/exploitation.py",
    "indicators/cards.py",
    "indicators/templates/indicators/",
    "content/templates/content/home_page.html",
)
# Django's keywords for xgettext, as makemessages passes them.
KEYWORDS = [
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]


def public_files():
    base = Path(settings.BASE_DIR)
    for source in PUBLIC_SOURCES:
        folder = base / source if source.endswith("/") else (base / source).parent
        for path in sorted(folder.rglob("*") if source.endswith("/") else folder.glob("*")):
            name = str(path.relative_to(base))
            if (
                path.is_file()
                and path.suffix in (".py", ".html", ".txt")
                and name.startswith(source)
                # Our copies of Wagtail's admin templates: the admin is not public, Dutch only.
                and not name.startswith("templates/wagtailadmin/")
            ):
                yield path


@cache
def public_msgids(tmp):
    """(msgid, context) of every text the public sources mark for translation, found as
    makemessages finds them (templates through Django's templatize, then xgettext); unlike the
    .po file's references this also sees a text added by hand since the last makemessages."""
    sources = []
    for number, path in enumerate(public_files()):
        text = path.read_text()
        if path.suffix != ".py":
            text = templatize(text, origin=str(path))
        copy = Path(tmp) / f"{number}.py"
        copy.write_text(text)
        sources.append(str(copy))
    pot = subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", "--output=-", *KEYWORDS, *sources],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return tuple(
        (message.id[0] if isinstance(message.id, tuple) else message.id, message.context)
        for message in read_po(iter(pot.splitlines(keepends=True)))
        if message.id
    )


def untranslated(msgids, po_text):
    """The msgids without a (complete, not fuzzy) translation in the .po text."""
    catalog = read_po(iter(po_text.splitlines(keepends=True)))
    missing = []
    for msgid, context in msgids:
        message = catalog.get(msgid, context=context)
        strings = message.string if message is not None else ""
        strings = strings if isinstance(strings, tuple) else (strings,)
        if message is None or message.fuzzy or not all(strings):
            missing.append(msgid)
    return missing


@pytest.fixture(scope="module")
def msgids(tmp_path_factory):
    found = public_msgids(str(tmp_path_factory.mktemp("public")))
    assert len(found) > 400, "the public sources hold hundreds of texts"
    return found


def po_text(language):
    return (Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po").read_text()


@pytest.mark.parametrize("language", [code for code in CODES if code != "en"])
def test_every_public_text_is_translated_in_every_language(language, msgids):
    missing = untranslated(msgids, po_text(language))
    assert missing == [], f"{len(missing)} public texts untranslated in {language}: {missing[:8]}"


def test_the_check_fails_when_one_translation_is_blanked(msgids):
    text = po_text("pl")
    before = set(untranslated(msgids, text))
    assert "What do you see?" not in before
    blanked = text.replace('msgstr "Co widzisz?"', 'msgstr ""', 1)
    assert blanked != text
    assert set(untranslated(msgids, blanked)) - before == {"What do you see?"}
    fuzzy = text.replace('msgid "What do you see?"', '#, fuzzy\nmsgid "What do you see?"', 1)
    assert set(untranslated(msgids, fuzzy)) - before == {"What do you see?"}
    assert ("Choose your language", None) in msgids, "the home page's language choice is public"


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

"""The catalogue (signals, kinds of place, sectors) in all six languages of the public side: kept
with the catalogue so editors can correct them, filled into existing databases, and shown in the
visitor's language on the guide, the signal cards and the report form."""

import copy

import pytest
from django.urls import reverse

from indicators import seed
from indicators.actions import load_seed
from indicators.models import (
    CATALOGUE_LANGUAGES,
    Indicator,
    PremisesType,
    Sector,
    catalogue_language,
    localised,
)

OTHER = ("pl", "ro", "bg", "uk")


def missing_translations(rows, field):
    """(code, language) for every row of the seed or the database without a text in one of the
    six languages; rows are dicts or model instances."""

    def value(row, name):
        return row.get(name, "") if isinstance(row, dict) else getattr(row, name, "")

    return [
        (value(row, "code"), code)
        for row in rows
        for code in CATALOGUE_LANGUAGES
        if not (value(row, f"{field}_{code}") or "").strip()
    ]


def test_every_seed_text_is_in_six_languages():
    assert len(seed.INDICATORS) > 90 and len(seed.PREMISES_TYPES) > 15
    assert missing_translations(seed.INDICATORS, "text") == []
    assert missing_translations(seed.PREMISES_TYPES, "name") == []
    assert missing_translations(seed.SECTORS, "name") == []


def test_a_signal_text_is_a_translation_not_the_english_copied():
    copied = [
        (row["code"], code)
        for row in seed.INDICATORS
        for code in OTHER
        if row[f"text_{code}"] == row["text_en"]
    ]
    assert copied == []


def test_the_check_fails_when_one_translation_is_blanked():
    indicators = copy.deepcopy(seed.INDICATORS)
    indicators[7]["text_bg"] = ""
    premises = copy.deepcopy(seed.PREMISES_TYPES)
    premises[2]["name_uk"] = "  "
    assert missing_translations(indicators, "text") == [(indicators[7]["code"], "bg")]
    assert missing_translations(premises, "name") == [(premises[2]["code"], "uk")]


def test_the_migrated_catalogue_has_every_text_in_six_languages(db):
    indicators = list(Indicator.objects.all())
    assert len(indicators) == len(seed.INDICATORS)
    assert missing_translations(indicators, "text") == []
    assert missing_translations(PremisesType.objects.all(), "name") == []
    assert missing_translations(Sector.objects.all(), "name") == []
    blanked = Indicator.objects.get(code="SU-01")
    blanked.text_ro = ""
    assert missing_translations([blanked], "text") == [("SU-01", "ro")]


def test_loading_the_seed_fills_empty_languages_and_keeps_what_editors_wrote(db):
    """An existing database gets the translations (migration 0004 and every later load), but an
    editor's correction is never overwritten."""
    Indicator.objects.filter(code="SU-01").update(text_pl="", text_ro="Corectat de un editor")
    PremisesType.objects.filter(code="hotel").update(name_bg="")
    load_seed(seed)
    su01 = Indicator.objects.get(code="SU-01")
    row = next(r for r in seed.INDICATORS if r["code"] == "SU-01")
    assert su01.text_pl == row["text_pl"]
    assert su01.text_ro == "Corectat de un editor"
    assert PremisesType.objects.get(code="hotel").name_bg == "Хотел"


def test_the_catalogue_version_keeps_all_six_texts(db):
    from indicators.models import CatalogueVersion

    snapshot = CatalogueVersion.objects.order_by("-number").first().snapshot
    su01 = next(row for row in snapshot if row["code"] == "SU-01")
    assert {f"text_{code}" for code in CATALOGUE_LANGUAGES} <= set(su01)
    assert su01["text_uk"].startswith("Мусить")


@pytest.mark.parametrize(
    "language, expected",
    [("pl", "pl"), ("pl-PL", "pl"), ("uk", "uk"), ("en-gb", "en"), ("de", "nl"), ("", "nl")],
)
def test_catalogue_language(language, expected, settings):
    settings.LANGUAGE_CODE = "nl"
    from django.utils import translation

    with translation.override("nl"):
        assert catalogue_language(language or None) == expected


def test_an_empty_translation_falls_back_to_english_then_dutch():
    indicator = Indicator(text_nl="Nederlands", text_en="English", text_pl="Polski")
    assert localised(indicator, "text", "pl") == "Polski"
    assert indicator.text_for("ro") == "English"
    indicator.text_en = ""
    assert indicator.text_for("bg") == "Nederlands"
    assert indicator.text_for("nl") == "Nederlands"


def _in(client, language):
    response = client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert response.status_code == 302


@pytest.mark.parametrize("language", OTHER)
def test_the_guide_shows_signals_and_kinds_of_place_in_the_visitors_language(client, db, language):
    _in(client, language)
    su01 = Indicator.objects.get(code="SU-01")
    hotel = PremisesType.objects.get(code="hotel")
    body = client.get(reverse("indicators:guide")).content.decode()
    assert su01.text_for(language) in body
    assert su01.text_en not in body and su01.text_nl not in body
    location = client.get(reverse("indicators:guide"), {"subject": "location"}).content.decode()
    cannabis = PremisesType.objects.get(code="cannabis_farm")
    assert f">{cannabis.name_for(language)}</option>" in location
    assert cannabis.name_en not in location
    assert hotel.name_for(language) in location
    outcome = client.get(reverse("indicators:guide"), {"s": ["SU-01", "SU-04"]}).content.decode()
    assert f"<strong>{su01.text_for(language)}</strong>" in outcome


@pytest.mark.parametrize("language", OTHER)
def test_a_signal_card_in_the_visitors_language(client, db, language):
    _in(client, language)
    body = client.get(reverse("indicators:card", args=["labour"])).content.decode()
    au01 = Indicator.objects.get(code="AU-01")
    assert au01.text_for(language) in body
    assert au01.text_en not in body


@pytest.mark.parametrize("language", OTHER)
def test_step_one_of_the_report_form_in_the_reporters_language(client, db, language):
    body = client.get(reverse("reports:report") + f"?taal={language}").content.decode()
    for indicator in Indicator.objects.filter(active=True):
        assert indicator.text_for(language) in body.replace("&#x27;", "'").replace("&quot;", '"')
        assert indicator.text_en not in body.replace("&#x27;", "'")

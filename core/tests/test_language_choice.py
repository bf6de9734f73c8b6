"""The language choice on the home page and in the header: all six languages of the public side,
each named in itself with its lang attribute, a plain POST form (no JavaScript needed)."""

import re

import pytest
from django.urls import reverse

NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "pl": "Polski",
    "ro": "Română",
    "bg": "Български",
    "uk": "Українська",
}


def choices(body):
    """{code: name} of the buttons and the current language in each language form."""
    forms = re.findall(r'<form[^>]*class="language-form[^"]*"[^>]*>(.*?)</form>', body, re.S)
    return [dict(re.findall(r'lang="(\w+)"[^>]*>([^<]+)<', form)) for form in forms]


def test_the_home_page_offers_all_six_languages_in_the_header_and_on_the_page(client, db):
    body = client.get(reverse("core:home")).content.decode()
    found = choices(body)
    assert found == [NAMES, NAMES], "one choice in the header, one on the home page"
    assert '<span lang="nl" aria-current="true">Nederlands</span>' in body
    assert 'name="language" value="pl" class="link-button" lang="pl">Polski</button>' in body
    assert 'action="/taal/"' in body and 'name="csrfmiddlewaretoken"' in body


def test_other_pages_have_the_choice_in_the_header(client, db):
    body = client.get(reverse("indicators:guide")).content.decode()
    assert choices(body) == [NAMES]


@pytest.mark.parametrize("language", list(NAMES))
def test_choosing_a_language_without_javascript(client, db, language):
    response = client.post(reverse("set_language"), {"language": language, "next": "/wat-zie-je/"})
    assert response.status_code == 302
    assert response["Location"] == "/wat-zie-je/"
    body = client.get(reverse("core:home")).content.decode()
    assert f'<html lang="{language}">' in body
    assert f'<span lang="{language}" aria-current="true">{NAMES[language]}</span>' in body


@pytest.mark.parametrize(
    "language, heading",
    [
        ("pl", "Razem przeciw handlowi ludźmi"),
        ("ro", "Împreună împotriva traficului de persoane"),
        ("bg", "Заедно срещу трафика на хора"),
        ("uk", "Разом проти торгівлі людьми"),
    ],
)
def test_the_home_page_in_the_chosen_language(client, db, language, heading):
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    body = client.get(reverse("core:home")).content.decode()
    assert heading in body
    assert "Together against human trafficking" not in body
    guide = client.get(reverse("indicators:guide")).content.decode()
    assert "What do you see?" not in guide and "Tick what you noticed" not in guide


def test_an_unknown_language_is_refused_and_dutch_stays(client, db):
    client.post(reverse("set_language"), {"language": "de", "next": "/"})
    assert '<html lang="nl">' in client.get(reverse("core:home")).content.decode()

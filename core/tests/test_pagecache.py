"""Public pages for anonymous visitors from memory (core/pagecache.py)."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from accounts.models import Role

pytestmark = pytest.mark.django_db
PAGE = "/toegankelijkheid/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.SIGNAAL_PAGE_CACHE_SECONDS = 60
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def visitor():
    return Client(enforce_csrf_checks=True)


def test_the_second_visitor_gets_the_page_from_memory(django_assert_num_queries):
    first = visitor().get(PAGE)
    assert first.status_code == 200 and "X-Page-Cache" not in first
    second = visitor()
    with django_assert_num_queries(1):  # the cache generation (core.models.PageCacheState)
        response = second.get(PAGE)
    assert response["X-Page-Cache"] == "hit"
    assert response.content.decode().count("Toegankelijkheid") == first.content.decode().count(
        "Toegankelijkheid"
    )


def test_each_visitor_gets_a_csrf_token_of_their_own_that_works():
    visitor().get(PAGE)
    a, b = visitor(), visitor()
    page_a, page_b = a.get(PAGE), b.get(PAGE)
    assert page_a["X-Page-Cache"] == page_b["X-Page-Cache"] == "hit"
    token_a = TOKEN.search(page_a.content.decode()).group(1)
    token_b = TOKEN.search(page_b.content.decode()).group(1)
    assert token_a != token_b
    assert "\x00" not in page_a.content.decode()
    # the language switch on the kept page works with the visitor's own token
    response = a.post("/taal/", {"language": "en", "next": PAGE, "csrfmiddlewaretoken": token_a})
    assert response.status_code == 302
    # and not with someone else's
    response = b.post("/taal/", {"language": "en", "next": PAGE, "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403


def test_languages_are_kept_apart():
    visitor().get(PAGE)
    english = visitor()
    english.cookies["django_language"] = "en"
    response = english.get(PAGE)
    assert "X-Page-Cache" not in response
    assert 'lang="en"' in response.content.decode()


def test_signed_in_users_never_get_or_leave_a_kept_page(client, personas, login):
    login(client, personas[Role.ANALYST])
    assert "X-Page-Cache" not in client.get(PAGE)
    assert "X-Page-Cache" not in client.get(PAGE)
    assert "X-Page-Cache" not in visitor().get(PAGE)  # the signed-in page was not kept


@pytest.mark.parametrize(
    "path", ["/melden/", "/bestaat-niet/", "/health/live/", "/account/aanvragen/", "/wat-zie-je/x/"]
)
def test_forms_errors_and_other_responses_are_not_kept(path):
    visitor().get(path)
    assert "X-Page-Cache" not in visitor().get(path)


def test_a_visitor_with_a_session_or_messages_is_served_fresh():
    visitor().get(PAGE)
    other = visitor()
    other.cookies["messages"] = "something"
    assert "X-Page-Cache" not in other.get(PAGE)


def test_only_listed_public_views_are_kept():
    from django.urls import get_resolver

    from core.pagecache import PUBLIC_PAGES

    names = set()

    def walk(patterns, namespace=""):
        for entry in patterns:
            if hasattr(entry, "url_patterns"):
                walk(
                    entry.url_patterns,
                    f"{namespace}{entry.namespace}:" if entry.namespace else namespace,
                )
            elif entry.name:
                names.add(f"{namespace}{entry.name}")

    walk(get_resolver().url_patterns)
    assert not PUBLIC_PAGES - names, "unknown URL names"


def test_the_guide_is_kept():
    visitor().get("/wat-zie-je/?subject=person")
    assert visitor().get("/wat-zie-je/?subject=person")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in visitor().get("/wat-zie-je/?subject=location")


def test_searches_that_differ_only_in_an_accent_are_kept_apart():
    plain, accented = "/kennisbank/zoeken/?q=geimporteerd", "/kennisbank/zoeken/?q=geïmporteerd"
    first = visitor().get(accented)
    assert first.status_code == 200 and "geïmporteerd" in first.content.decode()
    assert visitor().get(accented)["X-Page-Cache"] == "hit"
    other = visitor().get(plain)
    assert "X-Page-Cache" not in other
    assert 'value="geimporteerd"' in other.content.decode()

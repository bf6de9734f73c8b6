"""The header's menus (issue 19): 'My account' once, 'Monitor' only for those who have the monitor
(no anchor to the home page for the others), the theme and links pages in the main menu."""

import re

import pytest
from django.core.cache import cache

from accounts.models import Role


def header(html):
    return html.split("<main", 1)[0]


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.PARTNER_CASE_WORKER])
def test_my_account_once_and_no_monitor_anchor(client, make_user, login, role):
    login(client, make_user(role))
    top = header(client.get("/account/").content.decode())
    assert len(re.findall(r'href="/account/"', top)) == 1
    assert "#monitor" not in top
    assert 'href="/monitor/"' not in top


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ANALYST, Role.REPORTING_POINT_STAFF])
def test_monitor_in_the_menu_for_those_with_the_monitor(client, make_user, login, role):
    login(client, make_user(role))
    top = header(client.get("/account/").content.decode())
    assert len(re.findall(r'href="/monitor/"', top)) == 1


@pytest.mark.django_db
def test_theme_and_links_pages_in_the_main_menu(client):
    from wagtail.models import Site

    from content.models import LinksPage, ThemePage

    root = Site.objects.get(is_default_site=True).root_page
    theme = root.add_child(instance=ThemePage(title="Mensenhandel", slug="mensenhandel"))
    links = root.add_child(instance=LinksPage(title="Links", slug="links"))
    nav = header(client.get("/account/inloggen/").content.decode())
    nav = nav.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{theme.url}"' in nav and theme.url
    assert f'href="{links.url}"' in nav and links.url
    links.unpublish()
    cache.clear()
    nav = header(client.get("/account/inloggen/").content.decode())
    assert f'href="{links.url}"' not in nav

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


@pytest.mark.django_db
def test_a_menu_list_kept_by_another_process_is_not_served_after_a_restriction(client):
    """Every process keeps its own list of menu pages. A restriction made in one process must
    stop the others linking the page at once: this process plays the other one by putting back
    the list it held before the restriction, under the key it held it."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction, Site

    from content.models import ThemePage

    root = Site.objects.get(is_default_site=True).root_page
    theme = root.add_child(instance=ThemePage(title="Mensenhandel", slug="mensenhandel"))

    def menu():
        nav = header(client.get("/account/inloggen/").content.decode())
        return nav.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]

    assert f'href="{theme.url}"' in menu()
    kept = cache._cache  # noqa: SLF001 - the local-memory cache's own store, as pickled values
    held = {key: value for key, value in kept.items() if "nav_pages" in key}
    assert held  # the list this process keeps
    restriction = PageViewRestriction.objects.create(
        page=theme, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Alleen de werkgroep"))
    for key, value in held.items():  # the other process still holds its list
        kept[key] = value
        cache._expire_info[key] = None  # noqa: SLF001
    assert f'href="{theme.url}"' not in menu()

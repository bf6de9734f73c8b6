"""Bulk deletes stay one DELETE (Django's fast delete): no delete signal listens to every model.

A post_delete receiver without a sender makes Django load every row of every queryset delete and
send a signal per row: the monitor's recount (every fact, every few minutes), the search index's
postings, the throttle's pruning and the retention would all do that.
"""

import pytest
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone

from content.models import HomePage, NewsIndexPage, NewsPage
from monitor.models import Fact
from reports.models import MatchKey, Message, Note, ThrottleHit
from search.models import SearchEntry, SearchPosting

BULK_DELETED = [Fact, ThrottleHit, SearchPosting, MatchKey, Note, Message]


@pytest.mark.parametrize("model", BULK_DELETED, ids=lambda model: model.__name__)
def test_no_delete_signal_listens_to_models_deleted_in_bulk(model):
    assert not post_delete.has_listeners(model)
    assert not pre_delete.has_listeners(model)


def _facts(count):
    Fact.objects.bulk_create(
        Fact(year=2026, month=1 + i % 12, kind="report", dimension="form", value=str(i), count=1)
        for i in range(count)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 500])
def test_deleting_every_fact_is_one_query_whatever_the_number(count, django_assert_num_queries):
    _facts(count)
    with django_assert_num_queries(1):
        deleted, _ = Fact.objects.all().delete()
    assert deleted == count
    assert not Fact.objects.exists()


@pytest.mark.django_db
def test_a_deleted_page_still_leaves_the_search_index():
    from wagtail.models import Page

    from content.indexing import index_page

    home = HomePage.objects.get()
    news = home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws-test"))
    page = news.add_child(
        instance=NewsPage(
            title="Nieuwe aanpak", slug="aanpak", intro="Over de aanpak.", date=timezone.localdate()
        )
    )
    index_page(page)
    assert SearchEntry.objects.filter(object_id=page.pk).exists()
    # Not live (without Wagtail's unpublish, whose signal removes live pages from the index on its
    # own): only the post_delete receiver for `Page` is left to remove the entry.
    Page.objects.filter(pk=page.pk).update(live=False)
    page.refresh_from_db()
    page.delete()
    assert not SearchEntry.objects.filter(object_id=page.pk).exists()

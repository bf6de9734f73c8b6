"""Company and person matching for every script the public form accepts (issue 19): Cyrillic,
Polish and Romanian letters give a key, the same key as their Latin spelling, and the work
list's company search finds a company named in Cyrillic."""

import pytest
from django.urls import reverse

from accounts.models import Role
from reports.matching import normalise_company
from reports.workflow import name_key

from .conftest import make_report


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("ООО Ромашка", "Romashka"),
        ("Будівельник ТОВ", "Budivelnik"),
        ("Łódź Sp. z o.o.", "Lodz"),
        ("Construcții Ștefan SRL", "Constructii Stefan"),
        ("Construcţii Ştefan S.R.L.", "Constructii Stefan"),  # cedilla, as old keyboards type
        ("Bouw B.V.", "bouw"),
    ],
)
def test_company_names_keep_a_key_in_every_script(written, latin):
    assert normalise_company(written) != ""
    assert normalise_company(written) == normalise_company(latin)


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("Іван Петренко", "Ivan Petrenko"),
        ("Иван Петров", "Ivan Petrov"),
        ("Paweł Łukasz", "Pawel Lukasz"),
        ("Ștefan Popescu", "Stefan Popescu"),
    ],
)
def test_person_names_keep_a_key_in_every_script(written, latin):
    assert name_key(written) != ""
    assert name_key(written) == name_key(latin)


def test_a_script_without_transliteration_still_gives_a_key():
    assert normalise_company("شركة النور") != ""


@pytest.mark.django_db
def test_the_work_list_finds_a_company_named_in_cyrillic(client, personas, login):
    cyrillic = make_report(company_name="ООО Ромашка")
    other = make_report(company_name="Bouw B.V.")
    login(client, personas[Role.REPORTING_POINT_STAFF])
    for query in ("Ромашка", "ооо ромашка", "Romashka"):
        page = client.get(reverse("reports:inbox"), {"q": query}).content.decode()
        assert f"/meldpunt/{cyrillic.reference}/" in page, query
        assert f"/meldpunt/{other.reference}/" not in page, query

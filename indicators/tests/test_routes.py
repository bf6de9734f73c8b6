import pytest

from indicators.exploitation import ExploitationForm
from indicators.routes import route, route_codes


def codes(**kwargs):
    return [code for code, _ in route_codes(**kwargs)]


@pytest.mark.parametrize("form", ExploitationForm.values)
def test_person_route_for_every_form(form):
    steps = codes(subject="person", forms=[form])
    assert steps[0] == "focal_point"
    assert "veilig_thuis" in steps and "care_coordinator" in steps and "police" in steps
    assert ("nla" in steps) is (form == "labour")
    assert "riec" not in steps


@pytest.mark.parametrize("form", ExploitationForm.values)
def test_location_route_for_every_form(form):
    steps = codes(subject="location", forms=[form])
    assert steps[:2] == ["focal_point", "police"]
    assert "riec" in steps and "mma" in steps
    assert ("nla" in steps) is (form == "labour")
    assert "veilig_thuis" not in steps and "care_coordinator" not in steps


def test_acute_danger_comes_first():
    assert codes(subject="person", forms=["sexual"], acute=True)[0] == "emergency"
    assert codes(subject="location", forms=[], acute=True)[0] == "emergency"
    assert "emergency" not in codes(subject="person", forms=["sexual"])


def test_young_people_get_their_own_help():
    assert "chat_fier" in codes(subject="person", forms=["sexual"], minor=True)
    assert "keerpunt" in codes(subject="person", forms=["criminal"], minor=True)
    assert "keerpunt" not in codes(subject="person", forms=["criminal"])
    assert "keerpunt" not in codes(subject="person", forms=["sexual"], minor=True)


@pytest.mark.django_db
def test_every_step_has_a_contact_point_in_the_catalogue():
    for subject in ("person", "location"):
        for steps in (
            route(subject=subject, forms=ExploitationForm.values, minor=True, acute=True),
        ):
            assert steps
            assert all(step.contact is not None for step in steps), [
                s.code for s in steps if s.contact is None
            ]


@pytest.mark.django_db
def test_the_shipped_catalogue():
    from indicators.models import ContactPoint, Indicator, PremisesType

    assert Indicator.objects.count() >= 90
    assert set(Indicator.objects.values_list("strength", flat=True)) == {
        "strong",
        "moderate",
        "weak",
    }
    assert ContactPoint.objects.get(code="emergency").phone == "112"
    assert ContactPoint.objects.get(code="veilig_thuis").phone.replace("-", "") == "08002000"
    assert PremisesType.objects.filter(code="massage_salon").exists()
    for indicator in Indicator.objects.all():
        assert indicator.form_codes, indicator.code


@pytest.mark.django_db
def test_an_editor_changes_an_indicator_and_a_new_version_is_numbered(client, personas, login):
    from django.urls import reverse

    from accounts.models import Role
    from indicators.models import CatalogueVersion, Indicator

    login(client, personas[Role.EDITOR])
    indicator = Indicator.objects.get(code="SU-01")
    url = reverse("wagtailsnippets_indicators_indicator:edit", args=[indicator.pk])
    assert client.get(url).status_code == 200
    before = CatalogueVersion.objects.order_by("-number").first().number
    response = client.post(
        url,
        {
            "code": "SU-01",
            "text_nl": "Moet verdiensten uit seks afgeven",
            "text_en": "x",
            # Every text is required in all six languages (the editor sees and corrects them).
            "text_pl": indicator.text_pl,
            "text_ro": indicator.text_ro,
            "text_bg": indicator.text_bg,
            "text_uk": "Мусить віддавати гроші",
            "domain": "money",
            "strength": "strong",
            "forms": "|sexual|",
            "subject": "person",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    latest = CatalogueVersion.objects.order_by("-number").first()
    assert latest.number == before + 1
    assert any(row["text_nl"] == "Moet verdiensten uit seks afgeven" for row in latest.snapshot)
    assert any(row["text_uk"] == "Мусить віддавати гроші" for row in latest.snapshot)
    client.logout()
    login(client, personas[Role.ANALYST])
    response = client.get(url)
    assert response.status_code == 403  # /cms/ is for the editor role only (access module)

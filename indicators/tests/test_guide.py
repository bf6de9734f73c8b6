"""The public guide 'Wat zie je?' without JavaScript: a GET form whose URL holds the selection."""

from django.urls import reverse

URL = reverse("indicators:guide")


def test_the_guide_lists_signals_by_domain(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="s" value="SU-01"' in body
    assert "Outcome" not in body and "Uitkomst" not in body


def test_ticked_signals_give_forms_reasons_and_a_route(client, db):
    response = client.get(URL, {"subject": "person", "s": ["SU-01", "SU-04"]})
    assessment = response.context["assessment"]
    assert assessment.suggestions[0].form == "sexual"
    assert {r.code for r in assessment.suggestions[0].reasons} == {"SU-01", "SU-04"}
    codes = [step.code for step in response.context["steps"]]
    assert "veilig_thuis" in codes
    body = response.content.decode()
    assert 'value="SU-01" form="guide-form" checked' in body, "the selection is kept"
    assert "0800-2000" in body


def test_a_minor_and_acute_danger(client, db):
    response = client.get(URL, {"subject": "person", "minor": "on", "acute": "on", "s": ["SU-23"]})
    assert response.context["assessment"].minor_flag
    assert response.context["steps"][0].code == "emergency"
    assert 'href="tel:112"' in response.content.decode()


def test_location_signals_and_premises(client, db):
    from indicators.models import Indicator

    code = Indicator.objects.filter(subject="location", forms__contains="|sexual|").first().code
    response = client.get(URL, {"subject": "location", "premises": "massage_salon", "s": [code]})
    assert response.status_code == 200
    assert f'value="{code}"' in response.content.decode()
    steps = [step.code for step in response.context["steps"]]
    assert steps[:2] == ["focal_point", "police"]


def test_bad_input_is_ignored_not_an_error(client, db):
    for params in (
        {"subject": "<script>"},
        {"s": ["XX-1", "'; drop"]},
        {"premises": "nope"},
        {"minor": "x" * 3000},
    ):
        response = client.get(URL, params)
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main", 1)[1]

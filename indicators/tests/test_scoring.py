"""The explainable scoring: reasons per form, strong signals weigh more, the minor rule, context,
scoring with an older catalogue version."""

import pytest

from indicators.scoring import Signal, assess, signals_from_snapshot

SIGNALS = {
    "S1": Signal("S1", "Geen beschikking over eigen paspoort", "strong", ("labour", "sexual")),
    "S2": Signal("S2", "Schuld bij de werkgever", "strong", ("labour",)),
    "M1": Signal("M1", "Woont op het werk", "moderate", ("labour",)),
    "M2": Signal("M2", "Wordt gebracht en gehaald", "moderate", ("sexual",)),
    "W1": Signal("W1", "Plotseling dure spullen", "weak", ("sexual", "criminal")),
    "W2": Signal("W2", "Spijbelt", "weak", ("criminal",)),
    "L1": Signal("L1", "Veel wisselende bewoners", "moderate", ("labour",), "location"),
}


class Premises:
    name_nl = "Massagesalon"
    form_codes = ["sexual"]

    def name_for(self, language=None):
        return self.name_nl


def test_each_suggestion_lists_its_reasons():
    result = assess(["S1", "M1"], signals=SIGNALS)
    labour, sexual = result.suggestions
    assert (labour.form, labour.score) == ("labour", 5)
    assert [r.code for r in labour.reasons] == ["S1", "M1"]
    assert all(r.why for r in labour.reasons)
    assert (sexual.form, sexual.score) == ("sexual", 3)


def test_strong_signals_weigh_more():
    strong = assess(["S2"], signals=SIGNALS).suggestions[0]
    weak = assess(["W2"], signals=SIGNALS).suggestions[0]
    assert strong.score > weak.score
    assert strong.level == "possible"
    assert weak.level == "weak"


def test_levels_follow_the_combination():
    assert assess(["S1", "S2"], signals=SIGNALS).suggestions[0].level == "strong"
    assert assess(["M1"], signals=SIGNALS).suggestions[0].level == "weak"
    assert assess(["W1", "W2"], signals=SIGNALS).suggestions[0].level == "weak"


def test_a_minor_is_always_flagged_but_the_evidence_is_not_raised():
    adult = assess(["W2"], signals=SIGNALS)
    minor = assess(["W2"], minor=True, signals=SIGNALS)
    assert not adult.minor_flag and not adult.urgent
    assert minor.minor_flag and minor.minor_reason and minor.minor_note
    assert minor.urgent, "a minor raises the priority"
    assert minor.suggestions[0].level == "weak", "a single weak signal stays weak for a minor"


def test_no_signals_no_minor_flag():
    result = assess([], minor=True, signals=SIGNALS)
    assert result.suggestions == []
    assert not result.minor_flag


def test_premises_add_context_only_to_forms_already_indicated():
    without = assess(["M2"], signals=SIGNALS).suggestions[0]
    with_premises = assess(["M2"], premises=Premises(), signals=SIGNALS).suggestions[0]
    assert with_premises.score == without.score + 1
    assert with_premises.reasons[-1].text == "Massagesalon"
    assert assess(["M1"], premises=Premises(), signals=SIGNALS).forms == ["labour"]


def test_unknown_and_repeated_codes():
    result = assess(["S1", "S1", "XX-99"], signals=SIGNALS)
    assert result.unknown_codes == ["XX-99"]
    assert result.suggestions[0].score == 3


@pytest.mark.django_db
def test_scoring_with_the_catalogue_and_an_older_version():
    from indicators.actions import publish_catalogue
    from indicators.models import Indicator

    version = publish_catalogue()
    code = Indicator.objects.filter(strength="strong").values_list("code", flat=True).first()
    now = assess([code])
    assert now.suggestions and now.suggestions[0].reasons[0].code == code
    Indicator.objects.filter(code=code).update(strength="weak")
    newer = publish_catalogue()
    assert newer.number == version.number + 1
    old = assess([code], signals=signals_from_snapshot(version.snapshot))
    assert old.suggestions[0].score == now.suggestions[0].score
    assert assess([code]).suggestions[0].score < now.suggestions[0].score
    assert publish_catalogue().number == newer.number, "no change, no new version"

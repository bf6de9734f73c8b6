"""The scoring's thresholds and what it reads from the catalogue, pinned so that a changed rule
fails a test (the survivors of `make mutation` for indicators/scoring.py, docs/testing.md)."""

import pytest
from django.utils import translation

from indicators.scoring import (
    Reason,
    Signal,
    Suggestion,
    assess,
    level,
    signals_from_catalogue,
    signals_from_snapshot,
)


def suggestion(score, *weights):
    return Suggestion("labour", score, reasons=[Reason("C", "t", w, "") for w in weights])


@pytest.mark.parametrize(
    ("score", "weights", "expected"),
    [
        (5, (3, 2), "strong"),  # exactly the strong score, with a strong signal
        (4, (3, 1), "possible"),  # a strong signal, not yet the strong score
        (5, (2, 2, 1), "strong"),  # exactly three signals, none strong
        (5, (2, 2), "possible"),  # the strong score, but two signals and none strong
        (3, (2, 1), "possible"),  # exactly the possible score
        (4, (2, 2), "possible"),  # the possible score without a strong signal
        (2, (1, 1), "weak"),
        (2, (3,), "possible"),  # a strong signal is always at least possible
    ],
)
def test_the_level_thresholds(score, weights, expected):
    assert level(suggestion(score, *weights)) == expected


def test_each_strength_gives_its_own_reason():
    signals = {
        "S": Signal("S", "sterk", "strong", ("labour",)),
        "M": Signal("M", "matig", "moderate", ("labour",)),
        "W": Signal("W", "zwak", "weak", ("labour",)),
    }
    with translation.override("en"):
        reasons = assess(["S", "M", "W"], signals=signals).suggestions[0].reasons
    assert [(r.code, r.text, r.weight, r.why) for r in reasons] == [
        ("S", "sterk", 3, "Strong signal: on its own it points to control or coercion."),
        (
            "M",
            "matig",
            2,
            "Moderate signal: typical of exploitation, but it has other explanations.",
        ),
        ("W", "zwak", 1, "Weak signal: counts only in combination with other signals."),
    ]


def test_a_snapshot_row_becomes_a_signal_with_defaults_for_older_rows():
    rows = [
        {
            "code": "A1",
            "text_nl": "Tekst",
            "strength": "strong",
            "forms": ["labour", "sexual"],
            "subject": "location",
            "minors": True,
        },
        {"code": "B2", "text_nl": "Ouder", "strength": "weak", "forms": ["criminal"]},
    ]
    assert signals_from_snapshot(rows) == {
        "A1": Signal("A1", "Tekst", "strong", ("labour", "sexual"), "location", True),
        "B2": Signal("B2", "Ouder", "weak", ("criminal",), "person", False),
    }


@pytest.mark.django_db
def test_the_catalogue_gives_every_active_indicator_with_all_its_fields():
    from indicators.models import Indicator

    Indicator.objects.filter(pk=Indicator.objects.filter(active=True).first().pk).update(
        active=False
    )
    signals = signals_from_catalogue()
    active = Indicator.objects.filter(active=True)
    assert set(signals) == set(active.values_list("code", flat=True)) and signals
    assert {i.subject for i in active} == {"person", "location"}
    assert {i.minors for i in active} == {True, False}
    for indicator in active:
        assert signals[indicator.code] == Signal(
            indicator.code,
            indicator.text_nl,
            indicator.strength,
            tuple(indicator.form_codes),
            indicator.subject,
            indicator.minors,
        )


SIGNALS = {
    "S1": Signal("S1", "Paspoort afgenomen", "strong", ("labour", "sexual")),
    "W1": Signal("W1", "Spijbelt", "weak", ("criminal",)),
    "X1": Signal("X1", "Betaalde voor de reis", "weak", ("smuggling",)),
}


def test_a_minor_in_smuggling_alone_is_not_flagged_and_smuggling_is_never_raised():
    only = assess(["X1"], minor=True, signals=SIGNALS)
    assert only.minor_flag is False and only.minor_reason == ""
    assert [(s.form, s.level) for s in only.suggestions] == [("smuggling", "weak")]
    both = assess(["X1", "W1"], minor=True, signals=SIGNALS)
    assert both.minor_flag is True
    assert {s.form: s.level for s in both.suggestions} == {
        "criminal": "weak",  # the minors rule raises the priority, not the level
        "smuggling": "weak",
    }


def test_the_minor_reason_only_with_the_flag():
    assert assess(["W1"], signals=SIGNALS).minor_reason == ""
    with translation.override("en"):
        flagged = assess(["W1"], minor=True, signals=SIGNALS)
    assert flagged.minor_reason == (
        "The person is a minor: any exploitation of a minor counts as possible human "
        "trafficking, also without coercion, threats or deception."
    )


def test_equal_scores_in_the_order_of_the_forms_and_the_subject_passed_on():
    result = assess(["S1"], signals=SIGNALS)
    assert [s.form for s in result.suggestions] == ["sexual", "labour"]  # ExploitationForm order
    assert result.subject == "person"
    assert assess(["S1"], subject="location", signals=SIGNALS).subject == "location"
    # a form an older catalogue version knew and the list no longer has: after the known ones
    older = {"O1": Signal("O1", "Oud", "strong", ("retired", "labour"))}
    assert [s.form for s in assess(["O1"], signals=older).suggestions] == ["labour", "retired"]


def test_the_kind_of_place_is_a_reason_of_weight_one():
    class Premises:
        name_nl = "Massagesalon"
        form_codes = ["sexual"]

        def name_for(self, language=None):
            return self.name_nl

    with translation.override("en"):
        sexual = assess(["S1"], premises=Premises(), signals=SIGNALS).suggestions[0]
    assert sexual.score == 4
    context = sexual.reasons[-1]
    assert (context.code, context.text, context.weight) == ("", "Massagesalon", 1)
    assert context.why == "Context: this kind of place is often involved in this form."

"""Situations of our own, in plain words, mapped to the shipped catalogue by its texts, and the
rules of the scoring and the routes, one table row each. Every situation goes through assess()
and route() directly, through 'Wat zie je?' (the guide), into the report form and into triage.

The rules pinned here (indicators/scoring.py, indicators/routes.py):
- one signal that is weak on its own never yields more than "weak", for minors too (the minors
  rule raises the priority and the route, not the evidence);
- the forms that stand out are shown apart from the weak ones, each level in one sentence;
- smuggling is explained as smuggling, and a smuggling signal never points to organ removal;
- the route follows the forms that stand out; minors get their own contacts in both modes;
  smuggling goes to the KMar and the police's AVIM.
"""

import re
from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from indicators.exploitation import ExploitationForm, join_codes
from indicators.models import Indicator, PremisesType
from indicators.routes import route, route_codes
from indicators.scoring import assess, signals_from_catalogue

pytestmark = pytest.mark.django_db


@dataclass
class Situation:
    words: str  # what someone saw, in plain words
    codes: list  # the signals it maps to, found by their texts in the catalogue
    subject: str = "person"
    minor: bool = False
    acute: bool = False
    premises: str = ""
    stands_out: dict = field(default_factory=dict)  # {form: level} of the forms shown first
    weak: set = field(default_factory=set)  # the forms under "also possible, weak"
    route_has: set = field(default_factory=set)
    route_lacks: set = field(default_factory=set)

    @property
    def query(self):
        data = {"subject": self.subject, "s": self.codes}
        if self.minor:
            data["minor"] = "on"
        if self.acute:
            data["acute"] = "on"
        if self.premises:
            data["premises"] = self.premises
        return data


SITUATIONS = [
    Situation(
        "A neighbour: young men deal drugs from the door of a flat of a man with a mild "
        "intellectual disability; they have his key and he is afraid to send them away.",
        ["LC-02", "LC-03", "LC-05"],
        subject="location",
        premises="home",
        stands_out={"criminal": "strong"},
        route_has={"police", "riec", "mma"},
        route_lacks={"nla", "veilig_thuis", "kmar"},
    ),
    Situation(
        "Teenagers come and go at night from a flat with packages; a caretaker saw drugs and "
        "bundles of cash inside.",
        ["LC-04", "LC-01"],
        subject="location",
        minor=True,
        stands_out={"criminal": "possible"},
        route_has={"police", "veilig_thuis", "keerpunt", "meldpunt_minderjarigen", "riec"},
        route_lacks={"nla", "chat_fier"},
    ),
    Situation(
        "Only one thing: post and bank cards arrive at one address for many people who do not "
        "live there.",
        ["LC-07"],
        subject="location",
        weak={"criminal"},
        route_has={"police", "riec"},
        route_lacks={"veilig_thuis", "keerpunt"},
    ),
    Situation(
        "The same single weak thing, and the people collecting the post look under 18.",
        ["LC-07"],
        subject="location",
        minor=True,
        weak={"criminal"},
        route_has={"police", "veilig_thuis", "meldpunt_minderjarigen", "keerpunt"},
    ),
    Situation(
        "A man at the station says he paid 4,000 euros to be brought here hidden in a lorry.",
        ["SM-01", "SM-03"],
        stands_out={"smuggling": "strong"},
        route_has={"kmar", "avim", "veilig_thuis", "police"},
        route_lacks={"nla", "chat_fier"},
    ),
    Situation(
        "A smuggled man works unpaid in a car wash to pay off what he owes the smugglers.",
        ["SM-01", "SM-04"],
        premises="car_wash",
        stands_out={"smuggling": "strong", "labour": "possible"},
        route_has={"kmar", "avim", "nla"},
    ),
    Situation(
        "A 15-year-old without papers travels with a man who is not family, on the way to the "
        "United Kingdom.",
        ["SM-07"],
        minor=True,
        weak={"smuggling"},
        route_has={"kmar", "avim", "chat_fier", "meldpunt_minderjarigen"},
        route_lacks={"keerpunt", "nla"},
    ),
    Situation(
        "Small groups without luggage are dropped off at night at a motorway petrol station.",
        ["LS-01"],
        subject="location",
        premises="transit_point",
        stands_out={"smuggling": "possible"},
        route_has={"police", "kmar", "avim"},
        route_lacks={"nla"},
    ),
    Situation(
        "People knock from inside the closed trailer of a lorry at a car park.",
        ["LS-03"],
        subject="location",
        acute=True,
        stands_out={"smuggling": "possible"},
        route_has={"emergency", "kmar", "avim"},
    ),
    Situation(
        "A young man with a mild intellectual disability lends his bank card and PIN to 'friends'.",
        ["CU-08", "CU-21"],
        stands_out={"criminal": "possible"},
        weak={"labour", "sexual"},
        route_has={"veilig_thuis", "police"},
        route_lacks={"nla", "keerpunt"},
    ),
    Situation(
        "Only a vulnerability: a 16-year-old girl with debts and trouble at home.",
        ["CU-21"],
        minor=True,
        weak={"criminal", "sexual", "labour"},
        route_has={"chat_fier", "meldpunt_minderjarigen", "keerpunt"},
    ),
    Situation(
        "A young woman hands her earnings from sex to her 'boyfriend', who keeps her passport "
        "and checks her phone.",
        ["SU-01", "SU-04", "SU-07"],
        stands_out={"sexual": "strong", "labour": "possible", "criminal": "possible"},
        route_has={"veilig_thuis", "care_coordinator", "nla"},
    ),
    Situation(
        "Workers live in caravans behind a greenhouse; agency 'coordinators' check the caravans "
        "and hand out fines.",
        ["LA-01", "LA-03"],
        subject="location",
        premises="farm_greenhouse",
        stands_out={"labour": "strong"},
        route_has={"police", "nla", "riec"},
        route_lacks={"kmar"},
    ),
    Situation(
        "Hotel staff: a stream of different men to one room, lots of towels asked for; the "
        "girl in the room looks about 15.",
        ["LH-01", "LH-02"],
        subject="location",
        minor=True,
        premises="hotel",
        stands_out={"sexual": "strong"},
        route_has={"police", "veilig_thuis", "meldpunt_minderjarigen"},
        route_lacks={"keerpunt", "nla"},
    ),
    Situation(
        "A 16-year-old tells her teacher she will be married off during the summer holiday.",
        ["GH-01"],
        minor=True,
        stands_out={"forced_marriage": "possible"},
        route_has={"chat_fier", "meldpunt_minderjarigen", "veilig_thuis"},
    ),
    Situation(
        "A refugee with a smuggling debt says the smugglers want a kidney as payment.",
        ["OV-05"],
        stands_out={"organ_removal": "possible", "smuggling": "possible"},
        route_has={"kmar", "avim"},
    ),
    Situation(
        "A man talks about having 'sold' a kidney and has a fresh scar from an operation abroad.",
        ["OV-02", "OV-01"],
        stands_out={"organ_removal": "strong"},
        route_lacks={"kmar", "avim", "nla"},
    ),
    Situation(
        "Several pregnant women live in one house under an 'agency' and never go out alone.",
        ["LD-01"],
        subject="location",
        weak={"surrogacy"},
        route_has={"police", "riec"},
    ),
    Situation(
        "Someone sleeps in the attic where cannabis is grown and rarely comes out.",
        ["LC-06"],
        subject="location",
        premises="cannabis_farm",
        stands_out={"criminal": "possible"},
        route_lacks={"nla"},
    ),
    Situation(
        "Staff of a massage salon sleep on mattresses in the salon.",
        ["LM-03"],
        subject="location",
        premises="massage_salon",
        stands_out={"sexual": "possible", "labour": "possible"},
        route_has={"nla", "police"},
    ),
]


def ids(situation):
    return "+".join(situation.codes) + ("-minor" if situation.minor else "")


def _premises(code):
    return PremisesType.objects.get(code=code) if code else None


def _outcome(assessment):
    return (
        {s.form: s.level for s in assessment.main},
        {s.form for s in assessment.weak},
    )


@pytest.mark.parametrize("situation", SITUATIONS, ids=ids)
def test_situation_through_assess_and_route(situation):
    # The signals exist, are in use and are offered in the mode the situation is about.
    found = {i.code: i for i in Indicator.objects.filter(code__in=situation.codes, active=True)}
    assert set(found) == set(situation.codes)
    assert {i.subject for i in found.values()} == {situation.subject}
    with translation.override("nl"):
        result = assess(
            situation.codes,
            subject=situation.subject,
            minor=situation.minor,
            premises=_premises(situation.premises),
        )
        assert _outcome(result) == (situation.stands_out, situation.weak)
        for suggestion in result.suggestions:
            first_word = {"strong": "Sterk", "possible": "Mogelijk", "weak": "Zwak"}
            assert suggestion.explanation.startswith(first_word[suggestion.level] + ", omdat")
            assert all(reason.why for reason in suggestion.reasons)
    steps = [
        step.code
        for step in route(
            subject=situation.subject,
            forms=result.route_forms,
            minor=situation.minor,
            acute=situation.acute,
        )
    ]
    assert situation.route_has <= set(steps), steps
    assert not situation.route_lacks & set(steps), steps
    assert steps[0] == ("emergency" if situation.acute else "focal_point")


@pytest.mark.parametrize("situation", SITUATIONS, ids=ids)
def test_situation_through_the_guide_the_report_form_and_triage(situation, client, personas, login):
    from reports.models import Report
    from reports.tests.conftest import make_report

    # 'Wat zie je?': the forms that stand out, and the weak ones apart.
    response = client.get(reverse("indicators:guide"), situation.query)
    assert response.status_code == 200
    assert _outcome(response.context["assessment"]) == (situation.stands_out, situation.weak)
    page = response.content.decode()
    main, _, weak_part = page.partition('class="weak-forms"')
    for form, level in situation.stands_out.items():
        assert f'class="suggestion" data-form="{form}" data-level="{level}"' in main
    for form in situation.weak:
        assert f'data-form="{form}" data-level="weak"' in weak_part
        assert f'class="suggestion" data-form="{form}"' not in page
    assert bool(situation.weak) is bool(weak_part)
    steps = {step.code for step in response.context["steps"]}
    assert situation.route_has <= steps
    # Both report links (outcome and summary) carry exactly what was ticked.
    links = re.findall(r'data-report-link href="/melden/\?([^"]+)"', page)
    assert len(links) == 2
    for link in links:
        assert sorted(re.findall(r"s=([A-Z]{2}-\d\d)", link)) == sorted(situation.codes)

    # The report form takes the selection over.
    form_page = client.get("/melden/?" + links[0].replace("&amp;", "&")).content.decode()
    for code in situation.codes:
        assert re.search(rf'value="{code}" id="id_indicators_{code}" checked', form_page), code

    # Triage weighs the same signals with the same scoring.
    fields = {"indicator_codes": join_codes(situation.codes)}
    if situation.minor:
        fields["age_group"] = "minor"
    if situation.premises:
        fields["premises_type"] = situation.premises
    report = make_report(**fields)
    assert Report.objects.get(pk=report.pk).minor_involved is situation.minor
    login(client, personas[Role.REPORTING_POINT_STAFF])
    detail = client.get(reverse("reports:detail", args=[report.reference]))
    assert detail.status_code == 200
    assert _outcome(detail.context["assessment"]) == (situation.stands_out, situation.weak)


# --- the rules, one row each --------------------------------------------------------------------


@pytest.mark.parametrize("minor", [False, True], ids=["adult", "minor"])
def test_rule_one_weak_signal_stays_weak(minor):
    """Every weak signal alone, without and with each kind of place."""
    weak = list(Indicator.objects.filter(active=True, strength="weak"))
    assert len(weak) >= 20
    places = [None, *PremisesType.objects.all()]
    signals = signals_from_catalogue()
    for indicator in weak:
        for place in places:
            result = assess([indicator.code], minor=minor, premises=place, signals=signals)
            assert result.suggestions, indicator.code
            assert result.main == [], (indicator.code, place, _outcome(result))
            assert {s.level for s in result.suggestions} == {"weak"}


def test_rule_the_minors_rule_raises_priority_and_route_not_the_level():
    signals = signals_from_catalogue()
    for indicator in Indicator.objects.filter(active=True):
        adult = assess([indicator.code], subject=indicator.subject, signals=signals)
        minor = assess([indicator.code], subject=indicator.subject, minor=True, signals=signals)
        assert _outcome(adult) == _outcome(minor), indicator.code
        assert not adult.urgent
        assert minor.urgent is minor.minor_flag
        assert minor.urgent is (set(minor.forms) != {"smuggling"}), indicator.code
        for subject in ("person", "location"):
            young = {
                c for c, _ in route_codes(subject=subject, forms=minor.route_forms, minor=True)
            }
            grown = {c for c, _ in route_codes(subject=subject, forms=adult.route_forms)}
            assert "meldpunt_minderjarigen" in young - grown


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["SU-01", "SU-02"], "Sterk, omdat een signaal dat op zichzelf op controle of dwang"),
        (["SU-10", "SU-11", "SU-12"], "Sterk, omdat meerdere signalen samen"),
        (["SM-01", "SM-03"], "Sterk, omdat een signaal dat op zichzelf op mensensmokkel"),
        (["SU-01"], "Mogelijk, omdat een sterk signaal op controle of dwang"),
        (["SM-01"], "Mogelijk, omdat een sterk signaal op mensensmokkel"),
        (["SU-10", "SU-21"], "Mogelijk, omdat meerdere signalen op deze vorm wijzen"),
        (["SU-10"], "Zwak, omdat één signaal op zichzelf niets bewijst."),
        (["SU-21", "SU-22"], "Zwak, omdat de signalen die op deze vorm wijzen zwak of weinig"),
    ],
)
def test_rule_every_level_in_one_sentence(codes, expected):
    with translation.override("nl"):
        suggestion = assess(codes).suggestions[0]
        assert suggestion.explanation.startswith(expected)
        assert suggestion.explanation.count(". ") == 0, "one sentence"


def test_rule_a_kind_of_place_lifts_a_moderate_signal_and_says_so():
    with translation.override("nl"):
        result = assess(["LS-02"], subject="location", premises=_premises("transit_point"))
        assert result.main[0].explanation.startswith("Mogelijk, omdat een matig signaal past")


def test_rule_smuggling_is_explained_as_smuggling():
    smuggling = Indicator.objects.filter(active=True, forms__contains="|smuggling|")
    assert smuggling.count() >= 9
    with translation.override("nl"):
        for indicator in smuggling:
            suggestion = next(
                s for s in assess([indicator.code]).suggestions if s.form == "smuggling"
            )
            assert "mensensmokkel" in suggestion.reasons[0].why, indicator.code
            assert "controle of dwang" not in suggestion.reasons[0].why
            assert "controle of dwang" not in suggestion.explanation
            assert suggestion.note.startswith("Mensensmokkel is geen uitbuiting")
        others = assess(["SU-01"]).suggestions[0]
        assert "controle of dwang" in others.reasons[0].why and others.note == ""


def test_rule_no_cross_talk_between_smuggling_and_organ_removal():
    for indicator in Indicator.objects.filter(code__regex=r"^(SM|LS)-"):
        assert set(indicator.form_codes) <= {"smuggling", "labour"}, indicator.code
        assert "organ_removal" not in assess([indicator.code]).forms
    # and the other way round: organ removal signals do not suggest smuggling, except the one
    # that is about a smuggling debt (OV-05)
    for indicator in Indicator.objects.filter(code__startswith="OV-").exclude(code="OV-05"):
        assert "smuggling" not in indicator.form_codes, indicator.code


@pytest.mark.parametrize("form", [f for f in ExploitationForm.values if f != "other"])
@pytest.mark.parametrize("subject", ["person", "location"])
def test_rule_every_form_can_be_recognised_in_both_modes(form, subject):
    codes = list(
        Indicator.objects.filter(
            active=True, subject=subject, forms__contains=f"|{form}|"
        ).values_list("code", flat=True)
    )
    assert codes, f"no {subject} signal for {form}"
    assert form in assess(codes, subject=subject).forms


@pytest.mark.parametrize(
    ("subject", "forms", "minor", "has", "lacks"),
    [
        ("person", ["smuggling"], False, {"kmar", "avim"}, {"nla", "chat_fier"}),
        ("location", ["smuggling"], False, {"kmar", "avim", "police"}, {"veilig_thuis"}),
        ("person", ["criminal"], True, {"chat_fier", "keerpunt", "meldpunt_minderjarigen"}, set()),
        (
            "location",
            ["criminal"],
            True,
            {"veilig_thuis", "keerpunt", "meldpunt_minderjarigen"},
            {"chat_fier"},
        ),
        ("location", ["sexual"], True, {"veilig_thuis", "meldpunt_minderjarigen"}, {"keerpunt"}),
        ("location", ["sexual"], False, {"police", "riec"}, {"veilig_thuis", "keerpunt"}),
        ("person", ["labour"], False, {"nla"}, {"kmar", "meldpunt_minderjarigen"}),
        ("person", ["organ_removal"], False, {"veilig_thuis"}, {"kmar", "avim", "nla"}),
    ],
)
def test_rule_routes_for_minors_and_smuggling(subject, forms, minor, has, lacks):
    steps = {code for code, _ in route_codes(subject=subject, forms=forms, minor=minor)}
    assert has <= steps and not lacks & steps, steps


def test_rule_a_weak_vulnerability_does_not_pull_other_specialists_into_the_route():
    result = assess(["CU-08", "CU-21"])
    assert result.route_forms == ["criminal"]
    assert "labour" in result.forms  # still shown, as weak
    # when nothing stands out, the forms with the highest score choose the route
    assert assess(["CU-15", "CU-21"]).route_forms == ["criminal"]
    assert set(assess(["CU-21"]).route_forms) == {"criminal", "sexual", "labour"}


def test_the_new_signals_have_all_six_languages_and_a_catalogue_version():
    from indicators.models import CatalogueVersion

    new = Indicator.objects.filter(code__regex=r"^(LC|SM|LS|LO|LD|LG|LI)-")
    assert new.count() == 22
    for indicator in new:
        for language in ("nl", "en", "pl", "ro", "bg", "uk"):
            assert getattr(indicator, f"text_{language}"), (indicator.code, language)
    latest = CatalogueVersion.objects.order_by("-number").first()
    assert {row["code"] for row in latest.snapshot} >= set(new.values_list("code", flat=True))

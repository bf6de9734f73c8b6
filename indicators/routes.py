"""Whom to call or report to, given what was seen: the two routes of Dutch practice (an
identifiable person → care route; a location without an identifiable victim → safety route),
acute danger first, and the form of exploitation and age deciding the specialist contacts."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import ContactPoint


@dataclass
class Step:
    code: str  # contact point code, or "" for an internal step
    why: str
    contact: ContactPoint | None = None


def route_codes(*, subject, forms, minor=False, acute=False):
    """The ordered (code, why) steps; pure, so the table of routes can be tested directly."""
    forms = set(forms)
    steps = []
    if acute:
        steps.append(("emergency", _("Someone is in acute danger: call 112 first.")))
    steps.append(
        (
            "focal_point",
            _(
                "Discuss the signal with a colleague or the trafficking focal point "
                "of your organisation or municipality."
            ),
        )
    )
    if subject == "location":
        steps.append(("police", _("Report the location to the police.")))
        if minor:
            steps.extend(_minor_steps(forms, subject))
        if "smuggling" in forms:
            steps.extend(_smuggling_steps())
        if "labour" in forms:
            steps.append(
                (
                    "nla",
                    _(
                        "Signals of labour exploitation at a workplace: the "
                        "Netherlands Labour Authority."
                    ),
                )
            )
        steps.append(
            (
                "riec",
                _(
                    "Through the municipality, the RIEC can weigh administrative "
                    "measures against the premises or business."
                ),
            )
        )
        steps.append(("mma", _("Rather stay anonymous? Meld Misdaad Anoniem.")))
        return steps
    steps.append(
        (
            "veilig_thuis",
            _(
                "Ask Veilig Thuis for advice or report to the reporting "
                "point; it weighs the signal and refers it."
            ),
        )
    )
    if minor:
        steps.extend(_minor_steps(forms, subject))
    if "smuggling" in forms:
        steps.extend(_smuggling_steps())
    if "labour" in forms:
        steps.append(("nla", _("Labour exploitation: the Netherlands Labour Authority.")))
    steps.append(
        (
            "care_coordinator",
            _("The regional care coordinator arranges shelter and care for the victim."),
        )
    )
    steps.append(("police", _("Does the victim want to report the crime? The police.")))
    return steps


def _minor_steps(forms, subject):
    """Minors, in both routes: any exploitation of a minor is possible trafficking."""
    steps = []
    if subject == "location":
        steps.append(
            (
                "veilig_thuis",
                _(
                    "A minor may be involved: tell Veilig Thuis too, which can start youth "
                    "protection."
                ),
            )
        )
    else:
        steps.append(("chat_fier", _("A young person can chat anonymously with Fier.")))
    if "criminal" in forms:
        steps.append(("keerpunt", _("For young people in criminal exploitation: Keerpunt.")))
    steps.append(
        (
            "meldpunt_minderjarigen",
            _("Exploitation of minors: the Meldpunt Uitbuiting Minderjarigen."),
        )
    )
    return steps


def _smuggling_steps():
    """Human smuggling: the Royal Netherlands Marechaussee and the police's AVIM."""
    return [
        (
            "kmar",
            _(
                "Signals of human smuggling: the Royal Netherlands Marechaussee, at the border "
                "and at airports."
            ),
        ),
        (
            "avim",
            _("Human smuggling inland: the police's AVIM, which investigates smuggling."),
        ),
    ]


def route(*, subject, forms, minor=False, acute=False):
    steps = route_codes(subject=subject, forms=forms, minor=minor, acute=acute)
    contacts = {c.code: c for c in ContactPoint.objects.filter(code__in=[c for c, _ in steps])}
    return [Step(code, str(why), contacts.get(code)) for code, why in steps]

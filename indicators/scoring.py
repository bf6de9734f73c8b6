"""The one scoring function: from ticked signals and their context to the forms of exploitation
that may apply, each with the signals that count towards it and why. It suggests; it never
decides. The public guide and the reporting point's triage both call assess().

Dutch practice: a single signal proves nothing; a combination does. Strong signals (control or
coercion by themselves) weigh more. A minor in any exploitation context is always potential
trafficking: for minors no means of coercion is needed (art. 273f Sr)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .exploitation import ExploitationForm

WEIGHTS = {"strong": 3, "moderate": 2, "weak": 1}
# Thresholds for the level of a suggestion (see level()).
STRONG_SCORE = 5
POSSIBLE_SCORE = 3
FORM_ORDER = {code: n for n, code in enumerate(ExploitationForm.values)}


@dataclass(frozen=True)
class Signal:
    """An indicator as the scoring sees it: from the catalogue or from a version's snapshot."""

    code: str
    text: str
    strength: str
    forms: tuple
    subject: str = "person"
    minors: bool = False


@dataclass
class Reason:
    code: str
    text: str
    weight: int
    why: str


@dataclass
class Suggestion:
    form: str
    score: int = 0
    level: str = "weak"
    reasons: list = field(default_factory=list)

    @property
    def label(self):
        return ExploitationForm(self.form).label


@dataclass
class Assessment:
    suggestions: list
    minor_flag: bool
    minor_reason: str
    unknown_codes: list
    subject: str

    @property
    def forms(self):
        return [s.form for s in self.suggestions]


def signals_from_catalogue():
    from .models import Indicator

    return {
        i.code: Signal(i.code, i.text_for(), i.strength, tuple(i.form_codes), i.subject, i.minors)
        for i in Indicator.objects.filter(active=True)
    }


def signals_from_snapshot(snapshot):
    return {
        row["code"]: Signal(
            row["code"],
            row["text_nl"],
            row["strength"],
            tuple(row["forms"]),
            row.get("subject", "person"),
            row.get("minors", False),
        )
        for row in snapshot
    }


def _why(strength):
    return {
        "strong": _("Strong signal: on its own it points to control or coercion."),
        "moderate": _("Moderate signal: typical of exploitation, but it has other explanations."),
        "weak": _("Weak signal: counts only in combination with other signals."),
    }[strength]


def level(suggestion):
    """'strong' (a strong signal plus more, or much together), 'possible', or 'weak'."""
    strong_signals = sum(1 for r in suggestion.reasons if r.weight == WEIGHTS["strong"])
    if suggestion.score >= STRONG_SCORE and (strong_signals or len(suggestion.reasons) >= 3):
        return "strong"
    if suggestion.score >= POSSIBLE_SCORE or strong_signals:
        return "possible"
    return "weak"


def assess(codes, *, subject="person", minor=False, premises=None, signals=None):
    """Which forms of exploitation may the ticked signals point to, and why?

    `codes`: indicator codes; `subject`: "person" or "location"; `minor`: the person is under 18;
    `premises`: a PremisesType (or None); `signals`: {code: Signal}, the catalogue by default
    (pass signals_from_snapshot(version.snapshot) to score with an older catalogue version).
    """
    signals = signals_from_catalogue() if signals is None else signals
    unknown = sorted({code for code in codes if code not in signals})
    chosen = [signals[code] for code in dict.fromkeys(codes) if code in signals]
    by_form = {}
    for signal in chosen:
        for form in signal.forms:
            suggestion = by_form.setdefault(form, Suggestion(form=form))
            weight = WEIGHTS[signal.strength]
            suggestion.score += weight
            suggestion.reasons.append(
                Reason(signal.code, signal.text, weight, _why(signal.strength))
            )
    if premises is not None:
        for form in premises.form_codes:
            # The kind of place adds weight only to a form the signals already point to.
            if form in by_form:
                by_form[form].score += 1
                by_form[form].reasons.append(
                    Reason(
                        "",
                        premises.name_for(),
                        1,
                        _("Context: this kind of place is often involved in this form."),
                    )
                )
    minor_flag = bool(minor and by_form and any(f != "smuggling" for f in by_form))
    for suggestion in by_form.values():
        suggestion.level = level(suggestion)
        if minor_flag and suggestion.form != "smuggling" and suggestion.level == "weak":
            suggestion.level = "possible"
    suggestions = sorted(by_form.values(), key=lambda s: (-s.score, FORM_ORDER.get(s.form, 99)))
    return Assessment(
        suggestions=suggestions,
        minor_flag=minor_flag,
        minor_reason=_(
            "The person is a minor: any exploitation of a minor counts as possible human "
            "trafficking, also without coercion, threats or deception."
        )
        if minor_flag
        else "",
        unknown_codes=unknown,
        subject=subject,
    )

"""The one scoring function: from ticked signals and their context to the forms of exploitation
that may apply, each with the signals that count towards it and why. It suggests; it never
decides. The public guide and the reporting point's triage both call assess().

Dutch practice: a single signal proves nothing; a combination does. Strong signals (control or
coercion by themselves) weigh more. A minor in any exploitation context is always potential
trafficking: for minors no means of coercion is needed (art. 273f Sr). That makes the case more
urgent and changes the route (indicators.routes); it never makes the evidence stronger, so a
single weak signal stays "weak" for a minor too. Human smuggling is scored and explained as
smuggling (help across a border for payment), never as control or coercion."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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

    @property
    def level_label(self):
        return LEVEL_LABELS[self.level]

    @property
    def signals(self):
        """The reasons that are signals (not the kind of place)."""
        return [r for r in self.reasons if r.code]

    @property
    def explanation(self):
        """The level in one sentence: why strong, possible or weak."""
        return explain(self)

    @property
    def note(self):
        """What the reader must know about this form, or ""."""
        return str(SMUGGLING_NOTE) if self.form == "smuggling" else ""


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

    @property
    def main(self):
        """The suggestions that stand out (possible or strong), shown first."""
        return [s for s in self.suggestions if s.level != "weak"]

    @property
    def weak(self):
        """Also possible, but weak: shown apart and less prominently."""
        return [s for s in self.suggestions if s.level == "weak"]

    @property
    def urgent(self):
        """A minor raises the priority (and the route), not the level of a suggestion."""
        return self.minor_flag

    @property
    def minor_note(self):
        return (
            _(
                "This makes acting on it more urgent and adds help for young people to the "
                "route; it does not make the signals weigh more."
            )
            if self.minor_flag
            else ""
        )

    @property
    def route_forms(self):
        """The forms the route is chosen by: those that stand out; when none does, those with
        the highest score. So a weak signal that also fits other forms (a vulnerability, say)
        does not pull their specialists into the route of a clearer form."""
        if self.main:
            return [s.form for s in self.main]
        top = max((s.score for s in self.suggestions), default=0)
        return [s.form for s in self.suggestions if s.score == top]


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


LEVEL_LABELS = {
    "strong": gettext_lazy("strong indication"),
    "possible": gettext_lazy("possible indication"),
    "weak": gettext_lazy("weak indication"),
}
SMUGGLING_NOTE = gettext_lazy(
    "Human smuggling is not exploitation: the person usually agreed to the journey and paid for "
    "it. Smuggled people can become victims of trafficking, for example through a smuggling debt."
)


def _why(strength, form=None):
    if form == "smuggling":
        return {
            "strong": _(
                "Strong signal of human smuggling: on its own it points to help with crossing a "
                "border or staying without papers, for payment."
            ),
            "moderate": _(
                "Moderate signal of human smuggling: typical of smuggling, but it has other "
                "explanations."
            ),
            "weak": _(
                "Weak signal of human smuggling: counts only in combination with other signals."
            ),
        }[strength]
    return {
        "strong": _("Strong signal: on its own it points to control or coercion."),
        "moderate": _("Moderate signal: typical of exploitation, but it has other explanations."),
        "weak": _("Weak signal: counts only in combination with other signals."),
    }[strength]


def level(suggestion):
    """'strong' (a strong signal plus more, or much together), 'possible', or 'weak'.

    One signal that is weak on its own is always 'weak', whatever else (the kind of place) adds."""
    signals = [r for r in suggestion.reasons if r.code]
    if len(signals) == 1 and signals[0].weight == WEIGHTS["weak"]:
        return "weak"
    strong_signals = sum(1 for r in suggestion.reasons if r.weight == WEIGHTS["strong"])
    if suggestion.score >= STRONG_SCORE and (strong_signals or len(suggestion.reasons) >= 3):
        return "strong"
    if suggestion.score >= POSSIBLE_SCORE or strong_signals:
        return "possible"
    return "weak"


def explain(suggestion):
    """One sentence: why this suggestion has its level."""
    smuggling = suggestion.form == "smuggling"
    signals = suggestion.signals
    strong = any(r.weight == WEIGHTS["strong"] for r in signals)
    if suggestion.level == "strong":
        if strong and smuggling:
            return _(
                "Strong, because a signal that on its own points to human smuggling comes "
                "together with other signals."
            )
        if strong:
            return _(
                "Strong, because a signal that on its own points to control or coercion comes "
                "together with other signals."
            )
        return _("Strong, because several signals point to this form together.")
    if suggestion.level == "possible":
        if strong and smuggling:
            return _(
                "Possible, because a strong signal points to human smuggling; more signals "
                "would make it firmer."
            )
        if strong:
            return _(
                "Possible, because a strong signal points to control or coercion; more signals "
                "would make it firmer."
            )
        if len(signals) == 1:
            return _(
                "Possible, because a moderate signal fits this kind of place; on its own it "
                "proves nothing."
            )
        return _(
            "Possible, because several signals point to this form, but none of them is strong "
            "on its own."
        )
    if len(signals) == 1:
        return _("Weak, because a single signal proves nothing on its own.")
    return _(
        "Weak, because the signals that point to this form are weak or few; they count only "
        "together with stronger signals."
    )


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
                Reason(signal.code, signal.text, weight, _why(signal.strength, form))
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
        # For a minor the level is the same: the flag raises the priority and the route only.
        suggestion.level = level(suggestion)
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

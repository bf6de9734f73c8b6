"""The municipal policy monitor: per municipality of the region, the state of each policy topic as
of a date, kept by RIEC staff. Statuses are append-only; the state of a topic on a day is the row
with the latest `as_of` on or before that day (of two rows with the same date, the one recorded
last), so a status recorded today with an earlier date also changes the past quarters. Recording
statuses is monitor.actions.record_policy."""

import random
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regions.models import Municipality

from .models import KADER_THEMES, RESPONSIBILITIES, PolicyState, PolicyStatus, PolicyTopic

QUARTERS_SHOWN = 8
EARLIEST_DATE = date(2000, 1, 1)  # older dates are typing errors

# Column headers: the group header already says whether a topic is a Kader theme.
SHORT_LABELS = {
    PolicyTopic.SIGNALLING: _("Signalling"),
    PolicyTopic.POLICY: _("Policy"),
    PolicyTopic.DIRECTION: _("Direction"),
    PolicyTopic.SHELTER: _("Shelter and care"),
    PolicyTopic.KADER_FOUNDATION: _("Policy foundation"),
    PolicyTopic.KADER_SIGNALLING: _("Signalling capacity"),
    PolicyTopic.KADER_AWARENESS: _("Awareness"),
    PolicyTopic.KADER_COOPERATION: _("Cooperation"),
    PolicyTopic.KADER_SHELTER: _("Shelter and help"),
}
TOPIC_GROUPS = [
    (_("Municipal responsibilities"), RESPONSIBILITIES),
    (_("Themes of the Kader Aanpak Mensenhandel"), KADER_THEMES),
]
TOPICS = RESPONSIBILITIES + KADER_THEMES


# --- quarters ------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, value):
        """'2026-3' -> Quarter(2026, 3); ValueError for anything else."""
        year, _sep, number = str(value).partition("-")
        if not (year.isdigit() and number.isdigit()):
            raise ValueError(value)
        quarter = cls(int(year), int(number))
        if not (1 <= quarter.number <= 4 and 1900 < quarter.year < 10000):
            raise ValueError(value)
        return quarter

    @property
    def key(self):
        return f"{self.year}-{self.number}"

    @property
    def first_day(self):
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self):
        return self.next().first_day - timedelta(days=1)

    def next(self):
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self):
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    def back(self, count):
        """This quarter and the `count - 1` before it, oldest first."""
        quarters = [self]
        while len(quarters) < count:
            quarters.append(quarters[-1].previous())
        return quarters[::-1]

    def __str__(self):
        return _("Q%(number)s %(year)s") % {"number": self.number, "year": self.year}


# --- queries -------------------------------------------------------------------------------------


def region_municipalities():
    """The current municipalities of this installation's RIEC region."""
    return Municipality.objects.current().in_region(settings.SIGNAAL_RIEC_REGION).order_by("name")


@dataclass(frozen=True)
class Entry:
    state: str
    as_of: date

    def get_state_display(self):
        return PolicyState(self.state).label


@dataclass(frozen=True)
class Share:
    """How many of the region's municipalities had a topic in place on a day."""

    count: int
    total: int

    @property
    def percent(self):
        if not self.total:
            return None
        return (200 * self.count + self.total) // (2 * self.total)  # rounded half up


class Overview:
    """The region's policy history, fetched in two queries (municipalities and statuses) and
    answered in memory for any day: the page asks for nine quarters times 26 municipalities
    times nine topics, which would otherwise be thousands of queries."""

    def __init__(self, today=None):
        self.today = today or timezone.localdate()
        self.municipalities = list(region_municipalities())
        self._history = defaultdict(list)  # (municipality id, topic) -> [(as_of, state)]
        rows = (
            PolicyStatus.objects.filter(
                municipality__in=region_municipalities().values("pk"), as_of__lte=self.today
            )
            .order_by("as_of", "recorded_at", "pk")
            .values_list("municipality_id", "topic", "as_of", "state")
        )
        self.earliest = None
        for municipality_id, topic, as_of, state in rows:
            self._history[(municipality_id, topic)].append((as_of, state))
            self.earliest = self.earliest or as_of
        self._dates = {
            key: [as_of for as_of, _state in items] for key, items in self._history.items()
        }

    def entry(self, municipality_id, topic, day):
        """The state of `topic` in a municipality on `day`, or None if nothing was recorded."""
        dates = self._dates.get((municipality_id, topic))
        if not dates:
            return None
        index = bisect_right(dates, day)  # rows are in recording order within one date
        if not index:
            return None
        as_of, state = self._history[(municipality_id, topic)][index - 1]
        return Entry(state, as_of)

    def states(self, topic, day):
        """Counter of states (None: not recorded) over the region's municipalities."""
        return Counter(
            getattr(self.entry(m.pk, topic, day), "state", None) for m in self.municipalities
        )

    def share_in_place(self, topic, day):
        return Share(self.states(topic, day)[PolicyState.IN_PLACE], len(self.municipalities))

    def day_of(self, quarter):
        """The day a quarter is judged on: its last day, or today while it is still running."""
        return min(quarter.last_day, self.today)

    def rows(self, day):
        """[(municipality, [entry or None per topic])] on `day`, in TOPICS order."""
        return [
            (m, [self.entry(m.pk, topic, day) for topic in TOPICS]) for m in self.municipalities
        ]

    def quarters(self):
        """Quarters one may look back to: from the first recorded one (at least the last eight)
        up to the current one, newest first."""
        current = Quarter.of(self.today)
        oldest = current.back(QUARTERS_SHOWN)[0]
        if self.earliest is not None:
            oldest = min(oldest, Quarter.of(self.earliest))
        quarters = [current]
        while quarters[-1] > oldest:
            quarters.append(quarters[-1].previous())
        return quarters


def current_entries(municipality, today=None):
    """{topic: the latest PolicyStatus on or before today} for one municipality, in one query."""
    today = today or timezone.localdate()
    latest = {}
    statuses = municipality.policy_statuses.filter(as_of__lte=today).order_by(
        "as_of", "recorded_at", "pk"
    )
    for status in statuses:
        latest[status.topic] = status
    return latest


def history(municipality):
    """Every status of a municipality, newest first."""
    return municipality.policy_statuses.select_related("recorded_by").order_by(
        "-as_of", "-recorded_at", "-pk"
    )


# --- demo data -----------------------------------------------------------------------------------

DEMO_NOTES = {
    PolicyState.IN_PROGRESS: [
        "Ambtelijke werkgroep gestart.",
        "Concept besproken in het driehoeksoverleg.",
        "Aandachtsfunctionaris aangesteld; werkproces in ontwikkeling.",
    ],
    PolicyState.IN_PLACE: [
        "Vastgesteld door het college.",
        "Opgenomen in het integraal veiligheidsplan.",
        "Vastgesteld door de gemeenteraad.",
    ],
}


def load_demo_policy(*, actor, today=None):
    """Plausible statuses for the region's municipalities over the last eight quarters, recorded
    by `actor` (demo data: no audit events). Deterministic for a given day; does nothing when the
    region already has statuses. Returns the number of rows created."""
    if PolicyStatus.objects.filter(municipality__in=region_municipalities().values("pk")).exists():
        return 0
    today = today or timezone.localdate()
    start = Quarter.of(today).back(QUARTERS_SHOWN)[0].first_day
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    rows = []
    for municipality in region_municipalities():
        eagerness = rng.random()
        for topic in TOPICS:
            day = start + timedelta(days=rng.randrange(0, 60))
            roll = rng.random()
            if roll < 0.1 + eagerness / 5:  # in place before the monitor started
                state = PolicyState.IN_PLACE
            elif roll < 0.4 + eagerness / 3:
                state = PolicyState.IN_PROGRESS
            else:
                state = PolicyState.NOT_STARTED
            steps = [(day, state, "")]
            while state != PolicyState.IN_PLACE and rng.random() < 0.35 + eagerness / 2:
                day += timedelta(days=rng.randrange(60, 240))
                if day > today:
                    break
                state = (
                    PolicyState.IN_PROGRESS
                    if state == PolicyState.NOT_STARTED
                    else PolicyState.IN_PLACE
                )
                steps.append((day, state, rng.choice(DEMO_NOTES[state])))
            for as_of, step_state, note in steps:
                recorded = datetime.combine(
                    min(as_of + timedelta(days=rng.randrange(0, 14)), today),
                    time(9 + rng.randrange(0, 8), rng.randrange(0, 60)),
                )
                rows.append(
                    PolicyStatus(
                        municipality=municipality,
                        topic=topic,
                        state=step_state,
                        as_of=as_of,
                        note=note,
                        recorded_at=timezone.make_aware(recorded),
                        recorded_by=actor,
                    )
                )
    PolicyStatus.objects.bulk_create(rows)
    return len(rows)

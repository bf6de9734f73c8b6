"""The rules of case handling in one place: which status may follow which, priorities and their
deadlines in working days, and the keys by which reports are found to concern the same address,
business, phone number or person."""

import re
from datetime import date, timedelta
from functools import cache

import holidays
from django.conf import settings
from django.utils import timezone

from core import crypto

from .models import Answer, MatchKind, Priority, ReferralState, Status

# from status -> statuses it may go to
TRANSITIONS = {
    Status.NEW: {Status.TRIAGE, Status.CLOSED},
    Status.TRIAGE: {Status.HANDLING, Status.REFERRED, Status.CLOSED},
    Status.HANDLING: {Status.REFERRED, Status.CLOSED},
    Status.REFERRED: {Status.HANDLING, Status.CLOSED},
    Status.CLOSED: {Status.REOPENED},
    Status.REOPENED: {Status.TRIAGE, Status.HANDLING, Status.REFERRED, Status.CLOSED},
}


def allowed(from_status, to_status):
    return to_status in TRANSITIONS.get(from_status, set())


# A referral's life: from state -> states it may go to (the partner accepts or declines a sent
# referral and completes an accepted one; the reporting point revokes while it is active).
REFERRAL_TRANSITIONS = {
    ReferralState.SENT: {ReferralState.ACCEPTED, ReferralState.DECLINED, ReferralState.REVOKED},
    ReferralState.ACCEPTED: {ReferralState.COMPLETED, ReferralState.REVOKED},
    ReferralState.DECLINED: set(),
    ReferralState.COMPLETED: set(),
    ReferralState.REVOKED: set(),
}


def referral_allowed(from_state, to_state):
    return to_state in REFERRAL_TRANSITIONS.get(from_state, set())


def next_statuses(status):
    order = list(Status.values)
    return sorted(TRANSITIONS.get(status, set()), key=order.index)


# --- priority and deadlines ----------------------------------------------------------------------
# Working days to finish triage, per priority: settings.SIGNAAL_DEADLINE_DAYS.


def priority_for(report):
    """A minor involved or someone in acute danger: high priority."""
    if report.minor_involved or report.acute_danger == Answer.YES:
        return Priority.HIGH
    return Priority.NORMAL


@cache
def _holidays(year):
    """Dutch public holidays as the Algemene termijnenwet counts them for deadlines: New Year,
    Easter and Whit Sunday and Monday, Ascension Day, King's Day, Liberation Day (5 May, every
    year) and Christmas. Good Friday is not a public holiday under that act."""
    days = {
        day
        for day, name in holidays.country_holidays("NL", years=year, language="en_US").items()
        if "Good Friday" not in name
    }
    days.add(date(year, 5, 5))
    return frozenset(days)


def is_working_day(day):
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start, days):
    """The date `days` working days after `start` (a date)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def deadline_for(report, priority=None, *, since=None):
    """The triage deadline: working days from receipt, or from `since` (a reopened report gets
    a new deadline from the day it was reopened)."""
    priority = priority or report.priority
    days = settings.SIGNAAL_DEADLINE_DAYS[priority or Priority.NORMAL]
    received = timezone.localtime(since or report.created_at).date()
    return add_working_days(received, days)


def working_days_between(start, end):
    """Working days after `start` up to and including `end`."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


# --- match keys --------------------------------------------------------------------------------

PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "t", "v", "d"}
_PHONETIC = [
    ("cz", "c"),  # Polish: Kowalczyk = Kowalcyk
    ("sz", "s"),
    ("ph", "f"),
    ("ij", "y"),
    ("ei", "y"),
    ("ck", "k"),
    ("c", "k"),
    ("q", "k"),
    ("z", "s"),
    ("dt", "t"),
    ("th", "t"),
    ("w", "v"),
    ("oe", "u"),
]


def _fold(text):
    from .matching import fold

    return fold(text)


def name_key(name):
    """A spelling-tolerant key for a person's name: accents, case, particles (van, de, ...),
    doubled letters and common Dutch spelling variants do not matter, nor does word order."""
    words = re.findall(r"[^\W\d_]+", _fold(name))
    words = [w for w in words if w not in PARTICLES and len(w) > 1]
    keyed = []
    for word in words:
        for old, new in _PHONETIC:
            word = word.replace(old, new)
        word = re.sub(r"(.)\1+", r"\1", word)  # Janssen = Jansen, Mohammed = Mohamed
        word = re.sub(r"h(?=[^aeiouy]|$)", "", word)  # silent h: Mohamed = Mohamed, Ahmed = Amed
        keyed.append(word)
    return " ".join(sorted(keyed)) if len(keyed) >= 2 else ""


def phone_key(phone):
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits if len(digits) >= 9 else ""


PHONE_IN_TEXT = re.compile(r"(?:\+|00)?(?:31[\s-]?)?\(?0?\d[\d\s\-()]{7,14}\d")


def phones_in(text):
    return {key for key in (phone_key(m) for m in PHONE_IN_TEXT.findall(text or "")) if key}


def company_key(name):
    from .matching import normalise_company

    return normalise_company(name)


def match_keys(report, persons=None):
    """(kind, digest) pairs for a report and the persons recorded with it (`persons`: already
    known, e.g. none for a report just received)."""
    from .matching import normalise_house_number, normalise_postcode

    keys = set()
    postcode, number = (
        normalise_postcode(report.postcode),
        normalise_house_number(report.house_number),
    )
    if postcode and number:
        keys.add((MatchKind.ADDRESS, crypto.blind_index(f"{postcode}|{number}", "address")))
    company = company_key(report.company_name)
    if company:
        keys.add((MatchKind.COMPANY, crypto.blind_index(company, "company")))
    if report.kvk_number:
        keys.add((MatchKind.KVK, crypto.blind_index(report.kvk_number, "kvk")))
    phones = phones_in(report.exploiters)
    names = set()
    for person in report.persons.all() if persons is None else persons:
        if phone_key(person.phone):
            phones.add(phone_key(person.phone))
        if name_key(person.name):
            names.add(name_key(person.name))
    keys.update((MatchKind.PHONE, crypto.blind_index(p, "phone")) for p in phones)
    keys.update((MatchKind.PERSON, crypto.blind_index(n, "person")) for n in names)
    return keys


def subject_keys(report, persons=None):
    """(person or None, kind, digest) for the reporter and each person recorded with a report."""
    from .models import SubjectKind

    def keys_of(person, name, birth_date, email, phone):
        found = []
        if name_key(name):
            found.append((person, SubjectKind.NAME, crypto.blind_index(name_key(name), "name")))
        if birth_date:
            found.append((person, SubjectKind.BIRTH_DATE, crypto.blind_index(birth_date, "birth")))
        if email:
            digest = crypto.blind_index(email.strip().lower(), "email")
            found.append((person, SubjectKind.EMAIL, digest))
        if phone_key(phone):
            digest = crypto.blind_index(phone_key(phone), "phone")
            found.append((person, SubjectKind.PHONE, digest))
        return found

    keys = keys_of(None, report.reporter_name, "", report.reporter_email, report.reporter_phone)
    for person in report.persons.all() if persons is None else persons:
        keys += keys_of(person, person.name, person.birth_date, person.email, person.phone)
    return keys

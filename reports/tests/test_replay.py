"""The last step, the confirmation and the mailbox cannot be replayed or probed: drafts expire and
never hold the passphrase, the follow-up code is shown once, and a sign-in answer tells nothing
about whether a code exists or whether a mailbox is closed."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from core import crypto
from reports import hashers
from reports.actions import mailbox as mailbox_actions
from reports.draft import DRAFT_SECONDS, Draft
from reports.models import Report

from .conftest import SEND_DATA

pytestmark = pytest.mark.django_db

PASSPHRASE = SEND_DATA["passphrase"]
SHOWN_ONCE = "Your follow-up code was shown once"
REPORTER, STRANGER, OTHER = "198.51.100.7", "203.0.113.9", "192.0.2.44"


@pytest.fixture(autouse=True)
def generous_address_limit(settings):
    # The per-address limit over all codes is not what these tests are about.
    settings.SIGNAAL_MAILBOX_ATTEMPTS_PER_HOUR = 1000


def english_flow(flow):
    return flow(reverse("reports:report") + "?taal=en")


def sent(flow):
    """A report sent in English through the form; returns (walk, response, report)."""
    walk = english_flow(flow).fill()
    response = walk.send()
    assert response.status_code == 302, response.content.decode()[:2000]
    return walk, response, Report.objects.get()


def sign_in(client, code, passphrase=PASSPHRASE, address=REPORTER):
    return client.post(
        reverse("reports:mailbox_sign_in"),
        {"code": code, "passphrase": passphrase, "taal": "en"},
        REMOTE_ADDR=address,
    )


def plain_text(response, code):
    """The page without what differs per request (the CSRF token) or was typed (the code)."""
    text = response.content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)
    return text.replace(code, "CODE")


# --- drafts ------------------------------------------------------------------------------------


def test_the_draft_never_holds_the_passphrase_and_no_page_shows_it(flow):
    walk = english_flow(flow).fill()
    # Mistyped the second time: the last step comes back with the error, both fields empty.
    response = walk.send(data={"passphrase_again": "iets anders 2026"})
    content = response.content.decode()
    assert response.status_code == 200 and Report.objects.count() == 0
    assert "The two passphrases are not the same." in content
    assert PASSPHRASE not in content and "iets anders 2026" not in content
    raw = crypto.decrypt(walk.token)
    assert PASSPHRASE not in raw and "iets anders" not in raw
    # Even a passphrase posted with another step (an old page) does not enter the draft.
    walk.post("goto:you", {"identity": "anonymous", **SEND_DATA})
    walk.post("next", {"identity": "anonymous", **SEND_DATA})
    assert PASSPHRASE not in crypto.decrypt(walk.token)
    assert "passphrase" not in Draft.from_token(walk.token).data.get("you", {})


def test_replaying_the_last_step_after_sending_shows_neither_code_nor_content(client, flow):
    walk, response, report = sent(flow)
    code = report.mailbox_code
    assert code in client.get(response["Location"]).content.decode()
    last_step = walk.token
    for action in ("send", "back", "goto:what", "lang:nl", "stay"):
        replay = client.post(
            reverse("reports:report"), {"draft": last_step, "action": action, **SEND_DATA}
        )
        assert replay.status_code == 302, (action, replay.status_code)
        page = client.get(replay["Location"]).content.decode()
        assert report.reference in page
        assert code not in page and PASSPHRASE not in page, action
        assert "Kanaalweg" not in page and "garage" not in page, action
    assert Report.objects.count() == 1
    # The passphrase chosen first still opens the mailbox; a replayed one does nothing.
    assert sign_in(client, code).status_code == 302


def test_a_double_submit_returns_the_same_report_and_shows_its_code_once(client, flow):
    walk = english_flow(flow).fill()
    token = walk.token
    first = walk.send()
    walk.token = token
    second = walk.send()
    assert first.status_code == second.status_code == 302
    report = Report.objects.get()
    code = report.mailbox_code
    # The browser shows the answer to the second click: the code is there, once.
    assert code in client.get(second["Location"]).content.decode()
    again = client.get(first["Location"]).content.decode()
    assert report.reference in again and code not in again and SHOWN_ONCE in again


def test_an_expired_draft_is_refused_cleanly(client, flow):
    walk = english_flow(flow).fill()
    later = time.time() + DRAFT_SECONDS + 60
    with mock.patch("time.time", return_value=later):
        response = walk.send()
        fresh = Draft.from_token(walk.token)
    content = response.content.decode()
    assert response.status_code == 400
    assert "This form was open for more than 3 hours without being sent." in content
    assert '<html lang="en">' in content
    # Nothing of what was typed comes back; a fresh form starts at the first step.
    assert "Kanaalweg" not in content and "Bouw B.V." not in content
    assert fresh.step == "what" and fresh.data == {} and fresh.language == "en"
    assert Report.objects.count() == 0


def test_a_draft_within_its_time_is_still_accepted(flow):
    walk = english_flow(flow).fill()
    with mock.patch("time.time", return_value=time.time() + DRAFT_SECONDS - 120):
        response = walk.send()
    assert response.status_code == 302 and Report.objects.count() == 1


def test_an_altered_draft_is_still_refused_as_unreadable(client, db):
    token = Draft(kind="report", channel="public", language="nl").token()
    altered = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
    response = client.post(reverse("reports:report"), {"draft": altered, "action": "next"})
    assert response.status_code == 400 and 'name="draft"' not in response.content.decode()


# --- the confirmation page ---------------------------------------------------------------------


def test_the_received_page_shows_the_code_on_the_first_view_only(client, flow):
    _walk, response, report = sent(flow)
    code = report.mailbox_code
    first = client.get(response["Location"]).content.decode()
    assert code in first and SHOWN_ONCE not in first
    reload = client.get(response["Location"])
    assert reload.status_code == 200
    assert code not in reload.content.decode() and SHOWN_ONCE in reload.content.decode()
    # Not kept readable either: only its keyed hash remains, and that still signs in.
    report.refresh_from_db()
    assert report.mailbox_code == "" and report.has_mailbox
    assert sign_in(client, code).status_code == 302


# --- the mailbox -------------------------------------------------------------------------------


def test_unknown_code_wrong_passphrase_and_closed_mailbox_answer_alike(client, flow):
    _walk, _response, report = sent(flow)
    code = report.mailbox_code
    invented = "WXYZ-2345-6789"
    with mock.patch.object(hashers.HASHER, "verify", wraps=hashers.HASHER.verify) as verify:
        unknown = sign_in(client, invented)
        assert verify.call_count == 1  # the same work as a real check
        wrong = sign_in(client, code, "verkeerde zin")
        assert verify.call_count == 2
        for _ in range(mailbox_actions.MAILBOX_FAILURES - 1):
            sign_in(client, code, "verkeerde zin")
        verify.reset_mock()
        closed = sign_in(client, code)  # the right passphrase, on a closed mailbox
        assert verify.call_count == 1
    answers = {(r.status_code, plain_text(r, c)) for r, c in ((unknown, invented), (wrong, code))}
    answers.add((closed.status_code, plain_text(closed, code)))
    assert len(answers) == 1
    ((status, text),) = answers
    assert status == 400 and "This code and passphrase do not match." in text


def test_a_stranger_with_the_code_cannot_lock_the_reporter_out(client, flow):
    _walk, _response, report = sent(flow)
    code = report.mailbox_code
    for _ in range(mailbox_actions.MAILBOX_FAILURES * 2):
        assert sign_in(client, code, "geraden zin", address=STRANGER).status_code == 400
    # Closed to the stranger, also with the right passphrase ...
    assert sign_in(client, code, address=STRANGER).status_code == 400
    # ... but the reporter, from their own address, still gets in.
    assert sign_in(client, code, address=REPORTER).status_code == 302


def test_a_closed_pair_opens_again_after_the_lock(client, flow):
    _walk, _response, report = sent(flow)
    code = report.mailbox_code
    for _ in range(mailbox_actions.MAILBOX_FAILURES):
        sign_in(client, code, "vergeten zin")
    assert sign_in(client, code).status_code == 400
    later = timezone.now() + mailbox_actions.MAILBOX_LOCK + timedelta(seconds=5)
    with mock.patch("reports.actions.mailbox.timezone.now", return_value=later):
        assert sign_in(client, code).status_code == 302


def test_the_code_ceiling_over_all_addresses_is_high_and_short(client, flow, monkeypatch):
    monkeypatch.setattr(mailbox_actions, "MAILBOX_CODE_FAILURES", 8)
    _walk, _response, report = sent(flow)
    code = report.mailbox_code
    for number in range(8):
        sign_in(client, code, "geraden zin", address=f"203.0.113.{number % 2 + 20}")
    # Many addresses together close the code to everyone, the reporter too, but briefly.
    assert sign_in(client, code, address=REPORTER).status_code == 400
    later = timezone.now() + mailbox_actions.MAILBOX_CODE_LOCK + timedelta(seconds=5)
    with mock.patch("reports.actions.mailbox.timezone.now", return_value=later):
        assert sign_in(client, code, address=OTHER).status_code == 302
    assert mailbox_actions.MAILBOX_CODE_LOCK < mailbox_actions.MAILBOX_LOCK


def test_a_successful_sign_in_forgets_the_reporters_own_mistakes(client, flow):
    _walk, _response, report = sent(flow)
    code = report.mailbox_code
    for _ in range(mailbox_actions.MAILBOX_FAILURES - 1):
        sign_in(client, code, "tikfout zin")
    assert sign_in(client, code).status_code == 302
    for _ in range(mailbox_actions.MAILBOX_FAILURES - 1):
        sign_in(client, code, "tikfout zin")
    assert sign_in(client, code).status_code == 302

"""The import's state table (monitor.actions.TRANSITIONS), pair by pair, through the actions that
change a batch's state: every allowed change happens (with its audit event), every other one is
refused and changes nothing. ALLOWED is written out here, not read from the table, so that a change
of the table fails this file."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role
from audit.models import AuditEvent
from monitor import actions
from monitor.models import ImportBatch

pytestmark = pytest.mark.django_db

State = ImportBatch.State
QUEUED, RUNNING, DONE, FAILED, WITHDRAWN = (
    State.QUEUED,
    State.RUNNING,
    State.DONE,
    State.FAILED,
    State.WITHDRAWN,
)
ALLOWED = {
    (QUEUED, RUNNING),
    (RUNNING, RUNNING),  # resume: the second attempt after a worker died starts over
    (RUNNING, DONE),
    (RUNNING, FAILED),
    (DONE, WITHDRAWN),
}
PAIRS = [(old, new) for old in State for new in State]
EVENTS = {
    DONE: "monitor.import_completed",
    FAILED: "monitor.import_failed",
    WITHDRAWN: "monitor.import_withdrawn",
}


def make_batch(state, user):
    return ImportBatch.objects.create(
        format=ImportBatch.Format.COUNTS,
        file_name="history.csv",
        content=b"",
        uploaded_at=timezone.now(),
        uploaded_by=user,
        state=state,
    )


def change(batch, new_state, user):
    """Ask the action that makes a batch `new_state` to do so. True when it did; False when it
    declined without an error (taking a batch for import is a conditional update)."""
    if new_state == RUNNING:
        return actions.claim_batch(batch.pk, resume=True)
    if new_state == DONE:
        actions.complete_batch(batch, SimpleNamespace(total=0, valid=[]))
    elif new_state == FAILED:
        actions.fail_batch(batch, [])
    elif new_state == WITHDRAWN:
        actions.withdraw_batch(batch, reason="test", actor=user)
    else:  # nothing makes a batch queued but its upload: only the table's check is left
        actions.check_move(batch, new_state)
    return True


def test_every_state_is_in_the_test():
    assert {old for old, _new in PAIRS} == set(State) and len(PAIRS) == 25


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{old}->{new}" for old, new in PAIRS])
def test_a_change_of_state_happens_only_when_the_table_allows_it(old, new, personas):
    user = personas[Role.REPORTING_POINT_STAFF]
    batch = make_batch(old, user)
    events = AuditEvent.objects.count()
    if (old, new) in ALLOWED:
        assert change(batch, new, user) is True
        assert ImportBatch.objects.get(pk=batch.pk).state == new
        if new in EVENTS:
            assert AuditEvent.objects.filter(action=EVENTS[new], object_id=str(batch.pk)).exists()
    else:
        try:
            done = change(batch, new, user)
        except ValidationError as refused:
            assert refused.code == "transition"
            done = False
        assert done is False
        assert ImportBatch.objects.get(pk=batch.pk).state == old
        assert AuditEvent.objects.count() == events


def test_a_running_batch_is_taken_again_only_to_resume(personas):
    batch = make_batch(RUNNING, personas[Role.REPORTING_POINT_STAFF])
    assert actions.claim_batch(batch.pk) is False
    assert actions.claim_batch(batch.pk, resume=True) is True


def test_a_refused_withdrawal_says_why_in_dutch(personas):
    user = personas[Role.REPORTING_POINT_STAFF]
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        actions.withdraw_batch(make_batch(FAILED, user), reason="weg", actor=user)
    assert refused.value.messages == ["Alleen een afgeronde import kan worden ingetrokken."]
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        actions.fail_batch(make_batch(WITHDRAWN, user), [])
    assert refused.value.messages == [
        "Een import met de status ‘Ingetrokken’ kan niet de status ‘Geweigerd’ krijgen."
    ]


def test_the_withdraw_page_refuses_a_failed_import_with_the_message(client, login, personas):
    staff = personas[Role.REPORTING_POINT_STAFF]
    batch = make_batch(FAILED, staff)
    login(client, staff)
    url = reverse("monitor:import_withdraw", args=[batch.pk])
    for response in (
        client.get(url, follow=True),
        client.post(url, {"reason": "weg"}, follow=True),
    ):
        assert response.redirect_chain == [(reverse("monitor:import_batch", args=[batch.pk]), 302)]
        assert "Alleen een afgeronde import kan worden ingetrokken." in response.content.decode()
    assert ImportBatch.objects.get(pk=batch.pk).state == FAILED
    assert not AuditEvent.objects.filter(action="monitor.import_withdrawn").exists()

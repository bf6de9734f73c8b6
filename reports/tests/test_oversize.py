"""Oversized input is refused on the form itself (issue 19): a text of about 1 MB ends on the
form with a Dutch message beside the field and the draft kept; a post too big to read gets a
page that says how to get back to what was typed, and no traceback in the log."""

import logging
import re

import pytest
from django.urls import reverse

from reports.draft import Draft

from .conftest import STEP_DATA, token_of

MEGABYTE = "Ш" * 500_000 + "x" * 500_000  # a million characters, half of them two bytes


def test_a_megabyte_of_text_ends_on_the_form_with_the_draft_kept(flow, caplog):
    walk = flow()
    response = walk.post("next", {**STEP_DATA["what"], "description": MEGABYTE})
    assert response.status_code == 200
    page = response.content.decode()
    error = (
        "Deze tekst is langer dan de 5000 tekens die passen (het waren er 1000000). Alleen de "
        "eerste 5000 tekens zijn bewaard"
    )
    assert error in page
    # Beside the field: inside the description's field block, before its textarea.
    block = page[page.index('<div class="field field-error">') :]
    assert block.index(error) < block.index("<textarea")
    textarea = re.search(r'<textarea name="description"[^>]*>(.*?)</textarea>', page, re.S)
    assert len(textarea.group(1).strip()) == 5000
    assert 'maxlength="5000"' in textarea.group(0)
    # The draft is kept (and small): the same step, the start of the text.
    draft = Draft.from_token(token_of(response))
    assert draft.step == "what"
    assert draft.data["what"]["description"] == [MEGABYTE[:5000]]
    assert len(page) < 200_000
    assert not [r for r in caplog.records if r.exc_info]
    # The reporter shortens it and goes on.
    response = walk.post("next", STEP_DATA["what"])
    assert Draft.from_token(walk.token).step == "where"


def test_the_limit_is_stated_in_the_form(client, db):
    page = client.get(reverse("reports:report")).content.decode()
    assert "Maximaal 5000 tekens." in page


def test_a_post_too_big_to_read_gets_a_page_in_dutch_without_a_traceback(client, db, caplog):
    body = "x" * (6 * 1024 * 1024)
    with caplog.at_level(logging.INFO):
        response = client.post(
            reverse("reports:report"), {"draft": "enc1:whatever", "description": body}
        )
    assert response.status_code == 413
    page = response.content.decode()
    assert "Wat je verstuurde is te groot" in page
    assert "Ongeldig verzoek" not in page
    assert not [r for r in caplog.records if r.exc_info]
    assert any("too big" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_the_too_big_page_speaks_the_visitors_language(client, db, language):
    client.cookies["django_language"] = language
    response = client.post(reverse("reports:advice"), {"description": "x" * (6 * 1024 * 1024)})
    assert response.status_code == 413
    expected = {"pl": "jest za duże", "uk": "Надіслане завелике"}[language]
    assert expected in response.content.decode()


def test_an_advice_question_over_the_limit_is_cut_with_the_message(client, db):
    response = client.post(reverse("reports:advice"), {"description": "a" * 20_000})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Deze tekst is langer dan de 5000 tekens die passen" in page
    textarea = re.search(r'<textarea name="description"[^>]*>(.*?)</textarea>', page, re.S)
    assert len(textarea.group(1).strip()) == 5000

import io
import uuid

import pytest
from django.urls import reverse
from PIL import Image

from reports.draft import Draft


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path):
    settings.SIGNAAL_PRIVATE_DIR = tmp_path / "private"
    return settings.SIGNAAL_PRIVATE_DIR


STEP_DATA = {
    "what": {
        "description": "Op de Kanaalweg 12 wonen twaalf arbeiders in één garage.",
        "acute_danger": "no",
    },
    "where": {
        "municipality": "GM0344",
        "postcode": "3511ab",
        "house_number": "12",
        "street": "Kanaalweg",
    },
    "who": {
        "age_group": "adult",
        "gender": "male",
        "victim_count": "12",
        "company_name": "Bouw B.V.",
    },
    "you": {"identity": "anonymous"},
}
# The mailbox passphrase is typed on the last step, with "Send" (never part of the draft).
SEND_DATA = {"passphrase": "geheime zin 2026", "passphrase_again": "geheime zin 2026"}


def token_of(response):
    content = response.content.decode()
    marker = 'name="draft" value="'
    start = content.index(marker) + len(marker)
    return content[start : content.index('"', start)]


class ReportFlow:
    """Walks the steps of the public (or professional) form like a browser would."""

    def __init__(self, client, url=None, capture=None):
        self.client = client
        self.capture = capture
        self.url = url or reverse("reports:report")
        self.response = client.get(self.url)
        assert self.response.status_code == 200, self.response.status_code
        self.token = token_of(self.response)

    def post(self, action="next", data=None, files=None, **extra):
        payload = {"draft": self.token, "action": action, **(data or {})}
        if files:
            payload["attachments"] = files
        with self.capture(execute=True):
            self.response = self.client.post(self.url, payload, **extra)
        if self.response.status_code != 302 and b'name="draft"' in self.response.content:
            self.token = token_of(self.response)
        return self.response

    def fill(self, data=None):
        data = {**STEP_DATA, **(data or {})}
        for step in ("what", "where", "who", "you"):
            response = self.post("next", data[step])
            assert response.status_code == 200, (step, response.content[:2000])
            assert b"errorlist" not in response.content, (step, response.content.decode()[:4000])
        assert Draft.from_token(self.token).step == "check"
        return self

    def send(self, files=None, data=None):
        return self.post("send", {**SEND_DATA, **(data or {})}, files=files)


@pytest.fixture
def flow(client, db, django_capture_on_commit_callbacks):
    return lambda url=None: ReportFlow(client, url, django_capture_on_commit_callbacks)


def jpeg_with_gps():
    image = Image.new("RGB", (40, 20), "red")
    exif = Image.Exif()
    exif[0x010F] = "Camera"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 5.0, 30.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def make_report(**fields):
    """A public report submitted through reports.actions.submit_report(), with `fields` over a
    plain default."""
    from reports.actions import submit_report

    defaults = {
        "description": "Arbeiders slapen in de loods.",
        "acute_danger": "no",
        "reporter_type": "anonymous",
    }
    return submit_report(
        fields={**defaults, **fields},
        kind="report",
        channel="public",
        language="nl",
        idempotency_key=uuid.uuid4(),
    ).report

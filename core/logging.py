"""Logs without personal data or report content.

Everything that reaches a handler passes `RedactFilter`: e-mail addresses, IP addresses, phone
numbers, postcodes and token-like strings (signed links, mailbox codes, UUIDs) are replaced, in the
message, in its arguments and in tracebacks. Log calls in Signaal name records by id or reference,
never by content; the filter is the safety net for what libraries log (Django logs the path of a
failed request, a database error can quote a value).

In production the lines are JSON (one object per line, python-json-logger) so a log platform can
index them; `request_log` adds one line per request with the URL *pattern*, never the path.
"""

import logging
import re
import time

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"), "[ip]"),
    (re.compile(r"\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\b"), "[ip]"),
    (
        re.compile(r"(?:\b[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}\b(?::[0-9a-fA-F]{1,4}\b)*)?"),
        "[ip]",
    ),
    # A run of 16+ token characters with at least one digit: signed values, UUIDs, codes.
    (re.compile(r"(?=[\w:=\-.]*\d)[\w:=\-]{16,}"), "[token]"),
    (re.compile(r"(?<!\d)(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){7,8}\d(?!\d)"), "[phone]"),
    (re.compile(r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b"), "[postcode]"),
]
# Attributes Django puts on log records that would carry a path, headers or a body.
DROPPED = ("request", "scope", "environ")


def redact(text):
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactFilter(logging.Filter):
    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a broken log call must still be logged, without its arguments
            message = str(record.msg)
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
            record.exc_info = None
        for name in DROPPED:
            if name in record.__dict__:
                del record.__dict__[name]
        return True


class JsonFormatter(BaseJsonFormatter):
    """One JSON object per line: time, level, logger, message, and the extra fields of the call
    (route, status, duration_ms, ...)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")
        super().__init__("levelname,name,message", *args, style=",", **kwargs)

    def formatException(self, ei):  # noqa: N802 - logging's name
        return redact(super().formatException(ei))


def configuration(log_format, *, level="INFO", loggers=None):
    """A logging dictConfig: one handler on standard error, in `log_format` ("json" or "plain"),
    through RedactFilter. Used by the settings and by gunicorn's configuration."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact": {"()": "core.logging.RedactFilter"}},
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "core.logging.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["redact"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": loggers or {},
    }


request_logger = logging.getLogger("signaal.request")


def request_log(get_response):
    """One line per request: method, URL pattern (not the path: it can hold tokens), view, status
    and duration. No address, no user, no query string."""

    def middleware(request):
        started = time.perf_counter()
        response = get_response(request)
        match = getattr(request, "resolver_match", None)
        request_logger.info(
            "%s %s %s",
            request.method,
            match.route if match else "-",
            response.status_code,
            extra={
                "method": request.method,
                "route": match.route if match else None,
                "view": match.view_name if match else None,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response

    return middleware

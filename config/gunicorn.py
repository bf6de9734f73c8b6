"""gunicorn's configuration for production mode (scripts/serve; docs/operations.md).

Workers: about one per core (WEB_WORKERS); two threads each (WEB_THREADS) so one can wait for the
database while the other runs Python (threads share a worker's GIL, bench/report_bench.py).
No access log: Signaal logs one line per request itself, by URL pattern and without the client's
address (core.logging); gunicorn's own messages go through the same filter and format.
"""

import os

from core.filemodes import restrict_new_files
from core.logging import configuration

# Files the server and its workers create (database, keys, mail, uploads): 600, directories 700.
# Not gunicorn's own `umask` setting: that one would also close a Unix socket to the proxy.
restrict_new_files()

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "2"))
# Longer than a browser's pause between two requests on one connection (gunicorn's default: 2 s).
keepalive = 30
# A request that takes longer is stuck: the worker is replaced (the PDF overview takes < 2 s).
timeout = 60
graceful_timeout = 30
# Replace workers now and then (with jitter, not all at once) so a slow leak cannot grow; seldom,
# because a new worker costs a second or two of CPU while it loads (bench/load_bench.py saw
# stalls when workers were replaced every few thousand requests under full load).
max_requests = 100_000
max_requests_jitter = 10_000
# Requests come from the reverse proxy on this host or network (docs/operations.md).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
control_socket_disable = True  # gunicorn 27 would otherwise create ~/.gunicorn/gunicorn.ctl
accesslog = None
logconfig_dict = configuration(
    os.environ.get("SIGNAAL_LOG_FORMAT", "json"),
    loggers={
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
)

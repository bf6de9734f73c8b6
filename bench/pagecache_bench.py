r"""Public pages for anonymous visitors with and without the page cache, in-process.

A small stand-in for bench/load_bench.py's bare/public phases where that one cannot run (a shared
machine): a fresh SQLite database in a temporary directory with the demo data and demo content,
then for each mode --requests GETs of every public page below with Django's test client, each
request as a new visitor who already has a CSRF cookie (as after any earlier page):

    bare     /health/live/: the whole middleware stack, no database, no template
    kept     the public pages served by core/pagecache.py (a hit: the kept bytes with the
             visitor's own CSRF token put in)
    rendered the same pages with the page cache passed by (every request runs the view): what a
             cache keyed per visitor (Django's cache middleware, wagtail-cache: a page with a CSRF
             token varies on Cookie) gives a visitor on a first view, and what not keeping pages
             with a form gives on every view

It prints p50/p95 per mode (ms, wall clock; and the mean CPU time of this process) and the ratio
of the throughput of kept and rendered pages to the bare view's, from the CPU times
(load_bench's target: public pages at least 0.50 of the bare view).

    .venv/bin/python bench/pagecache_bench.py --requests 100
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import case_bench  # noqa: E402  (its setup_django: environment, fresh database, migrations)

PAGES = [
    "/",
    "/toegankelijkheid/",
    "/privacy/",
    "/kennisbank/zoeken/?q=arbeidsuitbuiting",
    "/wat-zie-je/",
    "/wat-zie-je/?subject=person",
]


def percentile(values, fraction):
    return case_bench.percentile(values, fraction)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="signaal-pagecache-bench-")
    try:
        run(directory, args)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def run(directory, args):
    case_bench.setup_django(directory, "")
    from django.conf import settings
    from django.core.cache import caches
    from django.core.management import call_command
    from django.test import Client

    from core import pagecache

    settings.SIGNAAL_DEMO = True  # demo organisations, users and content in the throwaway database
    started = time.perf_counter()
    call_command("load_demo_data", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    print(f"demo data and content: {time.perf_counter() - started:.1f} s", flush=True)

    # The demo content's pages that load_bench asks for: the home page's links to its own site.
    first = Client(SERVER_NAME="localhost")
    token = None
    pages = []
    for url in PAGES:
        response = first.get(url)
        if response.status_code == 200:
            pages.append(url)
        else:
            print(f"  skipped {url}: {response.status_code}")
        token = first.cookies.get("csrftoken") or token
    if token is None:
        sys.exit("no CSRF cookie from the public pages")

    def visitor():
        client = Client(SERVER_NAME="localhost")
        client.cookies["csrftoken"] = token.value
        return client

    def measure(urls, label, *, cache):
        original = pagecache._cacheable_request
        if not cache:
            pagecache._cacheable_request = lambda request: False
        wall, cpu = [], []
        try:
            for url in urls:  # warm-up: the page kept once, the templates loaded
                visitor().get(url)
            for _ in range(args.requests):
                for url in urls:
                    client = visitor()
                    began, began_cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    wall.append((time.perf_counter() - began) * 1000)
                    cpu.append((time.process_time() - began_cpu) * 1000)
                    assert response.status_code == 200, (url, response.status_code)
                    hit = response.get("X-Page-Cache") == "hit"
                    assert hit == (cache and url in pages), (label, url)
        finally:
            pagecache._cacheable_request = original
        print(
            f"{label:9} {len(wall):5} {percentile(wall, 0.5):7.2f} {percentile(wall, 0.95):7.2f} "
            f"{statistics.mean(wall):7.2f} {statistics.mean(cpu):7.2f}",
            flush=True,
        )
        return statistics.mean(cpu)

    caches["pages"].clear()
    print(f"{args.requests} requests per page, pages: {', '.join(pages)}")
    print(f"{'mode':9} {'n':>5} {'p50':>7} {'p95':>7} {'mean':>7} {'cpu':>7}  (ms)")
    bare = measure(["/health/live/"], "bare", cache=False)
    kept = measure(pages, "kept", cache=True)
    rendered = measure(pages, "rendered", cache=False)
    print(
        f"throughput ratio to the bare view (mean CPU per request; the wall clock of a shared "
        f"machine says more about the other work on it): kept {bare / kept:.2f}, "
        f"rendered {bare / rendered:.2f}"
    )
    print(f"machine load average: {case_bench.loadavg()}")
    print(f"command: .venv/bin/python bench/pagecache_bench.py --requests {args.requests}")


if __name__ == "__main__":
    main()

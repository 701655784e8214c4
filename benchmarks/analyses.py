"""The whole-base analyses on an existing knowledge base: first call, then p50 / p95 of the kept answer.

    python benchmarks/analyses.py --db postgresql+psycopg:///bench [--requests 10] [--only network]

Each URL is called in-process (FastAPI's TestClient: routing, validation
and JSON encoding count) once after the kept answers are dropped (the
"first" column: it computes), then --requests times (p50 and p95 of the
wall time, in ms). The load average is printed before and after: on a
shared machine the wall time includes waiting for a core.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import time

URLS = [
    "/api/analysis/network",
    "/api/analysis/chain?industry=新能源汽车",
    "/api/analysis/chain?industry=新能源汽车&part=enterprises&offset=50",
]


def percentile_95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--only", help="measure only the URLs containing this text")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    from fastapi.testclient import TestClient

    from innoatlas.store import open_store, resolve_url
    from innoatlas.web import analysis_api
    from innoatlas.web.app import create_app

    store = open_store(resolve_url(args.db))
    app = create_app(store)
    print("load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    print(f"{'url':64} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>10}")
    with TestClient(app) as client:
        for url in URLS:
            if args.only and args.only not in url:
                continue
            analysis_api._results.clear()  # the first call computes
            start = time.perf_counter()
            response = client.get(url)
            first = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                print(f"{url:64} HTTP {response.status_code}: {response.text[:160]}")
                continue
            times = []
            for _ in range(args.requests):
                start = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            print(
                f"{url:64} {first:9.0f} {statistics.median(times):8.1f} {percentile_95(times):8.1f} "
                f"{len(response.content):10d}",
                flush=True,
            )
    store.close()
    print("load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()

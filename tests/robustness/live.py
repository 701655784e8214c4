"""A real web server in a subprocess (uvicorn through innoatlas.web.server), for the robustness tests."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import httpx

from tests.robustness.kb import cli_env

SERVER_START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(url: str, log_path):
    """The base URL of `innoatlas.web.server.serve(url)` on a free local port, stopped on exit."""
    port = free_port()
    code = f"from innoatlas.web.server import serve; serve({url!r}, port={port})"
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, "-c", code], env=cli_env(), stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(process, base, log_path)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(process: subprocess.Popen, base: str, log_path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {open(log_path).read()[-2000:]}")
        try:
            if httpx.get(base + "/api/summary", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not start")

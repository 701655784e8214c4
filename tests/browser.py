"""The one harness of the browser tests: Debian's chromium driven by Playwright, the app in uvicorn.

`serve_app(app)` runs an app in a uvicorn thread on a free localhost port;
`launch_chromium()` starts headless chromium (the test is skipped when
Playwright or chromium is missing; never a downloaded browser);
`new_page(browser)` opens a Chinese-locale page that records script errors
(`page.errors`) and dialogs (`page.dialogs`). Screenshots go to
tests/screenshots/ for a person to look at (Chinese must render as
characters, not boxes).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SERVER_START_TIMEOUT_S = 10
TIMEOUT_MS = 10_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_app(app) -> Iterator[str]:
    """The base URL of `app` served by uvicorn in a thread; the server stops on exit."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


@contextmanager
def launch_chromium():
    """Headless Debian chromium under Playwright; skips the test when either is missing."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def new_page(browser, viewport: dict | None = None, timeout_ms: int = TIMEOUT_MS, **context_options):
    """A fresh page in its own context (no shared storage), closed on exit."""
    context = browser.new_context(viewport=viewport or DESKTOP, locale="zh-CN", **context_options)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    # Assertions wait as long as actions: on a busy machine a reload after a review
    # action can take longer than Playwright's five-second default for `expect`.
    from playwright.sync_api import expect

    expect.set_options(timeout=timeout_ms)
    page.errors = []
    page.dialogs = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    try:
        yield page
    finally:
        context.close()


def shoot(page, name: str, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)

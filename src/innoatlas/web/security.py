"""What every response and request passes through: security headers and a request body limit.

Headers: a Content-Security-Policy that lets scripts, styles, images and
requests come only from the app itself, with no inline script, event
handler or style attribute (the pages start their scripts from files and
pass data in data-* attributes and JSON blocks), no framing by other
sites, no MIME sniffing. One page differs: ReDoc (/redoc) writes its
styles into <style> elements and starts its search worker from a blob: URL
as it runs, so its answer allows inline styles and blob: workers (never
inline scripts). Cross-origin requests get no CORS headers,
so browsers keep other sites from reading the API.

Bodies: a request larger than its route's limit is refused with 413 before
it is read into memory (a 400 MB login body took the server past 1 GB).
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException

from innoatlas.settings import settings

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# ReDoc's styled-components insert <style> elements at run time, and its search runs in a
# worker it builds from its own bundle (a blob: URL); every other script stays the app's own.
REDOC_POLICY = (
    CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    + "; worker-src 'self' blob:"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]

# Every write route takes a small JSON body (a review action, a login),
# except the ingest: up to 100 documents of 200,000 characters, written as
# JSON escapes in the worst case (6 bytes a character).
# (The small limit is the max_body_bytes setting, 1 MiB unless set.)
LARGE_BODY_ROUTES = {"/api/ingest": 128 * 1024 * 1024}


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every HTTP response that lacks them."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware refusing (413) a request body over its route's limit, declared or streamed."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = LARGE_BODY_ROUTES.get(scope["path"]) or settings().max_body_bytes
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return await refuse(send, limit)
        received = 0

        async def counted_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:  # a chunked body with no length given
                raise HTTPException(413, too_large(limit))
            return message

        await self.app(scope, counted_receive, send)


def too_large(limit: int) -> str:
    return f"request body too large (the limit is {limit // 1024 // 1024} MB)"


async def refuse(send, limit: int) -> None:
    body = {"error": {"status": 413, "code": "payload_too_large", "message": too_large(limit), "detail": []}}
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": [*headers, *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": data})

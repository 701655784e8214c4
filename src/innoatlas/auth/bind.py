"""The serve guard: no server on a non-loopback address without authentication configured."""

from __future__ import annotations

import ipaddress
import logging

from innoatlas.errors import InnoatlasError

log = logging.getLogger(__name__)

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


class InsecureBindError(InnoatlasError):
    """Serving on a public address while no editor can authenticate."""


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to a public address


def check_bind(host: str, store, allow_insecure: bool = False) -> None:
    """Refuse `host` unless it is loopback, authentication is configured, or the caller insists."""
    if is_loopback(host):
        return
    from innoatlas.auth.users import auth_configured

    with store.session() as session:
        configured = auth_configured(session)
    if configured:
        return
    if allow_insecure:
        log.warning("serving on %s with no editor account: nobody can log in to write", host)
        return
    raise InsecureBindError(
        f"refusing to serve on {host}: authentication is not configured (no editor has a password or "
        "an API token); add one with `innoatlas user add NAME --role editor`, serve on 127.0.0.1, "
        "or pass --allow-insecure to serve anyway"
    )

"""scrypt hashes of passwords and token secrets, in one self-describing string.

Format: scrypt$<log2 n>$<r>$<p>$<salt hex>$<hash hex>, so the cost can be
raised later without breaking the hashes already stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

# Passwords: n = 2**15, r = 8 (32 MiB, about 0.1-0.3 s here): costly enough
# to slow guessing of a stolen hash, cheap enough for a login.
PASSWORD_COST = (15, 8, 1)
# Token secrets are 256 random bits: no guessing to slow down, so a light
# cost keeps each authenticated API request fast.
TOKEN_COST = (10, 8, 1)
SALT_BYTES = 16
HASH_BYTES = 32


def hash_secret(secret: str, cost: tuple[int, int, int] = PASSWORD_COST) -> str:
    log_n, r, p = cost
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(secret, salt, log_n, r, p)
    return f"scrypt${log_n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_secret(secret: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, log_n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        computed = _scrypt(secret, bytes.fromhex(salt), int(log_n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(computed, bytes.fromhex(digest))


def _scrypt(secret: str, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    n = 2**log_n
    memory = 128 * r * n * 2  # what scrypt needs, with headroom over OpenSSL's 32 MiB default cap
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=memory, dklen=HASH_BYTES)

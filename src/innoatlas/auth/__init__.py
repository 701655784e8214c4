"""Access control: users with a role, passwords and API tokens stored as scrypt hashes.

Reading the knowledge base is public; every write needs an authenticated
user with the editor role. There is no default user and no default
password: `innoatlas user add` creates the first one.
"""

from innoatlas.auth.bind import InsecureBindError, check_bind, is_loopback
from innoatlas.auth.users import (
    ROLES,
    AuthError,
    add_user,
    auth_configured,
    authenticate_password,
    authenticate_token,
    create_token,
    find_user,
    list_users,
    remove_user,
    revoke_token,
)

__all__ = [
    "ROLES",
    "AuthError",
    "InsecureBindError",
    "add_user",
    "auth_configured",
    "authenticate_password",
    "authenticate_token",
    "check_bind",
    "create_token",
    "find_user",
    "is_loopback",
    "list_users",
    "remove_user",
    "revoke_token",
]

"""What every store command shares: `--db`, `--as`, opening the store, the acting user, the keys.

The acting user is `--as`, else `$LEAKWATCH_USER`, else the login name; it is resolved once into a
`Principal` that every service takes. Nobody becomes admin by coming first: an empty store gets
its first admin only from `leakwatch init` or `leakwatch user add NAME --role admin` (open_empty),
and every other command on it says so.
"""

from __future__ import annotations

import argparse
import getpass

from leakwatch.errors import NotFound
from leakwatch.store.crypto import KeyRing, key_source
from leakwatch.store.db import Store, open_store
from leakwatch.store.keybind import bind, is_bound
from leakwatch.workflow.principal import Principal, resolve
from leakwatch.workflow.users import has_users

FIRST_ADMIN = (
    "create its first admin with `leakwatch init` or `leakwatch user add NAME --role admin`"
)


def add_store_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("store")
    group.add_argument(
        "--db",
        metavar="PATH|URL",
        help="SQLite file or database URL (postgresql://user@host/db); "
        "default $LEAKWATCH_DB, else leakwatch.db in the user data directory",
    )
    group.add_argument(
        "--as",
        dest="actor",
        metavar="USER",
        help="act as this user (default $LEAKWATCH_USER, else your login name)",
    )


def actor_name(args: argparse.Namespace) -> str:
    """`--as`, else the settings' user (`$LEAKWATCH_USER`), else the login name."""
    from leakwatch.settings import load_settings  # pydantic only for commands on a store

    name: str | None = getattr(args, "actor", None) or load_settings().user
    return name or getpass.getuser()


def _bound(store: Store, *, create_key: bool) -> Store:
    """`store` bound to its key. Only a command that creates a store passes `create_key`, and even
    then a missing key file is created only for a store that records no key yet."""
    keys = KeyRing.load(create=create_key and not is_bound(store))
    return bind(store, keys, key_source())


def principal_for(store: Store, name: str) -> Principal:
    """The acting user `name`, or one line that says what to do about their absence."""
    try:
        return resolve(store, name)
    except NotFound:
        if not has_users(store):
            raise NotFound(f"the store has no users yet: {FIRST_ADMIN}") from None
        raise NotFound(
            f"no active user {name!r}; an admin adds one with `leakwatch user add`"
        ) from None


def open_as(args: argparse.Namespace, *, create_key: bool = False) -> tuple[Store, Principal]:
    """The store named by `--db` (migrated, bound to its key) and the acting user, resolved once:
    what every service takes. The key is checked first; but where the command may create one,
    the user is resolved first, so a command refused for want of a user creates no key."""
    store = open_store(getattr(args, "db", None))
    if create_key:
        principal = principal_for(store, actor_name(args))
        return _bound(store, create_key=True), principal
    store = _bound(store, create_key=False)
    return store, principal_for(store, actor_name(args))


def open_empty(args: argparse.Namespace) -> Store | None:
    """For the two commands that may create a store's first admin: the store, bound to its key
    (created if it records none), if it has no users yet; None if it has some."""
    store = open_store(getattr(args, "db", None))
    if has_users(store):
        store.close()
        return None
    return _bound(store, create_key=True)


def keyring(store: Store) -> KeyRing:
    """The keys `store` was opened with (open_as, open_empty)."""
    if store.keys is None:
        raise AssertionError("store opened without its keys")
    return store.keys

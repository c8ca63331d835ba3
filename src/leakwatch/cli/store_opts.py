"""What every store command shares: `--db`, `--as`, opening the store, the acting user, the keys.

The acting user is `--as`, else `$LEAKWATCH_USER`, else the login name. On an empty store the first
actor becomes its admin (and the audit log says so), so `leakwatch ingest` works out of the box;
after that, an admin adds everyone else with `leakwatch user add`.
"""

from __future__ import annotations

import argparse
import getpass
import os

from leakwatch.store.crypto import KeyRing, key_source
from leakwatch.store.db import Store, open_store
from leakwatch.store.keybind import bind, is_bound
from leakwatch.workflow.principal import Principal, resolve
from leakwatch.workflow.users import bootstrap_admin

ENV_USER = "LEAKWATCH_USER"


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
    name: str | None = getattr(args, "actor", None) or os.environ.get(ENV_USER)
    return name or getpass.getuser()


def open_for(args: argparse.Namespace, *, create_key: bool = False) -> tuple[Store, str]:
    """The store named by `--db` (migrated, bound to its key) and the acting user's name
    (bootstrapped if first). Only a command that creates a store passes `create_key`, and even
    then a missing key file is created only for a store that records no key yet."""
    store = open_store(getattr(args, "db", None))
    keys = KeyRing.load(create=create_key and not is_bound(store))
    store = bind(store, keys, key_source())
    actor = actor_name(args)
    bootstrap_admin(store, actor)
    return store, actor


def open_as(args: argparse.Namespace, *, create_key: bool = False) -> tuple[Store, Principal]:
    """The store named by `--db` and the acting user, resolved once: what every service takes."""
    store, name = open_for(args, create_key=create_key)
    return store, resolve(store, name)


def keyring(store: Store) -> KeyRing:
    """The keys `store` was opened with (open_for)."""
    if store.keys is None:
        raise AssertionError("store opened without its keys")
    return store.keys

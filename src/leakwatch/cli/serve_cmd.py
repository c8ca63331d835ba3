"""`leakwatch serve`: the HTTP API (leakwatch.api) under uvicorn, on loopback by default.

The server opens the store with its key once (the audit chain and reveal need it) and never
creates a key: a store is created on the command line first (`leakwatch init` or an ingest),
and its first admin with it, so nobody becomes admin by being the first to call over HTTP.
"""

from __future__ import annotations

import argparse
from typing import Any

from leakwatch.cli.commands import BY_NAME
from leakwatch.errors import UsageError
from leakwatch.store.crypto import KeyRing, key_source
from leakwatch.store.db import open_store
from leakwatch.store.keybind import bind

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_parsers(sub: Any) -> None:
    serve = sub.add_parser("serve", help=BY_NAME["serve"].help)
    serve.add_argument(
        "--host", help=f"address to listen on (default $LEAKWATCH_HOST, else {DEFAULT_HOST})"
    )
    serve.add_argument(
        "--port", type=int, help=f"port (default $LEAKWATCH_PORT, else {DEFAULT_PORT})"
    )
    serve.add_argument(
        "--db",
        metavar="PATH|URL",
        help="SQLite file or database URL (postgresql://user@host/db); "
        "default $LEAKWATCH_DB, else leakwatch.db in the user data directory",
    )
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    if args.port is not None and not 0 < args.port < 65536:
        raise UsageError(f"--port must be 1-65535, not {args.port}")
    from leakwatch.settings import load_settings

    settings = load_settings()
    host = args.host or settings.host
    port = args.port or settings.port
    import uvicorn

    from leakwatch.api.app import create_app

    store = open_store(args.db)
    store = bind(store, KeyRing.load(create=False), key_source())
    try:
        app = create_app(store, token_days=settings.token_days)
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        store.close()
    return 0

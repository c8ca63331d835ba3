"""The web console: server-rendered pages (Jinja2 + HTMX, served locally) over the same services
the command line and the API call, behind a password login with a signed session cookie."""

from __future__ import annotations

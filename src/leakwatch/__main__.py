"""`python -m leakwatch` is the `leakwatch` command."""

from leakwatch.cli.main import main

raise SystemExit(main())

"""Command-line interface: `leakwatch scan | synth | eval`."""

"""leakwatch: find leaks of personal data and state documents in public messaging channels."""

__version__ = "0.1.0"

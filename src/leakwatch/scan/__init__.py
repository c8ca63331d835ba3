"""Scanning: messages in, assessed results out, in input order, on as many cores as asked."""

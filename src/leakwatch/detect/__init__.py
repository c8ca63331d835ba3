"""Detection: recognizers that find entity spans in normalized text."""

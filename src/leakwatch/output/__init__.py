"""Output: the scan contract (JSONL/JSON/CSV), masked previews and the summary table."""

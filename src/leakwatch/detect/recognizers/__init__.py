"""One module per recognizer; the registry (`leakwatch.detect.registry`) lists them."""

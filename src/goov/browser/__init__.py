"""Classic UI views of goov."""

"""PAS plugins of goov."""

"""goov's REST endpoints (one folder per endpoint)."""

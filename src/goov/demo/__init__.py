"""Demo partners, users and content for GOOV_DEMO=1 on a new database."""

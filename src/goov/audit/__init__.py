"""The audit log: who saw or changed which case data, kept outside the ZODB."""

"""Dossier rosters on top of collective.workspace."""

"""Export a GOOV site and import it into a fresh one, on collective.exportimport.

collective.exportimport moves content (fields, workflow history, UIDs, dates),
users and groups, local roles, relations, ordering and default pages. The goov
steps here add what it does not know about: photos (not a schema field), dossier
rosters (collective.workspace's `_team` plus its PAS groups), roster and decision
logs, event registrations, the intake idempotency keys, goov's registry records
and the site secret that keys the similarity hashes. See docs/decisions.md.
"""

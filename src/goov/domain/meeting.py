"""Case meetings (overleggen)."""

STATES = ("planned", "held", "minutes_final")
LOCKED_STATES = frozenset({"minutes_final"})

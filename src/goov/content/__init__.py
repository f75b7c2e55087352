"""Dexterity content types of goov (one type per module)."""

"""Workflow guards (conditions) and transition effects."""

"""Behaviours shared by several goov types."""

"""Instance configuration from the environment (plain Python, no Zope imports)."""

"""JSON serialization of goov content (extends plone.restapi's)."""

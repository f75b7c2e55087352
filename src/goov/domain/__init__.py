"""Business rules over plain values. Never imports zope, Products or plone."""

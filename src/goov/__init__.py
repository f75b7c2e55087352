"""GOOV: neighbourhood approach to public order and safety, on Plone 6.2."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "goov"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)

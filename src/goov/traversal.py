"""Views and services with sub-paths: @@photo/0/x.jpg, @reports/signals."""

from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class SubPath:
    """Mixin: collects the path segments after the view or service in `names`."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.names = []

    def publishTraverse(self, request, name):
        self.names.append(name)
        return self

"""{signal}/@@photo/<index>/<filename>: a stored (re-encoded) photo of a signal."""

from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


def photo_url(signal, index: int) -> str:
    photo = signal.photos[index]
    return f"{signal.absolute_url()}/@@photo/{index}/{photo.filename}"


@implementer(IPublishTraverse)
class PhotoView(BrowserView):
    """Protected by goov: View personal data (photos may show people)."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.names = []

    def publishTraverse(self, request, name):
        self.names.append(name)
        return self

    def __call__(self):
        try:
            index = int(self.names[0])
            photo = self.context.photos[index]
        except (IndexError, ValueError, TypeError) as exc:
            raise NotFound("No such photo") from exc
        set_headers(photo, self.request.response, filename=photo.filename)
        self.request.response.setHeader("Content-Disposition", "inline")
        self.request.response.setHeader("Cache-Control", "private, max-age=3600")
        self.request.response.setHeader("X-Content-Type-Options", "nosniff")
        return stream_data(photo)

"""{signal}/@@photo/<index>/<filename>: a stored (re-encoded) photo of a signal."""

from goov.traversal import SubPath
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from Products.Five.browser import BrowserView
from zExceptions import NotFound


def photo_url(signal, index: int) -> str:
    photo = signal.photos[index]
    return f"{signal.absolute_url()}/@@photo/{index}/{photo.filename}"


class PhotoView(SubPath, BrowserView):
    """Protected by goov: View personal data (photos may show people)."""

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

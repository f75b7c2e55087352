"""The Straatsignaal app: a PWA shell served by Plone, a REST client of @signals."""

from goov import _
from goov.vocabularies import category_terms
from pathlib import Path
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

import json


STATIC = Path(__file__).parent / "static" / "straatsignaal"

STRINGS = {
    "app_title": _("app_title", default="Straatsignaal"),
    "login": _("app_login", default="Inloggen"),
    "logout": _("app_logout", default="Uitloggen"),
    "username": _("app_username", default="Gebruikersnaam"),
    "password": _("app_password", default="Wachtwoord"),
    "login_failed": _("app_login_failed", default="Inloggen mislukt"),
    "new_signal": _("app_new_signal", default="Nieuw signaal"),
    "category": _("label_category", default="Categorie"),
    "choose": _("app_choose", default="Kies…"),
    "description": _("label_signal_description", default="Wat heeft u gezien?"),
    "location": _("app_location", default="Locatie"),
    "use_location": _("app_use_location", default="Gebruik mijn locatie"),
    "locating": _("app_locating", default="Locatie bepalen…"),
    "no_location": _("app_no_location", default="Geen locatie: vul een adres in"),
    "address": _("label_address", default="Adres"),
    "photos": _("app_photos", default="Foto's (max. 5)"),
    "urgent": _("label_urgent", default="Urgent"),
    "send": _("app_send", default="Versturen"),
    "queue": _("app_queue", default="Verzonden en wachtrij"),
    "queued": _("app_queued", default="in wachtrij"),
    "sending": _("app_sending", default="bezig met verzenden"),
    "sent": _("app_sent", default="verzonden"),
    "error": _("app_error", default="fout"),
    "offline": _(
        "app_offline", default="Offline: meldingen wachten tot er weer verbinding is."
    ),
    "my_signals": _("app_my_signals", default="Mijn meldingen"),
    "refresh": _("app_refresh", default="Vernieuwen"),
    "state_new": _("state_new", default="Nieuw"),
    "state_triaged": _("state_triaged", default="Beoordeeld"),
    "state_linked": _("state_linked", default="Gekoppeld aan dossier"),
    "state_closed": _("state_closed", default="Afgesloten"),
    "state_rejected": _("state_rejected", default="Afgewezen"),
}


class AppView(BrowserView):
    def portal_url(self) -> str:
        return api.portal.get().absolute_url()

    def config(self) -> str:
        strings = {k: translate(v, context=self.request) for k, v in STRINGS.items()}
        config = json.dumps(
            {
                "portal": self.portal_url(),
                "categories": [
                    {"token": t.token, "title": t.title} for t in category_terms()
                ],
                "strings": strings,
            }
        )
        # Inside <script>: no raw <, > or & (no way to close the tag early).
        return (
            config.replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026")
        )

    def title(self) -> str:
        return translate(STRINGS["app_title"], context=self.request)


class ServiceWorker(BrowserView):
    """Served from the site root so that its scope covers @@straatsignaal."""

    def __call__(self):
        self.request.response.setHeader(
            "Content-Type", "text/javascript; charset=utf-8"
        )
        self.request.response.setHeader("Cache-Control", "no-cache")
        return (STATIC / "sw.js").read_text(encoding="utf-8")


class Manifest(BrowserView):
    def __call__(self):
        portal = api.portal.get().absolute_url()
        static = f"{portal}/++resource++goov/straatsignaal"
        self.request.response.setHeader(
            "Content-Type", "application/manifest+json; charset=utf-8"
        )
        return json.dumps(
            {
                "name": "GOOV Straatsignaal",
                "short_name": "Straatsignaal",
                "start_url": f"{portal}/@@straatsignaal",
                "scope": f"{portal}/",
                "display": "standalone",
                "background_color": "#ffffff",
                "theme_color": "#1d4f91",
                "lang": "nl",
                "icons": [
                    {
                        "src": f"{static}/icon-192.png",
                        "sizes": "192x192",
                        "type": "image/png",
                    },
                    {
                        "src": f"{static}/icon-512.png",
                        "sizes": "512x512",
                        "type": "image/png",
                    },
                ],
            }
        )

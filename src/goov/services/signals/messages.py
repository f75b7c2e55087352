"""Dutch and English messages for intake error codes (Accept-Language decides)."""

from goov import _
from zope.i18n import translate


MESSAGES = {
    "required": _("error_required", default="Dit veld is verplicht."),
    "not_text": _("error_not_text", default="Verwacht een tekst."),
    "too_long": _("error_too_long", default="De tekst is te lang."),
    "unknown_field": _("error_unknown_field", default="Onbekend veld."),
    "unknown_category": _("error_unknown_category", default="Onbekende categorie."),
    "invalid_client_id": _(
        "error_invalid_client_id",
        default="Ongeldige client_id (8-64 tekens: letters, cijfers, - en _).",
    ),
    "invalid_location": _(
        "error_invalid_location", default="Locatie moet {lat, lon} zijn."
    ),
    "out_of_range": _("error_out_of_range", default="Coördinaat buiten bereik."),
    "location_or_address": _(
        "error_location_or_address",
        default="Geef een locatie (breedte- en lengtegraad) of een adres.",
    ),
    "invalid_datetime": _(
        "error_invalid_datetime", default="Ongeldige datum/tijd (ISO 8601)."
    ),
    "in_future": _("error_in_future", default="Het tijdstip ligt in de toekomst."),
    "not_boolean": _("error_not_boolean", default="Verwacht true of false."),
    "invalid_persons": _(
        "error_invalid_persons", default="Personen moeten een lijst zijn (max. 50)."
    ),
    "invalid_person": _(
        "error_invalid_person", default="Ongeldige persoon (name, birthdate, role)."
    ),
    "invalid_date": _("error_invalid_date", default="Ongeldige datum (JJJJ-MM-DD)."),
    "invalid_photos": _(
        "error_invalid_photos", default="Foto's moeten een lijst zijn."
    ),
    "too_many_photos": _("error_too_many_photos", default="Maximaal 5 foto's."),
    "invalid_photo": _(
        "error_invalid_photo",
        default="Ongeldige foto (filename, content-type, data).",
    ),
    "photo_not_base64": _(
        "error_photo_not_base64", default="De foto is geen geldige base64."
    ),
    "photo_too_large": _(
        "error_photo_too_large", default="De foto is groter dan 10 MB."
    ),
    "photo_unsupported_type": _(
        "error_photo_unsupported_type",
        default="Alleen JPEG-, PNG- en WebP-foto's.",
    ),
    "photo_not_image": _(
        "error_photo_not_image", default="Het bestand is geen afbeelding."
    ),
    "photo_type_mismatch": _(
        "error_photo_type_mismatch",
        default="Het bestand is niet van het opgegeven type.",
    ),
    "photo_too_many_pixels": _(
        "error_photo_too_many_pixels", default="De foto heeft meer dan 40 megapixels."
    ),
    "not_object": _("error_not_object", default="Verwacht een JSON-object."),
    "malformed_json": _("error_malformed_json", default="Ongeldige JSON."),
    "invalid_filter": _("error_invalid_filter", default="Ongeldige filterwaarde."),
    "invalid_action": _("error_invalid_action", default="Ongeldige actie."),
    "invalid_email": _("error_invalid_email", default="Ongeldig e-mailadres."),
    "invalid_registration": _(
        "error_invalid_registration", default="De aanmelding is niet geldig."
    ),
    "registration_closed": _(
        "error_registration_closed", default="Aanmelden is gesloten."
    ),
    "already_registered": _(
        "error_already_registered", default="Dit e-mailadres is al aangemeld."
    ),
    "registered": _(
        "msg_registered",
        default="U bent aangemeld. U ontvangt een bevestiging per e-mail.",
    ),
    "waitlisted": _(
        "msg_waitlisted", default="De bijeenkomst is vol: u staat op de wachtlijst."
    ),
    "too_many_attempts": _(
        "error_too_many_attempts",
        default="Te veel pogingen; probeer het later opnieuw.",
    ),
    "invalid_actions": _(
        "error_invalid_actions", default="Acties moeten een lijst zijn (max. 20)."
    ),
    "unknown_partner": _("error_unknown_partner", default="Onbekende partner."),
    "unknown_priority": _("error_unknown_priority", default="Onbekende prioriteit."),
    "unknown_user": _("error_unknown_user", default="Onbekende gebruiker."),
    "no_dossier": _(
        "error_no_dossier",
        default="Dit agendapunt hoort niet bij een dossier: geen acties mogelijk.",
    ),
    "dossier_closed": _(
        "error_dossier_closed",
        default="In dit dossier kunnen geen acties worden toegevoegd.",
    ),
}
SUMMARY = _("error_invalid_signal", default="De melding is niet geldig.")
TOO_LARGE = _("error_body_too_large", default="Het verzoek is te groot.")


def language(request) -> str:
    """nl unless the client prefers English (Accept-Language)."""
    header = (request.getHeader("Accept-Language") or "").lower()
    for part in header.split(","):
        tag = part.split(";")[0].strip()
        if tag.startswith("en"):
            return "en"
        if tag.startswith("nl"):
            return "nl"
    return "nl"


def message(code_or_msg, request) -> str:
    msg = MESSAGES.get(code_or_msg, code_or_msg)
    return translate(msg, target_language=language(request))

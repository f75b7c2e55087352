"""Small patches of Zope for bad input that would otherwise be a 500 (patches.zcml)."""


def authUserPW(self):
    """HTTPRequest._authUserPW: a malformed basic Authorization header (not base64,
    not UTF-8, no colon) counts as no credentials.

    Zope's basic_auth_decode raises ValueError (binascii.Error, UnicodeDecodeError)
    on such a header, and PAS asks for it outside its error handling (the emergency
    user check), so any request carrying one was a 500. Now it is anonymous: a 401
    where a login is needed, like any request without credentials.
    """
    try:
        return self._old__authUserPW()
    except ValueError:
        return None

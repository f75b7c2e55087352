"""Control panels of goov (Classic UI forms and plone.restapi @controlpanels)."""

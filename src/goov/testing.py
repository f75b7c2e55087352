"""Test layers: integration (in-process) and functional (a real WSGI server)."""

from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing import zope as zope_testing
from plone.testing.zope import WSGI_SERVER_FIXTURE

import os


# Compile the goov .po catalogs when ZCML registers them (as zope.conf does).
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
# The test audit log: a fresh SQLite file per test run.
if not os.environ.get("GOOV_AUDIT_DB"):
    import tempfile

    _audit_dir = tempfile.mkdtemp(prefix="goov-audit-")
    os.environ["GOOV_AUDIT_DB"] = f"sqlite:///{_audit_dir}/audit.sqlite"


class Layer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import collective.exportimport
        import collective.workspace
        import goov
        import plone.app.event
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=plone.app.event)
        self.loadZCML(package=collective.workspace)
        self.loadZCML(package=collective.exportimport)
        self.loadZCML(package=goov)
        # collective.workspace registers a PAS plugin class through initialize().
        zope_testing.installProduct(app, "collective.workspace")
        # As instance/zope.conf.in (max-conflict-retries): the test server retries
        # conflicting requests as often as a real instance does.
        from ZPublisher.HTTPRequest import HTTPRequest

        HTTPRequest.retry_max_count = 10

    def setUpPloneSite(self, portal):
        applyProfile(portal, "goov:default")
        # Like a site made by goov-start: Dutch by default.
        from plone import api

        api.portal.set_registry_record("plone.default_language", "nl")
        # The demo municipality gives every test the same partners and users
        # (password goov.demo.data.DEMO_PASSWORD).
        from goov.demo.load import load_demo

        load_demo(portal, content=False)

    def tearDownZope(self, app):
        zope_testing.uninstallProduct(app, "collective.workspace")


FIXTURE = Layer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="goov:Integration",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="goov:Functional",
)

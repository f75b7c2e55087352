"""Create the GOOV site when it is absent; keep the admin password in step.

Runs inside a started Zope (see goov.scripts.start). Everything happens in one
transaction; when two instances on one RelStorage/ZEO database start at once, the
loser of the race gets a ConflictError, retries and then finds the site present.
"""

from goov.deploy.settings import Settings

import logging


log = logging.getLogger("goov.site")

ADMIN_USER = "admin"
ATTEMPTS = 5


def site_answers(settings: Settings) -> dict:
    return {
        "site_id": settings.site_id,
        "title": "GOOV",
        "description": "Gebiedsgerichte aanpak Openbare Orde en Veiligheid",
        "default_language": "nl",
        "portal_timezone": "Europe/Amsterdam",
        "setup_content": False,
    }


def ensure_admin(app, password: str) -> str:
    """Make the root admin user exist with the configured password.

    Plone replaces Zope's root user folder with PAS; its ZODB user manager
    (`users`) checks and changes the password.
    """
    users = app.acl_users
    if users.getUser(ADMIN_USER) is None:
        users._doAddUser(ADMIN_USER, password, ["Manager"], [])
        return "created"
    manager = users.users
    if manager.authenticateCredentials({"login": ADMIN_USER, "password": password}):
        return "unchanged"
    manager.updateUserPassword(ADMIN_USER, password)
    return "password changed"


def create_site(app, settings: Settings):
    """Create the Plone site with the classic distribution and goov installed.

    plone.distribution's public create() commits on its own; we need the whole site
    in the caller's single transaction, so we call its creation step directly.
    """
    from plone.distribution.api import distribution as dist_api
    from plone.distribution.api.site import _create_site
    from plone.distribution.utils.validation import validate_answers

    answers = site_answers(settings)
    schema = dist_api.get("classic").schema
    if not validate_answers(answers=answers, schema=schema):
        raise ValueError("site answers do not match the classic distribution schema")
    site = _create_site(app, "classic", answers)
    from plone.base.utils import get_installer

    get_installer(site, site.REQUEST).install_product("goov")
    return site


def configure_mail(site, settings: Settings) -> None:
    """Outgoing mail (reminders, registrations) from GOOV_SMTP_* at every start.

    Plone's mailer reads host and port from the registry (plone.smtp_*), not from
    the MailHost object.
    """
    from plone import api

    wanted = {
        "plone.smtp_host": settings.smtp_host,
        "plone.smtp_port": settings.smtp_port,
        "plone.email_from_address": settings.mail_from,
        "plone.email_from_name": "GOOV",
    }
    for record, value in wanted.items():
        if api.portal.get_registry_record(record) != value:
            api.portal.set_registry_record(record, value)
    # Queue mail on disk at commit; a thread delivers and retries. An SMTP outage
    # then delays mail instead of failing the registration or reminder run.
    queue = str(settings.var_dir / "mailqueue")
    mailhost = site.MailHost
    if not mailhost.smtp_queue or mailhost.smtp_queue_directory != queue:
        mailhost.smtp_queue = True
        mailhost.smtp_queue_directory = queue


def _ensure(app, settings: Settings) -> dict:
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SpecialUsers import system
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    app = makerequest(app)
    app.REQUEST["PARENTS"] = [app]
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    report = {"admin": ensure_admin(app, settings.admin_password)}
    site = app.get(settings.site_id)
    if site is None:
        site = create_site(app, settings)
        report["site"] = "created"
        setSite(site)
        if settings.demo:
            from goov.demo.load import load_demo

            report["demo_loaded"] = load_demo(site)
    else:
        report["site"] = "exists"
        setSite(site)
        from plone.base.utils import get_installer

        installer = get_installer(site, app.REQUEST)
        if not installer.is_product_installed("goov"):
            installer.install_product("goov")
            report["goov"] = "installed"
    configure_mail(site, settings)
    return report


def ensure_site(settings: Settings) -> dict:
    from ZODB.POSException import ConflictError
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    import transaction
    import Zope2

    for attempt in range(1, ATTEMPTS + 1):
        app = Zope2.app()
        try:
            report = _ensure(app, settings)
            transaction.get().note(f"goov: ensure site {settings.site_id}")
            transaction.commit()
            return report
        except ConflictError:
            transaction.abort()
            log.info("site creation conflicted (attempt %d); retrying", attempt)
        except BaseException:
            transaction.abort()
            raise
        finally:
            setSite(None)
            setRequest(None)
            app._p_jar.close()
    raise RuntimeError(f"could not create site after {ATTEMPTS} attempts")

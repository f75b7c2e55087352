"""Packaging metadata for goov. Tool configuration lives in pyproject.toml."""

from pathlib import Path
from setuptools import find_packages
from setuptools import setup


long_description = Path("README.md").read_text(encoding="utf-8")

setup(
    name="goov",
    version="1.0.0.dev0",
    description=(
        "GOOV: the neighbourhood approach to public order, safety and undermining "
        "(OOV) for Dutch municipalities, on Plone 6.2"
    ),
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.10",
        "Programming Language :: Python :: 3.11",
        "Operating System :: OS Independent",
    ],
    keywords="Python Plone CMS OOV safety case-management",
    author="GOOV team",
    license="GPL-2.0-only",
    packages=find_packages("src"),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.10",
    install_requires=[
        "Products.CMFPlone>=6.2,<6.3",
        "plone.api",
        "plone.app.dexterity",
        "plone.app.event",
        "plone.classicui",
        "plone.distribution",
        "plone.restapi",
        "collective.workspace>=4.0",
        "collective.exportimport",
        "collective.monkeypatcher",
        "Pillow",
        "shapely>=2",
        "reportlab",
        "openpyxl",
        "SQLAlchemy>=2",
        # collective.exportimport 1.16 imports pkg_resources at module level.
        "setuptools<82",
    ],
    extras_require={
        "relstorage": ["RelStorage", "psycopg2"],
        "zeo": ["ZEO"],
        "test": [
            "plone.app.testing",
            "plone.testing",
            "pytest",
            "pytest-plone",
            "zope.pytestlayer",
            "requests",
            "ruff",
            "playwright",
            "hypothesis",
            "aiosmtpd",
            "schemathesis",
            "openapi-spec-validator",
        ],
    },
    entry_points={
        "plone.autoinclude.plugin": ["target = plone"],
        "console_scripts": [
            "goov-start = goov.scripts.start:main",
            "goov-render-instance = goov.scripts.render:main",
            "goov-zeo = goov.scripts.zeo:main",
            "goov-reminders = goov.scripts.reminders:main",
            "goov-retention = goov.scripts.retention:main",
            "goov-audit-verify = goov.scripts.audit_verify:main",
            "goov-backup = goov.scripts.backup:backup_main",
            "goov-restore = goov.scripts.backup:restore_main",
            "goov-export = goov.scripts.exportimport:export_main",
            "goov-import = goov.scripts.exportimport:import_main",
        ],
    },
)

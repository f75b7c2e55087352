"""@reports over HTTP: counts, filters, suppression for analysts (including the
subtraction attack on totals), CSV and XLSX with the same numbers, no personal
data anywhere, and only analysts, regisseurs and administrators."""

from goov.demo.data import DEMO_PASSWORD
from io import BytesIO
from plone import api
from plone.dexterity.utils import createContentInContainer

import csv
import datetime
import io
import pytest
import requests
import transaction


SECRET_NAME = "Jozef Geheimnaam"
# (wijk, category, partner, how many) observed in November 2026
SEED = [
    ("01", "drugs", "partner-politie", 7),
    ("01", "woonoverlast", "partner-woningcorporatie", 2),
    ("13", "drugs", "partner-politie", 6),
    ("13", "overig", "partner-handhaving", 1),
]


@pytest.fixture
def seeded(portal):
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        shard = portal["signalen"]
        for wijk, category, partner, count in SEED:
            for n in range(count):
                createContentInContainer(
                    shard,
                    "Signal",
                    checkConstraints=False,
                    category=category,
                    description=f"{SECRET_NAME} gezien, melding {n}",
                    address="Geheime straat 1",
                    wijk=wijk,
                    reporting_partner=partner,
                    observed_at=datetime.datetime(2026, 11, 10, 12, 0),
                    persons=[{"name": SECRET_NAME}],
                )
        createContentInContainer(
            shard,
            "Signal",
            checkConstraints=False,
            category="drugs",
            wijk="01",
            reporting_partner="partner-politie",
            description="oud",
            observed_at=datetime.datetime(2025, 1, 5, 12, 0),
        )
    transaction.commit()


def get(portal, user, path, **params):
    return requests.get(
        f"{portal.absolute_url()}/++api++/@reports/{path}",
        params=params,
        auth=(user, DEMO_PASSWORD),
        headers={"Accept": "application/json"},
        timeout=60,
    )


def cells(body) -> dict:
    groups = body["filters"]["group_by"]
    return {tuple(row[g] for g in groups): row["count"] for row in body["rows"]}


def test_grouping_and_filters_exact_for_regisseur(seeded, portal):
    body = get(
        portal,
        "regisseur",
        "signals",
        group_by="wijk,category",
        **{"from": "2026-11-01"},
    ).json()
    assert cells(body) == {
        ("01", "drugs"): 7,
        ("01", "woonoverlast"): 2,
        ("13", "drugs"): 6,
        ("13", "overig"): 1,
    }
    assert body["total"] == 16
    assert body["filters"]["group_by"] == ["wijk", "category"]
    by_month = get(portal, "regisseur", "signals", group_by="month", wijk="01").json()
    assert cells(by_month) == {("2025-01",): 1, ("2026-11",): 9}
    drugs = get(
        portal, "regisseur", "signals", group_by="partner", category="drugs"
    ).json()
    assert cells(drugs) == {("partner-politie",): 14}


def test_suppression_for_analysts_resists_subtraction(seeded, portal):
    body = get(
        portal, "analist", "signals", group_by="wijk,category", **{"from": "2026-11-01"}
    ).json()
    shown = cells(body)
    assert shown[("01", "woonoverlast")] == "<5"
    assert shown[("13", "overig")] == "<5"
    # The hidden cells hold >= 5 together, so total - visible cells reveals no small count.
    visible = sum(v for v in shown.values() if isinstance(v, int))
    hidden_sum = body["total"] - visible
    assert hidden_sum >= 5
    assert body["suppressed_cells"] >= 2
    # One small cell alone must never be the only hidden one.
    only_one = get(
        portal, "analist", "signals", group_by="wijk", **{"from": "2026-11-01"}
    ).json()
    assert all(
        (isinstance(v, int) and v >= 5) or v == "<5" for v in cells(only_one).values()
    )


def test_csv_and_xlsx_carry_the_same_numbers(seeded, portal):
    params = {"group_by": "wijk,category", "from": "2026-11-01"}
    body = get(portal, "regisseur", "signals", **params).json()
    response = get(portal, "regisseur", "signals", format="csv", **params)
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = [
        r
        for r in csv.DictReader(io.StringIO(response.text))
        if r.get("total") != "total"
    ]
    from_csv = {(r["wijk"], r["category"]): int(r["count"]) for r in rows}
    assert from_csv == cells(body)
    xlsx = get(portal, "regisseur", "signals", format="xlsx", **params)
    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(xlsx.content)).active
    header = [c.value for c in sheet[1]]
    data = [
        dict(zip(header, [c.value for c in row], strict=True))
        for row in sheet.iter_rows(min_row=2)
    ]
    from_xlsx = {
        (r["wijk"], r["category"]): r["count"]
        for r in data
        if r.get("total") != "total"
    }
    assert from_xlsx == cells(body)


@pytest.mark.parametrize("report", ["signals", "dossiers", "actions", "effect"])
@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_no_personal_data_anywhere(seeded, portal, report, fmt):
    params = {"format": fmt, "wijk": "01"} if report == "effect" else {"format": fmt}
    response = get(portal, "regisseur", report, **params)
    assert response.status_code == 200, response.text
    for needle in (SECRET_NAME, "Geheime straat", "Geheimnaam", "gezien"):
        assert needle.encode() not in response.content


@pytest.mark.parametrize(
    "userid", ["politie", "wijkteam", "privacy", "redacteur", None]
)
def test_others_are_refused(seeded, portal, userid):
    auth = (userid, DEMO_PASSWORD) if userid else None
    response = requests.get(
        f"{portal.absolute_url()}/++api++/@reports/signals",
        auth=auth,
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code in (401, 403)


@pytest.mark.parametrize(
    "path,params,field",
    [
        ("signals", {"group_by": "name"}, "group_by"),
        ("signals", {"from": "gisteren"}, "from"),
        ("signals", {"format": "pdf"}, "format"),
        ("effect", {}, "wijk"),
        ("everything", {}, "report"),
    ],
)
def test_bad_parameters(seeded, portal, path, params, field):
    response = get(portal, "analist", path, **params)
    assert response.status_code == 400
    assert field in {e["field"] for e in response.json()["errors"]}


def test_dossier_action_and_effect_reports(portal, as_user):
    regisseur = as_user("regisseur")
    dossier = regisseur.post(
        "dossiers",
        json={
            "@type": "Dossier",
            "title": "X",
            "kind": "location",
            "wijk": "01",
            "legal_basis": "wgs",
            "purpose": "p",
        },
    ).json()
    path = dossier["@id"].split("/plone/", 1)[1]
    regisseur.post(f"{path}/@workflow/analyse")
    regisseur.post(f"{path}/@workflow/activate")
    regisseur.post(
        path,
        json={
            "@type": "Action",
            "title": "a",
            "assigned_partner": "partner-politie",
            "due_date": "2020-01-01",
        },
    )
    body = get(portal, "regisseur", "dossiers").json()
    assert {r["state"]: r["count"] for r in body["by_state"]["rows"]} == {"active": 1}
    actions = get(portal, "regisseur", "actions").json()
    assert actions["rows"][0]["partner"] == "partner-politie"
    assert actions["rows"][0]["overdue"] == 1
    effect = get(portal, "regisseur", "effect", wijk="01").json()
    assert len(effect["activations"]) == 1


@pytest.mark.parametrize("userid", ["analist", "regisseur"])
def test_dashboard_and_pdf(seeded, portal, userid):
    base = portal.absolute_url()
    page = requests.get(f"{base}/@@reports", auth=(userid, DEMO_PASSWORD), timeout=60)
    assert page.status_code == 200
    assert page.text.count("<svg") >= 4
    assert SECRET_NAME not in page.text
    assert "Oude Stad" in page.text  # labels, not colour alone
    pdf = requests.get(
        f"{base}/@@reports.pdf", auth=(userid, DEMO_PASSWORD), timeout=60
    )
    assert pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("userid", ["politie", "privacy", None])
def test_dashboard_refused(seeded, portal, userid):
    auth = (userid, DEMO_PASSWORD) if userid else None
    response = requests.get(
        f"{portal.absolute_url()}/@@reports",
        auth=auth,
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code in (302, 401, 403)

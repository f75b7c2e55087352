"""goov.scripts.portal_call: what the cron and maintenance commands send and how
they report failures (a stub HTTP server; no Zope)."""

from goov.scripts import exportimport
from goov.scripts import portal_call
from http.server import BaseHTTPRequestHandler
from http.server import HTTPServer

import base64
import json
import pytest
import socket
import threading


class Recorder(BaseHTTPRequestHandler):
    seen: list = []
    answer: tuple = (200, {"ok": True})

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        Recorder.seen.append(
            {
                "path": self.path,
                "auth": self.headers["Authorization"],
                "type": self.headers["Content-Type"],
                "body": json.loads(self.rfile.read(length)),
            }
        )
        status, body = Recorder.answer
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(monkeypatch, tmp_path):
    httpd = HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Recorder.seen = []
    Recorder.answer = (200, {"ok": True})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GOOV_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("GOOV_PORT", str(httpd.server_address[1]))
    monkeypatch.setenv("GOOV_HOST", "0.0.0.0")  # calls go to 127.0.0.1
    monkeypatch.setenv("GOOV_ADMIN_PASSWORD", "s3cret")
    yield httpd
    httpd.shutdown()


def test_post_goes_to_the_rest_service_as_admin(server, capsys):
    assert portal_call.post("goov-reminders", "@reminders", {"dry_run": True}) == 0
    (seen,) = Recorder.seen
    assert seen["path"] == "/goov/++api++/@reminders"
    assert seen["auth"] == "Basic " + base64.b64encode(b"admin:s3cret").decode()
    assert seen["type"] == "application/json"
    assert seen["body"] == {"dry_run": True}
    assert json.loads(capsys.readouterr().out) == {"ok": True}


def test_http_error_is_reported_with_the_answer(server, capsys):
    Recorder.answer = (400, {"error": {"message": "date: not a date"}})
    assert portal_call.post("goov-retention", "@retention", {"date": "x"}) == 1
    err = capsys.readouterr().err
    assert "goov-retention" in err and "400" in err and "date: not a date" in err


def test_no_portal_listening(monkeypatch, tmp_path, capsys):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GOOV_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("GOOV_PORT", str(port))
    assert portal_call.post("goov-reminders", "@reminders", {}) == 1
    assert "is the portal running?" in capsys.readouterr().err


def test_bad_settings(monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GOOV_PORT", "not-a-port")
    assert portal_call.post("goov-reminders", "@reminders", {}) == 2
    assert "GOOV_PORT" in capsys.readouterr().err


def test_export_calls_the_view_and_reports_missing_items(server, capsys):
    assert exportimport.export_main([]) == 0
    assert Recorder.seen[-1]["path"] == "/goov/@@goov-export"
    Recorder.answer = (200, {"imported": 3, "missing": ["/goov/x"]})
    assert exportimport.import_main(["goov-20261128"]) == 1
    assert Recorder.seen[-1]["path"] == "/goov/@@goov-import"
    assert Recorder.seen[-1]["body"] == {"directory": "goov-20261128"}
    assert "1 item(s) not imported" in capsys.readouterr().err

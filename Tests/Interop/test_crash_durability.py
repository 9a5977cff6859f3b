"""Nothing acknowledged is lost: a hub killed (SIGKILL) while envelopes stream in still holds, after a
restart, every object its 202 answers reported as a success."""
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid

import requests

from test_taxii_client import indicator

MEDIA = "application/taxii+json;version=2.1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary, *args, stdin=None):
    return subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, check=True).stdout.strip()


class Hub:
    """A hub process of its own on a scratch SQLite database, so this test may kill it."""

    def __init__(self, binary, folder):
        self.binary = binary
        self.database = f"sqlite:{folder}/hub.sqlite"
        self.log = open(os.path.join(folder, "hub.log"), "ab")
        run(binary, "org", "create", "--database", self.database, "--name-ja", "耐障害 鉄道", "--name-en", "Crash Railway", "--kind", "operator", "--sectors", "railways")
        run(binary, "user", "create", "--database", self.database, "--org", "Crash Railway", "--username", "crash-writer", "--role", "analyst", stdin="a-long-enough-password-1\n")
        self.token = run(binary, "token", "create", "--database", self.database, "--user", "crash-writer", "--scopes", "read,write")
        self.collection = run(binary, "collection", "create", "--database", self.database, "--title", "Crash test", "--readers", "Crash Railway", "--writers", "Crash Railway")
        self.process = None

    def start(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen([self.binary, "serve", "--database", self.database, "--port", str(self.port)], stdout=self.log, stderr=self.log)
        for _ in range(150):
            try:
                requests.get(f"{self.url}/health", timeout=1)
                return
            except requests.RequestException:
                time.sleep(0.1)
        raise AssertionError("the hub did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def objects_url(self):
        return f"{self.url}/taxii2/hub/collections/{self.collection}/objects/"


def test_every_acknowledged_object_survives_a_kill(tmp_path):
    hub = Hub(os.environ["KAKEHASHI_BIN"], str(tmp_path))
    headers = {"Authorization": f"Bearer {hub.token}", "Accept": MEDIA, "Content-Type": MEDIA}
    acknowledged = set()
    for cycle in range(3):
        hub.start()
        stop = threading.Event()
        problems = []  # an assertion inside the thread would only print; it is re-raised below

        def post():
            session = requests.Session()
            while not stop.is_set():
                objects = [indicator(n) for n in range(200)]
                try:
                    response = session.post(hub.objects_url(), data=json.dumps({"objects": objects}), headers=headers, timeout=10)
                except requests.RequestException:
                    return  # the hub was killed mid-request: nothing of this envelope was acknowledged
                status = response.json() if response.status_code == 202 else {}
                if response.status_code != 202 or status["failure_count"] or status["pending_count"]:
                    problems.append(f"{response.status_code}: {response.text[:300]}")
                    return
                acknowledged.update(s["id"] for s in status.get("successes", []))

        poster = threading.Thread(target=post)
        poster.start()
        time.sleep(1.0 + 0.4 * cycle)  # several envelopes acknowledged, the kill lands mid-stream
        hub.kill()
        stop.set()
        poster.join()
        assert not problems, problems[0]

    print(f"{len(acknowledged)} objects acknowledged over three kills")
    assert len(acknowledged) >= 400, "the test should have seen several envelopes acknowledged"
    hub.start()
    try:
        stored = set()
        url, params = hub.objects_url(), {"limit": 1000}
        while True:
            page = requests.get(url, params=params, headers=headers, timeout=30)
            assert page.status_code == 200, page.text
            body = page.json()
            stored.update(o["id"] for o in body.get("objects", []))
            if not body.get("more"):
                break
            params = {"limit": 1000, "next": body["next"]}
        missing = acknowledged - stored
        assert not missing, f"{len(missing)} acknowledged objects were lost, e.g. {sorted(missing)[:3]}"
    finally:
        hub.kill()

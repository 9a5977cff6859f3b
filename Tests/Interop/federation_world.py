"""Real processes on loopback for the federation tests: Kakehashi hubs on their own SQLite files, declared to each
other as peers through `kakehashi peer add`, and medallion (the OASIS TAXII 2.1 server) as a foreign peer."""
import base64
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import uuid

import requests

MEDIA = "application/taxii+json;version=2.1"
TLP = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary, *args, stdin=None):
    result = subprocess.run([binary, *args], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"kakehashi {' '.join(args[:2])} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout.strip()


def wait_until_up(url, auth, log_path, what):
    for _ in range(300):
        try:
            requests.get(url, auth=auth, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    with open(log_path) as log:
        raise AssertionError(f"{what} did not start:\n{log.read()[-3000:]}")


def indicator(label, n, ident=None, modified="2026-11-20T00:00:00.000Z", revoked=False, origin="x"):
    """An indicator at TLP `label` (None: unmarked)."""
    obj = {
        "type": "indicator", "spec_version": "2.1", "id": ident or f"indicator--{uuid.uuid4()}",
        "created": "2026-11-20T00:00:00.000Z", "modified": modified,
        "name": f"{origin} 攻撃元 / attacker {n}", "indicator_types": ["malicious-activity"],
        "pattern": f"[ipv4-addr:value = '198.51.{n // 250 % 250}.{n % 250}']", "pattern_type": "stix",
        "valid_from": "2026-11-20T00:00:00Z",
    }
    if label:
        obj["object_marking_refs"] = [TLP[label]]
    if revoked:
        obj["revoked"] = True
    return obj


class Hub:
    """A Kakehashi hub process of its own, which a test may kill and restart on the same database."""

    def __init__(self, binary, folder, name):
        self.binary, self.name = binary, name
        os.makedirs(folder, exist_ok=True)
        self.folder = folder
        self.database = f"sqlite:{folder}/hub.sqlite"
        self.log_path = os.path.join(folder, "hub.log")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.org = f"{name} members"
        self.cli("org", "create", "--name-ja", f"{name} 会員", "--name-en", self.org, "--kind", "isac")
        self.cli("user", "create", "--org", self.org, "--username", f"{name}-writer", "--role", "analyst", stdin=secrets.token_urlsafe(18) + "\n")
        self.token = self.cli("token", "create", "--user", f"{name}-writer", "--scopes", "read,write")
        self.peer_tokens = {}  # the tokens this hub issued to the organisations standing for its peers, by peer name
        self.collection = None
        self.process = None

    def cli(self, command, subcommand, *args, stdin=None):
        """`kakehashi COMMAND SUBCOMMAND --database <this hub's> ARGS…`"""
        return run(self.binary, command, subcommand, "--database", self.database, *args, stdin=stdin)

    def create_collection(self, peer_names, default_tlp="green"):
        orgs = [self.org] + [self.peer_org(p) for p in peer_names]
        for p in peer_names:
            self.cli("org", "create", "--name-ja", f"ピア {p}", "--name-en", self.peer_org(p), "--kind", "isac")
            self.cli("user", "create", "--org", self.peer_org(p), "--username", f"{self.name}-peer-{p}", "--role", "analyst",
                     stdin=secrets.token_urlsafe(18) + "\n")
            self.peer_tokens[p] = self.cli("token", "create", "--user", f"{self.name}-peer-{p}", "--scopes", "read,write")
        self.collection = self.cli("collection", "create", "--title", f"{self.name} exchange", "--readers", ",".join(orgs),
                                   "--writers", ",".join(orgs), "--default-tlp", default_tlp)

    def peer_org(self, peer):
        return f"peer {peer} on {self.name}"

    def declare(self, name, kind, api_root, remote_collection, credential, cap="green", same_community=False,
                direction="both", unmarked_default="green", interval=2):
        path = os.path.join(self.folder, f"{name}.credential")
        with open(path, "w") as f:
            f.write(credential + "\n")
        os.chmod(path, 0o600)
        organisation = self.peer_org(name)
        args = ["peer", "add", "--name", name, "--kind", kind, "--api-root", api_root, "--collection", remote_collection,
                "--local-collection", self.collection, "--organisation", organisation, "--direction", direction,
                "--tlp-cap", cap, "--unmarked-default", unmarked_default, "--interval", str(interval), "--credential-file", path]
        if same_community:
            args.append("--same-community")
        self.cli(*args)

    def start(self):
        log = open(self.log_path, "ab")
        # The peers are on loopback, which a hub does not call unless told.
        self.process = subprocess.Popen([self.binary, "serve", "--database", self.database, "--port", str(self.port), "--outbound-allow", "127.0.0.0/8"],
                                        stdout=log, stderr=log)
        wait_until_up(f"{self.url}/health", None, self.log_path, f"hub {self.name}")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    @property
    def api_root(self):
        return f"{self.url}/taxii2/hub/"

    def objects_url(self):
        return f"{self.api_root}collections/{self.collection}/objects/"

    def session(self, token=None):
        session = requests.Session()
        session.headers.update({"Authorization": f"Bearer {token or self.token}", "Accept": MEDIA, "Content-Type": MEDIA})
        return session

    def post(self, objects):
        response = self.session().post(self.objects_url(), data=json.dumps({"objects": objects}), timeout=30)
        assert response.status_code == 202, response.text
        status = response.json()
        assert status["failure_count"] == 0, status["failures"]
        return status

    def delete(self, object_id):
        response = self.session().delete(f"{self.objects_url()}{object_id}/", timeout=30)
        assert response.status_code == 200, f"{self.name} DELETE {object_id}: {response.status_code} {response.text}"

    def versions(self, token=None):
        """Every (id, modified) version this token may read, with duplicates kept so they can be counted."""
        return list_versions(self.session(token), self.objects_url())

    def all_versions(self):
        """What the hub holds, read as its members and as every organisation that stands for a peer (a wrongly received
        RED version would be visible to its producer, the peer's organisation)."""
        seen = {}
        for token in [self.token, *self.peer_tokens.values()]:
            for key, obj in list_versions(self.session(token), self.objects_url()):
                seen.setdefault(key, obj)
        return seen


def list_versions(session, url, basic=None):
    out, params = [], {"match[version]": "all", "limit": "1000"}
    while True:
        response = session.get(url, params=params, timeout=60, auth=basic)
        assert response.status_code == 200, f"{url}: {response.status_code} {response.text[:300]}"
        if not response.text.strip():
            return out
        envelope = response.json()
        for obj in envelope.get("objects", []):
            out.append(((obj["id"], obj.get("modified", obj.get("created"))), obj))
        if not envelope.get("more"):
            return out
        params = {"match[version]": "all", "limit": "1000", "next": envelope["next"]}


class Medallion:
    """medallion 3 with its memory backend: one API root and one collection, user `fed` with a random password."""

    def __init__(self, python, folder):
        os.makedirs(folder, exist_ok=True)
        self.collection = str(uuid.uuid4())
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        data = {
            "/discovery": {"title": "partner CERT", "default": f"{self.base}/partner/", "api_roots": [f"{self.base}/partner/"]},
            "partner": {
                "information": {"title": "partner CERT", "versions": [MEDIA], "max_content_length": 64 * 1024 * 1024},
                "status": [],
                "collections": [{"id": self.collection, "title": "Partner feed", "can_read": True, "can_write": True,
                                 "media_types": ["application/stix+json;version=2.1"], "objects": [], "manifest": []}],
            },
        }
        with open(f"{folder}/data.json", "w") as f:
            json.dump(data, f)
        self.password = secrets.token_urlsafe(12)
        config = {"backend": {"module": "medallion.backends.memory_backend", "module_class": "MemoryBackend", "filename": f"{folder}/data.json",
                              "session_timeout": 86400, "check_interval": 3600},
                  "users": {"fed": self.password}, "taxii": {"max_page_size": 1000}}
        with open(f"{folder}/config.json", "w") as f:
            json.dump(config, f)
        self.log_path = f"{folder}/medallion.log"
        self.process = subprocess.Popen([python, "-m", "medallion.scripts.run", "--port", str(self.port), "--log-level", "ERROR", f"{folder}/config.json"],
                                        stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT)
        wait_until_up(f"{self.base}/taxii2/", ("fed", self.password), self.log_path, "medallion")

    @property
    def api_root(self):
        return f"{self.base}/partner/"

    @property
    def credential(self):
        return f"fed:{self.password}"

    def objects_url(self):
        return f"{self.api_root}collections/{self.collection}/objects/"

    def session(self):
        session = requests.Session()
        session.headers.update({"Accept": MEDIA, "Content-Type": MEDIA,
                                "Authorization": "Basic " + base64.b64encode(self.credential.encode()).decode()})
        return session

    def post(self, objects):
        response = self.session().post(self.objects_url(), data=json.dumps({"objects": objects}), timeout=30)
        assert response.status_code == 202, response.text

    def versions(self):
        return list_versions(self.session(), self.objects_url())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

"""Federation with a foreign TAXII 2.1 server: medallion (the OASIS reference server, memory backend) is
declared as a peer of a live hub, which pulls from it and pushes to it. What crosses is checked with
taxii2-client on medallion's side and over TAXII on the hub's: the caps hold both ways, nothing goes back
to where it came from, and objects cross unchanged."""
import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid

import requests
from taxii2client.v21 import Collection

from test_crash_durability import Hub, free_port, run
from test_taxii_client import assert_valid, indicator

MEDIA = "application/taxii+json;version=2.1"
TLP = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
MEDALLION_COLLECTION = "365fed99-08fa-fdcd-a1b3-fb247eb41d01"


def marked(n, level):
    obj = indicator(n)
    obj["object_marking_refs"] = [TLP[level]]
    return obj


class Medallion:
    """medallion on a free port, with one readable and writable collection and a user of its own."""

    def __init__(self, folder):
        self.port = free_port()
        self.root = f"http://127.0.0.1:{self.port}/api1/"
        self.user, self.password = "kakehashi", uuid.uuid4().hex
        data = {
            "/discovery": {"title": "medallion", "default": self.root, "api_roots": [self.root]},
            "api1": {
                "information": {"title": "api1", "versions": [MEDIA], "max_content_length": 104857600},
                "status": [],
                "collections": [{"id": MEDALLION_COLLECTION, "title": "shared", "can_read": True, "can_write": True,
                                 "media_types": ["application/stix+json;version=2.1"], "objects": [], "manifest": []}],
            },
        }
        data_path = os.path.join(folder, "medallion-data.json")
        with open(data_path, "w") as f:
            json.dump(data, f)
        config = {
            "backend": {"module": "medallion.backends.memory_backend", "module_class": "MemoryBackend", "filename": data_path},
            "users": {self.user: self.password},
            "taxii": {"max_page_size": 100},
        }
        config_path = os.path.join(folder, "medallion.json")
        with open(config_path, "w") as f:
            json.dump(config, f)
        medallion = os.path.join(os.path.dirname(sys.executable), "medallion")
        self.log = open(os.path.join(folder, "medallion.log"), "ab")
        self.process = subprocess.Popen([medallion, "--port", str(self.port), config_path], stdout=self.log, stderr=self.log)
        for _ in range(100):
            try:
                requests.get(self.root, auth=(self.user, self.password), timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)
        self.collection = Collection(f"{self.root}collections/{MEDALLION_COLLECTION}/", user=self.user, password=self.password)

    def objects(self):
        found, kwargs = [], {"match[version]": "all"}
        envelope = self.collection.get_objects(**kwargs)
        found += envelope.get("objects", [])
        while envelope.get("more"):
            envelope = self.collection.get_objects(next=envelope["next"], **kwargs)
            found += envelope.get("objects", [])
        return found

    def stop(self):
        self.process.terminate()
        self.process.wait()


def declare_peer(database_path, *, medallion, collection, organisation, credential_env):
    """Declares medallion as a peer in the hub's database, as `kakehashi peer add` would."""
    peer = str(uuid.uuid4())
    now = int(time.time() * 1_000_000)
    with sqlite3.connect(database_path) as db:
        db.execute(
            "INSERT INTO peers (id, name, kind, api_root, remote_collection, credential, direction, local_collection, organisation_id,"
            " tlp_cap, same_community, unmarked_default, interval_seconds, paused, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (peer, "medallion", "taxii", medallion.root, MEDALLION_COLLECTION, f"env:{credential_env}", "both", collection, organisation,
             "green", 0, "amber", 1, 0, now))
        db.execute(
            "INSERT INTO peer_state (peer_id, push_cursor, pull_deletion_cursor, push_deletion_cursor, consecutive_failures, sent, received,"
            " refused, lag_objects, lag_millis) VALUES (?,0,0,0,0,0,0,0,0,0)", (peer,))
    return peer


def hub_objects(hub, headers):
    found, params = [], {"limit": 1000, "match[version]": "all"}
    while True:
        page = requests.get(hub.objects_url(), params=params, headers=headers, timeout=30)
        assert page.status_code == 200, page.text
        body = page.json()
        found += body.get("objects", [])
        if not body.get("more"):
            return found
        params = {"limit": 1000, "match[version]": "all", "next": body["next"]}


def eventually(condition, what, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"not reached within {seconds} s: {what}")


def test_medallion_is_pulled_from_and_pushed_to_within_the_caps(tmp_path):
    binary = os.environ["KAKEHASHI_BIN"]
    medallion = Medallion(str(tmp_path))
    hub = Hub(binary, str(tmp_path))
    try:
        stand_in = run(binary, "org", "create", "--database", hub.database, "--name-ja", "メダリオン", "--name-en", "Medallion Peer", "--kind", "isac")
        database_path = hub.database.removeprefix("sqlite:")
        collection = run(binary, "collection", "create", "--database", hub.database, "--title", "Federated", "--readers", "Crash Railway,Medallion Peer",
                         "--writers", "Crash Railway,Medallion Peer")
        hub.collection = collection
        peer = declare_peer(database_path, medallion=medallion, collection=collection, organisation=stand_in, credential_env="MEDALLION_CREDENTIAL")

        theirs = {level: marked(n, level) for n, level in enumerate(["clear", "green", "amber"], start=1)}
        medallion.collection.add_objects({"objects": list(theirs.values())})
        ours = {level: marked(n, level) for n, level in enumerate(["clear", "green", "amber", "red"], start=11)}
        headers = {"Authorization": f"Bearer {hub.token}", "Accept": MEDIA, "Content-Type": MEDIA}

        os.environ["MEDALLION_CREDENTIAL"] = f"{medallion.user}:{medallion.password}"
        hub.process = subprocess.Popen([binary, "serve", "--database", hub.database, "--port", str(free_port_for(hub)), "--outbound-allow", "127.0.0.1/32"],
                                       stdout=hub.log, stderr=hub.log, env=dict(os.environ))
        wait_for(hub)
        posted = requests.post(hub.objects_url(), data=json.dumps({"objects": list(ours.values())}), headers=headers, timeout=30)
        assert posted.status_code == 202 and posted.json()["success_count"] == 4, posted.text

        at_hub = eventually(lambda: (lambda found: found if {o["id"] for o in found} >= {theirs["clear"]["id"], theirs["green"]["id"]} else None)(hub_objects(hub, headers)),
                            "the hub pulled medallion's CLEAR and GREEN objects")
        at_medallion = eventually(lambda: (lambda found: found if {o["id"] for o in found} >= {ours["clear"]["id"], ours["green"]["id"]} else None)(medallion.objects()),
                                  "medallion was pushed the hub's CLEAR and GREEN objects")
        time.sleep(2.5)  # two more rounds: nothing else may cross
        at_hub, at_medallion = hub_objects(hub, headers), medallion.objects()

        hub_ids = [o["id"] for o in at_hub]
        medallion_ids = [o["id"] for o in at_medallion]
        assert theirs["amber"]["id"] not in hub_ids, "AMBER above the peer's cap GREEN is refused on the way in"
        assert ours["amber"]["id"] not in medallion_ids and ours["red"]["id"] not in medallion_ids, "AMBER and RED never reach the peer"
        assert len(medallion_ids) == len(set(medallion_ids)) == 5, f"medallion holds its own 3 and the hub's 2, each once: {medallion_ids}"
        assert len(hub_ids) == len(set(hub_ids)), "no duplicates at the hub"
        pulled = {o["id"]: o for o in at_hub}
        assert pulled[theirs["green"]["id"]] == theirs["green"], "objects cross unchanged"
        pushed = {o["id"]: o for o in at_medallion}
        assert pushed[ours["clear"]["id"]] == ours["clear"], "objects cross unchanged"
        assert_valid(at_hub)

        with sqlite3.connect(database_path) as db:
            state = db.execute("SELECT received, sent, refused, last_error FROM peer_state WHERE peer_id = ?", (peer,)).fetchone()
            codes = sorted(row[0] for row in db.execute("SELECT code FROM peer_refusals WHERE peer_id = ?", (peer,)))
            audits = db.execute("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'federation.%'").fetchone()[0]
        received, sent, refused, last_error = state
        assert received == 2 and sent == 2, state
        assert last_error is None, last_error
        assert "amber-outside-community" in codes and "red-never-leaves" in codes and "peer-in-chain" in codes, codes
        assert audits >= 2
    finally:
        if hub.process:
            hub.kill()
        medallion.stop()


def free_port_for(hub):
    hub.port = free_port()
    hub.url = f"http://127.0.0.1:{hub.port}"
    return hub.port


def wait_for(hub):
    for _ in range(150):
        try:
            requests.get(f"{hub.url}/health", timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise AssertionError("the hub did not start")

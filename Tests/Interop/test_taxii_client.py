"""The OASIS taxii2-client drives every TAXII 2.1 endpoint of a live hub; stix2-validator judges what comes back."""
import datetime
import json
import time
import uuid

import pytest
import requests
from stix2validator import ValidationOptions, validate_instance
from taxii2client.v21 import ApiRoot, Collection, Server, as_pages

OPTIONS = ValidationOptions(version="2.1")


def indicator(n, modified="2026-11-20T00:00:00.000Z", ident=None):
    return {
        "type": "indicator",
        "spec_version": "2.1",
        "id": ident or f"indicator--{uuid.uuid4()}",
        "created": "2026-11-20T00:00:00.000Z",
        "modified": modified,
        "name": f"攻撃元アドレス / attacker address {n}",
        "description": "港湾ターミナルへのVPN不正ログイン元 (VPN log-ins against a port terminal)",
        "indicator_types": ["malicious-activity"],
        "pattern": f"[ipv4-addr:value = '203.0.113.{n % 250}']",
        "pattern_type": "stix",
        "valid_from": "2026-11-20T00:00:00Z",
        "object_marking_refs": ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"],
    }


def assert_valid(objects):
    for obj in objects:
        result = validate_instance(obj, OPTIONS)
        assert result.is_valid, f"{obj['id']}: {[str(e) for e in result.errors]}"


def collection_for(hub, token):
    return Collection(f"{hub['url']}/taxii2/hub/collections/{hub['collection']}/", user="taxii", password=token)


def test_discovery_api_root_and_collections(hub):
    server = Server(f"{hub['url']}/taxii2/", user="taxii", password=hub["token"])
    assert server.title
    assert len(server.api_roots) == 1
    root = server.api_roots[0]
    assert "application/taxii+json;version=2.1" in root.versions
    assert root.max_content_length > 0
    ids = [c.id for c in root.collections]
    assert hub["collection"] in ids
    collection = next(c for c in root.collections if c.id == hub["collection"])
    assert collection.can_read and collection.can_write


def test_add_poll_status_and_page_with_next(hub):
    collection = collection_for(hub, hub["token"])
    objects = [indicator(n) for n in range(35)]
    status = collection.add_objects({"objects": objects})
    status.wait_until_final(poll_interval=0.2, timeout=10)
    assert status.status == "complete"
    assert status.success_count == 35 and status.failure_count == 0
    status.refresh()
    assert status.success_count == 35

    wanted = {o["id"] for o in objects}
    seen = []
    for envelope in as_pages(collection.get_objects, per_request=10):
        page = envelope.get("objects", [])
        assert len(page) <= 10
        assert_valid(page)
        seen.extend(o["id"] for o in page)
    assert wanted <= set(seen)
    assert len(seen) == len(set(seen)), "paging never repeats an object"


def test_mixed_envelope_reports_each_failure(hub):
    collection = collection_for(hub, hub["token"])
    bad = indicator(1)
    del bad["pattern"]
    status = collection.add_objects({"objects": [indicator(2), bad]})
    assert status.success_count == 1 and status.failure_count == 1
    failure = status.failures[0]
    assert failure["id"] == bad["id"] and "pattern" in failure["message"]


def test_manifest_versions_get_and_delete(hub):
    collection = collection_for(hub, hub["token"])
    ident = f"indicator--{uuid.uuid4()}"
    versions = ["2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z"]
    collection.add_objects({"objects": [indicator(9, v, ident) for v in versions]})

    manifest = collection.get_manifest(id=ident, version="all")
    assert sorted(m["version"] for m in manifest["objects"]) == versions
    assert all(m["media_type"] == "application/stix+json;version=2.1" for m in manifest["objects"])

    listed = collection.object_versions(ident)
    assert sorted(listed["versions"]) == versions

    latest = collection.get_object(ident)
    assert [o["modified"] for o in latest["objects"]] == [versions[-1]]
    assert_valid(latest["objects"])
    assert latest["objects"][0]["name"].startswith("攻撃元アドレス")

    collection.delete_object(ident)
    with pytest.raises(requests.exceptions.HTTPError) as gone:
        collection.get_object(ident)
    assert gone.value.response.status_code == 404


def test_reader_cannot_write_and_filters_work(hub):
    reader = collection_for(hub, hub["reader_token"])
    assert reader.can_read and not reader.can_write
    after = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    time.sleep(0.01)
    writer = collection_for(hub, hub["token"])
    fresh = [indicator(n) for n in range(3)]
    writer.add_objects({"objects": fresh})
    newer = reader.get_objects(added_after=after)
    assert {o["id"] for o in newer["objects"]} == {o["id"] for o in fresh}
    typed = reader.get_objects(type="malware")
    assert typed.get("objects", []) == []
    with pytest.raises(Exception):
        reader.add_objects({"objects": [indicator(1)]})


def test_export_bundle_and_event_stream_pass_the_validator(hub):
    collection = collection_for(hub, hub["token"])
    unmarked = indicator(7)
    del unmarked["object_marking_refs"]
    clear = indicator(8)
    clear["object_marking_refs"] = ["marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"]
    status = collection.add_objects({"objects": [unmarked, clear]})
    assert status.status == "complete" and status.success_count == 2
    headers = {"Authorization": f"Bearer {hub['token']}"}
    base = f"{hub['url']}/api/v1/collections/{hub['collection']}"

    exported = requests.get(f"{base}/export", headers=headers, timeout=30)
    assert exported.status_code == 200 and exported.headers["Content-Type"].startswith("application/stix+json")
    bundle = exported.json()
    assert bundle["type"] == "bundle"
    by_id = {obj["id"]: obj for obj in bundle["objects"]}
    assert by_id[unmarked["id"]]["object_marking_refs"] == ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"], \
        "an unmarked object leaves labelled with the collection's default, TLP:AMBER"
    result = validate_instance(bundle, OPTIONS)
    assert result.is_valid, [str(e) for e in result.errors]

    stream = requests.get(f"{base}/stream", params={"wait": 0}, headers={**headers, "Last-Event-ID": "0"}, timeout=30)
    assert stream.status_code == 200 and stream.headers["Content-Type"].startswith("text/event-stream")
    events = [block for block in stream.text.split("\n\n") if "event: stix-object" in block]
    objects = [json.loads(next(line[6:] for line in block.split("\n") if line.startswith("data: "))) for block in events]
    assert {unmarked["id"], clear["id"]} <= {obj["id"] for obj in objects}
    assert_valid(objects)

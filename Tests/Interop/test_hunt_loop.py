"""The hunting loop end to end: indicators shared on the hub, `kakehashi hunt` at the operator over its
own Zeek log (indicators fetched from the hub over TAXII), and only STIX sightings posted back."""
import json
import os
import pathlib
import subprocess
import tempfile
import uuid

from stix2validator import ValidationOptions, validate_instance
from taxii2client.v21 import Collection

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "KakehashiHuntTests" / "Fixtures" / "logs"


def test_hunt_fetches_indicators_and_reports_only_sightings(hub):
    collection = Collection(f"{hub['url']}/taxii2/hub/collections/{hub['collection']}/", user="taxii", password=hub["token"])
    ident = f"indicator--{uuid.uuid4()}"
    collection.add_objects({"objects": [{
        "type": "indicator", "spec_version": "2.1", "id": ident,
        "created": "2026-11-26T00:00:00.000Z", "modified": "2026-11-26T00:00:00.000Z",
        "name": "C2 server", "indicator_types": ["malicious-activity"],
        "pattern": "[ipv4-addr:value = '198.51.100.23']", "pattern_type": "stix",
        "valid_from": "2025-01-01T00:00:00Z",
    }]})

    with tempfile.TemporaryDirectory() as work:
        token_file = pathlib.Path(work) / "token"
        token_file.write_text(hub["token"])
        out = pathlib.Path(work) / "sightings.json"
        result = subprocess.run(
            [os.environ["KAKEHASHI_BIN"], "hunt", "--hub", hub["url"], "--collection", hub["collection"],
             "--token-file", str(token_file), "--logs", str(FIXTURES / "conn.log"), "--out", str(out), "--report"],
            capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        bundle = json.loads(out.read_text())

    sightings = [o for o in bundle["objects"] if o["type"] == "sighting"]
    assert [s["sighting_of_ref"] for s in sightings] == [ident]
    for obj in bundle["objects"]:
        report = validate_instance(obj, ValidationOptions(version="2.1"))
        assert report.is_valid, [str(e) for e in report.errors]
    posted = collection.get_objects(type="sighting")
    assert {o["sighting_of_ref"] for o in posted["objects"]} == {ident}
    assert "CHhAvVGS1DHFjwGM9" not in json.dumps(posted), "no raw log content reaches the hub"

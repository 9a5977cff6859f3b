"""Detection packs end to end: indicators shared on the hub over TAXII, `kakehashi detections pull` at the
operator, and every generated Suricata rule read by two real rule parsers from PyPI (suricataparser and
idstools, MISP#5766); no SID twice, and the same SIDs on a second, fresh pull (MISP#6379)."""
import os
import pathlib
import re
import subprocess
import tempfile
import urllib.request
import uuid

from idstools import rule as idstools_rule
from suricataparser import parse_rule
from taxii2client.v21 import Collection

TRICKY = [
    ("[ipv4-addr:value = '198.51.100.77']", 'C2 "primary"; backup\\relay'),
    ("[ipv4-addr:value = '203.0.113.0/24']", "bullet-proof hosting | range"),
    ("[ipv6-addr:value = '2001:DB8:0:0::42']", "IPv6 C2"),
    ("[domain-name:value = 'Login-Verify.Example.']", "phishing; login"),
    ("[url:value = 'http://evil.example:8080/a;b?c=\"d\"|e']", "URL with ; \" and |"),
    ("[ipv4-addr:value = '198.51.100.78' OR domain-name:value = 'c2.example']", "鉄道を狙うC2"),
    ("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']", "dropper (no inline rule)"),
    ("[ipv4-addr:value = '198.51.100.79'] WITHIN 60 SECONDS", "windowed"),
]


def share(hub):
    collection = Collection(f"{hub['url']}/taxii2/hub/collections/{hub['collection']}/", user="taxii", password=hub["token"])
    objects = []
    for pattern, name in TRICKY:
        objects.append({
            "type": "indicator", "spec_version": "2.1", "id": f"indicator--{uuid.uuid4()}",
            "created": "2026-11-26T00:00:00.000Z", "modified": "2026-11-26T00:00:00.000Z",
            "name": name, "indicator_types": ["malicious-activity"], "pattern": pattern, "pattern_type": "stix",
            "valid_from": "2025-01-01T00:00:00Z",
        })
    collection.add_objects({"objects": objects})
    return objects


def pull(hub, out, token_file):
    result = subprocess.run(
        [os.environ["KAKEHASHI_BIN"], "detections", "pull", "--hub", hub["url"], "--collection", hub["collection"],
         "--token-file", str(token_file), "--out", str(out), "--format", "suricata,zeek", "--sid-base", "7100000", "--sid-count", "10000"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return (out / "kakehashi.rules").read_text(), result.stderr


def rules_of(text):
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_every_generated_rule_parses_and_sids_are_unique_and_stable(hub):
    share(hub)
    with tempfile.TemporaryDirectory() as work:
        token_file = pathlib.Path(work) / "token"
        token_file.write_text(hub["reader_token"])
        first, stderr = pull(hub, pathlib.Path(work) / "a", token_file)
        assert "not translatable" in stderr

        rules = rules_of(first)
        assert len(rules) >= 7, first
        sids = []
        for text in rules:
            parsed = parse_rule(text)
            assert parsed is not None, text
            assert parsed.action == "alert"
            sids.append(int(parsed.sid))
            checked = idstools_rule.parse(text)
            assert checked is not None, text
            assert checked.sid == parsed.sid
            assert checked.msg.startswith("KAKEHASHI ")
        assert len(set(sids)) == len(sids), "no SID twice"
        assert all(7_100_000 <= sid < 7_110_000 for sid in sids)
        assert not re.search(r"d41d8cd98f00b204e9800998ecf8427e", first), "a file hash has no inline rule"

        second, _ = pull(hub, pathlib.Path(work) / "b", token_file)
        by_rule = lambda text: {re.sub(r"sid:\d+;", "", r): re.search(r"sid:(\d+);", r).group(1) for r in rules_of(text)}
        assert by_rule(second) == by_rule(first), "a fresh pull gives every rule the same SID"

        intel = (pathlib.Path(work) / "a" / "kakehashi.intel").read_text().splitlines()
        assert intel[0] == "#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\tmeta.url"
        assert all(len(line.split("\t")) == 5 for line in intel[1:])
        assert any(line.startswith("login-verify.example\tIntel::DOMAIN\t") for line in intel)


def test_the_endpoint_counts_what_it_cannot_translate(hub):
    share(hub)
    request = urllib.request.Request(f"{hub['url']}/api/v1/collections/{hub['collection']}/detections?format=suricata",
                                     headers={"Authorization": f"Bearer {hub['reader_token']}"})
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read().decode()
        assert int(response.headers["X-Kakehashi-Untranslatable"]) >= 2
        assert re.fullmatch(r"\d+\.\d+", response.headers["X-Kakehashi-Cursor"])
    for text in rules_of(body):
        assert parse_rule(text) is not None, text

"""Federation benchmark: how fast one hub takes a collection from a peer, and medallion beside it.

Runs, each on loopback in a fresh folder:
1. hub to hub: a source hub holds N generated indicators (TLP:GREEN); a second hub, with the source declared
   as a TAXII peer (pull), starts and takes them all; timed from its start to the last object committed.
2. medallion as a source: medallion (memory backend) holds M objects; a hub pulls them.
3. medallion as a sink: a hub holds M objects and pushes them to medallion, following each status.
The rates are objects per second of wall time; the sink's peak memory is read from /proc.

Until `kakehashi peer add` lands the peers are declared by writing their rows into the sink's SQLite file,
exactly as the command would store them.
"""
import argparse
import base64
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

import requests

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "taxii"))
from taxii_bench import ServerProcess, free_port, ingest, start_kakehashi, start_medallion, wait_until_up  # noqa: E402


def declare_peer(db_path, *, api_root, remote_collection, credential_env, direction, collection, organisation):
    peer = str(uuid.uuid4())
    with sqlite3.connect(db_path) as db:
        db.execute(
            "INSERT INTO peers (id, name, kind, api_root, remote_collection, credential, direction, local_collection, organisation_id,"
            " tlp_cap, same_community, unmarked_default, interval_seconds, paused, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (peer, "bench-peer", "taxii", api_root, remote_collection, f"env:{credential_env}", direction, collection, organisation,
             "green", 0, "amber", 1, 0, int(time.time() * 1e6)))
        db.execute("INSERT INTO peer_state (peer_id, push_cursor, pull_deletion_cursor, push_deletion_cursor, consecutive_failures, sent, received,"
                   " refused, lag_objects, lag_millis) VALUES (?,0,0,0,0,0,0,0,0,0)", (peer,))
    return peer


def prepare_hub(binary, folder):
    """A hub's database with a stand-in organisation for the peer and one collection; not started."""
    db = f"sqlite:{folder}/hub.sqlite"

    def cli(*args):
        return subprocess.run([binary, *args, "--database", db], capture_output=True, text=True, check=True).stdout.strip()

    organisation = cli("org", "create", "--name-ja", "ピア", "--name-en", "Bench Peer", "--kind", "isac")
    collection = cli("collection", "create", "--title", "Federated", "--readers", "Bench Peer", "--writers", "Bench Peer")
    return db, organisation, collection


def start_hub(binary, folder, db, env):
    port = free_port()
    log_path = f"{folder}/hub.log"
    popen = subprocess.Popen([binary, "serve", "--database", db, "--port", str(port), "--outbound-allow", "127.0.0.1/32"],
                             stdout=open(log_path, "w"), stderr=subprocess.STDOUT, env={**os.environ, **env})
    return ServerProcess(popen), log_path


def wait_for_count(db_path, peer, column, expected, budget, server, log_path):
    started = time.perf_counter()
    count = 0
    while time.perf_counter() - started < budget:
        with sqlite3.connect(db_path, timeout=10) as db:
            count, error = db.execute(f"SELECT {column}, last_error FROM peer_state WHERE peer_id = ?", (peer,)).fetchone()
        if count >= expected:
            return {"objects": count, "seconds": time.perf_counter() - started, "complete": True, "peak_rss_mb": server.peak_rss_mb(), "cpu": server.cpu_seconds()}
        if server.popen.poll() is not None:
            with open(log_path) as log:
                raise SystemExit(f"the hub stopped:\n{log.read()[-3000:]}")
        time.sleep(0.2)
    return {"objects": count, "seconds": budget, "complete": False, "peak_rss_mb": server.peak_rss_mb(), "cpu": server.cpu_seconds(), "last_error": error}


def session_token(session):
    return session.headers["Authorization"].split(" ", 1)[1]


def hub_to_hub(binary, size, budget, scratch):
    source_dir, sink_dir = tempfile.mkdtemp(prefix="fed-src-", dir=scratch), tempfile.mkdtemp(prefix="fed-sink-", dir=scratch)
    source, session, url = start_kakehashi(binary, source_dir)
    sink = None
    try:
        ingest(session, url, size, 1000)
        api_root, remote = url.split("collections/")[0], url.split("collections/")[1].split("/")[0]
        db, organisation, collection = prepare_hub(binary, sink_dir)
        peer = declare_peer(db.removeprefix("sqlite:"), api_root=api_root, remote_collection=remote, credential_env="BENCH_PEER_TOKEN",
                            direction="pull", collection=collection, organisation=organisation)
        sink, log_path = start_hub(binary, sink_dir, db, {"BENCH_PEER_TOKEN": session_token(session)})
        return wait_for_count(db.removeprefix("sqlite:"), peer, "received", size, budget, sink, log_path)
    finally:
        for server in (source, sink):
            if server:
                server.stop()
        shutil.rmtree(source_dir, ignore_errors=True)
        shutil.rmtree(sink_dir, ignore_errors=True)


def medallion_source(binary, python, size, budget, scratch):
    medallion_dir, hub_dir = tempfile.mkdtemp(prefix="fed-med-", dir=scratch), tempfile.mkdtemp(prefix="fed-hub-", dir=scratch)
    medallion, session, url = start_medallion(python, medallion_dir)
    hub = None
    try:
        ingest(session, url, size, 1000)
        api_root, remote = url.split("collections/")[0], url.split("collections/")[1].split("/")[0]
        credential = base64.b64decode(session_token(session)).decode()
        db, organisation, collection = prepare_hub(binary, hub_dir)
        peer = declare_peer(db.removeprefix("sqlite:"), api_root=api_root, remote_collection=remote, credential_env="BENCH_PEER_TOKEN",
                            direction="pull", collection=collection, organisation=organisation)
        hub, log_path = start_hub(binary, hub_dir, db, {"BENCH_PEER_TOKEN": credential})
        return wait_for_count(db.removeprefix("sqlite:"), peer, "received", size, budget, hub, log_path)
    finally:
        for server in (medallion, hub):
            if server:
                server.stop()
        shutil.rmtree(medallion_dir, ignore_errors=True)
        shutil.rmtree(hub_dir, ignore_errors=True)


def medallion_sink(binary, python, size, budget, scratch):
    medallion_dir, hub_dir = tempfile.mkdtemp(prefix="fed-med-", dir=scratch), tempfile.mkdtemp(prefix="fed-hub-", dir=scratch)
    medallion, session, url = start_medallion(python, medallion_dir)
    hub = None
    try:
        api_root, remote = url.split("collections/")[0], url.split("collections/")[1].split("/")[0]
        credential = base64.b64decode(session_token(session)).decode()
        db, organisation, collection = prepare_hub(binary, hub_dir)
        # The objects are posted to the hub over TAXII before the peer is declared; the service finds it at its next reload.
        subprocess.run([binary, "user", "create", "--database", db, "--org", "Bench Peer", "--username", "bench-writer", "--role", "analyst"],
                       input=secrets.token_urlsafe(18) + "\n", capture_output=True, text=True, check=True)
        token = subprocess.run([binary, "token", "create", "--database", db, "--user", "bench-writer", "--scopes", "read,write"],
                               capture_output=True, text=True, check=True).stdout.strip()
        hub, log_path = start_hub(binary, hub_dir, db, {"BENCH_PEER_TOKEN": credential})
        port = int(hub.popen.args[hub.popen.args.index("--port") + 1])
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/health", None, log_path, "the hub")
        writer = requests.Session()
        writer.headers["Authorization"] = f"Bearer {token}"
        ingest(writer, f"{base}/taxii2/hub/collections/{collection}/objects/", size, 1000)
        peer = declare_peer(db.removeprefix("sqlite:"), api_root=api_root, remote_collection=remote, credential_env="BENCH_PEER_TOKEN",
                            direction="push", collection=collection, organisation=organisation)
        return wait_for_count(db.removeprefix("sqlite:"), peer, "sent", size, budget, hub, log_path)
    finally:
        for server in (medallion, hub):
            if server:
                server.stop()
        shutil.rmtree(medallion_dir, ignore_errors=True)
        shutil.rmtree(hub_dir, ignore_errors=True)


def describe(name, result):
    rate = result["objects"] / result["seconds"] if result["seconds"] else 0
    done = "" if result["complete"] else f" (incomplete within {result['seconds']:.0f} s: {result.get('last_error')})"
    print(f"{name:<28} {result['objects']:>9,} objects in {result['seconds']:7.1f} s = {rate:9,.0f} obj/s, hub peak RSS {result['peak_rss_mb']:.0f} MB{done}")
    return rate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kakehashi", required=True)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--size", type=int, default=100_000, help="objects for the hub-to-hub run")
    parser.add_argument("--compare", type=int, default=10_000, help="objects for the medallion runs (0 skips them)")
    parser.add_argument("--budget", type=float, default=600)
    parser.add_argument("--scratch", default=tempfile.gettempdir())
    parser.add_argument("--json")
    args = parser.parse_args()
    results = {"hub_to_hub": hub_to_hub(args.kakehashi, args.size, args.budget, args.scratch)}
    hub_rate = describe(f"hub → hub ({args.size:,})", results["hub_to_hub"])
    if args.compare:
        results["hub_to_hub_compare"] = hub_to_hub(args.kakehashi, args.compare, args.budget, args.scratch) if args.compare != args.size else results["hub_to_hub"]
        compare_rate = describe(f"hub → hub ({args.compare:,})", results["hub_to_hub_compare"])
        results["medallion_source"] = medallion_source(args.kakehashi, args.python, args.compare, args.budget, args.scratch)
        source_rate = describe(f"medallion → hub ({args.compare:,})", results["medallion_source"])
        results["medallion_sink"] = medallion_sink(args.kakehashi, args.python, args.compare, args.budget, args.scratch)
        sink_rate = describe(f"hub → medallion ({args.compare:,})", results["medallion_sink"])
        if source_rate:
            print(f"hub → hub is {compare_rate / source_rate:.1f}× medallion → hub")
        if sink_rate:
            print(f"hub → hub is {compare_rate / sink_rate:.1f}× hub → medallion")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()

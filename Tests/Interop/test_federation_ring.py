"""Federation on real processes: three Kakehashi hubs that all exchange both ways (A→B→C→A and back), and medallion, the
OASIS TAXII 2.1 server, as a foreign peer of A, pulled from and pushed to. A generated mix of every TLP label, unmarked
objects, new versions, revocations and deletions at the origin; hub B is killed with SIGKILL mid-exchange and restarted.

Required: 0 duplicates, 0 losses, nothing above a peer's cap (RED and AMBER+STRICT never leave their hub, AMBER only
between the two hubs declared to be one community), convergence within 60 s of the restart, and what each hub serves
is clean for taxii2-client and stix2-validator."""
import os
import time

from stix2validator import ValidationOptions, validate_instance
from taxii2client.v21 import Collection

from federation_world import Hub, Medallion, indicator

LABELS = ["clear", "green", "amber", "amber+strict", "red", None]
LEAVES = {"clear", "green", None}  # what crosses to any peer (collections default to GREEN; peers apply GREEN to unmarked)
COMMUNITY = {"A", "B"}  # declared to each other as one community, with an AMBER cap
CONVERGE_SECONDS = 60


class Ledger:
    """What was made where, so the expected holdings of every hub can be worked out."""

    def __init__(self):
        self.versions = {}  # (id, modified) -> (origin, label)
        self.deleted = set()  # object ids deleted at their origin

    def make(self, hub, label, n, **kwargs):
        obj = indicator(label, n, origin=hub.name if hasattr(hub, "name") else "medallion", **kwargs)
        self.versions[(obj["id"], obj["modified"])] = (getattr(hub, "name", "M"), label)
        return obj

    def expected(self, holder):
        out = set()
        for key, (origin, label) in self.versions.items():
            if key[0] in self.deleted:
                continue
            if origin == holder:
                out.add(key)
            elif holder == "M" or origin == "M":
                if label in {"clear", "green", None}:
                    out.add(key)
            elif label in LEAVES or (label == "amber" and {origin, holder} == COMMUNITY):
                out.add(key)
        return out

    def above_cap(self, holder, keys):
        """Versions that must never have reached `holder`."""
        bad = []
        for key in keys:
            origin, label = self.versions.get(key, ("?", None))
            if origin in ("?", holder):
                continue
            if label in ("red", "amber+strict") or (label == "amber" and not ({origin, holder} == COMMUNITY)):
                bad.append((key, origin, label))
        return bad


def seed(hub, ledger, start, count):
    """`count` objects per label, some with a second version, one revoked; returns them by label."""
    made = {label: [] for label in LABELS}
    batch = []
    for i, label in enumerate(LABELS):
        for k in range(count):
            obj = ledger.make(hub, label, start + i * 100 + k)
            made[label].append(obj)
            batch.append(obj)
    for label in ("green", None, "amber"):
        first = made[label][0]
        batch.append(ledger.make(hub, label, start + 900, ident=first["id"], modified="2026-11-21T00:00:00.000Z"))
    first = made["clear"][0]
    batch.append(ledger.make(hub, "clear", start + 901, ident=first["id"], modified="2026-11-22T00:00:00.000Z", revoked=True))
    hub.post(batch)
    return made


def holdings(hubs, medallion):
    found, duplicates = {}, {}
    for hub in hubs:
        versions = hub.all_versions()
        found[hub.name] = set(versions)
        own = [key for key, _ in hub.versions()]
        duplicates[hub.name] = len(own) - len(set(own))
    listed = [key for key, _ in medallion.versions()]
    found["M"] = set(listed)
    duplicates["M"] = len(listed) - len(set(listed))
    return found, duplicates


def describe(ledger, holder, actual):
    expected = ledger.expected(holder)
    missing, extra = expected - actual, actual - expected
    def label(key):
        origin, tlp = ledger.versions.get(key, ("?", "?"))
        return f"{origin}:{tlp or 'unmarked'}"
    return (f"{holder}: {len(actual)} held, {len(expected)} expected; missing {len(missing)} "
            f"{sorted((label(k), k[0][-8:]) for k in missing)[:8]}; extra {len(extra)} {sorted((label(k), k[0][-8:]) for k in extra)[:8]}")


def test_a_ring_of_hubs_and_medallion_converge_without_loops_losses_or_widened_markings(tmp_path):
    binary = os.environ["KAKEHASHI_BIN"]
    python = os.environ.get("KAKEHASHI_PYTHON", "python3")
    hubs = {name: Hub(binary, str(tmp_path / name), name) for name in "ABC"}
    medallion = Medallion(python, str(tmp_path / "medallion"))
    for name, hub in hubs.items():
        peers = [p for p in "ABC" if p != name] + (["medallion"] if name == "A" else [])
        hub.create_collection(peers)
    for name, hub in hubs.items():
        for other, peer in hubs.items():
            if other == name:
                continue
            community = {name, other} == COMMUNITY
            hub.declare(other, "kakehashi", peer.api_root, peer.collection, peer.peer_tokens[name],
                        cap="amber" if community else "green", same_community=community)
    hubs["A"].declare("medallion", "taxii", medallion.api_root, medallion.collection, medallion.credential)

    ledger = Ledger()
    # The partner CERT's feed, AMBER included (which A must refuse, never re-label).
    medallion.post([ledger.make(medallion, label, 5000 + n) for n, label in enumerate(["green"] * 5 + [None] * 3 + ["amber"] * 2)])
    try:
        for hub in hubs.values():
            hub.start()
        made = {name: seed(hub, ledger, 1000 * (i + 1), 25) for i, (name, hub) in enumerate(hubs.items())}
        # One object deleted at once (it may or may not have crossed yet), one after it has crossed.
        hubs["C"].delete(made["C"]["green"][2]["id"])
        ledger.deleted.add(made["C"]["green"][2]["id"])

        time.sleep(3)
        hubs["B"].kill()  # mid-exchange
        more = [ledger.make(hubs["A"], label, 7000 + n) for n, label in enumerate(LABELS * 2)]
        hubs["A"].post(more)
        time.sleep(2)
        hubs["B"].start()
        restarted = time.monotonic()

        crossed = made["B"]["clear"][1]["id"]
        deadline = restarted + CONVERGE_SECONDS
        while time.monotonic() < deadline:
            found, _ = holdings(hubs.values(), medallion)
            if all(any(key[0] == crossed for key in found[h]) for h in "AC"):
                break
            time.sleep(1)
        hubs["B"].delete(crossed)
        ledger.deleted.add(crossed)

        while True:
            found, duplicates = holdings(hubs.values(), medallion)
            if all(found[h] == ledger.expected(h) for h in [*hubs, "M"]) or time.monotonic() > deadline:
                break
            time.sleep(1)
        converged_after = time.monotonic() - restarted

        violations = {h: ledger.above_cap(h, found[h]) for h in [*hubs, "M"]}
        assert all(not v for v in violations.values()), f"versions above a peer's cap or outside RED's recipients: {violations}"
        assert all(n == 0 for n in duplicates.values()), f"duplicates: {duplicates}"
        for h in [*hubs, "M"]:
            assert found[h] == ledger.expected(h), describe(ledger, h, found[h]) + f" (after {converged_after:.0f} s)"

        options = ValidationOptions(version="2.1")
        for hub in hubs.values():
            collection = Collection(f"{hub.api_root}collections/{hub.collection}/", user="taxii", password=hub.token)
            envelope = collection.get_objects()
            assert envelope.get("objects"), f"{hub.name} serves no objects to taxii2-client"
            for obj in envelope["objects"]:
                result = validate_instance(obj, options)
                assert result.is_valid, f"{hub.name} {obj['id']}: {[str(e) for e in result.errors]}"
        print(f"converged {converged_after:.1f} s after the restart")
    finally:
        for hub in hubs.values():
            hub.stop()
        medallion.stop()

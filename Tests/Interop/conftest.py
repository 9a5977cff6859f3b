"""Fixtures for the interoperability tests: a live Kakehashi hub started by scripts/test."""
import os

import pytest


def _env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run these tests through scripts/test, which starts a hub")
    return value


@pytest.fixture(scope="session")
def hub():
    return {
        "url": _env("KAKEHASHI_INTEROP_URL"),
        "token": _env("KAKEHASHI_INTEROP_TOKEN"),
        "reader_token": _env("KAKEHASHI_INTEROP_READER_TOKEN"),
        "collection": _env("KAKEHASHI_INTEROP_COLLECTION"),
        "password": _env("KAKEHASHI_INTEROP_PASSWORD"),
    }

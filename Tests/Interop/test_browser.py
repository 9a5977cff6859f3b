"""A person's path through the pages in a real (headless) Chromium: sign in, search for an indicator,
open it, switch the language, sign out. Screenshots of each page go to screenshots/ (git-ignored)."""
import pathlib
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from taxii2client.v21 import Collection

SHOTS = pathlib.Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture()
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=ja"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "ja"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def arrive(driver, fragment):
    """Waits for a navigation started by a click or a submit to land on a URL containing `fragment`."""
    WebDriverWait(driver, 10).until(lambda d: fragment in d.current_url)


def shot(driver, name):
    SHOTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def test_sign_in_search_switch_language_sign_out(hub, browser):
    marker = f"browser-{uuid.uuid4().hex[:8]}.example.net"
    collection = Collection(f"{hub['url']}/taxii2/hub/collections/{hub['collection']}/", user="taxii", password=hub["token"])
    collection.add_objects({"objects": [{
        "type": "indicator", "spec_version": "2.1", "id": f"indicator--{uuid.uuid4()}",
        "created": "2026-11-26T00:00:00.000Z", "modified": "2026-11-26T00:00:00.000Z",
        "name": "Browser test C2 domain", "indicator_types": ["malicious-activity"],
        "pattern": f"[domain-name:value = '{marker}']", "pattern_type": "stix", "valid_from": "2026-11-26T00:00:00Z",
        "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"],
    }]})

    browser.get(f"{hub['url']}/collections")
    assert "/signin" in browser.current_url, "an anonymous visitor is sent to sign in"
    shot(browser, "signin")
    assert browser.find_element(By.TAG_NAME, "h1").text == "ログイン"
    browser.find_element(By.ID, "username").send_keys("interop-writer")
    browser.find_element(By.ID, "password").send_keys(hub["password"])
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    arrive(browser, "/collections")
    assert browser.current_url.endswith("/collections"), "sign-in returns to the page that was asked for"
    shot(browser, "collections")

    browser.find_element(By.PARTIAL_LINK_TEXT, "Interop transport").click()
    search = browser.find_element(By.ID, "q")
    search.send_keys(marker)
    search.submit()
    arrive(browser, "q=")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.objects tbody tr")
    assert len(rows) == 1 and marker in rows[0].text and "TLP:GREEN" in rows[0].text
    shot(browser, "collection-search")
    rows[0].find_element(By.TAG_NAME, "a").click()
    arrive(browser, "/objects/")
    assert marker in browser.page_source
    shot(browser, "object")

    browser.find_element(By.LINK_TEXT, "English").click()
    arrive(browser, "lang=en")
    assert "Relationships" in browser.page_source
    shot(browser, "object-en")
    browser.get(f"{hub['url']}/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dashboard", "the language choice is remembered"
    shot(browser, "dashboard")

    browser.find_element(By.CSS_SELECTOR, "header form button").click()
    arrive(browser, "/signin")
    browser.get(f"{hub['url']}/collections")
    assert "/signin" in browser.current_url, "after sign-out the session is gone"

"""Consultations in a real (headless) Chromium: an airport operator asks the national office about an
indicator the railway shared, the office answers before the due time, the thread becomes the airport's
draft incident report, and the railway (the producer) sees the airport's "false positive" opinion."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select, WebDriverWait
from taxii2client.v21 import Collection

from test_browser import arrive, browser, shot, sign_in  # noqa: F401 (browser is a fixture)


def submit(driver, button):
    """Clicks a form's button and waits until the answer has replaced the page."""
    button.click()
    WebDriverWait(driver, 10).until(staleness_of(button))


def switch_user(driver, hub, username):
    driver.delete_all_cookies()
    sign_in(driver, hub, username)


def test_ask_the_national_office_answer_make_a_report_and_the_producer_sees_the_opinion(hub, browser):  # noqa: F811
    indicator = f"indicator--{uuid.uuid4()}"
    marker = f"consult-{uuid.uuid4().hex[:8]}.example.net"
    collection = Collection(f"{hub['url']}/taxii2/hub/collections/{hub['collection']}/", user="taxii", password=hub["token"])
    collection.add_objects({"objects": [{
        "type": "indicator", "spec_version": "2.1", "id": indicator,
        "created": "2026-11-26T00:00:00.000Z", "modified": "2026-11-26T00:00:00.000Z",
        "name": "Consultation test C2 domain", "indicator_types": ["malicious-activity"],
        "pattern": f"[domain-name:value = '{marker}']", "pattern_type": "stix", "valid_from": "2026-11-26T00:00:00Z",
    }]})
    object_page = f"{hub['url']}/collections/{hub['collection']}/objects/{indicator}"

    # The airport asks the national office from the indicator's page.
    sign_in(browser, hub, "interop-airport")
    browser.get(object_page)
    assert marker in browser.page_source
    browser.find_element(By.ID, "ask-about").click()
    arrive(browser, "/consultations/new")
    addressee = Select(browser.find_element(By.ID, "addressee"))
    office = [o for o in addressee.options if "国家サイバー統括室" in o.text]
    assert len(office) == 1, [o.text for o in addressee.options]
    addressee.select_by_value(office[0].get_attribute("value"))
    browser.find_element(By.ID, "title").send_keys("このドメインは既知の C2 ですか")
    browser.find_element(By.ID, "body").send_keys("空港の境界で通信を観測しました。")
    shot(browser, "consultation-new")
    submit(browser, browser.find_element(By.ID, "send-question"))
    thread = browser.current_url
    assert "このドメインは既知の C2 ですか" in browser.page_source
    assert browser.find_element(By.ID, "due").text, "the asker sees when the first answer is due"

    # The office sees the thread waiting, with the same due time, and answers in time.
    switch_user(browser, hub, "interop-center")
    browser.get(f"{hub['url']}/consultations")
    assert "回答待ち" in browser.page_source
    browser.find_element(By.PARTIAL_LINK_TEXT, "このドメインは既知の C2 ですか").click()
    arrive(browser, "/consultations/")
    browser.find_element(By.ID, "body").send_keys("既知の C2 です。遮断を推奨します。")
    submit(browser, browser.find_element(By.ID, "send-reply"))
    assert browser.find_elements(By.ID, "answered") and not browser.find_elements(By.ID, "overdue"), "answered before the due time"
    assert not browser.find_elements(By.ID, "make-incident"), "only the asker makes the thread its report"
    shot(browser, "consultation-answered")

    # The airport reads the answer and makes the thread its incident report.
    switch_user(browser, hub, "interop-airport")
    browser.get(thread)
    assert "既知の C2 です" in browser.page_source
    submit(browser, browser.find_element(By.ID, "make-incident"))
    arrive(browser, "/incidents/")
    assert "このドメインは既知の C2 ですか" in browser.page_source or indicator in browser.page_source
    browser.get(thread)
    assert browser.find_elements(By.ID, "incident-link"), "the thread links to its report"

    # The airport says "false positive" on the indicator; the railway, its producer, sees the count and the note.
    browser.get(object_page)
    browser.find_element(By.ID, "opinion-note").send_keys("社内の監視サーバでした")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "button[name=verdict][value=false-positive]"))
    switch_user(browser, hub, "interop-writer")
    browser.get(object_page)
    count = browser.find_element(By.CSS_SELECTOR, "[data-verdict=false-positive]")
    assert count.text == "1"
    assert "社内の監視サーバでした" in browser.find_element(By.ID, "opinions").text
    shot(browser, "object-opinions")

"""A person's path through the pages in a real (headless) Chromium: sign in, search for an indicator,
open it, switch the language, sign out; file an incident report through the steps, submit it, see its
deadlines, and acknowledge it in the ministry's inbox. Screenshots of each page go to screenshots/ (git-ignored)."""
import datetime
import pathlib
import uuid
from zoneinfo import ZoneInfo

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
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


def sign_in(driver, hub, username):
    driver.get(f"{hub['url']}/signin")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(hub["password"])
    driver.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    arrive(driver, "/")
    WebDriverWait(driver, 10).until(lambda d: "/signin" not in d.current_url)


def set_value(driver, element_id, value):
    """Types into a field; datetime-local inputs take their value directly, as their keyboard entry depends on the locale."""
    element = driver.find_element(By.ID, element_id)
    if element.get_attribute("type") == "datetime-local":
        driver.execute_script("arguments[0].value = arguments[1]", element, value)
    else:
        element.clear()
        element.send_keys(value)


def save_step(driver, next_fragment):
    driver.find_element(By.CSS_SELECTOR, "form.report button[type=submit]").click()
    arrive(driver, next_fragment)


def test_file_an_incident_report_through_the_steps_and_see_its_deadlines(hub, browser):
    marker = f"ブラウザ試験 {uuid.uuid4().hex[:6]}"
    local = lambda hours: (datetime.datetime.now(ZoneInfo("Asia/Tokyo")) - datetime.timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")
    sign_in(browser, hub, "interop-writer")
    browser.find_element(By.LINK_TEXT, "インシデント").click()
    arrive(browser, "/incidents")
    browser.find_element(By.LINK_TEXT, "インシデントを報告する").click()
    arrive(browser, "/incidents/new")
    assert "報告者と連絡先" in browser.title
    browser.find_element(By.CSS_SELECTOR, "input[name=designations][value=jp-critical-infrastructure-operator]").click()
    assert browser.find_element(By.CSS_SELECTOR, "input[name=sectors][value=railway]").is_selected(), "the organisation's sector is filled in"
    set_value(browser, "contact_name_0", "Interop CSIRT")
    set_value(browser, "contact_email_0", "csirt@interop-rail.example.jp")
    browser.find_element(By.ID, "contact_24x7_0").click()
    shot(browser, "incident-step1-reporter")
    save_step(browser, "/steps/happened")

    set_value(browser, "detected", local(3))
    set_value(browser, "became_aware", local(2))
    Select(browser.find_element(By.ID, "category")).select_by_value("ransomware")
    set_value(browser, "attack_techniques", "T99")
    set_value(browser, "narrative_ja", marker)
    browser.find_element(By.CSS_SELECTOR, "form.report button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "attack_techniques-error"))
    assert "T1234" in browser.find_element(By.ID, "attack_techniques-error").text, "the error stands beside its field"
    assert browser.find_element(By.ID, "narrative_ja").get_attribute("value") == marker, "the input is kept"
    shot(browser, "incident-step2-error")
    set_value(browser, "attack_techniques", "T1486")
    save_step(browser, "/steps/impact")

    set_value(browser, "service_name_0", "Seat reservation")
    Select(browser.find_element(By.ID, "service_state_0")).select_by_value("down")
    shot(browser, "incident-step3-impact")
    save_step(browser, "/steps/details")
    Select(browser.find_element(By.ID, "indicator_type_0")).select_by_value("ipv4")
    set_value(browser, "indicator_value_0", "198.51.100.77")
    shot(browser, "incident-step4-details")
    save_step(browser, "/steps/sharing")
    shot(browser, "incident-step5-sharing")
    save_step(browser, "/steps/review")
    assert marker in browser.page_source and "速報" in browser.page_source
    shot(browser, "incident-review")

    browser.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button[type=submit]").click()
    arrive(browser, "submitted=initial")
    page = browser.page_source
    assert "提出しました" in page and "提出済み（期限内）" in page, "the stage is done, in time"
    assert "相互運用 国土交通省" in page and "送達済み" in page, "the report reached the ministry"
    shot(browser, "incident-submitted")
    browser.find_element(By.LINK_TEXT, "インシデント").click()
    arrive(browser, "/incidents")
    assert marker in browser.page_source
    shot(browser, "incidents")
    browser.find_element(By.LINK_TEXT, "APIトークン").click()
    arrive(browser, "/tokens")
    shot(browser, "tokens")
    browser.find_element(By.LINK_TEXT, "ダッシュボード").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "incidents-category-title"))
    shot(browser, "dashboard-incidents")
    browser.find_element(By.CSS_SELECTOR, "header form button").click()
    arrive(browser, "/signin")

    sign_in(browser, hub, "interop-officer")
    browser.find_element(By.LINK_TEXT, "受信箱").click()
    arrive(browser, "/inbox")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "table.inbox tbody tr") if marker in r.text)
    shot(browser, "inbox")
    row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    arrive(browser, "acknowledged=")
    assert "受領確認済み" in browser.page_source
    shot(browser, "inbox-acknowledged")


def test_equipment_and_advisories_pages_and_a_not_applicable_decision(hub, browser):
    sign_in(browser, hub, "interop-writer")
    browser.find_element(By.LINK_TEXT, "重要設備").click()
    arrive(browser, "/equipment")
    page = browser.page_source
    assert "運行管理システム" in page and "変電所 PLC" in page, "the registry imported by the CLI is listed"
    assert "flag-ending-soon" in page or "flag-ended" in page, "support end is flagged"
    shot(browser, "equipment")

    browser.find_element(By.LINK_TEXT, "脆弱性情報").click()
    arrive(browser, "/advisories")
    finding = next(a for a in browser.find_elements(By.CSS_SELECTOR, "article.finding") if "CVE-2021-44228" in a.text)
    assert "悪用が確認済み" in finding.text, "the KEV entry marks it known exploited"
    assert "CVE-2026-41234" not in browser.page_source.split("最近取り込んだアドバイザリ")[0], "the PLC on the fixed firmware has no finding"
    shot(browser, "advisories")
    finding.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.error[role=alert]"))
    assert "理由を入力" in browser.page_source, "a reason is required"
    finding = next(a for a in browser.find_elements(By.CSS_SELECTOR, "article.finding") if "CVE-2021-44228" in a.text)
    finding.find_element(By.CSS_SELECTOR, "input[name=reason]").send_keys("案内表示サーバは2.17.1へ更新済み（台帳更新待ち）")
    finding.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: "該当しないとした脆弱性" in d.page_source)
    assert "2.17.1へ更新済み" in browser.page_source
    shot(browser, "advisories-not-applicable")
    browser.find_element(By.CSS_SELECTOR, "header form button").click()
    arrive(browser, "/signin")

    sign_in(browser, hub, "interop-officer")
    browser.get(f"{hub['url']}/equipment")
    assert "所管の事業者" in browser.page_source and "相互運用 鉄道" in browser.page_source, "the regulator sees the operators of its sectors"
    shot(browser, "equipment-regulator")


def test_a_self_assessment_is_answered_and_its_regulator_sees_the_score(hub, browser):
    sign_in(browser, hub, "interop-writer")
    browser.find_element(By.LINK_TEXT, "セルフチェック").click()
    arrive(browser, "/checklists")
    browser.find_element(By.PARTIAL_LINK_TEXT, "交通分野").click()
    arrive(browser, "/checklists/transport-baseline")
    Select(browser.find_element(By.ID, "answer-access-1")).select_by_value("yes")
    Select(browser.find_element(By.ID, "answer-res-1")).select_by_value("no")
    browser.find_element(By.ID, "note-res-1").send_keys("オフライン保管を計画中")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]:not(header button)").click()
    arrive(browser, "saved=1")
    assert "回答を保存しました" in browser.page_source and "50 %" in browser.page_source
    shot(browser, "checklist")
    browser.find_element(By.LINK_TEXT, "状況ボード").click()
    arrive(browser, "/board")
    shot(browser, "status-board")
    browser.find_element(By.CSS_SELECTOR, "header form button").click()
    arrive(browser, "/signin")

    sign_in(browser, hub, "interop-officer")
    browser.get(f"{hub['url']}/checklists/transport-baseline")
    assert "所管事業者の達成度" in browser.page_source and "相互運用 鉄道" in browser.page_source
    shot(browser, "checklist-regulator")

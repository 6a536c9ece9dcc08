"""The page for people, in real headless Chromium: type n, submit, read the result, see an error, screenshot.

Needs Debian's chromium and chromium-driver (`.ci/run` installs them); skipped with that message otherwise.
Screenshots land in test-output/ (git-ignored).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator

import pytest

from tests.support.servers import ROOT, local_app_server

pytestmark = pytest.mark.live
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
OUTPUT = ROOT / "test-output"

if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip(
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with local_app_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="fib-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1200,900", f"--user-data-dir={profile}"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def compute(browser: webdriver.Chrome, n: str, mode: str = "value") -> None:
    field = browser.find_element(By.ID, "n")
    field.clear()
    field.send_keys(n)
    browser.find_element(By.CSS_SELECTOR, f"input[name=mode][value={mode}]").click()
    browser.find_element(By.ID, "submit").click()


def test_person_computes_a_value_a_list_and_sees_an_error(browser: webdriver.Chrome, base_url: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    browser.get(base_url + "/")
    assert "Fibonacci" in browser.title
    wait = WebDriverWait(browser, 30)

    compute(browser, "100")
    wait.until(expected_conditions.text_to_be_present_in_element((By.ID, "result"), "354224848179261915075"))
    assert browser.find_element(By.ID, "meta").text == "F(100) has 21 digits"

    compute(browser, "5000")
    wait.until(expected_conditions.text_to_be_present_in_element((By.ID, "meta"), "F(5000) has 1045 digits"))
    result = browser.find_element(By.ID, "result")
    assert len(result.text.replace("\n", "")) == 1045
    assert result.size["width"] <= browser.get_window_size()["width"]  # long results wrap, no sideways scroll
    browser.save_screenshot(str(OUTPUT / "page-value.png"))

    compute(browser, "10", mode="list")
    wait.until(expected_conditions.text_to_be_present_in_element((By.ID, "result"), "0, 1, 1, 2, 3, 5, 8, 13, 21, 34"))

    compute(browser, "-3")
    wait.until(expected_conditions.text_to_be_present_in_element((By.ID, "error"), "Error 422"))
    assert "ASCII digits" in browser.find_element(By.ID, "error").text
    assert browser.find_element(By.ID, "result").text == ""
    browser.save_screenshot(str(OUTPUT / "page-error.png"))
    assert (OUTPUT / "page-value.png").stat().st_size > 1000


def test_page_runs_under_its_csp_without_violations(browser: webdriver.Chrome, base_url: str) -> None:
    browser.get(base_url + "/")
    compute(browser, "7")
    WebDriverWait(browser, 30).until(expected_conditions.text_to_be_present_in_element((By.ID, "result"), "13"))
    problems = [entry for entry in browser.get_log("browser") if "Content Security Policy" in entry.get("message", "")]
    assert problems == []

#!/usr/bin/env python3
"""The page of `nianbao serve` in a real browser (headless Chromium through chromedriver): a report
with a planted error goes in through the file input, and the page must show it as a person would
see it: the verdict 需要修改, the cell that does not add up marked in table 三, and the check's
message beside the table. Saves a screenshot of the page.
Usage: Scripts/browser-test.py NIANBAO_BINARY [SCREENSHOT.png]   (default .build/serve-page.png)"""
import os, re, shutil, subprocess, sys, tempfile, zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

binary = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
screenshot = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, ".build", "serve-page.png"))
failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL", message)


# The planted error: 自然人's 本年新收 of the filled template, 3951, written as 3952, so that row 一's
# total and the 自然人 column's balance no longer add up.
work = tempfile.mkdtemp(prefix="nianbao-browser-")
planted = os.path.join(work, "示例镇-错一个数.docx")
with zipfile.ZipFile(os.path.join(root, "Samples", "template-2021-filled.docx")) as source, \
        zipfile.ZipFile(planted, "w", zipfile.ZIP_DEFLATED) as target:
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename == "word/document.xml":
            assert data.count(b">3951<") == 1
            data = data.replace(b">3951<", b">3952<")
        target.writestr(item, data)

server = subprocess.Popen([binary, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
driver = None
try:
    line = server.stderr.readline()
    port = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not port:
        sys.exit(f"browser-test: the server did not start: {line}")
    url = f"http://127.0.0.1:{port.group(1)}/"

    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1800", "--lang=zh-CN"]:
        options.add_argument(argument)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.get(url)
    expect(driver.title == "年报核对 · nianbao", f"title {driver.title!r}")

    driver.find_element(By.ID, "files").send_keys(planted)
    WebDriverWait(driver, 30).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "section.report:not([data-status=pending])"))
    report = driver.find_element(By.CSS_SELECTOR, "section.report")
    expect(report.get_attribute("data-status") == "problems", f"status {report.get_attribute('data-status')}")
    expect(report.find_element(By.CSS_SELECTOR, ".verdict").text == "需要修改", "verdict")
    expect("示例县示例镇人民政府 2024 年" in report.find_element(By.CSS_SELECTOR, "h2").text, "organ and year")

    applications = report.find_element(By.CSS_SELECTOR, "[data-table=applications]")
    marked = applications.find_elements(By.CSS_SELECTOR, "td.marked")
    keys = sorted(cell.get_attribute("data-key") for cell in marked)
    # The cell itself, with the row total beside it and the column's other cells of the balance.
    expect("new_received.natural_person" in keys, f"marked cells {keys}")
    cell = applications.find_element(By.CSS_SELECTOR, "td[data-key='new_received.natural_person']")
    expect(cell.text.startswith("3952"), f"the marked cell reads {cell.text!r}")
    notes = [n.text for n in applications.find_elements(By.CSS_SELECTOR, ".notes li")]
    expect(any("自然人" in n and "3952" in n for n in notes), f"no note names the cell: {notes}")
    problems = [p.text for p in report.find_elements(By.CSS_SELECTOR, "ol.problems li")]
    expect(any("3952" in p for p in problems), f"the problem list does not name the value: {problems}")

    os.makedirs(os.path.dirname(screenshot), exist_ok=True)
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1400, min(max(height + 40, 900), 6000))
    driver.save_screenshot(screenshot)
    print(f"browser-test: screenshot {screenshot}")
finally:
    if driver:
        driver.quit()
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)

if failures:
    sys.exit(f"browser-test: {len(failures)} failed")
print("browser-test: 1 passed, 0 failed")

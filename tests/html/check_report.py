#!/usr/bin/env python3
"""The HTML report in a real browser: `ror report` on the bundled samples and on hostile text,
each page loaded in headless Chromium (Debian's chromium). Passes when the page draws every
chart it should with data points, raises no script error, loads nothing from the network, and
keeps hostile input as text. Keeps a screenshot of each page in --out.

Usage: check_report.py --binary build/ror --out DIR
Exits 77 (skipped) when no chromium is installed.
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "data", "samples")
HERE = os.path.dirname(os.path.abspath(__file__))

# Each page, and the charts it must draw.
PAGES = [
    ("relationship-builder", os.path.join(SAMPLES, "relationship-builder.json"),
     {"chart-posts", "chart-months", "chart-delays", "chart-levels"}),
    ("broadcaster", os.path.join(SAMPLES, "broadcaster.json"),
     {"chart-posts", "chart-months", "chart-delays", "chart-levels"}),
    ("hostile", os.path.join(HERE, "hostile.json"),
     {"chart-posts", "chart-months", "chart-delays", "chart-levels"}),
]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browse(browser, page, *extra):
    """Runs headless Chromium on a page; returns (stdout, stderr)."""
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=10000", *extra, "file://" + page]
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        # (a dialog opened by injected script, alert(), holds a headless browser forever)
        return "", "CONSOLE Error: the browser hung on the page (a dialog?)"
    return proc.stdout, proc.stderr


def check_page(ror, browser, name, source, charts, out_dir):
    page = os.path.join(out_dir, name + ".html")
    proc = subprocess.run([ror, "report", "-q", "-o", page, source], capture_output=True, text=True)
    if proc.returncode != 0:
        return [f"ror report {source}: exit {proc.returncode}: {proc.stderr.strip()}"]
    problems = []
    text = open(page, encoding="utf-8").read()
    # Offline: nothing is fetched, everything is inline.
    if re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", text, re.I):
        problems.append("the page loads something from elsewhere")
    dom, log = browse(browser, page, "--dump-dom")
    match = re.search(r'data-ror-status="([^"]*)"', dom)
    if not match:
        problems.append("the page's script never finished (no data-ror-status)")
        status = {"charts": {}, "errors": []}
    else:
        status = json.loads(html.unescape(match.group(1)))
    if status["errors"]:
        problems.append(f"script errors: {status['errors']}")
    for line in log.splitlines():
        if "CONSOLE" in line and ("Uncaught" in line or "Error" in line):
            problems.append("console: " + line.strip())
    for chart in sorted(charts):
        points = status["charts"].get(chart, 0)
        if points <= 0:
            problems.append(f"{chart} drew no data points")
    # Hostile text stays text: the three scripts of the page are the only ones, and no element
    # from the inputs appears.
    scripts = len(re.findall(r"<script\b", dom, re.I))
    if scripts != 3:
        problems.append(f"{scripts} script elements in the page, expected 3")
    if re.search(r"<img\b|<b>bold", dom, re.I):
        problems.append("markup from the inputs became elements")
    if re.search(r"href=\"\s*javascript:", dom, re.I):
        problems.append("a javascript: link from the inputs became a link")
    if name == "hostile" and "&lt;script&gt;alert(1)&lt;/script&gt;" not in dom:
        problems.append("the hostile post text is not shown as text")
    browse(browser, page, f"--screenshot={os.path.join(out_dir, name + '.png')}",
           "--window-size=1200,3200")
    if not os.path.exists(os.path.join(out_dir, name + ".png")):
        problems.append("no screenshot")
    print(f"html: {name}: charts {status['charts']}, {len(status['errors'])} errors, "
          f"screenshot {os.path.join(out_dir, name + '.png')}")
    return [f"{name}: {p}" for p in problems]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    browser = chromium()
    if browser is None:
        print("html: no chromium installed (Debian: chromium), skipping")
        return 77
    os.makedirs(args.out, exist_ok=True)
    problems = []
    for name, source, charts in PAGES:
        problems += check_page(os.path.abspath(args.binary), browser, name, source, charts,
                               os.path.abspath(args.out))
    for p in problems:
        print("html: FAIL " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""`make lighthouse`: Lighthouse (mobile defaults: a mid-range phone on slow 4G, simulated) over the pages a
social worker opens between home visits, once anonymously and once as a logged-in editor, on the site as
`make run` serves it (daphne, the dev settings, the demo data, static files collected and compressed).

It writes var/lighthouse/latest.json and prints one row per page and viewer against the budget. A
benchmark, not a test: timings vary with the machine, so it always exits 0. What does not vary (scripts
deferred, bytes per page, accessible names) is checked by tests/home/test_page_weight.py in `make test`.

LIGHTHOUSE_PORT (default 8022) is where the server listens; CHROME_PATH picks the browser (Debian's
Chromium by default).
"""

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "lighthouse"
NPM = ROOT / "bench" / "npm"
PYTHON = sys.executable
STAFF = ("redaktoer@socialstyrelsen.dk", "demo-idebanken-2026")
BUDGET = {
    "performance": 95,
    "accessibility": 100,
    "best-practices": 100,
    "fcp_s": 1.8,
    "lcp_s": 2.5,
    "cls": 0.05,
    "transfer_kib": 250,
}
AT_LEAST = {"performance", "accessibility", "best-practices"}


def log(message):
    print(f"[lighthouse] {message}", flush=True)


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def wait_until_up(base_url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base_url + "/", timeout=5):  # noqa: S310 - our own server
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the server did not answer on {base_url}")


def first_link(base_url, path, pattern):
    """The first link on a page that matches, so the run follows whatever the demo data holds."""
    with urllib.request.urlopen(base_url + path, timeout=30) as response:  # noqa: S310
        html = response.read().decode()
    match = re.search(pattern, html)
    if not match:
        raise RuntimeError(f"no link like {pattern} on {path}")
    return match.group(1)


def pages(base_url):
    idea = first_link(base_url, "/ideer/", r'href="(/ideer/\d+/)"')
    method = first_link(base_url, "/metoder/", r'href="(/metoder/[a-z0-9-]+/)"')
    return {
        "home": "/",
        "idea list": "/ideer/",
        "idea": idea,
        "methods": "/metoder/",
        "method": method,
        "search": "/soeg/?q=ensomhed",
    }


def post_form(opener, url, fields):
    """GETs a form page for its CSRF token and POSTs the fields to it, as a browser would."""
    with opener.open(url, timeout=30) as response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
    request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310 - our own server
    with opener.open(request, timeout=30) as response:
        return response.geturl()


def staff_cookie(base_url, env):
    """Logs the demo editor in through the real forms (password, then the demo two-factor code) and returns
    the Cookie header a browser would send."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    landed = post_form(opener, base_url + "/konto/log-ind/", {"username": STAFF[0], "password": STAFF[1]})
    if "/konto/totrin/bekraeft/" in landed:
        code = subprocess.run(  # noqa: S603 - fixed command
            [PYTHON, "manage.py", "demo_totp"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout.split()[0]
        landed = post_form(opener, landed, {"code": code})
    with opener.open(base_url + "/konto/profil/", timeout=30) as response:
        if "/konto/profil/" not in response.geturl():
            raise RuntimeError(f"could not log in as {STAFF[0]} (ended on {response.geturl()})")
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def audit(url, cookie, report_path):
    # bench/npm/audit.mjs starts Chromium, puts the cookies in its jar and runs Lighthouse in it.
    command = ["node", str(NPM / "audit.mjs"), url, str(report_path), cookie or ""]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, env=env, check=True, timeout=300)  # noqa: S603 - fixed command
    report = json.loads(report_path.read_text())
    audits = report["audits"]
    return {
        "url": url,
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "best-practices": round(report["categories"]["best-practices"]["score"] * 100),
        "fcp_s": round(audits["first-contentful-paint"]["numericValue"] / 1000, 2),
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "transfer_kib": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
        "failing_audits": sorted(
            name
            for name, result in audits.items()
            if result.get("score") is not None and result["score"] < 1 and result.get("scoreDisplayMode") == "binary"
        ),
    }


def within(key, value):
    limit = BUDGET[key]
    return value >= limit if key in AT_LEAST else value <= limit


def table(results):
    keys = list(BUDGET)
    header = ["page", "viewer", *keys, "tbt_ms"]
    lines = [" | ".join(header), " | ".join("---" for _ in header)]
    for row in results:
        cells = [row["page"], row["viewer"]]
        cells += [f"{row[key]}{'' if within(key, row[key]) else ' ✗'}" for key in keys]
        cells.append(str(row["tbt_ms"]))
        lines.append(" | ".join(cells))
    budget = ", ".join(f"{key} {'≥' if key in AT_LEAST else '≤'} {value}" for key, value in BUDGET.items())
    return "\n".join(lines) + f"\n\nbudget: {budget}; ✗ marks a miss"


def main():
    if not (NPM / "node_modules" / "lighthouse").exists():
        sys.exit("Lighthouse is missing: run `make lighthouse` (it installs bench/npm with npm ci).")
    port = int(os.environ.get("LIGHTHOUSE_PORT", "8022"))
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "ideabank.settings.dev")}
    OUT.mkdir(parents=True, exist_ok=True)
    log("migrate, seed_demo and collectstatic, as `make run` does")
    manage("migrate", "--noinput", env=env)
    manage("seed_demo", env=env)
    manage("collectstatic", "--noinput", "-v", "0", env=env)
    daphne = Path(PYTHON).parent / "daphne"
    with open(OUT / "server.log", "w", encoding="utf-8") as server_log:
        server = subprocess.Popen(  # noqa: S603 - fixed command
            [str(daphne), "-v", "0", "-b", "127.0.0.1", "-p", str(port), "ideabank.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_up(base_url)
        targets = pages(base_url)
        viewers = {"anonymous": None, "staff": staff_cookie(base_url, env)}
        results = []
        for viewer, cookie in viewers.items():
            for name, path in targets.items():
                log(f"{viewer}: {path}")
                report_path = OUT / f"{viewer}-{name.replace(' ', '-')}.report.json"
                results.append({"page": name, "viewer": viewer, **audit(base_url + path, cookie, report_path)})
    finally:
        server.terminate()
        server.wait(timeout=30)
    (OUT / "latest.json").write_text(json.dumps({"budget": BUDGET, "results": results}, indent=2) + "\n")
    print(table(results))
    log(f"wrote {OUT / 'latest.json'}")


if __name__ == "__main__":
    main()

// One Lighthouse run (mobile defaults) for bench/lighthouse.py: `node audit.mjs URL REPORT.json [COOKIES]`.
// COOKIES ("name=value; …") go into the browser's cookie jar before the run, not into a header, so the page's
// WebSockets carry the session as a real browser's would. Lighthouse clears caches, not cookies.
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

const [url, reportPath, cookies = ""] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
try {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const page = await browser.newPage();
  for (const pair of cookies.split(";").map((part) => part.trim()).filter(Boolean)) {
    const [name, ...value] = pair.split("=");
    await browser.setCookie({ name, value: value.join("="), url });
  }
  const result = await lighthouse(
    url,
    { port: chrome.port, output: "json", onlyCategories: ["performance", "accessibility", "best-practices"] },
    undefined,
    page,
  );
  writeFileSync(reportPath, result.report);
  await browser.disconnect();
} finally {
  await chrome.kill();
}

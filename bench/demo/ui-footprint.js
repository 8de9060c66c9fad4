// Drives one browser on the demo's Status page for bench/demo/ui-footprint.sh: logs in, times the page until it is
// interactive, then counts how often the overview table and the chart change per second while the page stays open.
// Uses the Playwright driver bundled in the Microsoft.Playwright NuGet package and Debian's /usr/bin/chromium.
// Usage: node ui-footprint.js PLAYWRIGHT_PACKAGE_DIR BASE_URL PASSWORD SECONDS
const [packageDir, base, password, seconds] = process.argv.slice(2);
const { chromium } = require(packageDir);

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base + "/account/login");
  await page.getByLabel("User name").fill("admin");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Status", level: 1 }).waitFor();

  // Time to interactive: a fresh load of the Status page until its Actions menus exist (rendered only by the live
  // connection, since pages are not prerendered) — best of three loads, and each one.
  const loads = [];
  for (let k = 0; k < 3; k++) {
    const started = Date.now();
    await page.goto(base + "/");
    await page.getByRole("button", { name: "Actions for cp1", exact: true }).waitFor();
    loads.push(Date.now() - started);
  }
  console.log(`status page interactive after ${loads.join(", ")} ms (three loads)`);

  // Live updates: changes of the overview (its "Updated" time and the table) and redraws of the chart, per second.
  await page.evaluate(() => {
    window.__updates = { table: new Set(), chart: new Set() };
    const second = () => Math.floor(performance.now() / 1000);
    new MutationObserver(() => window.__updates.table.add(second()))
      .observe(document.querySelector("section[aria-labelledby=overview-heading]"), { subtree: true, characterData: true, childList: true });
    new MutationObserver(() => window.__updates.chart.add(second()))
      .observe(document.querySelector("svg.live-chart"), { subtree: true, attributes: true, childList: true });
  });
  const window = Number(seconds);
  await page.waitForTimeout(window * 1000);
  const counts = await page.evaluate(() => ({ table: window.__updates.table.size, chart: window.__updates.chart.size }));
  console.log(`seconds with an update in ${window} s: overview ${counts.table}, chart ${counts.chart} (the chart keeps a point every 2 s)`);
  await browser.close();
})().catch(error => { console.error(error); process.exit(1); });

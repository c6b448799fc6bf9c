// Drives the Lazaret console in Debian's headless chromium, as an analyst would: sign in with a
// token, open a held version from the holds table, check that a reason is required, approve
// it with a reason, wait until the page shows it approved, and find the decision in the audit
// log. Screenshots go to OUT_DIR. Every step prints one "step: ..." line; exit code 0 means all
// passed. Inputs (environment): CONSOLE_URL, LAZARET_TOKEN, PACKAGE, VERSION, REASON, OUT_DIR,
// CHROMIUM. playwright-core comes from NODE_PATH; the browser never leaves 127.0.0.1.

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const env = name => {
  const value = process.env[name];
  if (!value) {
    fail('missing environment variable ' + name);
  }
  return value;
};
const consoleUrl = env('CONSOLE_URL');
const token = env('LAZARET_TOKEN');
const pkg = env('PACKAGE');
const version = env('VERSION');
const reason = env('REASON');
const outDir = env('OUT_DIR');
const STEP_TIMEOUT = 15000;
const problems = [];

function fail(message) {
  console.error('FAILED: ' + message);
  process.exit(1);
}

function step(message) {
  console.log('step: ' + message);
}

// Whatever happens, never outlive the Java side's timeout with a browser left running.
setTimeout(() => fail('timed out after 120 s'), 120000).unref();

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  // launch() gives chromium a fresh, temporary user-data-dir (under TMPDIR), removed on close.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    timeout: 30000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    watch(page);
    try {
      await run(page);
    } catch (e) {
      // What the page looked like when a step gave up, and what it complained about.
      await page.screenshot({ path: path.join(outDir, 'failure.png'), fullPage: true })
        .catch(() => {});
      throw new Error(e.message + (problems.length ? '\npage problems:\n  '
        + problems.join('\n  ') : ''));
    }
  } finally {
    await browser.close();
  }
  if (problems.length) {
    fail('the page reported problems:\n  ' + problems.join('\n  '));
  }
  console.log('OK: ' + pkg + '@' + version + ' approved through the console');
}

/** Script errors, console errors (CSP violations land there) and off-host requests fail the run. */
function watch(page) {
  const origin = new URL(consoleUrl).origin;
  page.on('pageerror', e => problems.push('page error: ' + e.message));
  page.on('console', m => {
    if (m.type() === 'error' && !/401|403|400/.test(m.text())) {
      problems.push('console error: ' + m.text());
    }
  });
  page.on('request', r => {
    if (!r.url().startsWith(origin + '/')) {
      problems.push('request outside ' + origin + ': ' + r.url());
    }
  });
}

async function run(page) {
  await page.goto(consoleUrl, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  // Nobody is signed in yet: the session bar (and its Sign out button) must not show. A CSS
  // display rule once overrode the hidden attribute and showed it on the sign-in page.
  if (await page.locator('#sign-out').isVisible() || await page.locator('#nav').isVisible()) {
    fail('the sign-in page shows the Sign out button or the navigation');
  }
  step('the sign-in page shows no Sign out button');
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Holds' }).waitFor();
  await page.getByText('Signed in as').waitFor();
  step('signed in: ' + await page.locator('#who').textContent());

  // The row's link, reached from the keyboard as an analyst without a mouse would.
  const link = page.getByRole('link', { name: pkg + ' version ' + version });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: pkg + '@' + version }).waitFor();
  await page.locator('#hold-state[data-state="held"]').waitFor();
  step('detail page shows ' + pkg + '@' + version + ' held');
  // Times read one way (issue 13 §4): relative, then UTC to the second, no fractions; the
  // datetime attribute keeps the ISO instant for machines. The first time shown is the hold's end.
  const until = page.locator('dd time').first();
  const shown = await until.textContent();
  const iso = await until.getAttribute('datetime');
  if (!/^in \d+ h( \d+ min)? \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)$/.test(shown)) {
    fail('the hold\'s end reads "' + shown + '", not "in N h M min (YYYY-MM-DD hh:mm:ss UTC)"');
  }
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(iso)) {
    fail('the hold\'s end has datetime="' + iso + '", not an ISO instant');
  }
  step('held until reads ' + shown);
  await page.screenshot({ path: path.join(outDir, 'detail-held.png'), fullPage: true });

  // Approve without a reason: the browser refuses to submit, nothing changes.
  await page.getByRole('button', { name: 'Approve' }).click();
  if (!await page.locator('#reason').evaluate(el => el.matches(':invalid'))) {
    fail('an empty reason was not flagged as missing');
  }
  await page.locator('#hold-state[data-state="held"]').waitFor();
  step('an empty reason is refused');

  await page.getByLabel('Reason').fill(reason);
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.locator('#hold-state[data-state="approved"]').waitFor();
  const status = await page.locator('#decision-status').textContent();
  step('state shows approved; status says: ' + status);
  await page.screenshot({ path: path.join(outDir, 'approved.png'), fullPage: true });

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await page.getByRole('cell', { name: reason }).waitFor();
  step('the audit log lists the approval with its reason');
  await page.screenshot({ path: path.join(outDir, 'audit.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  if (await page.evaluate(() => sessionStorage.length) !== 0) {
    fail('the token is still in sessionStorage after signing out');
  }
  if (await page.locator('#sign-out').isVisible()) {
    fail('the Sign out button still shows after signing out');
  }
  step('signed out; the token is gone');
}

main().catch(e => fail(e && e.stack ? e.stack : String(e)));

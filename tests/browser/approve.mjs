// Approves one request on JiraGate's approvals page in a real headless Chromium, with the keyboard, as a person would:
// sign in with an approver key, find the request in the queue, read what will change, comment, approve.
//
//   node approve.mjs   (settings from the environment)
//     JIRAGATE_URL          the gateway, e.g. http://127.0.0.1:5180
//     JIRAGATE_APPROVER_KEY an approver key (jg_appr_…); read from the environment so it never shows in a process list
//     JIRAGATE_APPROVAL_ID  the approval to approve
//     JIRAGATE_EXPECT       text the preview must show, e.g. "Delete SEC-456"
//     JIRAGATE_COMMENT      the comment to leave (optional)
//     JIRAGATE_SCREENSHOTS  a folder for screenshots (optional)
//     CHROMIUM_PATH         the browser (default /usr/bin/chromium: Debian's; a browser is never downloaded)
//
// Prints one JSON line {"ok":true,...} and exits 0, or prints the failure and exits 1.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

const base = env('JIRAGATE_URL').replace(/\/$/, '');
const key = env('JIRAGATE_APPROVER_KEY');
const approvalId = env('JIRAGATE_APPROVAL_ID');
const expect = env('JIRAGATE_EXPECT');
const comment = process.env.JIRAGATE_COMMENT ?? '';
const shots = process.env.JIRAGATE_SCREENSHOTS ?? '';
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const steps = [];

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(page, name) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function main() {
  check(existsSync(executablePath), `No browser at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);

    // 1. The queue needs a session: the page sends us to sign in.
    await page.goto(`${base}/approvals`);
    check(new URL(page.url()).pathname === '/approvals/sign-in', `expected the sign-in page, got ${page.url()}`);
    steps.push('redirected to sign-in');
    await shot(page, '1-sign-in');

    // 2. Keyboard only: the key field has focus (autofocus); type the key, Enter submits.
    await page.focus('#key');
    await page.keyboard.type(key);
    await Promise.all([page.waitForURL(u => u.pathname === '/approvals'), page.keyboard.press('Enter')]);
    const signedIn = await page.textContent('header');
    check(/Signed in as/.test(signedIn ?? ''), 'the header does not say who is signed in');
    steps.push('signed in');

    // 3. The request is in the queue, with what it will do.
    const link = page.locator(`a[href="/approvals/${approvalId}"]`);
    check(await link.count() === 1, `approval ${approvalId} is not listed once in the queue`);
    const row = (await link.textContent()) ?? '';
    check(row.includes(expect), `the queue row says "${row}", not "${expect}"`);
    steps.push(`listed: ${row}`);
    await shot(page, '2-queue');

    // 4. Open it with the keyboard: focus the link, Enter.
    await link.focus();
    await Promise.all([page.waitForURL(u => u.pathname === `/approvals/${approvalId}`), page.keyboard.press('Enter')]);
    const sentence = (await page.textContent('p.sentence')) ?? '';
    check(sentence.includes(expect), `the preview says "${sentence}", not "${expect}"`);
    const risk = (await page.textContent('h1 .badge')) ?? '';
    steps.push(`preview: ${sentence} (${risk})`);
    await shot(page, '3-request');

    // 5. Comment, then Tab to "Approve and execute" and press Enter.
    await page.focus('#comment');
    if (comment) await page.keyboard.type(comment);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    check(focused === 'Approve and execute', `Tab from the comment went to "${focused}", not the Approve button`);
    await Promise.all([page.waitForURL(u => u.searchParams.get('done') === 'approved'), page.keyboard.press('Enter')]);
    const status = (await page.textContent('[role="status"]')) ?? '';
    const state = (await page.textContent('#outcome-title ~ dl .badge')) ?? '';
    steps.push(`after approval: ${status} [${state}]`);
    await shot(page, '4-approved');

    console.log(JSON.stringify({ ok: true, state, status, steps }));
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.log(JSON.stringify({ ok: false, error: String(error?.message ?? error), steps }));
  process.exit(1);
});

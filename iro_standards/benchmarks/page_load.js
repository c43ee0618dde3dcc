// Page-load benchmark (not a test): how long the desk takes, in headless Chromium, to bring each
// screen a manager or an IRO opens to network-idle on the demo service. Each page is opened once
// to warm the caches, then timed RUNS times; the median is printed.
// Usage: NODE_PATH=... node page_load.js BASE_URL [RUNS]
// (build the demo first: bench --site SITE execute iro_standards.demo.make)
const { chromium } = require("playwright-core");

const [base, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg || 5);
const PASSWORD = "Demo-IRO-2026!";
const REPORTS = [
	"Review Timeliness",
	"Reviews Due and Overdue",
	"Decision Recording",
	"Participation",
	"Permanence and Progress",
	"Care Plan RAG and Child Journey",
	"Dispute Resolution Tracker",
	"IRO Caseload",
	"Practice Standards Compliance",
	"Child Protection Conferences",
	"Children on a Child Protection Plan",
];

async function signIn(browser, user) {
	const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
	await page.goto(`${base}/login`);
	await page.fill("#login_email", user);
	await page.fill("#login_password", PASSWORD);
	await page.click(".btn-login");
	await page.waitForURL(/\/app\/.+/, { timeout: 30000, waitUntil: "domcontentloaded" });
	await page.waitForLoadState("networkidle");
	return page;
}

async function timeTo(page, path) {
	const started = Date.now();
	await page.goto(base + path, { waitUntil: "networkidle" });
	await page
		.waitForFunction(() => !document.body.innerText.includes("Loading..."), null, { timeout: 30000 })
		.catch(() => {});
	return Date.now() - started;
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function measure(page, label, path) {
	await timeTo(page, path);
	const times = [];
	for (let run = 0; run < RUNS; run++) times.push(await timeTo(page, path));
	console.log(`${label.padEnd(52)} ${String(median(times)).padStart(6)} ms  (min ${Math.min(...times)}, max ${Math.max(...times)})`);
}

(async () => {
	const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
	const manager = await signIn(browser, "morgan.vale@demo.example.org");
	const review = await manager.evaluate(() =>
		frappe.db.get_value("Child Review", { docstatus: 1 }, "name").then((r) => r.message.name)
	);
	console.log(`page to network-idle, median of ${RUNS} runs after one warm-up`);
	await measure(manager, "IRO manager: IRO Service workspace", "/app/iro-service");
	await measure(manager, "IRO manager: list of children (300)", "/app/looked-after-child");
	await measure(manager, "IRO manager: a held review's form", `/app/child-review/${review}`);
	const conference = await manager.evaluate(() =>
		frappe.db
			.get_value("Child Protection Conference", { docstatus: 1 }, "name")
			.then((r) => r.message.name)
	);
	await measure(manager, "IRO manager: a held conference's form", `/app/child-protection-conference/${conference}`);
	for (const report of REPORTS) {
		await measure(manager, `IRO manager: report ${report}`, `/app/query-report/${report}`);
	}
	const iro = await signIn(browser, "iona.brook@demo.example.org");
	await measure(iro, "IRO: My Work workspace", "/app/my-work");
	await measure(iro, "IRO: My Work report", "/app/query-report/My Work");
	await browser.close();
})();

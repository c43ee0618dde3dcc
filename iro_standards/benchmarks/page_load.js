// Page-load benchmark (not a test): how long the desk takes, in headless Chromium, to bring each
// screen a manager or an IRO opens to network-idle on the demo service. Each page is opened once
// to warm the caches, then timed RUNS times; the median is printed, with its ratio to Frappe's own
// page of the same kind on the same site (the Users workspace, the ToDo list, a User's form).
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

const core = {};

async function measure(page, label, path, against) {
	await timeTo(page, path);
	const times = [];
	for (let run = 0; run < RUNS; run++) times.push(await timeTo(page, path));
	const ms = median(times);
	const ratio = against ? `  ${(ms / core[against]).toFixed(2)}x ${against}` : "";
	console.log(`${label.padEnd(52)} ${String(ms).padStart(6)} ms  (min ${Math.min(...times)}, max ${Math.max(...times)})${ratio}`);
	return ms;
}

(async () => {
	const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
	const manager = await signIn(browser, "morgan.vale@demo.example.org");
	const review = await manager.evaluate(() =>
		frappe.db.get_value("Child Review", { docstatus: 1 }, "name").then((r) => r.message.name)
	);
	console.log(`page to network-idle, median of ${RUNS} runs after one warm-up`);
	core["Users workspace"] = await measure(manager, "Frappe: Users workspace", "/app/users");
	core["ToDo list"] = await measure(manager, "Frappe: ToDo list", "/app/todo");
	core["User form"] = await measure(manager, "Frappe: a User's form", "/app/user/morgan.vale@demo.example.org");
	await measure(manager, "IRO manager: IRO Service workspace", "/app/iro-service", "Users workspace");
	await measure(manager, "IRO manager: list of children (300)", "/app/looked-after-child", "ToDo list");
	await measure(manager, "IRO manager: a held review's form", `/app/child-review/${review}`, "User form");
	const conference = await manager.evaluate(() =>
		frappe.db
			.get_value("Child Protection Conference", { docstatus: 1 }, "name")
			.then((r) => r.message.name)
	);
	await measure(
		manager,
		"IRO manager: a held conference's form",
		`/app/child-protection-conference/${conference}`,
		"User form"
	);
	for (const report of REPORTS) {
		await measure(manager, `IRO manager: report ${report}`, `/app/query-report/${report}`, "ToDo list");
	}
	const iro = await signIn(browser, "iona.brook@demo.example.org");
	await measure(iro, "IRO: My Work workspace", "/app/my-work", "Users workspace");
	await measure(iro, "IRO: My Work report", "/app/query-report/My Work", "ToDo list");
	await browser.close();
})();

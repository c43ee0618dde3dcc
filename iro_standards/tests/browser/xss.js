// The IRO manager opens the service workspace (its number cards and charts must show to the
// service's roles, not only to System Manager) and a review whose text an IRO filled with script:
// form, list, report and print view; then the IRO walks their own child's records. Fails on any dialog a script opens,
// any JavaScript error, any server error, any request of the desk the app refuses, or a page that
// does not show the review. Usage: node xss.js BASE_URL SEED_JSON SCREENSHOT_DIR
const { chromium } = require("playwright-core");

const [base, seedJson, shots] = process.argv.slice(2);
const seed = JSON.parse(seedJson);
const walks = {
	manager: [
		["workspace-cards", "/app/iro-service", "Reviews in Timescale This Quarter"],
		["workspace-chart", "/app/iro-service", "Review Timeliness by Month"],
		["form", `/app/child-review/${seed.review}`, "XSS-1"],
		["list", `/app/child-review?child=${seed.child}`, "XSS-1"],
		[
			"report",
			"/app/query-report/Care Plan RAG and Child Journey?from_date=2026-01-01&to_date=2026-03-31",
			"XSS-1",
		],
		[
			"print",
			`/printview?doctype=Child%20Review&name=${seed.review}&format=Record%20of%20Review`,
			"Book a dentist",
		],
	],
	iro: [
		["workspace-cards", "/app/iro-service", "Reviews in Timescale This Quarter"],
		["child", `/app/looked-after-child/${seed.child}`, seed.child],
		["children", "/app/looked-after-child", "XSS-1"],
		["review", `/app/child-review/${seed.review}`, "XSS-1"],
	],
};

async function walk(browser, role, problems) {
	const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
	page.on("dialog", async (dialog) => {
		problems.push(`${role}: a script opened a dialog: ${dialog.message()}`);
		await dialog.dismiss();
	});
	page.on("pageerror", (error) => problems.push(`${role}: JavaScript error: ${error}`));
	page.on("response", (response) => {
		const refused = response.status() >= 400 && response.url().includes("/api/");
		if (response.status() >= 500 || refused) {
			problems.push(`${role}: ${response.status()} ${response.url()}`);
		}
	});
	await page.goto(`${base}/login`);
	await page.fill("#login_email", seed[role]);
	await page.fill("#login_password", seed.password);
	await page.click(".btn-login");
	await page.waitForURL(/\/app/, { timeout: 30000 });
	for (const [name, path, expected] of walks[role]) {
		await page.goto(base + path);
		await page.waitForLoadState("networkidle");
		await page.waitForTimeout(1000);
		const loaded = await page
			.waitForFunction(() => !document.body.innerText.includes("Loading..."), null, { timeout: 20000 })
			.then(() => true)
			.catch(() => false);
		const shown = await page
			.waitForFunction((t) => document.body.innerText.toLowerCase().includes(t), expected.toLowerCase(), {
				timeout: 20000,
			})
			.then(() => true)
			.catch(() => false);
		await page.screenshot({ path: `${shots}/${role}-${name}.png` });
		if (!shown) problems.push(`${role} ${name}: "${expected}" not shown after 20 s`);
		if (!loaded) problems.push(`${role} ${name}: still loading after 20 s`);
		console.log(`${role} ${name}: ${path} (screenshot ${shots}/${role}-${name}.png)`);
	}
	await page.close();
}

(async () => {
	const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
	const problems = [];
	for (const role of Object.keys(walks)) {
		await walk(browser, role, problems);
	}
	await browser.close();
	const pages = Object.values(walks).flat().length;
	console.log(problems.length ? problems.join("\n") : "no script ran, no errors, nothing refused");
	console.log(`browser: ${pages} pages checked, ${problems.length} problems`);
	process.exit(problems.length ? 1 : 0);
})();

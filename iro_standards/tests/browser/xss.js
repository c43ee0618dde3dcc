// The IRO manager opens a review whose text an IRO filled with script: form, list, report and
// print view. Fails on any dialog a script opens, any JavaScript error, any server error, or a
// page that does not show the review. Usage: node xss.js BASE_URL SEED_JSON SCREENSHOT_DIR
const { chromium } = require("playwright-core");

const [base, seedJson, shots] = process.argv.slice(2);
const seed = JSON.parse(seedJson);
const pages = [
	["form", `/app/child-review/${seed.review}`, "XSS-1"],
	["list", "/app/child-review", "XSS-1"],
	[
		"report",
		"/app/query-report/Care Plan RAG and Child Journey?from_date=2026-01-01&to_date=2026-03-31",
		"XSS-1",
	],
	["print", `/printview?doctype=Child%20Review&name=${seed.review}&format=Record%20of%20Review`, "Book a dentist"],
];

(async () => {
	const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
	const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
	const problems = [];
	page.on("dialog", async (dialog) => {
		problems.push(`a script opened a dialog: ${dialog.message()}`);
		await dialog.dismiss();
	});
	page.on("pageerror", (error) => problems.push(`JavaScript error: ${error}`));
	page.on("response", (response) => {
		if (response.status() >= 500) problems.push(`server error ${response.status()} ${response.url()}`);
	});
	await page.goto(`${base}/login`);
	await page.fill("#login_email", seed.manager);
	await page.fill("#login_password", seed.password);
	await page.click(".btn-login");
	await page.waitForURL(/\/app/, { timeout: 30000 });
	for (const [name, path, expected] of pages) {
		await page.goto(base + path);
		await page.waitForLoadState("networkidle");
		await page.waitForTimeout(1000);
		await page.screenshot({ path: `${shots}/manager-${name}.png` });
		const text = await page.evaluate(() => document.body.innerText);
		if (!text.includes(expected)) problems.push(`${name}: "${expected}" not shown`);
		console.log(`manager ${name}: ${path} (screenshot ${shots}/manager-${name}.png)`);
	}
	await browser.close();
	console.log(problems.length ? problems.join("\n") : "no script ran, no errors");
	console.log(`browser: ${pages.length} pages checked, ${problems.length} problems`);
	process.exit(problems.length ? 1 : 0);
})();

// Each role's day on the demo service, as its people sign in: the IRO lands on My Work, sees what is
// late, opens a record from what they owe in one click, sees on a planned review what marking it
// held needs, and finds a child by case number from the search bar; the team manager lands on My Work and writes comments
// on a review sent to them and presses Update (the save must go through), told to answer through
// Actions; the IRO manager lands on the service workspace with its figures, opens the list of every
// child, reads the caseload by IRO's name, runs the SSDA903 checks and generates last year's IRO
// annual report; a social worker finds the report they owe before a review in My Work; a Welsh-speaking IRO
// lands on a Welsh My Work. Fails on any JavaScript error (thrown or logged), any server error, any
// request of the desk the app refuses, or a step that does not reach its expected state.
// Usage: node roles.js BASE_URL SEED_JSON SCREENSHOT_DIR
const { chromium } = require("playwright-core");

const [base, seedJson, shots] = process.argv.slice(2);
const seed = JSON.parse(seedJson);
const COMMENT = `Seen and agreed in the browser walk ${Date.now()}`;

async function signIn(browser, user, role, problems) {
	const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
	page.on("pageerror", (error) => problems.push(`${role}: JavaScript error: ${error}`));
	page.on("console", (message) => {
		const realtime = (message.location().url || "").includes("/socket.io/");
		if (message.type() === "error" && !realtime) {
			problems.push(`${role}: console error: ${message.text()}`);
		}
	});
	page.on("response", (response) => {
		const refused = response.status() >= 400 && response.url().includes("/api/");
		if (response.status() >= 500 || refused) {
			problems.push(`${role}: ${response.status()} ${response.url()}`);
		}
	});
	await page.goto(`${base}/login`);
	await page.fill("#login_email", user);
	await page.fill("#login_password", seed.password);
	await page.click(".btn-login");
	await page.waitForURL(/\/app\/.+/, { timeout: 30000, waitUntil: "domcontentloaded" });
	await settle(page);
	return page;
}

async function settle(page) {
	await page.waitForLoadState("networkidle");
	await page
		.waitForFunction(() => !document.body.innerText.includes("Loading..."), null, { timeout: 20000 })
		.catch(() => {});
	await page.waitForTimeout(500);
}

async function step(page, role, name, problems, check) {
	const failure = await check();
	await page.screenshot({ path: `${shots}/day-${role}-${name}.png` });
	if (failure) problems.push(`${role} ${name}: ${failure}`);
	console.log(`${role} ${name}: ${failure || "ok"} (screenshot ${shots}/day-${role}-${name}.png)`);
}

function shows(page, text) {
	return () =>
		page
			.waitForFunction((t) => document.body.innerText.toLowerCase().includes(t), text.toLowerCase(), {
				timeout: 20000,
			})
			.then(() => null)
			.catch(() => `"${text}" not shown after 20 s`);
}

function landedOn(page, slug, text) {
	return async () =>
		page.url().endsWith(`/app/${slug}`) ? shows(page, text)() : `landed on ${page.url()}, not /app/${slug}`;
}

async function iroDay(browser, problems) {
	const page = await signIn(browser, seed.iro, "iro", problems);
	await step(page, "iro", "lands", problems, landedOn(page, "my-work", "My Reviews in the Next 5 Weeks"));
	await step(page, "iro", "sees-what-is-late", problems, shows(page, "Overdue in My Work"));
	await page.goto(`${base}/app/query-report/My Work`);
	await settle(page);
	await page.waitForSelector(".dt-scrollable .dt-row", { timeout: 20000 }).catch(() => {});
	await step(page, "iro", "my-work", problems, shows(page, "Days Left"));
	const record = page.locator(".dt-scrollable .dt-row a[href*='/app/']").first();
	const href = await record.getAttribute("href").catch(() => null);
	if (!href) {
		problems.push("iro my-work: no record to open in what the IRO owes");
	} else {
		await record.click();
		await page.waitForURL((url) => url.pathname === decodeURIComponent(href) || url.href.endsWith(href), {
			timeout: 20000,
			waitUntil: "domcontentloaded",
		}).catch(() => {});
		await settle(page);
		await step(page, "iro", "one-click-to-the-form", problems, async () =>
			(await page.locator(".form-layout").count()) ? null : `no form at ${page.url()}`
		);
	}
	await page.goto(`${base}/app/child-review/${seed.iro_planned_review}`);
	await settle(page);
	await step(page, "iro", "planned-review-says-what-it-needs", problems, shows(page, "To mark the review held, fill in"));
	await page.fill("#navbar-search", seed.iro_case_number);
	const findByCase = page.locator("li", { hasText: "Find a child by case number" }).first();
	if (await findByCase.waitFor({ timeout: 10000 }).then(() => true).catch(() => false)) {
		await findByCase.click();
		await settle(page);
	}
	await step(page, "iro", "search-by-case-number", problems, async () =>
		page.url().includes("/app/looked-after-child")
			? shows(page, seed.iro_case_number)()
			: `the search bar offered no way to the child ${seed.iro_case_number}`
	);
	await page.close();
}

async function teamManagerDay(browser, problems) {
	const page = await signIn(browser, seed.team_manager, "team-manager", problems);
	await step(page, "team-manager", "lands", problems, landedOn(page, "my-work", "Reviews Awaiting a Response"));
	await page.goto(`${base}/app/child-review/${seed.tm_review}`);
	await settle(page);
	await step(page, "team-manager", "told-to-use-actions", problems, async () =>
		(await page.evaluate(() => cur_frm.doc.status)) === "With Team Manager"
			? shows(page, "then choose Agree or Disagree from Actions")()
			: null
	);
	await page.evaluate(() => cur_frm.scroll_to_field("tm_comments"));
	await page.fill("textarea[data-fieldname='tm_comments']", COMMENT);
	const saved = page.waitForResponse((r) => r.url().includes("frappe.desk.form.save.savedocs"), {
		timeout: 20000,
	});
	await page.keyboard.press("Control+s");
	const response = await saved.catch(() => null);
	await settle(page);
	await step(page, "team-manager", "comments-updated", problems, async () => {
		if (!response) return "pressing Update sent nothing";
		if (response.status() !== 200) return `Update refused (${response.status()}): ${await response.text()}`;
		const stored = await page.evaluate(
			(name) => frappe.db.get_value("Child Review", name, "tm_comments").then((r) => r.message.tm_comments),
			seed.tm_review
		);
		return stored === COMMENT ? null : `comments not stored (${stored})`;
	});
	await page.close();
}

async function managerDay(browser, problems) {
	const page = await signIn(browser, seed.manager, "manager", problems);
	await step(page, "manager", "lands", problems, landedOn(page, "iro-service", "Reviews in Timescale This Quarter"));
	const overdueCard = page.locator(".number-widget-box", { hasText: "Reviews Overdue" }).first();
	await overdueCard.locator(".widget-content .number").waitFor({ timeout: 20000 }).catch(() => {});
	await overdueCard.click();
	await page.waitForURL(/\/app\/looked-after-child/, { timeout: 20000, waitUntil: "domcontentloaded" }).catch(() => {});
	await settle(page);
	await step(page, "manager", "card-drills-down", problems, async () =>
		page.url().includes("/app/looked-after-child") ? shows(page, "Review Overdue")() : `the card led to ${page.url()}`
	);
	await page.goto(`${base}/app/looked-after-child?status=Looked%20After`);
	await settle(page);
	await step(page, "manager", "children", problems, shows(page, "DEMO-"));
	await childrenOnOtherClocks(page, problems);
	await page.goto(`${base}/app/iro-service`);
	await settle(page);
	await step(page, "manager", "child-protection-cards", problems, shows(page, "Children on a Plan by Category"));
	await page.goto(`${base}/app/query-report/IRO Caseload`);
	await settle(page);
	await step(page, "manager", "caseload-by-name", problems, shows(page, seed.iro_name));
	await page.goto(`${base}/app/query-report/SSDA903 Checks`);
	await settle(page);
	await step(page, "manager", "ssda903-checks", problems, shows(page, "Values the DfE would refuse"));
	await page.goto(`${base}/app/iro-annual-report/${await lastYearsAnnualReport(page)}`);
	await settle(page);
	await page.locator("button", { hasText: "Generate Figures" }).first().click();
	await settle(page);
	await step(page, "manager", "annual-report-figures", problems, shows(page, "Participation"));
	await page.close();
}

// Each child whose clock is not the standard one shows which it is, on the Timescales tab.
async function childrenOnOtherClocks(page, problems) {
	for (const [name, text] of [
		["short-breaks", "Short Breaks"],
		["placed-for-adoption", "Placed for Adoption"],
		["care-leaver", "Pathway Plan Review Due"],
	]) {
		await page.goto(`${base}/app/looked-after-child/${seed.other_clocks[name]}`);
		await settle(page);
		await page.locator(".form-tabs .nav-link", { hasText: "Timescales" }).first().click().catch(() => {});
		await step(page, "manager", `clock-${name}`, problems, shows(page, text));
	}
}

// Last reporting year's annual report, made through the API when the service has none yet.
async function lastYearsAnnualReport(page) {
	return page.evaluate(async () => {
		const today = new Date();
		const year = (today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1) - 1;
		const found = await frappe.db.get_value("IRO Annual Report", { reporting_year: year }, "name");
		if (found.message && found.message.name) {
			return found.message.name;
		}
		return (await frappe.db.insert({ doctype: "IRO Annual Report", reporting_year: year })).name;
	});
}

async function chairDay(browser, problems) {
	const page = await signIn(browser, seed.chair, "chair", problems);
	await page.goto(`${base}/app/looked-after-child/${seed.cp_child}`);
	await settle(page);
	await step(page, "chair", "child-on-a-plan", problems, shows(page, "Child protection plan since"));
	await page.goto(`${base}/app/child-protection-conference/${seed.cp_conference}`);
	await settle(page);
	await step(page, "chair", "conference", problems, shows(page, "Invitees and Quoracy"));
	await page.goto(`${base}/app/query-report/Children on a Child Protection Plan`);
	await settle(page);
	await step(page, "chair", "children-on-a-plan", problems, shows(page, seed.cp_case_number));
	await page.goto(`${base}/app/query-report/Child Protection Conferences`);
	await settle(page);
	await step(page, "chair", "conferences-report", problems, shows(page, "Initial Conferences Within 15 Working Days"));
	await page.close();
}

async function socialWorkerDay(browser, problems) {
	if (!seed.social_worker) {
		problems.push("social-worker: the demo has no social worker with a report due in five weeks");
		return;
	}
	const page = await signIn(browser, seed.social_worker, "social-worker", problems);
	await page.goto(`${base}/app/query-report/My Work`);
	await settle(page);
	await step(page, "social-worker", "my-work", problems, () =>
		page
			.waitForFunction(
				() => (frappe.query_report?.data || []).some((row) => row.what === "Send your report for the review"),
				null,
				{ timeout: 20000 }
			)
			.then(() => null)
			.catch(() => "My Work lists no report for the social worker to send")
	);
	await page.close();
}

async function welshDay(browser, problems) {
	const page = await signIn(browser, seed.welsh_iro, "welsh-iro", problems);
	await step(page, "welsh-iro", "lands", problems, landedOn(page, "my-work", "Fy adolygiadau yn y 5 wythnos nesaf"));
	await page.close();
}

(async () => {
	const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
	const problems = [];
	for (const day of [iroDay, teamManagerDay, managerDay, chairDay, socialWorkerDay, welshDay]) {
		await day(browser, problems);
	}
	await browser.close();
	console.log(problems.length ? problems.join("\n") : "every role's day reached its expected state");
	console.log(`browser: 6 roles walked, ${problems.length} problems`);
	process.exit(problems.length ? 1 : 0);
})();

// A Welsh-speaking IRO manager who also chairs reviews, on a site set to Wales, does the day's work
// in the desk: signs in on a Welsh login page, lands, lists and filters the children, creates a
// child and their care episode and assigns the child, plans, holds and records the decisions of
// the first review, prints its record and opens an e-mail to send it, raises a dispute and
// escalates it, and runs the reports. On every screen, each visible text (and placeholder) that is one of the desk's English
// strings (Frappe's catalogue and the app's) is a failure; each that is one of the app's Welsh
// forms is listed as covered (welsh-strings-covered.txt beside the screenshots).
// Usage: node welsh.js BASE_URL SEED_JSON SCREENSHOT_DIR
const fs = require("fs");
const { chromium } = require("playwright-core");

const [base, seedJson, shots] = process.argv.slice(2);
const seed = JSON.parse(seedJson);
const REPORTS = [
	"My Work",
	"Reviews Due and Overdue",
	"Review Timeliness",
	"IRO Caseload",
	"Participation",
	"Dispute Resolution Tracker",
	"Care Plan RAG and Child Journey",
	"Welsh Active Offer",
	"Child Protection Conferences",
	"Children on a Child Protection Plan",
];

function catalogue(path) {
	const strings = [];
	let current = null;
	for (const line of fs.readFileSync(path, "utf8").split("\n")) {
		if (line.startsWith("msgid ")) {
			current = JSON.parse(line.slice(6));
		} else if (current !== null && line.startsWith('"')) {
			current += JSON.parse(line);
		} else {
			if (current) strings.push(current);
			current = null;
		}
	}
	return strings;
}

function csvRows(path) {
	const rows = [];
	let row = [];
	let field = "";
	let quoted = false;
	const text = fs.readFileSync(path, "utf8");
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') {
				quoted = false;
			} else {
				field += c;
			}
		} else if (c === '"') {
			quoted = true;
		} else if (c === ",") {
			row.push(field);
			field = "";
		} else if (c === "\n") {
			row.push(field);
			rows.push(row);
			row = [];
			field = "";
		} else {
			field += c;
		}
	}
	return rows;
}

const welsh = new Map(csvRows(seed.app_welsh).filter((r) => r.length >= 2).map((r) => [r[0], r[1]]));
const welshForms = new Map([...welsh].map(([english, cymraeg]) => [cymraeg, english]));
const englishStrings = [...catalogue(seed.frappe_catalogue), ...welsh.keys()].filter(
	(s) => /[a-z]{2}/i.test(s) && !welshForms.has(s)
);
const english = new Set(englishStrings.filter((s) => !s.includes("{")));
// "New {0}", "{0} of {1}": templates with some words of their own, as patterns for whole texts.
const englishTemplates = englishStrings
	.filter((s) => /\{\d\}/.test(s) && s.replace(/\{\d\}/g, "").replace(/[^a-z]/gi, "").length >= 3)
	.map((s) => new RegExp(`^${s.split(/\{\d\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+?")}$`));

function isEnglish(text) {
	return english.has(text) || englishTemplates.some((pattern) => pattern.test(text));
}
// Not the desk's strings: what people typed (editors, text areas, and the values of text fields
// shown read-only), the fieldname tooltips, the date picker's two-letter day names (Welsh "Me" is
// Mercher), and the old and new values a record's change log quotes.
const TYPED_FIELDS = ["Data", "Small Text", "Text", "Long Text"]
	.map((type) => `.frappe-control[data-fieldtype="${type}"] .control-value`)
	.join(", ");
const NOT_STRINGS = `script, style, .ql-editor, textarea, .tooltip-content, .datepicker--days-names, .timeline-content b, ${TYPED_FIELDS}`;
const covered = new Set();
const problems = [];

function cy(text) {
	return welsh.get(text) || text;
}

// A page that keeps a request open (the print view's preview) is given 30 s, then read as it stands.
async function settle(page) {
	await page.waitForLoadState("networkidle", { timeout: 30000 }).catch(() => {});
	await page
		.waitForFunction(() => !/Loading\.\.\.|Wrthi'n llwytho/.test(document.body.innerText), null, { timeout: 20000 })
		.catch(() => {});
	await page.waitForTimeout(700);
}

async function visibleTexts(page) {
	return page.evaluate((NOT_STRINGS) => {
		const texts = new Set();
		const shown = (el) => el && el.getClientRects().length && getComputedStyle(el).visibility !== "hidden";
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		while (walker.nextNode()) {
			const el = walker.currentNode.parentElement;
			const text = walker.currentNode.textContent.trim();
			if (text && shown(el) && !el.closest(NOT_STRINGS)) texts.add(text);
		}
		// A string with a value in it ("Last synced {0}") can span a text and an element.
		for (const el of document.querySelectorAll("body *")) {
			const mixed = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
			const text = mixed && shown(el) && !el.closest(NOT_STRINGS) ? (el.innerText || "").trim() : "";
			if (text && text.length < 200) texts.add(text);
		}
		for (const el of document.querySelectorAll("[placeholder], [data-placeholder]")) {
			const placeholder = el.getAttribute("placeholder") || el.getAttribute("data-placeholder") || "";
			if (shown(el) && placeholder.trim()) texts.add(placeholder.trim());
		}
		return [...texts];
	}, NOT_STRINGS);
}

async function look(page, name) {
	await settle(page);
	const texts = await visibleTexts(page);
	const leaks = texts.filter(isEnglish);
	for (const t of texts) if (welshForms.has(t)) covered.add(welshForms.get(t));
	await page.screenshot({ path: `${shots}/welsh-${name}.png` });
	if (leaks.length) problems.push(`${name}: English on the screen: ${leaks.map((l) => JSON.stringify(l)).join(", ")}`);
	console.log(`${name}: ${leaks.length ? "English: " + leaks.map((l) => JSON.stringify(l)).join(", ") : "all Welsh"} (${shots}/welsh-${name}.png)`);
}

async function expect(page, name, condition, failure) {
	if (!(await condition().catch(() => false))) problems.push(`${name}: ${failure}`);
}

async function closeDialogs(page) {
	for (const close of await page.locator(".modal.show .btn-modal-close").all()) {
		await close.click().catch(() => {});
	}
	await page.waitForTimeout(300);
}

async function save(page) {
	await closeDialogs(page);
	const saved = page.waitForResponse((r) => r.url().includes("frappe.desk.form.save.savedocs"), { timeout: 20000 });
	await page.keyboard.press("Control+s");
	const response = await saved.catch(() => null);
	await settle(page);
	return response && response.status() === 200;
}

async function setValues(page, values) {
	await page.evaluate(async (v) => {
		for (const [fieldname, value] of Object.entries(v)) await cur_frm.set_value(fieldname, value);
	}, values);
}

async function workflowAction(page, action) {
	await closeDialogs(page);
	await page.locator(".page-actions .actions-btn-group button", { hasText: cy("Actions") }).first().click();
	await page.waitForTimeout(400);
	await look(page, `actions-${action.toLowerCase().replace(/ /g, "-")}`);
	const applied = page.waitForResponse((r) => r.url().includes("frappe.model.workflow.apply_workflow"), {
		timeout: 20000,
	});
	await page.locator(".page-actions .dropdown-menu a", { hasText: cy(action) }).first().click();
	const confirm = page.locator(".modal.show .btn-primary", { hasText: cy("Yes") });
	if (await confirm.waitFor({ timeout: 2000 }).then(() => true).catch(() => false)) await confirm.click();
	const response = await applied.catch(() => null);
	await settle(page);
	return response && response.status() === 200;
}

async function signIn(browser) {
	const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "cy-GB" });
	page.on("pageerror", (error) => problems.push(`JavaScript error: ${error}`));
	page.on("response", (response) => {
		if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
	});
	await page.goto(`${base}/login`);
	await look(page, "login");
	await page.fill("#login_email", seed.user);
	await page.fill("#login_password", seed.password);
	await page.click(".btn-login");
	await page.waitForURL(/\/app\/.+/, { timeout: 30000, waitUntil: "domcontentloaded" });
	return page;
}

async function createChild(page) {
	await page.goto(`${base}/app/looked-after-child`);
	await look(page, "children");
	await page.locator(".filter-selector .filter-button").first().click();
	await look(page, "children-filter");
	await page.keyboard.press("Escape");
	await page.goto(`${base}/app/looked-after-child/new`);
	await look(page, "new-child");
	const stamp = Date.now().toString().slice(-6);
	await setValues(page, {
		first_name: "Gwenllian",
		last_name: `Prawf${stamp}`,
		case_number: `CY-${stamp}`,
		date_of_birth: "2015-03-01",
		allocated_iro: seed.user,
		iro_allocated_on: await page.evaluate(() => frappe.datetime.get_today()),
		social_worker: seed.social_worker,
		preferred_language: "Welsh",
	});
	await expect(page, "new-child", () => save(page), "the child was not saved");
	await look(page, "child");
	await expect(
		page,
		"child",
		() => page.evaluate(() => cur_frm.layout.message.children("div:not(.close-message)").length === 1),
		"the Active Offer prompt is not shown exactly once"
	);
	await page.locator(".page-actions .menu-btn-group button").first().click();
	await look(page, "form-menu");
	await page.keyboard.press("Escape");
	await page.locator(".add-assignment-btn").first().click();
	await look(page, "assign-dialog");
	await closeDialogs(page);
	return page.evaluate(() => cur_frm.doc.name);
}

async function startEpisode(page, child) {
	await page.goto(`${base}/app/care-episode/new`);
	await settle(page);
	await setValues(page, {
		child,
		start_date: await page.evaluate(() => frappe.datetime.add_days(frappe.datetime.get_today(), -10)),
	});
	await look(page, "new-care-episode");
	await expect(page, "new-care-episode", () => save(page), "the care episode was not saved");
}

async function holdFirstReview(page, child) {
	const review = await page.evaluate(
		(c) => frappe.db.get_value("Child Review", { child: c }, "name").then((r) => r.message.name),
		child
	);
	await page.goto(`${base}/app/child-review/${review}`);
	await look(page, "planned-review");
	const today = await page.evaluate(() => frappe.datetime.get_today());
	await setValues(page, {
		held_date: today,
		chair: seed.user,
		participation_code: "PN1",
		next_review_date: await page.evaluate(() => frappe.datetime.add_months(frappe.datetime.get_today(), 3)),
		care_plan_rag: "Green",
		rag_narrative: "Mae'r cynllun yn diwallu anghenion y plentyn.",
		spoken_to_privately: 1,
		knows_how_to_contact_iro: "Yes",
	});
	await expect(page, "planned-review", () => save(page), "the review was not saved");
	await expect(page, "mark-held", () => workflowAction(page, "Mark Held"), "Mark Held was refused");
	await look(page, "held-review");
	await page.evaluate(() => {
		const row = cur_frm.add_child("recommendations");
		row.action = "Adolygu'r cynllun addysg personol gyda'r ysgol.";
		row.responsible = "Gweithiwr cymdeithasol";
		row.due_by = frappe.datetime.add_days(frappe.datetime.get_today(), 28);
		cur_frm.refresh_field("recommendations");
		cur_frm.dirty();
	});
	await expect(page, "decisions", () => save(page), "the decisions were not saved");
	await expect(page, "record-decisions", () => workflowAction(page, "Record Decisions"), "Record Decisions was refused");
	await look(page, "decisions-recorded");
	await page.locator(".timeline-actions button", { hasText: cy("New Email") }).first().click();
	await look(page, "email-dialog");
	await closeDialogs(page);
	await page.goto(`${base}/app/print/Child%20Review/${review}`);
	await page.waitForSelector(".print-format", { timeout: 20000 }).catch(() => {});
	await look(page, "print-view");
	return review;
}

async function raiseAndEscalateDispute(page, child, review) {
	await page.goto(`${base}/app/iro-dispute/new`);
	await settle(page);
	await setValues(page, {
		child,
		child_review: review,
		raised_by: seed.user,
		raised_on: await page.evaluate(() => frappe.datetime.get_today()),
		category: "Drift in Care Planning",
		issue: "Nid yw'r cynllun wedi symud ers yr adolygiad diwethaf.",
		desired_outcome: "Cyfarfod cynllunio o fewn pythefnos.",
	});
	await look(page, "new-dispute");
	await expect(page, "new-dispute", () => save(page), "the dispute was not saved");
	await look(page, "dispute");
	await expect(page, "escalate", () => workflowAction(page, "Escalate"), "Escalate was refused");
	await look(page, "dispute-escalated");
}

async function lookAtChildProtection(page) {
	await page.goto(`${base}/app/child-protection-conference`);
	await look(page, "conferences");
	await page.goto(`${base}/app/child-protection-conference/${seed.cp_conference}`);
	await look(page, "conference");
	const child = await page.evaluate(() => cur_frm.doc.child);
	await page.goto(`${base}/app/looked-after-child/${child}`);
	await settle(page);
	await page.locator(".form-tabs .nav-link", { hasText: "Amddiffyn plant" }).first().click();
	await look(page, "child-protection-tab");
}

async function runReports(page) {
	for (const report of REPORTS) {
		await page.goto(`${base}/app/query-report/${encodeURIComponent(report)}`);
		await page.waitForSelector(".dt-scrollable, .no-result", { timeout: 20000 }).catch(() => {});
		await look(page, `report-${report.toLowerCase().replace(/ /g, "-")}`);
	}
}

(async () => {
	const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
	const page = await signIn(browser);
	await page.waitForSelector(".widget.number-widget-box .widget-content .number", { timeout: 20000 }).catch(() => {});
	await page.waitForTimeout(1500);
	await look(page, "lands");
	const child = await createChild(page);
	await startEpisode(page, child);
	const review = await holdFirstReview(page, child);
	await raiseAndEscalateDispute(page, child, review);
	await lookAtChildProtection(page);
	await runReports(page);
	await browser.close();
	fs.writeFileSync(`${shots}/welsh-strings-covered.txt`, [...covered].sort().join("\n") + "\n");
	console.log(problems.length ? problems.join("\n") : "every screen of the Welsh day was in Welsh");
	console.log(`browser: Welsh day walked, ${covered.size} Welsh strings seen, ${problems.length} problems`);
	process.exit(problems.length ? 1 : 0);
})();

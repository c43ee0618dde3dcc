// The review form tells each person what the workflow needs next, naming the fields still empty.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const source = path.join(__dirname, "../../iro_standards/iro_standards/doctype/child_review/child_review.js");

function guidanceFor(doc) {
	const context = {
		frappe: { ui: { form: { on: () => {} } } },
		__: (text, args) => text.replace(/\{(\d)\}/g, (_match, n) => args[n]),
	};
	vm.runInNewContext(fs.readFileSync(source, "utf8"), context);
	return context.next_action_guidance(doc, (fieldname) => `[${fieldname}]`);
}

const planned = { docstatus: 0, status: "Planned", statutory_due: "2026-12-10" };

test("holding a review names every field Mark Held needs, the chair among them", () => {
	assert.strictEqual(
		guidanceFor(planned),
		"To mark the review held, fill in [held_date], [participation_code], [chair], [next_review_date] and save: Actions then offers Mark Held.",
	);
	const filled = { ...planned, held_date: "2026-12-09", participation_code: "PN1", chair: "iro@example.com", next_review_date: "2027-03-01" };
	assert.strictEqual(guidanceFor(filled), "");
});

test("a review held after its statutory date asks for the reason it was late", () => {
	const late = { ...planned, held_date: "2026-12-11", participation_code: "PN1", chair: "iro@example.com", next_review_date: "2027-03-01" };
	assert.match(guidanceFor(late), /fill in \[late_reason\] and save/);
	assert.strictEqual(guidanceFor({ ...late, late_reason: "Carer ill" }), "");
});

test("the team manager is told to use Actions, and a disagreement how it moves on", () => {
	assert.match(guidanceFor({ docstatus: 1, status: "With Team Manager" }), /comments in \[tm_comments\].*Agree or Disagree from Actions/);
	assert.match(guidanceFor({ docstatus: 1, status: "Disagreed" }), /record \[informal_resolution_on\] and \[informal_resolution_outcome\]/);
	assert.strictEqual(guidanceFor({ docstatus: 1, status: "Disagreed", informal_resolution_on: "2026-12-01" }), "");
	assert.strictEqual(guidanceFor({ docstatus: 1, status: "Agreed" }), "");
});

test("the questions the site asks of every review are named until answered, and a child under 4 is asked only the rating", () => {
	const asked = { __onload: { asked_at_every_review: { care_plan_rag: 1, not_spoken_privately_reason: 1, knows_how_to_contact_iro: 1 } } };
	const filled = { ...planned, ...asked, held_date: "2026-12-09", participation_code: "PN1", chair: "iro@example.com", next_review_date: "2027-03-01" };
	assert.match(guidanceFor(filled), /fill in \[care_plan_rag\], \[not_spoken_privately_reason\], \[knows_how_to_contact_iro\] and save/);
	assert.strictEqual(guidanceFor({ ...filled, care_plan_rag: "Green", spoken_to_privately: 1, knows_how_to_contact_iro: "Yes" }), "");
	assert.match(guidanceFor({ ...filled, participation_code: "PN0" }), /fill in \[care_plan_rag\] and save/);
	const off = { __onload: { asked_at_every_review: { care_plan_rag: 0, not_spoken_privately_reason: 0, knows_how_to_contact_iro: 0 } } };
	assert.strictEqual(guidanceFor({ ...filled, ...off }), "");
});

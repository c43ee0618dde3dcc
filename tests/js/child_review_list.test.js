// The Child Review list shows each workflow state as itself: "Due Soon" only on planned reviews.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const source = path.join(__dirname, "../../iro_standards/iro_standards/doctype/child_review/child_review_list.js");

function indicatorOf(doc) {
	const frappe = {
		listview_settings: {},
		boot: { iro_standards: { due_soon_until: "2026-12-07" } },
		datetime: { get_today: () => "2026-11-23" },
	};
	vm.runInNewContext(fs.readFileSync(source, "utf8"), { frappe, __: (text) => text });
	return frappe.listview_settings["Child Review"].get_indicator(doc)[0];
}

const soon = { statutory_due: "2026-11-30", docstatus: 1, held_in_timescale: 1 };

test("states after the review show as themselves, never Due Soon or Planned", () => {
	for (const status of ["Decisions Recorded", "With Team Manager", "Agreed", "Deemed Agreed", "Disagreed", "Record Distributed"]) {
		assert.strictEqual(indicatorOf({ ...soon, status }), status);
	}
});

test("held, cancelled, overdue, adjourned, due soon and planned", () => {
	assert.strictEqual(indicatorOf({ ...soon, status: "Held" }), "Held in Timescale");
	assert.strictEqual(indicatorOf({ ...soon, status: "Held", held_in_timescale: 0 }), "Held Late");
	assert.strictEqual(indicatorOf({ ...soon, docstatus: 2, status: "Cancelled for Correction" }), "Cancelled");
	assert.strictEqual(indicatorOf({ ...soon, docstatus: 0, status: "Cancelled" }), "Cancelled");
	assert.strictEqual(indicatorOf({ ...soon, docstatus: 0, status: "Planned", overdue: 1 }), "Overdue");
	assert.strictEqual(indicatorOf({ ...soon, docstatus: 0, status: "Adjourned" }), "Adjourned");
	assert.strictEqual(indicatorOf({ ...soon, docstatus: 0, status: "Planned" }), "Due Soon");
	assert.strictEqual(
		indicatorOf({ ...soon, docstatus: 0, status: "Planned", statutory_due: "2027-02-01" }),
		"Planned",
	);
});

test("a review planned or reconvened after its statutory date shows as Planned Late", () => {
	const planned = { ...soon, docstatus: 0, status: "Planned", statutory_due: "2027-02-01" };
	assert.strictEqual(indicatorOf({ ...planned, planned_date: "2027-02-02" }), "Planned Late");
	assert.strictEqual(indicatorOf({ ...planned, planned_date: "2027-02-01" }), "Planned");
	assert.strictEqual(
		indicatorOf({ ...planned, status: "Adjourned", planned_date: "2027-01-20", reconvene_date: "2027-02-03" }),
		"Planned Late",
	);
	assert.strictEqual(indicatorOf({ ...planned, planned_date: "2027-02-02", overdue: 1 }), "Overdue");
});

test("a state an admin added to the workflow shows as itself", () => {
	assert.strictEqual(indicatorOf({ ...soon, docstatus: 0, status: "Awaiting Interpreter" }), "Awaiting Interpreter");
	assert.strictEqual(indicatorOf({ ...soon, docstatus: 0, status: "Awaiting Interpreter", overdue: 1 }), "Overdue");
	assert.strictEqual(indicatorOf({ ...soon, docstatus: 1, status: "Quality Checked" }), "Quality Checked");
});

// The review calendar names the child and colours each review by where it stands.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const source = path.join(__dirname, "../../iro_standards/iro_standards/doctype/child_review/child_review_calendar.js");
const frappe = { views: { calendar: {} } };
vm.runInNewContext(fs.readFileSync(source, "utf8"), { frappe });
const calendar = frappe.views.calendar["Child Review"];

test("the calendar titles each review with the child's name and fetches what colours it", () => {
	assert.strictEqual(calendar.field_map.title, "child_name");
	for (const field of ["child_name", "status", "docstatus", "overdue", "statutory_due", "planned_date"]) {
		assert.ok(calendar.fields.includes(field), field);
	}
});

test("overdue or planned late red, adjourned orange, held green, planned blue", () => {
	const planned = { docstatus: 0, status: "Planned", planned_date: "2026-12-10", statutory_due: "2026-12-14" };
	assert.strictEqual(calendar.get_css_class(planned), "default");
	assert.strictEqual(calendar.get_css_class({ ...planned, overdue: 1 }), "danger");
	assert.strictEqual(calendar.get_css_class({ ...planned, planned_date: "2026-12-15" }), "danger");
	assert.strictEqual(calendar.get_css_class({ ...planned, status: "Adjourned" }), "warning");
	assert.strictEqual(calendar.get_css_class({ ...planned, docstatus: 1, status: "Agreed" }), "success");
});

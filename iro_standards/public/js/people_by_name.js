// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

// The list sidebar's group-by counts name each person (the app's count sends their name as title)
// instead of showing their e-mail address.
(function () {
	const group_by = frappe.views.ListGroupBy.prototype;
	const dropdown_html = group_by.get_dropdown_html;
	group_by.get_dropdown_html = function (field, fieldtype, applied) {
		const html = dropdown_html.call(this, field, fieldtype, applied);
		if (!field.title || field.name === frappe.session.user) {
			return html;
		}
		const name = frappe.utils.escape_html(field.title);
		return html.replace(/(<span class="group-by-value[^"]*"[^>]*>)[^<]*(<\/span>)/, `$1${name}$2`);
	};
})();

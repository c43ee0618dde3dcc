// The list sidebar's group-by names each person the app's count names, and leaves the rest.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const source = path.join(__dirname, "../../iro_standards/public/js/people_by_name.js");

function sidebar() {
	class ListGroupBy {
		get_dropdown_html(field) {
			const label = field.name === "me@example.com" ? "Me" : field.name;
			return `<li class="group-by-item" data-value="${field.name}"><a class="dropdown-item"><span class="group-by-value ellipsis" data-name="${field.name}">${label}</span><span class="group-by-count">${field.count}</span></a></li>`;
		}
	}
	const frappe = {
		views: { ListGroupBy },
		session: { user: "me@example.com" },
		utils: { escape_html: (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") },
	};
	vm.runInNewContext(fs.readFileSync(source, "utf8"), { frappe });
	return new ListGroupBy();
}

test("a person the count names is shown by name, their e-mail kept as the filter value", () => {
	const html = sidebar().get_dropdown_html({ name: "ada@example.com", title: "Ada Quill", count: 4 });
	assert.match(html, /data-value="ada@example.com"/);
	assert.match(html, /<span class="group-by-value ellipsis" data-name="ada@example.com">Ada Quill<\/span>/);
	assert.match(html, /<span class="group-by-count">4<\/span>/);
});

test("a name is shown as text, and the user themself stays Me", () => {
	const html = sidebar().get_dropdown_html({ name: "x@example.com", title: "<b>X</b>", count: 1 });
	assert.match(html, />&lt;b&gt;X&lt;\/b&gt;<\/span>/);
	assert.match(sidebar().get_dropdown_html({ name: "me@example.com", title: "Me Myself", count: 2 }), />Me<\/span>/);
	assert.match(sidebar().get_dropdown_html({ name: "Open", count: 3 }), />Open<\/span>/);
});

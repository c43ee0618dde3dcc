app_name = "iro_standards"
app_title = "IRO Standards"
app_publisher = "iro_standards contributors"
app_description = "Independent Reviewing Officer practice standards: timescales, reviews and challenge"
app_email = "iro-standards@example.org"
app_license = "mit"

after_install = "iro_standards.install.after_install"
after_migrate = "iro_standards.install.after_migrate"
before_uninstall = "iro_standards.install.before_uninstall"
setup_wizard_complete = "iro_standards.install.keep_case_roles_from_the_first_user"

export_python_type_annotations = True

boot_session = "iro_standards.boot.boot_session"

permission_query_conditions = {"*": "iro_standards.permissions.query_conditions"}
has_permission = {"*": "iro_standards.permissions.has_permission"}

_forget_file_structure = "iro_standards.permissions.forget_file_structure"
_forget_readable_kinds = "iro_standards.iro_standards.child_timeline.forget_readable_kinds"
doc_events = {
	"*": {
		"validate": [
			"iro_standards.guards.refuse_references_to_records_out_of_reach",
			"iro_standards.writes.check_before_writing",
		],
		"before_update_after_submit": "iro_standards.writes.check_before_writing",
	},
	"Workflow": {"on_update": "iro_standards.iro_standards.workflow.states.allow_the_workflow_states"},
	"Looked After Child": {"on_change": "iro_standards.permissions.forget_child_access"},
	"DocType": {"on_update": _forget_file_structure, "on_trash": _forget_file_structure},
	"Custom Field": {"on_update": _forget_file_structure, "on_trash": _forget_file_structure},
	"Property Setter": {"on_update": _forget_file_structure, "on_trash": _forget_file_structure},
	"Custom DocPerm": {"on_change": _forget_readable_kinds, "on_trash": _forget_readable_kinds},
}
clear_cache = _forget_file_structure

before_request = [
	"iro_standards.guards.refuse_malformed_list_arguments",
	"iro_standards.guards.refuse_records_out_of_reach",
]
after_request = [
	"iro_standards.guards.explain_queries_the_database_refused",
	"iro_standards.guards.hide_whether_records_exist",
	"iro_standards.guards.hide_titles_of_records_out_of_reach",
]

override_whitelisted_methods = {
	"frappe.client.get_count": "iro_standards.overrides.get_count",
	"frappe.client.validate_link": "iro_standards.overrides.validate_link",
	"frappe.desk.listview.get_group_by_count": "iro_standards.overrides.get_group_by_count",
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "iro_standards.overrides.get_dashboard_chart",
	"frappe.desk.form.linked_with.get_submitted_linked_docs": "iro_standards.overrides.get_submitted_linked_docs",
	"frappe.desk.search.get_link_title": "iro_standards.overrides.get_link_title",
	"frappe.desk.search.search_link": "iro_standards.overrides.search_link",
	"frappe.desk.search.search_widget": "iro_standards.overrides.search_widget",
	"frappe.desk.like.toggle_like": "iro_standards.overrides.toggle_like",
	"frappe.desk.form.utils.get_next": "iro_standards.overrides.get_next",
	"frappe.desk.doctype.tag.tag.add_tag": "iro_standards.overrides.add_tag",
	"frappe.desk.doctype.tag.tag.add_tags": "iro_standards.overrides.add_tags",
	"frappe.desk.doctype.tag.tag.remove_tag": "iro_standards.overrides.remove_tag",
	"frappe.desk.doctype.kanban_board.kanban_board.update_order": "iro_standards.overrides.update_kanban_order",
	"frappe.desk.form.document_follow.get_follow_users": "iro_standards.overrides.get_follow_users",
	"frappe.www.printview.get_html_and_style": "iro_standards.overrides.get_html_and_style",
	"frappe.workflow.doctype.workflow.workflow.get_workflow_state_count": "iro_standards.overrides.get_workflow_state_count",
	"frappe.desk.doctype.tag.tag.get_tagged_docs": "iro_standards.overrides.get_tagged_docs",
	"frappe.utils.goal.get_monthly_goal_graph_data": "iro_standards.overrides.get_monthly_goal_graph_data",
}

override_doctype_class = {"Notification": "iro_standards.notification.BellWithoutEmailNotification"}

additional_timeline_content = {
	"Looked After Child": ["iro_standards.iro_standards.child_timeline.child_file_events"]
}

scheduler_events = {"daily": ["iro_standards.tasks.daily"]}

jinja = {
	"methods": [
		"iro_standards.prints.printable",
		"iro_standards.prints.readable_values",
		"iro_standards.prints.full_name",
		"iro_standards.iro_standards.letters.letter_languages_for",
		"iro_standards.iro_standards.letters.iro_contact_details",
		"iro_standards.iro_standards.letters.report_languages",
		"iro_standards.iro_standards.annual_report.translated_measure",
	],
	"filters": ["iro_standards.prints.safe_html"],
}

app_include_js = [
	"/assets/iro_standards/js/iro_standards.js",
	"/assets/iro_standards/js/people_by_name.js",
]

app_name = "iro_standards"
app_title = "IRO Standards"
app_publisher = "iro_standards contributors"
app_description = "Independent Reviewing Officer practice standards: timescales, reviews and challenge"
app_email = "iro-standards@example.org"
app_license = "mit"

after_install = "iro_standards.install.after_install"
after_migrate = "iro_standards.install.after_migrate"
before_uninstall = "iro_standards.install.before_uninstall"

export_python_type_annotations = True

boot_session = "iro_standards.boot.boot_session"

permission_query_conditions = {
	"Looked After Child": "iro_standards.permissions.child_query_conditions",
	"Care Episode": "iro_standards.permissions.care_episode_query_conditions",
	"Child Review": "iro_standards.permissions.child_review_query_conditions",
	"Progress Review": "iro_standards.permissions.progress_review_query_conditions",
	"IRO Dispute": "iro_standards.permissions.iro_dispute_query_conditions",
	"IRO Contact": "iro_standards.permissions.iro_contact_query_conditions",
}

has_permission = {
	"Looked After Child": "iro_standards.permissions.has_child_permission",
	"Care Episode": "iro_standards.permissions.has_linked_permission",
	"Child Review": "iro_standards.permissions.has_linked_permission",
	"Progress Review": "iro_standards.permissions.has_linked_permission",
	"IRO Dispute": "iro_standards.permissions.has_linked_permission",
	"IRO Contact": "iro_standards.permissions.has_linked_permission",
}

scheduler_events = {"daily": ["iro_standards.tasks.daily"]}

app_include_js = "/assets/iro_standards/js/iro_standards.js"

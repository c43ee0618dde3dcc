app_name = "iro_standards"
app_title = "IRO Standards"
app_publisher = "iro_standards contributors"
app_description = "Independent Reviewing Officer practice standards: timescales, reviews and challenge"
app_email = "iro-standards@example.org"
app_license = "mit"

after_install = "iro_standards.install.after_install"
after_migrate = "iro_standards.install.after_migrate"

export_python_type_annotations = True

boot_session = "iro_standards.boot.boot_session"

from iro_standards.iro_standards.doctype.child_review.child_review import on_doctype_update


def execute() -> None:
	on_doctype_update()

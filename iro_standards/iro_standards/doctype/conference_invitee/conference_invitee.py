# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from iro_standards.iro_standards.case_record import CaseRow


class ConferenceInvitee(CaseRow):
	pass

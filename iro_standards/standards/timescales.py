"""The statutory and local-practice timescales, with the defaults of the domain brief."""

from dataclasses import dataclass, field, fields

from iro_standards.standards.working_calendar import JURISDICTION_SUBDIVISIONS

DISPUTE_LEVELS = ("Informal", "Formal", "Referral")


@dataclass(frozen=True, slots=True)
class DisputeStage:
	"""One step of the challenge and dispute resolution protocol (IRO Handbook ch. 6)."""

	name: str
	addressed_to: str
	response_working_days: int | None
	level: str = "Formal"

	def __post_init__(self) -> None:
		if not self.name:
			raise ValueError("dispute stage name is required")
		if self.level not in DISPUTE_LEVELS:
			raise ValueError(
				f"level of dispute stage {self.name!r} must be one of {', '.join(DISPUTE_LEVELS)}, "
				f"not {self.level!r}"
			)
		if self.response_working_days is not None and self.response_working_days <= 0:
			raise ValueError(
				f"response_working_days of dispute stage {self.name!r} must be positive, "
				f"not {self.response_working_days}"
			)


def default_dispute_stages(jurisdiction: str = "england") -> tuple[DisputeStage, ...]:
	referral_body = "Cafcass Cymru" if jurisdiction == "wales" else "Cafcass"
	director = "Director of Social Services" if jurisdiction == "wales" else "Director of children's services"
	return (
		DisputeStage("Informal", "Social worker / team manager", 5, "Informal"),
		DisputeStage("Formal 1", "Team manager", 5),
		DisputeStage("Formal 2", "Service manager", 5),
		DisputeStage("Formal 3", "Head of service", 10),
		DisputeStage("Formal 4", director, 10),
		DisputeStage(f"{referral_body} referral", referral_body, None, "Referral"),
	)


def stages_renamed_by_jurisdiction(old: str, new: str) -> dict[tuple[str, str], DisputeStage]:
	"""The default stages of jurisdiction ``old``, by (name, addressed to), that ``new`` names otherwise."""
	return {
		(before.name, before.addressed_to): after
		for before, after in zip(default_dispute_stages(old), default_dispute_stages(new), strict=True)
		if before != after
	}


@dataclass(frozen=True, slots=True)
class Timescales:
	"""Every timescale the engine applies. Units are in the field name; all must be positive."""

	jurisdiction: str = "england"
	# Statutory reviews (CPPCR (England) Regs 2010 reg. 33; CPPCR (Wales) Regs 2015)
	first_review_working_days: int = 20
	second_review_months: int = 3
	subsequent_review_months: int = 6
	pep_working_days: int = 20
	iro_allocation_working_days: int = 3
	# Other review regimes (CPPCR 2010 reg 48 short breaks; Adoption Agencies Regs 2005 reg 36)
	short_breaks_first_review_months: int = 3
	short_breaks_review_months: int = 6
	adoption_first_review_weeks: int = 4
	adoption_second_review_months: int = 3
	adoption_review_months: int = 6
	# Care leavers (Care Leavers (England) Regs 2010; Wales equivalents)
	pathway_plan_first_months: int = 3
	pathway_plan_review_months: int = 6
	# Becoming looked after (practice standards' first review process chart)
	looked_after_notification_working_days: int = 2
	iro_allocation_after_looked_after_working_days: int = 5
	# A significant change (CPPCR 2010 reg 32): the IRO decides whether the review comes forward
	significant_change_decision_working_days: int = 5
	# Preparing the review (local practice standards)
	child_contact_days_before: int = 10
	consultation_working_days_before: int = 15
	invitations_working_days_before: int = 10
	first_sw_report_working_days_before: int = 3
	later_sw_report_working_days_before: int = 5
	max_adjournment_working_days: int = 20
	# After the review
	decisions_recorded_days: int = 5
	tm_response_working_days: int = 5
	informal_resolution_working_days: int = 5
	record_distribution_working_days: int = 20
	care_plan_update_working_days: int = 10
	# Child protection conferences (Working Together; Wales Safeguarding Procedures)
	icpc_working_days: int = 15
	first_rcpc_months: int = 3
	later_rcpc_months: int = 6
	core_group_working_days: int = 10
	cp_progress_check_months: int = 1
	# Steps of an initial conference, in working days after the strategy discussion (appendix 1)
	icpc_request_working_days: int = 1
	icpc_convening_form_working_days: int = 3
	icpc_date_and_chair_working_days: int = 4
	icpc_invitations_working_days: int = 5
	# Steps of a review conference, in working days before it (appendix 2)
	rcpc_sw_contact_working_days_before: int = 20
	rcpc_follow_up_working_days_before: int = 15
	rcpc_invitations_working_days_before: int = 13
	# Steps of every conference, in working days before or after it (appendices 1 and 2)
	quoracy_first_check_working_days_before: int = 4
	quoracy_final_check_working_days_before: int = 3
	icpc_proceed_decision_working_days_before: int = 3
	rcpc_proceed_decision_working_days_before: int = 2
	conference_confirmed_working_days_before: int = 1
	exceptional_report_working_days: int = 4
	cp_plan_long_years: int = 2
	repeat_plan_years: int = 2
	quorum_other_agencies: int = 2
	# Caseload guidance (IRO Handbook: 50-70 children per full-time IRO)
	caseload_minimum: int = 50
	caseload_maximum: int = 70
	dispute_stages: tuple[DisputeStage, ...] = field(default_factory=default_dispute_stages)

	def __post_init__(self) -> None:
		if self.jurisdiction not in JURISDICTION_SUBDIVISIONS:
			known = ", ".join(sorted(JURISDICTION_SUBDIVISIONS))
			raise ValueError(f"jurisdiction must be one of {known}, not {self.jurisdiction!r}")
		for name in duration_field_names():
			value = getattr(self, name)
			if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
				raise ValueError(f"{name} must be a positive whole number, not {value!r}")
		if self.caseload_minimum > self.caseload_maximum:
			raise ValueError("caseload_minimum must not be greater than caseload_maximum")
		if not self.dispute_stages:
			raise ValueError("dispute_stages must list at least one stage")
		if stage := first_stage_below_its_predecessor(self.dispute_stages):
			raise ValueError(
				f"dispute stage {stage.name!r} ({stage.level}) cannot follow a stage of a higher level: "
				"disputes escalate from informal to formal to referral"
			)

	@classmethod
	def for_jurisdiction(cls, jurisdiction: str, **overrides: object) -> "Timescales":
		"""The brief's defaults for England or Wales, with any field overridden by keyword."""
		overrides.setdefault("dispute_stages", default_dispute_stages(jurisdiction))
		return cls(jurisdiction=jurisdiction, **overrides)

	def dispute_stage(self, name: str) -> DisputeStage:
		for stage in self.dispute_stages:
			if stage.name == name:
				return stage
		raise ValueError(f"dispute stage {name!r} is not one of the configured stages")

	def next_dispute_stage(self, name: str) -> DisputeStage | None:
		"""The stage a dispute escalates to from ``name``, or None at the last stage."""
		position = self.dispute_stages.index(self.dispute_stage(name))
		return self.dispute_stages[position + 1] if position + 1 < len(self.dispute_stages) else None


def first_stage_below_its_predecessor(stages: tuple[DisputeStage, ...]) -> DisputeStage | None:
	"""The first stage whose level is lower than the stage before it, if any."""
	ranks = [DISPUTE_LEVELS.index(stage.level) for stage in stages]
	for position in range(1, len(stages)):
		if ranks[position] < ranks[position - 1]:
			return stages[position]
	return None


def duration_field_names() -> tuple[str, ...]:
	"""The whole-number fields of Timescales, in declaration order (settings mirror these names)."""
	return tuple(f.name for f in fields(Timescales) if f.type is int)


ENGLAND = Timescales()
WALES = Timescales.for_jurisdiction("wales")

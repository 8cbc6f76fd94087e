package vn.dondoc.reminder;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.dondoc.calendar.CalendarSettings;
import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.notification.NotificationKind;
import vn.dondoc.reminder.ReminderPlan.Decision;
import vn.dondoc.reminder.ReminderPlan.Occurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderPlanTest {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final VietnamCalendar calendar = new VietnamCalendar(CalendarSettings.withHolidaysFile(Path.of("config/holidays.yml")));

	private final ReminderPolicies policies = new ReminderPolicies(new ReminderSettings(true, Path.of("config/reminder-policy.yml"), null, null, null));

	@Test
	void laysTheDefaultLadderOnWorkingMorningsAroundTheDueDate() {
		// due Friday 30/6/2023 (end of quý II)
		List<Occurrence> plan = ReminderPlan.lay(policies.defaultPolicy(), LocalDate.of(2023, 6, 30), at(2023, 4, 13, 9, 0), calendar);

		assertThat(first(plan, "giao-nhiem-vu")).isEqualTo(at(2023, 4, 13, 9, 0));
		assertThat(first(plan, "nhac-han")).isEqualTo(at(2023, 6, 16, 7, 30)); // 10 working days before
		assertThat(first(plan, "sap-den-han")).isEqualTo(at(2023, 6, 27, 7, 30));
		assertThat(first(plan, "den-han")).isEqualTo(at(2023, 6, 30, 7, 30));
		assertThat(plan.stream().filter(o -> o.step().equals("qua-han")).map(Occurrence::plannedAt).toList())
			.containsExactly(at(2023, 7, 3, 7, 30), at(2023, 7, 5, 7, 30), at(2023, 7, 7, 7, 30), at(2023, 7, 11, 7, 30),
					at(2023, 7, 13, 7, 30));
		assertThat(plan.stream().filter(o -> o.step().equals("leo-thang")).map(Occurrence::plannedAt).toList())
			.containsExactly(at(2023, 7, 7, 7, 30), at(2023, 7, 14, 7, 30), at(2023, 7, 21, 7, 30));
		assertThat(plan).allSatisfy(o -> assertThat(calendar.isWorkingDay(o.plannedAt().atZone(VIETNAM).toLocalDate())).isTrue());
	}

	@Test
	void movesStepsOffTetAndCountsADueDateOnADayOffFromTheNextWorkingDay() {
		// due Saturday 28/1/2023, inside Tết (20–26/1/2023 off): Điều 148 → Monday 30/1
		List<Occurrence> plan = ReminderPlan.lay(policies.defaultPolicy(), LocalDate.of(2023, 1, 28), at(2023, 1, 1, 9, 0), calendar);

		assertThat(first(plan, "den-han")).isEqualTo(at(2023, 1, 30, 7, 30));
		// 3 working days before Monday 30/1: Fri 27/1, then over the Tết break (20–26/1) Thu 19/1, Wed 18/1
		assertThat(first(plan, "sap-den-han")).isEqualTo(at(2023, 1, 18, 7, 30));
		assertThat(plan).allSatisfy(o -> {
			LocalDate day = o.plannedAt().atZone(VIETNAM).toLocalDate();
			if (!o.isAssignment()) {
				assertThat(calendar.isWorkingDay(day)).as(o.key() + " on " + day).isTrue();
			}
		});
	}

	@Test
	void collapsesStaleStepsIntoTheLatestAndKeepsTheEscalation() {
		List<Occurrence> plan = ReminderPlan.lay(policies.defaultPolicy(), LocalDate.of(2023, 6, 30), at(2023, 4, 13, 9, 0), calendar);
		Instant now = at(2023, 7, 12, 9, 0); // after overdue #1–#4 and escalation #1 (7/7)

		Decision decision = ReminderPlan.decide(plan, Set.of(), now, now);

		assertThat(decision.send()).extracting(Occurrence::key)
			.containsExactlyInAnyOrder("giao-nhiem-vu#1@-", "qua-han#4@2023-06-30", "leo-thang#1@2023-06-30");
		assertThat(decision.skip()).extracting(Occurrence::key)
			.containsExactlyInAnyOrder("nhac-han#1@2023-06-30", "sap-den-han#1@2023-06-30", "den-han#1@2023-06-30",
					"qua-han#1@2023-06-30", "qua-han#2@2023-06-30", "qua-han#3@2023-06-30");
		assertThat(decision.next()).contains(at(2023, 7, 13, 7, 30));

		// when the latest come is the escalation itself, it alone is sent (the late unit is in its copy)
		Decision onEscalationDay = ReminderPlan.decide(plan, Set.of("giao-nhiem-vu#1@-"), at(2023, 7, 7, 8, 0), at(2023, 7, 7, 8, 0));
		assertThat(onEscalationDay.send()).extracting(Occurrence::key).containsExactly("leo-thang#1@2023-06-30");
	}

	@Test
	void sendsOnlyTheAssignmentOutsideWorkingHoursAndWaitsForTheMorning() {
		List<Occurrence> plan = ReminderPlan.lay(policies.defaultPolicy(), LocalDate.of(2023, 6, 30), at(2023, 6, 29, 21, 0), calendar);
		Instant night = at(2023, 6, 29, 21, 0);
		Instant morning = calendar.nextWorkingMoment(night);

		Decision decision = ReminderPlan.decide(plan, Set.of(), night, morning);

		assertThat(morning).isEqualTo(at(2023, 6, 30, 7, 30));
		assertThat(decision.send()).extracting(Occurrence::message).containsExactly(NotificationKind.ASSIGNMENT);
		assertThat(decision.skip()).isEmpty();
		assertThat(decision.next()).contains(morning);
	}

	@Test
	void handledStepsAreNotSentAgainButANewDueDateStartsAFreshLadder() {
		List<Occurrence> old = ReminderPlan.lay(policies.defaultPolicy(), LocalDate.of(2023, 6, 30), at(2023, 4, 13, 9, 0), calendar);
		Set<String> handled = old.stream()
			.filter(o -> o.plannedAt().isBefore(at(2023, 6, 28, 0, 0)))
			.map(Occurrence::key)
			.collect(Collectors.toSet());
		Instant now = at(2023, 6, 28, 9, 0);
		assertThat(ReminderPlan.decide(old, handled, now, now).send()).isEmpty();

		// extended to 31/7/2023: the new ladder's early steps are in the future again
		List<Occurrence> moved = ReminderPlan.lay(policies.defaultPolicy(), LocalDate.of(2023, 7, 31), at(2023, 4, 13, 9, 0), calendar);
		Decision decision = ReminderPlan.decide(moved, handled, now, now);
		assertThat(decision.send()).isEmpty();
		assertThat(decision.next()).contains(at(2023, 7, 17, 7, 30));
	}

	@Test
	void readsPoliciesAndModelOverridesAndRefusesBadOnes() {
		assertThat(policies.all()).containsKeys("tieu-chuan", "khan-cap", "chi-giao-viec");
		ReminderPolicy model = policies.forTask(Map.of(ReminderPolicies.PROPERTY_POLICY, "khan-cap",
				ReminderPolicies.PROPERTY_STEPS, "hai-ngay | 2 days before | DUE_SOON | UNIT; tre | 1 ngày làm việc sau hạn | OVERDUE | ESCALATION | mỗi 1 ngày làm việc | 3"),
				"test").orElseThrow();
		assertThat(model.steps()).extracting(ReminderStep::id).containsExactly("hai-ngay", "tre");
		assertThat(model.steps().get(0).workingDays()).isFalse();
		assertThat(model.steps().get(1).times()).isEqualTo(3);
		assertThat(policies.forTask(Map.of(ReminderPolicies.PROPERTY_ENABLED, "false"), "test")).isEmpty();

		assertThatThrownBy(() -> policies.forTask(Map.of(ReminderPolicies.PROPERTY_POLICY, "khong-co"), "task x"))
			.isInstanceOf(InvalidReminderPolicyException.class).hasMessageContaining("khong-co");
		assertThatThrownBy(() -> ReminderPolicies.parse("test.yml", """
				policies:
				  p:
				    steps:
				      - { id: a, when: tuần sau, message: REMINDER, to: UNIT }
				      - { id: a, when: đúng hạn, message: NOPE, to: EVERYONE }
				"""))
			.isInstanceOfSatisfying(InvalidReminderPolicyException.class, e -> assertThat(e.problems())
				.anySatisfy(p -> assertThat(p).contains("policies.p.steps[0].when"))
				.anySatisfy(p -> assertThat(p).contains("policies.p.steps[1].message"))
				.anySatisfy(p -> assertThat(p).contains("policies.p.steps[1].to")));
	}

	private static Instant first(List<Occurrence> plan, String step) {
		return plan.stream().filter(o -> o.step().equals(step)).findFirst().orElseThrow().plannedAt();
	}

	static Instant at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(VIETNAM).toInstant();
	}

}

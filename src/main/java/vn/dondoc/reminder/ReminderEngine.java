package vn.dondoc.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveHeadings;
import vn.dondoc.directive.DirectiveHeadings.Heading;
import vn.dondoc.directive.TaskReminders;
import vn.dondoc.notification.NotificationKind;
import vn.dondoc.notification.NotificationRequest;
import vn.dondoc.notification.Notifications;
import vn.dondoc.platform.StartBatch;
import vn.dondoc.reminder.ReminderPlan.Decision;
import vn.dondoc.reminder.ReminderPlan.Occurrence;

/**
 * Keeps one wake-up per open task with a reminder ladder ({@link ReminderWakes}), at the moment of its next
 * step, and sends each step when it comes ({@link ReminderPump} fires the due tasks). Scheduling happens in
 * the transaction of the task change that caused it, so the wake-ups in the database always match the
 * tasks: none for a closed task, none left from an old due date, none for a change that rolled back.
 */
@Service
public class ReminderEngine implements TaskReminders {

	private static final Logger log = LoggerFactory.getLogger(ReminderEngine.class);

	/** The Quartz job that fires the due tasks ({@link ReminderPump}): paused, no reminder goes out on its own. */
	public static final JobKey PUMP = ReminderPump.JOB;

	private final ReminderWakes wakes;

	private final DirectiveHeadings directives;

	private final ProcessEngineConfigurationImpl engineConfiguration;

	private final TaskModels models;

	private final ReminderPolicies policies;

	private final ReminderLog reminderLog;

	private final Notifications notifications;

	private final ReminderRecipients recipients;

	private final VietnamCalendar calendar;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final JdbcOperations batchJdbc;

	private final Clock clock;

	private final ReminderSettings settings;

	private final Counter fired;

	private final Counter skipped;

	private final Counter wakeups;

	private final Timer lateness;

	ReminderEngine(ReminderWakes wakes, ProcessEngineConfigurationImpl engineConfiguration,
			TaskModels models, ReminderPolicies policies, ReminderLog reminderLog, Notifications notifications,
			ReminderRecipients recipients, VietnamCalendar calendar, TransactionTemplate transactions, JdbcClient jdbc, JdbcOperations batchJdbc,
			Clock clock, ReminderSettings settings, MeterRegistry meters, DirectiveHeadings directives) {
		this.wakes = wakes;
		this.directives = directives;
		this.engineConfiguration = engineConfiguration;
		this.models = models;
		this.policies = policies;
		this.reminderLog = reminderLog;
		this.notifications = notifications;
		this.recipients = recipients;
		this.calendar = calendar;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
		this.clock = clock;
		this.settings = settings;
		this.fired = Counter.builder("dondoc.reminders.fired").description("Reminder steps sent").register(meters);
		this.skipped = Counter.builder("dondoc.reminders.skipped").description("Reminder steps collapsed into a later one").register(meters);
		this.wakeups = Counter.builder("dondoc.reminders.wakeups").description("Tasks whose reminders were fired on this node").register(meters);
		this.lateness = Timer.builder("dondoc.reminders.lateness").description("Sent time minus planned time of a reminder step")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	/** A task was created or changed (due date, candidate groups): its wake-up moves to its next step. */
	void taskChanged(TaskSnapshot task) {
		plan(task, false);
	}

	/** A task was created: as {@link #taskChanged}, knowing that it has no wake-up yet. */
	void taskCreated(TaskSnapshot task) {
		plan(task, true);
	}

	private void plan(TaskSnapshot task, boolean created) {
		if (!settings.enabled()) {
			return;
		}
		Optional<ReminderPolicy> policy = policyOf(task);
		if (policy.isEmpty()) {
			if (!created) {
				wakes.remove(task.taskId());
			}
			return;
		}
		Instant now = clock.instant();
		Optional<Instant> wake = wake(decide(task, policy.get(), now), now);
		if (created) {
			wake.ifPresent(at -> wakes.setFirst(task.taskId(), at));
		}
		else {
			wakes.set(task.taskId(), wake.orElse(null));
		}
	}

	/**
	 * An open task was found without any reminder wake-up ({@link ReminderSweep}): when its ladder still has
	 * a step to come, or one that came meanwhile, its wake-up is set again, as after a change; when it has
	 * nothing left to send, that is recorded with the revision the sweep saw ({@link ReminderWakes#settle}).
	 *
	 * @return when the task now wakes (business time), or empty when it has nothing left to send
	 */
	Optional<Instant> restore(String taskId, int revision) {
		if (!settings.enabled()) {
			return Optional.empty();
		}
		return transactions.execute(status -> {
			TaskSnapshot snapshot = read(taskId);
			if (snapshot == null) {
				return Optional.<Instant>empty();
			}
			Optional<ReminderPolicy> policy = policyOf(snapshot);
			Instant now = clock.instant();
			Optional<Instant> wake = policy.isEmpty() ? Optional.empty() : wake(decide(snapshot, policy.get(), now), now);
			if (wake.isPresent()) {
				wakes.set(taskId, wake.get());
			}
			else {
				wakes.settle(taskId, revision);
			}
			return wake;
		});
	}

	/** What of the task's ladder is to be sent or skipped now, and when its next step comes. */
	private Decision decide(TaskSnapshot task, ReminderPolicy policy, Instant now) {
		// a task of a process being started by an import has nothing handled yet: no look-up (issue 18)
		return decide(task, policy, now, StartBatch.active() ? Set.of() : reminderLog.handledKeys(task.scope()));
	}

	/** As {@link #decide(TaskSnapshot, ReminderPolicy, Instant)}, knowing the steps of the task's scope handled before. */
	private Decision decide(TaskSnapshot task, ReminderPolicy policy, Instant now, Set<String> handled) {
		List<Occurrence> plan = ReminderPlan.lay(policy, dueDay(task), task.createdAt(), calendar);
		return ReminderPlan.decide(plan, handled, now, calendar.nextWorkingMoment(now));
	}

	/** When the task is to wake: now when anything has come (the pump handles it at once), else at its next step. */
	private static Optional<Instant> wake(Decision decision, Instant now) {
		return decision.send().isEmpty() && decision.skip().isEmpty() ? decision.next() : Optional.of(now);
	}

	/** A task was completed or deleted: its wake-up goes. */
	void taskClosed(String taskId) {
		wakes.remove(taskId);
	}

	/**
	 * Fires the task when it is due and no other transaction is firing it: its wake-up row is locked for the
	 * transaction that sends its steps.
	 *
	 * @return whether it was fired
	 */
	public boolean fireIfDue(String taskId) {
		return fireAllIfDue(List.of(taskId)) == 1;
	}

	/**
	 * As {@link #fireIfDue}, for several tasks in one transaction: each task that is due and not held by another
	 * transaction is fired, the others are passed over. A failure of any rolls all of them back. They are
	 * claimed, read and written together ({@link Firing}).
	 *
	 * @return how many were fired
	 */
	public int fireAllIfDue(List<String> taskIds) {
		Integer fired = transactions.execute(status -> {
			List<String> claimed = wakes.claimAll(taskIds, clock.instant());
			if (!claimed.isEmpty()) {
				fire(claimed);
			}
			return claimed.size();
		});
		return fired == null ? 0 : fired;
	}

	/** The tasks' wake-ups came: for each, send what has come, skip what is stale, set the next wake-up. */
	private void fire(List<String> taskIds) {
		wakeups.increment(taskIds.size());
		transactions.executeWithoutResult(status -> {
			Map<String, TaskSnapshot> tasks = readAll(taskIds);
			Firing firing = new Firing(tasks, reminderLog.handledKeys(tasks.values().stream().map(TaskSnapshot::scope).toList()));
			for (String taskId : taskIds) {
				fire(taskId, firing);
			}
			firing.write(engineConfiguration.getCommandExecutorTxRequired(), batchJdbc, wakes);
		});
	}

	/** One task of a firing (read with the others): what it sends and skips, and its next wake-up. */
	void fire(String taskId, Firing firing) {
		TaskSnapshot snapshot = firing.task(taskId);
		Optional<ReminderPolicy> policy = snapshot == null ? Optional.empty() : policyOf(snapshot);
		if (policy.isEmpty()) {
			firing.wake(taskId, null);
			return;
		}
		Instant now = clock.instant();
		Decision decision = decide(snapshot, policy.get(), now, firing.handled(snapshot.scope()));
		for (Occurrence occurrence : decision.skip()) {
			if (reminderLog.record(snapshot.scope(), taskId, occurrence, now, ReminderLog.SKIPPED, null)) {
				skipped.increment();
			}
		}
		for (Occurrence occurrence : decision.send()) {
			send(snapshot, occurrence, now, firing);
		}
		firing.wake(taskId, decision.next().orElse(null));
	}

	private void send(TaskSnapshot task, Occurrence occurrence, Instant now, Firing firing) {
		ReminderRecipients.Recipients reached = recipients.of(task, occurrence.audience());
		if (reached.to().isEmpty()) {
			log.debug("Task {} ({}) has no unit with a mailbox among its candidate groups {}: step {} is not sent",
					task.taskId(), task.name(), task.candidateGroups(), occurrence.step());
			reminderLog.record(task.scope(), task.taskId(), occurrence, now, ReminderLog.SKIPPED, "no recipient");
			skipped.increment();
			return;
		}
		if (!reminderLog.record(task.scope(), task.taskId(), occurrence, now, ReminderLog.SENT, String.join(", ", reached.names()))) {
			return;
		}
		LocalDate due = dueDay(task);
		Map<String, Object> v = task.variables();
		// a task of a modelled process has no document: its mail names the process instead, and nothing empty
		boolean directive = v.get("directiveId") != null;
		Heading heading = directives.heading(v.get("directiveId"), v::get);
		NotificationRequest request = new NotificationRequest(
				"reminder:" + task.scope() + ":" + occurrence.step() + ":" + occurrence.occurrence() + ":" + occurrence.dueKey(),
				occurrence.message(), reached.to(), reached.cc(), string(v.get("directiveId")),
				heading.documentCode(), heading.documentTitle(), heading.section(),
				heading.text() == null ? task.name() : heading.text(), String.join(",", reached.leadCodes()),
				String.join(", ", reached.leadNames()), due, originalDue(v, due), extensionCount(v),
				due == null ? null : workingDaysLeft(calendar.toLocalDate(now), due), task.taskId(), reached.names(), null, null,
				directive ? null : models.processName(task.processDefinitionId()), deadlineText(task),
				occurrence.message() == NotificationKind.ESCALATION && remindedBefore(task, now));
		notifications.enqueue(request);
		String text = "dondoc: đã gửi «" + occurrence.message().label() + "» tới " + String.join(", ", reached.names())
				+ (due == null ? "" : " (hạn " + String.format("%02d/%02d/%d", due.getDayOfMonth(), due.getMonthValue(), due.getYear()) + ")");
		if (task.processInstanceId() != null) {
			firing.comment(new ReminderComment(task.taskId(), task.processInstanceId(), task.rootProcessInstanceId(), text));
		}
		Object directiveId = v.get("directiveId");
		firing.history(now, directiveId instanceof Number id ? DirectiveCatalog.historySubject(id.longValue()) : "task:" + task.taskId(),
				"REMINDER_" + occurrence.message().name(), text);
		fired.increment();
		lateness.record(Duration.between(occurrence.plannedAt(), now).isNegative() ? Duration.ZERO
				: Duration.between(occurrence.plannedAt(), now));
		// the outbox logs the message queued (subject, recipients, key) and then sent: one line each is enough
		log.debug("Task {} ({}): step {} #{} ({}) queued for {}", task.taskId(), task.name(), occurrence.step(),
				occurrence.occurrence(), occurrence.message().label(), reached.to());
	}

	/** When the task's reminders next wake (business time), or empty when none is planned. */
	public Optional<Instant> nextFireTime(String taskId) {
		return wakes.wakeAt(taskId);
	}

	/** Handled and planned steps of a task, for the directive page. */
	@Override
	public List<Step> stepsOf(String taskId) {
		List<Step> steps = new ArrayList<>();
		TaskSnapshot snapshot = read(taskId);
		for (ReminderLog.Entry entry : snapshot == null ? reminderLog.entriesOfTask(taskId) : reminderLog.entries(snapshot.scope())) {
			steps.add(new Step(stepName(entry.step(), entry.occurrence()), entry.message(),
					entry.plannedAt(), ReminderLog.SENT.equals(entry.state()) ? entry.handledAt() : null,
					entry.recipients() == null ? List.of() : List.of(entry.recipients().split(", "))));
		}
		if (snapshot == null) {
			return steps;
		}
		Set<String> handled = reminderLog.handledKeys(snapshot.scope());
		policyOf(snapshot).ifPresent(policy -> {
			List<Occurrence> plan = ReminderPlan.lay(policy, dueDay(snapshot), snapshot.createdAt(), calendar);
			// steps whose day has passed unsent (a task created late, outside working hours, a node that was down)
			// are shown as the firing will treat them: the most relevant at the moment it really goes, the rest
			// not at all (they are skipped then), so that the page never lists a past step as still to come
			Instant now = clock.instant();
			Instant working = calendar.nextWorkingMoment(now);
			Instant handledAt = working.isAfter(now) ? working : now;
			Decision come = ReminderPlan.decide(plan, handled, handledAt, working);
			plan.stream()
				.filter(o -> !handled.contains(o.key()) && !come.skip().contains(o))
				.map(o -> new Step(stepName(o.step(), o.occurrence()), o.message().name(),
						!o.isAssignment() && come.send().contains(o) ? handledAt : o.plannedAt(), null,
						recipients.of(snapshot, o.audience()).names()))
				// the assignment notice first among steps of the same moment
				.sorted(Comparator.comparing(Step::plannedAt)
					.thenComparing(step -> !NotificationKind.ASSIGNMENT.name().equals(step.kind())))
				.forEach(steps::add);
		});
		return steps;
	}

	/** A step's id with its repetition after the first ({@code qua-han #2}), as {@link Step#step} holds it. */
	private static String stepName(String step, int occurrence) {
		return step + (occurrence > 1 ? " #" + occurrence : "");
	}

	/** The task as a firing sees it, or {@code null} when it no longer exists. */
	TaskSnapshot read(String taskId) {
		return readAll(List.of(taskId)).get(taskId);
	}

	/** The tasks that exist among these, as a firing sees them, by id: read together. */
	Map<String, TaskSnapshot> readAll(List<String> taskIds) {
		return new TaskRead(jdbc, engineConfiguration.getCommandExecutorTxRequired(), (definition, taskKey) -> models.properties(definition, taskKey, null))
			.read(taskIds);
	}

	/**
	 * Whether a reminder to the unit itself (not the assignment notice, not an escalation above it) went out
	 * for this task before: an escalation says "dù đã được nhắc hạn" only then. A reminder sent in the same firing
	 * (a task late from the start gets its overdue notice and the escalation at once) came no earlier.
	 */
	private boolean remindedBefore(TaskSnapshot task, Instant now) {
		return reminderLog.entries(task.scope()).stream()
			.anyMatch(entry -> ReminderLog.SENT.equals(entry.state()) && REMINDERS.contains(entry.message())
					// the database keeps less than nanoseconds: a second apart is another firing
					&& entry.handledAt().isBefore(now.minusSeconds(1)));
	}

	private static final Set<String> REMINDERS = Set.of(NotificationKind.REMINDER.name(), NotificationKind.DUE_SOON.name(),
			NotificationKind.DUE_TODAY.name(), NotificationKind.OVERDUE.name());

	/** The model's deadline in words ({@code dondoc.deadline.text}); an expression there is not shown as it is written. */
	private static String deadlineText(TaskSnapshot task) {
		String text = task.properties().get(ModelPropertyCheck.PROPERTY_DEADLINE_TEXT);
		if (text == null || text.isBlank() || text.contains("${") || text.contains("#{")) {
			return null;
		}
		return text.strip();
	}

	private Optional<ReminderPolicy> policyOf(TaskSnapshot task) {
		return policies.forTask(task.properties(), "task " + task.taskDefinitionKey() + " of " + task.processDefinitionId());
	}

	private LocalDate dueDay(TaskSnapshot task) {
		return task.dueDate() == null ? null : calendar.toLocalDate(task.dueDate().toInstant());
	}

	private LocalDate originalDue(Map<String, Object> variables, LocalDate due) {
		if (variables.get("originalDueDate") instanceof Date original) {
			LocalDate day = calendar.toLocalDate(original.toInstant());
			return day.equals(due) ? null : day;
		}
		return null;
	}

	/**
	 * Approved extensions only: a request refused or still pending did not move the date, so it neither counts
	 * in "đã gia hạn N lần" nor raises the calendar entry's SEQUENCE (the approval mail raised it already).
	 */
	private static int extensionCount(Map<String, Object> variables) {
		if (!(variables.get("extensions") instanceof java.util.Collection<?> list)) {
			return 0;
		}
		return (int) list.stream().filter(entry -> entry instanceof Map<?, ?> map && "APPROVED".equals(map.get("decision"))).count();
	}

	/** Working days from today to the due day: positive before it, 0 on it, negative once late. */
	int workingDaysLeft(LocalDate today, LocalDate due) {
		int sign = due.isBefore(today) ? -1 : 1;
		LocalDate from = sign > 0 ? today : due;
		LocalDate to = sign > 0 ? due : today;
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to) && count < 10_000; day = day.plusDays(1)) {
			if (calendar.isWorkingDay(day)) {
				count++;
			}
		}
		return sign * count;
	}

	private static String string(Object value) {
		return value == null ? null : value.toString();
	}

}

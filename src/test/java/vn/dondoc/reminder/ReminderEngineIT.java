package vn.dondoc.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.support.Latches;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.lifecycle.Dates;
import vn.dondoc.support.MovableClock;
import vn.dondoc.support.PausedJobs;
import vn.dondoc.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * The reminder engine with the real Camunda engine, the real Quartz JDBC JobStore and the real outbox.
 * Time is driven by hand: dondoc's clock is set to the moment under test, the reminder pump is paused so
 * that it does not fire by the wall clock, and each task is fired as the pump fires it
 * ({@link ReminderEngine#fireIfDue}); one test lets the pump itself, a Quartz job, fire a due task.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false", "dondoc.notification.poll-interval=0" })
@Import(TestClock.class)
class ReminderEngineIT {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	MovableClock clock;

	@Autowired
	Scheduler scheduler;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	/** The real engine; one test makes its firing fail. */
	@MockitoSpyBean
	ReminderEngine engine;

	@Autowired
	ReminderPump pump;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DirectiveLifecycle lifecycle;

	@Autowired
	ReminderSweep sweep;

	@Autowired
	ReminderSettings settings;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void pauseTheWallClock() throws Exception {
		// the tests fire the tasks and run the sweep themselves
		PausedJobs.pauseAndAwaitIdle(scheduler, ReminderPump.JOB, ReminderSweep.JOB);
		moveTo(at(2023, 6, 1, 9, 0));
		deploy("reminder-probe.bpmn", PROBE);
	}

	/** dondoc's clock and Camunda's (task creation times) move together. */
	private void moveTo(Instant moment) {
		clock.moveTo(moment);
		ClockUtil.setCurrentTime(Date.from(moment));
	}

	@AfterEach
	void resume() throws Exception {
		ClockUtil.reset();
		scheduler.resumeJob(ReminderPump.JOB);
		scheduler.resumeJob(ReminderSweep.JOB);
	}

	@Test
	void walksTheWholeLadderOfOneTaskAndStopsAtCompletion() throws Exception {
		Task task = startProbe("standard", "ban-to-chuc", at(2023, 6, 30, 23, 59));
		// created: the assignment notice is due at once
		assertThat(engine.nextFireTime(task.getId())).hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(clock.instant()));

		fireAndAwait(task, "giao-nhiem-vu", 1);
		assertThat(engine.nextFireTime(task.getId())).contains(at(2023, 6, 16, 7, 30));

		moveTo(at(2023, 6, 16, 7, 30));
		fireAndAwait(task, "nhac-han", 1);
		assertThat(engine.nextFireTime(task.getId())).contains(at(2023, 6, 27, 7, 30));

		moveTo(at(2023, 6, 27, 7, 31));
		fireAndAwait(task, "sap-den-han", 1);
		moveTo(at(2023, 6, 30, 7, 30));
		fireAndAwait(task, "den-han", 1);
		moveTo(at(2023, 7, 3, 7, 30));
		fireAndAwait(task, "qua-han", 1);
		assertThat(engine.nextFireTime(task.getId())).contains(at(2023, 7, 5, 7, 30));

		assertThat(sent(task)).containsExactly("giao-nhiem-vu", "nhac-han", "sap-den-han", "den-han", "qua-han");
		assertThat(outboxKinds(task)).containsExactly("ASSIGNMENT", "REMINDER", "DUE_SOON", "DUE_TODAY", "OVERDUE");
		assertThat(outboxRecipients(task, "DUE_SOON")).contains("ban-to-chuc@thanhuy-haiphong.example",
				"lanh-dao.ban-to-chuc@thanhuy-haiphong.example");
		// the reminder is visible in Tasklist, as a comment on the task
		assertThat(tasks.getTaskComments(task.getId())).anySatisfy(comment -> assertThat(comment.getFullMessage())
			.contains("«Quá hạn»").contains("Ban Tổ chức Thành ủy").contains("30/06/2023"));
		// each comment belongs to its process instance's hierarchy, for history cleanup, as Camunda's own comments do
		assertThat(tasks.getTaskComments(task.getId())).hasSize(5).allSatisfy(comment -> {
			assertThat(comment.getProcessInstanceId()).isEqualTo(task.getProcessInstanceId());
			assertThat(comment.getRootProcessInstanceId()).isEqualTo(task.getProcessInstanceId());
		});

		tasks.complete(task.getId());
		assertThat(engine.nextFireTime(task.getId())).isEmpty();
		assertThat(wakeRows(task)).isZero();
	}

	@Test
	void movesTheWakeUpWhenTheDueDateChangesAndLeavesNothingOfTheOldOne() throws Exception {
		Task task = startProbe("standard", "ban-tuyen-giao", at(2023, 6, 30, 23, 59));
		fireAndAwait(task, "giao-nhiem-vu", 1);
		assertThat(engine.nextFireTime(task.getId())).contains(at(2023, 6, 16, 7, 30));

		Task loaded = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		loaded.setDueDate(Date.from(at(2023, 7, 31, 23, 59)));
		tasks.saveTask(loaded);

		// 10 working days before Monday 31/7/2023
		assertThat(engine.nextFireTime(task.getId())).contains(at(2023, 7, 17, 7, 30));
		assertThat(wakeRows(task)).isOne();
	}

	@Test
	void aTaskCreatedInATransactionThatRollsBackLeavesNoWakeUp() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM reminder_wake").query(Long.class).single();
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			runtime.startProcessInstanceByKey("reminderProbe", "rollback", Map.of("path", "standard", "unit", "ban-dan-van",
					"due", Date.from(at(2023, 6, 30, 23, 59))));
			throw new IllegalStateException("roll back");
		})).hasMessage("roll back");

		assertThat(tasks.createTaskQuery().processInstanceBusinessKey("rollback").count()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reminder_wake").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void catchesUpAfterDowntimeWithOneReminderInsteadOfABurst() throws Exception {
		Task task = startProbe("standard", "ban-noi-chinh", at(2023, 6, 30, 23, 59));
		fireAndAwait(task, "giao-nhiem-vu", 1);

		// dondoc was down from 1/6 to 12/7: nhắc hạn, sắp đến hạn, đến hạn, quá hạn #1–#4, leo thang #1 were missed
		moveTo(at(2023, 7, 12, 9, 15));
		assertThat(engine.fireIfDue(task.getId())).isTrue();
		assertThat(handled(task)).isEqualTo(9);

		assertThat(sent(task)).containsExactly("giao-nhiem-vu", "leo-thang", "qua-han");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reminder_log WHERE task_id = ? AND state = 'SKIPPED'")
			.param(task.getId()).query(Long.class).single()).isEqualTo(6);
		assertThat(outboxKinds(task)).containsExactly("ASSIGNMENT", "OVERDUE", "ESCALATION");
		assertThat(outboxRecipients(task, "ESCALATION")).contains("van-phong-thanh-uy@thanhuy-haiphong.example");
		assertThat(engine.nextFireTime(task.getId())).contains(at(2023, 7, 13, 7, 30));
	}

	/**
	 * A task created after some of its steps' days (a due date close at hand): the page does not list those
	 * steps as still to come. The most relevant one is shown at the moment it really goes (at once in working
	 * hours, else at the next working moment); the others, which the firing will skip, are not shown.
	 */
	@Test
	void aTaskCreatedLateShowsItsPassedStepsAsTheFiringWillTreatThem() throws Exception {
		moveTo(at(2023, 6, 28, 9, 0));   // Wednesday, working hours: nhắc hạn (16/6) and sắp đến hạn (27/6) have passed
		Task inHours = startProbe("standard", "ban-to-chuc", at(2023, 6, 30, 23, 59));
		List<vn.dondoc.directive.TaskReminders.Step> steps = engine.stepsOf(inHours.getId());
		assertThat(steps).extracting(TaskRemindersStepName::of).startsWith("giao-nhiem-vu", "sap-den-han", "den-han")
			.doesNotContain("nhac-han");
		assertThat(steps.get(1).plannedAt()).isBetween(at(2023, 6, 28, 9, 0), clock.instant());   // now
		assertThat(steps.get(2).plannedAt()).isEqualTo(at(2023, 6, 30, 7, 30));

		moveTo(at(2023, 6, 28, 22, 0));  // the same evening: the step waits for the next working morning
		Task evening = startProbe("standard", "ban-tuyen-giao", at(2023, 6, 30, 23, 59));
		steps = engine.stepsOf(evening.getId());
		assertThat(steps).extracting(TaskRemindersStepName::of).startsWith("giao-nhiem-vu", "sap-den-han", "den-han")
			.doesNotContain("nhac-han");
		assertThat(steps.get(1).plannedAt()).isEqualTo(at(2023, 6, 29, 7, 30));
		assertThat(steps).allSatisfy(step -> assertThat(step.plannedAt()).isAfterOrEqualTo(at(2023, 6, 28, 22, 0)));
	}

	/**
	 * A unit completes its task while the reminder of that task is being sent. The firing holds the task's
	 * wake-up row locked until it commits, and completing the task waits for that row: the firing
	 * must not have written the task's row meanwhile, or the completion fails on a stale revision (and,
	 * taken in the other order, the two deadlock).
	 */
	@Test
	void aTaskCompletedWhileItsReminderIsBeingSentIsCompleted() throws Exception {
		Task task = startProbe("standard", "uy-ban-kiem-tra", at(2023, 6, 30, 23, 59));
		CountDownLatch fired = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> firing = threads.submit(() -> transactions.executeWithoutResult(status -> {
				assertThat(engine.fireIfDue(task.getId())).isTrue();
				fired.countDown();
				Latches.awaitQuietly(commit);
			}));
			assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> completing = threads.submit(() -> tasks.complete(task.getId()));
			// the completion has read the task and waits for the lock the firing holds
			await().until(() -> jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
				.query(Long.class)
				.single() > 0);
			commit.countDown();
			firing.get(30, TimeUnit.SECONDS);
			completing.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
		}
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(sent(task)).containsExactly("giao-nhiem-vu");
		// the reminder is still on the task's history in Tasklist, with the root process instance for cleanup
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_COMMENT WHERE TASK_ID_ = ? AND ROOT_PROC_INST_ID_ = ?")
			.params(task.getId(), task.getProcessInstanceId()).query(Long.class).single()).isOne();
	}

	@Test
	void sendingAReminderLeavesTheTaskItselfUntouched() throws Exception {
		Task task = startProbe("standard", "ban-dan-van", at(2023, 6, 30, 23, 59));
		int revision = revision(task);
		fireAndAwait(task, "giao-nhiem-vu", 1);
		assertThat(tasks.getTaskComments(task.getId())).singleElement()
			.satisfies(comment -> assertThat(comment.getFullMessage()).contains("«Thông báo giao nhiệm vụ»"));
		assertThat(revision(task)).isEqualTo(revision);
	}

	private int revision(Task task) {
		return jdbc.sql("SELECT REV_ FROM ACT_RU_TASK WHERE ID_ = ?").param(task.getId()).query(Integer.class).single();
	}

	@Test
	void aSecondModelChoosesItsOwnPolicyThroughExtensionProperties() throws Exception {
		Task urgent = startProbe("urgent", "bcsd-ubnd", at(2023, 6, 30, 23, 59));
		assertThat(engine.stepsOf(urgent.getId())).extracting(TaskRemindersStepName::of)
			.containsExactly("giao-nhiem-vu", "sap-den-han", "den-han", "qua-han", "qua-han #2", "leo-thang", "qua-han #3",
					"qua-han #4", "qua-han #5", "leo-thang #2", "qua-han #6", "qua-han #7", "qua-han #8", "leo-thang #3",
					"qua-han #9", "qua-han #10");

		Task custom = startProbe("custom", "dd-hdnd", at(2023, 6, 30, 23, 59));
		assertThat(engine.stepsOf(custom.getId())).extracting(TaskRemindersStepName::of)
			.containsExactly("giao-nhiem-vu", "hai-ngay", "tre", "tre #2");

		Task silent = startProbe("silent", "dd-mttq", at(2023, 6, 30, 23, 59));
		assertThat(engine.stepsOf(silent.getId())).isEmpty();
		assertThat(wakeRows(silent)).isZero();
	}

	/** The step names as the directive page shows them. */
	@Test
	void readsATaskAsTheTaskServiceDoesEachVariableFromItsNearestScope() {
		LocalDate due = LocalDate.of(2023, 6, 30);
		Map<String, Object> variables = new HashMap<>();
		variables.put(DirectiveProcess.VAR_DIRECTIVE_ID, 4711L);
		variables.put(DirectiveProcess.VAR_DOCUMENT_CODE, "KL-01");
		variables.put(DirectiveProcess.VAR_DOCUMENT_TITLE, "Kết luận thử");
		variables.put(DirectiveProcess.VAR_SECTION, "1");
		variables.put(DirectiveProcess.VAR_TEXT, "Nhiệm vụ thử");
		variables.put(DirectiveProcess.VAR_LEAD_UNITS, new ArrayList<>(List.of("ban-to-chuc", "ban-tuyen-giao", "ban-dan-van")));
		variables.put(DirectiveProcess.VAR_COORDINATING_UNITS, new ArrayList<String>());
		variables.put(DirectiveProcess.VAR_DUE_DATE, Dates.endOfDay(due));
		variables.put(DirectiveProcess.VAR_ORIGINAL_DUE_DATE, Dates.endOfDay(due));
		variables.put(DirectiveProcess.VAR_DEADLINE_TEXT, "thử");
		variables.put(DirectiveProcess.VAR_DEADLINE_KIND, "FIXED_DATE");
		variables.put(DirectiveProcess.VAR_ONGOING, false);
		String instance = runtime.startProcessInstanceByKey(DirectiveProcess.KEY, "read-" + System.nanoTime(), variables).getId();
		// one unit's part moves its due date: extensions and the first due date in that part's scope only
		lifecycle.requestExtension(instance, "ban-tuyen-giao", LocalDate.of(2023, 7, 31), "Chờ số liệu", "ban-tuyen-giao");
		lifecycle.approveExtension(tasks.createTaskQuery().processInstanceId(instance)
			.taskDefinitionKey(DirectiveProcess.TASK_REVIEW_EXTENSION).singleResult().getId(), null, "admin");
		// a task's own variable hides the process instance's of the same name
		Task first = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(DirectiveProcess.TASK_CARRY_OUT)
			.taskCandidateGroup("ban-to-chuc").singleResult();
		tasks.setVariableLocal(first.getId(), DirectiveProcess.VAR_SECTION, "1a");

		List<Task> open = tasks.createTaskQuery().processInstanceId(instance).list();
		assertThat(open).hasSizeGreaterThanOrEqualTo(3);
		for (Task task : open) {
			TaskSnapshot read = engine.read(task.getId());
			Map<String, Object> expected = new HashMap<>(tasks.getVariables(task.getId(), TaskSnapshot.VARIABLES));
			expected.values().removeIf(Objects::isNull);
			assertThat(read.variables()).as("variables of %s", task.getName()).isEqualTo(expected);
			assertThat(read.candidateGroups()).as("candidate groups of %s", task.getName())
				.containsExactlyInAnyOrderElementsOf(tasks.getIdentityLinksForTask(task.getId()).stream()
					.filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
					.map(link -> link.getGroupId())
					.toList());
			assertThat(read).extracting(TaskSnapshot::taskId, TaskSnapshot::processInstanceId, TaskSnapshot::processDefinitionId,
					TaskSnapshot::taskDefinitionKey, TaskSnapshot::name, TaskSnapshot::dueDate)
				.containsExactly(task.getId(), instance, task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName(),
						task.getDueDate());
			assertThat(read.createdAt()).isEqualTo(task.getCreateTime().toInstant());
		}
		assertThat(engine.read(first.getId()).variables()).containsEntry("section", "1a").containsEntry("unit", "ban-to-chuc")
			.containsEntry("directiveId", 4711L).doesNotContainKey("extensions");
		Task extended = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(DirectiveProcess.TASK_CARRY_OUT)
			.taskCandidateGroup("ban-tuyen-giao").singleResult();
		assertThat(engine.read(extended.getId()).variables()).containsEntry("unit", "ban-tuyen-giao").containsEntry("section", "1")
			.hasEntrySatisfying("extensions", list -> assertThat((Collection<?>) list).hasSize(1));
		assertThat(engine.read("no-such-task")).isNull();

		// a firing reads its tasks together, across process instances: each as if read alone
		Task other = startProbe("standard", "ban-dan-van", at(2023, 6, 30, 23, 59));
		List<String> together = new ArrayList<>(open.stream().map(Task::getId).toList());
		together.add(1, "no-such-task");
		together.add(other.getId());
		Map<String, TaskSnapshot> alone = new LinkedHashMap<>();
		together.stream().filter(id -> engine.read(id) != null).forEach(id -> alone.put(id, engine.read(id)));
		assertThat(alone).hasSize(open.size() + 1);
		assertThat(engine.readAll(together)).containsExactlyEntriesOf(alone);
	}

	/**
	 * Wake-ups lost outside dondoc's transactions (a firing that gave up, dondoc's rows restored apart from
	 * Camunda's): the sweep gives each open task with a step to come its wake-up again, at that step, and
	 * leaves alone the tasks that have nothing left to send.
	 */
	@Test
	void theSweepGivesATaskThatLostItsWakeUpOneAgainAtItsNextStep() throws Exception {
		Task lostStandard = startProbe("standard", "ban-to-chuc", at(2023, 6, 30, 23, 59));
		Task lostUrgent = startProbe("urgent", "ban-tuyen-giao", at(2023, 6, 30, 23, 59));
		Task silent = startProbe("silent", "ban-dan-van", at(2023, 6, 30, 23, 59));
		Task kept = startProbe("standard", "ban-noi-chinh", at(2023, 7, 31, 23, 59));
		for (Task task : List.of(lostStandard, lostUrgent, kept)) {
			fireAndAwait(task, "giao-nhiem-vu", 1);
		}
		Optional<Instant> keptAt = engine.nextFireTime(kept.getId());
		loseWakeUp(lostStandard);
		loseWakeUp(lostUrgent);
		assertThat(wakeRows(lostStandard) + wakeRows(lostUrgent)).isZero();

		ReminderSweep.Result result = sweep.run();

		assertThat(engine.nextFireTime(lostStandard.getId())).contains(at(2023, 6, 16, 7, 30));
		// khẩn cấp: 2 working days before Friday 30/6
		assertThat(engine.nextFireTime(lostUrgent.getId())).contains(at(2023, 6, 28, 7, 30));
		assertThat(wakeRows(lostStandard)).isOne();
		assertThat(wakeRows(lostUrgent)).isOne();
		assertThat(wakeRows(silent)).isZero();
		// the task with nothing to send keeps a row without a moment, with the revision the sweep read
		assertThat(settledRevision(silent)).contains(revision(silent));
		assertThat(engine.nextFireTime(silent.getId())).isEmpty();
		assertThat(engine.nextFireTime(kept.getId())).isEqualTo(keptAt);
		assertThat(wakeRows(kept)).isOne();
		assertThat(result.restored()).isGreaterThanOrEqualTo(2);
		assertThat(result.withoutWakeUp()).isGreaterThanOrEqualTo(3);   // the silent task is read, and left
		assertThat(result.read()).isGreaterThanOrEqualTo(3);
		assertThat(result.failed()).isZero();

		// a second sweep finds the two restored tasks in order; the tasks with nothing to send are not read again
		ReminderSweep.Result again = sweep.run();
		assertThat(again.withoutWakeUp()).isEqualTo(result.withoutWakeUp() - result.restored());
		assertThat(again.read()).isZero();
		assertThat(again.restored()).isZero();

		// nor does another node's sweep, or this one's after a restart: what was found is in the database
		ReminderSweep otherNode = new ReminderSweep(scheduler, engine, jdbc, settings, meters);
		assertThat(otherNode.run().read()).isZero();

		// a task that changes is read again: its new revision may have a step to come
		Task changed = tasks.createTaskQuery().taskId(silent.getId()).singleResult();
		changed.setDueDate(Date.from(at(2023, 7, 31, 23, 59)));
		tasks.saveTask(changed);
		assertThat(sweep.run().read()).isOne();
		assertThat(settledRevision(silent)).contains(revision(silent));
		// also when the change went past dondoc's listener (a new revision alone)
		jdbc.sql("UPDATE ACT_RU_TASK SET REV_ = REV_ + 1 WHERE ID_ = ?").param(silent.getId()).update();
		assertThat(otherNode.run().read()).isOne();
		assertThat(settledRevision(silent)).contains(revision(silent));

		// the row of a task closed while the sweep settled it goes with the next sweep
		jdbc.sql("INSERT INTO reminder_wake (task_id, wake_at, attempts, settled_rev) VALUES ('closed-meanwhile', NULL, 0, 1)").update();
		sweep.run();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reminder_wake WHERE task_id = 'closed-meanwhile'").query(Long.class).single()).isZero();
	}

	@Test
	void aStepThatCameWhileTheWakeUpWasMissingIsSentAfterTheSweep() throws Exception {
		Task task = startProbe("standard", "uy-ban-kiem-tra", at(2023, 6, 30, 23, 59));
		fireAndAwait(task, "giao-nhiem-vu", 1);
		loseWakeUp(task);

		// nhắc hạn (16/6) came while the task had no wake-up
		moveTo(at(2023, 6, 19, 9, 0));
		sweep.run();

		// due at once: the wake-up is set to the moment of the sweep
		assertThat(engine.nextFireTime(task.getId())).hasValueSatisfying(at -> assertThat(at)
			.isBetween(at(2023, 6, 19, 9, 0), clock.instant()));
		fireAndAwait(task, "nhac-han", 1);
		assertThat(sent(task)).containsExactly("giao-nhiem-vu", "nhac-han");
		assertThat(outboxKinds(task)).containsExactly("ASSIGNMENT", "REMINDER");
		assertThat(engine.nextFireTime(task.getId())).contains(at(2023, 6, 27, 7, 30));
	}

	@Test
	void theSweepIsAQuartzJobThatRepeatsAtTheConfiguredInterval() throws Exception {
		assertRepeatsForeverEvery(ReminderSweep.JOB, Duration.ofHours(1));
		assertThat(scheduler.getJobDetail(ReminderSweep.JOB).isConcurrentExecutionDisallowed()).isTrue();
	}

	/**
	 * The pump: one Quartz job for every task, with four triggers each repeating every second (so that up to
	 * four nodes take its ticks, see PumpTicksInAClusterIT), free to run on several threads and nodes at
	 * once, that fires a task once its step has come.
	 */
	@Test
	void thePumpIsAQuartzJobThatFiresEachDueTaskOnce() throws Exception {
		assertRepeatsForeverEvery(ReminderPump.JOB, Duration.ofSeconds(1), ReminderPump.TICKS);
		assertThat(scheduler.getJobDetail(ReminderPump.JOB).isConcurrentExecutionDisallowed()).isFalse();

		Task task = startProbe("standard", "dd-ldld", at(2023, 6, 30, 23, 59));
		scheduler.resumeJob(ReminderPump.JOB);
		await().atMost(Duration.ofSeconds(20)).until(() -> sent(task).contains("giao-nhiem-vu"));
		// once sent, the task sleeps until its next step: the pump does not send it again
		await().atMost(Duration.ofSeconds(20)).until(() -> engine.nextFireTime(task.getId()).equals(Optional.of(at(2023, 6, 16, 7, 30))));
		scheduler.pauseJob(ReminderPump.JOB);
		assertThat(handled(task)).isOne();
		assertThat(outboxKinds(task)).containsExactly("ASSIGNMENT");
	}

	/**
	 * The pump fires due tasks several to a transaction; when one of them fails, the transaction is rolled back
	 * and its tasks are fired again one by one: the others go out, only the failing one counts a failure.
	 */
	@Test
	void aFailingTaskAmongSeveralFiredTogetherHoldsUpNoOther() {
		Task first = startProbe("standard", "ban-to-chuc", at(2023, 6, 30, 23, 59));
		Task failing = startProbe("standard", "ban-tuyen-giao", at(2023, 6, 30, 23, 59));
		Task last = startProbe("standard", "ban-dan-van", at(2023, 6, 30, 23, 59));
		doThrow(new IllegalStateException("thử: một nhiệm vụ không gửi được")).when(engine).fire(eq(failing.getId()), any());
		try {
			assertThatThrownBy(() -> engine.fireAllIfDue(List.of(first.getId(), failing.getId(), last.getId())))
				.hasMessageContaining("không gửi được");
			// rolled back whole: nothing of the first one stays either
			assertThat(handled(first)).isZero();
			assertThat(engine.nextFireTime(first.getId())).hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(clock.instant()));

			pump.run();

			assertThat(sent(first)).containsExactly("giao-nhiem-vu");
			assertThat(sent(last)).containsExactly("giao-nhiem-vu");
			assertThat(handled(failing)).isZero();
			assertThat(jdbc.sql("SELECT attempts FROM reminder_wake WHERE task_id = ?").param(failing.getId()).query(Integer.class)
				.single()).isOne();
			assertThat(jdbc.sql("SELECT attempts FROM reminder_wake WHERE task_id = ?").param(first.getId()).query(Integer.class)
				.single()).isZero();
		}
		finally {
			doCallRealMethod().when(engine).fire(eq(failing.getId()), any());
		}
	}

	@Test
	void severalDueTasksAreFiredInOneTransaction() {
		Task first = startProbe("standard", "ban-noi-chinh", at(2023, 6, 30, 23, 59));
		Task second = startProbe("standard", "uy-ban-kiem-tra", at(2023, 6, 30, 23, 59));
		Task notDue = startProbe("standard", "dd-ldld", at(2023, 6, 30, 23, 59));
		fireAndAwait(notDue, "giao-nhiem-vu", 1);   // its next step is on 16/06

		assertThat(engine.fireAllIfDue(List.of(first.getId(), notDue.getId(), second.getId()))).isEqualTo(2);

		assertThat(sent(first)).containsExactly("giao-nhiem-vu");
		assertThat(sent(second)).containsExactly("giao-nhiem-vu");
		assertThat(handled(notDue)).isOne();
		assertThat(engine.nextFireTime(first.getId())).contains(at(2023, 6, 16, 7, 30));
		assertThat(engine.nextFireTime(second.getId())).contains(at(2023, 6, 16, 7, 30));
		// fired: not due again
		assertThat(engine.fireAllIfDue(List.of(first.getId(), second.getId()))).isZero();
	}

	/**
	 * A firing that fails (its transaction rolls back) is tried again by the pump after a pause that grows
	 * with each failure; after ten, the task's wake-up is dropped with an error in the log, and the sweep
	 * gives it back. Nothing was sent meanwhile, and the step goes out once the firing works again.
	 */
	@Test
	void aFiringThatKeepsFailingIsTriedAgainTenTimesThenLeftToTheSweep() {
		Task task = startProbe("standard", "dd-hoi-phu-nu", at(2023, 6, 30, 23, 59));
		doThrow(new IllegalStateException("thử: cơ sở dữ liệu không trả lời")).when(engine).fire(eq(task.getId()), any());
		for (int failures = 1; failures <= ReminderPump.MAX_ATTEMPTS; failures++) {
			moveTo(clock.instant().plusSeconds(11));
			Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
			pump.run();
			Instant after = clock.instant().plusMillis(1);
			if (failures < ReminderPump.MAX_ATTEMPTS) {
				assertThat(jdbc.sql("SELECT attempts FROM reminder_wake WHERE task_id = ?").param(task.getId()).query(Integer.class)
					.single()).isEqualTo(failures);
				// not due again until a pause of as many seconds as failures is over
				int pause = failures;
				assertThat(engine.nextFireTime(task.getId())).hasValueSatisfying(at -> assertThat(at)
					.isBetween(before.plusSeconds(pause), after.plusSeconds(pause)));
			}
		}
		assertThat(wakeRows(task)).isZero();
		assertThat(handled(task)).isZero();

		doCallRealMethod().when(engine).fire(eq(task.getId()), any());
		assertThat(sweep.run().restored()).isGreaterThanOrEqualTo(1);
		assertThat(wakeRows(task)).isOne();
		fireAndAwait(task, "giao-nhiem-vu", 1);
		assertThat(jdbc.sql("SELECT attempts FROM reminder_wake WHERE task_id = ?").param(task.getId()).query(Integer.class)
			.single()).isZero();
	}

	/** The job has one trigger, repeating every {@code interval} without end. */
	private void assertRepeatsForeverEvery(org.quartz.JobKey job, Duration interval) throws Exception {
		assertRepeatsForeverEvery(job, interval, 1);
	}

	/** The job has {@code ticks} triggers, each repeating every {@code interval} without end, spread evenly over it. */
	private void assertRepeatsForeverEvery(org.quartz.JobKey job, Duration interval, int ticks) throws Exception {
		List<? extends Trigger> triggers = scheduler.getTriggersOfJob(job);
		assertThat(triggers).hasSize(ticks).allSatisfy(each -> assertThat(each)
			.isInstanceOfSatisfying(org.quartz.SimpleTrigger.class, trigger -> {
				assertThat(trigger.getRepeatInterval()).isEqualTo(interval.toMillis());
				assertThat(trigger.getRepeatCount()).isEqualTo(org.quartz.SimpleTrigger.REPEAT_INDEFINITELY);
			}));
		List<Long> starts = triggers.stream().map(trigger -> trigger.getStartTime().getTime()).sorted().toList();
		for (int tick = 1; tick < ticks; tick++) {
			assertThat(starts.get(tick) - starts.get(0)).as("start of tick %d", tick + 1)
				.isEqualTo(interval.toMillis() * tick / ticks);
		}
	}

	static final class TaskRemindersStepName {

		static String of(vn.dondoc.directive.TaskReminders.Step step) {
			return step.step();
		}

	}

	private Task startProbe(String path, String unit, Instant due) {
		var instance = runtime.startProcessInstanceByKey("reminderProbe", path + "-" + unit + "-" + System.nanoTime(),
				Map.of("path", path, "unit", unit, "due", Date.from(due)));
		return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	/** Fires the task as the pump does, and checks that the step went out. */
	private void fireAndAwait(Task task, String step, int occurrence) {
		assertThat(engine.fireIfDue(task.getId())).as("the task is due").isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reminder_log WHERE task_id = ? AND step = ? AND occurrence = ?")
			.params(task.getId(), step, occurrence)
			.query(Long.class)
			.single()).isOne();
	}

	private void loseWakeUp(Task task) {
		jdbc.sql("DELETE FROM reminder_wake WHERE task_id = ?").param(task.getId()).update();
	}

	private List<String> sent(Task task) {
		return jdbc.sql("SELECT step FROM reminder_log WHERE task_id = ? AND state = 'SENT' ORDER BY planned_at, step")
			.param(task.getId()).query(String.class).list();
	}

	private long handled(Task task) {
		return jdbc.sql("SELECT COUNT(*) FROM reminder_log WHERE task_id = ?").param(task.getId()).query(Long.class).single();
	}

	private List<String> outboxKinds(Task task) {
		return jdbc.sql("SELECT kind FROM notification WHERE task_id = ? ORDER BY id")
			.param(task.getId()).query(String.class).list();
	}

	private String outboxRecipients(Task task, String kind) {
		return jdbc.sql("SELECT recipients FROM notification WHERE task_id = ? AND kind = ?")
			.params(task.getId(), kind).query(String.class).single();
	}

	/** The task's planned wake-ups: 0 or 1. */
	private long wakeRows(Task task) {
		return jdbc.sql("SELECT COUNT(*) FROM reminder_wake WHERE task_id = ? AND wake_at IS NOT NULL")
			.param(task.getId()).query(Long.class).single();
	}

	/** The task revision a sweep found with nothing left to send, if it has such a row. */
	private Optional<Integer> settledRevision(Task task) {
		return jdbc.sql("SELECT settled_rev FROM reminder_wake WHERE task_id = ? AND wake_at IS NULL")
			.param(task.getId()).query(Integer.class).optional();
	}

	private void deploy(String name, String xml) {
		repository.createDeployment().name(name).enableDuplicateFiltering(true).addString(name, xml).deploy();
	}

	static Instant at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(VIETNAM).toInstant();
	}

	/** A process that is not directive.bpmn: four user tasks, each choosing its reminders in the model. */
	static final String PROBE = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="probe" targetNamespace="https://dondoc.vn/test">
			  <bpmn:process id="reminderProbe" name="Quy trình thử nhắc hạn" isExecutable="true" camunda:historyTimeToLive="30">
			    <bpmn:startEvent id="start" />
			    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="which" />
			    <bpmn:exclusiveGateway id="which" />
			    <bpmn:sequenceFlow id="f1" sourceRef="which" targetRef="standard"><bpmn:conditionExpression>${path == 'standard'}</bpmn:conditionExpression></bpmn:sequenceFlow>
			    <bpmn:sequenceFlow id="f2" sourceRef="which" targetRef="urgent"><bpmn:conditionExpression>${path == 'urgent'}</bpmn:conditionExpression></bpmn:sequenceFlow>
			    <bpmn:sequenceFlow id="f3" sourceRef="which" targetRef="custom"><bpmn:conditionExpression>${path == 'custom'}</bpmn:conditionExpression></bpmn:sequenceFlow>
			    <bpmn:sequenceFlow id="f4" sourceRef="which" targetRef="silent"><bpmn:conditionExpression>${path == 'silent'}</bpmn:conditionExpression></bpmn:sequenceFlow>
			    <bpmn:userTask id="standard" name="Báo cáo (tiêu chuẩn)" camunda:candidateGroups="${unit}" camunda:dueDate="${due}" />
			    <bpmn:userTask id="urgent" name="Báo cáo khẩn" camunda:candidateGroups="${unit}" camunda:dueDate="${due}">
			      <bpmn:extensionElements><camunda:properties>
			        <camunda:property name="dondoc.reminder.policy" value="khan-cap" />
			      </camunda:properties></bpmn:extensionElements>
			    </bpmn:userTask>
			    <bpmn:userTask id="custom" name="Báo cáo riêng" camunda:candidateGroups="${unit}" camunda:dueDate="${due}">
			      <bpmn:extensionElements><camunda:properties>
			        <camunda:property name="dondoc.reminder.steps" value="hai-ngay | 2 ngày trước hạn | DUE_SOON | UNIT; tre | 1 ngày làm việc sau hạn | OVERDUE | ESCALATION | mỗi 3 ngày làm việc | 2" />
			      </camunda:properties></bpmn:extensionElements>
			    </bpmn:userTask>
			    <bpmn:userTask id="silent" name="Không nhắc" camunda:candidateGroups="${unit}" camunda:dueDate="${due}">
			      <bpmn:extensionElements><camunda:properties>
			        <camunda:property name="dondoc.reminder.enabled" value="false" />
			      </camunda:properties></bpmn:extensionElements>
			    </bpmn:userTask>
			  </bpmn:process>
			</bpmn:definitions>
			""";

}

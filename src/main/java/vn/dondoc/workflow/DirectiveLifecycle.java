package vn.dondoc.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.dondoc.workflow.lifecycle.Dates;
import vn.dondoc.workflow.lifecycle.Entries;
import vn.dondoc.workflow.lifecycle.RequestRefused;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * What a unit and the tracking office do with a directive, for the dashboard and the API: report, review,
 * request and decide extensions, and read where each lead unit's part stands. Every call goes through
 * the same tasks and rules as Camunda Tasklist (the listeners of {@code bpmn/directive.bpmn}), so both
 * ways behave alike; a refusal comes back as {@link LifecycleRequestRefused} with the reasons.
 * <p>
 * The {@code userId} of each call is recorded as the one who acted (it becomes the task's assignee).
 */
@Service
public class DirectiveLifecycle {

	private static final int MAX_ATTEMPTS = 3;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final HistoryService historyService;

	public DirectiveLifecycle(RuntimeService runtimeService, TaskService taskService, HistoryService historyService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.historyService = historyService;
	}

	/** The unit submits its result report on its open carryOut task. */
	public void submitReport(String carryOutTaskId, ResultReport report, String userId) {
		Task task = openTask(carryOutTaskId, TASK_CARRY_OUT);
		Map<String, Object> form = new HashMap<>();
		form.put(VAR_UNIT_ACTION, ACTION_REPORT);
		form.put(VAR_REPORT_STATUS, report.status().name());
		form.put(VAR_REPORT_TEXT, report.text());
		form.put(VAR_REPORT_LINK, report.link());
		complete(task, userId, form);
	}

	/**
	 * The unit asks to move its due date to {@code newDueDate} (the end of that day). Its carryOut task
	 * stays open, with the same id, while the office decides.
	 */
	public void requestExtension(String carryOutTaskId, LocalDate newDueDate, String reason, String userId) {
		Task task = openTask(carryOutTaskId, TASK_CARRY_OUT);
		Map<String, Object> request = new HashMap<>();
		request.put(VAR_REQUESTED_DUE_DATE, newDueDate == null ? null : Dates.endOfDay(newDueDate));
		request.put(VAR_EXTENSION_REASON, reason);
		request.put(VAR_EXTENSION_REQUESTED_BY, userId);
		refusalsOf(() -> {
			runtimeService.messageEventReceived(MESSAGE_EXTENSION_REQUESTED, task.getExecutionId(), request);
			return null;
		});
	}

	/** {@link #requestExtension(String, LocalDate, String, String)} for the open carryOut task of {@code unit}. */
	public void requestExtension(String processInstanceId, String unit, LocalDate newDueDate, String reason, String userId) {
		Task task = taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(TASK_CARRY_OUT)
			.list()
			.stream()
			.filter(candidate -> Objects.equals(unit, taskService.getVariable(candidate.getId(), VAR_UNIT)))
			.findFirst()
			.orElseThrow(() -> new LifecycleRequestRefused("Đơn vị " + unit + " không có việc đang mở trong nhiệm vụ này"));
		requestExtension(task.getId(), newDueDate, reason, userId);
	}

	/**
	 * The office approves the pending request: the unit's open carryOut task gets the new due date (a task
	 * update, which reschedules its reminders) and the overdue timer moves with it.
	 */
	public void approveExtension(String reviewExtensionTaskId, String note, String userId) {
		decideExtension(reviewExtensionTaskId, EXTENSION_APPROVED, note, userId);
	}

	/** The office rejects the pending request; the reason is required. The due date stays. */
	public void rejectExtension(String reviewExtensionTaskId, String reason, String userId) {
		decideExtension(reviewExtensionTaskId, EXTENSION_REJECTED, reason, userId);
	}

	/** The office accepts a result report or returns it to the unit. */
	public void review(String reviewReportTaskId, ReportReview review, String userId) {
		Task task = openTask(reviewReportTaskId, TASK_REVIEW_REPORT);
		Map<String, Object> form = new HashMap<>();
		form.put(VAR_REVIEW_DECISION, review.decision().name());
		form.put(VAR_REVIEW_COMMENT, review.comment());
		form.put(VAR_END_TRACKING, review.endTracking());
		complete(task, userId, form);
	}

	/** The office records how it followed up a late unit, which closes the follow-up task. */
	public void recordFollowUp(String followUpTaskId, String note, String userId) {
		Task task = openTask(followUpTaskId, TASK_FOLLOW_UP_LATE);
		if (note == null || note.isBlank()) {
			throw new LifecycleRequestRefused("Cần ghi lại Văn phòng đã đôn đốc thế nào");
		}
		complete(task, userId, Map.of(VAR_FOLLOW_UP_NOTE, note.strip()));
	}

	/**
	 * Every lead unit's part of a directive, running or done: in the order of its lead units when its process
	 * kept them (started before issue 18's fifth slice), else done parts first, then running ones.
	 */
	public List<UnitPartStatus> parts(String processInstanceId) {
		Map<String, UnitPartStatus> parts = new LinkedHashMap<>();
		ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
		List<ActivityInstance> running = tree == null ? List.of() : List.of(tree.getActivityInstances(ELEMENT_UNIT_PART));
		Set<String> runningScopes = new HashSet<>();
		running.forEach(instance -> runningScopes.add(instance.getExecutionIds()[0]));
		Map<String, Object> directive = new HashMap<>();
		Set<String> finishedScopes = new LinkedHashSet<>();
		history(processInstanceId, runningScopes, directive, finishedScopes);
		for (Map<String, Object> variables : finishedPartVariables(processInstanceId, finishedScopes)) {
			UnitPartStatus part = status(withDefaults(variables, directive), false, null);
			parts.put(part.unit(), part);
		}
		for (ActivityInstance instance : running) {
			Map<String, Object> variables = withDefaults(runtimeService.getVariablesLocal(instance.getExecutionIds()[0]), directive);
			String unit = (String) variables.get(VAR_UNIT);
			parts.put(unit, status(variables, true, openCarryOut(processInstanceId, unit)));
		}
		List<String> order = leadUnits(directive);
		return parts.values()
			.stream()
			.sorted(Comparator.comparingInt(part -> order.indexOf(part.unit()) < 0 ? Integer.MAX_VALUE : order.indexOf(part.unit())))
			.toList();
	}

	/** One lead unit's part, if the directive has that lead unit. */
	public Optional<UnitPartStatus> part(String processInstanceId, String unit) {
		return parts(processInstanceId).stream().filter(part -> part.unit().equals(unit)).findFirst();
	}

	/**
	 * The approved extensions of every running lead part of these processes, by process instance and unit, in a few
	 * queries whatever their number (the calendar feed's SEQUENCE, counted as the reminders count it). A part
	 * without extensions is absent.
	 */
	public Map<String, Map<String, Integer>> approvedExtensions(Collection<String> processInstanceIds) {
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		List<String> ids = List.copyOf(processInstanceIds);
		for (int from = 0; from < ids.size(); from += 500) {
			// a part's unit and its extensions are locals of the same scope execution
			Map<String, String> units = new HashMap<>();
			Map<String, VariableInstance> extensions = new HashMap<>();
			for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
				.processInstanceIdIn(ids.subList(from, Math.min(ids.size(), from + 500)).toArray(String[]::new))
				.variableNameIn(VAR_UNIT, VAR_EXTENSIONS)
				.list()) {
				if (VAR_EXTENSIONS.equals(variable.getName())) {
					extensions.put(variable.getExecutionId(), variable);
				}
				else if (variable.getValue() instanceof String unit) {
					units.put(variable.getExecutionId(), unit);
				}
			}
			extensions.forEach((execution, variable) -> {
				long approved = entries(variable.getValue()).stream()
					.filter(entry -> EXTENSION_APPROVED.equals(entry.get(Entries.DECISION)))
					.count();
				if (approved > 0 && units.containsKey(execution)) {
					counts.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(units.get(execution), (int) approved);
				}
			});
		}
		return counts;
	}

	private void decideExtension(String taskId, String decision, String note, String userId) {
		Task task = openTask(taskId, TASK_REVIEW_EXTENSION);
		Map<String, Object> form = new HashMap<>();
		form.put(VAR_EXTENSION_DECISION, decision);
		form.put(VAR_EXTENSION_DECISION_NOTE, note);
		complete(task, userId, form);
	}

	private void complete(Task task, String userId, Map<String, Object> form) {
		refusalsOf(() -> {
			for (int attempt = 1;; attempt++) {
				try {
					if (userId != null && !userId.equals(task.getAssignee())) {
						taskService.setAssignee(task.getId(), userId);
					}
					taskService.complete(task.getId(), form);
					return null;
				}
				catch (OptimisticLockingException conflict) {
					// another change to the task or its process (the part's overdue timer, an edit in Tasklist)
					// committed at this very moment; the completion is safe to run again on its own (a reminder
					// only adds a comment, which leaves the task alone)
					if (attempt == MAX_ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
						throw conflict;
					}
				}
			}
		});
	}

	private Task openTask(String taskId, String taskDefinitionKey) {
		Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new LifecycleRequestRefused("Việc " + taskId + " không còn mở (đã được xử lý hoặc không tồn tại)");
		}
		if (!taskDefinitionKey.equals(task.getTaskDefinitionKey())) {
			throw new LifecycleRequestRefused("Việc " + taskId + " là '" + task.getName() + "', không phải việc dùng cho thao tác này");
		}
		return task;
	}

	/** The listeners refuse with {@link RequestRefused}; the engine may wrap it on the way out. */
	private static <T> T refusalsOf(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RuntimeException e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				if (cause instanceof RequestRefused refused) {
					throw new LifecycleRequestRefused(refused.problems(), e);
				}
			}
			throw e;
		}
	}

	private String openCarryOut(String processInstanceId, String unit) {
		return taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(TASK_CARRY_OUT)
			.list()
			.stream()
			.filter(task -> Objects.equals(unit, taskService.getVariable(task.getId(), VAR_UNIT)))
			.map(Task::getId)
			.findFirst()
			.orElse(null);
	}

	/** Variables of each finished unitPart instance, from history: the locals of its scope execution. */
	private List<Map<String, Object>> finishedPartVariables(String processInstanceId, Set<String> finishedScopes) {
		if (finishedScopes.isEmpty()) {
			return List.of();
		}
		Map<String, Map<String, Object>> byInstance = new LinkedHashMap<>();
		for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.executionIdIn(finishedScopes.toArray(String[]::new))
			.list()) {
			byInstance.computeIfAbsent(variable.getExecutionId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
		}
		return new ArrayList<>(byInstance.values());
	}

	/**
	 * In one history query (history has them for a running directive and a finished one alike): the directive's
	 * own variables that its parts are read with, into {@code directive} (its lead units, in order, and what a part
	 * reads from its directive when it holds no copy of its own, parts started since issue 18: whether the work is
	 * ongoing, and a dated part's original due date); and the scope executions of its finished parts, into
	 * {@code finishedScopes}: those that held a unit and are not running. A part's unit is a local of its scope
	 * execution only (the multi-instance's copy is taken off at once, {@code UnitPartStarted}, and migration 40
	 * took it off parts started before), so the sub-process's own history, which is not kept, is not needed.
	 */
	private void history(String processInstanceId, Set<String> runningScopes, Map<String, Object> directive, Set<String> finishedScopes) {
		for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableNameIn(VAR_LEAD_UNITS, VAR_ONGOING, VAR_ORIGINAL_DUE_DATE, VAR_UNIT)
			.list()) {
			if (processInstanceId.equals(variable.getExecutionId())) {
				directive.put(variable.getName(), variable.getValue());
			}
			else if (VAR_UNIT.equals(variable.getName()) && !runningScopes.contains(variable.getExecutionId())) {
				finishedScopes.add(variable.getExecutionId());
			}
		}
	}

	/** A part's variables, with the directive's where the part holds no copy of its own. */
	private static Map<String, Object> withDefaults(Map<String, Object> part, Map<String, Object> directive) {
		Map<String, Object> variables = new HashMap<>(part);
		for (String name : List.of(VAR_ONGOING, VAR_ORIGINAL_DUE_DATE)) {
			if (!variables.containsKey(name)) {
				variables.put(name, directive.get(name));
			}
		}
		return variables;
	}

	@SuppressWarnings("unchecked")
	private static List<String> leadUnits(Map<String, Object> directive) {
		return directive.get(VAR_LEAD_UNITS) instanceof List<?> list ? (List<String>) list : List.of();
	}

	@SuppressWarnings("unchecked")
	private static UnitPartStatus status(Map<String, Object> v, boolean open, String carryOutTaskId) {
		List<Extension> extensions = new ArrayList<>();
		for (Map<String, Object> e : entries(v.get(VAR_EXTENSIONS))) {
			extensions.add(new Extension(day(e.get(Entries.REQUESTED_DUE_DATE)), day(e.get(Entries.PREVIOUS_DUE_DATE)),
					(String) e.get(Entries.REASON), (String) e.get(Entries.PERIOD), (String) e.get(Entries.REQUESTED_BY),
					instant(e.get(Entries.REQUESTED_AT)), ExtensionDecision.valueOf((String) e.get(Entries.DECISION)),
					(String) e.get(Entries.DECIDED_BY), instant(e.get(Entries.DECIDED_AT)), (String) e.get(Entries.DECISION_NOTE)));
		}
		List<Report> reports = new ArrayList<>();
		for (Map<String, Object> r : entries(v.get(VAR_REPORTS))) {
			reports.add(new Report((String) r.get(Entries.PERIOD), ReportStatus.valueOf((String) r.get(Entries.STATUS)),
					(String) r.get(Entries.TEXT), (String) r.get(Entries.LINK), (String) r.get(Entries.SUBMITTED_BY),
					instant(r.get(Entries.SUBMITTED_AT)), day(r.get(Entries.DUE_DATE)),
					r.get(Entries.REVIEW) == null ? null : ReviewDecision.valueOf((String) r.get(Entries.REVIEW)),
					(String) r.get(Entries.REVIEWED_BY), instant(r.get(Entries.REVIEWED_AT)), (String) r.get(Entries.COMMENT),
					(Boolean) r.get(Entries.ON_TIME)));
		}
		Object outcome = v.get(VAR_OUTCOME);
		return new UnitPartStatus((String) v.get(VAR_UNIT), open, Boolean.TRUE.equals(v.get(VAR_ONGOING)), day(v.get(VAR_DUE_DATE)),
				day(v.get(VAR_ORIGINAL_DUE_DATE)), (String) v.get(VAR_REPORT_PERIOD), Boolean.TRUE.equals(v.get(VAR_LATE)),
				instant(v.get(VAR_LATE_SINCE)), Boolean.TRUE.equals(v.get(VAR_EXTENSION_PENDING)),
				outcome == null ? null : Outcome.valueOf((String) outcome), instant(v.get(VAR_COMPLETED_AT)), carryOutTaskId, extensions,
				reports);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries(Object value) {
		return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
	}

	private static LocalDate day(Object value) {
		return value instanceof Date date ? Dates.day(date) : null;
	}

	private static Instant instant(Object value) {
		return value instanceof Date date ? date.toInstant() : null;
	}

}

package vn.dondoc.directive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dondoc.calendar.Deadline;
import vn.dondoc.calendar.DeadlineKind;
import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveRows.DirectiveRow;
import vn.dondoc.directive.DirectiveRows.DocumentRow;
import vn.dondoc.directive.DocumentSpec.DirectiveSpec;
import vn.dondoc.unit.UnitDirectory;

/**
 * Imports a document: validates all of it, then in one transaction stores it and starts one process
 * instance of {@code directive.bpmn} per directive. Nothing is stored or started unless everything is
 * valid, and a failure half-way rolls back every process instance already started. Importing the same
 * document again starts nothing new; a changed deadline moves the open parts' due dates (and so their
 * tasks, timers and reminders), for the whole document at once. {@link #preview} answers what an import
 * would do without storing anything.
 */
@Service
public class DocumentImporter {

	private static final Logger log = LoggerFactory.getLogger(DocumentImporter.class);

	/** At most this many unit parts are started in one engine command ({@link #startAll}). */
	static final int PARTS_PER_COMMAND = 100;

	private final DocumentReader reader;

	private final DirectiveRows rows;

	private final ProcessEngineConfigurationImpl engine;

	private final VietnamCalendar calendar;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final DirectiveSettings settings;

	private final DemoSettings demo;

	private final UnitDirectory units;

	private final Clock clock;

	private final ImportPlanner planner;

	DocumentImporter(DocumentReader reader, DirectiveRows rows, ProcessEngineConfigurationImpl engine, VietnamCalendar calendar,
			TransactionTemplate transactions, ApplicationEventPublisher events, DirectiveSettings settings, DemoSettings demo,
			UnitDirectory units, Clock clock) {
		this.reader = reader;
		this.rows = rows;
		this.engine = engine;
		this.calendar = calendar;
		this.transactions = transactions;
		this.events = events;
		this.settings = settings;
		this.demo = demo;
		this.units = units;
		this.clock = clock;
		this.planner = new ImportPlanner(rows, units);
	}

	/** Whether a document's dates are shifted to today before import (the demo set-up). */
	private enum Rebase {

		/** Taken as written. */
		NEVER,

		/** The demo's own import at start-up: issued on the day of its first import. */
		ALWAYS,

		/** An upload: shifted like the first import when that was shifted (a re-import of the demo document). */
		LIKE_BEFORE

	}

	/**
	 * Imports a document given as the bytes of an upload: refused whole when it is larger than the limit or
	 * not valid UTF-8 (a byte order mark is dropped). With {@code dondoc.demo.rebase-to-today}, a document
	 * whose first import was shifted to today (the demo document) is shifted by the same number of days;
	 * any other document is taken as written.
	 *
	 * @throws InvalidDocumentException listing every problem; nothing was stored
	 * @throws ImportTimedOut when it ran past {@code dondoc.directive.import-timeout}; nothing was stored
	 */
	public ImportResult importDocument(byte[] body, String formatHint, String source) {
		checkSize(body.length);
		return importDocument(Utf8.decode(body), formatHint, source, Rebase.LIKE_BEFORE);
	}

	/**
	 * Imports a document given as text.
	 *
	 * @param text the document, YAML or JSON
	 * @param formatHint a content type or file name that tells JSON from YAML
	 * @param source where it came from (file name, "REST", user), for the record
	 * @param rebaseToToday shift every date so that the document was issued on the day of its first import
	 * (today, the first time; demo only)
	 * @throws InvalidDocumentException listing every problem; nothing was stored
	 * @throws ImportTimedOut when it ran past {@code dondoc.directive.import-timeout}; nothing was stored
	 */
	public ImportResult importDocument(String text, String formatHint, String source, boolean rebaseToToday) {
		return importDocument(text, formatHint, source, rebaseToToday ? Rebase.ALWAYS : Rebase.NEVER);
	}

	/**
	 * What importing these bytes (as {@link #importDocument(byte[], String, String)}) would do; stores nothing.
	 *
	 * @throws InvalidDocumentException listing every problem, as the import would
	 */
	public ImportPreview preview(byte[] body, String formatHint) {
		checkSize(body.length);
		Prepared prepared = prepare(Utf8.decode(body), formatHint, Rebase.LIKE_BEFORE);
		DocumentSpec spec = prepared.spec();
		Optional<DocumentRow> existing = rows.document(spec.code());
		if (existing.isPresent() && existing.get().contentHash().equals(prepared.hash())) {
			return new ImportPreview(spec.code(), spec.title(), ImportResult.Outcome.UNCHANGED, 0, 0, spec.directives().size(),
					List.of(), List.of(), List.of(), List.of(), 0, false, prepared.rebaseNotice(), List.of());
		}
		ImportPlanner.Plan plan = planner.plan(spec);
		if (!plan.problems().isEmpty()) {
			throw new InvalidDocumentException(plan.problems());
		}
		LocalDate today = today();
		List<ImportPreview.AddedDirective> added = new ArrayList<>();
		List<ImportPreview.MovedPart> moves = new ArrayList<>();
		List<String> textChanged = new ArrayList<>();
		int updated = 0;
		int unchanged = 0;
		for (ImportPlanner.Step step : plan.steps()) {
			DirectiveSpec directive = step.spec();
			if (step.current() == null) {
				added.add(new ImportPreview.AddedDirective(directive.section(), directive.text(), directive.deadlineText(),
						directive.dueDate(), directive.leadUnits().stream().map(planner::unitName).toList()));
			}
			else if (step.next() == null) {
				unchanged++;
			}
			else {
				updated++;
				if (!Objects.equals(step.current().text(), step.next().text())) {
					textChanged.add(directive.section());
				}
				for (ImportPlanner.PartMove move : step.moves()) {
					moves.add(new ImportPreview.MovedPart(directive.section(), move.unit(), planner.unitName(move.unit()), move.from(), move.to(),
							move.to() != null && move.to().isBefore(today)));
				}
			}
		}
		int overdue = (int) moves.stream().filter(ImportPreview.MovedPart::overdueAtOnce).count();
		boolean intoThePast = moves.stream().anyMatch(move -> move.to() != null && move.to().isBefore(today)
				&& (move.from() == null || move.to().isBefore(move.from())));
		return new ImportPreview(spec.code(), spec.title(),
				existing.isPresent() ? ImportResult.Outcome.UPDATED : ImportResult.Outcome.CREATED, added.size(), updated, unchanged,
				added, moves, textChanged, plan.removed(), overdue, intoThePast || overdue > ImportPreview.HANDFUL,
				prepared.rebaseNotice(), plan.notices());
	}

	private void checkSize(int bytes) {
		if (bytes > settings.maxDocumentBytes()) {
			throw new InvalidDocumentException(List.of(new DocumentProblem("(document)", null, null,
					tooLarge(bytes, settings.maxDocumentBytes()))));
		}
	}

	/** Why a document over the limit is refused; {@code bytes} below 0 when only "more than the limit" is known. */
	static String tooLarge(long bytes, int max) {
		return (bytes >= 0 ? "Văn bản dài " + bytes + " byte" : "Văn bản dài hơn mức cho phép") + "; tối đa " + max
				+ " byte (dondoc.directive.max-document-bytes)";
	}

	private ImportResult importDocument(String text, String formatHint, String source, Rebase rebase) {
		Prepared prepared = prepare(text, formatHint, rebase);
		String code = prepared.spec().code();
		Duration limit = settings.importTimeout();
		long deadline = System.nanoTime() + limit.toNanos();
		TransactionTemplate timed = new TransactionTemplate(transactions.getTransactionManager(), transactions);
		// dondoc's own statements get the rest of this time as their query time-out (a lock held elsewhere)
		timed.setTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (limit.toMillis() + 999) / 1000)));
		ImportResult result;
		try {
			result = timed.execute(status -> store(prepared, source, () -> {
				if (System.nanoTime() > deadline) {
					throw new ImportTimedOut(code, limit, null);
				}
			}));
		}
		catch (TransactionTimedOutException | QueryTimeoutException e) {
			throw new ImportTimedOut(code, limit, e);
		}
		catch (ImportTimedOut e) {
			log.warn("Import of document {} from {} stopped after {}; rolled back", code, source, limit);
			throw e;
		}
		log.info("Imported document {} from {}: {} — {} started, {} updated, {} unchanged{}", result.code(), source,
				result.outcome(), result.started(), result.updated(), result.unchanged(),
				result.notices().isEmpty() ? "" : "; " + String.join("; ", result.notices()));
		events.publishEvent(new DocumentImported(result.code(), result.started(), result.updated(), result.unchanged()));
		return result;
	}

	/** The document read and validated, its dates shifted when the demo asks for it. */
	private record Prepared(DocumentSpec spec, String hash, Integer rebaseDays, String rebaseNotice) {
	}

	private Prepared prepare(String text, String formatHint, Rebase rebase) {
		checkSize(text.getBytes(StandardCharsets.UTF_8).length);
		DocumentSpec spec = reader.read(text, DocumentReader.Format.of(formatHint));
		Optional<DocumentRow> existing = rows.document(spec.code());
		Integer shift = switch (rebase) {
			case NEVER -> null;
			// issued on the day it was first imported, so that a restart next week does not move every deadline
			case ALWAYS -> existing.map(document -> document.rebaseDays() != null ? document.rebaseDays()
					: (int) ChronoUnit.DAYS.between(spec.issuedOn(), calendar.toLocalDate(document.importedAt())))
				.orElse((int) ChronoUnit.DAYS.between(spec.issuedOn(), today()));
			case LIKE_BEFORE -> demo.rebaseToToday() ? existing.map(DocumentRow::rebaseDays).orElse(null) : null;
		};
		if (shift == null) {
			return new Prepared(spec, sha256(text), null, null);
		}
		LocalDate anchor = spec.issuedOn().plusDays(shift);
		String notice = "Văn bản mẫu: lần nhập đầu đã dời mọi ngày " + shift + " ngày (ban hành "
				+ DirectiveViews.display(spec.issuedOn()) + " được coi là " + DirectiveViews.display(anchor)
				+ "); lần nhập này được dời như vậy (dondoc.demo.rebase-to-today)";
		return new Prepared(spec.shifted(shift, calendar), sha256(text + "|rebased:" + anchor), shift, notice);
	}

	private ImportResult store(Prepared prepared, String source, Runnable checkTime) {
		DocumentSpec spec = prepared.spec();
		Instant now = clock.instant();
		var existing = rows.document(spec.code());
		if (existing.isPresent() && existing.get().contentHash().equals(prepared.hash())) {
			if (prepared.rebaseDays() != null && existing.get().rebaseDays() == null) {
				rows.recordRebase(spec.code(), prepared.rebaseDays());
			}
			return new ImportResult(spec.code(), ImportResult.Outcome.UNCHANGED, 0, 0, spec.directives().size(), notices(prepared, List.of()));
		}
		ImportPlanner.Plan plan = planner.plan(spec);
		if (!plan.problems().isEmpty()) {
			throw new InvalidDocumentException(plan.problems());
		}
		DocumentRow row = new DocumentRow(spec.code(), spec.title(), spec.issuedBy(), spec.issuedOn(), spec.signer(), source,
				prepared.hash(), existing.map(DocumentRow::importedAt).orElse(now), now, prepared.rebaseDays());
		if (existing.isPresent()) {
			rows.updateDocument(row);
		}
		else {
			rows.insertDocument(row);
		}
		int started = 0;
		int updated = 0;
		int unchanged = 0;
		List<DueDatesMoved.Part> moved = new ArrayList<>();
		List<ImportPlanner.Step> starts = new ArrayList<>();
		for (ImportPlanner.Step step : plan.steps()) {
			checkTime.run();
			if (step.current() == null) {
				starts.add(step);
				started++;
			}
			else if (step.next() == null) {
				unchanged++;
			}
			else {
				update(step, now, moved);
				updated++;
			}
		}
		if (!starts.isEmpty()) {
			startAll(spec, starts, now, checkTime);
		}
		checkTime.run();
		if (!moved.isEmpty()) {
			events.publishEvent(new DueDatesMoved(moved));
			checkTime.run();
		}
		return new ImportResult(spec.code(), existing.isPresent() ? ImportResult.Outcome.UPDATED : ImportResult.Outcome.CREATED,
				started, updated, unchanged, notices(prepared, plan.notices()));
	}

	private static List<String> notices(Prepared prepared, List<String> notices) {
		List<String> all = new ArrayList<>();
		if (prepared.rebaseNotice() != null) {
			all.add(prepared.rebaseNotice());
		}
		all.addAll(notices);
		return List.copyOf(all);
	}

	/**
	 * Starts the new directives (one model version, looked up once) several to an engine command, up to
	 * {@link #PARTS_PER_COMMAND} parts: Camunda writes each kind of a command's rows in one batch as it ends (one
	 * multi-row insert on PostgreSQL), then dondoc's rows go in batches (issue 18). Bounded: Camunda sorts a
	 * command's new rows by reference, at a cost that grows with the square of their number.
	 */
	private void startAll(DocumentSpec spec, List<ImportPlanner.Step> starts, Instant now, Runnable checkTime) {
		String definitionId = latestDefinition();
		rows.batched(() -> {
			for (List<ImportPlanner.Step> command : commands(starts)) {
				engine.getCommandExecutorTxRequired().execute(context -> {
					for (ImportPlanner.Step step : command) {
						checkTime.run();
						start(spec, step.spec(), step.position(), now, definitionId);
					}
					return null;
				});
			}
			return null;
		});
	}

	/** The starts in order, in runs of up to {@link #PARTS_PER_COMMAND} parts (a larger directive alone). */
	private static List<List<ImportPlanner.Step>> commands(List<ImportPlanner.Step> starts) {
		List<List<ImportPlanner.Step>> commands = new ArrayList<>();
		List<ImportPlanner.Step> command = new ArrayList<>();
		int parts = 0;
		for (ImportPlanner.Step step : starts) {
			int size = step.spec().leadUnits().size();
			if (!command.isEmpty() && parts + size > PARTS_PER_COMMAND) {
				commands.add(command);
				command = new ArrayList<>();
				parts = 0;
			}
			command.add(step);
			parts += size;
		}
		commands.add(command);
		return commands;
	}

	/** The directive model's latest version, which {@code startProcessInstanceByKey} would start. */
	private String latestDefinition() {
		ProcessDefinition latest = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(DirectiveProcess.KEY)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			throw new IllegalStateException("The directive model (" + DirectiveProcess.KEY + ") is not deployed");
		}
		return latest.getId();
	}

	private void start(DocumentSpec spec, DirectiveSpec directive, int position, Instant now, String definitionId) {
		String businessKey = spec.code() + "/" + directive.section();
		Deadline deadline = directive.deadline();
		DirectiveRow row = new DirectiveRow(0, businessKey, spec.code(), directive.section(), position, directive.text(),
				directive.deadlineText(), ImportPlanner.kindOf(deadline), directive.dueDate(), deadline == null ? null : deadline.statedDate(),
				deadline != null && deadline.movedToWorkingDay(), ImportPlanner.explanationOf(deadline),
				deadline == null ? null : deadline.event(), null);
		long id = rows.insertDirective(row, now);
		rows.insertUnits(id, directive.leadUnits(), directive.coordinatingUnits(), directive.dueDate());
		// what the model needs; the forms and mails read the rest from dondoc's rows (DirectiveHeadings): no copy of
		// the title, the text or the deadline in words
		Map<String, Object> variables = new HashMap<>();
		variables.put(DirectiveProcess.VAR_DIRECTIVE_ID, id);
		// read as the process starts (the names of its first tasks, the multi-instance's units): transient, no row
		// (nor a byte array, nor history); a later task's name reads the directive's row (DirectiveTrackingPlugin)
		variables.put(DirectiveProcess.VAR_DOCUMENT_CODE, Variables.stringValue(spec.code(), true));
		variables.put(DirectiveProcess.VAR_SECTION, Variables.stringValue(directive.section(), true));
		variables.put(DirectiveProcess.VAR_LEAD_UNITS, Variables.objectValue(new ArrayList<>(directive.leadUnits()), true).create());
		// each part keeps its own due date from its start: the process keeps only the original (seventh slice)
		variables.put(DirectiveProcess.VAR_DUE_DATE, Variables.dateValue(endOfDay(directive.dueDate()), true));
		variables.put(DirectiveProcess.VAR_ORIGINAL_DUE_DATE, endOfDay(directive.dueDate()));
		variables.put(DirectiveProcess.VAR_ONGOING, deadline == null || deadline.kind() == DeadlineKind.ONGOING);
		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceById(definitionId, businessKey, variables);
		rows.attachProcess(id, instance.getId());
		events.publishEvent(new DirectiveStarted(id, businessKey, instance.getId()));
	}

	/**
	 * A directive's new text and deadline: its row, its process's due date, and its open parts' due dates in
	 * dondoc's rows; the parts' tasks and timers move with the rest of the document ({@link DueDatesMoved}).
	 */
	private void update(ImportPlanner.Step step, Instant now, List<DueDatesMoved.Part> moved) {
		DirectiveRow current = step.current();
		DirectiveRow next = step.next();
		rows.updateDirective(next, now);
		String instance = current.processInstanceId();
		if (Objects.equals(current.dueDate(), next.dueDate())) {
			return;
		}
		Map<String, LocalDate> dueDates = new LinkedHashMap<>();
		for (ImportPlanner.PartMove move : step.moves()) {
			dueDates.put(move.unit(), move.to());
			moved.add(new DueDatesMoved.Part(current.id(), instance, move.unit(), move.taskId(), endOfDay(move.to())));
		}
		rows.moveOpenDueDates(current.id(), dueDates);
		log.info("Directive {}: due date moved from {} to {} ({} open parts)", current.businessKey(),
				DirectiveViews.display(current.dueDate()), DirectiveViews.display(next.dueDate()), dueDates.size());
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(calendar.zone()));
	}

	/** The legal end of the due day (Điều 148 BLDS: a limit ends at 24:00 of its last day), in Vietnam. */
	Date endOfDay(LocalDate date) {
		if (date == null) {
			return null;
		}
		ZoneId zone = calendar.zone();
		return Date.from(date.atTime(23, 59, 59).atZone(zone).toInstant());
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}

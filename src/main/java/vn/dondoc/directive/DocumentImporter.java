package vn.dondoc.directive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dondoc.calendar.Deadline;
import vn.dondoc.calendar.DeadlineKind;
import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveRows.DirectiveRow;
import vn.dondoc.directive.DirectiveRows.DocumentRow;
import vn.dondoc.directive.DocumentSpec.DirectiveSpec;

/**
 * Imports a document: validates all of it, then in one transaction stores it and starts one process
 * instance of {@code directive.bpmn} per directive. Nothing is stored or started unless everything is
 * valid, and a failure half-way rolls back every process instance already started. Importing the same
 * document again starts nothing new; a changed deadline moves the open tasks' due dates (and so their
 * reminders).
 */
@Service
public class DocumentImporter {

	private static final Logger log = LoggerFactory.getLogger(DocumentImporter.class);

	private final DocumentReader reader;

	private final DirectiveRows rows;

	private final RuntimeService runtime;

	private final VietnamCalendar calendar;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final DirectiveSettings settings;

	private final Clock clock;

	DocumentImporter(DocumentReader reader, DirectiveRows rows, RuntimeService runtime,
			VietnamCalendar calendar, TransactionTemplate transactions, ApplicationEventPublisher events,
			DirectiveSettings settings, Clock clock) {
		this.reader = reader;
		this.rows = rows;
		this.runtime = runtime;
		this.calendar = calendar;
		this.transactions = transactions;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Imports a document given as the bytes of an upload: refused whole when it is larger than the limit or
	 * not valid UTF-8 (a byte order mark is dropped), else as {@link #importDocument(String, String, String, boolean)}.
	 *
	 * @throws InvalidDocumentException listing every problem; nothing was stored
	 */
	public ImportResult importDocument(byte[] body, String formatHint, String source) {
		checkSize(body.length);
		return importDocument(Utf8.decode(body), formatHint, source, false);
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

	/**
	 * Imports a document given as text.
	 *
	 * @param text the document, YAML or JSON
	 * @param formatHint a content type or file name that tells JSON from YAML
	 * @param source where it came from (file name, "REST", user), for the record
	 * @param rebaseToToday shift every date so that the document was issued on the day of its first import
	 * (today, the first time; demo only)
	 * @throws InvalidDocumentException listing every problem; nothing was stored
	 */
	public ImportResult importDocument(String text, String formatHint, String source, boolean rebaseToToday) {
		checkSize(text.getBytes(StandardCharsets.UTF_8).length);
		DocumentSpec spec = reader.read(text, DocumentReader.Format.of(formatHint));
		// rebased to the day it was first imported, so that a restart next week does not move every deadline
		LocalDate anchor = rows.document(spec.code())
			.map(document -> calendar.toLocalDate(document.importedAt()))
			.orElse(LocalDate.now(clock.withZone(calendar.zone())));
		if (rebaseToToday) {
			spec = rebase(spec, anchor);
		}
		String hash = sha256(text + (rebaseToToday ? "|rebased:" + anchor : ""));
		DocumentSpec document = spec;
		ImportResult result = transactions.execute(status -> store(document, hash, source));
		log.info("Imported document {} from {}: {} — {} started, {} updated, {} unchanged{}", result.code(), source,
				result.outcome(), result.started(), result.updated(), result.unchanged(),
				result.notices().isEmpty() ? "" : "; " + String.join("; ", result.notices()));
		events.publishEvent(new DocumentImported(result.code(), result.started(), result.updated(), result.unchanged()));
		return result;
	}

	private ImportResult store(DocumentSpec spec, String hash, String source) {
		Instant now = clock.instant();
		var existing = rows.document(spec.code());
		if (existing.isPresent() && existing.get().contentHash().equals(hash)) {
			return new ImportResult(spec.code(), ImportResult.Outcome.UNCHANGED, 0, 0, spec.directives().size(), List.of());
		}
		DocumentRow row = new DocumentRow(spec.code(), spec.title(), spec.issuedBy(), spec.issuedOn(), spec.signer(),
				source, hash, existing.map(DocumentRow::importedAt).orElse(now), now);
		if (existing.isPresent()) {
			rows.updateDocument(row);
		}
		else {
			rows.insertDocument(row);
		}
		List<String> notices = new ArrayList<>();
		List<DocumentProblem> problems = new ArrayList<>();
		int started = 0;
		int updated = 0;
		int unchanged = 0;
		Set<String> sections = new HashSet<>();
		for (int position = 0; position < spec.directives().size(); position++) {
			DirectiveSpec directive = spec.directives().get(position);
			sections.add(directive.section());
			var current = rows.directive(spec.code(), directive.section());
			if (current.isEmpty()) {
				start(spec, directive, position, now);
				started++;
			}
			else if (update(current.get(), directive, position, now, problems, "directives[" + position + "]")) {
				updated++;
			}
			else {
				unchanged++;
			}
			if (directive.deadline() != null && directive.deadline().kind() == DeadlineKind.EVENT) {
				notices.add(directive.section() + ": due on an event (\"" + directive.deadline().event()
						+ "\"); enter the date once it is known");
			}
		}
		for (DirectiveRow old : rows.directivesOf(spec.code())) {
			if (!sections.contains(old.section())) {
				notices.add(old.section() + ": no longer in the document; its process keeps running (cancel it in Cockpit if it was withdrawn)");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidDocumentException(problems);
		}
		return new ImportResult(spec.code(), existing.isPresent() ? ImportResult.Outcome.UPDATED : ImportResult.Outcome.CREATED,
				started, updated, unchanged, List.copyOf(notices));
	}

	private void start(DocumentSpec spec, DirectiveSpec directive, int position, Instant now) {
		String businessKey = spec.code() + "/" + directive.section();
		Deadline deadline = directive.deadline();
		DirectiveRow row = new DirectiveRow(0, businessKey, spec.code(), directive.section(), position, directive.text(),
				directive.deadlineText(), kindOf(deadline), directive.dueDate(), deadline == null ? null : deadline.statedDate(),
				deadline != null && deadline.movedToWorkingDay(), explanationOf(deadline),
				deadline == null ? null : deadline.event(), null);
		long id = rows.insertDirective(row, now);
		rows.insertUnits(id, directive.leadUnits(), directive.coordinatingUnits(), directive.dueDate());
		Map<String, Object> variables = new HashMap<>();
		variables.put(DirectiveProcess.VAR_DIRECTIVE_ID, id);
		variables.put(DirectiveProcess.VAR_DOCUMENT_CODE, spec.code());
		variables.put(DirectiveProcess.VAR_DOCUMENT_TITLE, spec.title());
		variables.put(DirectiveProcess.VAR_SECTION, directive.section());
		variables.put(DirectiveProcess.VAR_TEXT, directive.text());
		variables.put(DirectiveProcess.VAR_LEAD_UNITS, new ArrayList<>(directive.leadUnits()));
		variables.put(DirectiveProcess.VAR_COORDINATING_UNITS, new ArrayList<>(directive.coordinatingUnits()));
		variables.put(DirectiveProcess.VAR_DUE_DATE, endOfDay(directive.dueDate()));
		variables.put(DirectiveProcess.VAR_ORIGINAL_DUE_DATE, endOfDay(directive.dueDate()));
		variables.put(DirectiveProcess.VAR_DEADLINE_TEXT, directive.deadlineText());
		variables.put(DirectiveProcess.VAR_DEADLINE_KIND, row.deadlineKind());
		variables.put(DirectiveProcess.VAR_ONGOING, deadline == null || deadline.kind() == DeadlineKind.ONGOING);
		ProcessInstance instance = runtime.startProcessInstanceByKey(DirectiveProcess.KEY, businessKey, variables);
		rows.attachProcess(id, instance.getId());
		events.publishEvent(new DirectiveStarted(id, businessKey, instance.getId()));
	}

	private boolean update(DirectiveRow current, DirectiveSpec directive, int position, Instant now,
			List<DocumentProblem> problems, String path) {
		List<String> leads = rows.unitsOf(current.id())
			.stream()
			.filter(unit -> DirectiveRows.LEAD.equals(unit.role()))
			.map(DirectiveRows.UnitRow::unitCode)
			.sorted()
			.toList();
		if (!leads.equals(directive.leadUnits().stream().sorted().toList())) {
			problems.add(new DocumentProblem(path + ".lead", null, String.join(", ", directive.leadUnits()),
					"Không đổi được đơn vị chủ trì của nhiệm vụ đã nhập (đang là " + String.join(", ", leads)
							+ "); hãy nhập thay đổi thành mục mới hoặc văn bản mới"));
			return false;
		}
		Deadline deadline = directive.deadline();
		DirectiveRow next = new DirectiveRow(current.id(), current.businessKey(), current.documentCode(), current.section(),
				position, directive.text(), directive.deadlineText(), kindOf(deadline), directive.dueDate(),
				deadline == null ? null : deadline.statedDate(), deadline != null && deadline.movedToWorkingDay(),
				explanationOf(deadline), deadline == null ? null : deadline.event(), current.processInstanceId());
		if (next.equals(current)) {
			return false;
		}
		rows.updateDirective(next, now);
		String instance = current.processInstanceId();
		if (!Objects.equals(current.text(), next.text())) {
			runtime.setVariable(instance, DirectiveProcess.VAR_TEXT, next.text());
		}
		if (!Objects.equals(current.dueDate(), next.dueDate())) {
			moveDueDate(current, next.dueDate());
		}
		return true;
	}

	/**
	 * Moves the directive's due date: the variable for unit parts still to start, and, through
	 * {@link DirectiveDueDateChanged}, every open part now (the workflow owns their tasks and timers).
	 */
	private void moveDueDate(DirectiveRow directive, LocalDate dueDate) {
		String instance = directive.processInstanceId();
		Date due = endOfDay(dueDate);
		if (runtime.createProcessInstanceQuery().processInstanceId(instance).active().count() > 0) {
			runtime.setVariable(instance, DirectiveProcess.VAR_DUE_DATE, due);
		}
		rows.moveOpenDueDates(directive.id(), dueDate);
		events.publishEvent(new DirectiveDueDateChanged(directive.id(), instance, due));
		log.info("Directive {}: due date moved from {} to {}", directive.businessKey(), DirectiveViews.display(directive.dueDate()),
				DirectiveViews.display(dueDate));
	}

	/** Demo: the document was issued today, and every due date moves by as many days (to a working day). */
	private DocumentSpec rebase(DocumentSpec spec, LocalDate today) {
		long shift = ChronoUnit.DAYS.between(spec.issuedOn(), today);
		List<DirectiveSpec> directives = new ArrayList<>();
		for (DirectiveSpec directive : spec.directives()) {
			Deadline deadline = directive.deadline();
			if (deadline != null && deadline.dueDate() != null) {
				LocalDate stated = deadline.dueDate().plusDays(shift);
				LocalDate due = calendar.workingDayOnOrAfter(stated);
				deadline = new Deadline(deadline.phrase(), deadline.kind(), due, stated, !due.equals(stated), deadline.event(),
						deadline.explanation() + " (demo: dời " + shift + " ngày để văn bản như ban hành hôm nay)");
			}
			directives.add(new DirectiveSpec(directive.section(), directive.text(), directive.leadUnits(),
					directive.coordinatingUnits(), directive.deadlineText(), deadline));
		}
		return new DocumentSpec(spec.code(), spec.title(), spec.issuedBy(), today, spec.signer(), directives);
	}

	/** The legal end of the due day (Điều 148 BLDS: a limit ends at 24:00 of its last day), in Vietnam. */
	Date endOfDay(LocalDate date) {
		if (date == null) {
			return null;
		}
		ZoneId zone = calendar.zone();
		return Date.from(date.atTime(23, 59, 59).atZone(zone).toInstant());
	}

	private static String kindOf(Deadline deadline) {
		return deadline == null ? "NONE" : deadline.kind().name();
	}

	private static String explanationOf(Deadline deadline) {
		return deadline == null ? "Văn bản không nêu thời hạn" : deadline.explanation();
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

package vn.dondoc.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dondoc.attachment.AttachmentRefused;
import vn.dondoc.attachment.Attachments;
import vn.dondoc.attachment.Attachments.CheckedFile;
import vn.dondoc.attachment.Attachments.Upload;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveDetail;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.UnitPart;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.directive.EventDateRefused;
import vn.dondoc.directive.EventDates;
import vn.dondoc.security.Viewer;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.Extension;
import vn.dondoc.workflow.ExtensionDecision;
import vn.dondoc.workflow.LifecycleRequestRefused;
import vn.dondoc.workflow.Report;
import vn.dondoc.workflow.ReportReview;
import vn.dondoc.workflow.ReportStatus;
import vn.dondoc.workflow.ResultReport;
import vn.dondoc.workflow.ReviewDecision;
import vn.dondoc.workflow.UnitPartStatus;

/**
 * {@code /directives/{id}}: one directive with each lead unit's part (due date, extensions, reminders,
 * reports), its history and links into Camunda; and the forms that act on it through
 * {@link DirectiveLifecycle}: a unit reports or asks for more time on its own part, the office decides.
 * The link in every notification e-mail leads here.
 */
@Controller
class DirectivePageController {

	private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private final DirectiveCatalog catalog;

	private final DirectiveLifecycle lifecycle;

	private final TaskService tasks;

	private final HistoryService history;

	private final Attachments attachments;

	private final EventDates eventDates;

	private final TransactionTemplate transactions;

	DirectivePageController(DirectiveCatalog catalog, DirectiveLifecycle lifecycle, TaskService tasks, HistoryService history,
			Attachments attachments, EventDates eventDates, TransactionTemplate transactions) {
		this.catalog = catalog;
		this.lifecycle = lifecycle;
		this.tasks = tasks;
		this.history = history;
		this.attachments = attachments;
		this.eventDates = eventDates;
		this.transactions = transactions;
	}

	/** An open task of the office on this directive, with what it is about. */
	record OfficeTask(String id, String key, String name, String unit, Report report, Extension extension, String tasklistUrl) {
	}

	/** One lead unit's part as the page shows it. */
	record PartPanel(UnitPart part, String unitName, UnitPartStatus status, boolean mayAct, String carryOutTaskId,
			List<OfficeTask> officeTasks, String tasklistUrl) {

		public LocalDate dueDate() {
			return status != null && status.dueDate() != null ? status.dueDate() : part.dueDate();
		}

		public LocalDate originalDueDate() {
			return status != null && status.originalDueDate() != null ? status.originalDueDate() : part.originalDueDate();
		}

	}

	@GetMapping("/directives/{id}")
	String directive(@PathVariable String id, Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		DirectiveDetail detail = visible(id, viewer);
		DirectiveView view = detail.directive();
		List<UnitPartStatus> statuses = view.processInstanceId() == null ? List.of() : lifecycle.parts(view.processInstanceId());
		List<OfficeTask> officeTasks = officeTasks(view, statuses);
		List<PartPanel> panels = new ArrayList<>();
		List<String> coordinating = new ArrayList<>();
		for (UnitPart part : view.units()) {
			if (!Dashboard.LEAD.equals(part.role())) {
				coordinating.add(part.name());
				continue;
			}
			UnitPartStatus status = statuses.stream().filter(s -> s.unit().equals(part.code())).findFirst().orElse(null);
			String carryOut = status == null ? null : status.carryOutTaskId();
			panels.add(new PartPanel(part, part.name(), status, viewer.actsFor(part.code()) && carryOut != null, carryOut,
					officeTasks.stream().filter(t -> part.code().equals(t.unit())).toList(),
					carryOut == null ? null : tasklist(carryOut)));
		}
		model.addAttribute("detail", detail);
		model.addAttribute("events", DirectiveHistory.of(view, statuses, detail.history(), viewer, history));
		model.addAttribute("directive", view);
		model.addAttribute("documentTitle", view.documentTitle() != null ? view.documentTitle() : "");
		// a unit sees its own part first and in full; the other lead units fold into one short table
		model.addAttribute("panels", viewer.seesAll() ? panels : panels.stream().filter(p -> viewer.units().contains(p.part().code())).toList());
		model.addAttribute("otherPanels", viewer.seesAll() ? List.of()
				: panels.stream().filter(p -> !viewer.units().contains(p.part().code())).toList());
		model.addAttribute("leadNames", panels.stream().map(PartPanel::unitName).collect(Collectors.joining("; ")));
		model.addAttribute("coordinating", coordinating);
		model.addAttribute("cockpitUrl", view.processInstanceId() == null ? null
				: "/camunda/app/cockpit/default/#/process-instance/" + view.processInstanceId() + "/runtime");
		model.addAttribute("reportStatuses", ReportStatus.values());
		// the files of each report, by "unit#report number"
		model.addAttribute("files", attachments.of(view.id()).stream()
			.collect(Collectors.groupingBy(file -> file.unit() + "#" + file.reportNumber())));
		model.addAttribute("eventDateForm", viewer.tracks() && view.awaitingEvent() != null && view.processInstanceId() != null);
		return "web/directive";
	}

	@PostMapping("/directives/{id}/units/{unit}/report")
	String report(@PathVariable String id, @PathVariable String unit, @RequestParam(defaultValue = "COMPLETED") ReportStatus status,
			@RequestParam(defaultValue = "") String text, @RequestParam(required = false) String link,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Authentication authentication,
			RedirectAttributes redirect) throws java.io.IOException {
		Viewer viewer = Viewer.of(authentication);
		String taskId = ownCarryOut(id, unit, viewer);
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
		}
		List<CheckedFile> checked;
		try {
			checked = attachments.check(uploads);
		}
		catch (AttachmentRefused refused) {
			// nothing of the report is kept: the unit sends it again without the file
			redirect.addFlashAttribute("problems", List.of(refused.getMessage() + "; báo cáo chưa được gửi"));
			return "redirect:/directives/" + id;
		}
		DirectiveView view = visible(id, viewer).directive();
		long directiveId = view.id();
		String processInstanceId = view.processInstanceId();
		String done = checked.isEmpty() ? "Đã gửi báo cáo kết quả; Văn phòng sẽ xem xét."
				: "Đã gửi báo cáo kết quả kèm " + checked.size() + " tệp; Văn phòng sẽ xem xét.";
		return act(id, redirect, done, () -> transactions.executeWithoutResult(tx -> {
			int number = lifecycle.part(processInstanceId, unit).map(p -> p.reports().size()).orElse(0);
			lifecycle.submitReport(taskId, new ResultReport(status, text.strip(), blankToNull(link)), viewer.userId());
			attachments.store(directiveId, unit, number, checked, viewer.userId());
		}));
	}

	@GetMapping("/directives/{id}/attachments/{attachmentId}")
	@ResponseBody
	ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable long attachmentId, Authentication authentication) {
		long directiveId = visible(id, Viewer.of(authentication)).directive().id();
		return LifecycleApiController.download(attachments.file(directiveId, attachmentId)
			.orElseThrow(() -> new WebAdvice.NotFound("Không có tệp đính kèm này.")));
	}

	@PostMapping("/directives/{id}/event-date")
	String eventDate(@PathVariable String id, @RequestParam(defaultValue = "") String date, Authentication authentication,
			RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		DirectiveView view = visible(id, viewer).directive();
		if (!viewer.tracks()) {
			throw new WebAdvice.NotYours("Chỉ Văn phòng theo dõi mới nhập ngày diễn ra sự kiện.");
		}
		Optional<LocalDate> day = parseDay(date);
		if (day.isEmpty()) {
			redirect.addFlashAttribute("problems", List.of("Ngày diễn ra sự kiện phải là một ngày dạng dd/MM/yyyy (bạn nhập: '" + date + "')"));
			return "redirect:/directives/" + id;
		}
		try {
			eventDates.enter(view.id(), day.get(), viewer.userId());
			redirect.addFlashAttribute("notice", "Đã nhập ngày diễn ra sự kiện " + WebDates.DAY.format(day.get())
					+ "; đó là thời hạn của các đơn vị chủ trì, nhắc việc được lập theo.");
		}
		catch (EventDateRefused refused) {
			redirect.addFlashAttribute("problems", List.of(refused.getMessage()));
		}
		return "redirect:/directives/" + id;
	}

	@PostMapping("/directives/{id}/units/{unit}/extension")
	String requestExtension(@PathVariable String id, @PathVariable String unit, @RequestParam(defaultValue = "") String newDueDate,
			@RequestParam(defaultValue = "") String reason, Authentication authentication, RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		String taskId = ownCarryOut(id, unit, viewer);
		Optional<LocalDate> day = parseDay(newDueDate);
		if (day.isEmpty()) {
			redirect.addFlashAttribute("problems", List.of("Thời hạn đề nghị phải là một ngày dạng dd/MM/yyyy (bạn nhập: '" + newDueDate + "')"));
			return "redirect:/directives/" + id;
		}
		return act(id, redirect, "Đã gửi đề nghị gia hạn đến " + WebDates.DAY.format(day.get()) + "; Văn phòng sẽ xem xét.",
				() -> lifecycle.requestExtension(taskId, day.get(), reason.strip(), viewer.userId()));
	}

	@PostMapping("/directives/{id}/tasks/{taskId}/extension")
	String decideExtension(@PathVariable String id, @PathVariable String taskId, @RequestParam String decision,
			@RequestParam(defaultValue = "") String note, Authentication authentication, RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		officeTask(id, taskId, DirectiveProcess.TASK_REVIEW_EXTENSION, viewer);
		if ("APPROVE".equals(decision)) {
			return act(id, redirect, "Đã đồng ý gia hạn.", () -> lifecycle.approveExtension(taskId, blankToNull(note), viewer.userId()));
		}
		return act(id, redirect, "Đã không đồng ý gia hạn.", () -> lifecycle.rejectExtension(taskId, note.strip(), viewer.userId()));
	}

	@PostMapping("/directives/{id}/tasks/{taskId}/review")
	String review(@PathVariable String id, @PathVariable String taskId, @RequestParam ReviewDecision decision,
			@RequestParam(defaultValue = "") String comment, @RequestParam(defaultValue = "false") boolean endTracking,
			Authentication authentication, RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		officeTask(id, taskId, DirectiveProcess.TASK_REVIEW_REPORT, viewer);
		ReportReview review = new ReportReview(decision, blankToNull(comment), decision == ReviewDecision.ACCEPT && endTracking);
		return act(id, redirect, decision == ReviewDecision.ACCEPT ? "Đã chấp nhận báo cáo." : "Đã trả lại báo cáo cho đơn vị.",
				() -> lifecycle.review(taskId, review, viewer.userId()));
	}

	@PostMapping("/directives/{id}/tasks/{taskId}/follow-up")
	String followUp(@PathVariable String id, @PathVariable String taskId, @RequestParam(defaultValue = "") String note,
			Authentication authentication, RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		officeTask(id, taskId, DirectiveProcess.TASK_FOLLOW_UP_LATE, viewer);
		return act(id, redirect, "Đã ghi nhận việc đôn đốc.", () -> lifecycle.recordFollowUp(taskId, note, viewer.userId()));
	}

	private String act(String id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			// DirectiveLifecycle runs a task change again when the engine changed the same task meanwhile
			action.run();
			redirect.addFlashAttribute("notice", done);
		}
		catch (LifecycleRequestRefused refused) {
			redirect.addFlashAttribute("problems", refused.problems());
		}
		catch (OptimisticLockingException conflict) {
			redirect.addFlashAttribute("problems", List.of("Nhiệm vụ vừa được người khác thay đổi cùng lúc; hãy xem lại trang và thử lại."));
		}
		return "redirect:/directives/" + id;
	}

	private DirectiveDetail visible(String id, Viewer viewer) {
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			// links from e-mails may carry the business key (document code/section)
			number = catalog.idOf(id).orElseThrow(() -> new WebAdvice.NotFound("Không có nhiệm vụ " + id));
		}
		long found = number;
		DirectiveDetail detail = catalog.directive(found).orElseThrow(() -> new WebAdvice.NotFound("Không có nhiệm vụ số " + found));
		if (!viewer.sees(Dashboard.unitCodes(detail.directive()))) {
			throw new WebAdvice.NotYours("Nhiệm vụ này không thuộc đơn vị của bạn.");
		}
		return detail;
	}

	/** The open carryOut task of {@code unit} on this directive, if the viewer acts for that unit. */
	private String ownCarryOut(String id, String unit, Viewer viewer) {
		DirectiveView view = visible(id, viewer).directive();
		boolean lead = Dashboard.leadParts(view).stream().anyMatch(part -> part.code().equals(unit));
		if (!lead || !viewer.actsFor(unit)) {
			throw new WebAdvice.NotYours("Chỉ đơn vị chủ trì mới báo cáo hoặc đề nghị gia hạn phần việc của mình.");
		}
		return lifecycle.part(view.processInstanceId(), unit)
			.map(UnitPartStatus::carryOutTaskId)
			.filter(Objects::nonNull)
			.orElseThrow(() -> new WebAdvice.NotFound("Đơn vị không còn việc đang mở trong nhiệm vụ này."));
	}

	private void officeTask(String id, String taskId, String key, Viewer viewer) {
		DirectiveView view = visible(id, viewer).directive();
		if (!viewer.tracks()) {
			throw new WebAdvice.NotYours("Chỉ Văn phòng theo dõi mới xem xét báo cáo và đề nghị gia hạn.");
		}
		Task task = tasks.createTaskQuery().taskId(taskId).processInstanceId(view.processInstanceId()).taskDefinitionKey(key).singleResult();
		if (task == null) {
			throw new WebAdvice.NotFound("Việc này không còn mở trong nhiệm vụ (đã được xử lý?).");
		}
	}

	private List<OfficeTask> officeTasks(DirectiveView view, List<UnitPartStatus> statuses) {
		if (view.processInstanceId() == null) {
			return List.of();
		}
		List<OfficeTask> found = new ArrayList<>();
		for (Task task : tasks.createTaskQuery()
			.processInstanceId(view.processInstanceId())
			.taskDefinitionKeyIn(DirectiveProcess.TASK_REVIEW_REPORT, DirectiveProcess.TASK_REVIEW_EXTENSION,
					DirectiveProcess.TASK_FOLLOW_UP_LATE)
			.list()) {
			String unit = (String) tasks.getVariable(task.getId(), DirectiveProcess.VAR_UNIT);
			UnitPartStatus status = statuses.stream().filter(s -> s.unit().equals(unit)).findFirst().orElse(null);
			Report report = status == null ? null
					: status.reports().stream().filter(r -> r.review() == null).reduce((a, b) -> b).orElse(null);
			Extension extension = status == null ? null
					: status.extensions().stream().filter(e -> e.decision() == ExtensionDecision.PENDING).reduce((a, b) -> b).orElse(null);
			found.add(new OfficeTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), unit, report, extension,
					tasklist(task.getId())));
		}
		return found;
	}

	static String tasklist(String taskId) {
		return "/camunda/app/tasklist/default/#/?task=" + taskId;
	}

	static Optional<LocalDate> parseDay(String text) {
		String value = text == null ? "" : text.strip();
		for (DateTimeFormatter format : List.of(TYPED_DAY, DateTimeFormatter.ISO_LOCAL_DATE)) {
			try {
				return Optional.of(LocalDate.parse(value, format));
			}
			catch (DateTimeParseException e) {
				// try the next way of writing it
			}
		}
		return Optional.empty();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

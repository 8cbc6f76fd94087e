package vn.dondoc.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.dondoc.attachment.AttachmentRefused;
import vn.dondoc.attachment.Attachments;
import vn.dondoc.attachment.Attachments.AttachmentInfo;
import vn.dondoc.attachment.Attachments.CheckedFile;
import vn.dondoc.attachment.Attachments.Upload;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.directive.EventDateRefused;
import vn.dondoc.directive.EventDates;
import vn.dondoc.security.Viewer;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.ReportReview;
import vn.dondoc.workflow.ReportStatus;
import vn.dondoc.workflow.ResultReport;
import vn.dondoc.workflow.UnitPartStatus;


import static vn.dondoc.web.LifecycleApiInput.*;

/**
 * The lifecycle of a lead unit's part over REST, with the same roles as the directive page: a unit reports and
 * asks for more time on its own part; the tracking office (and the admin) reviews, decides, follows up and
 * enters the date of an awaited event. {@code {id}} is the directive's number or its business key
 * (document code/section, URL-encoded). Each request is checked whole before anything changes: 403 for the
 * wrong role or unit, 404 for an unknown directive or unit, 400 naming the field and value, 409 when the part
 * is not in a state for the action.
 */
@RestController
@Tag(name = "Thực hiện nhiệm vụ", description = "Báo cáo kết quả, gia hạn, xem xét, đôn đốc và ngày diễn ra sự kiện, theo từng đơn vị chủ trì")
class LifecycleApiController {

	static final int MAX_TEXT = 4000;

	static final int MAX_NOTE = 2000;

	private static final Pattern LINK = Pattern.compile("^https?://\\S+$");

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final LifecycleParts parts;

	private final DirectiveLifecycle lifecycle;

	private final EventDates eventDates;

	private final Attachments attachments;

	private final TransactionTemplate transactions;

	private final Clock clock;

	LifecycleApiController(LifecycleParts parts, DirectiveLifecycle lifecycle, EventDates eventDates, Attachments attachments,
			TransactionTemplate transactions, Clock clock) {
		this.parts = parts;
		this.lifecycle = lifecycle;
		this.eventDates = eventDates;
		this.attachments = attachments;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Schema(description = "Báo cáo kết quả của đơn vị")
	record ReportRequest(@Schema(description = "Nội dung báo cáo (tối đa 4000 ký tự)", requiredMode = Schema.RequiredMode.REQUIRED) String text,
			@Schema(description = "true: đã hoàn thành; false: báo cáo tiến độ (hoàn thành một phần)", requiredMode = Schema.RequiredMode.REQUIRED) Boolean done,
			@Schema(description = "Đường dẫn http(s) tới văn bản đầy đủ (không bắt buộc)") String link) {
	}

	@Schema(description = "Đề nghị gia hạn")
	record ExtensionRequest(@Schema(description = "Thời hạn đề nghị, yyyy-mm-dd, sau thời hạn hiện tại", example = "2027-03-31",
			requiredMode = Schema.RequiredMode.REQUIRED) String newDueDate,
			@Schema(description = "Lý do", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
	}

	@Schema(description = "Ý kiến của Văn phòng về báo cáo kết quả")
	record ReviewRequest(@Schema(description = "ACCEPT: chấp nhận; RETURN: trả lại đơn vị", allowableValues = { "ACCEPT", "RETURN" },
			requiredMode = Schema.RequiredMode.REQUIRED) String decision,
			@Schema(description = "Ý kiến; bắt buộc khi trả lại (lý do)") String note) {
	}

	@Schema(description = "Quyết định của Văn phòng về đề nghị gia hạn")
	record ExtensionReviewRequest(@Schema(description = "APPROVE: đồng ý; REFUSE: không đồng ý", allowableValues = { "APPROVE", "REFUSE" },
			requiredMode = Schema.RequiredMode.REQUIRED) String decision,
			@Schema(description = "Ý kiến; bắt buộc khi không đồng ý (lý do)") String note) {
	}

	@Schema(description = "Việc Văn phòng đã làm để đôn đốc đơn vị chậm")
	record FollowUpRequest(@Schema(description = "Đã đôn đốc thế nào", requiredMode = Schema.RequiredMode.REQUIRED) String note) {
	}

	@Schema(description = "Ngày diễn ra sự kiện mà nhiệm vụ chờ")
	record EventDateRequest(@Schema(description = "yyyy-mm-dd, từ hôm nay trở đi", example = "2027-05-20",
			requiredMode = Schema.RequiredMode.REQUIRED) String date) {
	}

	@Schema(description = "Phần việc của một đơn vị chủ trì sau thao tác")
	record PartState(long directiveId, String businessKey, UnitPartStatus part,
			@Schema(description = "Tệp đính kèm các báo cáo của đơn vị") List<AttachmentInfo> attachments) {
	}

	@Schema(description = "Nhiệm vụ sau khi nhập ngày diễn ra sự kiện")
	record EventDateState(long directiveId, String businessKey, LocalDate date, List<PartState> parts) {
	}

	// ---- a unit's own part --------------------------------------------------------------------------------

	@Operation(summary = "Đơn vị báo cáo kết quả", description = "JSON {text, done, link}; hoặc multipart/form-data với các trường đó"
			+ " và các tệp 'files' (PDF, Word, ảnh PNG/JPG). Một tệp không hợp lệ thì cả báo cáo bị từ chối, không lưu gì.")
	@ApiResponse(responseCode = "201", description = "Đã gửi; Văn phòng sẽ xem xét")
	@PostMapping(path = "/api/directives/{id}/units/{unit}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PartState> report(@Parameter(description = "Số nhiệm vụ hoặc mã (văn bản/mục)") @PathVariable String id,
			@Parameter(description = "Mã đơn vị chủ trì") @PathVariable String unit, @RequestBody(required = false) ReportRequest body,
			Authentication authentication) {
		return submit(id, unit, body == null ? new ReportRequest(null, null, null) : body, List.of(), authentication);
	}

	@Operation(summary = "Đơn vị báo cáo kết quả, kèm tệp", description = "multipart/form-data: text, done (true/false), link, files")
	@ApiResponse(responseCode = "201", description = "Đã gửi; Văn phòng sẽ xem xét")
	@PostMapping(path = "/api/directives/{id}/units/{unit}/report", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<PartState> reportWithFiles(@PathVariable String id, @PathVariable String unit,
			@RequestParam(required = false) String text, @RequestParam(required = false) String done,
			@RequestParam(required = false) String link, @RequestPart(name = "files", required = false) List<MultipartFile> files,
			Authentication authentication) {
		Boolean finished = done == null || done.isBlank() ? null : switch (done.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw ApiRefusal.badInput("done", done, "done phải là true (đã hoàn thành) hoặc false (báo cáo tiến độ)");
		};
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			try {
				uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return submit(id, unit, new ReportRequest(text, finished, link), uploads, authentication);
	}

	@Operation(summary = "Đơn vị đề nghị gia hạn", description = "Việc của đơn vị vẫn mở trong khi Văn phòng xem xét")
	@PostMapping(path = "/api/directives/{id}/units/{unit}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
	PartState requestExtension(@PathVariable String id, @PathVariable String unit, @RequestBody(required = false) ExtensionRequest body,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		LifecycleParts.Target target = parts.ownPart(id, unit, viewer);
		ExtensionRequest request = body == null ? new ExtensionRequest(null, null) : body;
		LocalDate day = isoDay("newDueDate", request.newDueDate());
		if (day.isBefore(today())) {
			throw ApiRefusal.badInput("newDueDate", request.newDueDate(), "Thời hạn đề nghị " + WebDates.DAY.format(day) + " đã qua");
		}
		String reason = required("reason", request.reason(), "Cần nêu lý do đề nghị gia hạn", MAX_NOTE);
		UnitPartStatus part = lifecycle.part(target.view().processInstanceId(), unit).orElseThrow();
		if (part.dueDate() != null && !day.isAfter(part.dueDate())) {
			throw ApiRefusal.badInput("newDueDate", request.newDueDate(),
					"Thời hạn đề nghị phải sau thời hạn hiện tại " + WebDates.DAY.format(part.dueDate()));
		}
		String taskId = parts.openCarryOut(target, unit);
		LifecycleParts.act(() -> lifecycle.requestExtension(taskId, day, reason, viewer.userId()));
		return parts.state(target.view(), unit);
	}

	// ---- the office --------------------------------------------------------------------------------------

	@Operation(summary = "Văn phòng xem xét báo cáo kết quả", description = "ACCEPT chấp nhận, RETURN trả lại đơn vị (cần lý do)")
	@PostMapping(path = "/api/directives/{id}/units/{unit}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
	PartState review(@PathVariable String id, @PathVariable String unit, @RequestBody(required = false) ReviewRequest body,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		LifecycleParts.Target target = parts.officePart(id, unit, viewer);
		ReviewRequest request = body == null ? new ReviewRequest(null, null) : body;
		String decision = oneOf("decision", request.decision(), List.of("ACCEPT", "RETURN"));
		String note = "RETURN".equals(decision) ? required("note", request.note(), "Trả lại báo cáo thì cần nêu lý do", MAX_NOTE)
				: optional("note", request.note(), MAX_NOTE);
		String taskId = parts.officeTask(target, unit, DirectiveProcess.TASK_REVIEW_REPORT, "Không có báo cáo nào của đơn vị đang chờ xem xét");
		ReportReview review = "ACCEPT".equals(decision) ? ReportReview.accept(note) : ReportReview.returnToUnit(note);
		LifecycleParts.act(() -> lifecycle.review(taskId, review, viewer.userId()));
		return parts.state(target.view(), unit);
	}

	@Operation(summary = "Văn phòng quyết định đề nghị gia hạn", description = "APPROVE đồng ý (thời hạn, nhắc việc và mốc quá hạn dời theo),"
			+ " REFUSE không đồng ý (cần lý do)")
	@PostMapping(path = "/api/directives/{id}/units/{unit}/extension-review", consumes = MediaType.APPLICATION_JSON_VALUE)
	PartState reviewExtension(@PathVariable String id, @PathVariable String unit, @RequestBody(required = false) ExtensionReviewRequest body,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		LifecycleParts.Target target = parts.officePart(id, unit, viewer);
		ExtensionReviewRequest request = body == null ? new ExtensionReviewRequest(null, null) : body;
		String decision = oneOf("decision", request.decision(), List.of("APPROVE", "REFUSE"));
		String note = "REFUSE".equals(decision) ? required("note", request.note(), "Không đồng ý gia hạn thì cần nêu lý do", MAX_NOTE)
				: optional("note", request.note(), MAX_NOTE);
		String taskId = parts.officeTask(target, unit, DirectiveProcess.TASK_REVIEW_EXTENSION, "Không có đề nghị gia hạn nào của đơn vị đang chờ xem xét");
		LifecycleParts.act(() -> {
			if ("APPROVE".equals(decision)) {
				lifecycle.approveExtension(taskId, note, viewer.userId());
			}
			else {
				lifecycle.rejectExtension(taskId, note, viewer.userId());
			}
		});
		return parts.state(target.view(), unit);
	}

	@Operation(summary = "Văn phòng ghi lại việc đôn đốc đơn vị chậm", description = "Đóng việc 'Đôn đốc đơn vị chậm' của đơn vị")
	@PostMapping(path = "/api/directives/{id}/units/{unit}/follow-up", consumes = MediaType.APPLICATION_JSON_VALUE)
	PartState followUp(@PathVariable String id, @PathVariable String unit, @RequestBody(required = false) FollowUpRequest body,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		LifecycleParts.Target target = parts.officePart(id, unit, viewer);
		String note = required("note", body == null ? null : body.note(), "Cần ghi lại Văn phòng đã đôn đốc thế nào", MAX_NOTE);
		String taskId = parts.officeTask(target, unit, DirectiveProcess.TASK_FOLLOW_UP_LATE, "Đơn vị không có việc đôn đốc nào đang mở");
		LifecycleParts.act(() -> lifecycle.recordFollowUp(taskId, note, viewer.userId()));
		return parts.state(target.view(), unit);
	}

	@Operation(summary = "Văn phòng nhập ngày diễn ra sự kiện", description = "Cho nhiệm vụ có thời hạn gắn với sự kiện: ngày này thành thời hạn"
			+ " của mọi đơn vị chủ trì còn đang thực hiện (nhắc việc được lập theo); ngày đã qua bị từ chối. Ghi vào lịch sử ai nhập, khi nào.")
	@PutMapping(path = "/api/directives/{id}/event-date", consumes = MediaType.APPLICATION_JSON_VALUE)
	EventDateState eventDate(@PathVariable String id, @RequestBody(required = false) EventDateRequest body, Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		DirectiveView view = parts.directive(id, viewer);
		if (!viewer.tracks()) {
			throw new ApiRefusal(HttpStatus.FORBIDDEN, "Không có quyền", null, null, "Chỉ Văn phòng theo dõi mới nhập ngày diễn ra sự kiện");
		}
		String text = body == null ? null : body.date();
		LocalDate day = isoDay("date", text);
		try {
			eventDates.enter(view.id(), day, viewer.userId());
		}
		catch (EventDateRefused refused) {
			throw refused.badInput() ? ApiRefusal.badInput("date", text, refused.getMessage())
					: new ApiRefusal(HttpStatus.CONFLICT, "Không nhập được ngày sự kiện", null, null, refused.getMessage());
		}
		List<PartState> states = Dashboard.leadParts(view).stream().map(part -> parts.state(view, part.code())).toList();
		return new EventDateState(view.id(), view.businessKey(), day, states);
	}

	@Operation(summary = "Tải tệp đính kèm báo cáo", description = "Tên tệp tiếng Việt giữ nguyên (Content-Disposition filename*)")
	@GetMapping("/api/directives/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable long attachmentId, Authentication authentication) {
		DirectiveView view = parts.directive(id, Viewer.of(authentication));
		return download(attachments.file(view.id(), attachmentId).orElseThrow(() -> new ApiRefusal(HttpStatus.NOT_FOUND, "Không tìm thấy",
				"attachmentId", String.valueOf(attachmentId), "Nhiệm vụ không có tệp đính kèm số " + attachmentId)));
	}

	/** The file as a download that keeps its Vietnamese name; shared with the page. */
	static ResponseEntity<byte[]> download(Attachments.AttachmentFile file) {
		return ResponseEntity.ok()
			.header("Content-Disposition", Attachments.contentDisposition(file.info().fileName()))
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(file.info().contentType()))
			.body(file.content());
	}

	// ---- the steps -----------------------------------------------------------------------------------------

	private ResponseEntity<PartState> submit(String id, String unit, ReportRequest request, List<Upload> uploads, Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		LifecycleParts.Target target = parts.ownPart(id, unit, viewer);
		if (request.done() == null) {
			throw ApiRefusal.badInput("done", null, "Cần cho biết done: true (đã hoàn thành) hoặc false (báo cáo tiến độ)");
		}
		String text = required("text", request.text(), "Cần nhập nội dung báo cáo kết quả", MAX_TEXT);
		String link = optional("link", request.link(), 1000);
		if (link != null && !LINK.matcher(link).matches()) {
			throw ApiRefusal.badInput("link", link, "Đường dẫn phải bắt đầu bằng http:// hoặc https://");
		}
		List<CheckedFile> files;
		try {
			files = attachments.check(uploads);
		}
		catch (AttachmentRefused refused) {
			throw ApiRefusal.badInput(refused.field(), refused.value(), refused.getMessage());
		}
		String taskId = parts.openCarryOut(target, unit);
		ResultReport report = new ResultReport(request.done() ? ReportStatus.COMPLETED : ReportStatus.PARTLY_COMPLETED, text, link);
		LifecycleParts.act(() -> transactions.executeWithoutResult(status -> {
			int number = lifecycle.part(target.view().processInstanceId(), unit).map(p -> p.reports().size()).orElse(0);
			lifecycle.submitReport(taskId, report, viewer.userId());
			attachments.store(target.view().id(), unit, number, files, viewer.userId());
		}));
		return ResponseEntity.status(HttpStatus.CREATED).body(parts.state(target.view(), unit));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(VIETNAM));
	}

}

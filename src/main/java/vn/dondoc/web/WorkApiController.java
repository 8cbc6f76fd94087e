package vn.dondoc.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dondoc.directive.DirectiveStatus;
import vn.dondoc.security.Viewer;
import vn.dondoc.work.WorkCatalog;

/**
 * {@code GET /api/work}: the work of modelled processes (every open user task with a due date, and those done),
 * with its status by the rules of directives; a unit member sees its own units' work only.
 */
@RestController
@RequestMapping("/api/work")
@Tag(name = "Công việc theo quy trình", description = "Công việc có thời hạn của các quy trình do quản trị viên mô hình hóa"
		+ " (ngoài nhiệm vụ của kết luận), theo dõi như nhiệm vụ")
class WorkApiController {

	private final WorkCatalog work;

	WorkApiController(WorkCatalog work) {
		this.work = work;
	}

	@GetMapping
	@Operation(summary = "Danh sách công việc theo quy trình",
			description = "Lọc theo đơn vị, tình trạng và quy trình; khẩn cấp trước (đang mở theo thời hạn, rồi đã xong)."
					+ " Thành viên đơn vị chỉ thấy công việc của đơn vị mình; hỏi đơn vị khác được trả lời 403.")
	@ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = WorkCatalog.WorkView.class))))
	@ApiResponse(responseCode = "403", description = "Đơn vị không phải của người hỏi",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "400", description = "Tình trạng không có",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<?> list(@Parameter(description = "Mã đơn vị chủ trì") @RequestParam(required = false) String unit,
			@Parameter(description = "Tình trạng: overdue, due_soon, on_track, done_on_time, done_late (hoặc tên tiếng Việt)")
			@RequestParam(required = false) String status,
			@Parameter(description = "Mã quy trình (process definition key)") @RequestParam(required = false) String process,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		String wantedUnit = blankToNull(unit);
		if (wantedUnit != null && !viewer.seesAll() && !viewer.units().contains(wantedUnit)) {
			return problem(HttpStatus.FORBIDDEN, "Không có quyền", "Bạn chỉ xem được công việc của đơn vị mình");
		}
		DirectiveStatus wantedStatus = null;
		if (blankToNull(status) != null) {
			try {
				wantedStatus = DirectiveStatus.parse(status);
			}
			catch (IllegalArgumentException e) {
				return problem(HttpStatus.BAD_REQUEST, "Tham số không hợp lệ", e.getMessage());
			}
		}
		Set<String> within = viewer.seesAll() ? null : viewer.units();
		List<WorkCatalog.WorkView> found = work.all(new WorkCatalog.Filter(blankToNull(process), wantedUnit, wantedStatus, within, null, null));
		return ResponseEntity.ok(found);
	}

	@GetMapping("/{taskId}")
	@Operation(summary = "Một công việc", description = "Với các bước nhắc đã gửi và dự kiến, và diễn biến")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkCatalog.WorkDetail.class)))
	ResponseEntity<?> one(@Parameter(description = "Mã công việc (task id của Camunda)") @PathVariable String taskId,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		return work.work(taskId)
			.<ResponseEntity<?>>map(detail -> viewer.seesAll() || detail.work().unit() != null && viewer.units().contains(detail.work().unit())
					? ResponseEntity.ok(detail)
					: problem(HttpStatus.FORBIDDEN, "Không có quyền", "Công việc này không thuộc đơn vị của bạn"))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Không tìm thấy", "Không có công việc " + taskId));
	}

	private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

package vn.dondoc.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import vn.dondoc.attachment.ReportFileSettings;
import vn.dondoc.directive.DirectiveSettings;
import vn.dondoc.directive.DocumentProblem;
import vn.dondoc.draft.DraftSettings;
import vn.dondoc.security.Viewer;

/**
 * An upload over the servlet container's limit ({@code spring.servlet.multipart.max-file-size}) fails before
 * any controller is chosen: the form's CSRF field is never read, so the request is refused and reaches
 * {@code /error}, where reading the body fails again. On the import page it is then shown as one more problem
 * of the document, in Vietnamese, on the page itself (for the office and the admin, who may import); anywhere
 * else, or for anyone else, as a 413 problem, in Vietnamese too.
 * Ordered before Spring Boot's own problem-details handler.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	private static final Logger log = LoggerFactory.getLogger(UploadLimitAdvice.class);

	private final DirectiveSettings settings;

	private final DraftSettings drafts;

	private final ReportFileSettings reports;

	UploadLimitAdvice(DirectiveSettings settings, DraftSettings drafts, ReportFileSettings reports) {
		this.settings = settings;
		this.drafts = drafts;
		this.reports = reports;
	}

	/** Why a file is refused on the import page: longer than an importable document may be. */
	static String tooLarge(DirectiveSettings settings) {
		long max = settings.maxDocumentBytes();
		return "Tệp quá lớn: một văn bản dài tối đa " + max / 1024 + " KB (" + max + " byte, dondoc.directive.max-document-bytes)";
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = failed instanceof String uri ? uri.substring(request.getContextPath().length()) : request.getServletPath();
		log.warn("Refused an upload to {} from {}: {}", path, request.getRemoteAddr(), e.getMessage());
		String message = path.startsWith("/drafts") ? "Tệp quá lớn: tệp kết luận dài tối đa " + drafts.maxBytes() / (1024 * 1024)
				+ " MB (dondoc.draft.max-bytes)" : tooLarge(settings);
		Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication());
		if (path.matches("(/api)?/directives/[^/]+/units/[^/]+/report")) {
			// a result report's files: over the container's limit, nothing of the report was read or kept
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"Tệp đính kèm quá lớn: mỗi tệp tối đa " + reports.maxFileBytes().toMegabytes() + " MB, cả báo cáo tối đa "
							+ reports.maxTotalBytes().toMegabytes() + " MB; báo cáo chưa được gửi");
			problem.setTitle("Tệp quá lớn");
			problem.setProperty("field", "files");
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		if (path.startsWith("/drafts") && viewer.seesAll()) {
			ModelAndView page = new ModelAndView("web/drafts", HttpStatus.PAYLOAD_TOO_LARGE);
			page.addObject("viewer", viewer);
			page.addObject("failure", message);
			return page;
		}
		// the import page only for those who may import (the request never reached its access rule)
		if ("/import".equals(path) && viewer.seesAll()) {
			ModelAndView page = new ModelAndView("web/import", HttpStatus.PAYLOAD_TOO_LARGE);
			page.addObject("viewer", viewer);
			page.addObject("fileName", "đã chọn");
			page.addObject("problems", List.of(new DocumentProblem("(tệp)", null, null, message)));
			return page;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, message + "; chưa nhập gì");
		problem.setTitle("Văn bản quá lớn");
		problem.setType(URI.create("https://dondoc.vn/problems/invalid-document"));
		problem.setInstance(URI.create(path));
		problem.setProperty("problems", List.of(new DocumentProblem("(document)", null, null, message)));
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

package vn.dondoc.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers: a browser gets the Vietnamese "not found" page of {@link ErrorPages}, an API
 * client a problem in JSON (in Vietnamese too). Without this, Spring's problem-details handler answers
 * every client, browsers included, in English JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingPages {

	private final ErrorPages pages;

	MissingPages(ErrorPages pages) {
		this.pages = pages;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object missing(NoResourceFoundException e, HttpServletRequest request) {
		String path = request.getRequestURI();
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && accept.contains("text/html") && !path.startsWith("/api/")) {
			return pages.resolveErrorView(request, HttpStatus.NOT_FOUND, Map.of("path", path));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Không có gì ở địa chỉ " + path);
		problem.setTitle("Không tìm thấy");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

}

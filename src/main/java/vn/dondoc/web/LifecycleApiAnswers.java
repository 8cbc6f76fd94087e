package vn.dondoc.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.dondoc.directive.DocumentProblem;

/**
 * How the lifecycle API answers a refusal: a problem document with the Vietnamese reason, the field and the
 * value that were wrong. First among the advices: Spring's own problem details would otherwise answer an
 * unreadable body in English.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = LifecycleApiController.class)
class LifecycleApiAnswers {

	@ExceptionHandler(ApiRefusal.class)
	ResponseEntity<ProblemDetail> refused(ApiRefusal e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
		problem.setTitle(e.title);
		if (e.field != null) {
			problem.setProperty("field", e.field);
			problem.setProperty("value", e.value);
			problem.setProperty("problems", List.of(new DocumentProblem(e.field, null, e.value, e.getMessage())));
		}
		return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		String field = "body";
		if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			field = mapping.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> a + "." + b).orElse("body");
		}
		return refused(ApiRefusal.badInput(field, null, "Nội dung yêu cầu không đọc được như JSON (" + field + ")"));
	}

}

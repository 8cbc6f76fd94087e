package vn.dondoc.platform;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A query or path parameter of dondoc's REST API that is not of its type ({@code ?page=x},
 * {@code /api/directives/abc}): a 400 problem that names the parameter, the value and what it should be, in
 * Vietnamese like the API's other problems (Spring Boot's own answer is an English sentence about conversion).
 * Ordered before Spring Boot's problem-details handler.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParameterProblems {

	private static final Logger log = LoggerFactory.getLogger(ParameterProblems.class);

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e) {
		String value = e.getValue() == null ? "" : e.getValue().toString();
		String shown = value.length() > 80 ? value.substring(0, 77) + "…" : value;
		String message = "«" + shown + "» không phải " + expected(e.getRequiredType());
		log.info("Refused parameter {}={}: {}", e.getName(), shown, message);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getName() + ": " + message);
		problem.setTitle("Tham số không hợp lệ");
		problem.setProperty("problems", List.of(Map.of("path", e.getName(), "value", shown, "message", message)));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static String expected(Class<?> type) {
		if (type == int.class || type == Integer.class) {
			return "số nguyên (từ -2147483648 đến 2147483647)";
		}
		if (type == long.class || type == Long.class) {
			return "số nguyên (tối đa 19 chữ số)";
		}
		if (type == java.time.LocalDate.class) {
			return "ngày dạng YYYY-MM-DD";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true hay false";
		}
		return "giá trị hợp lệ" + (type == null ? "" : " (" + type.getSimpleName() + ")");
	}

}

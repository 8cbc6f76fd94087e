package vn.dondoc.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.dondoc.security.Viewer;

/** What every dashboard page knows (who is looking), and the pages for "not yours", "not found" and a bad address. */
@ControllerAdvice(basePackageClasses = WebAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)   // before Spring Boot's problem-details handler, which answers in JSON
class WebAdvice {

	@ModelAttribute("viewer")
	Viewer viewer(Authentication authentication) {
		return Viewer.of(authentication);
	}

	@ExceptionHandler(NotYours.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String notYours(NotYours e, Model model) {
		return refused(model, "Không có quyền", e.getMessage());
	}

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFound e, Model model) {
		return refused(model, "Không tìm thấy", e.getMessage());
	}

	/** A query parameter of the wrong type in an address ({@code /directives?page=x}): the page says which. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String wrongParameter(MethodArgumentTypeMismatchException e, Model model) {
		String value = String.valueOf(e.getValue());
		return refused(model, "Địa chỉ không hợp lệ", "Tham số «" + e.getName() + "» có giá trị «"
				+ (value.length() > 80 ? value.substring(0, 77) + "…" : value) + "» không dùng được ở đây.");
	}

	/** The page that says why the request was refused (exception handlers get no model attributes of their own). */
	private static String refused(Model model, String title, String message) {
		model.addAttribute("viewer", Viewer.of(SecurityContextHolder.getContext().getAuthentication()));
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "web/refused";
	}

	/** The viewer may not see or do this (another unit's directive or task). */
	static class NotYours extends RuntimeException {

		NotYours(String message) {
			super(message);
		}

	}

	static class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message);
		}

	}

}

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
		model.addAttribute("viewer", Viewer.of(SecurityContextHolder.getContext().getAuthentication()));
		model.addAttribute("status", 403);
		model.addAttribute("message", e.getMessage());
		return "web/refused";
	}

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFound e, Model model) {
		model.addAttribute("viewer", Viewer.of(SecurityContextHolder.getContext().getAuthentication()));
		model.addAttribute("status", 404);
		model.addAttribute("message", e.getMessage());
		return "web/refused";
	}

	/** A query parameter of the wrong type in an address ({@code /directives?page=x}): the page says which. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String wrongParameter(MethodArgumentTypeMismatchException e, Model model) {
		model.addAttribute("viewer", Viewer.of(SecurityContextHolder.getContext().getAuthentication()));
		model.addAttribute("status", 400);
		String value = String.valueOf(e.getValue());
		model.addAttribute("message", "Tham số «" + e.getName() + "» có giá trị «"
				+ (value.length() > 80 ? value.substring(0, 77) + "…" : value) + "» không dùng được ở đây.");
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

package vn.dondoc.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

import vn.dondoc.security.Viewer;

/** What every dashboard page knows (who is looking), and the pages for "not yours" and "not found". */
@ControllerAdvice(basePackageClasses = WebAdvice.class)
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

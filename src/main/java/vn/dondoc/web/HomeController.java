package vn.dondoc.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door leads to the Camunda webapps until dondoc's own dashboard exists. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/camunda/app/";
	}

}

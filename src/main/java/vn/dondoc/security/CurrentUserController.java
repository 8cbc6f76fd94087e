package vn.dondoc.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the signed-in user and the Camunda groups (units, roles) it belongs to. */
@RestController
class CurrentUserController {

	record CurrentUser(String username, List<String> groups) {
	}

	@GetMapping("/api/me")
	CurrentUser me(Authentication authentication) {
		List<String> groups = CamundaIdentityAuthenticationProvider.groupsOf(authentication).stream().sorted().toList();
		return new CurrentUser(authentication.getName(), groups);
	}

}

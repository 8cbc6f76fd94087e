package vn.dondoc.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One sign-in for the dashboard and the Camunda webapps: hands the user Spring Security signed in at
 * {@code /login} (with the same groups) to Camunda's {@code ContainerBasedAuthenticationFilter}, so Tasklist
 * and Cockpit open already signed in. Without a dondoc sign-in, a Camunda sign-in already in the session (its
 * own login form, shown after its logout) still counts; otherwise the webapps' API answers 401.
 * Public with a no-argument constructor: Camunda's filter creates it from its class name.
 */
public class SpringSecurityCamundaAuthenticationProvider implements AuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		org.springframework.security.core.Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.isAuthenticated() && !"anonymousUser".equals(signedIn.getName())) {
			AuthenticationResult result = AuthenticationResult.successful(signedIn.getName());
			result.setGroups(List.copyOf(CamundaIdentityAuthenticationProvider.groupsOf(signedIn)));
			return result;
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			Authentication camunda = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
			if (camunda != null) {
				return AuthenticationResult.successful(camunda.getIdentityId());
			}
		}
		return AuthenticationResult.unsuccessful();
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// no challenge: people sign in on dondoc's form, which the webapps' pages redirect to
	}

}

package vn.dondoc.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the two sign-ins one after the webapps' own buttons, once Camunda has done its part (its password
 * check, its CSRF check): signing out in Tasklist or Cockpit ends the dondoc session as well, and signing in
 * on the webapps' form (shown after that sign-out) signs in to the dashboard too, with the same groups.
 * Anything Camunda refused (a wrong password, a missing CSRF token) is left as Camunda answered it.
 */
class CamundaSessionBridge extends OncePerRequestFilter {

	/** Below {@code /camunda}: {@code /api/admin/auth/user/{engine}/login/{app}} and {@code .../{engine}/logout}. */
	static final String PATH = "/camunda/api/admin/auth/user/";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (response.getStatus() != HttpServletResponse.SC_OK) {
			return;
		}
		String[] path = request.getRequestURI().substring(request.getContextPath().length() + PATH.length()).split("/");
		if (path.length == 2 && "logout".equals(path[1])) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
		}
		else if (path.length == 3 && "login".equals(path[1])) {
			HttpSession session = request.getSession(false);
			Authentication camunda = session == null ? null
					: AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(path[0]);
			if (camunda instanceof UserAuthentication user) {
				List<GrantedAuthority> authorities = user.getGroupIds()
					.stream()
					.<GrantedAuthority>map(group -> new SimpleGrantedAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + group))
					.toList();
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, authorities));
				session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
			}
		}
	}

}

package vn.dondoc.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets a person signed in to the dashboard open an API address in the same browser (the directive page's
 * link to what was sent about it, the API documentation's "try it out") without a second password prompt:
 * a GET or HEAD under {@code /api} may ride the dashboard's session. Anything that changes data still needs
 * HTTP Basic, so a page on another site cannot make a signed-in browser change anything through the API
 * (the API has no CSRF token). Nothing is ever written to the session from here.
 */
final class SessionForReading implements SecurityContextRepository {

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	SessionForReading() {
		sessions.setAllowSessionCreation(false);
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
		return reads(holder.getRequest()) ? sessions.loadContext(holder) : SecurityContextHolder.createEmptyContext();
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		if (reads(request)) {
			return sessions.loadDeferredContext(request);
		}
		return new DeferredSecurityContext() {

			@Override
			public SecurityContext get() {
				return new SecurityContextImpl();
			}

			@Override
			public boolean isGenerated() {
				return true;
			}

		};
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		// HTTP Basic authenticates every request anew; the session is only read
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return reads(request) && sessions.containsContext(request);
	}

	private static boolean reads(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

}

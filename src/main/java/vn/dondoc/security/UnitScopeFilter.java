package vn.dondoc.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.dondoc.directive.DirectiveCatalog;

/**
 * Keeps a unit member inside its own units on {@code /api}: a directive of other units answers 403, the
 * directive list is narrowed to the member's unit, importing is for the tracking office, and the
 * notifications of a directive are shown only for the member's directives. The admin and the office pass
 * untouched. Runs in the API filter chain, after authentication.
 */
class UnitScopeFilter extends OncePerRequestFilter {

	private static final Pattern ONE_DIRECTIVE = Pattern.compile("^/api/directives/(\\d+)/?$");

	private final DirectiveCatalog catalog;

	UnitScopeFilter(DirectiveCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication());
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (viewer.userId() == null || viewer.seesAll() || !path.startsWith("/api/")) {
			chain.doFilter(request, response);
			return;
		}
		Matcher one = ONE_DIRECTIVE.matcher(path);
		if (one.matches()) {
			List<String> units = catalog.unitCodes(Long.parseLong(one.group(1)));
			if (!units.isEmpty() && !viewer.sees(units)) {
				refuse(response, "Nhiệm vụ này không thuộc đơn vị của bạn");
				return;
			}
		}
		else if (path.equals("/api/directives") || path.equals("/api/directives/")) {
			String unit = request.getParameter("unit");
			if (unit != null && !unit.isBlank()) {
				if (!viewer.units().contains(unit.strip())) {
					refuse(response, "Bạn chỉ xem được nhiệm vụ của đơn vị mình");
					return;
				}
			}
			else if (viewer.units().size() == 1) {
				request = withParameter(request, "unit", viewer.units().iterator().next());
			}
			else {
				refuse(response, "Hãy chọn đơn vị (tham số unit) trong các đơn vị của bạn: " + viewer.units());
				return;
			}
		}
		else if (path.startsWith("/api/documents") && !"GET".equals(request.getMethod())) {
			refuse(response, "Chỉ Văn phòng theo dõi được nhập văn bản");
			return;
		}
		else if (path.startsWith("/api/drafts")) {
			refuse(response, "Chỉ Văn phòng theo dõi được soạn nhiệm vụ từ văn bản");
			return;
		}
		else if (path.startsWith("/api/notifications")) {
			String directive = request.getParameter("directive");
			boolean own = directive != null && catalog.idOf(directive).map(id -> viewer.sees(catalog.unitCodes(id))).orElse(false);
			if (!own) {
				refuse(response, "Bạn chỉ xem được thông báo về nhiệm vụ của đơn vị mình (tham số directive)");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, String detail) throws IOException {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Không có quyền\",\"status\":403,\"detail\":\""
				+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}

	private static HttpServletRequest withParameter(HttpServletRequest request, String name, String value) {
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
		parameters.put(name, new String[] { value });
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getParameter(String key) {
				String[] values = parameters.get(key);
				return values == null || values.length == 0 ? null : values[0];
			}

			@Override
			public Map<String, String[]> getParameterMap() {
				return Collections.unmodifiableMap(parameters);
			}

			@Override
			public Enumeration<String> getParameterNames() {
				return Collections.enumeration(parameters.keySet());
			}

			@Override
			public String[] getParameterValues(String key) {
				return parameters.get(key);
			}
		};
	}

}

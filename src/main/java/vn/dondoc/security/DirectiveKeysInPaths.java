package vn.dondoc.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * A directive's business key (document code/section, e.g. {@code 45-KL/TU/I.2.3.1}) holds slashes; in
 * {@code /api/directives/{id}/…} it comes URL-encoded ({@code %2F}). Tomcat passes the encoded slash through
 * to Spring MVC, which decodes it inside the path variable; Spring Security's firewall lets it pass under
 * {@code /api/directives/} only and stays strict everywhere else.
 */
@Configuration(proxyBeanMethods = false)
class DirectiveKeysInPaths {

	private static final String PREFIX = "/api/directives/";

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesPassThrough() {
		return factory -> factory.addConnectorCustomizers(
				connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
	}

	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall strict = new StrictHttpFirewall();
		StrictHttpFirewall keys = new StrictHttpFirewall();
		// Tomcat leaves "%2F" encoded in the servlet path too, so its "%" must pass as well
		keys.setAllowUrlEncodedSlash(true);
		keys.setAllowUrlEncodedPercent(true);
		return new HttpFirewall() {

			@Override
			public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
				String uri = request.getRequestURI();
				String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
				return (path.startsWith(PREFIX) ? keys : strict).getFirewalledRequest(request);
			}

			@Override
			public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
				return strict.getFirewalledResponse(response);
			}
		};
	}

}

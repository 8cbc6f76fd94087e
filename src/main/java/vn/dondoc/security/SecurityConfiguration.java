package vn.dondoc.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import vn.dondoc.directive.DirectiveCatalog;

/**
 * Two doors. Machine clients ({@code /api}, {@code /engine-rest}, {@code /actuator}) authenticate with
 * HTTP Basic on every request and get 401 without it; a unit member is kept to its own units there by
 * {@link UnitScopeFilter}. People use the dashboard through a Vietnamese login form (session, CSRF token
 * on every form); only the tracking office and the admin reach the import page. The Camunda webapps
 * ({@code /camunda}) share that sign-in: their pages send a stranger to the same login form and back, and
 * {@link SpringSecurityCamundaAuthenticationProvider} hands the signed-in user and groups to Camunda; they
 * keep their own CSRF protection, and Camunda's authorizations ({@link CamundaGrants}) show each unit only
 * its own tasks there.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String REALM = "dondoc";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, DirectiveCatalog catalog) throws Exception {
		// path matchers, not MVC matchers: /engine-rest is Jersey's servlet, outside Spring MVC
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		// the OpenAPI description too: API clients and code generators read it with HTTP Basic, the
		// Swagger UI page with the dashboard's session (SessionForReading)
		http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
				paths.matcher("/actuator/**"), paths.matcher("/v3/api-docs"), paths.matcher("/v3/api-docs/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**")).permitAll()
				// operations: the Quartz jobs and their data (and starting one), metrics; not for units or the office
				.requestMatchers(paths.matcher("/actuator/**")).hasAuthority(Viewer.ADMIN_AUTHORITY)
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName(REALM))
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
				new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED).commence(request, response, exception);
			}))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// a dashboard session may read (GET) through the API in the same browser; see SessionForReading
			.securityContext(context -> context.securityContextRepository(new SessionForReading()))
			// stateless Basic clients send no cookie, so there is no session to ride: CSRF does not apply
			.csrf(csrf -> csrf.disable())
			.addFilterAfter(new UnitScopeFilter(catalog), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.authorizeHttpRequests(requests -> requests
				// the webapps' pages need the dondoc sign-in (a stranger goes to /login and comes back)
				.requestMatchers(paths.matcher("/camunda"), paths.matcher("/camunda/"), paths.matcher("/camunda/app/**")).authenticated()
				// their API and scripts: Camunda's own filters (authentication from the session, CSRF) guard them
				.requestMatchers(paths.matcher("/camunda/**")).permitAll()
				// a unit's calendar feed: calendar apps do not sign in, the secret token in the address is the key
				.requestMatchers(paths.matcher("/lich/*.ics")).permitAll()
				.requestMatchers(paths.matcher("/login"), paths.matcher("/css/**"), paths.matcher("/js/**"),
						paths.matcher("/img/**"), paths.matcher("/favicon.ico"), paths.matcher("/error")).permitAll()
				.requestMatchers(paths.matcher("/import"), paths.matcher("/import/**"), paths.matcher("/drafts"), paths.matcher("/drafts/**"))
				.hasAnyAuthority(Viewer.ADMIN_AUTHORITY, Viewer.OFFICE_AUTHORITY)
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers(paths.matcher("/camunda/**")))
			.headers(Customizer.withDefaults());
		return http.build();
	}

	/** Camunda's filter for a sign-in made elsewhere, with dondoc's provider; after Spring Security's chain. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				SpringSecurityCamundaAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		// before the webapps' own filters, which Camunda registers after every registration bean
		registration.setOrder(0);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CamundaSessionBridge> camundaSessionBridge() {
		FilterRegistrationBean<CamundaSessionBridge> registration = new FilterRegistrationBean<>(new CamundaSessionBridge());
		registration.addUrlPatterns(CamundaSessionBridge.PATH + "*");
		registration.setOrder(0);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CamundaRestAuthenticationFilter> camundaRestAuthentication(IdentityService identity) {
		FilterRegistrationBean<CamundaRestAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new CamundaRestAuthenticationFilter(identity));
		registration.addUrlPatterns("/engine-rest/*");
		// after Spring Security's chain (order -100), which has authenticated the request by then
		registration.setOrder(0);
		return registration;
	}

}

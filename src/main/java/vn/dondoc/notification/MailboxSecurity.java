package vn.dondoc.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import vn.dondoc.security.Viewer;

/**
 * The mailbox shows every unit's mail, so only the tracking office and the admin may read it: signed in
 * on the dashboard (its session) or with HTTP Basic against the same Camunda accounts. It is read-only
 * (GET), so no CSRF token is involved.
 */
@Configuration(proxyBeanMethods = false)
class MailboxSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain mailboxFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/mailbox/**"))
			// every unit's mail is in there: the office's and the admin's to read, from the dashboard's
			// session or with HTTP Basic
			.authorizeHttpRequests(requests -> requests.anyRequest()
				.hasAnyAuthority(Viewer.ADMIN_AUTHORITY, Viewer.OFFICE_AUTHORITY))
			.httpBasic(basic -> basic.realmName("dondoc"));
		return http.build();
	}

}

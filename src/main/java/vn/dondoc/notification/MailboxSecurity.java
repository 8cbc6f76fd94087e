package vn.dondoc.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The mailbox shows every unit's mail, so it needs a login: HTTP Basic against the same Camunda accounts
 * as the APIs (the browser asks for user name and password). It is read-only (GET), so no CSRF token is
 * involved.
 */
@Configuration(proxyBeanMethods = false)
class MailboxSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain mailboxFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/mailbox/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName("dondoc"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}

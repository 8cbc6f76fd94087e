package vn.dondoc.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account that exists before any web page answers.
 *
 * @param username the admin's user id in Camunda's identity service
 * @param password the admin's password; {@code admin} is accepted only in the embedded (dev) set-up
 */
@ConfigurationProperties("dondoc.admin")
public record AdminSettings(String username, String password) {

	/** The development default, refused in production profiles. */
	public static final String DEV_DEFAULT_PASSWORD = "admin";

	public AdminSettings {
		username = (username == null || username.isBlank()) ? "admin" : username.trim();
		password = password == null ? "" : password;
	}

	public boolean usesDevDefault() {
		return DEV_DEFAULT_PASSWORD.equals(password);
	}

}

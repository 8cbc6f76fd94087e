package vn.dondoc.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the login page tells someone who cannot sign in.
 *
 * @param help whom to ask for an account or a new password (for example the office's telephone); shown under
 * the login form as plain text
 */
@ConfigurationProperties("dondoc.login")
public record LoginSettings(String help) {

	/** Said when nothing is configured. */
	static final String DEFAULT_HELP = "Chưa có tài khoản hoặc quên mật khẩu: xin liên hệ Văn phòng theo dõi "
			+ "hoặc người quản trị dondoc của cơ quan để được cấp tài khoản, đặt lại mật khẩu.";

	public LoginSettings {
		help = help == null || help.isBlank() ? DEFAULT_HELP : help.strip();
	}

}

package vn.dondoc.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminAccountTest {

	@Test
	void acceptsTheDevDefaultPasswordInTheEmbeddedSetUp() {
		AdminAccount account = new AdminAccount(new AdminSettings("admin", "admin"), new MockEnvironment());
		assertThatCode(account::refuseUnsafePassword).doesNotThrowAnyException();
	}

	@Test
	void refusesTheDevDefaultPasswordWithThePostgresProfile() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("postgres");
		AdminAccount account = new AdminAccount(new AdminSettings("admin", "admin"), environment);
		assertThatThrownBy(account::refuseUnsafePassword).isInstanceOf(UnsafeAdminPasswordException.class)
			.hasMessageContaining("dondoc.admin.password")
			.hasMessageContaining("postgres");
	}

	@Test
	void refusesAnEmptyPasswordEverywhere() {
		AdminAccount account = new AdminAccount(new AdminSettings("admin", ""), new MockEnvironment());
		assertThatThrownBy(account::refuseUnsafePassword).isInstanceOf(UnsafeAdminPasswordException.class)
			.hasMessageContaining("empty");
	}

	@Test
	void acceptsARealPasswordWithThePostgresProfile() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("postgres");
		AdminAccount account = new AdminAccount(new AdminSettings("admin", "s3cret-Hai-Phong"), environment);
		assertThatCode(account::refuseUnsafePassword).doesNotThrowAnyException();
	}

}

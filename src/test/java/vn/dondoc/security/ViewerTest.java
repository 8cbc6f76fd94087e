package vn.dondoc.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerTest {

	@Test
	void aUnitMemberSeesDirectivesNamingItsUnitAndActsOnlyForIt() {
		Viewer viewer = Viewer.of(new TestingAuthenticationToken("ban-to-chuc", "demo", "GROUP_ban-to-chuc"));
		assertThat(viewer.units()).containsExactly("ban-to-chuc");
		assertThat(viewer.seesAll()).isFalse();
		assertThat(viewer.tracks()).isFalse();
		assertThat(viewer.sees(List.of("ban-tuyen-giao", "ban-to-chuc"))).isTrue();
		assertThat(viewer.sees(List.of("ban-tuyen-giao"))).isFalse();
		assertThat(viewer.actsFor("ban-to-chuc")).isTrue();
		assertThat(viewer.actsFor("ban-tuyen-giao")).isFalse();
	}

	@Test
	void theOfficeSeesAllButActsForNoUnit() {
		Viewer office = Viewer.of(new TestingAuthenticationToken("vanphong", "demo", "GROUP_tracking-office"));
		assertThat(office.seesAll()).isTrue();
		assertThat(office.tracks()).isTrue();
		assertThat(office.units()).isEmpty();
		assertThat(office.actsFor("ban-to-chuc")).isFalse();
		assertThat(office.roleLabel()).isEqualTo("Văn phòng theo dõi");
	}

	@Test
	void theAdminDoesEverything() {
		Viewer admin = Viewer.of(new TestingAuthenticationToken("admin", "admin", "GROUP_camunda-admin"));
		assertThat(admin.seesAll()).isTrue();
		assertThat(admin.actsFor("qu-le-chan")).isTrue();
	}

	@Test
	void nobodySignedInSeesNothing() {
		Viewer nobody = Viewer.of(null);
		assertThat(nobody.userId()).isNull();
		assertThat(nobody.sees(Set.of("ban-to-chuc"))).isFalse();
	}

}

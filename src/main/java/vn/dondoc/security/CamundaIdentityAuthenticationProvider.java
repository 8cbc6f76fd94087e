package vn.dondoc.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user names and passwords against Camunda's identity service (salted, hashed passwords), so the
 * account an official uses in Tasklist is the same one that opens dondoc. Each Camunda group the user
 * belongs to becomes an authority {@code GROUP_<groupId>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_PREFIX = "GROUP_";

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || username.isBlank() || credentials == null
				|| !identityService.checkPassword(username, credentials.toString())) {
			throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng");
		}
		List<GrantedAuthority> authorities = identityService.createGroupQuery()
			.groupMember(username)
			.list()
			.stream()
			.map(Group::getId)
			.<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
	}

	/** The Camunda group ids of an authenticated user, from its {@code GROUP_<groupId>} authorities. */
	static List<String> groupsOf(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(GROUP_PREFIX))
			.map(authority -> authority.substring(GROUP_PREFIX.length()))
			.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

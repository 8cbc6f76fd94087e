package vn.dondoc.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret of each feed's address (table {@code calendar_feed}): 256 random bits, URL-safe Base64 (43 characters).
 * A request is looked up by the token's SHA-256, never by the token itself.
 */
@Component
class FeedTokens {

	/** What a token looks like; anything else is not looked up at all. */
	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	FeedTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The unit's feed: its token while the address works, and whether it was revoked. */
	record State(String token, boolean revoked) {
	}

	Optional<State> state(String unit) {
		return jdbc.sql("SELECT token, revoked_at FROM calendar_feed WHERE unit_code = ?")
			.param(unit)
			.query((rs, n) -> new State(rs.getString(1), rs.getTimestamp(2) != null))
			.optional();
	}

	/** The unit's working token, issued now when it has none (never had one, or it was revoked). */
	String current(String unit, String by) {
		Optional<State> state = state(unit);
		if (state.isPresent() && state.get().token() != null) {
			return state.get().token();
		}
		if (state.isEmpty()) {
			String token = newToken();
			try {
				jdbc.sql("INSERT INTO calendar_feed (unit_code, token, token_hash, issued_at, issued_by) VALUES (?, ?, ?, ?, ?)")
					.params(unit, token, hash(token), clock.instant().atOffset(ZoneOffset.UTC), by)
					.update();
				return token;
			}
			catch (DuplicateKeyException raced) {
				// another request issued the first token a moment ago: that one stands
				return current(unit, by);
			}
		}
		return replace(unit, by);
	}

	/** A new token for the unit; the old one stops working. */
	String replace(String unit, String by) {
		String token = newToken();
		int updated = jdbc.sql("UPDATE calendar_feed SET token = ?, token_hash = ?, issued_at = ?, issued_by = ?, revoked_at = NULL"
				+ " WHERE unit_code = ?")
			.params(token, hash(token), clock.instant().atOffset(ZoneOffset.UTC), by, unit)
			.update();
		return updated == 1 ? token : current(unit, by);
	}

	/** The address stops working; {@code false} when it had none that worked. */
	boolean revoke(String unit) {
		return jdbc.sql("UPDATE calendar_feed SET token = NULL, token_hash = NULL, revoked_at = ? WHERE unit_code = ? AND token IS NOT NULL")
			.params(clock.instant().atOffset(ZoneOffset.UTC), unit)
			.update() == 1;
	}

	/** The unit (or office) whose working token this is. */
	Optional<String> unitOf(String token) {
		if (token == null || !SHAPE.matcher(token).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT unit_code FROM calendar_feed WHERE token_hash = ?").param(hash(token)).query(String.class).optional();
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

}

package vn.dondoc.platform;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database dondoc runs on, for the few statements that H2 and PostgreSQL spell differently. */
public final class Databases {

	private Databases() {
	}

	/** {@code true} on PostgreSQL, {@code false} on H2. */
	public static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product.toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (MetaDataAccessException e) {
			throw new IllegalStateException("Cannot tell which database dondoc is in", e);
		}
	}

}

package vn.dondoc.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why dondoc refused to start with the admin password it was given. */
class UnsafeAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeAdminPasswordException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeAdminPasswordException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set dondoc.admin.password in config/application.yml or the environment variable DONDOC_ADMIN_PASSWORD.",
				cause);
	}

}

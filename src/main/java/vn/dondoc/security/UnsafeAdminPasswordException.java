package vn.dondoc.security;

/** Start-up refused: the admin password is missing, or is the dev default outside the dev set-up. */
public class UnsafeAdminPasswordException extends IllegalStateException {

	public UnsafeAdminPasswordException(String message) {
		super(message);
	}

}

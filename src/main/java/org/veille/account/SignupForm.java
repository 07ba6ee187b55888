package org.veille.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the sign-up form sends; {@link Logins} says what a login looks like. {@code invitation}: the token of
 * the invitation link the form was opened from, if any.
 */
record SignupForm(
		@NotBlank(message = "{signup.login.required}") @Size(min = 2, max = 30,
				message = "{signup.login.size}") @Pattern(regexp = Logins.PATTERN,
						message = "{signup.login.invalid}") String login,
		@NotBlank(message = "{signup.email.required}") @Size(max = 254,
				message = "{signup.email.invalid}") @Email(message = "{signup.email.invalid}") String email,
		@NotBlank(message = "{signup.password.required}") @Size(min = 8, max = 72,
				message = "{signup.password.size}") String password,
		@Nullable @Size(max = 100) String invitation) {

	static SignupForm empty() {
		return new SignupForm("", "", "", null);
	}

	/** The empty form of an invitation link. */
	static SignupForm invited(@Nullable String invitation) {
		return new SignupForm("", "", "", invitation);
	}

}

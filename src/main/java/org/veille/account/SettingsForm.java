package org.veille.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the settings page sends: the name shown instead of the login, a short bio, the e-mail and the
 * language of the interface (empty: follow the browser).
 */
public record SettingsForm(@Size(max = 80, message = "{settings.display-name.size}") @Nullable String displayName,
		@Size(max = 1000, message = "{settings.bio.size}") @Nullable String bio,
		@NotBlank(message = "{signup.email.required}") @Size(max = 254,
				message = "{signup.email.invalid}") @Email(message = "{signup.email.invalid}") String email,
		@Pattern(regexp = "|en|fr", message = "{settings.language.invalid}") @Nullable String language) {

	static SettingsForm of(Account account) {
		return new SettingsForm(account.displayName(), account.bio(), account.email(), account.language());
	}

}

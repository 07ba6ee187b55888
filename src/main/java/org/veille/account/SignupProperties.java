package org.veille.account;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-up settings, {@code veille.signup.*} (README lists them).
 *
 * @param perAddressPerHour accounts one address (IPv4, or IPv6 /64) may create in an hour
 * @param verifyEmail whether a person must confirm their e-mail address before posting; unset: yes when an
 * SMTP server is configured ({@code spring.mail.host}), no otherwise ({@link PostingPermission})
 */
@Validated
@ConfigurationProperties("veille.signup")
record SignupProperties(@DefaultValue("5") @Min(1) int perAddressPerHour, @Nullable Boolean verifyEmail) {
}

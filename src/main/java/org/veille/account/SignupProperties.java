package org.veille.account;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-up settings, {@code veille.signup.*} (README lists them).
 *
 * @param perAddressPerHour accounts one address (IPv4, or IPv6 /64) may create in an hour
 */
@Validated
@ConfigurationProperties("veille.signup")
record SignupProperties(@DefaultValue("5") @Min(1) int perAddressPerHour) {
}

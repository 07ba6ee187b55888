package org.veille.account;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Administration settings, {@code veille.admin.*} (README: Moderation).
 *
 * @param logins the logins of the administrators; when none is given, the first account created is the
 * administrator, so that a fresh instance can be run without editing its settings first
 */
@ConfigurationProperties("veille.admin")
record AdminProperties(@DefaultValue List<String> logins) {
}

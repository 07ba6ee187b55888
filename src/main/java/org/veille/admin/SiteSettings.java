package org.veille.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;
import org.veille.account.SignupMode;
import org.veille.account.SiteSignups;

/** Changes the sign-up mode and makes invitation links, each change written in the moderation log. */
@Service
class SiteSettings {

	static final int MAX_DAYS = 365;

	static final int MAX_USES = 1000;

	private final SiteSignups signups;

	private final ModerationLog log;

	private final Clock clock;

	SiteSettings(SiteSignups signups, ModerationLog log, Clock clock) {
		this.signups = signups;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	void changeMode(CurrentAccount admin, SignupMode mode) {
		if (this.signups.changeMode(mode)) {
			this.log.record(admin, ModerationLog.Action.SIGNUP_MODE, null, null, mode.key(), now());
		}
	}

	/** A new invitation link's token, shown once. */
	@Transactional
	String invite(CurrentAccount admin, int days, int uses) {
		String token = this.signups.invite(admin.id(), Duration.ofDays(days), uses);
		this.log.record(admin, ModerationLog.Action.INVITATION, null, null,
				uses + " × " + days + " d", now());
		return token;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}

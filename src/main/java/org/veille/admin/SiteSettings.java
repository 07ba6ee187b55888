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
import org.veille.siteinfo.CurrentSiteInfo;
import org.veille.siteinfo.SiteInfo;

/**
 * Changes the sign-up mode and the site's name and makes invitation links, each change written in the
 * moderation log.
 */
@Service
class SiteSettings {

	static final int MAX_DAYS = 365;

	static final int MAX_USES = 1000;

	private final SiteSignups signups;

	private final CurrentSiteInfo siteInfo;

	private final ModerationLog log;

	private final Clock clock;

	SiteSettings(SiteSignups signups, CurrentSiteInfo siteInfo, ModerationLog log, Clock clock) {
		this.signups = signups;
		this.siteInfo = siteInfo;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	void rename(CurrentAccount admin, SiteInfo info) {
		if (this.siteInfo.change(info)) {
			this.log.record(admin, ModerationLog.Action.SITE_NAME, null, null, info.name(), now());
		}
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

package org.veille.account;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

	private final SiteSignups siteSignups;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordRules passwordRules;

	private final SignupLimit signupLimit;

	private final AccountMails mails;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordRules passwordRules,
			SignupLimit signupLimit, AccountMails mails, JdbcClient jdbc, Clock clock, SiteSignups siteSignups) {
		this.siteSignups = siteSignups;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.passwordRules = passwordRules;
		this.signupLimit = signupLimit;
		this.mails = mails;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<PersonView> findPerson(String login) {
		if (!Logins.isWellFormed(login)) {
			return Optional.empty();
		}
		return this.accounts.findByLogin(login)
			.map((account) -> new PersonView(account.id(), account.login(), account.displayName(), account.bio(),
					account.createdAt(), account.changedAt()));
	}

	/**
	 * Creates the account of a sign-up from this client address and mails the link that confirms its
	 * address. An address another account has gets the same answer, and its owner an e-mail saying someone
	 * tried (the page never tells whether an address is taken). The address's sign-up count is raised in
	 * this transaction, after the checks and the hashing, so that a refusal of any kind leaves it as it was
	 * and the row lock it takes is held only for the insert.
	 * @param language the interface's language, for the e-mails until the person chooses one
	 */
	@Transactional
	void register(SignupForm form, String remoteAddress, String language) {
		this.signupLimit.refuseIfReached(remoteAddress);
		this.passwordRules.check(form.password(), form.login(), form.email());
		if (this.accounts.existsByLogin(form.login())) {
			throw SignupRejectedException.loginTaken();
		}
		// Taken whether or not the address has an account already: the answer is the same either way.
		this.siteSignups.admit(form.invitation());
		String hash = this.passwordEncoder.encode(form.password());
		this.signupLimit.count(remoteAddress);
		String email = form.email().trim();
		Optional<Account> owner = this.accounts.findByEmail(email);
		if (owner.isPresent()) {
			this.mails.addressTaken(owner.get().id());
			return;
		}
		try {
			Account account = this.accounts.saveAndFlush(Account.register(form.login(), email, hash, this.clock.instant()));
			this.jdbc.sql("update accounts set seen_language = :language, signup_address = :address where id = :id")
				.param("language", language)
				.param("address", remoteAddress)
				.param("id", account.id())
				.update();
			this.mails.confirm(account.id(), email);
		}
		catch (DataIntegrityViolationException ex) {
			// Someone took the login or e-mail between the checks above and the insert.
			String detail = String.valueOf(ex.getMostSpecificCause().getMessage());
			throw detail.contains("accounts_email_key") ? new AddressRaceException() : SignupRejectedException.loginTaken();
		}
	}

	@Transactional(readOnly = true)
	SettingsForm settings(long accountId) {
		return SettingsForm.of(account(accountId));
	}

	@Transactional(readOnly = true)
	boolean emailVerified(long accountId) {
		return account(accountId).emailVerified();
	}

	/**
	 * Saves the profile. A new e-mail address is not taken at once: a link goes to it, which replaces the old
	 * address when followed, and the old address is told. An address another account has gets the same
	 * answer, and its owner a warning.
	 * @return the new address waiting for its confirmation, or null when the address did not change
	 */
	@Transactional
	@Nullable String changeSettings(long accountId, SettingsForm form) {
		Account account = account(accountId);
		account.changeProfile(form.displayName(), form.bio(), form.language());
		String email = form.email().trim();
		if (account.email().equalsIgnoreCase(email)) {
			return null;
		}
		Optional<Account> owner = this.accounts.findByEmail(email);
		if (owner.isPresent()) {
			this.mails.addressTaken(owner.get().id());
		}
		else {
			this.mails.confirm(accountId, email);
			this.mails.addressChanging(accountId, account.email());
		}
		return email;
	}

	private Account account(long accountId) {
		return this.accounts.findById(accountId).orElseThrow(() -> new IllegalStateException("No account " + accountId));
	}

}

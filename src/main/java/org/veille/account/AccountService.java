package org.veille.account;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountService {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordRules passwordRules;

	private final SignupLimit signupLimit;

	private final Clock clock;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordRules passwordRules,
			SignupLimit signupLimit, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.passwordRules = passwordRules;
		this.signupLimit = signupLimit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Optional<PersonView> findPerson(String login) {
		if (!Logins.isWellFormed(login)) {
			return Optional.empty();
		}
		return this.accounts.findByLogin(login)
			.map((account) -> new PersonView(account.id(), account.login(), account.displayName(), account.bio(),
					account.createdAt(), account.changedAt()));
	}

	/**
	 * Creates the account of a sign-up from this client address. The address's sign-up count is raised in
	 * this transaction, after the checks and the hashing, so that a refusal of any kind leaves it as it was
	 * and the row lock it takes is held only for the insert.
	 */
	@Transactional
	CurrentAccount register(SignupForm form, String remoteAddress) {
		this.signupLimit.refuseIfReached(remoteAddress);
		this.passwordRules.check(form.password(), form.login(), form.email());
		if (this.accounts.existsByLogin(form.login())) {
			throw SignupRejectedException.loginTaken();
		}
		if (this.accounts.existsByEmail(form.email())) {
			throw SignupRejectedException.emailTaken();
		}
		String hash = this.passwordEncoder.encode(form.password());
		this.signupLimit.count(remoteAddress);
		try {
			Account account = this.accounts
				.save(Account.register(form.login(), form.email().trim(), hash, this.clock.instant()));
			return new CurrentAccount(account.id(), account.login(), hash);
		}
		catch (DataIntegrityViolationException ex) {
			// Someone took the login or e-mail between the checks above and the insert.
			String detail = String.valueOf(ex.getMostSpecificCause().getMessage());
			throw detail.contains("accounts_email_key") ? SignupRejectedException.emailTaken()
					: SignupRejectedException.loginTaken();
		}
	}

	@Transactional(readOnly = true)
	SettingsForm settings(long accountId) {
		return SettingsForm.of(account(accountId));
	}

	/** Saves the profile; an e-mail another account uses is refused on its field. */
	@Transactional
	void changeSettings(long accountId, SettingsForm form) {
		Account account = account(accountId);
		if (!account.email().equalsIgnoreCase(form.email().trim()) && this.accounts.existsByEmail(form.email().trim())) {
			throw SignupRejectedException.emailTaken();
		}
		account.changeProfile(form.displayName(), form.bio(), form.email(), form.language());
	}

	private Account account(long accountId) {
		return this.accounts.findById(accountId).orElseThrow(() -> new IllegalStateException("No account " + accountId));
	}

}

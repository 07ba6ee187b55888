package org.veille.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String login) {
		if (!Logins.isWellFormed(login)) {
			throw new UsernameNotFoundException("No account " + login);
		}
		return this.accounts.findByLogin(login)
			.map((account) -> new CurrentAccount(account.id(), account.login(), account.passwordHash(),
					account.language(), account.credentialsChangedAt()))
			.orElseThrow(() -> new UsernameNotFoundException("No account " + login));
	}

}

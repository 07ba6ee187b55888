package org.veille.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, Long> {

	Account save(Account account);

	Account saveAndFlush(Account account);

	Optional<Account> findById(long id);

	/** Logins are unique whatever their case, as the index {@code accounts_login_key} says. */
	@Query("select a from Account a where lower(a.login) = lower(:login)")
	Optional<Account> findByLogin(String login);

	@Query("select count(a) > 0 from Account a where lower(a.login) = lower(:login)")
	boolean existsByLogin(String login);

	@Query("select a from Account a where lower(a.email) = lower(:email)")
	Optional<Account> findByEmail(String email);

}

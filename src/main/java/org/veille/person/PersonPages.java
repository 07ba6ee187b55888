package org.veille.person;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.AccountService;
import org.veille.account.CurrentAccount;
import org.veille.account.PersonView;
import org.veille.follow.Relation;
import org.veille.follow.Relations;
import org.veille.thread.ThreadPage;
import org.veille.thread.ThreadQueries;
import org.veille.web.Cursor;
import org.veille.web.NotFoundException;

/**
 * Reads a person's page and feeds: their threads and stars newest first, or their threads only.
 */
@Service
@Transactional(readOnly = true)
class PersonPages {

	private final AccountService accounts;

	private final ThreadQueries threads;

	private final Relations relations;

	PersonPages(AccountService accounts, ThreadQueries threads, Relations relations) {
		this.accounts = accounts;
		this.threads = threads;
		this.relations = relations;
	}

	PersonPage page(String login, boolean onlyThreads, @Nullable Cursor before, @Nullable CurrentAccount reader) {
		PersonView person = person(login);
		Relation relation = (reader != null) ? this.relations.between(reader.id(), person.id()) : Relation.NONE;
		return new PersonPage(person, relation, entries(person, onlyThreads, before, ThreadQueries.PAGE_SIZE),
				onlyThreads);
	}

	PersonView person(String login) {
		return this.accounts.findPerson(login).orElseThrow(() -> NotFoundException.person(login));
	}

	ThreadPage entries(PersonView person, boolean onlyThreads, @Nullable Cursor before, int size) {
		return onlyThreads ? this.threads.byAuthor(person.id(), before, size)
				: this.threads.byAuthorWithStars(person.id(), person.login(), before, size);
	}

}

package org.veille.person;

import org.veille.account.PersonView;
import org.veille.follow.Relation;
import org.veille.thread.ThreadPage;

/**
 * A person's page: who they are, how the reader stands with them, and a page of their threads (and
 * stars, unless {@code onlyThreads}).
 */
record PersonPage(PersonView person, Relation relation, ThreadPage page, boolean onlyThreads) {

	public String canonicalPath() {
		return this.onlyThreads ? this.person.onlyPath() : this.person.path();
	}

	public String feedPath() {
		return canonicalPath() + "/feed";
	}

}

package org.veille.message;

/**
 * Where a message written (posted, replied, edited) is to be seen.
 */
record Posted(long id, long threadId) {

	String path() {
		return (this.id == this.threadId) ? "/messages/" + this.id : "/messages/" + this.threadId + "#m" + this.id;
	}

}

package org.veille.database;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes to rows that many transactions share (a popular tag's counters, a site's, a host's fetch slot),
 * gathered while a transaction runs and made just before it commits. A row written keeps its lock until the
 * commit: written at a post's first statements, a tag everyone uses made each post wait for the whole of
 * the others' transactions; written last, only for their commit.
 *
 * <p>Each {@link Kind} of write is gathered in one object per transaction, and at commit the kinds are written
 * by ascending order (the constants below), the same in every transaction, so that two transactions lock
 * shared rows alike. A transaction rolled back writes nothing; one suspended by another (REQUIRES_NEW) keeps
 * its own. Outside a transaction Spring manages (a Java migration), a change is written at once.
 */
public final class WritesAtCommit {

	/** Tags' rows and their spellings' are written first. */
	public static final int TAGS = 1;

	/** Then the sites' and their paths'. */
	public static final int SITE_PATHS = 2;

	/** Then the hosts' next fetch slots. */
	public static final int FETCH_SLOTS = 3;

	private WritesAtCommit() {
	}

	/**
	 * A kind of write: how to start gathering a transaction's changes, and how to write them; one instance a
	 * kind (it is the key of a transaction's gathered changes).
	 */
	public record Kind<T>(int order, Supplier<T> start, Consumer<T> write) {
	}

	/** Adds a change to what this transaction will write of this kind at its commit. */
	public static <T> void gather(Kind<T> kind, Consumer<T> change) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			T alone = kind.start().get();
			change.accept(alone);
			kind.write().accept(alone);
			return;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Pending<?> pending && pending.kind == kind) {
				@SuppressWarnings("unchecked")
				T gathered = (T) pending.gathered;
				change.accept(gathered);
				return;
			}
		}
		Pending<T> pending = new Pending<>(kind, kind.start().get());
		TransactionSynchronizationManager.registerSynchronization(pending);
		change.accept(pending.gathered);
	}

	private record Pending<T>(Kind<T> kind, T gathered) implements TransactionSynchronization {

		@Override
		public int getOrder() {
			return this.kind.order();
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.kind.write().accept(this.gathered);
		}

	}

}

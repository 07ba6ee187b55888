package org.veille.transfer;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Carries an {@link ImportFormatException} through code that may only throw {@link IOException}: a
 * {@link java.io.Reader} handed to an XML parser, for instance. The readers unwrap it.
 */
final class ImportFailure extends IOException {

	private static final long serialVersionUID = 1L;

	ImportFailure(ImportFormatException failure) {
		super(failure.getMessage(), failure);
	}

	ImportFormatException failure() {
		return (ImportFormatException) getCause();
	}

	/** The import failure somewhere in the causes of {@code thrown}, if any. */
	static @Nullable ImportFormatException find(Throwable thrown) {
		for (@Nullable Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof ImportFailure failure) {
				return failure.failure();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}

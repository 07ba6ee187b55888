package org.veille.transfer.format;

import java.io.IOException;

import javax.xml.stream.XMLStreamException;

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
		int depth = 0;
		for (@Nullable Throwable cause = thrown; cause != null && depth < 16; cause = causeOf(cause), depth++) {
			if (cause instanceof ImportFailure failure) {
				return failure.failure();
			}
		}
		return null;
	}

	/** The cause, including the nested exception of the JDK's XML parser, which does not set the cause. */
	private static @Nullable Throwable causeOf(Throwable thrown) {
		if (thrown.getCause() != null) {
			return thrown.getCause();
		}
		return (thrown instanceof XMLStreamException xml) ? xml.getNestedException() : null;
	}

}

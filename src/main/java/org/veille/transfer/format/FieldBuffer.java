package org.veille.transfer.format;

/**
 * Collects one field of an entry (a title, a description…) up to {@link Limits#MAX_FIELD_CHARS}; beyond, it only
 * remembers that the field was too long.
 */
final class FieldBuffer {

	private final StringBuilder text = new StringBuilder();

	private boolean tooLong;

	void append(CharSequence chunk) {
		if (this.tooLong) {
			return;
		}
		if (this.text.length() + chunk.length() > Limits.MAX_FIELD_CHARS) {
			this.tooLong = true;
			this.text.setLength(0);
			this.text.trimToSize();
			return;
		}
		this.text.append(chunk);
	}

	void append(char c) {
		if (this.tooLong) {
			return;
		}
		if (this.text.length() >= Limits.MAX_FIELD_CHARS) {
			this.tooLong = true;
			this.text.setLength(0);
			this.text.trimToSize();
			return;
		}
		this.text.append(c);
	}

	boolean isTooLong() {
		return this.tooLong;
	}

	boolean isEmpty() {
		return this.text.length() == 0 && !this.tooLong;
	}

	void clear() {
		this.text.setLength(0);
		this.tooLong = false;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}

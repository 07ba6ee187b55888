package org.veille.search;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.veille.web.BadRequestException;

/** How results are listed: newest thread first (the default) or most relevant first. */
enum SearchOrder {

	NEWEST, RELEVANCE;

	static SearchOrder parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return NEWEST;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("Results can be ordered by 'newest' or 'relevance', not '" + value + "'.");
		}
	}

	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

}

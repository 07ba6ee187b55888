package org.veille.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form larger than Tomcat reads ({@code server.tomcat.max-http-form-post-size}, 2 MB): Tomcat drops all its
 * fields and fails whoever asks for one, the error page included, so the visitor got the container's bare 413.
 * Such a form is answered here, before anything reads a field, with the site's 413 page saying what the limits
 * are. A message is far smaller than the limit (20,000 characters), so no honest form is refused.
 */
@Component
@Order(FormSizeFilter.ORDER)
class FormSizeFilter extends OncePerRequestFilter {

	/** Before the database's 503 filter, and anything else that could ask for a field. */
	static final int ORDER = DatabaseUnavailableFilter.ORDER - 10;

	static final String VIEW = "error/413";

	private final long maxFormBytes;

	private final long maxFormMegabytes;

	private final FilterPages pages;

	FormSizeFilter(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm, FilterPages pages) {
		this.maxFormBytes = maxForm.toBytes();
		this.maxFormMegabytes = Math.max(1, maxForm.toMegabytes());
		this.pages = pages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.maxFormBytes < 0 || request.getContentLengthLong() <= this.maxFormBytes
				|| !TakingTurns.isUrlEncodedForm(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.pages.render(VIEW, Map.of("formTooLarge", true, "formLimitMegabytes", this.maxFormMegabytes), HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
				request, response);
	}

}

package org.veille.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.veille.text.XmlChars;

/**
 * A request whose parameters (query string, form fields, multipart text fields) come without the
 * characters XML 1.0 forbids. Passwords come as typed: they are only ever hashed, never stored as
 * text or shown, and a password chosen before this rule must still open its account.
 */
final class CleanParametersRequest extends HttpServletRequestWrapper {

	CleanParametersRequest(HttpServletRequest request) {
		super(request);
	}

	@Override
	public @Nullable String getParameter(String name) {
		String value = super.getParameter(name);
		return (value == null || isPassword(name)) ? value : XmlChars.strip(value);
	}

	@Override
	public String @Nullable [] getParameterValues(String name) {
		String[] values = super.getParameterValues(name);
		return (values == null || isPassword(name)) ? values : clean(values);
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		Map<String, String[]> parameters = super.getParameterMap();
		Map<String, String[]> clean = new LinkedHashMap<>(parameters.size() * 2);
		parameters.forEach((name, values) -> clean.put(name, isPassword(name) ? values : clean(values)));
		return clean;
	}

	private static String[] clean(String[] values) {
		return Arrays.stream(values).map(XmlChars::strip).toArray(String[]::new);
	}

	private static boolean isPassword(String name) {
		return name.toLowerCase(Locale.ROOT).contains("password");
	}

}

package org.veille.federation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an administrator names an account of another server: its handle ({@code @user@host}, the one shown next to
 * its replies) or its actor id (an http(s) URL). A handle is kept in lower case (Mastodon's usernames ignore case),
 * an id as given.
 */
record RemoteAccountName(String key) {

	static final int MAX_LENGTH = 500;

	private static final Pattern HANDLE = Pattern.compile("@?([a-z0-9_.-]{1,64})@([a-z0-9][a-z0-9.-]{0,252}(:\\d{1,5})?)");

	/** The message key of what to fix in the input, or the name. */
	sealed interface Parsed permits Named, Refused {
	}

	record Named(RemoteAccountName name) implements Parsed {
	}

	record Refused(String problem) implements Parsed {
	}

	/** @param siteHost this site's host[:port]: its own people are suspended on /admin/people, not here */
	static Parsed parse(String typed, String siteHost) {
		String input = typed.strip();
		if (input.isEmpty()) {
			return new Refused("federation.admin.account.blank");
		}
		if (input.length() > MAX_LENGTH) {
			return new Refused("federation.admin.account.too-long");
		}
		String lower = input.toLowerCase(Locale.ROOT);
		if (lower.startsWith("https://") || lower.startsWith("http://")) {
			String host;
			try {
				host = RemoteActors.hostOf(input);
			}
			catch (RemoteActorException ex) {
				return new Refused("federation.admin.account.bad-format");
			}
			return host.equals(siteHost) ? new Refused("federation.admin.account.local")
					: new Named(new RemoteAccountName(input));
		}
		Matcher handle = HANDLE.matcher(lower);
		if (!handle.matches()) {
			return new Refused("federation.admin.account.bad-format");
		}
		return handle.group(2).equals(siteHost) ? new Refused("federation.admin.account.local")
				: new Named(new RemoteAccountName(handle.group(1) + "@" + handle.group(2)));
	}

}

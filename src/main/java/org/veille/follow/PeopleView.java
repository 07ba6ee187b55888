package org.veille.follow;

import java.util.List;

import org.veille.account.PersonChip;
import org.veille.markup.TagKeys;

/**
 * The people page: whom the reader follows, who follows them, the tags and sites they follow, whom they block.
 */
public record PeopleView(List<PersonChip> following, List<PersonChip> followers, List<FollowedTag> tags,
		List<String> sites, List<PersonChip> blocked) {

	/** How many of each list a page shows; more is a sign of a list nobody reads. */
	static final int LIMIT = 1_000;

	public record FollowedTag(String key, String display) {

		public String path() {
			return "/tag/" + TagKeys.pathOf(this.key);
		}

	}

}

package org.veille.follow;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the site form of the people page sends: a site as typed ({@code example.org/blog}).
 */
record SiteForm(@NotBlank(message = "{follow.site.required}") @Size(max = 300,
		message = "{follow.site.invalid}") String site) {

	SiteForm {
		site = (site != null) ? site : "";
	}

	static SiteForm empty() {
		return new SiteForm("");
	}

}

package org.veille.federation;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/federation}'s model: the blocked servers, the suspended accounts of other servers, whether remote
 * hashtags join threads.
 */
@Component
class FederationAdminPage {

	static final String VIEW = "federation/admin";

	private final DomainBlocks blocks;

	private final RemoteSuspensions suspensions;

	private final RemoteHashtags hashtags;

	FederationAdminPage(DomainBlocks blocks, RemoteSuspensions suspensions, RemoteHashtags hashtags) {
		this.blocks = blocks;
		this.suspensions = suspensions;
		this.hashtags = hashtags;
	}

	ModelAndView page() {
		return new ModelAndView(VIEW).addObject("blocked", this.blocks.all())
			.addObject("suspended", this.suspensions.all())
			.addObject("remoteHashtags", this.hashtags.allowed());
	}

}

package org.veille.federation;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** {@code /admin/federation}'s model: the blocked servers and the suspended accounts of other servers. */
@Component
class FederationAdminPage {

	static final String VIEW = "federation/admin";

	private final DomainBlocks blocks;

	private final RemoteSuspensions suspensions;

	FederationAdminPage(DomainBlocks blocks, RemoteSuspensions suspensions) {
		this.blocks = blocks;
		this.suspensions = suspensions;
	}

	ModelAndView page() {
		return new ModelAndView(VIEW).addObject("blocked", this.blocks.all())
			.addObject("suspended", this.suspensions.all());
	}

}

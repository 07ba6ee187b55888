package org.veille.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link that confirms an address, signed in or not. A GET shows the address and a button (mail scanners
 * open links; only the POST confirms); an expired or used link gets a page that says so.
 */
@Controller
class EmailConfirmController {

	private final AddressConfirmations confirmations;

	EmailConfirmController(AddressConfirmations confirmations) {
		this.confirmations = confirmations;
	}

	@GetMapping("/email/confirm/{token}")
	String ask(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<String> address = this.confirmations.address(token);
		if (address.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("outcome", "unusable");
			return "account/confirm";
		}
		model.addAttribute("address", address.get());
		model.addAttribute("token", token);
		model.addAttribute("outcome", "ask");
		return "account/confirm";
	}

	@PostMapping("/email/confirm/{token}")
	String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
		AddressConfirmations.Outcome outcome = this.confirmations.confirm(token);
		switch (outcome) {
			case UNUSABLE -> response.setStatus(HttpStatus.GONE.value());
			case TAKEN -> response.setStatus(HttpStatus.CONFLICT.value());
			case CONFIRMED -> {
			}
		}
		model.addAttribute("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
		return "account/confirm";
	}

}

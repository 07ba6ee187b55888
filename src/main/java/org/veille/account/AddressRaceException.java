package org.veille.account;

/**
 * Another sign-up took the same address between the check and the insert: answered as any sign-up (the
 * page never tells whether an address is taken), with nothing stored.
 */
class AddressRaceException extends RuntimeException {

	AddressRaceException() {
		super("The address was taken during the sign-up");
	}

}

package org.veille.link;

import java.util.UUID;

/**
 * A claimed fetch job.
 *
 * @param attempt 1 for the first attempt
 * @param token the claim's identity: only the worker holding it may finish the job
 */
record FetchJob(long linkId, String url, int attempt, UUID token) {
}

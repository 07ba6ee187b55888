package org.veille.complete;

import org.jspecify.annotations.Nullable;

/**
 * One suggestion: what to insert after the {@code #} or {@code @}, and a label to show beside it.
 */
public record Suggestion(String value, @Nullable String label) {
}

package org.veille.thread;

import java.util.List;

/**
 * A row of tag chips as a card shows it: a long row shows its first chips and folds the others behind
 * "and N more".
 *
 * @param shown the chips shown at once
 * @param folded the chips behind "and N more"; empty for a short row
 */
public record ChipRow(List<TagChip> shown, List<TagChip> folded) {

	/** A row longer than this folds, showing {@link #SHOWN_BEFORE_FOLD}. */
	static final int LONGEST_ROW = 10;

	static final int SHOWN_BEFORE_FOLD = 8;

	static ChipRow of(List<TagChip> chips) {
		if (chips.size() <= LONGEST_ROW) {
			return new ChipRow(chips, List.of());
		}
		return new ChipRow(chips.subList(0, SHOWN_BEFORE_FOLD), chips.subList(SHOWN_BEFORE_FOLD, chips.size()));
	}

	public boolean isEmpty() {
		return this.shown.isEmpty();
	}

}

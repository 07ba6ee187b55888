package org.veille.transfer.format;

/**
 * Choices the person importing makes.
 *
 * @param folderTags what the folders of a Netscape bookmark file become
 * @param includeReplies whether replies found in a Seenthis export become messages of their own (they lose their
 * conversation, so they are left out by default)
 */
public record ImportOptions(FolderTags folderTags, boolean includeReplies) {

	/** What the folders of a Netscape bookmark file become. */
	public enum FolderTags {

		/** Folders are ignored. */
		NONE,
		/** Each enclosing folder gives a tag: {@code Dev > Java} gives {@code #Dev #Java}. */
		EACH,
		/** The folder path gives one hierarchical tag: {@code Dev > Java} gives {@code #Dev/Java}. */
		PATH

	}

	/** Each folder a tag, replies left out. */
	public static ImportOptions defaults() {
		return new ImportOptions(FolderTags.EACH, false);
	}

	public ImportOptions withFolderTags(FolderTags folderTags) {
		return new ImportOptions(folderTags, this.includeReplies);
	}

	public ImportOptions withReplies(boolean includeReplies) {
		return new ImportOptions(this.folderTags, includeReplies);
	}

}

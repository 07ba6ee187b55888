package org.veille.transfer.format;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes an export one message at a time, in constant memory. {@link #close()} ends the document and flushes the
 * {@link java.io.Writer}, which it does not close: the response it writes to belongs to the caller.
 */
public interface ExportWriter extends Closeable {

	void write(ExportedMessage message) throws IOException;

}

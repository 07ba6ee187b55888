/**
 * Tags: their identity (key and display form), the tags of each message and thread, and tag pages.
 */
@NullMarked
package org.veille.tag;

import org.jspecify.annotations.NullMarked;

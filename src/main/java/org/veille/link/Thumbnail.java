package org.veille.link;

/** A thumbnail made by Veille, as stored and served: JPEG, or PNG when the image has transparency. */
record Thumbnail(String contentType, int width, int height, byte[] bytes) {
}

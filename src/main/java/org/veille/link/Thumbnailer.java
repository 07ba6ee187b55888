package org.veille.link;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * Scales a downloaded image to a small thumbnail with {@code javax.imageio}: PNG, JPEG, GIF (first frame) and the
 * other formats the JDK reads. The dimensions are read from the header before anything is decoded, so a small
 * file claiming a huge image (a decompression bomb) is refused; large images are decoded subsampled
 * ({@link #decodeStep}). Formats the JDK cannot read (WebP, SVG, AVIF) are refused with a reason. Pure Java,
 * thread-safe.
 */
final class Thumbnailer {

	/** Larger images are refused from their header. */
	static final int MAX_SIDE = 12_000;

	static final long MAX_PIXELS = 50_000_000L;

	/** A PNG of 8-bit samples up to this size is decoded whole: some 8 MB at four bytes a pixel. */
	static final long WHOLE_PNG_PIXELS = 2_000_000L;

	private static final float JPEG_QUALITY = 0.85f;

	static {
		// Decode in memory: no temporary files for images from strangers.
		ImageIO.setUseCache(false);
	}

	private Thumbnailer() {
	}

	/** A thumbnail, or why there is none. */
	sealed interface Result permits Made, Refused {
	}

	record Made(Thumbnail thumbnail) implements Result {
	}

	record Refused(String reason) implements Result {
	}

	/** @param maxSide the largest side of the thumbnail; smaller images keep their size */
	static Result make(byte[] image, int maxSide) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			Iterator<ImageReader> readers = (in != null) ? ImageIO.getImageReaders(in) : null;
			if (readers == null || !readers.hasNext()) {
				return new Refused("not an image format Veille can read (such as WebP, SVG or AVIF)");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return scale(reader, maxSide);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return new Refused("unreadable image: " + ex.getClass().getSimpleName());
		}
	}

	private static Result scale(ImageReader reader, int maxSide) throws IOException {
		int width = reader.getWidth(0);
		int height = reader.getHeight(0);
		String format = reader.getFormatName().toUpperCase(Locale.ROOT);
		if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
			return new Refused(format + " image of " + width + "×" + height + " pixels is too large to decode");
		}
		ImageReadParam param = reader.getDefaultReadParam();
		int step = decodeStep(format, reader.getRawImageType(0), width, height, maxSide);
		param.setSourceSubsampling(step, step, 0, 0);
		BufferedImage source = reader.read(0, param);
		double scale = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
		int targetWidth = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int targetHeight = Math.max(1, (int) Math.round(source.getHeight() * scale));
		boolean alpha = source.getColorModel().hasAlpha();
		BufferedImage target = new BufferedImage(targetWidth, targetHeight,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(source, 0, 0, targetWidth, targetHeight, null);
		}
		finally {
			graphics.dispose();
		}
		byte[] bytes = alpha ? png(target) : jpeg(target);
		return new Made(new Thumbnail(alpha ? "image/png" : "image/jpeg", targetWidth, targetHeight, bytes));
	}

	/**
	 * How many source pixels apart the decoded pixels are, in each direction: about twice the thumbnail's size, which
	 * bounds the memory a large image takes. Except for a PNG of 8-bit samples up to {@link #WHOLE_PNG_PIXELS}:
	 * decoded whole, the JDK's PNG reader copies each row at once, but subsampled it goes pixel by pixel, which
	 * costs more than the pixels it skips (a 1200×630 PNG, the usual preview: 3.4 ms of CPU whole, 5.2 ms at one
	 * pixel in two; a JPEG of that size is decoded faster subsampled).
	 */
	static int decodeStep(String format, @Nullable ImageTypeSpecifier rawType, int width, int height, int maxSide) {
		boolean bytePng = "PNG".equals(format) && rawType != null
				&& rawType.getSampleModel().getDataType() == DataBuffer.TYPE_BYTE;
		if (bytePng && (long) width * height <= WHOLE_PNG_PIXELS) {
			return 1;
		}
		return Math.max(1, Math.max(width, height) / (2 * maxSide));
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}

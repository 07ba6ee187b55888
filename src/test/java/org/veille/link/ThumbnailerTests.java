package org.veille.link;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ThumbnailerTests {

	@ParameterizedTest
	@ValueSource(strings = { "png", "jpeg", "gif", "bmp" })
	void shouldScaleWhatTheJdkReadsToFitTheSize(String format) throws IOException {
		Thumbnail thumbnail = made(Thumbnailer.make(Images.picture(format, 800, 400), 200));

		assertThat(thumbnail.width()).isEqualTo(200);
		assertThat(thumbnail.height()).isEqualTo(100);
		assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
		assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.bytes())).getWidth()).isEqualTo(200);
	}

	@Test
	void shouldKeepTransparencyInAPng() throws IOException {
		BufferedImage image = new BufferedImage(300, 600, BufferedImage.TYPE_INT_ARGB);
		Thumbnail thumbnail = made(Thumbnailer.make(Images.encode(image, "png"), 120));

		assertThat(thumbnail.contentType()).isEqualTo("image/png");
		assertThat(thumbnail.width()).isEqualTo(60);
		assertThat(thumbnail.height()).isEqualTo(120);
	}

	@Test
	void shouldNeverEnlargeASmallImage() {
		Thumbnail thumbnail = made(Thumbnailer.make(Images.picture("png", 40, 30), 240));

		assertThat(thumbnail.width()).isEqualTo(40);
		assertThat(thumbnail.height()).isEqualTo(30);
	}

	@Test
	void shouldDecodeALargeImageSubsampled() {
		Thumbnail thumbnail = made(Thumbnailer.make(Images.picture("png", 6000, 3000), 240));

		assertThat(thumbnail.width()).isEqualTo(240);
		assertThat(thumbnail.height()).isEqualTo(120);
	}

	@Test
	void shouldDecodeAPreviewSizedPngWholeSinceTheJdkSubsamplesItPixelByPixel() throws IOException {
		ImageTypeSpecifier previewPng = rawType(Images.picture("png", 1200, 630));
		ImageTypeSpecifier sixteenBits = ImageTypeSpecifier.createGrayscale(16, DataBuffer.TYPE_USHORT, false);

		assertThat(Thumbnailer.decodeStep("PNG", previewPng, 1200, 630, 240)).isEqualTo(1);
		assertThat(Thumbnailer.decodeStep("PNG", previewPng, 2000, 1000, 240)).isEqualTo(1);
		assertThat(Thumbnailer.decodeStep("PNG", previewPng, 6000, 3000, 240)).isEqualTo(12);
		assertThat(Thumbnailer.decodeStep("PNG", sixteenBits, 1200, 630, 240)).isEqualTo(2);
		assertThat(Thumbnailer.decodeStep("JPEG", rawType(Images.picture("jpeg", 1200, 630)), 1200, 630, 240))
			.isEqualTo(2);
	}

	@Test
	void shouldScaleASixteenBitPng() {
		BufferedImage image = new BufferedImage(1200, 630, BufferedImage.TYPE_USHORT_GRAY);
		Thumbnail thumbnail = made(Thumbnailer.make(Images.encode(image, "png"), 240));

		assertThat(thumbnail.width()).isEqualTo(240);
		assertThat(thumbnail.height()).isEqualTo(126);
	}

	@Test
	void shouldRefuseADecompressionBombFromItsHeader() {
		String reason = refused(Thumbnailer.make(Images.pngHeader(30_000, 30_000), 240));

		assertThat(reason).contains("30000×30000").contains("too large");
	}

	@Test
	void shouldRefuseFormatsTheJdkCannotRead() {
		byte[] webp = "RIFF\u0024\0\0\0WEBPVP8 \u0018\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"9\" height=\"9\"/></svg>"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(refused(Thumbnailer.make(webp, 240))).contains("WebP");
		assertThat(refused(Thumbnailer.make(svg, 240))).contains("SVG");
	}

	@Test
	void shouldRefuseWhatIsNotAnImageOrIsBroken() {
		byte[] html = "<!doctype html><title>Not an image</title>".getBytes(StandardCharsets.UTF_8);
		byte[] png = Images.picture("png", 100, 100);
		byte[] truncated = java.util.Arrays.copyOf(png, png.length / 3);

		assertThat(refused(Thumbnailer.make(html, 240))).isNotBlank();
		assertThat(refused(Thumbnailer.make(truncated, 240))).startsWith("unreadable image");
		assertThat(refused(Thumbnailer.make(new byte[0], 240))).isNotBlank();
	}

	private static ImageTypeSpecifier rawType(byte[] image) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			try {
				reader.setInput(in, true, true);
				return reader.getRawImageType(0);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static Thumbnail made(Thumbnailer.Result result) {
		assertThat(result).isInstanceOf(Thumbnailer.Made.class);
		return ((Thumbnailer.Made) result).thumbnail();
	}

	private static String refused(Thumbnailer.Result result) {
		assertThat(result).isInstanceOf(Thumbnailer.Refused.class);
		return ((Thumbnailer.Refused) result).reason();
	}

	/** Images made by the tests themselves. */
	static final class Images {

		private Images() {
		}

		/** An opaque picture with some shapes, in this ImageIO format. */
		static byte[] picture(String format, int width, int height) {
			BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = image.createGraphics();
			graphics.setColor(new Color(0x1f4e5f));
			graphics.fillRect(0, 0, width, height);
			graphics.setColor(new Color(0xb08d57));
			graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
			graphics.dispose();
			return encode(image, format);
		}

		static byte[] encode(BufferedImage image, String format) {
			try {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				assertThat(ImageIO.write(image, format, out)).as("a writer for %s", format).isTrue();
				return out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** The signature and header chunk of a PNG claiming these dimensions, and nothing more. */
		static byte[] pngHeader(int width, int height) {
			ByteBuffer ihdr = ByteBuffer.allocate(17);
			ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
			ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
			CRC32 crc = new CRC32();
			crc.update(ihdr.array());
			ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
			png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
			png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
			return png.array();
		}

	}

}

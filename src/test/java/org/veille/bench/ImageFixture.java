package org.veille.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/** A preview image of the usual Open Graph size, drawn here. */
final class ImageFixture {

	private ImageFixture() {
	}

	static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(0x1f4e5f), width, height, new Color(0xb08d57)));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.WHITE);
		for (int i = 0; i < 40; i++) {
			graphics.drawOval(i * 29 % width, i * 17 % height, 60 + i, 40 + i);
		}
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}

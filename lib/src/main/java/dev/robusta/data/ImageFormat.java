package dev.robusta.data;

/** Image container formats recognised by their first bytes, never by the file extension. */
enum ImageFormat {
  JPEG, PNG, GIF, BMP, WEBP, UNKNOWN;

  /** @return the format whose signature starts {@code b} */
  static ImageFormat sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return JPEG;
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
        && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
      return PNG;
    }
    if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return GIF;
    }
    if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
      return BMP;
    }
    if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return WEBP;
    }
    return UNKNOWN;
  }

  /** @return whether a JPEG stream ends with its EOI marker (allowing trailing padding bytes) */
  static boolean jpegHasEoi(byte[] b) {
    int end = b.length;
    int stop = Math.max(2, end - 4096);
    for (int i = end - 1; i >= stop; i--) {
      if ((b[i] & 0xff) == 0xD9 && (b[i - 1] & 0xff) == 0xFF) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the number of colour components in the JPEG's frame header (1 grey, 3 YCbCr/RGB, 4
   *     CMYK/YCCK), or -1 when no SOF marker is found
   */
  static int jpegComponents(byte[] b) {
    int i = 2;
    while (i + 9 < b.length) {
      if ((b[i] & 0xff) != 0xFF) {
        return -1;
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        return b[i + 9] & 0xff;
      }
      if (marker == 0xDA) {
        return -1;
      }
      i += 2 + len;
    }
    return -1;
  }
}

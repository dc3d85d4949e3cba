package org.redditclone.engine.ranking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;

/**
 * Opaque page cursors: the {@link RankKey} of the last item of a page, tagged with the listing
 * kind so that a cursor of one listing is refused by another. Base64url of {@code v1|kind|rank|id}.
 */
public final class Cursor {

  private static final String VERSION = "v1";

  private Cursor() {}

  /** Returns the cursor that resumes a listing of {@code kind} after {@code last}. */
  public static String encode(String kind, RankKey last) {
    Objects.requireNonNull(kind, "kind");
    String text = VERSION + "|" + kind + "|" + Long.toHexString(Double.doubleToLongBits(last.rank()))
        + "|" + last.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the position a cursor of {@code kind} resumes after, or null for a null cursor (the
   * first page).
   *
   * @throws InvalidInputException if the cursor is not one this listing returned
   */
  public static RankKey decode(String kind, String cursor) throws InvalidInputException {
    if (cursor == null) {
      return null;
    }
    String rule = "is not a cursor of this " + kind + " listing; pass null or a nextCursor it returned";
    if (cursor.isEmpty() || cursor.length() > Limits.CURSOR_MAX) {
      throw new InvalidInputException("cursor", cursor, rule);
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = text.split("\\|", -1);
      if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(kind)) {
        throw new InvalidInputException("cursor", cursor, rule);
      }
      double rank = Double.longBitsToDouble(Long.parseUnsignedLong(parts[2], 16));
      long id = Long.parseLong(parts[3]);
      if (Double.isNaN(rank) || id < 0) {
        throw new InvalidInputException("cursor", cursor, rule);
      }
      return new RankKey(rank, id);
    } catch (IllegalArgumentException e) { // bad base64 or bad number; NumberFormatException too
      throw new InvalidInputException("cursor", cursor, rule);
    }
  }
}
